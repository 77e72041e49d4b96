/**
 * Spellings and forms that mean the same word, folded to one before stemming: British and American
 * spellings ("colour", "color"; "organise", "organize"), irregular verbs ("slept" → "sleep"), and the
 * abbreviations people type in chats ("temp", "mins", "tmrw"). Applied to the material and to questions
 * alike, so either spelling finds the other.
 */

// Irregular past forms whose base form is unambiguous ("left", "lay", "read", "bit" are left alone).
const IRREGULAR = `slept:sleep woke:wake woken:wake ran:run ate:eat eaten:eat went:go gone:go got:get gotten:get felt:feel
kept:keep fell:fall fallen:fall took:take taken:take gave:give given:give began:begin begun:begin brought:bring
bought:buy thought:think told:tell said:say made:make did:do done:do saw:see seen:see knew:know known:know came:come
wrote:write written:write drank:drink drunk:drink drove:drive driven:drive rode:ride ridden:ride swam:swim swum:swim
sat:sit stood:stand spent:spend sent:send lost:lose paid:pay met:meet heard:hear held:hold fed:feed found:find built:build
caught:catch taught:teach chose:choose chosen:choose broke:break broken:break spoke:speak spoken:speak wore:wear worn:wear
threw:throw thrown:throw grew:grow grown:grow flew:fly flown:fly drew:draw drawn:draw forgot:forget forgotten:forget
hid:hide hidden:hide shook:shake stuck:stick swung:swing hung:hang dug:dig won:win sang:sing sung:sing sank:sink
slid:slide fought:fight sought:seek understood:understand became:become ridden:ride woven:weave beaten:beat
children:child men:man women:woman feet:foot teeth:tooth mice:mouse geese:goose`;

const BRITISH = `behaviour:behavior colour:color favour:favor favourite:favorite flavour:flavor honour:honor humour:humor
labour:labor neighbour:neighbor rumour:rumor harbour:harbor centre:center metre:meter litre:liter theatre:theater
fibre:fiber kilometre:kilometer millimetre:millimeter centimetre:centimeter paediatrician:pediatrician
paediatric:pediatric anaemia:anemia oestrogen:estrogen travelling:traveling travelled:traveled traveller:traveler
cancelled:canceled cancelling:canceling modelling:modeling labelled:labeled counselling:counseling tyre:tire
tyres:tires mum:mom mummy:mommy programme:program practise:practice defence:defense licence:license grey:gray
pyjamas:pajamas aluminium:aluminum plough:plow kerb:curb cosy:cozy mould:mold moult:molt jewellery:jewelry
catalogue:catalog dialogue:dialog analyse:analyze enrol:enroll enrolment:enrollment fulfil:fulfill skilful:skillful`;

const CHAT = `temp:temperature temps:temperatures mins:minutes min:minute hrs:hours hr:hour secs:seconds sec:second wks:weeks
wk:week yrs:years yr:year mo:month mos:months tmrw:tomorrow tmr:tomorrow tomoz:tomorrow tonite:tonight ppl:people
pic:picture pics:pictures info:information approx:approximately kms:km kilometer:km kilometers:km kilometres:km
kilometre:km meters:meter metres:meter kgs:kg kilogram:kg kilograms:kg yo:year bday:birthday convo:conversation
convos:conversations prob:probably probs:probably rn:now asap:soon diff:different fav:favorite fave:favorite
gf:girlfriend bf:boyfriend hubby:husband msg:message msgs:messages txt:text pls:please thx:thanks`;

function table(source: string): Map<string, string> {
  return new Map(
    source
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split(":") as [string, string]),
  );
}

const FORMS = new Map([...table(IRREGULAR), ...table(BRITISH), ...table(CHAT)]);

/** The one spelling a word is folded to. */
export function foldWordForm(word: string): string {
  const known = FORMS.get(word);
  if (known) return known;
  // British -ise/-isation/-ising, as in "organise"; short words ("rise", "wise", "noise") are left alone.
  if (word.length > 6) {
    const ized = word.replace(/(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$/, "iz$1");
    if (ized !== word) return ized;
  }
  return word;
}

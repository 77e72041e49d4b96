/**
 * Words that say nothing about what a question is about: English function words, the auxiliaries and
 * pronouns of questions ("should I", "do you"), and the filler of chat messages ("ugh", "lol",
 * "honestly"). Question words that set what kind of answer is wanted ("how long", "when") are read by
 * the question analysis before these are dropped.
 */
const FUNCTION_WORDS = `a about above after again against all almost also although always am an and any anyone anything are
around as at be because been before being below between both but by can could did do does doing done down during each
either else enough even ever every few for from further had has have having he her here hers herself him himself his how
i if in into is it its itself just let me more most much must my myself no nor not now of off on only or other our ours
ourselves out over own per quite rather same she should so some somebody someone something such than that the their
theirs them themselves then there these they this those through to too under until up upon us very was we were what
whatever when whenever where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves i'm i've i'd i'll you're you've you'd you'll it'd it'll he's she's we're we've they're they've
that's there's what's let's here's who's how's where's when's why's isn ain aren couldn didn doesn don hadn hasn haven
mustn needn shan shouldn wasn weren wouldn cannot may might shall ought they'd we'd she'd he'd i'd it'd you'd
they'll we'll she'll he'll it's im ive youre theyre shes hes its whats thats theres dont cant wont didnt
doesnt isnt arent wasnt werent couldnt shouldnt wouldnt havent hasnt hadnt st nd rd th`;

const CHAT_FILLER = `ugh argh hmm hm um uh oh ah lol haha omg ok okay hey hi hello thanks thank pls please plz help
really actually basically literally honestly totally seriously anyway anyways maybe perhaps probably definitely sure
yeah yes yep nope know think wonder wondering guess mean ask asking asked question questions want wanted wanting need
needed needs thing things stuff bit lot lots kind sort way ways supposed tips tip advice idea ideas`;

/** The stop list, lower-cased. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${FUNCTION_WORDS} ${CHAT_FILLER}`.split(/\s+/).filter(Boolean),
);

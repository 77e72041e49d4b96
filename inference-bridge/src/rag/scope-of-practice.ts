/**
 * The creator's scope of practice: questions a coach must refer on rather than answer — medication and
 * doses, diagnosis, legal and financial advice, and any topics the creator adds — are answered with
 * the creator's referral line (or a default in the persona's language), in every answer mode and with
 * or without a model, whatever the material says: a sleep guide that mentions melatonin is not a
 * prescription. Read from the question in English, Spanish, Portuguese, French and German; and from
 * the retrieved material too, so that a dose written in a document is never passed on as advice.
 */
import type { Persona } from "@coach/contracts/bridge";

/** What a question is outside the coach's scope for. */
export type ScopeTopic = "medication" | "diagnosis" | "legal" | "financial" | "creator";

const DRUGS = String.raw`(?:meds|medication|medicine|medicines|medicamento|medicamentos|remedio|remedios|medicament|medicaments|medikament|medikamente|tablette|tabletten|pills?|tablets?|pastillas?|comprimidos?|comprimes?|cachets?|melatonin|melatonina|melatonine|ibuprofen|ibuprofeno|ibuprofene|paracetamol|acetaminophen|tylenol|aspirin|aspirina|aspirine|antidepressants?|antidepresivos?|antidepressivos?|antidepresseurs?|antidepressiva|ssri|sertraline|sertralina|fluoxetine|fluoxetina|prozac|zoloft|xanax|valium|diazepam|lorazepam|zolpidem|ambien|adderall|ritalin|methylphenidate|insulin|insulina|insuline|metformin|statins?|beta blockers?|sleeping pills?|somniferos?|somniferes?|schlaftabletten|antihistamines?|benadryl|diphenhydramine|cbd|magnesium|magnesio)`;

/** A dose: an amount in a drug's units, or a drug named beside a dose or an amount. */
const MATERIAL_DOSE = [
  /\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|milligrams?|miligramos?|miligramas?|milligrammes?|milligramm|iu)\b/,
  new RegExp(
    String.raw`\b${DRUGS}\b.{0,40}\b(?:dose|doses|dosage|dosis|dosagem|posologie|dosierung|\d+(?:[.,]\d+)? ?(?:ml|drops?|tablets?|pills?|capsules?))\b`,
  ),
  new RegExp(
    String.raw`\b(?:take|takes|taking|tomar|toma|tome|prendre|prenez|nimm|nehmen)\b.{0,20}\b(?:\d+|a|one|two|three|half an?|una?|dos|tres|duas|deux|trois|une?|eine?n?|zwei|drei)\b.{0,15}\b${DRUGS}\b`,
  ),
];

const TOPICS: { topic: Exclude<ScopeTopic, "creator">; patterns: RegExp[] }[] = [
  {
    topic: "medication",
    patterns: [
      /\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|milligrams?|miligramos?|miligramas?|milligrammes?|milligramm|ml|iu)\b/,
      new RegExp(
        String.raw`\b(?:dose|doses|dosage|dosing|dosis|dosagem|posologie|dosierung)\b.{0,40}\b${DRUGS}\b`,
      ),
      new RegExp(
        String.raw`\b${DRUGS}\b.{0,40}\b(?:dose|doses|dosage|dosing|dosis|dosagem|posologie|dosierung)\b`,
      ),
      new RegExp(
        String.raw`\b(?:how (?:much|many)|how often|when|can i|should i|is it safe to|is it ok to|ok to|safe to|stop taking|start taking|come off|wean off|double|increase|reduce|mix|combine)\b.{0,40}\b${DRUGS}\b`,
      ),
      new RegExp(
        String.raw`\b(?:cuant[oa]s?|puedo|debo|tomar|dejar de tomar|quanto|quantos|posso|devo|parar de tomar|combien|puis-je|je peux|dois-je|arreter|wie viel|wieviel|darf ich|soll ich|absetzen|einnehmen)\b.{0,40}\b${DRUGS}\b`,
      ),
      new RegExp(
        String.raw`\b${DRUGS}\b.{0,40}\b(?:how much|how many|is it safe|safe to|together with|with alcohol|instead of)\b`,
      ),
    ],
  },
  {
    topic: "diagnosis",
    patterns: [
      /\b(?:do|could|might) i have (?:adhd|add|autism|depression|anxiety disorder|bipolar|ocd|ptsd|sleep apnea|sleep apnoea|narcolepsy|diabetes|a thyroid problem|an eating disorder|insomnia disorder|restless legs|cancer|long covid)\b/,
      /\b(?:diagnose|diagnosis|diagnosed|diagnostico|diagnosticar|diagnostic|diagnose|diagnostizieren)\b/,
      /\b(?:is (?:this|it) a symptom of|is (?:this|it) a sign of|symptoms of)\b.{0,40}\b(?:disease|disorder|syndrome|cancer|diabetes|apnea|apnoea|adhd|depression)\b/,
      /\b(?:tengo|tendre|sera que tengo|eu tenho|sera que tenho|est-ce que jai|ai-je|habe ich)\b.{0,20}\b(?:tdah|adhs|depresion|depressao|depression|apnea|apneia|apnee|diabetes|diabete|autismo|autisme|autismus)\b/,
    ],
  },
  {
    topic: "legal",
    patterns: [
      /\b(?:is (?:it|this|that) legal|illegal|sue|suing|lawsuit|legal advice|lawyer|attorney|solicitor|contract clause|non-compete|noncompete|unfair dismissal|wrongful termination|visa status|immigration status)\b/,
      /\b(?:abogado|demandar|demanda judicial|es legal|es ilegal|advogado|processar|e legal|e ilegal|avocat|poursuivre en justice|est-ce legal|anwalt|verklagen|ist das legal|ist es legal|rechtsberatung)\b/,
    ],
  },
  {
    topic: "financial",
    patterns: [
      /\b(?:should i invest (?:in )?(?:stocks?|shares|crypto\w*|bitcoin|property|real estate|gold|funds?|etfs?)|should i invest my (?:money|savings|bonus)|(?:buy|sell) (?:stocks?|shares|crypto\w*|bitcoin)|which (?:stocks?|shares|funds?|etfs?|crypto\w*)|cryptocurrenc\w*|bitcoin|stock market|index funds?|tax return|tax advice|financial advice|investment advice|financial advis[eo]r)\b/,
      /\b(?:invertir en|en que invertir|declaracion de la renta|investir em|declaracao de irs|imposto de renda|actions en bourse|declaration dimpots|in aktien|investieren in|steuererklarung)\b/,
    ],
  },
];

type Referrals = Record<ScopeTopic, string>;

const REFERRALS = {
  en: {
    medication:
      "That's one for your doctor or pharmacist: I can't advise on medication or doses. I'm glad to help with the habits around it.",
    diagnosis:
      "That's one for your doctor: I can't diagnose anything. If something worries you, please get it checked; I'm glad to help with the rest.",
    legal:
      "That's one for a lawyer: I can't give legal advice. I'm glad to help you prepare for the conversation.",
    financial:
      "That's one for a qualified financial adviser: I can't give financial advice. I'm glad to help with the parts of it I coach on.",
    creator:
      "That's outside what I coach on, so I'd rather not advise on it. Please ask a professional.",
  },
  es: {
    medication:
      "Eso es para tu médico o farmacéutico: no puedo aconsejar sobre medicamentos ni dosis. Con gusto te ayudo con los hábitos.",
    diagnosis:
      "Eso es para tu médico: no puedo diagnosticar nada. Si algo te preocupa, consúltalo; con gusto te ayudo con lo demás.",
    legal: "Eso es para un abogado: no puedo dar asesoramiento legal.",
    financial: "Eso es para un asesor financiero: no puedo dar consejos financieros.",
    creator:
      "Eso queda fuera de lo que trabajo, así que prefiero no aconsejarte. Consulta a un profesional.",
  },
  pt: {
    medication:
      "Isso é para o seu médico ou farmacêutico: não posso aconselhar sobre medicamentos nem doses. Posso ajudar com os hábitos.",
    diagnosis:
      "Isso é para o seu médico: não posso diagnosticar nada. Se algo o preocupa, procure avaliação; posso ajudar com o resto.",
    legal: "Isso é para um advogado: não posso dar aconselhamento jurídico.",
    financial: "Isso é para um consultor financeiro: não posso dar aconselhamento financeiro.",
    creator:
      "Isso está fora do que eu acompanho, por isso prefiro não aconselhar. Fale com um profissional.",
  },
  fr: {
    medication:
      "C'est une question pour votre médecin ou votre pharmacien : je ne peux pas conseiller sur les médicaments ni les doses. Je peux vous aider pour les habitudes.",
    diagnosis:
      "C'est une question pour votre médecin : je ne peux rien diagnostiquer. Si quelque chose vous inquiète, faites-le vérifier.",
    legal: "C'est une question pour un avocat : je ne peux pas donner de conseil juridique.",
    financial:
      "C'est une question pour un conseiller financier : je ne peux pas donner de conseil financier.",
    creator:
      "Cela sort de ce que j'accompagne, je préfère ne pas conseiller. Adressez-vous à un professionnel.",
  },
  de: {
    medication:
      "Das ist eine Frage für deine Ärztin, deinen Arzt oder die Apotheke: Zu Medikamenten und Dosierungen kann ich nicht beraten. Bei den Gewohnheiten helfe ich gern.",
    diagnosis:
      "Das ist eine Frage für deine Ärztin oder deinen Arzt: Ich kann nichts diagnostizieren. Wenn dich etwas beunruhigt, lass es abklären.",
    legal:
      "Das ist eine Frage für eine Anwältin oder einen Anwalt: Rechtsberatung kann ich nicht geben.",
    financial: "Das ist eine Frage für eine Finanzberatung: Finanzberatung kann ich nicht geben.",
    creator:
      "Das liegt außerhalb dessen, wobei ich begleite, daher berate ich dazu nicht. Frag bitte eine Fachperson.",
  },
} satisfies Record<string, Referrals>;

/** Lower case, no accents or apostrophes, single spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’'`]/g, "")
    .replace(/\s+/g, " ");
}

/** The creator's own out-of-scope topics, normalised. */
function ownTopics(persona: Persona): string[] {
  return (persona.out_of_scope ?? []).map((topic) => normalise(topic).trim()).filter(Boolean);
}

/** The topic `question` is outside the coach's scope for, or null. */
export function outOfScope(question: string, persona: Persona): ScopeTopic | null {
  const text = normalise(question.slice(0, 2_000));
  if (ownTopics(persona).some((topic) => text.includes(topic))) return "creator";
  return TOPICS.find(({ patterns }) => patterns.some((p) => p.test(text)))?.topic ?? null;
}

/**
 * The topic a sentence of the creator's material is outside the coach's scope for, or null: a dose
 * of a medicine, or one of the creator's own out-of-scope topics. Such a sentence is never quoted and
 * never shown to a model; when it is what best matches the question, the question gets the referral.
 */
export function materialOutOfScope(sentence: string, persona: Persona): ScopeTopic | null {
  const text = normalise(sentence.slice(0, 2_000));
  if (ownTopics(persona).some((topic) => text.includes(topic))) return "creator";
  return MATERIAL_DOSE.some((pattern) => pattern.test(text)) ? "medication" : null;
}

/** `text` without its sentences that are outside the coach's scope. */
export function withoutOutOfScope(text: string, persona: Persona): string {
  return text
    .split(/(?<=[.!?])[ \t]+|(?=\n)/)
    .filter((sentence) => materialOutOfScope(sentence, persona) === null)
    .join(" ")
    .replace(/ \n/g, "\n");
}

/** What the assistant says instead: the creator's own referral line, or the default in their language. */
export function referralLine(topic: ScopeTopic, persona: Persona): string {
  if (persona.referral) return persona.referral;
  const language = (persona.languages?.[0] ?? persona.language ?? "en").slice(0, 2).toLowerCase();
  const byLanguage: Record<string, Referrals | undefined> = REFERRALS;
  return (byLanguage[language] ?? REFERRALS.en)[topic];
}

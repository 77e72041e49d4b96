// The reply to a message in a crisis: fixed words, never model text, in the language the person wrote
// in, naming the resources the workspace configured for the person's country and language first
// (workspace-resources.ts), then the services of their country when it is known (helplines.ts) or an
// international directory when not; the emergency number is always there. Calm and short: it says what
// to do now, that the assistant is not enough, and that a person of the coach's team has been told.
import { NO_CRISIS_RESOURCES, type CrisisResources } from "@coach/contracts/safety-settings";
import type { CrisisSignal } from "./detect-crisis";
import type { CrisisKind, CrisisLanguage } from "./crisis-patterns";
import { HELPLINE_DIRECTORY, helplinesOf } from "./helplines";
import { describeResource, resourcesFor } from "./workspace-resources";

/** What a reply may name: the emergency number and the line for this kind, when known. */
interface ReplyParts {
  emergency: string | null;
  line: string | null;
}

type Wording = {
  unknownEmergency: string;
  directory: string;
  /** What introduces the workspace's own resources when it has not written an introduction. */
  ownIntro: string;
  told: string;
  kinds: Record<CrisisKind, (emergency: string, lineSentence: string) => string>;
  line: Record<CrisisKind, (line: string) => string>;
};

const WORDING: Record<CrisisLanguage, Wording> = {
  en: {
    unknownEmergency: "your local emergency number (112 in Europe, 911 in North America)",
    directory: `You can find a free, confidential helpline in your country at ${HELPLINE_DIRECTORY}.`,
    ownIntro: "Your coach recommends:",
    told: "I've let the coach know, and a person will read this.",
    kinds: {
      self_harm: (e, l) =>
        `I'm really glad you told me, and I'm sorry you're going through this. I'm an automated assistant, so I can't give you the support you deserve right now, but people can. ${l} If you are in danger or might act on these thoughts, call ${e} now.`,
      harm_to_others: (e, l) =>
        `Thank you for telling me. If you feel you might hurt someone, put distance between you and them now if you can, and call ${e}. ${l}`,
      abuse: (e, l) =>
        `I'm so sorry this is happening to you; it is not your fault. If you are in danger right now, call ${e}. ${l}`,
      medical_emergency: (e) =>
        `This sounds like a medical emergency. Please call ${e} now, or ask someone near you to. I'm an automated assistant and can't help with this.`,
    },
    line: {
      self_harm: (l) => `You can talk to someone right now: ${l}.`,
      harm_to_others: (l) => `You can also talk to someone right now: ${l}.`,
      abuse: (l) => `A free, confidential line for people facing violence at home: ${l}.`,
      medical_emergency: () => "",
    },
  },
  es: {
    unknownEmergency: "número de emergencias de tu país (112 en Europa, 911 en América)",
    directory: `En ${HELPLINE_DIRECTORY} encontrarás una línea de ayuda gratuita y confidencial en tu país.`,
    ownIntro: "Tu coach te recomienda:",
    told: "He avisado al coach y una persona leerá esto.",
    kinds: {
      self_harm: (e, l) =>
        `Me alegra mucho que me lo hayas contado, y siento que estés pasando por esto. Soy un asistente automático y no puedo darte el apoyo que mereces ahora, pero hay personas que sí. ${l} Si estás en peligro o crees que podrías hacerte daño, llama al ${e} ahora.`,
      harm_to_others: (e, l) =>
        `Gracias por contármelo. Si sientes que podrías hacer daño a alguien, aléjate de esa persona ahora si puedes y llama al ${e}. ${l}`,
      abuse: (e, l) =>
        `Siento mucho que te esté pasando esto; no es culpa tuya. Si estás en peligro ahora mismo, llama al ${e}. ${l}`,
      medical_emergency: (e) =>
        `Esto parece una emergencia médica. Llama al ${e} ahora o pide a alguien cercano que lo haga. Soy un asistente automático y no puedo ayudarte con esto.`,
    },
    line: {
      self_harm: (l) => `Puedes hablar con alguien ahora mismo: ${l}.`,
      harm_to_others: (l) => `También puedes hablar con alguien ahora mismo: ${l}.`,
      abuse: (l) => `Una línea gratuita y confidencial para quien sufre violencia en casa: ${l}.`,
      medical_emergency: () => "",
    },
  },
  pt: {
    unknownEmergency: "o número de emergência do seu país (112 na Europa, 192 no Brasil)",
    directory: `Em ${HELPLINE_DIRECTORY} encontra uma linha de apoio gratuita e confidencial no seu país.`,
    ownIntro: "O seu coach recomenda:",
    told: "Avisei o coach e uma pessoa vai ler isto.",
    kinds: {
      self_harm: (e, l) =>
        `Obrigado por me contar, e lamento muito que esteja a passar por isto. Sou um assistente automático e não consigo dar o apoio que merece agora, mas há pessoas que conseguem. ${l} Se estiver em perigo ou achar que pode fazer algo contra si, ligue já para ${e}.`,
      harm_to_others: (e, l) =>
        `Obrigado por me contar. Se sente que pode magoar alguém, afaste-se dessa pessoa agora, se puder, e ligue para ${e}. ${l}`,
      abuse: (e, l) =>
        `Lamento muito que isto esteja a acontecer; a culpa não é sua. Se estiver em perigo agora, ligue para ${e}. ${l}`,
      medical_emergency: (e) =>
        `Isto parece uma emergência médica. Ligue já para ${e} ou peça a alguém perto de si que ligue. Sou um assistente automático e não posso ajudar com isto.`,
    },
    line: {
      self_harm: (l) => `Pode falar com alguém agora mesmo: ${l}.`,
      harm_to_others: (l) => `Também pode falar com alguém agora mesmo: ${l}.`,
      abuse: (l) => `Uma linha gratuita e confidencial para quem sofre violência em casa: ${l}.`,
      medical_emergency: () => "",
    },
  },
  fr: {
    unknownEmergency: "numéro d'urgence de votre pays (112 en Europe, 911 en Amérique du Nord)",
    directory: `Sur ${HELPLINE_DIRECTORY}, vous trouverez une ligne d'écoute gratuite et confidentielle dans votre pays.`,
    ownIntro: "Votre coach vous recommande :",
    told: "J'ai prévenu le coach, et une personne va lire ce message.",
    kinds: {
      self_harm: (e, l) =>
        `Merci de me l'avoir dit, et je suis désolé que vous traversiez cela. Je suis un assistant automatique et je ne peux pas vous apporter le soutien que vous méritez maintenant, mais des personnes le peuvent. ${l} Si vous êtes en danger ou pensez passer à l'acte, appelez le ${e} maintenant.`,
      harm_to_others: (e, l) =>
        `Merci de me l'avoir dit. Si vous sentez que vous pourriez faire du mal à quelqu'un, éloignez-vous de cette personne maintenant si vous le pouvez et appelez le ${e}. ${l}`,
      abuse: (e, l) =>
        `Je suis vraiment désolé que cela vous arrive ; ce n'est pas de votre faute. Si vous êtes en danger maintenant, appelez le ${e}. ${l}`,
      medical_emergency: (e) =>
        `Cela ressemble à une urgence médicale. Appelez le ${e} maintenant, ou demandez à quelqu'un près de vous de le faire. Je suis un assistant automatique et je ne peux pas vous aider pour cela.`,
    },
    line: {
      self_harm: (l) => `Vous pouvez parler à quelqu'un tout de suite : ${l}.`,
      harm_to_others: (l) => `Vous pouvez aussi parler à quelqu'un tout de suite : ${l}.`,
      abuse: (l) => `Une ligne gratuite et confidentielle pour les victimes de violences : ${l}.`,
      medical_emergency: () => "",
    },
  },
  de: {
    unknownEmergency: "Notrufnummer deines Landes (112 in Europa, 911 in Nordamerika)",
    directory: `Auf ${HELPLINE_DIRECTORY} findest du eine kostenlose, vertrauliche Beratung in deinem Land.`,
    ownIntro: "Dein Coach empfiehlt:",
    told: "Ich habe dem Coach Bescheid gegeben; ein Mensch wird das lesen.",
    kinds: {
      self_harm: (e, l) =>
        `Danke, dass du es mir sagst, und es tut mir leid, dass du das durchmachst. Ich bin ein automatischer Assistent und kann dir gerade nicht die Unterstützung geben, die du verdienst, aber Menschen können das. ${l} Wenn du in Gefahr bist oder glaubst, dir etwas anzutun, ruf jetzt die ${e} an.`,
      harm_to_others: (e, l) =>
        `Danke, dass du es mir sagst. Wenn du das Gefühl hast, jemandem wehtun zu können, geh jetzt auf Abstand, wenn du kannst, und ruf die ${e} an. ${l}`,
      abuse: (e, l) =>
        `Es tut mir sehr leid, dass dir das passiert; es ist nicht deine Schuld. Wenn du gerade in Gefahr bist, ruf die ${e} an. ${l}`,
      medical_emergency: (e) =>
        `Das klingt nach einem medizinischen Notfall. Ruf jetzt die ${e} an oder bitte jemanden in deiner Nähe darum. Ich bin ein automatischer Assistent und kann dabei nicht helfen.`,
    },
    line: {
      self_harm: (l) => `Du kannst sofort mit jemandem sprechen: ${l}.`,
      harm_to_others: (l) => `Du kannst auch sofort mit jemandem sprechen: ${l}.`,
      abuse: (l) => `Ein kostenloses, vertrauliches Hilfetelefon bei Gewalt: ${l}.`,
      medical_emergency: () => "",
    },
  },
};

function parts(kind: CrisisKind, country: string | null): ReplyParts {
  const lines = helplinesOf(country);
  const line =
    kind === "abuse" ? lines?.abuse : kind === "medical_emergency" ? null : lines?.crisis;
  return { emergency: lines?.emergency ?? null, line: line ?? null };
}

/** The workspace's own resources for the person, introduced, as one sentence; "" when none fit. */
function ownSentence(
  wording: Wording,
  own: CrisisResources,
  country: string | null,
  language: CrisisLanguage,
): string {
  const named = resourcesFor(own, country, language);
  if (named.length === 0) return "";
  return `${own.intro[language] ?? wording.ownIntro} ${named.map(describeResource).join("; ")}.`;
}

/**
 * The fixed reply to `signal`, for a person in `country` (ISO code, or null when unknown), naming the
 * workspace's `own` resources before the built-in ones. A medical emergency names the emergency number
 * alone: any other line would only delay that call.
 */
export function crisisReply(
  signal: CrisisSignal,
  country: string | null,
  own: CrisisResources = NO_CRISIS_RESOURCES,
): string {
  const wording = WORDING[signal.language];
  const { emergency, line } = parts(signal.kind, country);
  const lineSentence =
    signal.kind === "medical_emergency"
      ? ""
      : [
          ownSentence(wording, own, country, signal.language),
          line ? wording.line[signal.kind](line) : wording.directory,
        ]
          .filter(Boolean)
          .join(" ");
  const body = wording.kinds[signal.kind](emergency ?? wording.unknownEmergency, lineSentence);
  return `${body.trim()} ${wording.told}`;
}

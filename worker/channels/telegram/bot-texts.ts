// The Telegram bot's own words in each language the platform writes, and the language one update is
// answered in: the one a member (or the person, in the app) chose for the chat's contact, else the
// user's Telegram language when it has a catalogue, else the persona's first. The
// commands keep their Telegram names (/start, /stop…) in every language, as Telegram's menus show them.
import { and, eq } from "drizzle-orm";
import type { Context } from "grammy";
import { forTenant } from "../../db/tenant-gateway";
import { chooseReplyLanguage, type ReplyLanguage } from "../../lib/reply-language";
import { loadPersona } from "../../persona/load-persona";
import type { BotDeps } from "./bot-context";

export type BotTexts = {
  help: string;
  greeting: (botName: string) => string;
  reset: string;
  stopped: string;
  tooFast: string;
  programNotFound: (slug: string) => string;
  alreadyIn: (program: string) => string;
  joined: (program: string) => string;
  quietUsage: string;
  quietSet: (start: string, end: string) => string;
  quietOff: string;
  timeZoneUsage: string;
  timeZoneSet: (timeZone: string) => string;
};

export const BOT_TEXTS: Record<ReplyLanguage, BotTexts> = {
  en: {
    help: [
      "Ask me anything about the coaching material; I answer from it.",
      "/reset starts a new conversation",
      "/link shows a code to continue this conversation on WhatsApp; /link CODE uses a code from there",
      "/app gives a code to use this conversation in the coach's app on another phone or computer",
      "/stop turns off check-in messages (I still answer when you write)",
      "/start turns them on again",
      "/help shows this message",
      "/human asks for a person of the coaching team",
      "/start <program> joins a coaching program",
      "/quiet 22-7 sets quiet hours for check-ins (/quiet off removes them)",
      "/timezone Europe/Berlin sets your time zone",
    ].join("\n"),
    greeting: (bot) =>
      `Hello! I'm ${bot}, your coaching assistant. By writing to me you agree that your messages are stored so I can answer and follow your progress. Send /stop any time to turn off check-ins.`,
    reset: "Done: we're starting a fresh conversation. What would you like to work on?",
    stopped:
      "Check-in messages are off. I'll still answer whenever you write; send /start to turn them back on.",
    tooFast: "You're sending messages very quickly. Please wait a moment before the next one.",
    programNotFound: (slug) =>
      `I couldn't find a program called "${slug}". Check the link or the name, then try again.`,
    alreadyIn: (program) => `You're already in "${program}". Send /stop to leave it.`,
    joined: (program) =>
      `You're in: "${program}". I'll check in with you as we go; send /stop any time to stop.`,
    quietUsage: "Send it like this: /quiet 22-7 (no check-ins from 22:00 to 07:00), or /quiet off.",
    quietSet: (start, end) => `Got it: no check-ins between ${start} and ${end}.`,
    quietOff: "Got it: no quiet hours.",
    timeZoneUsage: "Send your time zone like this: /timezone Europe/Berlin",
    timeZoneSet: (tz) => `Got it: your time zone is ${tz}.`,
  },
  es: {
    help: [
      "Pregúntame lo que quieras sobre el material de coaching; respondo a partir de él.",
      "/reset empieza una conversación nueva",
      "/link muestra un código para seguir esta conversación en WhatsApp; /link CÓDIGO usa un código de allí",
      "/app da un código para usar esta conversación en la app del coach en otro teléfono u ordenador",
      "/stop desactiva los mensajes de seguimiento (sigo respondiendo cuando escribes)",
      "/start los vuelve a activar",
      "/help muestra este mensaje",
      "/humano pide hablar con una persona del equipo",
      "/start <programa> te une a un programa de coaching",
      "/quiet 22-7 fija horas de silencio para los seguimientos (/quiet off las quita)",
      "/timezone Europe/Madrid fija tu zona horaria",
    ].join("\n"),
    greeting: (bot) =>
      `¡Hola! Soy ${bot}, tu asistente de coaching. Al escribirme aceptas que se guarden tus mensajes para poder responderte y seguir tu progreso. Envía /stop cuando quieras para desactivar los seguimientos.`,
    reset: "Hecho: empezamos una conversación nueva. ¿En qué te gustaría trabajar?",
    stopped:
      "Los mensajes de seguimiento están desactivados. Seguiré respondiendo cuando escribas; envía /start para volver a activarlos.",
    tooFast: "Estás enviando mensajes muy rápido. Espera un momento antes del siguiente.",
    programNotFound: (slug) =>
      `No encuentro ningún programa llamado «${slug}». Revisa el enlace o el nombre y vuelve a intentarlo.`,
    alreadyIn: (program) => `Ya estás en «${program}». Envía /stop para salir.`,
    joined: (program) =>
      `Ya estás en «${program}». Te iré preguntando cómo vas; envía /stop cuando quieras parar.`,
    quietUsage:
      "Envíalo así: /quiet 22-7 (sin seguimientos de 22:00 a 07:00), o /quiet off para quitarlo.",
    quietSet: (start, end) => `Entendido: sin seguimientos entre las ${start} y las ${end}.`,
    quietOff: "Entendido: sin horas de silencio.",
    timeZoneUsage: "Envía tu zona horaria así: /timezone Europe/Madrid",
    timeZoneSet: (tz) => `Entendido: tu zona horaria es ${tz}.`,
  },
  pt: {
    help: [
      "Pergunte o que quiser sobre o material de coaching; respondo a partir dele.",
      "/reset começa uma conversa nova",
      "/link mostra um código para continuar esta conversa no WhatsApp; /link CÓDIGO usa um código de lá",
      "/app dá um código para usar esta conversa na app do coach noutro telemóvel ou computador",
      "/stop desliga as mensagens de acompanhamento (continuo a responder quando escreve)",
      "/start volta a ligá-las",
      "/help mostra esta mensagem",
      "/pessoa pede para falar com uma pessoa da equipa",
      "/start <programa> inscreve-o num programa de coaching",
      "/quiet 22-7 define horas de silêncio para os acompanhamentos (/quiet off remove-as)",
      "/timezone Europe/Lisbon define o seu fuso horário",
    ].join("\n"),
    greeting: (bot) =>
      `Olá! Sou ${bot}, o seu assistente de coaching. Ao escrever-me aceita que as suas mensagens sejam guardadas para eu poder responder e acompanhar o seu progresso. Envie /stop a qualquer momento para desligar os acompanhamentos.`,
    reset: "Feito: começamos uma conversa nova. Em que gostaria de trabalhar?",
    stopped:
      "As mensagens de acompanhamento estão desligadas. Continuo a responder quando escrever; envie /start para as voltar a ligar.",
    tooFast: "Está a enviar mensagens muito depressa. Espere um momento antes da próxima.",
    programNotFound: (slug) =>
      `Não encontrei nenhum programa chamado "${slug}". Verifique o link ou o nome e tente de novo.`,
    alreadyIn: (program) => `Já está em "${program}". Envie /stop para sair.`,
    joined: (program) =>
      `Está inscrito em "${program}". Vou acompanhando o seu progresso; envie /stop quando quiser parar.`,
    quietUsage:
      "Envie assim: /quiet 22-7 (sem acompanhamentos das 22:00 às 07:00), ou /quiet off para remover.",
    quietSet: (start, end) => `Combinado: sem acompanhamentos entre as ${start} e as ${end}.`,
    quietOff: "Combinado: sem horas de silêncio.",
    timeZoneUsage: "Envie o seu fuso horário assim: /timezone Europe/Lisbon",
    timeZoneSet: (tz) => `Combinado: o seu fuso horário é ${tz}.`,
  },
  fr: {
    help: [
      "Posez-moi vos questions sur le contenu du coaching ; je réponds à partir de celui-ci.",
      "/reset commence une nouvelle conversation",
      "/link affiche un code pour continuer cette conversation sur WhatsApp ; /link CODE utilise un code venu de là-bas",
      "/app donne un code pour retrouver cette conversation dans l'application du coach sur un autre téléphone ou ordinateur",
      "/stop désactive les messages de suivi (je réponds toujours quand vous écrivez)",
      "/start les réactive",
      "/help affiche ce message",
      "/humain demande à parler à une personne de l'équipe",
      "/start <programme> vous inscrit à un programme de coaching",
      "/quiet 22-7 définit des heures calmes pour les suivis (/quiet off les supprime)",
      "/timezone Europe/Paris définit votre fuseau horaire",
    ].join("\n"),
    greeting: (bot) =>
      `Bonjour ! Je suis ${bot}, votre assistant de coaching. En m'écrivant, vous acceptez que vos messages soient conservés pour que je puisse vous répondre et suivre vos progrès. Envoyez /stop à tout moment pour désactiver les suivis.`,
    reset:
      "C'est fait : nous commençons une nouvelle conversation. Sur quoi souhaitez-vous travailler ?",
    stopped:
      "Les messages de suivi sont désactivés. Je réponds toujours quand vous écrivez ; envoyez /start pour les réactiver.",
    tooFast: "Vous envoyez des messages très vite. Attendez un instant avant le suivant.",
    programNotFound: (slug) =>
      `Je ne trouve aucun programme nommé « ${slug} ». Vérifiez le lien ou le nom, puis réessayez.`,
    alreadyIn: (program) => `Vous participez déjà à « ${program} ». Envoyez /stop pour le quitter.`,
    joined: (program) =>
      `Vous participez à « ${program} ». Je prendrai de vos nouvelles au fil du programme ; envoyez /stop à tout moment pour arrêter.`,
    quietUsage:
      "Envoyez-le ainsi : /quiet 22-7 (pas de suivi de 22:00 à 07:00), ou /quiet off pour les supprimer.",
    quietSet: (start, end) => `C'est noté : pas de suivi entre ${start} et ${end}.`,
    quietOff: "C'est noté : pas d'heures calmes.",
    timeZoneUsage: "Envoyez votre fuseau horaire ainsi : /timezone Europe/Paris",
    timeZoneSet: (tz) => `C'est noté : votre fuseau horaire est ${tz}.`,
  },
  de: {
    help: [
      "Frag mich alles zum Coaching-Material; ich antworte auf seiner Grundlage.",
      "/reset beginnt ein neues Gespräch",
      "/link zeigt einen Code, um dieses Gespräch auf WhatsApp fortzusetzen; /link CODE nutzt einen Code von dort",
      "/app gibt dir einen Code, um dieses Gespräch in der App des Coaches auf einem anderen Handy oder Computer zu nutzen",
      "/stop schaltet Check-in-Nachrichten aus (ich antworte weiter, wenn du schreibst)",
      "/start schaltet sie wieder ein",
      "/help zeigt diese Nachricht",
      "/mensch bittet um einen Menschen aus dem Coaching-Team",
      "/start <Programm> meldet dich bei einem Coaching-Programm an",
      "/quiet 22-7 legt Ruhezeiten für Check-ins fest (/quiet off hebt sie auf)",
      "/timezone Europe/Berlin legt deine Zeitzone fest",
    ].join("\n"),
    greeting: (bot) =>
      `Hallo! Ich bin ${bot}, dein Coaching-Assistent. Wenn du mir schreibst, bist du einverstanden, dass deine Nachrichten gespeichert werden, damit ich antworten und deinen Fortschritt begleiten kann. Sende jederzeit /stop, um Check-ins auszuschalten.`,
    reset: "Erledigt: Wir beginnen ein neues Gespräch. Woran möchtest du arbeiten?",
    stopped:
      "Check-in-Nachrichten sind aus. Ich antworte weiter, wenn du schreibst; sende /start, um sie wieder einzuschalten.",
    tooFast: "Du sendest sehr schnell Nachrichten. Bitte warte kurz vor der nächsten.",
    programNotFound: (slug) =>
      `Ich finde kein Programm namens „${slug}“. Prüfe den Link oder den Namen und versuche es noch einmal.`,
    alreadyIn: (program) => `Du bist schon in „${program}“. Sende /stop, um es zu verlassen.`,
    joined: (program) =>
      `Du bist dabei: „${program}“. Ich melde mich unterwegs bei dir; sende jederzeit /stop, um aufzuhören.`,
    quietUsage:
      "Sende es so: /quiet 22-7 (keine Check-ins von 22:00 bis 07:00), oder /quiet off zum Aufheben.",
    quietSet: (start, end) => `Alles klar: keine Check-ins zwischen ${start} und ${end}.`,
    quietOff: "Alles klar: keine Ruhezeiten.",
    timeZoneUsage: "Sende deine Zeitzone so: /timezone Europe/Berlin",
    timeZoneSet: (tz) => `Alles klar: deine Zeitzone ist ${tz}.`,
  },
};

/** The language chosen for the contact of `ctx`'s chat (contacts.language), if it has one yet. */
async function chosenLanguage(deps: BotDeps, ctx: Context): Promise<string | null> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return null;
  const [contact] = await forTenant(deps.env.DB, deps.channel.tenantId).list("contacts", {
    where: (t) => and(eq(t.channel, "telegram"), eq(t.externalId, String(chatId))),
    limit: 1,
  });
  return contact?.language ?? null;
}

/**
 * The language to answer `ctx`'s user in (see the top of this file). A caller that has just read the
 * chat's contact passes it, so its chosen language is not read again.
 */
export async function botLanguage(
  deps: BotDeps,
  ctx: Context,
  contact?: { language: string | null },
): Promise<ReplyLanguage> {
  const [{ persona }, chosen] = await Promise.all([
    loadPersona(deps.env.DB, deps.channel.tenantId),
    contact ? contact.language : chosenLanguage(deps, ctx),
  ]);
  return chooseReplyLanguage(persona, { stated: chosen ?? ctx.from?.language_code });
}

/** The words to answer `ctx`'s user with, in `botLanguage`. */
export async function botTexts(deps: BotDeps, ctx: Context): Promise<BotTexts> {
  return BOT_TEXTS[await botLanguage(deps, ctx)];
}

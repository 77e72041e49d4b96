// The words of the panel's footer: opening the conversation in the companion app (a link and a
// one-time code) and the membership plans on sale (upgrade, manage), in each widget language.
import type { WidgetLanguage } from "./languages";

export type ExtraStrings = {
  openApp: string;
  /** The link that opens the app, signed in as the visitor. */
  appLink: string;
  /** Before the one-time code for another device. */
  appCode: string;
  /** After it: how long it stays valid. */
  validFor: (minutes: number) => string;
  appFailed: string;
  plans: string;
  loading: string;
  perMonth: string;
  perYear: string;
  trial: (days: number) => string;
  /** The free plan's monthly allowance (answers a month). */
  freeAllowance: (plan: string, answers: number) => string;
  /** What the plan leaves this month, and the date (already written out) the count starts again. */
  allowanceLeft: (left: number, resets: string) => string;
  choose: (plan: string) => string;
  memberOf: (plan: string) => string;
  manage: string;
  billingFailed: string;
  offline: string;
};

export const EXTRA_STRINGS: Record<WidgetLanguage, ExtraStrings> = {
  en: {
    openApp: "Open in the app",
    appLink: "Open the app in a new tab",
    appCode: "Or enter this code in the app on another device:",
    validFor: (minutes) => `It works once, for ${minutes} minutes.`,
    appFailed: "Could not get a link to the app. Please try again in a moment.",
    plans: "Plans",
    loading: "Loading…",
    perMonth: "a month",
    perYear: "a year",
    trial: (days) => `${days}-day free trial`,
    freeAllowance: (plan, answers) => `You're on ${plan}: ${answers} answers a month.`,
    allowanceLeft: (left, resets) =>
      `${left === 1 ? "1 answer" : `${left} answers`} left this month, more on ${resets}.`,
    choose: (plan) => `Choose ${plan}`,
    memberOf: (plan) => `You're a member of ${plan}.`,
    manage: "Manage membership",
    billingFailed: "Something went wrong. Please try again.",
    offline: "Could not reach the server. Check your connection and try again.",
  },
  es: {
    openApp: "Abrir en la app",
    appLink: "Abrir la app en una pestaña nueva",
    appCode: "O escribe este código en la app en otro dispositivo:",
    validFor: (minutes) => `Sirve una vez, durante ${minutes} minutos.`,
    appFailed: "No se pudo obtener el enlace a la app. Inténtalo de nuevo en un momento.",
    plans: "Planes",
    loading: "Cargando…",
    perMonth: "al mes",
    perYear: "al año",
    trial: (days) => `${days} días de prueba gratis`,
    freeAllowance: (plan, answers) => `Estás en ${plan}: ${answers} respuestas al mes.`,
    allowanceLeft: (left, resets) =>
      `Te ${left === 1 ? "queda 1 respuesta" : `quedan ${left} respuestas`} este mes; más el ${resets}.`,
    choose: (plan) => `Elegir ${plan}`,
    memberOf: (plan) => `Eres miembro de ${plan}.`,
    manage: "Gestionar la membresía",
    billingFailed: "Algo salió mal. Inténtalo de nuevo.",
    offline: "No se pudo contactar con el servidor. Revisa tu conexión e inténtalo de nuevo.",
  },
  pt: {
    openApp: "Abrir na app",
    appLink: "Abrir a app num novo separador",
    appCode: "Ou introduza este código na app noutro dispositivo:",
    validFor: (minutes) => `Serve uma vez, durante ${minutes} minutos.`,
    appFailed: "Não foi possível obter o link para a app. Tente de novo daqui a pouco.",
    plans: "Planos",
    loading: "A carregar…",
    perMonth: "por mês",
    perYear: "por ano",
    trial: (days) => `${days} dias de teste grátis`,
    freeAllowance: (plan, answers) => `Está no plano ${plan}: ${answers} respostas por mês.`,
    allowanceLeft: (left, resets) =>
      `${left === 1 ? "Resta 1 resposta" : `Restam ${left} respostas`} este mês; mais em ${resets}.`,
    choose: (plan) => `Escolher ${plan}`,
    memberOf: (plan) => `É membro de ${plan}.`,
    manage: "Gerir a subscrição",
    billingFailed: "Algo correu mal. Tente de novo.",
    offline: "Não foi possível contactar o servidor. Verifique a ligação e tente de novo.",
  },
  fr: {
    openApp: "Ouvrir dans l'app",
    appLink: "Ouvrir l'app dans un nouvel onglet",
    appCode: "Ou saisissez ce code dans l'app sur un autre appareil :",
    validFor: (minutes) => `Il sert une fois, pendant ${minutes} minutes.`,
    appFailed: "Impossible d'obtenir le lien vers l'app. Réessayez dans un instant.",
    plans: "Formules",
    loading: "Chargement…",
    perMonth: "par mois",
    perYear: "par an",
    trial: (days) => `${days} jours d'essai gratuit`,
    freeAllowance: (plan, answers) => `Vous êtes sur ${plan} : ${answers} réponses par mois.`,
    allowanceLeft: (left, resets) =>
      `${left <= 1 ? `${left} réponse restante` : `${left} réponses restantes`} ce mois-ci ; d'autres le ${resets}.`,
    choose: (plan) => `Choisir ${plan}`,
    memberOf: (plan) => `Vous êtes membre de ${plan}.`,
    manage: "Gérer l'abonnement",
    billingFailed: "Une erreur s'est produite. Veuillez réessayer.",
    offline: "Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.",
  },
  de: {
    openApp: "In der App öffnen",
    appLink: "Die App in einem neuen Tab öffnen",
    appCode: "Oder gib diesen Code in der App auf einem anderen Gerät ein:",
    validFor: (minutes) => `Er gilt einmal, ${minutes} Minuten lang.`,
    appFailed: "Der Link zur App konnte nicht abgerufen werden. Versuche es gleich noch einmal.",
    plans: "Tarife",
    loading: "Wird geladen…",
    perMonth: "pro Monat",
    perYear: "pro Jahr",
    trial: (days) => `${days} Tage kostenlos testen`,
    freeAllowance: (plan, answers) => `Du nutzt ${plan}: ${answers} Antworten pro Monat.`,
    allowanceLeft: (left, resets) =>
      `Noch ${left === 1 ? "1 Antwort" : `${left} Antworten`} diesen Monat, neue ab ${resets}.`,
    choose: (plan) => `${plan} wählen`,
    memberOf: (plan) => `Du bist Mitglied bei ${plan}.`,
    manage: "Mitgliedschaft verwalten",
    billingFailed: "Etwas ist schiefgelaufen. Bitte versuche es noch einmal.",
    offline: "Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es noch einmal.",
  },
};

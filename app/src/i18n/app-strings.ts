// The companion app's own words in each widget language: signing in, the main screen (toolbar,
// composer, conversation), the sentences it says when the edge or the browser cannot do something, and
// its settings and progress sections (settings-strings.ts). Words the widget's panel already says the
// same way (send, sources, loading, its "Open in the app" button) come from the widget's tables.
import { EXTRA_STRINGS } from "../../../widget/src/i18n/extra-strings";
import type { WidgetLanguage } from "../../../widget/src/i18n/languages";
import { UI_STRINGS } from "../../../widget/src/i18n/ui-strings";
import { SETTINGS_STRINGS, type SettingsStrings } from "./settings-strings";

type OwnStrings = {
  continueWith: (name: string) => string;
  /** How to get a code; names the widget's "Open in the app" button and this app's "Add a device". */
  signInHelp: (openApp: string, addDevice: string) => string;
  code: string;
  signIn: string;
  signingIn: string;
  turnOnNotifications: string;
  notificationsOn: string;
  addDevice: string;
  /** The one-time code for another device, and how long it stays valid. */
  linkCode: (code: string, minutes: number) => string;
  progress: string;
  settings: string;
  /** The composer's label. */
  message: string;
  placeholder: string;
  waitingToSend: string;
  offline: string;
  /** A refusal without the edge's own sentence. */
  serverAnswered: (status: number) => string;
  notificationsBlocked: string;
  notificationsFailed: string;
};

/** The words the app shares with the widget's panel, said the same way in both. */
function widgetWords(language: WidgetLanguage) {
  const ui = UI_STRINGS[language];
  return {
    send: ui.send,
    conversation: ui.conversation,
    sources: (titles: string) => `${ui.sources}: ${titles}`,
    loading: EXTRA_STRINGS[language].loading,
    openApp: EXTRA_STRINGS[language].openApp,
  };
}

export type AppStrings = OwnStrings & SettingsStrings & ReturnType<typeof widgetWords>;

const OWN_STRINGS: Record<WidgetLanguage, OwnStrings> = {
  en: {
    continueWith: (name) => `Continue with ${name}`,
    signInHelp: (openApp, addDevice) =>
      `In the chat on the creator's site choose “${openApp}”, on a device where you are signed in choose “${addDevice}”, or send /app to the coach on Telegram (APP on WhatsApp), then type the code here.`,
    code: "Code",
    signIn: "Sign in",
    signingIn: "Signing in…",
    turnOnNotifications: "Turn on notifications",
    notificationsOn: "Notifications are on.",
    addDevice: "Add a device",
    linkCode: (code, minutes) =>
      `On your other device, open this app and type ${code} (valid ${minutes} minutes).`,
    progress: "Progress",
    settings: "Settings",
    message: "Message",
    placeholder: "Write a message",
    waitingToSend: "Waiting to send",
    offline: "You are offline. The app will catch up.",
    serverAnswered: (status) => `The server answered ${status}.`,
    notificationsBlocked:
      "Notifications are blocked for this app. Allow them in the browser's site settings.",
    notificationsFailed:
      "This browser could not set up notifications. Try again later, or from the installed app.",
  },
  es: {
    continueWith: (name) => `Continuar con ${name}`,
    signInHelp: (openApp, addDevice) =>
      `En el chat de la web del creador elige «${openApp}», en un dispositivo donde ya has iniciado sesión elige «${addDevice}», o envía /app al coach en Telegram (APP en WhatsApp), y luego escribe aquí el código.`,
    code: "Código",
    signIn: "Iniciar sesión",
    signingIn: "Iniciando sesión…",
    turnOnNotifications: "Activar notificaciones",
    notificationsOn: "Las notificaciones están activadas.",
    addDevice: "Añadir un dispositivo",
    linkCode: (code, minutes) =>
      `En tu otro dispositivo, abre esta app y escribe ${code} (válido ${minutes} minutos).`,
    progress: "Progreso",
    settings: "Ajustes",
    message: "Mensaje",
    placeholder: "Escribe un mensaje",
    waitingToSend: "Pendiente de envío",
    offline: "No tienes conexión. La app se pondrá al día.",
    serverAnswered: (status) => `El servidor respondió ${status}.`,
    notificationsBlocked:
      "Las notificaciones están bloqueadas para esta app. Permítelas en los ajustes del sitio del navegador.",
    notificationsFailed:
      "Este navegador no pudo activar las notificaciones. Inténtalo más tarde o desde la app instalada.",
  },
  pt: {
    continueWith: (name) => `Continuar com ${name}`,
    signInHelp: (openApp, addDevice) =>
      `No chat do site do criador escolha “${openApp}”, num dispositivo com sessão iniciada escolha “${addDevice}”, ou envie /app ao coach no Telegram (APP no WhatsApp), e depois escreva aqui o código.`,
    code: "Código",
    signIn: "Entrar",
    signingIn: "A entrar…",
    turnOnNotifications: "Ativar notificações",
    notificationsOn: "As notificações estão ativadas.",
    addDevice: "Adicionar um dispositivo",
    linkCode: (code, minutes) =>
      `No seu outro dispositivo, abra esta app e escreva ${code} (válido durante ${minutes} minutos).`,
    progress: "Progresso",
    settings: "Definições",
    message: "Mensagem",
    placeholder: "Escreva uma mensagem",
    waitingToSend: "A aguardar envio",
    offline: "Está sem ligação. A app atualiza-se quando a ligação voltar.",
    serverAnswered: (status) => `O servidor respondeu ${status}.`,
    notificationsBlocked:
      "As notificações estão bloqueadas para esta app. Permita-as nas definições do site no navegador.",
    notificationsFailed:
      "Este navegador não conseguiu ativar as notificações. Tente mais tarde ou a partir da app instalada.",
  },
  fr: {
    continueWith: (name) => `Continuer avec ${name}`,
    signInHelp: (openApp, addDevice) =>
      `Dans le chat du site du créateur, choisissez « ${openApp} » ; sur un appareil où vous êtes connecté, choisissez « ${addDevice} » ; ou envoyez /app au coach sur Telegram (APP sur WhatsApp). Saisissez ensuite le code ici.`,
    code: "Code",
    signIn: "Se connecter",
    signingIn: "Connexion…",
    turnOnNotifications: "Activer les notifications",
    notificationsOn: "Les notifications sont activées.",
    addDevice: "Ajouter un appareil",
    linkCode: (code, minutes) =>
      `Sur votre autre appareil, ouvrez cette app et saisissez ${code} (valable ${minutes} minutes).`,
    progress: "Progression",
    settings: "Réglages",
    message: "Message",
    placeholder: "Écrivez un message",
    waitingToSend: "En attente d'envoi",
    offline: "Vous êtes hors ligne. L'app se mettra à jour au retour de la connexion.",
    serverAnswered: (status) => `Le serveur a répondu ${status}.`,
    notificationsBlocked:
      "Les notifications sont bloquées pour cette app. Autorisez-les dans les réglages du site du navigateur.",
    notificationsFailed:
      "Ce navigateur n'a pas pu activer les notifications. Réessayez plus tard, ou depuis l'app installée.",
  },
  de: {
    continueWith: (name) => `Weiter mit ${name}`,
    signInHelp: (openApp, addDevice) =>
      `Wähle im Chat auf der Website des Creators „${openApp}“, auf einem angemeldeten Gerät „${addDevice}“, oder sende /app an den Coach auf Telegram (APP auf WhatsApp), und gib dann hier den Code ein.`,
    code: "Code",
    signIn: "Anmelden",
    signingIn: "Anmeldung läuft…",
    turnOnNotifications: "Benachrichtigungen einschalten",
    notificationsOn: "Benachrichtigungen sind eingeschaltet.",
    addDevice: "Gerät hinzufügen",
    linkCode: (code, minutes) =>
      `Öffne auf deinem anderen Gerät diese App und gib ${code} ein (${minutes} Minuten gültig).`,
    progress: "Fortschritt",
    settings: "Einstellungen",
    message: "Nachricht",
    placeholder: "Schreib eine Nachricht",
    waitingToSend: "Wartet auf Versand",
    offline: "Du bist offline. Die App holt alles nach, sobald du wieder online bist.",
    serverAnswered: (status) => `Der Server antwortete mit ${status}.`,
    notificationsBlocked:
      "Benachrichtigungen sind für diese App blockiert. Erlaube sie in den Website-Einstellungen des Browsers.",
    notificationsFailed:
      "Dieser Browser konnte keine Benachrichtigungen einrichten. Versuche es später noch einmal oder in der installierten App.",
  },
};

/** All of the app's words in `language`. */
export function appStrings(language: WidgetLanguage): AppStrings {
  return { ...widgetWords(language), ...SETTINGS_STRINGS[language], ...OWN_STRINGS[language] };
}

// The words of the app's two sections under its toolbar, in each widget language: the person's
// coaching settings (time zone, quiet hours, a pause, stopping) and their progress (programs,
// commitments, the last two weeks' chart).
import type { WidgetLanguage } from "../../../widget/src/i18n/languages";

export type SettingsStrings = {
  loadingSettings: string;
  stopped: string;
  quietHours: (start: string, end: string) => string;
  noQuietHours: string;
  /** The settings at a glance: the quiet hours (as written above), the time zone, a pause's end date. */
  summary: (quiet: string, timezone: string, pausedUntil: string | null) => string;
  timeZone: string;
  quietFrom: string;
  /** Between the two times of the quiet hours. */
  quietTo: string;
  save: string;
  pauseDay: string;
  stopMessages: string;
  startMessages: string;
  /** The chart's text alternative. */
  messagesInDays: (total: number, days: number) => string;
  yourPrograms: string;
  noProgram: string;
  yourCommitments: string;
  noCommitments: string;
  lastTwoWeeks: string;
};

export const SETTINGS_STRINGS: Record<WidgetLanguage, SettingsStrings> = {
  en: {
    loadingSettings: "Loading your settings…",
    stopped: "Coaching messages are stopped.",
    quietHours: (start, end) => `quiet ${start}–${end}`,
    noQuietHours: "no quiet hours",
    summary: (quiet, timezone, pausedUntil) =>
      `${pausedUntil ? `Paused until ${pausedUntil}; ` : ""}${quiet}, ${timezone}.`,
    timeZone: "Time zone",
    quietFrom: "Quiet from",
    quietTo: "to",
    save: "Save",
    pauseDay: "Pause for a day",
    stopMessages: "Stop coaching messages",
    startMessages: "Start coaching messages again",
    messagesInDays: (total, days) => `${total} messages in the last ${days} days`,
    yourPrograms: "Your programs",
    noProgram: "No program yet.",
    yourCommitments: "Your commitments",
    noCommitments: "No commitments yet.",
    lastTwoWeeks: "Your last two weeks",
  },
  es: {
    loadingSettings: "Cargando tus ajustes…",
    stopped: "Los mensajes de coaching están detenidos.",
    quietHours: (start, end) => `silencio ${start}–${end}`,
    noQuietHours: "sin horas de silencio",
    summary: (quiet, timezone, pausedUntil) =>
      `${pausedUntil ? `En pausa hasta ${pausedUntil}; ` : ""}${quiet}, ${timezone}.`,
    timeZone: "Zona horaria",
    quietFrom: "Silencio desde",
    quietTo: "hasta",
    save: "Guardar",
    pauseDay: "Pausar un día",
    stopMessages: "Detener los mensajes de coaching",
    startMessages: "Reanudar los mensajes de coaching",
    messagesInDays: (total, days) => `${total} mensajes en los últimos ${days} días`,
    yourPrograms: "Tus programas",
    noProgram: "Aún no tienes ningún programa.",
    yourCommitments: "Tus compromisos",
    noCommitments: "Aún no tienes compromisos.",
    lastTwoWeeks: "Tus dos últimas semanas",
  },
  pt: {
    loadingSettings: "A carregar as suas definições…",
    stopped: "As mensagens de coaching estão paradas.",
    quietHours: (start, end) => `silêncio ${start}–${end}`,
    noQuietHours: "sem horas de silêncio",
    summary: (quiet, timezone, pausedUntil) =>
      `${pausedUntil ? `Em pausa até ${pausedUntil}; ` : ""}${quiet}, ${timezone}.`,
    timeZone: "Fuso horário",
    quietFrom: "Silêncio das",
    quietTo: "às",
    save: "Guardar",
    pauseDay: "Pausar por um dia",
    stopMessages: "Parar as mensagens de coaching",
    startMessages: "Retomar as mensagens de coaching",
    messagesInDays: (total, days) => `${total} mensagens nos últimos ${days} dias`,
    yourPrograms: "Os seus programas",
    noProgram: "Ainda não tem nenhum programa.",
    yourCommitments: "Os seus compromissos",
    noCommitments: "Ainda não tem compromissos.",
    lastTwoWeeks: "As suas últimas duas semanas",
  },
  fr: {
    loadingSettings: "Chargement de vos réglages…",
    stopped: "Les messages de coaching sont arrêtés.",
    quietHours: (start, end) => `silence ${start}–${end}`,
    noQuietHours: "pas d'heures de silence",
    summary: (quiet, timezone, pausedUntil) =>
      `${pausedUntil ? `En pause jusqu'au ${pausedUntil} ; ` : ""}${quiet}, ${timezone}.`,
    timeZone: "Fuseau horaire",
    quietFrom: "Silence de",
    quietTo: "à",
    save: "Enregistrer",
    pauseDay: "Faire une pause d'un jour",
    stopMessages: "Arrêter les messages de coaching",
    startMessages: "Reprendre les messages de coaching",
    messagesInDays: (total, days) => `${total} messages ces ${days} derniers jours`,
    yourPrograms: "Vos programmes",
    noProgram: "Pas encore de programme.",
    yourCommitments: "Vos engagements",
    noCommitments: "Pas encore d'engagement.",
    lastTwoWeeks: "Vos deux dernières semaines",
  },
  de: {
    loadingSettings: "Deine Einstellungen werden geladen…",
    stopped: "Coaching-Nachrichten sind gestoppt.",
    quietHours: (start, end) => `Ruhezeit ${start}–${end}`,
    noQuietHours: "keine Ruhezeit",
    summary: (quiet, timezone, pausedUntil) =>
      `${pausedUntil ? `Pausiert bis ${pausedUntil}; ` : ""}${quiet}, ${timezone}.`,
    timeZone: "Zeitzone",
    quietFrom: "Ruhezeit von",
    quietTo: "bis",
    save: "Speichern",
    pauseDay: "Einen Tag pausieren",
    stopMessages: "Coaching-Nachrichten stoppen",
    startMessages: "Coaching-Nachrichten wieder starten",
    messagesInDays: (total, days) => `${total} Nachrichten in den letzten ${days} Tagen`,
    yourPrograms: "Deine Programme",
    noProgram: "Noch kein Programm.",
    yourCommitments: "Deine Vorhaben",
    noCommitments: "Noch keine Vorhaben.",
    lastTwoWeeks: "Deine letzten zwei Wochen",
  },
};

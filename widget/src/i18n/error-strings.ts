// What the panel says when the room refuses a frame or closes the socket (`error` frames), by code, in
// each widget language. The frame's English `message` stays for other clients, and is shown as it is
// for a code this table does not know yet.
import type { WidgetLanguage } from "./languages";

/** The codes the room's `error` frames carry (durable-objects/room: parse-frame, socket-guard, …). */
export type SocketErrorCode =
  | "rate_limited"
  | "too_many_sockets"
  | "frame_too_large"
  | "invalid_json"
  | "invalid_frame"
  | "internal_error"
  | "conversation_erased"
  | "workspace_closed";

export const ERROR_STRINGS: Record<WidgetLanguage, Record<SocketErrorCode, string>> = {
  en: {
    rate_limited: "You're sending messages too quickly. Wait a moment, then send again.",
    too_many_sockets: "This chat is open in too many tabs. Close one, then reload this page.",
    frame_too_large: "That message is too long to send. Try a shorter one.",
    invalid_json: "That message could not be sent. Please try again.",
    invalid_frame: "That message could not be sent. Please try again.",
    internal_error: "Something went wrong on our side. Please try again.",
    conversation_erased: "This conversation was erased. Reload the page to start a new one.",
    workspace_closed: "This chat has been closed by its owner.",
  },
  es: {
    rate_limited:
      "Estás enviando mensajes demasiado rápido. Espera un momento y vuelve a enviarlo.",
    too_many_sockets:
      "Este chat está abierto en demasiadas pestañas. Cierra alguna y vuelve a cargar esta página.",
    frame_too_large: "Ese mensaje es demasiado largo para enviarlo. Prueba con uno más corto.",
    invalid_json: "No se ha podido enviar ese mensaje. Vuelve a intentarlo.",
    invalid_frame: "No se ha podido enviar ese mensaje. Vuelve a intentarlo.",
    internal_error: "Algo ha fallado por nuestra parte. Vuelve a intentarlo.",
    conversation_erased:
      "Esta conversación se ha borrado. Vuelve a cargar la página para empezar una nueva.",
    workspace_closed: "Su responsable ha cerrado este chat.",
  },
  pt: {
    rate_limited: "Está a enviar mensagens depressa demais. Aguarde um momento e envie de novo.",
    too_many_sockets:
      "Este chat está aberto em demasiados separadores. Feche um e volte a carregar esta página.",
    frame_too_large: "Essa mensagem é demasiado longa para enviar. Experimente uma mais curta.",
    invalid_json: "Não foi possível enviar essa mensagem. Tente de novo.",
    invalid_frame: "Não foi possível enviar essa mensagem. Tente de novo.",
    internal_error: "Algo correu mal do nosso lado. Tente de novo.",
    conversation_erased:
      "Esta conversa foi apagada. Volte a carregar a página para começar uma nova.",
    workspace_closed: "Este chat foi encerrado pelo seu responsável.",
  },
  fr: {
    rate_limited:
      "Vous envoyez des messages trop vite. Patientez un instant, puis renvoyez votre message.",
    too_many_sockets:
      "Ce chat est ouvert dans trop d'onglets. Fermez-en un, puis rechargez cette page.",
    frame_too_large: "Ce message est trop long pour être envoyé. Essayez plus court.",
    invalid_json: "Ce message n'a pas pu être envoyé. Veuillez réessayer.",
    invalid_frame: "Ce message n'a pas pu être envoyé. Veuillez réessayer.",
    internal_error: "Un problème est survenu de notre côté. Veuillez réessayer.",
    conversation_erased:
      "Cette conversation a été effacée. Rechargez la page pour en commencer une nouvelle.",
    workspace_closed: "Ce chat a été fermé par son propriétaire.",
  },
  de: {
    rate_limited: "Du sendest Nachrichten zu schnell. Warte kurz und sende dann noch einmal.",
    too_many_sockets:
      "Dieser Chat ist in zu vielen Tabs geöffnet. Schließe einen und lade diese Seite neu.",
    frame_too_large: "Diese Nachricht ist zu lang zum Senden. Versuche es mit einer kürzeren.",
    invalid_json: "Diese Nachricht konnte nicht gesendet werden. Bitte versuche es noch einmal.",
    invalid_frame: "Diese Nachricht konnte nicht gesendet werden. Bitte versuche es noch einmal.",
    internal_error: "Bei uns ist etwas schiefgelaufen. Bitte versuche es noch einmal.",
    conversation_erased:
      "Dieses Gespräch wurde gelöscht. Lade die Seite neu, um ein neues zu beginnen.",
    workspace_closed: "Dieser Chat wurde von seinem Betreiber geschlossen.",
  },
};

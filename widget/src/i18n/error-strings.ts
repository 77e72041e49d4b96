// What the panel says when the room refuses a frame or closes the socket (`error` frames), by code, in
// each widget language (the catalog beside this module). The frame's English `message` stays for other
// clients, and is shown as it is for a code the catalog does not know yet.
import catalog from "./error-strings.messages.json";
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

export const ERROR_STRINGS: Record<WidgetLanguage, Record<SocketErrorCode, string>> = catalog;

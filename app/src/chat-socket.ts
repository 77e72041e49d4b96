// The app's conversation socket, the widget's reconnecting socket with the app's sessions: a fresh
// session from the device token for every socket (tokens are short-lived), and a signed-out device
// stops trying.
import type { ServerFrame } from "@coach/contracts/socket";
import { ReconnectingSocket, type SocketTarget } from "../../widget/src/panel/reconnecting-socket";
import type { ApiFailure, AppApi } from "./app-api";

export type SocketEvents = {
  frame: (frame: ServerFrame) => void;
  /** Connected (welcome heard) or not. */
  state: (open: boolean) => void;
  /** The device is no longer signed in (deleted, or its contact erased). */
  signedOut: (failure: ApiFailure) => void;
  lastSeq: () => number;
};

const SIGNED_OUT = new Set(["invalid_device_token", "conversation_erased", "widget_not_found"]);

/** The app's socket; `send` is false while it is not open (the caller keeps the message queued). */
export function chatSocket(api: AppApi, events: SocketEvents): ReconnectingSocket {
  return new ReconnectingSocket({
    target: async (): Promise<SocketTarget> => {
      const session = await api.session();
      if (session.ok) return { url: session.value.socket_url };
      // Not signed out (offline, the edge busy): tried again with back-off.
      if (!SIGNED_OUT.has(session.error.code)) return {};
      events.signedOut(session.error);
      return null;
    },
    lastSeq: events.lastSeq,
    frame: events.frame,
    opened: () => events.state(true),
    closed: () => events.state(false),
  });
}

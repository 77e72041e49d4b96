// The panel's conversation socket: a visitor session, then the shared reconnecting socket. It takes a
// fresh session when the token is near its end or a socket could not even open with it (an expired or
// refused token looks just like that), and tells the header's status line where it stands.
import type { ClientFrame, ServerFrame } from "@coach/contracts/socket";
import { ReconnectingSocket, type SocketTarget } from "./reconnecting-socket";
import { requestSession, type Session, type SessionFailure } from "./session";

/** Where the connection stands, for the header's status line. */
export type ConnectionState = "connecting" | "open" | "reconnecting" | "failed";

export type ConnectionEvents = {
  frame: (frame: ServerFrame) => void;
  state: (state: ConnectionState, failure?: SessionFailure) => void;
  session: (session: Session) => void;
  /** The last seq the transcript saw, sent in `hello`. */
  lastSeq: () => number;
};

export class Connection {
  private readonly socket: ReconnectingSocket;
  private session: Session | null = null;
  private pendingSession: Promise<Session | SessionFailure> | null = null;

  constructor(
    private readonly edge: string,
    private readonly publicKey: string,
    private readonly visitorId: () => string | undefined,
    /** The visitor's language as their browser states it, sent with each session request. */
    private readonly locale: string | undefined,
    private readonly events: ConnectionEvents,
  ) {
    this.socket = new ReconnectingSocket({
      target: () => this.target(),
      lastSeq: events.lastSeq,
      frame: events.frame,
      connecting: (first) => events.state(first ? "connecting" : "reconnecting"),
      opened: () => events.state("open"),
      // Refused before opening: most likely the token (expired, or the edge restarted); take a new one.
      closed: (wasOpened) => {
        if (!wasOpened) this.session = null;
      },
      retrying: () => events.state("reconnecting"),
    });
  }

  /** Sends a frame if the socket is open; false when it is not (the caller keeps the message pending). */
  send(frame: ClientFrame): boolean {
    return this.socket.send(frame);
  }

  start(): void {
    this.socket.start();
  }

  /**
   * The current session while its token is usable, else a new one. The socket and the panel's other
   * calls (joining a program) share it, and only one request is ever in flight.
   */
  currentSession(): Promise<Session | SessionFailure> {
    if (this.session && Date.now() < this.session.usableUntil) return Promise.resolve(this.session);
    this.pendingSession ??= requestSession(
      this.edge,
      this.publicKey,
      this.visitorId(),
      this.locale,
    ).then((result) => {
      this.pendingSession = null;
      if ("socket_url" in result) {
        this.session = result;
        this.events.session(result);
      }
      return result;
    });
    return this.pendingSession;
  }

  /** Says hello again from scratch (the server's log is behind what this tab remembers). */
  rehello(): void {
    this.send({ type: "hello", last_seq: 0 });
  }

  /** The session's socket URL; without a session, the failure is shown and retried unless fatal. */
  private async target(): Promise<SocketTarget> {
    const session = await this.currentSession();
    if ("socket_url" in session) return { url: session.socket_url };
    this.events.state("failed", session);
    return session.fatal ? null : { retryAfterMs: session.retryAfterMs };
  }
}

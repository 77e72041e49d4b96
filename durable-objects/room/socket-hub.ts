// Delivery to the conversation's open sockets (hibernation API). Each socket's identity lives in its
// attachment, so it survives hibernation; only sockets that said `hello` receive broadcasts, which
// keeps a resuming client's history and live frames in order.
import type { ServerFrame } from "@coach/contracts/socket";

export type SocketIdentity = {
  /** This socket's own id: its frame limits are kept under it. */
  socketId: string;
  subjectId: string;
  connectedAt: number;
  /** Set once the client has said hello and received its history. */
  ready: boolean;
};

/** Where a room sends what happens in a conversation; web sockets now, messaging channels later. */
export interface ChannelAdapter {
  deliver(frame: ServerFrame): void | Promise<void>;
}

/** The web-socket channel: every ready socket of the conversation sees the same stream. */
export class SocketHub implements ChannelAdapter {
  // Ready sockets in memory, so a broadcast does not deserialize every attachment; rebuilt from the
  // attachments when the object wakes from hibernation.
  private readonly ready = new Set<WebSocket>();

  constructor(private readonly ctx: DurableObjectState) {
    for (const ws of ctx.getWebSockets()) if (this.identity(ws)?.ready) this.ready.add(ws);
  }

  identity(ws: WebSocket): SocketIdentity | null {
    return ws.deserializeAttachment() as SocketIdentity | null;
  }

  setIdentity(ws: WebSocket, identity: SocketIdentity): void {
    ws.serializeAttachment(identity);
    if (identity.ready) this.ready.add(ws);
    else this.ready.delete(ws);
  }

  /** Forgets a socket that closed. */
  remove(ws: WebSocket): void {
    this.ready.delete(ws);
  }

  /** Sends to one socket, ignoring sockets that are already closing. */
  send(ws: WebSocket, frame: ServerFrame): void {
    try {
      ws.send(JSON.stringify(frame));
    } catch {
      // The socket closed between listing and sending; its close handler cleans up.
    }
  }

  /** Sends to every ready socket except `except`. */
  deliver(frame: ServerFrame, except?: WebSocket): void {
    const text = JSON.stringify(frame);
    for (const ws of this.ready) {
      if (ws === except) continue;
      try {
        ws.send(text);
      } catch {
        this.ready.delete(ws);
      }
    }
  }

  /** How many sockets are live and ready. */
  readyCount(): number {
    return this.ready.size;
  }
}

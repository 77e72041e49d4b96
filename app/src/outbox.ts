// Messages typed while the app cannot reach the room: kept in storage with their own client ids
// until the room acknowledges them, and sent (again) whenever a socket opens. The room stores a
// client id once, so a message sent before a connection broke and sent again is still one message.
import type { Slot } from "./app-config";

export type Queued = { client_id: string; text: string };

/** A client id the room accepts (8-64 of A-Z a-z 0-9 _ -). */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `app_${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export class Outbox {
  constructor(private readonly slot: Slot<Queued[]>) {}

  all(): Queued[] {
    return this.slot.get() ?? [];
  }

  add(text: string): Queued {
    const item = { client_id: newClientId(), text };
    this.slot.set([...this.all(), item]);
    return item;
  }

  /** The room stored it (an `ack`): it leaves the queue. */
  acknowledged(clientId: string): void {
    this.slot.set(this.all().filter((item) => item.client_id !== clientId));
  }
}

// What a room knows about itself: tenant, conversation, contact and channel. Written once from what
// the authenticated Worker forwards; the room never takes these from a client frame.
import { channelKinds, type ChannelKind } from "../../worker/db/enums";
import { ROOM_HEADERS } from "../../worker/lib/rooms";
import { MetaTable } from "../shared/meta-table";

export type RoomMeta = {
  tenantId: string;
  conversationId: string;
  contactId: string | null;
  channel: ChannelKind;
  /** The messaging channel's row (a Telegram bot, a WhatsApp number); absent for the web. */
  channelId?: string | null;
  /** Where that channel's replies go: the Telegram chat id or the WhatsApp user's number (wa_id). */
  externalChatId?: string | null;
};

/** The meta the Worker forwards with an authenticated socket upgrade, or null when a header is missing. */
export function metaFromHeaders(headers: Headers): RoomMeta | null {
  const tenantId = headers.get(ROOM_HEADERS.tenant);
  const conversationId = headers.get(ROOM_HEADERS.conversation);
  const channel = headers.get(ROOM_HEADERS.channel) as ChannelKind | null;
  if (!tenantId || !conversationId || !channel || !channelKinds.includes(channel)) return null;
  return { tenantId, conversationId, contactId: headers.get(ROOM_HEADERS.contact), channel };
}

/** Small key/value table beside the message log. */
export class RoomState {
  // Read once: every entry point asks, and an erased room's other tables are gone.
  private erased: number | null;
  private readonly store: MetaTable;

  constructor(sql: SqlStorage) {
    this.store = new MetaTable(sql);
    const at = this.store.get("erased_at");
    this.erased = at === undefined ? null : Number(at);
  }

  meta(): RoomMeta | undefined {
    const raw = this.store.get("meta");
    return raw ? (JSON.parse(raw) as RoomMeta) : undefined;
  }

  /**
   * When the conversation was erased, or null. The tombstone outlives the erasure (written after the
   * storage was wiped), so the room can never be opened again under its old identity.
   */
  erasedAt(): number | null {
    return this.erased;
  }

  /** Writes the tombstone into storage that `deleteAll` has just emptied (tables included). */
  markErased(at: number = Date.now()): void {
    this.store.create();
    this.store.set("erased_at", String(at));
    this.erased = at;
  }

  /** Records the room's identity the first time; later calls must agree with it. An erased room binds to nothing. */
  bind(meta: RoomMeta): boolean {
    if (this.erased !== null) return false;
    const current = this.meta();
    if (!current) {
      this.store.set("meta", JSON.stringify(meta));
      return true;
    }
    return current.tenantId === meta.tenantId && current.conversationId === meta.conversationId;
  }

  /**
   * Whether coaching has reached this conversation (a proactive message, a commitment, a quick reply).
   * Only then does each user message wake the contact's CoachingAgent: a plain conversation costs no
   * second object per message.
   */
  coached(): boolean {
    return this.store.get("coached") === "1";
  }

  markCoached(): void {
    if (!this.coached()) this.store.set("coached", "1");
  }

  /** Whether the D1 index is behind the log (flushed in batches, not per message). */
  indexDirty(): boolean {
    return this.store.get("index_dirty") === "1";
  }

  setIndexDirty(dirty: boolean): void {
    this.store.set("index_dirty", dirty ? "1" : "0");
  }
}

// The conversation as the widget holds it: stored messages by seq, the visitor's own messages until
// they are acknowledged, and answers while they stream. Applies server frames idempotently, so a
// resumed socket, a second tab or a replayed delta never shows anything twice.
import type {
  Grounding,
  MessageRole,
  MessageStatus,
  MessageView,
  QuickReply,
  ServerFrame,
  Source,
} from "@coach/contracts/socket";

/** Delivery of the visitor's own message: sending → sent (ack) → read; or failed, then retried. */
export type Delivery = "sending" | "sent" | "read" | "failed";

/** One line of the conversation. `key` stays the same while it goes from pending or streaming to stored. */
export type Entry = {
  key: string;
  seq: number | null;
  role: MessageRole;
  text: string;
  streaming: boolean;
  status: MessageStatus | null;
  /** An answer's sources: `citations[n-1]` is what its text calls `[n]`. */
  citations: Source[];
  /** What an answer rests on, and the model that wrote it ("builtin": quoted from the material). */
  grounding?: Grounding;
  model?: string;
  clientId: string | null;
  turnId: string | null;
  delivery: Delivery | null;
  /** Who from the creator's team wrote it, for their messages during a takeover. */
  authorName?: string | null;
  /** Choices offered under the message, until the visitor answers anything. */
  quickReplies?: QuickReply[];
  /** On the visitor's own message: the quick reply it answered with. */
  quickReplyId?: string;
};

/** What the transcript tells its view. */
export type TranscriptListener = { changed: (entry: Entry) => void; cleared: () => void };

/** The persisted form: stored messages and the visitor's unacknowledged ones. */
export type TranscriptSnapshot = { lastSeq: number; entries: Entry[] };

const KEEP = 100;

function keyOf(
  role: MessageRole,
  seq: number,
  clientId: string | null,
  turnId: string | null,
): string {
  if (clientId) return `c:${clientId}`;
  if (turnId && role === "assistant") return `t:${turnId}`;
  return `s:${seq}`;
}

export class Transcript {
  private readonly entries = new Map<string, Entry>();
  private maxSeq = 0;

  constructor(private readonly listener: TranscriptListener) {}

  /** The highest seq seen: what `hello` resumes from. */
  get lastSeq(): number {
    return this.maxSeq;
  }

  /** Entries in conversation order: stored by seq, then pending and streaming ones as they came. */
  ordered(): Entry[] {
    return [...this.entries.values()].sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
  }

  /** The visitor's messages that still need the server's ack. */
  unacknowledged(): Entry[] {
    return this.ordered().filter((e) => e.delivery === "sending" || e.delivery === "failed");
  }

  /** Whether an answer is streaming right now. */
  streaming(): boolean {
    return [...this.entries.values()].some((e) => e.streaming);
  }

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  /** Adds the visitor's message before the server has it (`quickReplyId` when they pressed a choice). */
  addOwn(clientId: string, text: string, quickReplyId?: string): Entry {
    this.answered(Infinity);
    return this.put({
      key: `c:${clientId}`,
      seq: null,
      role: "user",
      text,
      streaming: false,
      status: null,
      citations: [],
      clientId,
      turnId: null,
      delivery: "sending",
      ...(quickReplyId ? { quickReplyId } : {}),
    });
  }

  /** The visitor answered: choices offered before `seq` are withdrawn. */
  private answered(seq: number): void {
    for (const e of [...this.entries.values()])
      if (e.quickReplies && (e.seq === null || e.seq < seq))
        this.put({ ...e, quickReplies: undefined });
  }

  setDelivery(entry: Entry, delivery: Delivery): void {
    if (entry.delivery !== delivery) this.put({ ...entry, delivery });
  }

  /**
   * Forgets the conversation (a different or erased one) but keeps what the visitor wrote and the server
   * has not acknowledged: it is sent to whichever conversation the socket opens next.
   */
  clear(): void {
    const unsent = [...this.entries.values()].filter(
      (e) => e.seq === null && (e.delivery === "sending" || e.delivery === "failed"),
    );
    this.entries.clear();
    this.maxSeq = 0;
    this.listener.cleared();
    for (const e of unsent) this.put(e);
  }

  /** Applies one server frame; frames that change nothing are ignored. */
  apply(frame: ServerFrame): void {
    switch (frame.type) {
      case "message":
        return this.stored(frame);
      case "ack": {
        const own = this.entries.get(`c:${frame.client_id}`);
        this.seen(frame.seq);
        if (own && own.seq === null) this.put({ ...own, seq: frame.seq, delivery: "sent" });
        return;
      }
      case "delta":
        return this.delta(frame.turn_id, frame.offset, frame.text);
      case "done":
        return this.stored({
          seq: frame.seq,
          role: "assistant",
          text: frame.text,
          status: frame.status,
          client_id: null,
          turn_id: frame.turn_id,
          citations: frame.citations,
          grounding: frame.grounding,
          model: frame.model,
          quick_replies: frame.quick_replies,
        });
      case "notice":
        if (frame.code === "answer_restarting" && frame.turn_id) this.restart(frame.turn_id);
        return;
      case "read":
        for (const e of this.entries.values())
          if (e.role === "user" && e.seq !== null && e.seq <= frame.seq && e.delivery === "sent")
            this.put({ ...e, delivery: "read" });
        return;
      default:
        return;
    }
  }

  /** The last messages and the unacknowledged ones, for the next page load. */
  snapshot(): TranscriptSnapshot {
    const all = this.ordered().filter((e) => !e.streaming);
    return { lastSeq: this.maxSeq, entries: all.slice(-KEEP) };
  }

  restore(snapshot: TranscriptSnapshot): void {
    for (const e of snapshot.entries)
      this.put({
        ...e,
        streaming: false,
        delivery: e.delivery === "sending" ? "failed" : e.delivery,
      });
    this.maxSeq = Math.max(this.maxSeq, snapshot.lastSeq);
  }

  private stored(
    m: Pick<
      MessageView,
      | "seq"
      | "role"
      | "text"
      | "status"
      | "client_id"
      | "turn_id"
      | "citations"
      | "author_name"
      | "grounding"
      | "model"
    > & { quick_replies?: QuickReply[] },
  ): void {
    this.seen(m.seq);
    const key = keyOf(m.role, m.seq, m.client_id, m.turn_id);
    const known = this.entries.get(key);
    if (m.role === "user") this.answered(m.seq);
    if (known && known.seq === m.seq && !known.streaming && known.text === m.text) return;
    // Choices still count only while nobody has answered after them.
    const answeredSince = [...this.entries.values()].some(
      (e) => e.role === "user" && (e.seq === null || e.seq > m.seq),
    );
    this.put({
      key,
      seq: m.seq,
      role: m.role,
      text: m.text,
      streaming: false,
      status: m.status,
      citations: m.citations,
      ...(m.grounding ? { grounding: m.grounding } : {}),
      ...(m.model ? { model: m.model } : {}),
      clientId: m.client_id,
      turnId: m.turn_id,
      delivery: m.role === "user" ? (known?.delivery === "read" ? "read" : "sent") : null,
      ...(m.role === "creator" ? { authorName: m.author_name ?? null } : {}),
      ...(m.role !== "user" && m.quick_replies?.length && !answeredSince
        ? { quickReplies: m.quick_replies }
        : {}),
      ...(known?.quickReplyId ? { quickReplyId: known.quickReplyId } : {}),
    });
  }

  /** Appends the part of `text` not seen yet: `offset` says where it starts in the answer. */
  private delta(turnId: string, offset: number, text: string): void {
    const key = `t:${turnId}`;
    const known = this.entries.get(key);
    if (known && !known.streaming) return;
    const current = known?.text ?? "";
    // A gap (frames lost without a resume) cannot be filled; the final `done` carries the whole answer.
    if (offset > current.length || offset + text.length <= current.length) return;
    const entry = known ?? {
      key,
      seq: null,
      role: "assistant" as const,
      text: "",
      streaming: true,
      status: null,
      citations: [],
      clientId: null,
      turnId,
      delivery: null,
    };
    this.put({ ...entry, text: current + text.slice(current.length - offset) });
  }

  private restart(turnId: string): void {
    const known = this.entries.get(`t:${turnId}`);
    if (known?.streaming) this.put({ ...known, text: "" });
  }

  private seen(seq: number): void {
    if (seq > this.maxSeq) this.maxSeq = seq;
  }

  private put(entry: Entry): Entry {
    this.entries.set(entry.key, entry);
    this.listener.changed(entry);
    return entry;
  }
}

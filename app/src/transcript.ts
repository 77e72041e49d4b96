// The conversation as the app shows it: stored messages by seq (from `message`, `ack` and `done`
// frames), the answer being written (from `delta` frames), and the messages still queued. The last
// hundred stored messages are kept in storage, so the conversation reads the same offline.
import type { MessageView, ServerFrame, Source } from "@coach/contracts/socket";
import { h } from "../../widget/src/shared/dom";
import { renderMarkdown } from "../../widget/src/panel/markdown";
import type { Slot } from "./app-config";
import { texts } from "./i18n/texts";
import type { Queued } from "./outbox";

export type Shown = Pick<MessageView, "seq" | "role" | "text" | "client_id"> & {
  citations: Pick<Source, "title">[];
};

const KEEP = 100;

export class Transcript {
  private readonly stored = new Map<number, Shown>();
  private readonly writing = new Map<string, string>();
  private queued: Queued[] = [];
  /** The message a notification opened the app at, marked until another is asked for. */
  private target: number | null = null;
  readonly list: HTMLOListElement;

  constructor(private readonly cache: Slot<unknown[]>) {
    this.list = h("ol", { class: "log", "aria-live": "polite", "aria-label": texts.conversation });
    for (const item of (cache.get() ?? []) as Shown[]) this.stored.set(item.seq, item);
  }

  get lastSeq(): number {
    return Math.max(0, ...this.stored.keys());
  }

  setQueued(queued: Queued[]): void {
    this.queued = queued;
    this.render();
  }

  /** Applies a frame of the conversation (others are ignored). */
  apply(frame: ServerFrame): void {
    if (frame.type === "message") this.store(frame);
    else if (frame.type === "delta")
      this.writing.set(
        frame.turn_id,
        (this.writing.get(frame.turn_id) ?? "").slice(0, frame.offset) + frame.text,
      );
    else if (frame.type === "done") {
      this.writing.delete(frame.turn_id);
      this.store({
        seq: frame.seq,
        role: "assistant",
        text: frame.text,
        client_id: null,
        citations: frame.citations,
      });
    } else if (frame.type === "ack") {
      const queued = this.queued.find((q) => q.client_id === frame.client_id);
      if (queued)
        this.store({
          seq: frame.seq,
          role: "user",
          text: queued.text,
          client_id: queued.client_id,
          citations: [],
        });
    } else return;
    this.render();
  }

  private store(message: Shown): void {
    this.stored.set(message.seq, {
      seq: message.seq,
      role: message.role,
      text: message.text,
      client_id: message.client_id,
      citations: message.citations.map((c) => ({ title: c.title })),
    });
    const kept = [...this.stored.values()].sort((a, b) => a.seq - b.seq).slice(-KEEP);
    this.cache.set(kept);
  }

  /** Marks the message `seq` and scrolls to it, as a notification's click asks; false until it is here. */
  reveal(seq: number): boolean {
    if (!this.stored.has(seq)) return false;
    this.target = seq;
    this.render();
    return true;
  }

  private render(): void {
    const stored = [...this.stored.values()].sort((a, b) => a.seq - b.seq);
    const storedIds = new Set(stored.map((m) => m.client_id));
    const items = stored.map((m) =>
      h(
        "li",
        {
          class: `msg ${m.role}${m.seq === this.target ? " target" : ""}`,
          "data-seq": m.seq,
          id: `m-${m.seq}`,
        },
        m.role === "assistant"
          ? h("div", { class: "bubble" }, renderMarkdown(m.text))
          : h("div", { class: "bubble" }, m.text),
        m.citations.length > 0
          ? h("p", { class: "sources" }, texts.sources(m.citations.map((c) => c.title).join("; ")))
          : null,
      ),
    );
    for (const text of this.writing.values())
      items.push(
        h(
          "li",
          { class: "msg assistant", "aria-busy": "true" },
          h("div", { class: "bubble" }, text),
        ),
      );
    for (const q of this.queued.filter((q) => !storedIds.has(q.client_id)))
      items.push(
        h(
          "li",
          { class: "msg user pending", "data-client-id": q.client_id },
          h("div", { class: "bubble" }, q.text),
          h("p", { class: "note" }, texts.waitingToSend),
        ),
      );
    this.list.replaceChildren(...items);
    const target = this.list.querySelector(".target");
    if (target) target.scrollIntoView({ block: "center" });
    else this.list.lastElementChild?.scrollIntoView({ block: "end" });
  }
}

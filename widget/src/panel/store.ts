// What the widget keeps in the visitor's browser, per widget: the visitor id the edge minted (so every
// page load and tab continues the same conversation) and the recent transcript (so history shows at
// once and `hello` resumes after it). No tokens: a visitor token lives in memory only.
import type { TranscriptSnapshot } from "./transcript";

type Saved = { conversationId: string; snapshot: TranscriptSnapshot };

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Blocked or full storage: the widget still works, it just starts fresh on the next page.
  }
}

/** Local persistence for one widget (by public key). */
export class VisitorStore {
  constructor(private readonly publicKey: string) {}

  visitorId(): string | undefined {
    return read(`coach.${this.publicKey}.visitor`) ?? undefined;
  }

  setVisitorId(id: string): void {
    write(`coach.${this.publicKey}.visitor`, id);
  }

  /** The saved transcript, if it belongs to `conversationId`. */
  transcript(conversationId: string): TranscriptSnapshot | null {
    const raw = read(`coach.${this.publicKey}.log`);
    if (!raw) return null;
    try {
      const saved = JSON.parse(raw) as Saved;
      return saved.conversationId === conversationId && Array.isArray(saved.snapshot?.entries)
        ? saved.snapshot
        : null;
    } catch {
      return null;
    }
  }

  saveTranscript(conversationId: string, snapshot: TranscriptSnapshot): void {
    write(
      `coach.${this.publicKey}.log`,
      JSON.stringify({ conversationId, snapshot } satisfies Saved),
    );
  }
}

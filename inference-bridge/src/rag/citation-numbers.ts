/**
 * Renumbers a model's citation markers as they stream, so the numbers in the text always match the
 * sources listed under the answer: the first passage cited becomes [1], the next new one [2], and so
 * on. A marker is held back until it is complete ("[1" might become "[12]"); markers naming no passage
 * that was sent are dropped.
 */

/** Rewrites `[n]` markers of a streamed text. */
export class CitationNumbers {
  private pending = "";
  /** Passage numbers as sent to the model, in the order the answer first cites them. */
  readonly cited: number[] = [];

  constructor(private readonly passageCount: number) {}

  /** Adds streamed text; returns what can be released now. */
  push(delta: string): string {
    this.pending += delta;
    const open = this.pending.lastIndexOf("[");
    // A "[" followed by nothing but digits may still be a marker in the making.
    const held =
      open !== -1 && /^\[\d{0,3}$/.test(this.pending.slice(open)) ? open : this.pending.length;
    const out = this.rewrite(this.pending.slice(0, held));
    this.pending = this.pending.slice(held);
    return out;
  }

  /** Ends the stream; returns the rest. */
  finish(): string {
    const out = this.rewrite(this.pending);
    this.pending = "";
    return out;
  }

  private rewrite(text: string): string {
    return text.replace(/\[(\d{1,3})\]/g, (_, digits: string) => {
      const n = Number(digits);
      if (n < 1 || n > this.passageCount) return "";
      if (!this.cited.includes(n)) this.cited.push(n);
      return `[${this.cited.indexOf(n) + 1}]`;
    });
  }
}

/**
 * Output guard for streamed answers. Markdown and HTML images are removed (an image pointing to an
 * outside host leaks the conversation through its URL the moment it renders), and an answer that
 * contains the prefix's confidential marker or a line of its rules is withheld entirely. Text streams
 * through at once except a tail that could still become a marker, a rule line or an image: that tail
 * is held until it is decided, so a secret is never released even in part-complete form.
 */
import type { Persona } from "@coach/contracts/bridge";
import { promptCanary, ruleLines } from "./persona-prefix";

const IMAGES = /!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>]*>/gi;

/** Removes markdown and HTML images from a text. */
export function stripImages(text: string): string {
  return text.replace(IMAGES, "");
}

/** Checks a streamed answer as it grows. */
export class AnswerGuard {
  private raw = "";
  private released = 0;
  private readonly secrets: string[];
  /** True once the answer gave away the prefix; nothing more is released. */
  leaked = false;

  constructor(persona: Persona) {
    // Rule lines are long and specific; a line quoted back means the instructions are being dumped.
    this.secrets = [promptCanary(persona), ...ruleLines(persona).map((line) => line.slice(2, 62))];
  }

  /** Adds model output; returns the text now safe to send. */
  push(delta: string): string {
    this.raw += delta;
    return this.release(false);
  }

  /** Ends the stream; returns the remaining safe text. */
  finish(): string {
    return this.release(true);
  }

  /** The whole answer as it may be stored and shown. */
  text(): string {
    return this.leaked ? "" : stripImages(this.raw);
  }

  private release(final: boolean): string {
    if (this.leaked) return "";
    if (this.secrets.some((secret) => this.raw.includes(secret))) {
      this.leaked = true;
      return "";
    }
    const clean = stripImages(this.raw);
    // Never release into an image that may still be closing.
    let end = clean.length;
    if (!final) {
      for (const secret of this.secrets) {
        for (let k = Math.min(secret.length - 1, clean.length); k > 0; k--) {
          if (clean.endsWith(secret.slice(0, k))) {
            end = Math.min(end, clean.length - k);
            break;
          }
        }
      }
      const image = clean.lastIndexOf("![", end);
      if (image >= this.released && !clean.slice(image, end).includes(")")) end = image;
      const tag = clean.lastIndexOf("<", end);
      if (tag >= this.released && !clean.slice(tag, end).includes(">")) end = tag;
    }
    const out = clean.slice(this.released, end);
    this.released = Math.max(this.released, end);
    return out;
  }
}

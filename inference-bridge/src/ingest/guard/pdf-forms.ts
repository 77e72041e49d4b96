/**
 * Bounds how often a PDF's form XObjects draw one another. pdf.js stops a form that draws itself, but
 * not forms that each draw the next ten times: eight levels of that make a one-kilobyte file ask for a
 * hundred million copies of a line of text. The guard counts the `Do` operators of every content stream
 * and form, follows the names to the forms that resources give them (any form of that name, to stay on
 * the safe side), and refuses a stream that would draw more forms than any real page does.
 */
import { Buffer } from "node:buffer";
import { RefusedFile } from "../parsed-document";

/** Most form drawings one page or form may expand to, nested drawings included. */
export const MAX_PDF_FORM_DRAWS = 50_000;

const DO = /\/([^\0\t\n\f\r ()<>[\]{}/%]+)[\0\t\n\f\r ]*Do(?![^\0\t\n\f\r ()<>[\]{}/%])/g;
const tooMany = () =>
  new RefusedFile(
    "pdf_too_complex",
    `The PDF draws its forms into one another more than ${MAX_PDF_FORM_DRAWS} times, which no real document needs; it is not accepted.`,
  );

/** The forms each content stream draws, by resource name, and the forms each name may stand for. */
export class FormDraws {
  private readonly draws = new Map<number, Map<string, number>>();
  private readonly named = new Map<string, Set<number>>();

  /** Counts the `Do` operators of stream `num`'s decoded content. */
  record(num: number, content: Uint8Array): void {
    const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    if (bytes.indexOf("Do") < 0) return;
    const counts = new Map<string, number>();
    for (const match of bytes.toString("latin1").matchAll(DO)) {
      const name = match[1] ?? "";
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    this.draws.set(num, counts);
  }

  /** Notes that resource name `name` stands for form `num` somewhere in the file. */
  name(name: string, num: number): void {
    let forms = this.named.get(name);
    if (!forms) this.named.set(name, (forms = new Set()));
    forms.add(num);
  }

  /** Refuses the file if any stream expands to more than {@link MAX_PDF_FORM_DRAWS} form drawings. */
  check(): void {
    const total = new Map<number, number>();
    const visiting = new Set<number>();
    const expand = (num: number): number => {
      const known = total.get(num);
      if (known !== undefined) return known;
      // A form on its own drawing path is refused by pdf.js, so it adds nothing.
      if (visiting.has(num)) return 0;
      visiting.add(num);
      let sum = 0;
      for (const [name, count] of this.draws.get(num) ?? []) {
        let widest = 0;
        for (const form of this.named.get(name) ?? []) widest = Math.max(widest, 1 + expand(form));
        sum += count * widest;
        if (sum > MAX_PDF_FORM_DRAWS) throw tooMany();
      }
      visiting.delete(num);
      total.set(num, sum);
      return sum;
    };
    for (const num of this.draws.keys()) expand(num);
  }
}

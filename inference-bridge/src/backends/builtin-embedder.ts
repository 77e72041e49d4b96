/**
 * The built-in embedder, used when no model server runs: each text becomes the smooth-inverse-frequency
 * weighted average of its words' pre-trained vectors (GloVe 6B, 100-d; text/sif.ts). Words close in
 * meaning land close together, so a question in a client's own words still finds its passage. Chunks are
 * sized in words, this embedder's tokens.
 */
import { sifVector } from "../text/sif";
import { tokenize } from "../text/tokens";
import type { WordVectors } from "../text/word-vectors";
import type { Embedder, EmbedderIdentity } from "./types";

/** Identity recorded on every collection this embedder fills; bump `version` when vectors change. */
export const BUILTIN_IDENTITY: EmbedderIdentity = {
  name: "builtin",
  version: "glove6b-100d-sif-1",
  dimensions: 100,
};

/** The built-in embedder, labelled "builtin". */
export class BuiltinEmbedder implements Embedder {
  readonly model = "builtin";
  readonly identity = BUILTIN_IDENTITY;
  // Short chunks keep an average of word vectors specific, and hand the extractive answerer passages of a
  // few paragraphs; sizes are in words, the tokens this embedder reads.
  readonly chunking = {
    chunkTokens: 220,
    overlapTokens: 40,
    countTokens: (text: string) => tokenize(text).length,
  };

  constructor(private readonly vectors: WordVectors) {}

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => Array.from(sifVector(this.vectors, text)));
  }
}

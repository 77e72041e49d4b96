/**
 * Interfaces the RAG pipeline codes against, so Ollama and the built-in fallback are interchangeable.
 */
import type { Persona } from "@coach/contracts/bridge";
import type { Quote } from "../rag/answer-selection";

/** Which model filled a collection; a collection filled by another one must be re-indexed. */
export interface EmbedderIdentity {
  name: string;
  /** Changes whenever the same name would give different vectors (model digest, algorithm version). */
  version: string;
  dimensions: number;
}

/** How documents are cut for an embedder, in that embedder's own tokens. */
export interface ChunkingRule {
  chunkTokens: number;
  overlapTokens: number;
  countTokens(text: string): number;
}

/** What a text is embedded as: some models (nomic-embed-text) embed questions and passages differently. */
export type EmbedPurpose = "query" | "document";

/** Turns texts into vectors of one fixed dimension. */
export interface Embedder {
  /** Model name reported to clients ("builtin" for the fallback). */
  readonly model: string;
  readonly identity: EmbedderIdentity;
  readonly chunking: ChunkingRule;
  embed(
    texts: string[],
    options?: { purpose?: EmbedPurpose; signal?: AbortSignal },
  ): Promise<number[][]>;
}

/** A retrieved passage handed to the answerer. `index` is the 1-based citation number. */
export interface Passage {
  index: number;
  chunkId: string;
  documentId: string;
  title: string;
  text: string;
  score: number;
  /** Heading path and page of the passage, when the document has them. */
  section?: string;
  page?: number;
  /** A creator's corrected answer. */
  curated?: boolean;
}

export interface PromptMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** Everything an answerer may use: the built prompt for LLMs, the structured parts for extractive ones. */
export interface GenerateInput {
  messages: PromptMessage[];
  persona: Persona;
  question: string;
  passages: Passage[];
  /** For the extractive answerer: the pieces to quote, in order (their chunks are `passages`). */
  quotes?: Quote[];
  /** For a model: most tokens the answer may take, so prompt and answer fit the context window. */
  answerTokens?: number;
  signal: AbortSignal;
}

export type GenerationChunk =
  | { type: "delta"; text: string }
  | { type: "done"; promptTokens: number; completionTokens: number };

/** Streams an answer. */
export interface Generator {
  readonly model: string;
  generate(input: GenerateInput): AsyncIterable<GenerationChunk>;
}

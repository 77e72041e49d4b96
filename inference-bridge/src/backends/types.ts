/**
 * Interfaces the RAG pipeline codes against, so Ollama and the built-in fallback are interchangeable.
 */
import type { Persona } from "@coach/contracts/bridge";

/** Turns texts into vectors of one fixed dimension. */
export interface Embedder {
  /** Model name reported to clients ("builtin" for the fallback). */
  readonly model: string;
  /**
   * The similarity a chunk needs to be used when a request names none. Each model scores on its own
   * scale, so the threshold belongs to the embedder; `npm run eval` measures it.
   */
  readonly defaultMinScore: number;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
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

/**
 * The creator's persona as the edge sends it to the bridge with every turn: its name, voice and rules,
 * the answer mode and the fallback line. The bridge's prompt prefix is derived only from it.
 */
import { z } from "zod";

/** The creator's voice. The prompt prefix is derived only from this, so it stays byte-identical across turns. */
export const PersonaSchema = z.object({
  name: z.string().min(1).max(120),
  /** How the assistant speaks and coaches: tone, method, audience. */
  voice: z.string().max(4000),
  /** Said when the creator's material does not cover the question. */
  fallback: z.string().min(1).max(1000),
  guardrails: z.array(z.string().max(500)).max(20).default([]),
  language: z.string().max(35).optional(),
  // The richer voice below is optional, so older callers and saved personas stay valid.
  tagline: z.string().max(200).optional(),
  /** Words for the tone, e.g. "warm, direct, playful". */
  tone: z.string().max(200).optional(),
  formality: z.enum(["casual", "neutral", "formal"]).optional(),
  answer_length: z.enum(["short", "medium", "long"]).optional(),
  emoji: z.enum(["none", "sparing", "frequent"]).optional(),
  methodology: z
    .object({
      principles: z.array(z.string().min(1).max(500)).max(20).default([]),
      frameworks: z
        .array(
          z.object({
            name: z.string().min(1).max(120),
            description: z.string().max(1000).default(""),
          }),
        )
        .max(10)
        .default([]),
      /** The steps the creator coaches through, in order. */
      steps: z.array(z.string().min(1).max(500)).max(20).default([]),
    })
    .optional(),
  always: z.array(z.string().min(1).max(500)).max(20).optional(),
  never: z.array(z.string().min(1).max(500)).max(20).optional(),
  /** Example exchanges in the creator's voice. */
  examples: z
    .array(z.object({ question: z.string().min(1).max(1000), answer: z.string().min(1).max(2000) }))
    .max(10)
    .optional(),
  /** Languages the assistant answers in, first preferred; `language` is kept for older callers. */
  languages: z.array(z.string().min(2).max(35)).max(10).optional(),
  /**
   * strict: answer only from the material, otherwise the fallback. adaptive: material first; general
   * knowledge allowed when the material has nothing, and labelled as such. Default strict.
   */
  answer_mode: z.enum(["strict", "adaptive"]).optional(),
  /** How an answer opens: not at all, with the name ("Maya here."), or warmly ("Hi, it's Maya!"). Default short. */
  greeting_style: z.enum(["none", "short", "warm"]).optional(),
  /** A line offered after an answer from the material, e.g. "Want help planning your first week?". */
  next_step: z.string().trim().max(300).optional(),
  /**
   * Said instead of an answer to a question outside the coach's scope of practice (medication and
   * doses, diagnosis, legal or financial advice, and `out_of_scope`); a default in the persona's
   * language when absent or empty.
   */
  referral: z.string().trim().max(500).optional(),
  /** The creator's own topics to refer on, as words or phrases ("pregnancy", "eating disorder"). */
  out_of_scope: z.array(z.string().trim().min(2).max(100)).max(20).optional(),
});
export type Persona = z.infer<typeof PersonaSchema>;

/**
 * The evaluation coaches (eval/coaches/<coach>/): each a creator's library of documents in every
 * accepted format, questions written in clients' own words with the facts an answer must contain, and
 * off-topic questions — general ones and near-domain ones that sound like the coach's topic. Authored
 * by separate writers so no one tuned the questions to the retrieval. PDFs and Word files are read from
 * `build/` (made by `npm run eval:build` from their Markdown sources); until built, the source is read
 * as Markdown.
 */
import type { DocumentKind } from "@coach/contracts/knowledge";
import type { Persona } from "@coach/contracts/bridge";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Where the coaches live. */
export const COACHES_DIR = join(import.meta.dirname, "coaches");

/** One document of a coach, as bytes with the kind the edge would sniff. */
export interface EvalDocument {
  id: string;
  title: string;
  kind: DocumentKind;
  bytes: Uint8Array;
}

/** An answerable question and the facts that count as answering it. */
export interface AnswerableQuestion {
  id: string;
  question: string;
  document: string;
  facts: string[];
}

/** A question the material does not answer. */
export interface OffTopicQuestion {
  id: string;
  question: string;
  kind: "general" | "near";
}

/** A coach: persona, documents and questions. */
export interface EvalCoach {
  id: string;
  persona: Persona;
  documents: EvalDocument[];
  answerable: AnswerableQuestion[];
  offTopic: OffTopicQuestion[];
}

interface CoachFile {
  id: string;
  persona: { name: string; voice: string; fallback: string };
  documents: { id: string; title: string; kind: DocumentKind; source: string }[];
}

/** Loads one coach directory. */
export function loadCoach(dir: string): EvalCoach {
  const meta = JSON.parse(readFileSync(join(dir, "coach.json"), "utf8")) as CoachFile;
  const questions = JSON.parse(readFileSync(join(dir, "questions.json"), "utf8")) as {
    answerable: AnswerableQuestion[];
    off_topic: OffTopicQuestion[];
  };
  const documents = meta.documents.map((doc): EvalDocument => {
    const built = join(dir, "build", `${doc.id}.${doc.kind}`);
    if ((doc.kind === "pdf" || doc.kind === "docx") && existsSync(built))
      return {
        id: doc.id,
        title: doc.title,
        kind: doc.kind,
        bytes: new Uint8Array(readFileSync(built)),
      };
    const kind: DocumentKind = doc.kind === "pdf" || doc.kind === "docx" ? "md" : doc.kind;
    return {
      id: doc.id,
      title: doc.title,
      kind,
      bytes: new Uint8Array(readFileSync(join(dir, doc.source))),
    };
  });
  return {
    id: meta.id,
    persona: { ...meta.persona, guardrails: [] },
    documents,
    answerable: questions.answerable,
    offTopic: questions.off_topic,
  };
}

/** Every coach, or those named. */
export function loadCoaches(only: readonly string[] = []): EvalCoach[] {
  return readdirSync(COACHES_DIR)
    .filter(
      (name) =>
        existsSync(join(COACHES_DIR, name, "questions.json")) &&
        (only.length === 0 || only.includes(name)),
    )
    .sort()
    .map((name) => loadCoach(join(COACHES_DIR, name)));
}

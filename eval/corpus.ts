/**
 * The evaluation corpus: a fictional coach's method (Maya Lind's "Anchor Method") in every accepted
 * format. Markdown, HTML and TXT are stored as written; the PDF and DOCX are built from their JSON
 * sources with the test fixture builders, so the corpus has no binary files to review.
 */
import type { DocumentKind } from "@coach/contracts/knowledge";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { makeDocx, makePdf } from "../inference-bridge/test/support/document-fixtures";

/** One corpus document as bytes, with the kind the edge would sniff. */
export interface CorpusDocument {
  id: string;
  title: string;
  kind: DocumentKind;
  bytes: Uint8Array;
}

const DIR = join(import.meta.dirname, "corpus");
const read = (name: string) => readFileSync(join(DIR, name));

/** Every document of the corpus. */
export function loadCorpus(): CorpusDocument[] {
  const pdfPages = JSON.parse(read("nutrition.pdf.json").toString()) as string[][];
  const docxParagraphs = JSON.parse(read("setbacks.docx.json").toString()) as { text: string; heading?: 1 | 2 | 3 }[];
  return [
    { id: "anchor-method", title: "The Anchor Method", kind: "md", bytes: read("anchor-method.md") },
    { id: "sleep-guide", title: "Sleep guide", kind: "html", bytes: read("sleep-guide.html") },
    { id: "focus-workbook", title: "Focus workbook", kind: "txt", bytes: read("focus-workbook.txt") },
    // Each page: a heading line, then its paragraphs.
    { id: "nutrition", title: "Energy and food", kind: "pdf", bytes: makePdf(pdfPages.map(([heading, ...rest]) => [`${heading ?? ""}\n${rest.join("\n")}`])) },
    { id: "setbacks", title: "Handling setbacks", kind: "docx", bytes: makeDocx(docxParagraphs) },
  ];
}

/** A question the material answers, and where. */
export interface InScopeQuestion {
  id: string;
  question: string;
  document: string;
  /** Text of the passage that answers it; a retrieved chunk containing it counts as a hit. */
  passage: string;
}

/** The questions: answerable ones, and ones the coach must decline. */
export function loadQuestions(): { in_scope: InScopeQuestion[]; out_of_scope: { id: string; question: string }[] } {
  return JSON.parse(readFileSync(join(import.meta.dirname, "questions.json")).toString()) as ReturnType<typeof loadQuestions>;
}

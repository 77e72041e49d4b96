// Server frames as the widget reads them: JSON checked just enough to be safe to use (the types come
// from the shared contract; zod stays out of the widget to keep it small).
import type { Grounding, MessageView, ServerFrame, Source } from "@coach/contracts/socket";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isInt = (v: unknown): v is number => Number.isInteger(v);

const GROUNDINGS: readonly unknown[] = [
  "material",
  "curated",
  "general",
  "fallback",
] satisfies Grounding[];

/** The sources the widget can show, with only the fields it reads, each of the type it expects. */
function sources(v: unknown): Source[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(
      (s): s is Record<string, unknown> & Source =>
        isObject(s) && isString(s.document_id) && isString(s.title) && typeof s.score === "number",
    )
    .map((s) => ({
      document_id: s.document_id,
      title: s.title,
      score: s.score,
      ...(isInt(s.page) ? { page: s.page } : {}),
      ...(isString(s.section) && s.section ? { section: s.section } : {}),
      ...(isString(s.snippet) && s.snippet ? { snippet: s.snippet } : {}),
    }));
}

/** An answer's sources, what it rests on and the model that wrote it, each kept only when well formed. */
function answerFields(
  v: Record<string, unknown>,
): Pick<MessageView, "citations" | "grounding" | "model"> {
  return {
    citations: sources(v.citations),
    grounding: GROUNDINGS.includes(v.grounding) ? (v.grounding as Grounding) : undefined,
    model: isString(v.model) ? v.model : undefined,
  };
}

/** Whether `v` has the fields the widget reads from a stored message. */
function isMessageView(v: Record<string, unknown>): v is Record<string, unknown> & MessageView {
  return isInt(v.seq) && isString(v.role) && isString(v.text) && isString(v.status);
}

/** Parses one socket message into a frame the widget understands, or null for anything else. */
export function parseFrame(data: unknown): ServerFrame | null {
  if (!isString(data)) return null;
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(v) || !isString(v.type)) return null;
  switch (v.type) {
    case "welcome":
      return isInt(v.last_seq) && isString(v.conversation_id) ? (v as ServerFrame) : null;
    case "message":
      return isMessageView(v) ? ({ ...v, ...answerFields(v) } as ServerFrame) : null;
    case "ack":
      return isString(v.client_id) && isInt(v.seq) ? (v as ServerFrame) : null;
    case "delta":
      return isString(v.turn_id) && isInt(v.offset) && isString(v.text) ? (v as ServerFrame) : null;
    case "done":
      return isString(v.turn_id) && isInt(v.seq) && isString(v.text)
        ? ({ ...v, ...answerFields(v) } as ServerFrame)
        : null;
    case "typing":
      return isString(v.role) && typeof v.active === "boolean" ? (v as ServerFrame) : null;
    case "read":
      return isInt(v.seq) ? (v as ServerFrame) : null;
    case "notice":
    case "error":
      return isString(v.code) && isString(v.message) ? (v as ServerFrame) : null;
    case "presence":
    case "pong":
      return v as ServerFrame;
    default:
      return null;
  }
}

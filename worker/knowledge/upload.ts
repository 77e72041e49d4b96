// Reads an upload request into bytes, a kind and a title: a multipart file (field `file`, typed from its
// bytes) or JSON entered directly (`text`, or `qa_pairs`). Sizes are enforced while reading.
import { MAX_DOCUMENT_BYTES, QaPairSchema, type DocumentKind } from "@coach/contracts/knowledge";
import { z } from "zod";
import { AppError } from "../lib/errors";
import { readBodyWithLimit } from "../lib/body-limit";
import { validated } from "../lib/validated";
import { sniffKind } from "./sniff";

/** Room for the multipart framing around the largest file. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** Text and pairs entered directly are far smaller than files. */
const MAX_DIRECT_BYTES = 2 * 1024 * 1024;

export const DirectEntrySchema = z.union([
  z
    .object({
      title: z.string().trim().min(1).max(300),
      text: z.string().trim().min(1).max(1_000_000),
    })
    .strict(),
  z
    .object({
      title: z.string().trim().min(1).max(300),
      qa_pairs: z.array(QaPairSchema).min(1).max(2000),
    })
    .strict(),
]);

/** A document ready to store. */
export type Upload = { bytes: Uint8Array; kind: DocumentKind; title: string };

function titleFromName(name: string): string {
  const base = name
    .replace(/^.*[\\/]/, "")
    .replace(/\.[A-Za-z0-9]{1,8}$/, "")
    .trim();
  return (base || "Untitled document").slice(0, 300);
}

async function fromMultipart(request: Request, contentType: string): Promise<Upload> {
  const body = await readBodyWithLimit(request, MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw new AppError(400, "invalid_multipart", "The multipart body could not be read.");
  }
  const file = form.get("file");
  if (!(file instanceof File))
    throw new AppError(
      400,
      "validation_failed",
      "Send the document in the multipart field `file`.",
    );
  if (file.size === 0) throw new AppError(400, "empty_file", "The file is empty.");
  if (file.size > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      413,
      "payload_too_large",
      `Files may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
      { details: { max_bytes: MAX_DOCUMENT_BYTES } },
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const title = form.get("title");
  return {
    bytes,
    kind: sniffKind(bytes),
    title:
      typeof title === "string" && title.trim()
        ? title.trim().slice(0, 300)
        : titleFromName(file.name),
  };
}

async function fromJson(request: Request): Promise<Upload> {
  const raw = await readBodyWithLimit(request, MAX_DIRECT_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(raw));
  } catch {
    throw new AppError(
      400,
      "invalid_json",
      "The body is not valid JSON. Check for a missing quote, comma or brace.",
    );
  }
  const entry = validated(
    DirectEntrySchema,
    value,
    "Send {title, text} or {title, qa_pairs: [{question, answer}]}; see details.",
  );
  const encoder = new TextEncoder();
  return "text" in entry
    ? { bytes: encoder.encode(entry.text), kind: "text", title: entry.title }
    : { bytes: encoder.encode(JSON.stringify(entry.qa_pairs)), kind: "qa", title: entry.title };
}

/** Reads the upload in `request`; 415 for any other media type. */
export function readUpload(request: Request): Promise<Upload> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const media = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (media === "multipart/form-data") return fromMultipart(request, contentType);
  if (media === "application/json") return fromJson(request);
  throw new AppError(
    415,
    "unsupported_media_type",
    "Send a file as multipart/form-data (field `file`), or text entered directly as application/json.",
  );
}

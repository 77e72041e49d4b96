// Signed, expiring links to the original files of a workspace's documents, handed out in the workspace
// export. The link itself is the credential (a script reading the export opens it without a sign-in), so
// it names the tenant and the document, when it stops working, and an HMAC over the three made with the
// VISITOR_TOKEN_SECRET under a tag of its own.
import type { DocumentKind } from "@coach/contracts/knowledge";
import { AppError } from "../lib/errors";
import { hmacSign, hmacVerify } from "../lib/hmac";

/** How long an export's links work: long enough to fetch the files at leisure, short enough to lapse. */
export const ORIGINAL_LINK_TTL_SECONDS = 7 * 86_400;

const TAG = "original-link-v1";

/** The document a link opens, and when it expires (Unix seconds). */
export type OriginalGrant = { tenantId: string; documentId: string; expires: number };

const message = (grant: OriginalGrant) =>
  `${TAG}:${grant.tenantId}:${grant.documentId}:${grant.expires}`;

/** The absolute link to a document's original, valid until `grant.expires`. */
export async function originalLink(
  secret: string,
  origin: string,
  grant: OriginalGrant,
): Promise<string> {
  const signature = await hmacSign(secret, message(grant));
  const path = `/api/v1/originals/${encodeURIComponent(grant.tenantId)}/${encodeURIComponent(grant.documentId)}`;
  return `${origin}${path}?expires=${grant.expires}&signature=${signature}`;
}

/** Refuses a link whose signature does not match (403) or whose time is up (410). */
export async function assertOriginalLink(
  secret: string,
  grant: OriginalGrant,
  signature: string,
  now = Date.now(),
): Promise<void> {
  if (!(await hmacVerify(secret, message(grant), signature)))
    throw new AppError(
      403,
      "signature_invalid",
      "This download link is not valid: it was changed or cut short. Export the workspace again for fresh links.",
    );
  if (grant.expires * 1000 <= now)
    throw new AppError(
      410,
      "signature_expired",
      "This download link has expired. Export the workspace again for fresh links.",
    );
}

type Media = { type: string; extension: string };

const PLAIN_TEXT: Media = { type: "text/plain; charset=utf-8", extension: "txt" };
const JSON_FILE: Media = { type: "application/json", extension: "json" };

/** How each kind of document is downloaded: text typed in the dashboard as plain text, Q&A pairs and corrections as JSON. */
const MEDIA: Record<DocumentKind, Media> = {
  pdf: { type: "application/pdf", extension: "pdf" },
  docx: {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  txt: PLAIN_TEXT,
  md: { type: "text/markdown; charset=utf-8", extension: "md" },
  html: { type: "text/html; charset=utf-8", extension: "html" },
  text: PLAIN_TEXT,
  qa: JSON_FILE,
  correction: JSON_FILE,
};

/** The headers an original is downloaded with: its type, a file name from its title, never rendered inline. */
export function originalHeaders(title: string, kind: string): Record<string, string> {
  const media = MEDIA[kind as DocumentKind] ?? {
    type: "application/octet-stream",
    extension: "bin",
  };
  const base =
    title
      .replace(/[^\p{L}\p{N} ._-]+/gu, "")
      .trim()
      .slice(0, 120) || "document";
  const name = `${base}.${media.extension}`;
  return {
    "Content-Type": media.type,
    // An uploaded HTML page must not run on the API's origin.
    "Content-Disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    "Content-Security-Policy": "sandbox",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}

// Body size limits: refused from `Content-Length` before reading, and enforced while streaming for
// bodies that do not declare their length, so an oversize upload never fills memory.
import { AppError } from "./errors";

function tooLarge(limit: number): AppError {
  return new AppError(
    413,
    "payload_too_large",
    `The body is larger than this route accepts (${limit} bytes). Send less data.`,
    {
      details: { max_bytes: limit },
    },
  );
}

/** Reads the whole body, refusing with 413 as soon as it passes `limit` bytes. */
export async function readBodyWithLimit(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

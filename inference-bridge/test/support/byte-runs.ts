/**
 * The bytes behind the hostile-document generators (hostile-pdfs.ts, hostile-zips.ts): long runs of
 * one unit compressed without ever holding them, and concatenation. Compression goes through
 * `CompressionStream`, so the bridge suite and the edge suite (inside workerd) share them.
 */
const encoder = new TextEncoder();
export const MIB = 1024 * 1024;

/** Compresses `size` bytes made of `unit` repeated (zlib format for PDFs, raw deflate for ZIPs) without holding them. */
export async function deflateRun(
  unit: string,
  size: number,
  format: "deflate" | "deflate-raw",
  prefix = "",
  suffix = "",
): Promise<Uint8Array> {
  const block = encoder.encode(
    unit.repeat(Math.ceil(Math.min(size, MIB) / unit.length)).slice(0, Math.min(size, MIB)),
  );
  let left = size;
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      if (prefix) controller.enqueue(encoder.encode(prefix));
    },
    pull(controller) {
      if (left <= 0) {
        if (suffix) controller.enqueue(encoder.encode(suffix));
        controller.close();
        return;
      }
      const part = left >= block.length ? block : block.subarray(0, left);
      left -= part.length;
      // A copy per chunk: the stream may hold on to what it was given.
      controller.enqueue(part.slice());
    },
  });
  return new Uint8Array(
    await new Response(source.pipeThrough(new CompressionStream(format))).arrayBuffer(),
  );
}

/** Compresses bytes in one go. */
export async function deflateBytes(
  bytes: Uint8Array,
  format: "deflate" | "deflate-raw",
): Promise<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.slice());
      controller.close();
    },
  });
  return new Uint8Array(
    await new Response(source.pipeThrough(new CompressionStream(format))).arrayBuffer(),
  );
}

/** The parts, one after the other, in one array. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

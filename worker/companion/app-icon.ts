// The app's home-screen icon, drawn per creator in their colours: a square of the widget's primary
// colour with a disc of its background colour, centred and inside the maskable safe zone (80%), as
// an RGB PNG. Drawn on request (a few milliseconds) and cached by browsers for a day.
import { concatBytes } from "../lib/bytes";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i += 1) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** `#rrggbb` as its three bytes (the widget settings' colours are validated to that form). */
function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace("#", "").slice(0, 6), 16) || 0;
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

async function deflate(raw: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A `size`×`size` PNG: `primary` with a centred disc of `accent`. */
export async function appIconPng(
  size: number,
  primary: string,
  accent: string,
): Promise<Uint8Array> {
  const [fr, fg, fb] = rgb(primary);
  const [ar, ag, ab] = rgb(accent);
  const stride = size * 3 + 1;
  const raw = new Uint8Array(stride * size);
  const centre = (size - 1) / 2;
  const radius2 = (size * 0.22) ** 2;
  for (let y = 0; y < size; y += 1) {
    // Filter type 0 (none) leads each row.
    raw[y * stride] = 0;
    for (let x = 0; x < size; x += 1) {
      const inside = (x - centre) ** 2 + (y - centre) ** 2 <= radius2;
      const at = y * stride + 1 + x * 3;
      raw[at] = inside ? ar : fr;
      raw[at + 1] = inside ? ag : fg;
      raw[at + 2] = inside ? ab : fb;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  const signature = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  return concatBytes(
    signature,
    chunk("IHDR", header),
    chunk("IDAT", await deflate(raw)),
    chunk("IEND", new Uint8Array()),
  );
}

// IP addresses as bytes, and whether an address is one an outgoing webhook must never reach: loopback,
// private, link-local, CGNAT, multicast, reserved, benchmarking and documentation ranges. IPv6 forms
// that carry an IPv4 address (mapped, translated, 6to4, NAT64) are judged by the address they carry;
// everything in IPv6 outside global unicast (2000::/3) is internal.

/** A range as its first address and prefix length. */
type Block = readonly [address: string, bits: number];

// The IANA special-purpose registry, plus broadcast; every address here stays on the local network or
// means nothing on the public internet.
const INTERNAL_V4: readonly Block[] = [
  ["0.0.0.0", 8], // "this network", 0.0.0.0 itself reaches the local host
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT shared space
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, the cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // TEST-NET-1
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // TEST-NET-2
  ["203.0.113.0", 24], // TEST-NET-3
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
];

// Inside global unicast, blocks that are still not the public internet.
const INTERNAL_V6_IN_GLOBAL: readonly Block[] = [
  ["2001::", 23], // IETF protocol assignments: Teredo, ORCHID, benchmarking
  ["2001:db8::", 32], // documentation
  ["3fff::", 20], // documentation (RFC 9637)
];

/** Parses dotted-decimal IPv4 ("192.0.2.1", each part 0-255 without leading zeros) to 4 bytes, or null. */
export function parseIPv4(text: string): Uint8Array | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (const [i, part] of parts.entries()) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes[i] = value;
  }
  return bytes;
}

/** Parses IPv6 text (full, compressed, or with a dotted IPv4 tail; no zone) to 16 bytes, or null. */
export function parseIPv6(text: string): Uint8Array | null {
  let rest = text.toLowerCase();
  const tail: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  if (dotted) {
    const v4 = parseIPv4(dotted[2] ?? "");
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    tail.push((a << 8) | b, (c << 8) | d);
    rest = dotted[1] ?? "";
    // "::1.2.3.4" leaves "::", "1::1.2.3.4" leaves "1::"; a lone trailing ":" was the separator.
    if (rest.endsWith(":") && !rest.endsWith("::")) rest = rest.slice(0, -1);
  }
  const halves = rest.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string | undefined) => (half ? half.split(":") : []);
  const head = groups(halves[0]);
  const back = groups(halves[1]);
  if (![...head, ...back].every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const explicit = head.length + back.length + tail.length;
  const compressed = halves.length === 2;
  if (compressed ? explicit > 7 : explicit !== 8) return null;
  const words = [
    ...head.map((g) => parseInt(g, 16)),
    ...Array<number>(8 - explicit).fill(0),
    ...back.map((g) => parseInt(g, 16)),
    ...tail,
  ];
  const bytes = new Uint8Array(16);
  for (const [i, word] of words.entries()) {
    bytes[i * 2] = word >> 8;
    bytes[i * 2 + 1] = word & 0xff;
  }
  return bytes;
}

function inBlock(bytes: Uint8Array, [address, bits]: Block): boolean {
  const base = bytes.length === 4 ? parseIPv4(address) : parseIPv6(address);
  if (!base || base.length !== bytes.length) return false;
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((base[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, i) => bytes[i] === value);
}

/** The IPv4 address an IPv6 address carries (mapped, translated, NAT64 well-known prefix, 6to4), if any. */
function embeddedIPv4(bytes: Uint8Array): Uint8Array | null {
  const zeros = (n: number) => Array<number>(n).fill(0);
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff])) return bytes.slice(12); // ::ffff:a.b.c.d
  if (startsWith(bytes, [...zeros(8), 0xff, 0xff, 0, 0])) return bytes.slice(12); // ::ffff:0:a.b.c.d
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, ...zeros(8)])) return bytes.slice(12); // 64:ff9b::a.b.c.d
  if (startsWith(bytes, [0x20, 0x02])) return bytes.slice(2, 6); // 2002:aabb:ccdd::
  return null;
}

/** Whether a 4- or 16-byte address is anything but a public unicast address. */
export function isInternalAddress(bytes: Uint8Array): boolean {
  if (bytes.length === 4) return INTERNAL_V4.some((block) => inBlock(bytes, block));
  if (bytes.length !== 16) return true;
  const carried = embeddedIPv4(bytes);
  if (carried) return isInternalAddress(carried);
  // Only global unicast leaves the site; ::, ::1, IPv4-compatible, ULA, link-local, multicast and the
  // local-use NAT64 prefix all lie outside it.
  if (((bytes[0] ?? 0) & 0xe0) !== 0x20) return true;
  return INTERNAL_V6_IN_GLOBAL.some((block) => inBlock(bytes, block));
}

/** The address a URL host names literally ("192.0.2.1" or "[2001:db8::1]", as URL serialises them), or null for a name. */
export function hostAddress(hostname: string): Uint8Array | null {
  if (hostname.startsWith("[") && hostname.endsWith("]")) return parseIPv6(hostname.slice(1, -1));
  return parseIPv4(hostname);
}

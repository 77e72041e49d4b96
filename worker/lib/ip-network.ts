// The network a client IP belongs to, for limits that should follow a network rather than one address:
// an IPv4 address's /24, an IPv6 address's /64 (what one subscriber is usually given). Anything that is
// not an address (e.g. "local" in local runs) is its own network.

function ipv6Groups(ip: string): string[] | null {
  const halves = ip.toLowerCase().split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(missing).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => g.replace(/^0+(?=.)/, ""));
}

/** `203.0.113.0/24` for 203.0.113.9; `2001:db8:1:2::/64` for 2001:db8:1:2:a:b:c:d; else `ip` itself. */
export function networkOf(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  const groups = ip.includes(":") ? ipv6Groups(ip) : null;
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : ip;
}

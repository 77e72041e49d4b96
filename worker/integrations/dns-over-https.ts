// Resolves a host name through DNS-over-HTTPS (the JSON API of Cloudflare's 1.1.1.1, Google and most
// resolvers: `GET ?name=…&type=A` with `Accept: application/dns-json`). Workers have no resolver of
// their own, so this is how a webhook's host is checked before anything is sent to it. A resolver that
// cannot be reached or answers nonsense is reported as such, never guessed around.
import { parseIPv4, parseIPv6 } from "./ip-address";

/** Every address the name resolved to (following CNAMEs), or that the resolver could not be asked. */
export type Resolution = { reachable: true; addresses: Uint8Array[] } | { reachable: false };

const TYPES = { A: 1, AAAA: 28 } as const;
const TIMEOUT_MS = 2_000;
// NOERROR and NXDOMAIN are answers; SERVFAIL, REFUSED and the rest mean the resolver could not tell.
const ANSWERED = new Set([0, 3]);

type DnsJson = { Status?: unknown; Answer?: unknown };

async function query(
  resolverUrl: string,
  name: string,
  type: keyof typeof TYPES,
): Promise<Uint8Array[] | null> {
  const url = new URL(resolverUrl);
  url.searchParams.set("name", name);
  url.searchParams.set("type", type);
  let body: DnsJson;
  try {
    const response = await fetch(url, {
      headers: { Accept: "application/dns-json" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) return null;
    body = (await response.json()) as DnsJson;
  } catch {
    return null;
  }
  if (typeof body.Status !== "number" || !ANSWERED.has(body.Status)) return null;
  const records = Array.isArray(body.Answer)
    ? (body.Answer as { type?: unknown; data?: unknown }[])
    : [];
  const addresses: Uint8Array[] = [];
  for (const record of records) {
    if (record.type !== TYPES[type] || typeof record.data !== "string") continue;
    const address = type === "A" ? parseIPv4(record.data) : parseIPv6(record.data);
    // An address record we cannot read is not evidence that the name is safe.
    if (!address) return null;
    addresses.push(address);
  }
  return addresses;
}

/** Resolves `name` (A and AAAA) at the resolver `resolverUrl`. */
export async function resolveHost(resolverUrl: string, name: string): Promise<Resolution> {
  const [v4, v6] = await Promise.all([
    query(resolverUrl, name, "A"),
    query(resolverUrl, name, "AAAA"),
  ]);
  if (!v4 || !v6) return { reachable: false };
  return { reachable: true, addresses: [...v4, ...v6] };
}

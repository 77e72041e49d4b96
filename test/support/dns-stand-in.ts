// The answers of the DNS-over-HTTPS stand-in the webhook receiver serves at `/dns-query` (the JSON API
// of 1.1.1.1): fixed records for names under STAND_IN_DOMAIN, answers a test set for a name (a name
// that changes address between two lookups), NXDOMAIN for everything else. Kept apart from the receiver
// so tests inside workerd can import the names without Node's servers.

type DnsRecord = { type: 1 | 5 | 28; data: string };

/** Names under this domain are answered by the stand-in; it is reserved for documentation, so never real. */
export const STAND_IN_DOMAIN = "hooks.example.net";

const PUBLIC_V4 = "93.184.215.14";

/** Fixed answers by first label. */
const DNS_ANSWERS: Record<string, DnsRecord[]> = {
  loopback: [{ type: 1, data: "127.0.0.1" }],
  "v6-loopback": [{ type: 28, data: "::1" }],
  "v6-mapped": [{ type: 28, data: "::ffff:127.0.0.1" }],
  metadata: [{ type: 1, data: "169.254.169.254" }],
  "via-cname": [
    { type: 5, data: `inside.${STAND_IN_DOMAIN}.` },
    { type: 1, data: "10.1.2.3" },
  ],
  mixed: [
    { type: 1, data: PUBLIC_V4 },
    { type: 1, data: "192.168.1.10" },
  ],
  public: [
    { type: 1, data: PUBLIC_V4 },
    { type: 28, data: "2606:2800:21f:cb07:6820:80da:af6b:6b2c" },
  ],
};

/** The JSON answer to one query; `set` holds the IPv4 address a test gave a name (see the receiver's `/__dns`). */
export function dnsAnswer(
  name: string,
  type: number,
  set: Map<string, string>,
): { Status: number; Answer?: (DnsRecord & { name: string; TTL: number })[] } {
  const host = name.replace(/\.$/, "").toLowerCase();
  if (!host.endsWith(`.${STAND_IN_DOMAIN}`)) return { Status: 3 };
  const label = host.slice(0, -STAND_IN_DOMAIN.length - 1);
  if (label === "servfail") return { Status: 2 };
  const address = set.get(host);
  const records = address ? [{ type: 1 as const, data: address }] : DNS_ANSWERS[label];
  if (!records) return { Status: 3 };
  const wanted = records.filter((record) => record.type === type || record.type === 5);
  return { Status: 0, Answer: wanted.map((record) => ({ name: host, TTL: 60, ...record })) };
}

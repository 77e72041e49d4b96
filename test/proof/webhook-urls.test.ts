// Outgoing webhook URLs under fuzzing: internal addresses (loopback, private, link-local, CGNAT,
// multicast, reserved, documentation) drawn at random from their ranges and written in every form a
// URL parser or resolver accepts (one decimal or hex or octal number, dotted parts in mixed bases,
// shortened a.b.c and a.b forms, trailing dots, IPv6 loopback, link-local, ULA and multicast, and IPv6
// that carries the IPv4 address: mapped, translated, IPv4-compatible, NAT64, 6to4), with random
// schemes, ports and paths. None may ever register. As a control, public addresses in the same forms
// pass the same check, so the property cannot hold by refusing everything. Cases: PROOF_CASES.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookUrlProblem } from "../../worker/integrations/webhook-url";
import { call, seedWorkspace, type SeededWorkspace } from "../worker/auth/helpers";
import { proofCases, reportProof } from "./support/proof-cases";
import { runCases } from "./support/run-cases";

const CASES = proofCases(40);
const tally = { cases: 0, registered: 0, refused_internal: 0, refused_other: 0, public_refused: 0 };

/** [first address, prefix length] */
const INTERNAL_V4: [number, number][] = [
  [0x00000000, 8],
  [0x0a000000, 8],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0000000, 24],
  [0xc0000200, 24],
  [0xc0586300, 24],
  [0xc0a80000, 16],
  [0xc6120000, 15],
  [0xc6336400, 24],
  [0xcb007100, 24],
  [0xe0000000, 4],
  [0xf0000000, 4],
];
const PUBLIC_V4: [number, number][] = [
  [0x01010100, 24],
  [0x08080000, 16],
  [0x5db80000, 16],
  [0x97650000, 16],
  [0xc6290000, 16],
];

const inBlock = ([base, bits]: [number, number]) =>
  fc.nat({ max: 2 ** (32 - bits) - 1 }).map((offset) => (base + offset) >>> 0);
const internalV4 = fc.oneof(...INTERNAL_V4.map(inBlock));
const publicV4 = fc.oneof(...PUBLIC_V4.map(inBlock));

const octets = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const hex4 = (n: number) => (n & 0xffff).toString(16);

/** A number in decimal, hex (either case, padded) or octal: the forms the URL parser reads as IPv4 parts. */
function inBase(n: number): fc.Arbitrary<string> {
  return fc.constantFrom(
    String(n),
    `0x${n.toString(16)}`,
    `0X${n.toString(16).toUpperCase()}`,
    `0x00${n.toString(16)}`,
    n === 0 ? "0" : `0${n.toString(8)}`,
  );
}

/** IPv4 host spellings of `n`. */
function v4Host(n: number): fc.Arbitrary<string> {
  const [a = 0, b = 0, c = 0, d = 0] = octets(n);
  return fc.oneof(
    fc.tuple(inBase(a), inBase(b), inBase(c), inBase(d)).map((parts) => parts.join(".")),
    inBase(n),
    fc.tuple(inBase(a), inBase(b), inBase((c << 8) | d)).map((parts) => parts.join(".")),
    fc.tuple(inBase(a), inBase((b << 16) | (c << 8) | d)).map((parts) => parts.join(".")),
    fc.constant(`${a}.${b}.${c}.${d}.`),
  );
}

/** IPv6 spellings (in brackets) that carry `n`. */
function v6Carrying(n: number): fc.Arbitrary<string> {
  const [a = 0, b = 0, c = 0, d = 0] = octets(n);
  const dotted = `${a}.${b}.${c}.${d}`;
  const high = hex4(n >>> 16);
  const low = hex4(n);
  return fc.constantFrom(
    `[::ffff:${dotted}]`,
    `[::FFFF:${high}:${low}]`,
    `[0:0:0:0:0:ffff:${dotted}]`,
    `[::ffff:0:${dotted}]`,
    `[64:ff9b::${dotted}]`,
    `[64:ff9b::${high}:${low}]`,
    `[2002:${high}:${low}::1]`,
    `[2002:${high}:${low}:abcd::]`,
  );
}

/** IPv6 addresses that are internal in their own right. */
const internalV6 = fc.oneof(
  fc.constantFrom("[::1]", "[::]", "[0:0:0:0:0:0:0:1]", "[0000::0001]", "[::0.0.0.1]"),
  fc
    .tuple(fc.integer({ min: 0xfe80, max: 0xfebf }), fc.nat({ max: 0xffff }))
    .map(([p, x]) => `[${hex4(p)}::${hex4(x)}]`),
  fc
    .tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), fc.nat({ max: 0xffff }))
    .map(([p, x]) => `[${hex4(p)}:1::${hex4(x)}]`),
  fc
    .tuple(fc.integer({ min: 0xff00, max: 0xffff }), fc.nat({ max: 0xffff }))
    .map(([p, x]) => `[${hex4(p)}::${hex4(x)}]`),
  fc.nat({ max: 0xffff }).map((x) => `[2001:db8::${hex4(x)}]`),
);

const compat = internalV4.chain((n) => fc.constant(`[::${octets(n).join(".")}]`));

/** A whole URL around `host`: scheme, optional port, path. */
function urlAround(host: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom("https", "http", "HTTPS"),
      host,
      fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
      fc.constantFrom("/", "/hooks/coach", "/latest/meta-data/", ""),
    )
    .map(
      ([scheme, h, port, path]) => `${scheme}://${h}${port === undefined ? "" : `:${port}`}${path}`,
    );
}

// The edge tests run with WEBHOOKS_ALLOW_LOCAL_HTTP, which lets exactly http://127.0.0.1 and
// http://localhost through for the test receivers; those two spellings are the documented exception.
const locallyAllowed = (url: string) => /^http:\/\/127\.0\.0\.1(?:[:/]|$)/i.test(url);
const internalUrl = urlAround(
  fc.oneof(internalV4.chain(v4Host), internalV4.chain(v6Carrying), internalV6, compat),
).filter((url) => !locallyAllowed(url));
const publicUrl = publicV4
  .chain((n) => fc.tuple(fc.oneof(v4Host(n), v6Carrying(n)), fc.constantFrom("/", "/hooks/coach")))
  .map(([host, path]) => `https://${host}${path}`);

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

afterAll(() => reportProof("webhook-urls", { cases_per_property: CASES, ...tally }));

describe("webhook URLs under fuzzing", () => {
  it(
    "never registers an internal address, however it is written",
    { timeout: 60_000 + CASES * 50 },
    async () => {
      const { seed, failures } = await runCases(internalUrl, CASES, async (url) => {
        const res = await call("/api/v1/integrations/webhooks", {
          token: workspace.members.owner.token,
          body: { url, events: ["human.requested"] },
        });
        const body = (await res.json()) as { error?: { code?: string } };
        tally.cases++;
        if (res.status === 201) tally.registered++;
        else if (body.error?.code === "webhook_url_internal") tally.refused_internal++;
        else tally.refused_other++;
        return res.status === 400 && body.error?.code === "webhook_url_internal";
      });
      expect(failures, `seed ${seed}`).toEqual([]);
    },
  );

  it("lets public addresses through the same check (the control)", async () => {
    const { seed, failures } = await runCases(publicUrl, CASES, async (url) => {
      const problem = await webhookUrlProblem(env, url);
      if (problem) tally.public_refused++;
      return problem === null;
    });
    expect(failures, `seed ${seed}`).toEqual([]);
  });
});

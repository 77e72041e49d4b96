// Forged Stripe webhooks: PROOF_CASES requests (10,000 in `npm run proof`) that Stripe did not sign —
// no signature, another secret, a signature one character off, a real signature of another body, a
// real signature too old, only the `v0` scheme — all claiming a change to a real membership whose
// state at Stripe has moved on. None may be accepted and none may leave a trace: the membership and
// the ledger of handled events stay as they were. As a control, the same event correctly signed is
// accepted and brings the change, so the property cannot hold by refusing everything.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { storedSubscription } from "../../worker/db/billing-store";
import { database } from "../../worker/db/client";
import { stripeEvents } from "../../worker/db/schema";
import {
  deliver,
  signature,
  standIn,
  stripe,
  type StripeEventLike,
} from "../worker/billing/billing-helpers";
import { seedMembership, type SeededMembership } from "../worker/billing/membership-seed";
import { proofCases, reportProof } from "./support/proof-cases";
import { runCases } from "./support/run-cases";

const CASES = proofCases(30);

let member: SeededMembership;
let event: StripeEventLike;

beforeAll(async () => {
  member = await seedMembership();
  await stripe().subscriptions.update(member.subscriptionId, { cancel_at_period_end: true });
  const { data } = await standIn<{ data: StripeEventLike[] }>("/__events", "GET");
  event = data.findLast(
    (e) => e.type === "customer.subscription.updated" && e.data.object.id === member.subscriptionId,
  )!;
});

function oneOff(text: string, at: number): string {
  const i = at % text.length;
  return `${text.slice(0, i)}${text[i] === "a" ? "b" : "a"}${text.slice(i + 1)}`;
}

type Forgery = { kind: number; at: number; age: number; secret: string };

const forgery: fc.Arbitrary<Forgery> = fc.record({
  kind: fc.integer({ min: 0, max: 5 }),
  at: fc.nat(),
  age: fc.integer({ min: 301, max: 30 * 86_400 }),
  secret: fc.string({ minLength: 1, maxLength: 40 }),
});

/** The forged request's signature for `payload`. */
async function forgedSignature(f: Forgery, payload: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  switch (f.kind) {
    case 0:
      return "";
    case 1:
      return signature(payload, { secret: `whsec_${f.secret}` });
    case 2:
      return oneOff(await signature(payload), f.at);
    case 3:
      return signature(`${payload} `);
    case 4:
      return signature(payload, { timestamp: now - f.age });
    default:
      return (await signature(payload)).replace("v1=", "v0=");
  }
}

const handledEvents = async () =>
  (await database(env.DB).select({ n: count() }).from(stripeEvents))[0]?.n ?? 0;

describe("forged Stripe webhooks", () => {
  it(`change nothing (${CASES} forgeries)`, async () => {
    const before = await storedSubscription(env.DB, member.subscriptionId);
    const ledger = await handledEvents();
    const tally = { cases: 0, accepted: 0 };
    const { seed, failures } = await runCases(forgery, CASES, async (f) => {
      tally.cases += 1;
      const forged = { ...event, id: `evt_forged_${crypto.randomUUID()}` };
      const res = await deliver(forged, (p) => forgedSignature(f, p));
      await res.body?.cancel();
      if (res.status === 200) tally.accepted += 1;
      return res.status === 400;
    });
    reportProof("forged-stripe-webhooks", { ...tally, seed });
    expect(failures, `seed ${seed}`).toEqual([]);
    expect(await storedSubscription(env.DB, member.subscriptionId)).toEqual(before);
    expect(await handledEvents()).toBe(ledger);

    // The control: Stripe's own signature is accepted and the membership follows Stripe.
    expect((await deliver(event)).status).toBe(200);
    expect((await storedSubscription(env.DB, member.subscriptionId))?.cancelAtPeriodEnd).toBe(true);
  });
});

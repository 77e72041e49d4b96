// The Stripe stand-in's state (test/support/stripe-stand-in.ts): its objects, the events Stripe would
// send about them (each a snapshot of its object when it happened), and Stripe's error shapes.
import type { FormValue } from "./stripe-form";

export type StripeObject = Record<string, unknown> & { id: string };
/** Status, body, and whether it replays an earlier answer to the same idempotency key. */
export type Answer = [number, unknown, boolean?];
/** One endpoint: its method, its path pattern, and the handler given the pattern's groups and the parameters. */
export type Route = [
  method: string,
  path: RegExp,
  handle: (match: string[], params: Record<string, FormValue>) => Answer,
];

export const DAY = 86_400;
let counter = 0;
export const idOf = (prefix: string) =>
  `${prefix}_test${Date.now().toString(36)}${(++counter).toString(36).padStart(6, "0")}`;
export const now = () => Math.floor(Date.now() / 1000);

export function stripeError(
  status: number,
  type: string,
  message: string,
  extra: object = {},
): Answer {
  return [status, { error: { type, message, ...extra } }];
}
export const missing = (param: string): Answer =>
  stripeError(400, "invalid_request_error", `Missing required param: ${param}.`, {
    code: "parameter_missing",
    param,
  });
export const noSuch = (kind: string, id: string, param = "id"): Answer =>
  stripeError(404, "invalid_request_error", `No such ${kind}: '${id}'`, {
    code: "resource_missing",
    param,
  });

export function text(value: FormValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}
export function record(value: FormValue | undefined): Record<string, FormValue> {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}
export function strings(value: FormValue | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record(value)).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

/** One month or year after `from` (Unix seconds), as Stripe's billing cycle anchor moves. */
export function periodAfter(from: number, interval: string): number {
  const date = new Date(from * 1000);
  if (interval === "year") date.setUTCFullYear(date.getUTCFullYear() + 1);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return Math.floor(date.getTime() / 1000);
}

/** The stand-in's objects by id, and every event so far. */
export class StandInStore {
  readonly objects = new Map<string, StripeObject>();
  readonly events: StripeObject[] = [];

  constructor(readonly base: string) {}

  readonly put = (object: StripeObject) => (this.objects.set(object.id, object), object);
  readonly kindOf = (id: string, object: string) => {
    const found = this.objects.get(id);
    return found && found.object === object ? found : undefined;
  };
  readonly emit = (type: string, object: StripeObject): StripeObject => {
    const event = {
      id: idOf("evt"),
      object: "event",
      api_version: "2026-11-18.endive",
      created: now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    this.events.push(event);
    return event;
  };

  readonly subscriptionItem = (sub: StripeObject) =>
    (sub.items as { data: Record<string, unknown>[] }).data[0] as Record<string, unknown>;

  readonly invoiceFor = (sub: StripeObject, status: "paid" | "open"): StripeObject => {
    const price = this.subscriptionItem(sub).price as Record<string, unknown>;
    const trialing = sub.status === "trialing";
    const amount = trialing ? 0 : Number(price.unit_amount);
    const invoice = this.put({
      id: idOf("in"),
      object: "invoice",
      customer: sub.customer,
      status,
      amount_due: amount,
      amount_paid: status === "paid" ? amount : 0,
      currency: price.currency,
      created: now(),
      parent: {
        type: "subscription_details",
        subscription_details: { subscription: sub.id, metadata: sub.metadata },
      },
    });
    sub.latest_invoice = invoice.id;
    return invoice;
  };

  /** The object as the API shows it: without what the stand-in keeps for itself (`_…`). */
  readonly publicView = (o: StripeObject) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith("_")));
}

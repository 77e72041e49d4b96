// The stand-in's test controls: what only Stripe's hosted pages or its clock would do, each answering
// the events Stripe would send about it (see test/support/stripe-stand-in.ts).
import type { FormValue } from "./stripe-form";
import {
  DAY,
  idOf,
  now,
  noSuch,
  periodAfter,
  record,
  strings,
  stripeError,
  text,
  type Answer,
  type StandInStore,
  type StripeObject,
} from "./stripe-stand-in-store";

/** The controls, by path pattern (the id is the pattern's one group). */
export function standInControls(store: StandInStore): [RegExp, (id: string) => Answer][] {
  const { put, kindOf, emit, invoiceFor, subscriptionItem, publicView } = store;

  const complete = (id: string): Answer => {
    const session = kindOf(id, "checkout.session");
    if (!session) return noSuch("checkout.session", id);
    if (session.status !== "open")
      return stripeError(400, "invalid_request_error", "This Checkout Session is no longer open.");
    const price = kindOf(String(session._price), "price")!;
    const customer =
      (session.customer as string | null) ??
      put({ id: idOf("cus"), object: "customer", created: now() }).id;
    const data = session._subscription_data as Record<string, FormValue>;
    const trialDays = Number(text(data.trial_period_days) ?? 0);
    const start = now();
    const periodEnd =
      trialDays > 0
        ? start + trialDays * DAY
        : periodAfter(start, String(record(price.recurring as FormValue).interval));
    const destination = text(record(data.transfer_data).destination);
    if (destination && !kindOf(destination, "account"))
      return noSuch("account", destination, "subscription_data[transfer_data][destination]");
    const sub = put({
      transfer_data: destination ? { destination, amount_percent: null } : null,
      application_fee_percent: text(data.application_fee_percent)
        ? Number(data.application_fee_percent)
        : null,
      id: idOf("sub"),
      object: "subscription",
      customer,
      status: trialDays > 0 ? "trialing" : "active",
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      trial_end: trialDays > 0 ? periodEnd : null,
      start_date: start,
      created: start,
      metadata: strings(data.metadata),
      latest_invoice: null,
      items: {
        object: "list",
        data: [
          {
            id: idOf("si"),
            object: "subscription_item",
            price,
            quantity: 1,
            current_period_start: start,
            current_period_end: periodEnd,
          },
        ],
        has_more: false,
      },
    });
    const invoice = invoiceFor(sub, "paid");
    const charge = put({
      id: idOf("ch"),
      object: "charge",
      customer,
      amount: invoice.amount_paid,
      amount_refunded: 0,
      refunded: false,
      created: now(),
    });
    Object.assign(session, {
      status: "complete",
      payment_status: trialDays > 0 ? "no_payment_required" : "paid",
      customer,
      subscription: sub.id,
    });
    return [
      200,
      {
        subscription: sub.id,
        charge: charge.id,
        events: [
          emit("customer.subscription.created", sub),
          emit("invoice.paid", invoice),
          emit("checkout.session.completed", publicView(session) as StripeObject),
        ],
      },
    ];
  };

  /** Onboarding finished (or Stripe restricted the account): a Connect `account.updated` event. */
  const accountChanged = (
    id: string,
    state: { charges_enabled: boolean; payouts_enabled: boolean; disabled_reason: string | null },
  ): Answer => {
    const account = kindOf(id, "account");
    if (!account) return noSuch("account", id);
    Object.assign(account, {
      details_submitted: true,
      charges_enabled: state.charges_enabled,
      payouts_enabled: state.payouts_enabled,
      requirements: { disabled_reason: state.disabled_reason, currently_due: [] },
    });
    const event = emit("account.updated", account);
    // Events about a connected account name it (https://docs.stripe.com/connect/webhooks).
    event.account = id;
    return [200, { events: [event] }];
  };

  return [
    [/^\/__checkout\/([^/]+)\/complete$/, complete],
    [
      /^\/__subscriptions\/([^/]+)\/renew$/,
      (id) => {
        const sub = kindOf(id, "subscription");
        if (!sub) return noSuch("subscription", id);
        const item = subscriptionItem(sub);
        if (sub.cancel_at_period_end) {
          Object.assign(sub, { status: "canceled", canceled_at: now(), ended_at: now() });
          return [200, { events: [emit("customer.subscription.deleted", sub)] }];
        }
        const interval = String(
          record((item.price as Record<string, FormValue>).recurring).interval,
        );
        item.current_period_start = item.current_period_end;
        item.current_period_end = periodAfter(Number(item.current_period_end), interval);
        sub.status = "active";
        const invoice = invoiceFor(sub, "paid");
        return [
          200,
          {
            events: [emit("invoice.paid", invoice), emit("customer.subscription.updated", sub)],
          },
        ];
      },
    ],
    [
      /^\/__subscriptions\/([^/]+)\/fail_payment$/,
      (id) => {
        const sub = kindOf(id, "subscription");
        if (!sub) return noSuch("subscription", id);
        sub.status = "past_due";
        const invoice = invoiceFor(sub, "open");
        return [
          200,
          {
            events: [
              emit("invoice.payment_failed", invoice),
              emit("customer.subscription.updated", sub),
            ],
          },
        ];
      },
    ],
    [
      /^\/__accounts\/([^/]+)\/activate$/,
      (id) =>
        accountChanged(id, { charges_enabled: true, payouts_enabled: true, disabled_reason: null }),
    ],
    [
      /^\/__accounts\/([^/]+)\/restrict$/,
      (id) =>
        accountChanged(id, {
          charges_enabled: false,
          payouts_enabled: false,
          disabled_reason: "requirements.past_due",
        }),
    ],
    [
      /^\/__charges\/([^/]+)\/refund$/,
      (id) => {
        const charge = kindOf(id, "charge");
        if (!charge) return noSuch("charge", id);
        Object.assign(charge, { refunded: true, amount_refunded: charge.amount });
        return [200, { events: [emit("charge.refunded", charge)] }];
      },
    ],
  ];
}

// The Stripe stand-in's subscriptions (test/support/stripe-stand-in.ts), created by completing a
// Checkout session: read, listed page by page, set to cancel at the period's end, and canceled now,
// each change emitting the event Stripe sends (https://docs.stripe.com/api/subscriptions).
import {
  noSuch,
  now,
  stripeError,
  text,
  type Route,
  type StandInStore,
} from "./stripe-stand-in-store";

/** The statuses `GET /v1/subscriptions` filters by. */
const SUBSCRIPTION_STATUSES = [
  "active",
  "all",
  "canceled",
  "ended",
  "incomplete",
  "incomplete_expired",
  "past_due",
  "paused",
  "trialing",
  "unpaid",
];

const ENDED = ["canceled", "incomplete_expired"];

/** Stripe's refusal to update or cancel a subscription that is already canceled. */
const canceledIsFinal = () =>
  stripeError(
    400,
    "invalid_request_error",
    "A canceled subscription can only update its cancellation_details and metadata.",
  );

/** `GET /v1/subscriptions`, `GET`, `POST` and `DELETE /v1/subscriptions/:id`. */
export function subscriptionRoutes(store: StandInStore): Route[] {
  const { kindOf, emit, subscriptionItem } = store;
  return [
    [
      "GET",
      /^\/v1\/subscriptions\/([^/]+)$/,
      ([id]) => {
        const sub = kindOf(id!, "subscription");
        return sub ? [200, sub] : noSuch("subscription", id!);
      },
    ],
    [
      "GET",
      /^\/v1\/subscriptions$/,
      // https://docs.stripe.com/api/subscriptions/list and /api/pagination: newest first; `limit` 1–100
      // (default 10); `starting_after` an object of the list (the last of the page before); no
      // `status`: every status but canceled, `status=all`: every one.
      (_m, p) => {
        const customer = text(p.customer);
        const status = text(p.status);
        if (status && !SUBSCRIPTION_STATUSES.includes(status))
          return stripeError(
            400,
            "invalid_request_error",
            `Invalid status: must be one of ${SUBSCRIPTION_STATUSES.join(", ")}`,
            { param: "status", code: "parameter_invalid_string" },
          );
        const limit = text(p.limit) === undefined ? 10 : Number(p.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100)
          return stripeError(
            400,
            "invalid_request_error",
            limit > 100
              ? "This value must be less than or equal to 100."
              : "This value must be greater than or equal to 1.",
            { param: "limit", code: "parameter_invalid_integer" },
          );
        const matches = (o: Record<string, unknown>) =>
          (!customer || o.customer === customer) &&
          (status === "all" ||
            (status === "ended"
              ? ENDED.includes(String(o.status))
              : status
                ? o.status === status
                : o.status !== "canceled"));
        // The cursor marks a place in the order of creation, whether or not it matches the filter.
        const ordered = [...store.objects.values()]
          .filter((o) => o.object === "subscription")
          .reverse();
        const after = text(p.starting_after);
        if (after && !kindOf(after, "subscription"))
          return noSuch("subscription", after, "starting_after");
        const start = after ? ordered.findIndex((o) => o.id === after) + 1 : 0;
        const window = ordered.slice(start).filter(matches);
        const data = window.slice(0, limit);
        return [
          200,
          { object: "list", data, has_more: window.length > limit, url: "/v1/subscriptions" },
        ];
      },
    ],
    [
      "POST",
      /^\/v1\/subscriptions\/([^/]+)$/,
      ([id], p) => {
        const sub = kindOf(id!, "subscription");
        if (!sub) return noSuch("subscription", id!);
        if (sub.status === "canceled") return canceledIsFinal();
        if (text(p.cancel_at_period_end)) {
          sub.cancel_at_period_end = p.cancel_at_period_end === "true";
          sub.cancel_at = sub.cancel_at_period_end
            ? subscriptionItem(sub).current_period_end
            : null;
        }
        emit("customer.subscription.updated", sub);
        return [200, sub];
      },
    ],
    [
      // Cancels now (https://docs.stripe.com/api/subscriptions/cancel): answers the subscription with
      // `status: "canceled"` and its `canceled_at` / `ended_at`, and Stripe sends
      // `customer.subscription.deleted`. A canceled subscription cannot be canceled again.
      "DELETE",
      /^\/v1\/subscriptions\/([^/]+)$/,
      ([id]) => {
        const sub = kindOf(id!, "subscription");
        if (!sub) return noSuch("subscription", id!);
        if (sub.status === "canceled") return canceledIsFinal();
        Object.assign(sub, { status: "canceled", canceled_at: now(), ended_at: now() });
        emit("customer.subscription.deleted", sub);
        return [200, sub];
      },
    ],
  ];
}

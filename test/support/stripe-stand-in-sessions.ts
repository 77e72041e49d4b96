// The Stripe stand-in's hosted sessions (test/support/stripe-stand-in.ts): Checkout sessions, which
// the buyer completes on Stripe's page (here the `/__checkout/:id/complete` control), and customer
// portal sessions (https://docs.stripe.com/api/checkout/sessions,
// https://docs.stripe.com/api/customer_portal/sessions).
import {
  idOf,
  missing,
  noSuch,
  now,
  record,
  strings,
  stripeError,
  text,
  type Route,
  type StandInStore,
} from "./stripe-stand-in-store";

/** `POST /v1/checkout/sessions`, `GET /v1/checkout/sessions/:id`, `POST /v1/billing_portal/sessions`. */
export function sessionRoutes(store: StandInStore): Route[] {
  const { base, put, kindOf, publicView } = store;
  return [
    [
      "POST",
      /^\/v1\/checkout\/sessions$/,
      (_m, p) => {
        if (!text(p.mode)) return missing("mode");
        const items = Array.isArray(p.line_items) ? p.line_items : [];
        if (items.length === 0) return missing("line_items");
        if (!text(p.success_url)) return missing("success_url");
        const priceId = text(record(items[0]).price);
        if (!priceId) return missing("line_items[0][price]");
        const price = kindOf(priceId, "price");
        if (!price) return noSuch("price", priceId, "line_items[0][price]");
        if (!price.active)
          return stripeError(400, "invalid_request_error", `The price specified is inactive.`, {
            param: "line_items[0][price]",
          });
        if (p.mode === "subscription" && price.type !== "recurring")
          return stripeError(
            400,
            "invalid_request_error",
            "You must provide at least one recurring price in `subscription` mode when using prices.",
            { param: "line_items" },
          );
        const subscriptionData = record(p.subscription_data);
        // A platform fee is taken from a payment to a connected account, and only then.
        if (
          text(subscriptionData.application_fee_percent) &&
          !text(record(subscriptionData.transfer_data).destination)
        )
          return stripeError(
            400,
            "invalid_request_error",
            "Can only apply an application_fee_percent when the request is made on behalf of another account (using an OAuth key, the Stripe-Account header, or the transfer_data parameter).",
            { param: "subscription_data[application_fee_percent]" },
          );
        const customer = text(p.customer);
        if (customer && !kindOf(customer, "customer"))
          return noSuch("customer", customer, "customer");
        const id = idOf("cs");
        const session = put({
          id,
          object: "checkout.session",
          mode: text(p.mode),
          status: "open",
          payment_status: "unpaid",
          url: `${base}/c/pay/${id}`,
          success_url: text(p.success_url),
          cancel_url: text(p.cancel_url) ?? null,
          client_reference_id: text(p.client_reference_id) ?? null,
          metadata: strings(p.metadata),
          customer: customer ?? null,
          subscription: null,
          created: now(),
          // Kept for completion, as Stripe keeps them with the session.
          _price: priceId,
          _subscription_data: record(p.subscription_data),
        });
        return [200, publicView(session)];
      },
    ],
    [
      "GET",
      /^\/v1\/checkout\/sessions\/([^/]+)$/,
      ([id]) => {
        const session = kindOf(id!, "checkout.session");
        return session ? [200, publicView(session)] : noSuch("checkout.session", id!);
      },
    ],
    [
      "POST",
      /^\/v1\/billing_portal\/sessions$/,
      (_m, p) => {
        const customer = text(p.customer);
        if (!customer) return missing("customer");
        if (!kindOf(customer, "customer")) return noSuch("customer", customer, "customer");
        const id = idOf("bps");
        return [
          200,
          put({
            id,
            object: "billing_portal.session",
            customer,
            return_url: text(p.return_url) ?? null,
            url: `${base}/p/session/${id}`,
            created: now(),
          }),
        ];
      },
    ],
  ];
}

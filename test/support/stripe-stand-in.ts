// A stand-in for the Stripe API (Node, real HTTP), for the edge tests: the `stripe` client is pointed at
// it (STRIPE_API_URL) and it answers only the endpoints the platform calls, the way Stripe does:
// form-encoded bodies with bracket notation (test/support/stripe-form.ts, https://docs.stripe.com/api),
// `Authorization: Bearer sk_…` required (401 without it or with another key, https://docs.stripe.com/api/authentication),
// unknown ids 404 `resource_missing`, missing required parameters 400 `parameter_missing`
// (https://docs.stripe.com/error-codes), errors as `{error:{type,code,message,param}}`, and
// `Idempotency-Key` honoured: the same key replays the first answer, with other parameters it is a 400
// `idempotency_error` (https://docs.stripe.com/api/idempotent_requests). `current_period_end` lives on
// the subscription's items, as in API versions since 2025-03-31.
// What only Stripe's own pages or clock would do is driven by test controls
// (test/support/stripe-stand-in-controls.ts), each answering the events Stripe would send (real-shaped,
// each a snapshot of its object at that moment):
// `POST /__checkout/:id/complete` (the buyer pays on the hosted page), `POST /__subscriptions/:id/renew`
// (the period ends: renewed, or ended when it was set to cancel at period end), `POST
// /__subscriptions/:id/fail_payment` (the renewal's card is declined), `POST /__charges/:id/refund`.
// `GET /__events` lists every event so far (API updates emit `customer.subscription.updated` too).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { parseStripeForm, type FormValue } from "./stripe-form";
import { standInControls } from "./stripe-stand-in-controls";
import {
  idOf,
  missing,
  noSuch,
  now,
  record,
  strings,
  stripeError,
  StandInStore,
  text,
  type Answer,
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

/** Starts the stand-in on `port` accepting `secretKey`; resolves to a stop function. */
export async function startStripeStandIn(
  port: number,
  secretKey: string,
): Promise<() => Promise<void>> {
  const base = `http://127.0.0.1:${port}`;
  const store = new StandInStore(base);
  const { put, kindOf, emit, subscriptionItem, publicView } = store;
  const controls = standInControls(store);
  const idempotent = new Map<string, { params: string; answer: Answer }>();

  const routes: [string, RegExp, (m: string[], p: Record<string, FormValue>) => Answer][] = [
    [
      "POST",
      /^\/v1\/products$/,
      (_m, p) => {
        if (!text(p.name)) return missing("name");
        const product = put({
          id: idOf("prod"),
          object: "product",
          active: true,
          name: text(p.name),
          metadata: strings(p.metadata),
          created: now(),
        });
        return [200, product];
      },
    ],
    [
      "POST",
      /^\/v1\/products\/([^/]+)$/,
      ([id], p) => {
        const product = kindOf(id!, "product");
        if (!product) return noSuch("product", id!);
        if (text(p.name)) product.name = text(p.name);
        if (text(p.active)) product.active = p.active === "true";
        return [200, product];
      },
    ],
    [
      "POST",
      /^\/v1\/prices$/,
      (_m, p) => {
        for (const param of ["currency", "product", "unit_amount"])
          if (!text(p[param])) return missing(param);
        const product = text(p.product)!;
        if (!kindOf(product, "product")) return noSuch("product", product, "product");
        const recurring = record(p.recurring);
        const price = put({
          id: idOf("price"),
          object: "price",
          active: true,
          currency: text(p.currency)!.toLowerCase(),
          product,
          unit_amount: Number(p.unit_amount),
          recurring: text(recurring.interval) ? { interval: text(recurring.interval) } : null,
          type: text(recurring.interval) ? "recurring" : "one_time",
          metadata: strings(p.metadata),
          created: now(),
        });
        return [200, price];
      },
    ],
    [
      "POST",
      /^\/v1\/prices\/([^/]+)$/,
      ([id], p) => {
        const price = kindOf(id!, "price");
        if (!price) return noSuch("price", id!);
        if (text(p.active)) price.active = p.active === "true";
        return [200, price];
      },
    ],
    [
      "GET",
      /^\/v1\/prices\/([^/]+)$/,
      ([id]) => {
        const price = kindOf(id!, "price");
        return price ? [200, price] : noSuch("price", id!);
      },
    ],
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
        if (sub.status === "canceled")
          return stripeError(
            400,
            "invalid_request_error",
            "A canceled subscription can only update its cancellation_details and metadata.",
          );
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
        if (sub.status === "canceled")
          return stripeError(
            400,
            "invalid_request_error",
            "A canceled subscription can only update its cancellation_details and metadata.",
          );
        Object.assign(sub, { status: "canceled", canceled_at: now(), ended_at: now() });
        emit("customer.subscription.deleted", sub);
        return [200, sub];
      },
    ],
    [
      "POST",
      /^\/v1\/accounts$/,
      (_m, p) => [
        200,
        put({
          id: idOf("acct"),
          object: "account",
          type: text(p.type) ?? "express",
          charges_enabled: false,
          payouts_enabled: false,
          details_submitted: false,
          requirements: {
            disabled_reason: "requirements.past_due",
            currently_due: ["external_account"],
          },
          metadata: strings(p.metadata),
          created: now(),
        }),
      ],
    ],
    [
      "GET",
      /^\/v1\/accounts\/([^/]+)$/,
      ([id]) => {
        const account = kindOf(id!, "account");
        return account ? [200, account] : noSuch("account", id!);
      },
    ],
    [
      "POST",
      /^\/v1\/account_links$/,
      (_m, p) => {
        const account = text(p.account);
        if (!account) return missing("account");
        if (!text(p.type)) return missing("type");
        if (!kindOf(account, "account")) return noSuch("account", account, "account");
        return [
          200,
          {
            object: "account_link",
            created: now(),
            expires_at: now() + 300,
            url: `${base}/setup/e/${account}/${idOf("link")}`,
          },
        ];
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

  const answer = (req: IncomingMessage, body: string, path: string, query: string): Answer => {
    if (req.method === "GET" && path === "/__events") return [200, { data: store.events }];
    const control = controls.find(([pattern]) => pattern.test(path));
    if (control && req.method === "POST") return control[1](control[0].exec(path)![1]!);
    const auth = req.headers.authorization;
    if (!auth)
      return stripeError(
        401,
        "invalid_request_error",
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      );
    if (auth !== `Bearer ${secretKey}`)
      return stripeError(401, "invalid_request_error", "Invalid API Key provided: sk_****");
    const route = routes.find(([method, pattern]) => method === req.method && pattern.test(path));
    if (!route)
      return stripeError(
        404,
        "invalid_request_error",
        `Unrecognized request URL (${req.method}: ${path}).`,
      );
    const match = route[1].exec(path)!.slice(1);
    const params = parseStripeForm(req.method === "GET" ? query : body);
    const key = req.headers["idempotency-key"];
    if (req.method !== "POST" || typeof key !== "string") return route[2](match, params);
    const seen = idempotent.get(key);
    if (seen && seen.params !== body)
      return stripeError(
        400,
        "idempotency_error",
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    if (seen) return [seen.answer[0], seen.answer[1], true];
    const first = route[2](match, params);
    // Stripe saves a result only once the endpoint ran; a request refused by validation is not saved.
    if (first[0] === 200) idempotent.set(key, { params: body, answer: first });
    return first;
  };

  const server: Server = createServer((req, res: ServerResponse) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", base);
      const body = Buffer.concat(parts).toString();
      const [status, payload, replayed] = answer(req, body, url.pathname, url.search.slice(1));
      res
        .writeHead(status, {
          "Content-Type": "application/json",
          "Request-Id": idOf("req"),
          ...(replayed ? { "Idempotent-Replayed": "true" } : {}),
        })
        .end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

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
// The endpoints live by job: the catalogue (test/support/stripe-stand-in-catalog.ts), Checkout and
// portal sessions (-sessions.ts), subscriptions (-subscriptions.ts) and Connect accounts (-connect.ts);
// this file serves them behind Stripe's authentication and idempotency.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { parseStripeForm } from "./stripe-form";
import { catalogRoutes } from "./stripe-stand-in-catalog";
import { connectRoutes } from "./stripe-stand-in-connect";
import { standInControls } from "./stripe-stand-in-controls";
import { sessionRoutes } from "./stripe-stand-in-sessions";
import { idOf, stripeError, StandInStore, type Answer } from "./stripe-stand-in-store";
import { subscriptionRoutes } from "./stripe-stand-in-subscriptions";

/** Starts the stand-in on `port` accepting `secretKey`; resolves to a stop function. */
export async function startStripeStandIn(
  port: number,
  secretKey: string,
): Promise<() => Promise<void>> {
  const base = `http://127.0.0.1:${port}`;
  const store = new StandInStore(base);
  const controls = standInControls(store);
  const idempotent = new Map<string, { params: string; answer: Answer }>();
  const routes = [
    ...catalogRoutes(store),
    ...sessionRoutes(store),
    ...subscriptionRoutes(store),
    ...connectRoutes(store),
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

// The Stripe stand-in's Connect accounts (test/support/stripe-stand-in.ts): an Express account created
// for a creator, read back, and the onboarding link Stripe hosts; finishing onboarding is the
// `/__accounts/:id/activate` control (https://docs.stripe.com/api/accounts,
// https://docs.stripe.com/api/account_links).
import {
  idOf,
  missing,
  noSuch,
  now,
  strings,
  text,
  type Route,
  type StandInStore,
} from "./stripe-stand-in-store";

/** `POST /v1/accounts`, `GET /v1/accounts/:id`, `POST /v1/account_links`. */
export function connectRoutes(store: StandInStore): Route[] {
  const { base, put, kindOf } = store;
  return [
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
  ];
}

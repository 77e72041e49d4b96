// The Stripe stand-in's catalogue (test/support/stripe-stand-in.ts): products and their prices, created,
// read and archived as the platform's plans do it (https://docs.stripe.com/api/products,
// https://docs.stripe.com/api/prices).
import {
  idOf,
  missing,
  noSuch,
  now,
  record,
  strings,
  text,
  type Route,
  type StandInStore,
} from "./stripe-stand-in-store";

/** `POST /v1/products`, `POST /v1/products/:id`, `POST /v1/prices`, `POST` and `GET /v1/prices/:id`. */
export function catalogRoutes(store: StandInStore): Route[] {
  const { put, kindOf } = store;
  return [
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
  ];
}

// Stripe's form encoding, read as Stripe reads it: `a[b]=1` is a nested object, `a[0][b]=1` a list
// (https://docs.stripe.com/api — "the API accepts form-encoded request bodies").

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
type FormObject = { [key: string]: FormValue };

/** The nested parameters of a form-encoded body or query string. */
export function parseStripeForm(encoded: string): FormObject {
  const root: FormObject = {};
  for (const [name, value] of new URLSearchParams(encoded)) {
    const keys = name.split(/\[|\]\[|\]/).filter((k) => k !== "");
    let node: FormObject = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        node[key] = value;
        return;
      }
      const next = node[key];
      node[key] = next && typeof next === "object" ? next : {};
      node = node[key] as FormObject;
    });
  }
  return listify(root) as FormObject;
}

/** Objects whose keys are 0, 1, 2… become lists, as Stripe reads `line_items[0][price]`. */
function listify(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, listify(v)] as const);
  const indexed = entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k));
  return indexed
    ? entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v)
    : Object.fromEntries(entries);
}

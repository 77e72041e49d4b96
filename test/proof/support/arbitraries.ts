// Generators of hostile input for the fuzzing suites: arbitrary JSON, deep nesting, huge and strange
// strings (unicode edge cases), wrong types, and near-valid objects built from the field names a schema
// itself reports as missing or invalid.
import fc from "fast-check";

/** Strings that break naive code: empty, whitespace, lone surrogates, RTL and zero-width marks, NUL, emoji, huge. */
export const edgeString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\ud800",
    "\udfff",
    "\u202e\u202d",
    "\u200b\ufeff",
    "🧪👩🏽‍💻",
    "ǅ",
    "İ",
    "\r\n\t",
    "null",
    "undefined",
    "__proto__",
    "constructor",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "../../etc/passwd",
    "%00",
    "a@b",
    "x".repeat(100_000),
  ),
  fc.string({ unit: "binary", maxLength: 64 }),
  fc.string({ unit: "grapheme", maxLength: 64 }),
  fc.string({ maxLength: 5000 }),
);

/** Any JSON value, strange strings included. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, -0),
    edgeString,
    fc.array(tie("value"), { maxLength: 6 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), edgeString), tie("value"), { maxKeys: 6 }),
  ),
})).value;

/** Nesting far deeper than any schema expects (arrays or objects, 100–5,000 levels). */
export const deepJson: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 100, max: 5000 }), fc.boolean())
  .map(([depth, objects]) => {
    let value: unknown = "bottom";
    for (let i = 0; i < depth; i++) value = objects ? { a: value } : [value];
    return value;
  });

/** Objects that use the schema's own field names with values of every kind, and some extra fields. */
export function nearValid(fields: string[]): fc.Arbitrary<Record<string, unknown>> {
  const names = fields.length > 0 ? fields : ["id"];
  return fc
    .tuple(
      fc.subarray(names, { minLength: 0 }),
      fc.array(anyJson, { minLength: names.length, maxLength: names.length }),
      fc.dictionary(edgeString, anyJson, { maxKeys: 2 }),
    )
    .map(([chosen, values, extra]) => {
      const body: Record<string, unknown> = { ...extra };
      chosen.forEach((name, i) => setPath(body, name, values[i]));
      return body;
    });
}

/** Sets a dotted `path` (as zod reports it: `qa_pairs.0.question`) on `target`. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node: Record<string, unknown> = target;
  keys.slice(0, -1).forEach((key, i) => {
    const next = node[key];
    if (typeof next !== "object" || next === null)
      node[key] = /^\d+$/.test(keys[i + 1] ?? "") ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1] as string] = value;
}

/** A JSON text cut short, or made of bytes that are not UTF-8. */
export const brokenBody: fc.Arbitrary<{ label: string; bytes: Uint8Array }> = fc.oneof(
  fc.tuple(anyJson, fc.double({ min: 0, max: 0.99, noNaN: true })).map(([value, at]) => {
    const text = JSON.stringify({ wrapped: value });
    return {
      label: "truncated JSON",
      bytes: new TextEncoder().encode(text.slice(0, Math.floor(text.length * at))),
    };
  }),
  fc
    .tuple(
      fc.uint8Array({ minLength: 1, maxLength: 64 }),
      fc.constantFrom(
        [0xff],
        [0xc3, 0x28],
        [0xed, 0xa0, 0x80],
        [0xf8, 0x88, 0x80, 0x80, 0x80],
        [0xe2, 0x82],
      ),
    )
    .map(([prefix, bad]) => ({
      label: "invalid UTF-8",
      bytes: new Uint8Array([
        ...new TextEncoder().encode('{"text":"'),
        ...prefix.filter((b) => b < 0x80 && b !== 0x22 && b !== 0x5c),
        ...bad,
        ...new TextEncoder().encode('"}'),
      ]),
    })),
);

/** A hostile original, as a recipe: the generators of issue 17 with their sizes and shapes drawn. */
export type HostileUploadRecipe =
  | { kind: "flate_string"; mib: number }
  | { kind: "nested_flate"; layers: number; mib: number }
  | { kind: "object_stream"; mib: number }
  | { kind: "object_stream_string"; mib: number }
  | { kind: "form_fan_out"; depth: number; fanout: number }
  | { kind: "zip64_hidden"; visible: string; hidden: string }
  | { kind: "zip64_bomb"; mib: number }
  | { kind: "overlapping_zip" };

/** A hostile upload: a recipe, and byte flips (position as a fraction of the file, value to XOR) to damage it. */
export type HostileUpload = { recipe: HostileUploadRecipe; flips: [number, number][] };

const words = fc
  .string({ minLength: 1, maxLength: 40 })
  .map((s) => s.replace(/[<>&]/g, " ") || "word");

export const hostileUpload: fc.Arbitrary<HostileUpload> = fc.record({
  recipe: fc.oneof(
    fc.record({ kind: fc.constant("flate_string" as const), mib: fc.integer({ min: 2, max: 32 }) }),
    fc.record({
      kind: fc.constant("nested_flate" as const),
      layers: fc.integer({ min: 1, max: 3 }),
      mib: fc.integer({ min: 16, max: 48 }),
    }),
    fc.record({
      kind: fc.constant("object_stream" as const),
      mib: fc.integer({ min: 16, max: 48 }),
    }),
    fc.record({
      kind: fc.constant("object_stream_string" as const),
      mib: fc.integer({ min: 2, max: 16 }),
    }),
    fc.record({
      kind: fc.constant("form_fan_out" as const),
      depth: fc.integer({ min: 2, max: 9 }),
      fanout: fc.integer({ min: 2, max: 10 }),
    }),
    fc.record({ kind: fc.constant("zip64_hidden" as const), visible: words, hidden: words }),
    fc.record({ kind: fc.constant("zip64_bomb" as const), mib: fc.integer({ min: 1, max: 32 }) }),
    fc.constant({ kind: "overlapping_zip" as const }),
  ),
  // Half the files as generated, half with a few bytes damaged.
  flips: fc.oneof(
    fc.constant<[number, number][]>([]),
    fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.integer({ min: 1, max: 255 }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  ),
});

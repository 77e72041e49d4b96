// The data-access boundary, checked on the source: outside worker/db/, no module may open the
// database itself, so every tenant query goes through the tenant gateway.
import { describe, expect, it } from "vitest";

const sources = import.meta.glob<string>(
  ["../../../worker/**/*.ts", "../../../durable-objects/**/*.ts", "!../../../worker/db/**"],
  {
    query: "?raw",
    import: "default",
    eager: true,
  },
);

const FORBIDDEN: { rule: string; pattern: RegExp }[] = [
  { rule: "imports the D1 drizzle driver", pattern: /from\s+["']drizzle-orm\/d1["']/ },
  {
    rule: "imports the schema",
    pattern: /from\s+["'][./]*(?:worker\/)?db\/schema(?:\/[\w-]+)?["']/,
  },
  { rule: "imports the database client", pattern: /from\s+["'][./]*(?:worker\/)?db\/client["']/ },
  {
    rule: "queries the D1 binding directly",
    pattern: /\bDB\s*\.\s*(?:prepare|batch|exec|withSession)\s*\(/,
  },
];

function violationsOf(text: string): string[] {
  return FORBIDDEN.filter(({ pattern }) => pattern.test(text)).map(({ rule }) => rule);
}

describe("data-access boundary", () => {
  it("finds the modules it guards", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(5);
  });

  it("recognises each way around the gateway", () => {
    expect(violationsOf('import { drizzle } from "drizzle-orm/d1";')).toHaveLength(1);
    expect(violationsOf('import { documents } from "../db/schema";')).toHaveLength(1);
    expect(violationsOf('import { documents } from "../db/schema/knowledge";')).toHaveLength(1);
    expect(violationsOf('import { database } from "../../worker/db/client";')).toHaveLength(1);
    expect(violationsOf("await c.env.DB.prepare('SELECT * FROM documents').all();")).toHaveLength(
      1,
    );
    expect(violationsOf("const gateway = forPrincipal(c.env.DB, principal);")).toEqual([]);
  });

  it("keeps every module outside worker/db/ away from the raw database", () => {
    const violations = Object.entries(sources).flatMap(([file, text]) =>
      violationsOf(text).map((rule) => `${file} ${rule}`),
    );
    expect(violations).toEqual([]);
  });
});

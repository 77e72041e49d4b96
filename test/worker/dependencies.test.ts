import { describe, expect, it } from "vitest";

const manifests = import.meta.glob<string>("../../node_modules/hono/package.json", {
  query: "?raw",
  import: "default",
  eager: true,
});

function atLeast(version: string, minimum: string): boolean {
  const a = version.split(".").map(Number);
  const b = minimum.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

describe("dependencies", () => {
  it("the installed hono is 4.13.5 or later (fixes for published advisories)", () => {
    const [manifest] = Object.values(manifests);
    const { version } = JSON.parse(manifest ?? "{}") as { version?: string };
    expect(version).toBeDefined();
    expect(atLeast(version ?? "0.0.0", "4.13.5")).toBe(true);
  });
});

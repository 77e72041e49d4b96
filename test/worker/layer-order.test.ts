// The edge's layer order, checked on the source: Http (worker/index.ts, routes/, middleware/,
// openapi/) → Objects (durable-objects/) → Features (worker/<feature>/) → Data (worker/db/) → Kernel
// (worker/lib/) → contracts/. A module may import its own layer or any layer below it, never one
// above; and outside the kernel and the objects themselves, nothing names a Durable Object namespace:
// features reach an object through the kernel's typed stub (`roomFor`, `rateLimiterFor`, …). A failure
// names the import.
import { describe, expect, it } from "vitest";
import { LAYERS, layerViolations } from "./layer-order";

const sources = import.meta.glob<string>(
  ["../../worker/**/*.ts", "../../durable-objects/**/*.ts", "../../contracts/src/**/*.ts"],
  {
    query: "?raw",
    import: "default",
    eager: true,
  },
);

/** Source files by their path from the repository root, as the rules name them. */
const tree = Object.fromEntries(
  Object.entries(sources).map(([file, text]) => [file.replace(/^(\.\.\/)+/, ""), text]),
);

describe("layer order", () => {
  it("reads the whole tree, every file in a layer", () => {
    expect(Object.keys(tree).length).toBeGreaterThan(200);
    expect(layerViolations(tree).filter((v) => v.includes("belongs to no layer"))).toEqual([]);
  });

  it("names an upward import planted in the kernel", () => {
    const planted = {
      ...tree,
      "worker/lib/ids.ts": `${tree["worker/lib/ids.ts"]}\nimport { authRoutes } from "../routes/auth";\n`,
    };
    expect(layerViolations(planted)).toEqual([
      'worker/lib/ids.ts (kernel) imports "../routes/auth" (http)',
    ]);
  });

  it("names a feature that reaches into a Durable Object", () => {
    const planted = {
      ...tree,
      "worker/workspace/planted.ts":
        'import type { ConversationRoom } from "../../durable-objects/conversation-room";\n',
    };
    expect(layerViolations(planted)).toEqual([
      'worker/workspace/planted.ts (features) imports "../../durable-objects/conversation-room" (objects)',
    ]);
  });

  it("names a feature that opens a Durable Object namespace itself", () => {
    const planted = {
      ...tree,
      "worker/channels/planted.ts":
        "export const stub = (env: Env) => env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName('x'));\n",
    };
    expect(layerViolations(planted)).toEqual([
      "worker/channels/planted.ts (features) opens the RATE_LIMITER namespace; go through its stub in worker/lib/",
    ]);
  });

  it("keeps the tree in order", () => {
    expect(LAYERS.map((layer) => layer.name)).toEqual([
      "http",
      "objects",
      "features",
      "data",
      "kernel",
      "contracts",
    ]);
    expect(layerViolations(tree)).toEqual([]);
  });
});

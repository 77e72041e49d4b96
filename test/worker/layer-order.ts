// The layer order as data, and the check that reads a source tree against it (see layer-order.test.ts).

export type Layer = { name: string; holds: (file: string) => boolean };

const FEATURES = [
  "analytics",
  "auth",
  "billing",
  "bridges",
  "channels",
  "commitments",
  "companion",
  "integrations",
  "knowledge",
  "overflow",
  "persona",
  "programs",
  "push",
  "safety",
  "widget",
  "workspace",
];

/** Highest first: a module may import its own layer or one after it in this list. */
export const LAYERS: Layer[] = [
  {
    name: "http",
    holds: (file) =>
      file === "worker/index.ts" || /^worker\/(routes|middleware|openapi)\//.test(file),
  },
  { name: "objects", holds: (file) => file.startsWith("durable-objects/") },
  {
    name: "features",
    holds: (file) => FEATURES.some((feature) => file.startsWith(`worker/${feature}/`)),
  },
  { name: "data", holds: (file) => file.startsWith("worker/db/") },
  { name: "kernel", holds: (file) => file.startsWith("worker/lib/") },
  { name: "contracts", holds: (file) => file.startsWith("contracts/") },
];

/** Durable Object namespaces, which only the kernel's stubs (and the objects) may open. */
const NAMESPACE_USE = /\benv\.([A-Z_]+)\.(?:get|idFromName|idFromString|newUniqueId)\(/g;
const NAMESPACES = new Set([
  "CONVERSATION_ROOM",
  "COACHING_AGENT",
  "RATE_LIMITER",
  "RETENTION_SWEEPER",
  "WEBHOOK_DISPATCHER",
  "WORKSPACE_CLOSER",
]);
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.holds(file));
}

/** `spec` resolved against the folder of `file`, both relative to the repository root, with `.ts`. */
function resolve(file: string, spec: string): string {
  const parts = file.split("/").slice(0, -1);
  for (const part of spec.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  const joined = parts.join("/");
  return joined.endsWith(".ts") ? joined : `${joined}.ts`;
}

/** Every import that goes up the order, and every namespace opened outside the kernel, in words. */
export function layerViolations(tree: Record<string, string>): string[] {
  const violations: string[] = [];
  for (const [file, text] of Object.entries(tree)) {
    const own = layerOf(file);
    if (own < 0) {
      violations.push(`${file} belongs to no layer`);
      continue;
    }
    for (const [, spec] of text.matchAll(RELATIVE_IMPORT)) {
      const target = layerOf(resolve(file, spec as string));
      if (target >= 0 && target < own)
        violations.push(
          `${file} (${LAYERS[own]!.name}) imports "${spec}" (${LAYERS[target]!.name})`,
        );
    }
    if (LAYERS[own]!.name === "kernel" || LAYERS[own]!.name === "objects") continue;
    const opened = new Set(
      [...text.matchAll(NAMESPACE_USE)].map(([, namespace]) => namespace as string),
    );
    for (const namespace of opened) {
      if (NAMESPACES.has(namespace))
        violations.push(
          `${file} (${LAYERS[own]!.name}) opens the ${namespace} namespace; go through its stub in worker/lib/`,
        );
    }
  }
  return violations;
}

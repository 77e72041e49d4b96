// Bundles the Workers AI binding's stand-in (workers-ai-binding-stand-in.ts) into one ES module for
// vitest.config.ts: an auxiliary Worker of the Workers pool runs as given, without Vite's transforms,
// so its TypeScript and the rules it shares with the REST stand-in are compiled here.
import path from "node:path";
import { build } from "esbuild";

/** The stand-in Worker's source, one self-contained ES module. */
export async function workersAiBindingScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, "workers-ai-binding-stand-in.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    external: ["cloudflare:workers"],
    write: false,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild produced no output for the Workers AI binding stand-in.");
  return output.text;
}

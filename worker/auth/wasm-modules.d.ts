// workerd (and wrangler's bundler) turn a static `.wasm` import into a compiled WebAssembly.Module;
// runtime compilation from bytes is refused inside Workers, so this is the only way in.
declare module "*.wasm" {
  const compiled: WebAssembly.Module;
  export default compiled;
}

declare module "argon2id/lib/setup.js" {
  import type { computeHash } from "argon2id";
  type Loader = (imports: WebAssembly.Imports) => Promise<{ instance: WebAssembly.Instance }>;
  export default function setupWasm(getSimd: Loader, getNonSimd: Loader): Promise<computeHash>;
}

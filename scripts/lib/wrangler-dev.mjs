// How the local stack (scripts/dev.mjs) and the browser tests (widget/test/support/stack.ts) start the
// Worker: `wrangler dev` on loopback, without its interactive session, the settings given as `--var`s.

/**
 * The arguments of `npx wrangler dev` on 127.0.0.1:`port`: `flags` as given, then one `--var` per
 * variable of `vars` that has a value (an unset one keeps wrangler.jsonc's).
 * @param {number} port
 * @param {Record<string, string | undefined>} vars
 * @param {string[]} [flags]
 */
export function wranglerDevArgs(port, vars, flags = []) {
  return [
    "wrangler",
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    ...flags,
    ...Object.entries(vars).flatMap(([name, value]) =>
      value ? ["--var", `${name}:${value}`] : [],
    ),
    "--show-interactive-dev-session=false",
  ];
}

// `npm run dev`: the whole stack on this machine — wrangler dev (Worker, Durable Objects, local D1
// and R2, the widget's assets) and the inference bridge side by side, migrations applied, the demo
// workspace seeded, the widget demo page served on its own origin, the creators' dashboard (Vite) beside
// them, the URLs printed. Ctrl-C stops everything.
import { execFileSync } from "node:child_process";
import {
  BRIDGE_PORT,
  BRIDGE_URL,
  DASHBOARD_ORIGINS,
  DASHBOARD_PORT,
  DASHBOARD_URL,
  DEMO_ORIGINS,
  DEMO_PORT,
  DEMO_URL,
  EDGE_PORT,
  EDGE_URL,
} from "./lib/config.mjs";
import { startDemoServer } from "./lib/demo-server.mjs";
import { ensureDevSecrets, readDevVars } from "./lib/dev-secrets.mjs";
import { startProcess, stopAll, stopOnSignals } from "./lib/processes.mjs";
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from "./lib/seed-demo.mjs";
import { waitForHttp } from "./lib/wait-for.mjs";
import { wranglerDevArgs } from "./lib/wrangler-dev.mjs";
import { buildWidget } from "./lib/widget-build.mjs";

const env = { WRANGLER_SEND_METRICS: "false" };

function step(message) {
  console.log(`\n▶ ${message}`);
}

function applyMigrations() {
  execFileSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local"], {
    stdio: "inherit",
    env: { ...process.env, ...env, CI: "true" },
  });
}

stopOnSignals();

step("Preparing local secrets (.dev.vars)");
ensureDevSecrets();
const bridgeSecret = readDevVars().BRIDGE_SECRET;

step("Building the web widget (dist/widget)");
await buildWidget();

step("Applying D1 migrations (local)");
applyMigrations();

step(`Starting the inference bridge on ${BRIDGE_URL}`);
startProcess("bridge", "npm", ["start", "-w", "inference-bridge", "--silent"], {
  env: {
    BRIDGE_PORT: String(BRIDGE_PORT),
    BRIDGE_SECRET: bridgeSecret,
    EDGE_CALLBACK_URL: EDGE_URL,
  },
});

step(`Starting the edge (wrangler dev) on ${EDGE_URL}`);
startProcess(
  "edge",
  "npx",
  wranglerDevArgs(EDGE_PORT, {
    BRIDGE_URL,
    CORS_ORIGINS: DASHBOARD_ORIGINS.join(","),
    // A local Bot API server or Graph stand-in, when the environment names one.
    TELEGRAM_API_ROOT: process.env.TELEGRAM_API_ROOT,
    WHATSAPP_GRAPH_URL: process.env.WHATSAPP_GRAPH_URL,
  }),
  // Without internet wrangler cannot reach Cloudflare for `Request.cf`; harmless, so not shown.
  {
    env,
    quiet: (line) =>
      /Request\.cf|ENOTFOUND|GetAddrInfoReqWrap|\[wrangler:info\] (GET|POST|PUT|PATCH|DELETE|OPTIONS) /.test(
        line,
      ),
  },
);

let demo;
try {
  await waitForHttp(`${BRIDGE_URL}/health`, { what: "The inference bridge", timeoutMs: 90_000 });
  await waitForHttp(`${EDGE_URL}/health`, { what: "The edge (wrangler dev)", timeoutMs: 90_000 });
  step("Seeding the demo workspace");
  // The dashboard's own origin too, so the persona screen's test chat works at once.
  demo = await seedDemo(EDGE_URL, [...DEMO_ORIGINS, ...DASHBOARD_ORIGINS]);
  step(`Serving the widget demo page on ${DEMO_URL}`);
  // In-process: it ends with this process when stopAll() exits.
  await startDemoServer({ port: DEMO_PORT, edgeUrl: EDGE_URL, publicKey: demo.publicKey });
  step(`Starting the dashboard on ${DASHBOARD_URL}`);
  startProcess(
    "dashboard",
    "npx",
    ["vite", "--config", "dashboard/vite.config.ts", "--clearScreen", "false"],
    {
      env: { DASHBOARD_PORT: String(DASHBOARD_PORT), VITE_API_BASE: EDGE_URL },
    },
  );
  await waitForHttp(DASHBOARD_URL, { what: "The dashboard (vite)", timeoutMs: 60_000 });
} catch (err) {
  console.error(`\n✖ ${err.message}`);
  stopAll(1);
}

console.log(`
✔ The stack is running. Ctrl-C stops everything.
  Edge API          ${EDGE_URL}  (health: ${EDGE_URL}/health/ready)
  Inference bridge  ${BRIDGE_URL}  (health: ${BRIDGE_URL}/health)
  Widget demo page  ${DEMO_URL}
  Dashboard         ${DASHBOARD_URL}
  Demo sign-in      ${DEMO_EMAIL} / ${DEMO_PASSWORD}  (widget public key ${demo?.publicKey})
`);

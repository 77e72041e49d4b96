// The local stack the browser suite runs against: the widget built, the real bridge with its Ollama
// stand-in and control server (test/support/bridge-stack.ts), `wrangler dev` on a free port with its own
// D1 directory and secrets, the demo workspace seeded through the API with coaching material, and two
// demo sites: one on an allowed origin, one on an origin the widget does not allow.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { signRequest } from "@coach/contracts/signature";
import { freePort } from "../../../inference-bridge/test/support/free-port";
import {
  COACH_MATERIAL,
  COACH_MATERIAL_TITLE,
  ROUTINE_QUESTION,
} from "../../../test/support/coach-material";
import { startBridgeStack } from "../../../test/support/bridge-stack";
import { startDemoServer } from "../../../scripts/lib/demo-server.mjs";
import { generateSigningJwk } from "../../../scripts/lib/dev-secrets.mjs";
import {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  DEMO_WIDGET_SETTINGS,
  seedDemo,
} from "../../../scripts/lib/seed-demo.mjs";
import { buildWidget } from "../../../scripts/lib/widget-build.mjs";
import { waitForHttp } from "../../../scripts/lib/wait-for.mjs";
import { wranglerDevArgs } from "../../../scripts/lib/wrangler-dev.mjs";

/** What the tests need to know about the running stack. */
export type StackInfo = {
  edgeUrl: string;
  controlUrl: string;
  demoUrl: string;
  foreignUrl: string;
  publicKey: string;
  primaryColour: string;
};

export const PRIMARY_COLOUR = "#0f766e";

async function api(
  edgeUrl: string,
  route: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const res = await fetch(`${edgeUrl}${route}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Seeds the demo workspace (as `npm run dev` does), themes it, and gives it material to cite. */
async function seed(
  edgeUrl: string,
  bridgeUrl: string,
  secret: string,
  origins: string[],
): Promise<string> {
  const { publicKey } = (await seedDemo(edgeUrl, origins)) as { publicKey: string };
  const login = await api(edgeUrl, "/api/v1/auth/login", {
    method: "POST",
    body: { email: DEMO_EMAIL, password: DEMO_PASSWORD },
  });
  const token = String(login.access_token);
  await api(edgeUrl, "/api/v1/widget", {
    method: "PUT",
    token,
    // All of the settings: a partial update currently resets the omitted ones to their defaults.
    body: {
      settings: {
        ...DEMO_WIDGET_SETTINGS,
        colors: { primary: PRIMARY_COLOUR, background: "#ffffff", text: "#111827" },
        suggested_questions: [ROUTINE_QUESTION, "How can I keep going when motivation fades?"],
      },
    },
  });
  const me = (await api(edgeUrl, "/api/v1/me", { token })) as { tenant: { id: string } };
  const body = JSON.stringify({
    tenant_id: me.tenant.id,
    document_id: "routine-guide",
    title: COACH_MATERIAL_TITLE,
    text: COACH_MATERIAL,
  });
  const signature = await signRequest(secret, {
    method: "POST",
    pathWithQuery: "/v1/documents",
    body,
  });
  const ingest = await fetch(`${bridgeUrl}/v1/documents`, {
    method: "POST",
    headers: {
      ...signature,
      "Content-Type": "application/json",
      "X-Request-Id": "widget-suite-ingest",
    },
    body,
  });
  if (!ingest.ok) throw new Error(`ingest: ${ingest.status} ${await ingest.text()}`);
  return publicKey;
}

/** What another browser suite (the dashboard's) needs from the same stack. */
export type StackOptions = {
  /** Origins the edge answers CORS for (`CORS_ORIGINS`), e.g. a dashboard served by the suite. */
  corsOrigins?: string[];
  /** Send the bridge's ingestion and question callbacks to the edge, so documents become ready. */
  bridgeCallbacksToEdge?: boolean;
  /** Where the edge reaches the Telegram Bot API (`TELEGRAM_API_ROOT`), e.g. the suite's stand-in. */
  telegramApiRoot?: string;
  /** Where the edge reaches WhatsApp's Graph API (`WHATSAPP_GRAPH_URL`), e.g. the suite's stand-in. */
  whatsappGraphUrl?: string;
  /** Stripe's API (`STRIPE_API_URL`, e.g. the suite's stand-in), its key and the webhook's signing secret. */
  stripe?: { apiUrl: string; secretKey: string; webhookSecret: string };
};

/** Starts everything; resolves to the stack's description and a stop function. */
export async function startWidgetStack(
  options: StackOptions = {},
): Promise<{ info: StackInfo; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "widget-suite-"));
  // A build of its own (served with --assets), so another run rebuilding dist/widget cannot disturb it.
  const assets = path.join(dir, "assets");
  await buildWidget(assets);
  const [bridgePort, controlPort, edgePort, demoPort, foreignPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const secret = randomBytes(24).toString("hex");
  const edgeCallbackUrl = options.bridgeCallbacksToEdge
    ? `http://127.0.0.1:${edgePort}`
    : undefined;
  const stopBridge = await startBridgeStack({ bridgePort, controlPort, secret, edgeCallbackUrl });

  const envFile = path.join(dir, "test.vars");
  const vars: Record<string, string> = {
    BRIDGE_SECRET: secret,
    VISITOR_TOKEN_SECRET: randomBytes(24).toString("hex"),
    // Channels keep their credentials sealed with it (the dashboard suite connects a bot and a number).
    CHANNEL_SECRETS_KEY: randomBytes(32).toString("hex"),
    JWT_PRIVATE_KEY: `'${JSON.stringify(generateSigningJwk())}'`,
    JWT_PREVIOUS_PUBLIC_KEYS: "'[]'",
    ...(options.stripe
      ? {
          STRIPE_SECRET_KEY: options.stripe.secretKey,
          STRIPE_WEBHOOK_SECRET: options.stripe.webhookSecret,
        }
      : {}),
  };
  writeFileSync(
    envFile,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n") + "\n",
    { mode: 0o600 },
  );
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" };
  const persist = path.join(dir, "state");
  const migrate = spawnSync(
    "npx",
    ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist],
    { env, encoding: "utf8" },
  );
  if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr}`);
  // The suite sends many messages from one visitor; the production limits would throttle it.
  const rateLimits = JSON.stringify({
    socket_message: { capacity: 500, refill_per_second: 50 },
    widget_session_ip: { capacity: 500, refill_per_second: 50 },
  });
  const wrangler = spawn(
    "npx",
    wranglerDevArgs(
      edgePort,
      {
        BRIDGE_URL: `http://127.0.0.1:${bridgePort}`,
        LOG_LEVEL: "warn",
        RATE_LIMITS: rateLimits,
        CORS_ORIGINS: options.corsOrigins?.join(","),
        TELEGRAM_API_ROOT: options.telegramApiRoot,
        WHATSAPP_GRAPH_URL: options.whatsappGraphUrl,
        STRIPE_API_URL: options.stripe?.apiUrl,
      },
      ["--persist-to", persist, "--env-file", envFile, "--assets", assets],
    ),
    { env, stdio: "ignore", detached: true },
  );
  const edgeUrl = `http://127.0.0.1:${edgePort}`;
  const stopEdge = () => {
    try {
      if (wrangler.pid) process.kill(-wrangler.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  try {
    await waitForHttp(`${edgeUrl}/health`, { timeoutMs: 90_000, what: "The edge" });
    const demoOrigins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`];
    const publicKey = await seed(edgeUrl, `http://127.0.0.1:${bridgePort}`, secret, demoOrigins);
    const demo = await startDemoServer({ port: demoPort, edgeUrl, publicKey });
    const foreign = await startDemoServer({ port: foreignPort, edgeUrl, publicKey });
    return {
      info: {
        edgeUrl,
        controlUrl: `http://127.0.0.1:${controlPort}`,
        demoUrl: demo.url,
        foreignUrl: foreign.url,
        publicKey,
        primaryColour: PRIMARY_COLOUR,
      },
      stop: async () => {
        await demo.close();
        await foreign.close();
        stopEdge();
        await stopBridge();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    stopEdge();
    await stopBridge();
    throw err;
  }
}

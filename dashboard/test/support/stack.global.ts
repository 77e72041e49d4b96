// Vitest global setup of the dashboard suite: the widget suite's local stack (with the dashboard's
// origin allowed by CORS and the bridge's callbacks going to the edge, so uploads become ready), and the
// dashboard built against that edge and served on its own origin. Telegram, WhatsApp and Stripe are the
// edge suite's stand-ins, so a test can connect a bot or a number, or sell a membership, as a creator does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";
import { freePort } from "../../../inference-bridge/test/support/free-port";
import { randomBytes } from "node:crypto";
import { startGraphStandIn } from "../../../test/support/graph-stand-in";
import { startStripeStandIn } from "../../../test/support/stripe-stand-in";
import { startTelegramStandIn } from "../../../test/support/telegram-stand-in";
import { startWidgetStack } from "../../../widget/test/support/stack";
import { serveSpa } from "./static-server";

export type DashboardStack = {
  dashboardUrl: string;
  edgeUrl: string;
  controlUrl: string;
  /** The Telegram Bot API stand-in (its `/__deliver` hands an update to a bot's webhook). */
  telegramUrl: string;
  /** The Stripe API stand-in (its `/__…` controls play Stripe's hosted pages and clock). */
  stripeUrl: string;
  /** The stand-in's secret key, as the edge was given it. */
  stripeKey: string;
  /** The secret the edge's Stripe webhook endpoint verifies signatures with. */
  stripeWebhookSecret: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    dashboard: DashboardStack;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = mkdtempSync(path.join(tmpdir(), "dashboard-suite-"));
  // Listening first (on a port the system picks), so no other process can take the origin CORS names.
  const served = await serveSpa(outDir);
  const telegramPort = await freePort();
  const stopTelegram = await startTelegramStandIn(telegramPort);
  const telegramUrl = `http://127.0.0.1:${telegramPort}`;
  const graphPort = await freePort();
  const stopGraph = await startGraphStandIn(graphPort);
  const stripePort = await freePort();
  const stripeKey = `sk_test_${randomBytes(12).toString("hex")}`;
  const stripeWebhookSecret = `whsec_${randomBytes(16).toString("hex")}`;
  const stopStripe = await startStripeStandIn(stripePort, stripeKey);
  const stripeUrl = `http://127.0.0.1:${stripePort}`;
  let stack: Awaited<ReturnType<typeof startWidgetStack>> | undefined;
  try {
    stack = await startWidgetStack({
      corsOrigins: [served.url],
      bridgeCallbacksToEdge: true,
      telegramApiRoot: telegramUrl,
      whatsappGraphUrl: `http://127.0.0.1:${graphPort}`,
      stripe: { apiUrl: stripeUrl, secretKey: stripeKey, webhookSecret: stripeWebhookSecret },
    });
    process.env.VITE_API_BASE = stack.info.edgeUrl;
    await build({
      configFile: path.resolve(import.meta.dirname, "../../vite.config.ts"),
      build: { outDir, emptyOutDir: true, sourcemap: false },
      logLevel: "warn",
    });
    project.provide("dashboard", {
      dashboardUrl: served.url,
      edgeUrl: stack.info.edgeUrl,
      controlUrl: stack.info.controlUrl,
      telegramUrl,
      stripeUrl,
      stripeKey,
      stripeWebhookSecret,
    });
    const running = stack;
    return async () => {
      await served.close();
      await running.stop();
      await stopTelegram();
      await stopGraph();
      await stopStripe();
      rmSync(outDir, { recursive: true, force: true });
    };
  } catch (err) {
    await served.close();
    await stack?.stop();
    await stopTelegram();
    await stopGraph();
    await stopStripe();
    rmSync(outDir, { recursive: true, force: true });
    throw err;
  }
}

// The companion app per creator, at `/app/<public key>/` on the edge: the HTML shell, its manifest,
// its service worker and its icons. A closed workspace's app answers 410 like its widget; an unknown
// key 404. The app's script and the shared service-worker code are static assets (`/app-assets/`).
import { applyWidgetSettings, type WidgetSettings } from "@coach/contracts/widget";
import { Hono, type Context } from "hono";
import { appIconPng } from "../companion/app-icon";
import {
  appManifest,
  appScope,
  appShellHtml,
  serviceWorkerScript,
  shellPolicy,
  type AppLook,
} from "../companion/app-shell";
import type { AppEnv } from "../lib/app-env";
import { newSecret } from "../lib/ids";
import { loadPersona } from "../persona/load-persona";
import { personaLook } from "../widget/persona-look";
import { appWidget } from "./app-widget";

/** Name and colour changes reach installed apps within a few minutes. */
const SHELL_MAX_AGE_SECONDS = 300;
const ICON_MAX_AGE_SECONDS = 86_400;

/** The app's widget and its settings; an unknown key is a 404, a closed workspace a 410. */
async function widgetOf(c: Context<AppEnv>) {
  const publicKey = c.req.param("public_key") ?? "";
  const widget = await appWidget(c.env.DB, publicKey);
  const settings = applyWidgetSettings(widget.settings as Partial<WidgetSettings>);
  return { publicKey, tenantId: widget.tenantId, settings };
}

/** Everything the shell, manifest and service worker name: the widget's look and the persona's. */
async function lookOf(c: Context<AppEnv>): Promise<AppLook> {
  const { publicKey, tenantId, settings } = await widgetOf(c);
  const { persona } = await loadPersona(c.env.DB, tenantId);
  return { publicKey, settings, ...personaLook(settings, persona) };
}

function icon(size: 192 | 512) {
  return async (c: Context<AppEnv>) => {
    // Colours only: an icon needs no persona read.
    const { settings } = await widgetOf(c);
    const png = await appIconPng(size, settings.colors.primary, settings.colors.background);
    return c.body(png.slice().buffer, 200, {
      "Content-Type": "image/png",
      "Cache-Control": `public, max-age=${ICON_MAX_AGE_SECONDS}`,
    });
  };
}

export const appShellRoutes = new Hono<AppEnv>()
  .get("/:public_key", (c) => c.redirect(appScope(c.req.param("public_key")), 308))
  .get("/:public_key/", async (c) => {
    const look = await lookOf(c);
    const nonce = newSecret().slice(0, 22);
    return c.html(appShellHtml(look, nonce), 200, {
      "Content-Security-Policy": shellPolicy(nonce),
      "Cache-Control": `public, max-age=${SHELL_MAX_AGE_SECONDS}`,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
  })
  .get("/:public_key/manifest.webmanifest", async (c) => {
    const manifest = appManifest(await lookOf(c));
    return c.body(JSON.stringify(manifest), 200, {
      "Content-Type": "application/manifest+json",
      "Cache-Control": `public, max-age=${SHELL_MAX_AGE_SECONDS}`,
    });
  })
  .get("/:public_key/sw.js", async (c) => {
    const look = await lookOf(c);
    // Browsers check a service worker for updates on every navigation; it must never be cached long.
    return c.body(serviceWorkerScript(look), 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
  })
  .get("/:public_key/icon-192.png", icon(192))
  .get("/:public_key/icon-512.png", icon(512));

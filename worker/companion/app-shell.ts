// What the companion app is made of per creator: the web app manifest (name, colours, icons, scope
// `/app/<key>/`), the HTML shell that names the persona and loads the app's script, and the service
// worker script registered at the app's scope, which imports the shared worker code. The persona's
// languages go to the app's config and its service worker: the app's words follow the widget's rule.
import type { WidgetSettings } from "@coach/contracts/widget";

/** Where the built app lives among the Worker's static assets (scripts/lib/app-build.mjs). */
export const APP_ASSETS = "/app-assets";

/** `languages`: the persona's (the widget's language setting when it has none), as the widget's config. */
export type AppLook = {
  publicKey: string;
  name: string;
  settings: WidgetSettings;
  languages: string[];
};

/** The app's address: everything of one creator's app sits under it (its service worker's scope). */
export function appScope(publicKey: string): string {
  return `/app/${encodeURIComponent(publicKey)}/`;
}

/** The web app manifest (installable: name, start_url, display standalone, 192 and 512 px icons). */
export function appManifest(look: AppLook): Record<string, unknown> {
  const scope = appScope(look.publicKey);
  return {
    id: scope,
    name: look.name,
    short_name: look.name.slice(0, 12),
    description: look.settings.greeting || `Talk with ${look.name}`,
    start_url: scope,
    scope,
    display: "standalone",
    theme_color: look.settings.colors.primary,
    background_color: look.settings.colors.background,
    lang: look.settings.language,
    icons: [192, 512].map((size) => ({
      src: `${scope}icon-${size}.png`,
      sizes: `${size}x${size}`,
      type: "image/png",
      purpose: "any maskable",
    })),
  };
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );
}

/** The configuration the app reads from its page; `<` escaped so no text can close the script tag. */
function configJson(look: AppLook): string {
  return JSON.stringify({
    public_key: look.publicKey,
    name: look.name,
    greeting: look.settings.greeting,
    colors: look.settings.colors,
    language: look.settings.language,
    languages: look.languages,
  }).replace(/</g, "\\u003c");
}

/** The content security policy of the shell: its own scripts and styles only, sockets to itself. */
export function shellPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "script-src 'self'",
    "connect-src 'self' ws: wss:",
    "img-src 'self' data:",
    "manifest-src 'self'",
    "worker-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The HTML shell: the persona's name and colours, drawn before the script arrives. */
export function appShellHtml(look: AppLook, nonce: string): string {
  const { colors } = look.settings;
  const name = escapeHtml(look.name);
  return `<!doctype html>
<html lang="${escapeHtml(look.settings.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>${name}</title>
<meta name="theme-color" content="${escapeHtml(colors.primary)}">
<meta name="mobile-web-app-capable" content="yes">
<meta name="apple-mobile-web-app-capable" content="yes">
<meta name="apple-mobile-web-app-title" content="${name}">
<link rel="manifest" href="manifest.webmanifest">
<link rel="icon" href="icon-192.png" type="image/png">
<link rel="apple-touch-icon" href="icon-192.png">
<style nonce="${nonce}">:root{--primary:${escapeHtml(colors.primary)};--bg:${escapeHtml(colors.background)};--text:${escapeHtml(colors.text)}}body{margin:0;background:var(--bg);color:var(--text);font:16px/1.45 system-ui,sans-serif}header{background:var(--primary);color:#fff;padding:12px 16px;font-weight:600}</style>
<script type="application/json" id="app-config">${configJson(look)}</script>
<link rel="stylesheet" href="${APP_ASSETS}/app.css">
<script type="module" src="${APP_ASSETS}/app.js"></script>
</head>
<body>
<header><span id="app-title">${name}</span></header>
<main id="app"></main>
</body>
</html>
`;
}

/**
 * The service worker registered at the app's scope: the persona's languages, then a line that imports
 * the shared worker code (built once for every creator; it reads its scope from its registration).
 */
export function serviceWorkerScript(look: AppLook): string {
  return `self.appLanguages = ${JSON.stringify(look.languages)};\nimportScripts(${JSON.stringify(`${APP_ASSETS}/sw.js`)});\n`;
}

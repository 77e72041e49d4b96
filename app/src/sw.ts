// The companion app's service worker, shared by every creator's app and imported by the one-line
// script at each app's scope (`/app/<key>/sw.js`): keeps the shell for offline use, shows a push
// message as a notification, and opens (or focuses) the app at that message when it is clicked.
/// <reference lib="webworker" />
import type { PushPayload } from "@coach/contracts/companion-app";
import { chooseLanguage } from "../../widget/src/i18n/languages";
import { NOTIFICATION_STRINGS } from "./i18n/notification-strings";

/** `appLanguages`: the persona's, set by the creator's script before it imports this one. */
declare const self: ServiceWorkerGlobalScope & { appLanguages?: string[] };
/** The build's content hash (scripts/lib/app-build.mjs), so a new build starts a new cache. */
declare const __APP_VERSION__: string;

const CACHE = `coach-app-${__APP_VERSION__}`;
const scope = self.registration.scope;
/** The language the app's words are written in. */
const language = chooseLanguage(self.appLanguages ?? [], self.navigator.languages);
/** The title of a push without one. */
const untitled = NOTIFICATION_STRINGS[language].newMessage;
const SHELL = [
  scope,
  `${scope}manifest.webmanifest`,
  `${scope}icon-192.png`,
  "/app-assets/app.js",
  "/app-assets/app.css",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => n.startsWith("coach-app-") && n !== CACHE)
            .map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** Network first (a fresh shell when online), the cached copy offline. */
async function shellResponse(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok)
      await cache.put(request.mode === "navigate" ? scope : request, response.clone());
    return response;
  } catch {
    const cached = await cache.match(request.mode === "navigate" ? scope : request);
    return cached ?? Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  const isShell =
    event.request.mode === "navigate"
      ? url.href.startsWith(scope)
      : SHELL.includes(url.pathname) || SHELL.includes(url.href);
  if (isShell) event.respondWith(shellResponse(event.request));
});

function payloadOf(event: PushEvent): PushPayload | null {
  try {
    const data = event.data?.json() as Partial<PushPayload> | undefined;
    if (!data || typeof data.body !== "string" || typeof data.seq !== "number") return null;
    return {
      title: typeof data.title === "string" ? data.title : "",
      body: data.body,
      conversation_id: String(data.conversation_id ?? ""),
      seq: data.seq,
    };
  } catch {
    return null;
  }
}

self.addEventListener("push", (event) => {
  const payload = payloadOf(event);
  if (!payload) return;
  event.waitUntil(
    self.registration.showNotification(payload.title || untitled, {
      body: payload.body,
      icon: `${scope}icon-192.png`,
      tag: `${payload.conversation_id}:${payload.seq}`,
      data: { conversation: payload.conversation_id, message: payload.seq },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const seq = Number((event.notification.data as { message?: number } | null)?.message ?? 0);
  const target = `${scope}#m=${seq}`;
  event.waitUntil(
    (async () => {
      const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const client = open.find((c) => c.url.startsWith(scope));
      if (client) {
        client.postMessage({ type: "open_message", seq });
        await client.focus();
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});

// Turning notifications on: the browser's permission, a push subscription made with the edge's
// VAPID public key, and that subscription registered for this device. Answers a sentence for the
// person when it cannot be done.
import type { AppApi } from "./app-api";
import { texts } from "./i18n/texts";

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** Whether this browser can receive push messages at all. */
export function pushSupported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/** Subscribes this device; null on success, else what to tell the person. */
export async function enableNotifications(api: AppApi): Promise<string | null> {
  if ((await Notification.requestPermission()) !== "granted") return texts.notificationsBlocked;
  const key = await api.pushKey();
  if (!key.ok) return key.error.message;
  const registration = await navigator.serviceWorker.ready;
  try {
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(key.value.public_key),
      }));
    const saved = await api.subscribe(subscription.toJSON());
    return saved.ok ? null : saved.error.message;
  } catch {
    return texts.notificationsFailed;
  }
}

// The devices signed in to the companion app. Each gets a device token (`ad1_` and 256 random bits)
// once, kept by the app in its own storage and stored here only as a SHA-256 hash; the token asks
// for short-lived conversation sessions, as the widget's visitor id does, and is revoked by deleting
// the device (or by erasing the contact).
import { eq } from "drizzle-orm";
import { secretHash } from "../channels/secret-box";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import { newId, newSecret } from "../lib/ids";

const PREFIX = "ad1_";

/** A device token as the app sends it in `Authorization: Bearer …`. */
export const DEVICE_TOKEN_PATTERN = /^Bearer (ad1_[A-Za-z0-9_-]{43})$/;

/** Signs a new device in as `contactId`; answers the row and its token (never stored in the clear). */
export async function createDevice(
  gateway: TenantGateway,
  contactId: string,
  label: string | undefined,
): Promise<{ device: TenantRow<"appDevices">; token: string }> {
  const token = `${PREFIX}${newSecret()}`;
  const device = await gateway.insert("appDevices", {
    id: newId(),
    contactId,
    tokenHash: await secretHash(token),
    label: label ?? null,
    lastSeenAt: Date.now(),
  });
  return { device, token };
}

export function invalidDeviceToken(): AppError {
  return new AppError(
    401,
    "invalid_device_token",
    "This device is not signed in to the app any more. Get a new code from the chat on the creator's site, from a device that is signed in, or by sending /app to the coach on Telegram (APP on WhatsApp).",
  );
}

/** The device whose token the `Authorization` header carries, or a 401 that says how to sign in again. */
export async function deviceFromHeader(
  gateway: TenantGateway,
  authorization: string | undefined,
): Promise<TenantRow<"appDevices">> {
  const token = DEVICE_TOKEN_PATTERN.exec(authorization ?? "")?.[1];
  if (!token) throw invalidDeviceToken();
  const tokenHash = await secretHash(token);
  const [device] = await gateway.list("appDevices", {
    where: (t) => eq(t.tokenHash, tokenHash),
    limit: 1,
  });
  if (!device) throw invalidDeviceToken();
  return device;
}

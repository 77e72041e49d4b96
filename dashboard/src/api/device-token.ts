// The device token the edge hands out at a successful sign-in. It stays in this browser across
// sign-outs and goes with the next sign-in, so other people's failed guesses at the account never slow
// this device down. It is not a credential: it signs nobody in without the password.

const KEY = "coach.device-token";

/** The token this browser was handed, if any. */
export function readDeviceToken(storage: Storage = window.localStorage): string | undefined {
  return storage.getItem(KEY) ?? undefined;
}

/** Keeps the token a sign-in answered. */
export function keepDeviceToken(
  token: string | null | undefined,
  storage: Storage = window.localStorage,
): void {
  if (token) storage.setItem(KEY, token);
}

// The password rules: 8 to 128 characters (counted as Unicode code points, never truncated) and not
// one of the most common passwords. Length is checked before any hashing, so a huge input costs nothing.
import commonPasswords from "./common-passwords.json";
import { AppError } from "../lib/errors";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

// The 4,000 most frequent passwords of 8 characters or more, lower-cased, from the zxcvbn-ts
// "common" dictionary (MIT), which ranks passwords seen in public breaches.
const COMMON = new Set<string>(commonPasswords);

/** How long a password is, in characters as a person counts them. */
export function passwordLength(password: string): number {
  return [...password.normalize("NFC")].length;
}

/** True when the password is on the common-passwords list, whatever its case. */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.normalize("NFC").toLowerCase());
}

/** Throws 400 `weak_password` unless a new password meets the rules. */
export function assertAcceptablePassword(password: string): void {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    throw new AppError(
      400,
      "weak_password",
      `Choose a password of ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`,
    );
  }
  if (isCommonPassword(password)) {
    throw new AppError(
      400,
      "weak_password",
      "This password is too common and easy to guess. Choose another.",
    );
  }
}

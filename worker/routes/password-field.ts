// The password field of a request body (sign-up, sign-in, password change): longer passwords are
// refused by the schema, before anything is hashed.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, passwordLength } from "../auth/password-policy";

export const PasswordField = z
  .string()
  .min(1)
  .refine(
    (p) => passwordLength(p) <= MAX_PASSWORD_LENGTH,
    `At most ${MAX_PASSWORD_LENGTH} characters.`,
  );

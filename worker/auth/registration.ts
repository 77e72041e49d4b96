// Sign-up without account enumeration. Every acceptable request is answered alike (202, the same body),
// whether the email is new or already has an account, and both paths do the same work: the password is
// hashed, the user looked up, and two writes made. A new email gets its account and workspace (or joins
// the workspace of its invitation); an existing account is left exactly as it was, and its owner is told
// at their next sign-in (account notice `registration_attempted`; by mail once mail exists). The
// registrant then signs in as usual, which is how the dashboard's sign-up continues.
import type { Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import * as accounts from "../db/accounts";
import { PLATFORM_TENANT, recordAudit } from "./audit";
import { hashNewPassword } from "./passwords";
import { hashSecret } from "./secrets";
import { newId } from "../lib/ids";

/** The one answer of `POST /api/v1/auth/register` to an acceptable request. */
export const REGISTRATION_ACCEPTED = {
  status: "accepted",
  message:
    "Sign in with this email and password to continue. If the email already had an account, sign in with that account's password.",
} as const;

export type Registration = {
  /** Normalised. */
  email: string;
  password: string;
  fullName: string;
  /** An open invitation for this email, already checked. */
  invitation: accounts.InvitationRow | undefined;
};

function slugFor(name: string): string {
  const base =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "workspace";
  return `${base}-${newId().slice(0, 8)}`;
}

/** Creates the account; false when the email was taken meanwhile (the unique index decides). */
async function createAccount(
  c: Context<AppEnv>,
  input: Registration,
  passwordHash: string,
): Promise<boolean> {
  const user = { id: newId(), email: input.email, fullName: input.fullName, passwordHash };
  const membershipId = newId();
  const tenantId = input.invitation?.tenantId ?? newId();
  try {
    if (input.invitation)
      await accounts.createUserFromInvitation(c.env.DB, {
        user,
        invitation: input.invitation,
        membershipId,
      });
    else
      await accounts.createUserWithWorkspace(c.env.DB, {
        user,
        tenant: {
          id: tenantId,
          name: `${input.fullName}'s workspace`,
          slug: slugFor(input.fullName),
        },
        membershipId,
      });
  } catch (err) {
    if (err instanceof Error && /UNIQUE/i.test(err.message)) return false;
    throw err;
  }
  const actor = { type: "user" as const, id: user.id };
  await recordAudit(c, { action: "auth.registered", tenantId, actor });
  if (input.invitation) {
    await recordAudit(c, {
      action: "member.invitation_accepted",
      tenantId,
      actor,
      target: { type: "invitation", id: input.invitation.id },
    });
  }
  return true;
}

/** Leaves the existing account as it is and tells its owner at their next sign-in. */
async function noteAttempt(
  c: Context<AppEnv>,
  email: string,
  owner: accounts.UserRow | undefined,
): Promise<void> {
  if (owner) await accounts.addAccountNotice(c.env.DB, owner.id, "registration_attempted");
  await recordAudit(c, {
    action: "auth.registration_attempted",
    tenantId: PLATFORM_TENANT,
    actor: { type: "user", id: null },
    target: { type: "user", id: owner?.id ?? "" },
    metadata: { email_sha256: await hashSecret(email) },
  });
}

/** Registers `input`, or notes the attempt on the account that already has the email. */
export async function register(c: Context<AppEnv>, input: Registration): Promise<void> {
  // Hashed before the lookup on both paths, so an existing email is not answered faster.
  const passwordHash = await hashNewPassword(input.password);
  const existing = await accounts.findUserByEmail(c.env.DB, input.email);
  if (existing) await noteAttempt(c, input.email, existing);
  else if (!(await createAccount(c, input, passwordHash)))
    await noteAttempt(c, input.email, await accounts.findUserByEmail(c.env.DB, input.email));
}

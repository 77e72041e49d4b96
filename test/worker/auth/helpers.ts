// Shared helpers for the auth tests: calling the app, signing up, and seeding workspaces quickly
// (straight into D1, with sessions minted by the app's own session code).
import { env, exports } from "cloudflare:workers";
import type { TokenResponse } from "@coach/contracts/account-views";
import { startSession } from "../../../worker/auth/sessions";
import * as accounts from "../../../worker/db/accounts";
import type { Role } from "../../../worker/db/enums";
import { forTenant } from "../../../worker/db/tenant-gateway";

export const BASE = "http://edge.test";
export const PASSWORD = "Tide-pool orbit 42";

let ipCounter = 0;
/** A fresh client IP in a network (/24) of its own, so per-IP and per-network limits never couple unrelated tests. */
export function freshIp(): string {
  ipCounter += 1;
  return `${100 + (Math.floor(ipCounter / 65_536) % 100)}.${Math.floor(ipCounter / 256) % 256}.${ipCounter % 256}.7`;
}

/** A unique email address. */
export function freshEmail(label = "user"): string {
  return `${label}.${crypto.randomUUID().slice(0, 12)}@example.test`;
}

type CallOptions = {
  method?: string;
  token?: string;
  body?: unknown;
  ip?: string;
  headers?: Record<string, string>;
};

/** Calls the edge app as a client would. */
export function call(path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    "CF-Connecting-IP": options.ip ?? freshIp(),
    ...options.headers,
  };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  return exports.default.fetch(`${BASE}${path}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

/** Signs up a new person (with their own workspace, or joining an invitation's), then signs in as the dashboard does. */
export async function signUp(
  overrides: Partial<{
    email: string;
    password: string;
    full_name: string;
    invitation_token: string;
  }> = {},
) {
  const email = overrides.email ?? freshEmail();
  const password = overrides.password ?? PASSWORD;
  const res = await call("/api/v1/auth/register", {
    body: { email, password, full_name: "Ada Lovelace", ...overrides },
  });
  if (res.status !== 202) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const login = await signIn(email, password);
  if (login.status !== 200)
    throw new Error(`sign-in after sign-up failed: ${login.status} ${await login.text()}`);
  return { email, password, session: (await login.json()) as TokenResponse };
}

/** Signs in; returns the raw response. */
export function signIn(
  email: string,
  password: string,
  extra: Record<string, unknown> = {},
  ip?: string,
) {
  return call("/api/v1/auth/login", { body: { email, password, ...extra }, ip });
}

export type SeededMember = {
  userId: string;
  membershipId: string;
  email: string;
  token: string;
  refreshToken: string;
};
export type SeededWorkspace = { tenantId: string; members: Record<Role, SeededMember> };

/** A workspace with one member of each role, each signed in; written straight to D1 to keep tests fast. */
export async function seedWorkspace(): Promise<SeededWorkspace> {
  const tenantId = crypto.randomUUID();
  const roles: Role[] = ["owner", "admin", "editor", "viewer"];
  const members = {} as Record<Role, SeededMember>;
  for (const role of roles) {
    const userId = crypto.randomUUID();
    const membershipId = crypto.randomUUID();
    const email = freshEmail(role);
    const user = {
      id: userId,
      email,
      fullName: `Seeded ${role}`,
      passwordHash: "seeded-without-password",
    };
    if (role === "owner") {
      await accounts.createUserWithWorkspace(env.DB, {
        user,
        tenant: { id: tenantId, name: "Seeded", slug: `seeded-${tenantId}` },
        membershipId,
      });
    } else {
      await accounts.createUserFromInvitation(env.DB, {
        user,
        membershipId,
        invitation: await forTenant(env.DB, tenantId).insert("invitations", {
          id: crypto.randomUUID(),
          email,
          role,
          tokenHash: crypto.randomUUID(),
          invitedBy: members.owner?.userId ?? userId,
          expiresAt: Date.now() + 60_000,
        }),
      });
    }
    const [created, membership] = [
      await accounts.findUserById(env.DB, userId),
      (await accounts.listMembershipsOfUser(env.DB, userId))[0],
    ];
    if (!created || !membership) throw new Error("seeding failed");
    const session = await startSession(
      env,
      { user: created, tenant: membership.tenant, role: membership.role },
      { ip: "203.0.113.1", userAgent: "seed" },
    );
    members[role] = {
      userId,
      membershipId,
      email,
      token: session.access_token,
      refreshToken: session.refresh_token,
    };
  }
  return { tenantId, members };
}

/** The body of an error answer without its per-request id. */
export async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { code: body.error.code, message: body.error.message };
}

/** Saves a short persona, Maya, that speaks `languages` (first preferred), as the workspace's editor. */
export async function savePersonaSpeaking(
  workspace: SeededWorkspace,
  languages: string[],
): Promise<void> {
  const res = await call("/api/v1/persona", {
    method: "PUT",
    token: workspace.members.editor.token,
    body: { name: "Maya", voice: "Warm and clear.", fallback: "I don't have that yet.", languages },
  });
  if (res.status !== 200) throw new Error(`saving the persona answered ${res.status}`);
}

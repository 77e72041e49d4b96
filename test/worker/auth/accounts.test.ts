import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import * as accounts from "../../../worker/db/accounts";
import { call, errorOf, freshEmail, PASSWORD, signIn, signUp } from "./helpers";

describe("sign-up", () => {
  it("creates the user and a workspace they own; signing in then answers tokens, user and tenant", async () => {
    const { email, session } = await signUp({ full_name: "Grace Hopper" });
    expect(session).toMatchObject({
      token_type: "Bearer",
      expires_in: 900,
      user: { email, full_name: "Grace Hopper" },
      tenant: { role: "owner" },
    });
    expect(session.access_token.split(".")).toHaveLength(3);
    expect(session.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("normalises the email, so the same address in other case reaches the same account, unchanged", async () => {
    const email = freshEmail("Case");
    const { session } = await signUp({ email });
    const res = await call("/api/v1/auth/register", {
      body: { email: `  ${email.toUpperCase()} `, password: "Twin lantern 99", full_name: "Twin" },
    });
    expect(res.status).toBe(202);
    expect((await signIn(email, "Twin lantern 99")).status).toBe(401);
    expect(
      ((await (await signIn(email, PASSWORD)).json()) as { user: { id: string } }).user.id,
    ).toBe(session.user.id);
  });

  it("refuses passwords shorter than 8 characters", async () => {
    const res = await call("/api/v1/auth/register", {
      body: { email: freshEmail(), password: "Xq7!pz", full_name: "Short" },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("weak_password");
  });

  it("refuses one of the most common passwords, whatever its case", async () => {
    const res = await call("/api/v1/auth/register", {
      body: { email: freshEmail(), password: "BaseBall1", full_name: "Common" },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("weak_password");
  });

  it("refuses passwords longer than 128 characters before hashing them", async () => {
    const res = await call("/api/v1/auth/register", {
      body: { email: freshEmail(), password: "a".repeat(129), full_name: "Long" },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("validation_failed");
  });

  it("counts characters, not bytes: 8 emoji are a valid password", async () => {
    const { email } = await signUp({ password: "🦊🐙🦉🐢🦋🐝🦀🐬" });
    expect((await signIn(email, "🦊🐙🦉🐢🦋🐝🦀🐬")).status).toBe(200);
  });
});

describe("sign-in", () => {
  it("answers with tokens, user and tenant", async () => {
    const { email } = await signUp();
    const res = await signIn(email.toUpperCase(), PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      token_type: "Bearer",
      expires_in: 900,
      user: { email },
      tenant: { role: "owner" },
    });
  });

  it("never truncates: a 128-character password differing only in its last character is refused", async () => {
    const long = `${"x7Rq".repeat(31)}abcd`;
    const { email } = await signUp({ password: long });
    expect((await signIn(email, `${long.slice(0, -1)}e`)).status).toBe(401);
    expect((await signIn(email, long)).status).toBe(200);
  });

  it("GET /me returns the user, the tenant and the role", async () => {
    const { session } = await signUp();
    const res = await call("/api/v1/me", { token: session.access_token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      user: { id: session.user.id },
      tenant: { id: session.tenant.id },
      role: "owner",
    });
  });
});

describe("password change", () => {
  it("requires the current password", async () => {
    const { session } = await signUp();
    const res = await call("/api/v1/me/password", {
      token: session.access_token,
      body: { current_password: "not it at all", new_password: "Fresh lantern 77" },
    });
    expect(res.status).toBe(403);
  });

  it("ends every other session and every earlier access token at once, and signs this one in again", async () => {
    const { email, session } = await signUp();
    const other = (await (await signIn(email, PASSWORD)).json()) as {
      access_token: string;
      refresh_token: string;
    };
    const res = await call("/api/v1/me/password", {
      token: session.access_token,
      body: { current_password: PASSWORD, new_password: "Fresh lantern 77" },
    });
    expect(res.status).toBe(200);
    const renewed = (await res.json()) as { access_token: string };
    expect((await call("/api/v1/me", { token: session.access_token })).status).toBe(401);
    expect((await call("/api/v1/me", { token: other.access_token })).status).toBe(401);
    expect(
      (await call("/api/v1/auth/refresh", { body: { refresh_token: other.refresh_token } })).status,
    ).toBe(401);
    expect((await call("/api/v1/me", { token: renewed.access_token })).status).toBe(200);
    expect((await signIn(email, "Fresh lantern 77")).status).toBe(200);
  });

  it("is written to the audit log", async () => {
    const { session } = await signUp();
    await call("/api/v1/me/password", {
      token: session.access_token,
      body: { current_password: PASSWORD, new_password: "Fresh lantern 77" },
    });
    const data = await accounts.exportUserData(env.DB, session.user.id);
    expect(data.events.map((e) => e.action)).toContain("account.password_changed");
  });
});

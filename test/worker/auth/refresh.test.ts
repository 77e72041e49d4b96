import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashSecret } from "../../../worker/auth/secrets";
import * as accounts from "../../../worker/db/accounts";
import { call, errorOf, PASSWORD, signIn, signUp } from "./helpers";

type Pair = { access_token: string; refresh_token: string };

async function refresh(token: string) {
  return call("/api/v1/auth/refresh", { body: { refresh_token: token } });
}

async function rotate(token: string): Promise<Pair> {
  const res = await refresh(token);
  expect(res.status).toBe(200);
  return (await res.json()) as Pair;
}

async function auditActions(userId: string): Promise<string[]> {
  return (await accounts.exportUserData(env.DB, userId)).events.map((e) => e.action);
}

describe("refresh tokens", () => {
  it("rotate: a refresh answers a new pair that works", async () => {
    const { session } = await signUp();
    const next = await rotate(session.refresh_token);
    expect(next.refresh_token).not.toBe(session.refresh_token);
    expect((await call("/api/v1/me", { token: next.access_token })).status).toBe(200);
  });

  it("are stored only as hashes", async () => {
    const { session } = await signUp();
    expect(await accounts.findRefreshToken(env.DB, session.refresh_token)).toBeUndefined();
    expect(
      await accounts.findRefreshToken(env.DB, await hashSecret(session.refresh_token)),
    ).toBeDefined();
  });

  it("keep the family's absolute end: rotation does not extend the 30 days", async () => {
    const { session } = await signUp();
    const first = await accounts.findRefreshToken(env.DB, await hashSecret(session.refresh_token));
    const next = await rotate(session.refresh_token);
    const second = await accounts.findRefreshToken(env.DB, await hashSecret(next.refresh_token));
    expect(second?.expiresAt).toBe(first?.expiresAt);
    expect((first?.expiresAt ?? 0) - (first?.createdAt ?? 0)).toBeLessThanOrEqual(
      30 * 86_400_000 + 1000,
    );
  });

  it("are refused once their family's absolute end has passed", async () => {
    const { session } = await signUp();
    await env.DB.prepare("UPDATE refresh_tokens SET expires_at = ?1 WHERE token_hash = ?2")
      .bind(Date.now() - 1, await hashSecret(session.refresh_token))
      .run();
    expect((await refresh(session.refresh_token)).status).toBe(401);
  });

  it("are single use: the spent token, presented after the grace, revokes the whole family", async () => {
    const { session } = await signUp();
    const next = await rotate(session.refresh_token);
    await env.DB.prepare(
      "UPDATE refresh_tokens SET used_at = used_at - 60000 WHERE token_hash = ?1",
    )
      .bind(await hashSecret(session.refresh_token))
      .run();
    const reuse = await refresh(session.refresh_token);
    expect(reuse.status).toBe(401);
    expect((await errorOf(reuse)).code).toBe("invalid_refresh_token");
    expect((await refresh(next.refresh_token)).status).toBe(401);
    expect((await call("/api/v1/me", { token: next.access_token })).status).toBe(401);
  });

  it("write an audit event when a spent token is reused", async () => {
    const { session } = await signUp();
    await rotate(session.refresh_token);
    await env.DB.prepare(
      "UPDATE refresh_tokens SET used_at = used_at - 60000 WHERE token_hash = ?1",
    )
      .bind(await hashSecret(session.refresh_token))
      .run();
    await refresh(session.refresh_token);
    expect(await auditActions(session.user.id)).toContain("auth.refresh_token_reused");
  });

  it("grace covers only the immediate parent: a grandparent within seconds still revokes the family", async () => {
    const { session } = await signUp();
    const child = await rotate(session.refresh_token);
    const grandchild = await rotate(child.refresh_token);
    expect((await refresh(session.refresh_token)).status).toBe(401);
    expect((await refresh(grandchild.refresh_token)).status).toBe(401);
  });

  it("grace: the immediate parent presented again at once is refused without revoking the family", async () => {
    const { session } = await signUp();
    const child = await rotate(session.refresh_token);
    const again = await refresh(session.refresh_token);
    expect(again.status).toBe(409);
    expect((await refresh(child.refresh_token)).status).toBe(200);
  });

  it("50 concurrent refreshes of one token yield exactly one live token", async () => {
    const { session } = await signUp();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => refresh(session.refresh_token)),
    );
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200 && r.status !== 409)).toHaveLength(0);
    const { refresh_token } = (await winners[0]?.json()) as Pair;
    const family = await accounts.findRefreshToken(env.DB, await hashSecret(refresh_token));
    const live = await env.DB.prepare(
      "SELECT count(*) AS n FROM refresh_tokens WHERE family_id = ?1 AND used_at IS NULL AND revoked_at IS NULL",
    )
      .bind(family?.familyId)
      .first<{ n: number }>();
    expect(live?.n).toBe(1);
    expect((await refresh(refresh_token)).status).toBe(200);
  });

  it("a refresh token is not an access token", async () => {
    const { session } = await signUp();
    expect((await call("/api/v1/me", { token: session.refresh_token })).status).toBe(401);
  });
});

describe("sign-out", () => {
  it("logout ends this sign-in at once: its access and refresh tokens stop working", async () => {
    const { session } = await signUp();
    expect(
      (await call("/api/v1/auth/logout", { token: session.access_token, method: "POST" })).status,
    ).toBe(204);
    expect((await call("/api/v1/me", { token: session.access_token })).status).toBe(401);
    expect((await refresh(session.refresh_token)).status).toBe(401);
  });

  it("logout leaves the person's other sign-ins alone", async () => {
    const { email, session } = await signUp();
    const other = (await (await signIn(email, PASSWORD)).json()) as Pair;
    await call("/api/v1/auth/logout", { token: session.access_token, method: "POST" });
    expect((await call("/api/v1/me", { token: other.access_token })).status).toBe(200);
  });

  it("logout-all ends every access token of the user immediately, not in 15 minutes", async () => {
    const { email, session } = await signUp();
    const other = (await (await signIn(email, PASSWORD)).json()) as Pair;
    expect(
      (await call("/api/v1/auth/logout-all", { token: other.access_token, method: "POST" })).status,
    ).toBe(204);
    expect((await call("/api/v1/me", { token: session.access_token })).status).toBe(401);
    expect((await call("/api/v1/me", { token: other.access_token })).status).toBe(401);
    expect((await refresh(session.refresh_token)).status).toBe(401);
  });

  it("signing in again after logout-all works", async () => {
    const { email, session } = await signUp();
    await call("/api/v1/auth/logout-all", { token: session.access_token, method: "POST" });
    const fresh = (await (await signIn(email, PASSWORD)).json()) as Pair;
    expect((await call("/api/v1/me", { token: fresh.access_token })).status).toBe(200);
  });
});

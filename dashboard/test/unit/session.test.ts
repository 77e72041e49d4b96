// The session's transparent token refresh, against a fake edge: one refresh shared by concurrent calls,
// adopting another tab's newer tokens on refresh_token_superseded, and back to sign-in on a refused one.
import { describe, expect, it } from "vitest";
import { Session } from "../../src/api/session";
import { memoryTokenStore, type Tokens } from "../../src/api/token-store";

type Handler = (path: string, init: RequestInit) => Response | Promise<Response>;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

const expired = () =>
  json(401, { error: { code: "token_expired", message: "The access token has expired." } });

/** A fake edge: `/api/v1/auth/refresh` by `refresh`, everything else accepted only with `valid` access tokens. */
function fakeEdge(refresh: Handler, valid: Set<string>) {
  const calls: { path: string; auth: string | null }[] = [];
  const fetcher = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = new URL(String(input)).pathname;
    const auth = new Headers(init.headers).get("Authorization");
    calls.push({ path, auth });
    if (path === "/api/v1/auth/refresh") return refresh(path, init);
    return auth && valid.has(auth.replace("Bearer ", ""))
      ? json(200, { ok: true, auth })
      : expired();
  }) as typeof fetch;
  return { fetcher, calls };
}

const start: Tokens = { access_token: "at-1", refresh_token: "rt-1" };

describe("the session's token refresh", () => {
  it("refreshes once for many concurrent calls refused with 401, and repeats each with the new token", async () => {
    const store = memoryTokenStore(start);
    let rotations = 0;
    const edge = fakeEdge(
      async () => {
        rotations += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return json(200, { access_token: "at-2", refresh_token: "rt-2" });
      },
      new Set(["at-2"]),
    );
    const session = new Session({ base: "http://edge.test", store, fetch: edge.fetcher });

    const answers = await Promise.all([1, 2, 3, 4].map(() => session.fetch("/api/v1/me")));

    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(rotations).toBe(1);
    expect(store.value).toEqual({ access_token: "at-2", refresh_token: "rt-2" });
    expect(
      edge.calls.filter((c) => c.path === "/api/v1/me" && c.auth === "Bearer at-2"),
    ).toHaveLength(4);
  });

  it("uses the tokens another tab rotated when told refresh_token_superseded, without signing out", async () => {
    const store = memoryTokenStore(start);
    const edge = fakeEdge(
      () =>
        json(409, {
          error: { code: "refresh_token_superseded", message: "Use the newest token." },
        }),
      new Set(["at-other-tab"]),
    );
    // The other tab's rotation lands in the shared store while this one waits.
    const sleep = async () =>
      store.write({ access_token: "at-other-tab", refresh_token: "rt-other-tab" });
    const session = new Session({ base: "http://edge.test", store, fetch: edge.fetcher, sleep });
    const signedOut: boolean[] = [];
    session.subscribe((signedIn) => signedOut.push(!signedIn));

    const res = await session.fetch("/api/v1/me");

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ auth: "Bearer at-other-tab" });
    expect(store.value?.refresh_token).toBe("rt-other-tab");
    expect(signedOut).toEqual([]);
  });

  it("goes back to sign-in when the refresh token is refused", async () => {
    const store = memoryTokenStore(start);
    const edge = fakeEdge(
      () => json(401, { error: { code: "invalid_refresh_token", message: "Sign in again." } }),
      new Set(),
    );
    const session = new Session({ base: "http://edge.test", store, fetch: edge.fetcher });
    const events: boolean[] = [];
    session.subscribe((signedIn) => events.push(signedIn));

    const res = await session.fetch("/api/v1/me");

    expect(res.status).toBe(401);
    expect(store.value).toBeNull();
    expect(events).toEqual([false]);
  });

  it("keeps the tokens when the edge cannot be reached, so the next call can try again", async () => {
    const store = memoryTokenStore(start);
    const fetcher = (async (input: RequestInfo | URL) => {
      if (String(input).endsWith("/auth/refresh")) throw new TypeError("Failed to fetch");
      return expired();
    }) as typeof fetch;
    const session = new Session({ base: "http://edge.test", store, fetch: fetcher });

    await expect(session.fetch("/api/v1/me")).rejects.toMatchObject({ code: "network_error" });
    expect(store.value).toEqual(start);
  });

  it("does not refresh again when another call already replaced the refused token", async () => {
    const store = memoryTokenStore({ access_token: "at-2", refresh_token: "rt-2" });
    let rotations = 0;
    const edge = fakeEdge(
      () => {
        rotations += 1;
        return json(200, { access_token: "at-3", refresh_token: "rt-3" });
      },
      new Set(["at-2"]),
    );
    const session = new Session({ base: "http://edge.test", store, fetch: edge.fetcher });

    expect(await session.refresh("at-1")).toEqual({ access_token: "at-2", refresh_token: "rt-2" });
    expect(rotations).toBe(0);
  });
});

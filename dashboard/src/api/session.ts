// The signed-in session: every API call carries the access token; a refused one (401) is refreshed
// transparently and the call repeated once. Concurrent calls share one refresh in flight, because the
// edge's refresh tokens are single use: two rotations of one token would look like theft. When another
// tab rotated the token first (409 refresh_token_superseded), the newest pair is read from the shared
// store and used. Any other refusal ends the session, and the app goes back to sign-in.
import type { ApiResponse } from "@coach/contracts/api-routes";
import { apiPath } from "./api-path";
import { apiErrorFrom, ApiError, networkError } from "./errors";
import type { Tokens, TokenStore } from "./token-store";

export type SessionOptions = {
  base: string;
  store: TokenStore;
  fetch?: typeof fetch;
  /** Waits between looks at the shared store after a superseded refresh; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
};

/** How often, and how patiently, the store is re-read for another tab's newer tokens. */
const SUPERSEDED_RETRIES = 4;
const SUPERSEDED_WAIT_MS = 150;

export class Session {
  private refreshing: Promise<Tokens | null> | null = null;
  private readonly listeners = new Set<(signedIn: boolean) => void>();
  private readonly fetcher: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SessionOptions) {
    // Bound: a bare window.fetch called as a method of another object throws "Illegal invocation".
    this.fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get base(): string {
    return this.options.base;
  }

  get tokens(): Tokens | null {
    return this.options.store.read();
  }

  /** Keeps a fresh pair (sign-in, registration, workspace switch) and tells the listeners. */
  signIn(tokens: Tokens): void {
    this.options.store.write(tokens);
    for (const listener of this.listeners) listener(true);
  }

  /** Forgets the tokens locally (the caller revokes them at the edge first, when it can). */
  signOut(): void {
    this.options.store.write(null);
    for (const listener of this.listeners) listener(false);
  }

  /** Called with true on sign-in and false on sign-out; answers an unsubscribe function. */
  subscribe(listener: (signedIn: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A fetch to the edge with the access token; a 401 is refreshed once and the request repeated. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const tokens = this.tokens;
    if (!tokens) throw new ApiError(401, "signed_out", "You are signed out. Sign in again.");
    const res = await this.send(path, init, tokens.access_token);
    if (res.status !== 401) return res;
    const fresh = await this.refresh(tokens.access_token);
    if (!fresh) return res;
    await res.body?.cancel();
    return this.send(path, init, fresh.access_token);
  }

  /**
   * A usable pair after `refusedAccess` was refused: the stored pair when another call already replaced
   * it, else the result of the one rotation in flight. Null when the session has ended.
   */
  refresh(refusedAccess?: string): Promise<Tokens | null> {
    const current = this.tokens;
    if (!current) return Promise.resolve(null);
    if (refusedAccess !== undefined && current.access_token !== refusedAccess)
      return Promise.resolve(current);
    this.refreshing ??= this.rotate(current).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async send(path: string, init: RequestInit, accessToken: string): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("Authorization", `Bearer ${accessToken}`);
    try {
      return await this.fetcher(`${this.options.base}${path}`, { ...init, headers });
    } catch {
      throw networkError();
    }
  }

  private async rotate(tokens: Tokens): Promise<Tokens | null> {
    for (let attempt = 0; attempt <= SUPERSEDED_RETRIES; attempt += 1) {
      let res: Response;
      try {
        res = await this.fetcher(`${this.options.base}${apiPath("/auth/refresh", {})}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ refresh_token: tokens.refresh_token }),
        });
      } catch {
        // Offline is not signed out: keep the tokens so the next call can try again.
        throw networkError();
      }
      if (res.ok) {
        const body = (await res.json()) as ApiResponse<"POST", "/auth/refresh">;
        this.options.store.write({
          access_token: body.access_token,
          refresh_token: body.refresh_token,
        });
        return this.tokens;
      }
      const error = await apiErrorFrom(res);
      if (error.code !== "refresh_token_superseded") break;
      // Another tab spent this token a moment ago; its successor lands in the shared store.
      await this.sleep(SUPERSEDED_WAIT_MS * (attempt + 1));
      const newest = this.tokens;
      if (!newest) return null;
      if (newest.refresh_token !== tokens.refresh_token) return newest;
    }
    this.signOut();
    return null;
  }
}

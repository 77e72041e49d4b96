// Where the sign-in's tokens live between page loads: localStorage, shared by the dashboard's tabs, so a
// tab can adopt tokens another tab rotated (see session.ts).

/** The pair the edge answers on sign-in, registration, refresh and workspace switch. */
export type Tokens = { access_token: string; refresh_token: string };

export type TokenStore = {
  read(): Tokens | null;
  write(tokens: Tokens | null): void;
};

const KEY = "coach.dashboard.tokens";

/** The browser's store; a storage without the key or with garbage reads as signed out. */
export function localTokenStore(storage: Storage = window.localStorage): TokenStore {
  return {
    read() {
      try {
        const value = JSON.parse(storage.getItem(KEY) ?? "null") as Partial<Tokens> | null;
        return value &&
          typeof value.access_token === "string" &&
          typeof value.refresh_token === "string"
          ? { access_token: value.access_token, refresh_token: value.refresh_token }
          : null;
      } catch {
        return null;
      }
    },
    write(tokens) {
      if (tokens)
        storage.setItem(
          KEY,
          JSON.stringify({
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
          }),
        );
      else storage.removeItem(KEY);
    },
  };
}

/** A store in memory, for tests. */
export function memoryTokenStore(
  initial: Tokens | null = null,
): TokenStore & { value: Tokens | null } {
  const store = {
    value: initial,
    read: () => store.value,
    write: (tokens: Tokens | null) => {
      store.value = tokens;
    },
  };
  return store;
}

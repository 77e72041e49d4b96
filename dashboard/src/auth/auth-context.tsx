// Who is signed in, into which workspace, and the API bound to that sign-in. Screens read it with
// useAuth(); sign-in, sign-out and workspace switches go through it so every screen follows.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import type { Me, TokenResponse } from "@coach/contracts/account-views";
import { createApi, type Api } from "../api/client";
import { API_BASE } from "../api/config";
import { ApiError } from "../api/errors";
import { Session } from "../api/session";
import { localTokenStore } from "../api/token-store";

type AuthState = {
  api: Api;
  /** Undefined while the first /me is loading; null when signed out. */
  me: Me | null | undefined;
  meError: ApiError | undefined;
  signedIn: (tokens: TokenResponse) => Promise<void>;
  signOut: () => Promise<void>;
  switchWorkspace: (tenantId: string) => Promise<void>;
  reloadMe: () => Promise<void>;
};

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({
  children,
  session: given,
}: {
  children: ReactNode;
  session?: Session;
}) {
  const session = useMemo(
    () => given ?? new Session({ base: API_BASE, store: localTokenStore() }),
    [given],
  );
  const api = useMemo(() => createApi(session), [session]);
  const [me, setMe] = useState<Me | null | undefined>(session.tokens ? undefined : null);
  const [meError, setMeError] = useState<ApiError>();

  const reloadMe = useCallback(async () => {
    if (!session.tokens) {
      setMe(null);
      return;
    }
    try {
      setMe(await api.get("/me"));
      setMeError(undefined);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setMe(null);
      else setMeError(err instanceof ApiError ? err : new ApiError(0, "unexpected", String(err)));
    }
  }, [api, session]);

  useEffect(() => {
    void reloadMe();
    const unsubscribe = session.subscribe((signedIn) => {
      if (!signedIn) setMe(null);
    });
    // Another tab signed in or out: follow it.
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key.startsWith("coach.dashboard")) void reloadMe();
    };
    window.addEventListener("storage", onStorage);
    return () => {
      unsubscribe();
      window.removeEventListener("storage", onStorage);
    };
  }, [reloadMe, session]);

  const signedIn = useCallback(
    async (tokens: TokenResponse) => {
      session.signIn(tokens);
      setMe(undefined);
      await reloadMe();
    },
    [reloadMe, session],
  );

  const signOut = useCallback(async () => {
    // Revoke at the edge when it answers; sign out locally either way.
    await api.post("/auth/logout").catch(() => undefined);
    session.signOut();
  }, [api, session]);

  const switchWorkspace = useCallback(
    async (tenantId: string) => {
      const tokens = await api.post("/me/workspaces/switch", { body: { tenant_id: tenantId } });
      await signedIn(tokens);
    },
    [api, signedIn],
  );

  const value = useMemo(
    () => ({ api, me, meError, signedIn, signOut, switchWorkspace, reloadMe }),
    [api, me, meError, signedIn, signOut, switchWorkspace, reloadMe],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside AuthProvider");
  return value;
}

/** The API of the signed-in session. */
export function useApi(): Api {
  return useAuth().api;
}

/** The signed-in person (screens behind the sign-in gate only). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error("useMe before sign-in");
  return me;
}

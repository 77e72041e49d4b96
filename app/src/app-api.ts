// The app's calls to its edge (same origin): redeem a code for a device token, open a session with
// the token, a code for another device, the person's progress and settings, and the push subscription. Errors come back as the edge's
// `{error:{code,message}}`, or `network_error` when the edge cannot be reached (offline).
import { formatMessage } from "@coach/contracts/messages";
import type { ContactCoachingView } from "@coach/contracts/programs";
import type {
  AppDeviceResponse,
  AppPreferencesUpdate,
  AppProgressView,
  AppLinkCodeResponse,
  AppSessionResponse,
  PushPublicKeyResponse,
} from "@coach/contracts/companion-app";
import { texts } from "./i18n/texts";

export type ApiFailure = { code: string; message: string };
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

export class AppApi {
  private readonly base: string;

  constructor(
    publicKey: string,
    private readonly token: () => string | null,
  ) {
    this.base = `/api/v1/app/${encodeURIComponent(publicKey)}`;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {};
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return {
        ok: false,
        error: { code: "network_error", message: texts.offline },
      };
    }
    const json = (await res.json().catch(() => null)) as (T & { error?: ApiFailure }) | null;
    if (res.ok) return { ok: true, value: json as T };
    return {
      ok: false,
      error: json?.error ?? {
        code: "http_error",
        message: formatMessage(texts.serverAnswered, { status: res.status }),
      },
    };
  }

  redeem(code: string, label: string): Promise<ApiResult<AppDeviceResponse>> {
    return this.call("POST", "/devices", { code, label });
  }

  session(): Promise<ApiResult<AppSessionResponse>> {
    return this.call("POST", "/session");
  }

  linkCode(): Promise<ApiResult<AppLinkCodeResponse>> {
    return this.call("POST", "/link-codes");
  }

  progress(): Promise<ApiResult<AppProgressView>> {
    return this.call("GET", "/progress");
  }

  preferences(): Promise<ApiResult<ContactCoachingView>> {
    return this.call("GET", "/preferences");
  }

  savePreferences(update: AppPreferencesUpdate): Promise<ApiResult<ContactCoachingView>> {
    return this.call("PUT", "/preferences", update);
  }

  pushKey(): Promise<ApiResult<PushPublicKeyResponse>> {
    return this.call("GET", "/push/public-key");
  }

  subscribe(subscription: PushSubscriptionJSON): Promise<ApiResult<{ id: string }>> {
    return this.call("POST", "/push/subscriptions", subscription);
  }
}

// The demo creator's side of the dashboard API, for browser tests that act as the creator (take over,
// publish a program, read enrolments) while a visitor uses the widget.
import { DEMO_EMAIL, DEMO_PASSWORD } from "../../../scripts/lib/seed-demo.mjs";

export type CreatorApi = <T = unknown>(route: string, body?: object, method?: string) => Promise<T>;

/** Signs the demo creator in on `edgeUrl`; the returned call sends JSON with their token. */
export async function demoCreatorApi(edgeUrl: string): Promise<CreatorApi> {
  let token: string | null = null;
  const api: CreatorApi = async <T>(route: string, body?: object, method?: string) => {
    const res = await fetch(`${edgeUrl}${route}`, {
      method: method ?? (body ? "POST" : "GET"),
      headers: {
        "Content-Type": "application/json",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  token = (
    await api<{ access_token: string }>("/api/v1/auth/login", {
      email: DEMO_EMAIL,
      password: DEMO_PASSWORD,
    })
  ).access_token;
  return api;
}

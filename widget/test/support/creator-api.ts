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

/**
 * Publishes a program that waits ten hours and ends, so whoever is enrolled stays enrolled and active
 * for the whole test; `slug` is made unique with the time.
 */
export function createWaitingProgram(
  api: CreatorApi,
  name: string,
  slug: string,
): Promise<{ id: string; slug: string }> {
  return api("/api/v1/programs", {
    name,
    slug: `${slug}-${Date.now()}`,
    steps: {
      nodes: [
        { id: "later", kind: "wait", duration_minutes: 600 },
        { id: "end", kind: "end" },
      ],
      edges: [{ from: "later", to: "end" }],
    },
  });
}

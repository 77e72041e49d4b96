// Where outgoing webhooks may go: https only, without credentials in the URL. Plain http to this
// machine (127.0.0.1, localhost) is allowed only when WEBHOOKS_ALLOW_LOCAL_HTTP is "true", for local
// runs and tests.
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Why `raw` is not an acceptable webhook URL, or null when it is. */
export function webhookUrlProblem(env: Pick<Env, "WEBHOOKS_ALLOW_LOCAL_HTTP">, raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "The webhook URL is not a valid URL. Use a full address such as https://example.com/hooks/coach.";
  }
  if (url.username || url.password) return "The webhook URL must not contain a user name or password; use the signing secret to authenticate our requests.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && env.WEBHOOKS_ALLOW_LOCAL_HTTP === "true" && LOCAL_HOSTS.has(url.hostname)) return null;
  return "The webhook URL must use https.";
}

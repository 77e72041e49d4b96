// Where outgoing webhooks may go, checked when an endpoint is registered and again before every
// delivery: https only, no credentials in the URL, and a host that is public. An IP literal in any
// spelling (URL parsing turns 2130706433, 0x7f000001, 0177.0.0.1 and 127.1 into 127.0.0.1) is judged
// by ip-address.ts; a name must be a public name, and every address it resolves to (DNS-over-HTTPS at
// WEBHOOKS_DOH_URL) must be public too. When the resolver cannot be reached, the name rules alone
// decide. Plain http to this machine, spelled exactly 127.0.0.1 or localhost, is allowed only when
// WEBHOOKS_ALLOW_LOCAL_HTTP is "true", for local runs and tests.
import { resolveHost } from "./dns-over-https";
import { hostAddress, isInternalAddress, parseIPv4, parseIPv6 } from "./ip-address";
import { workerConfig } from "../lib/config";

export type WebhookUrlProblem = {
  code: "invalid_webhook_url" | "webhook_url_internal";
  message: string;
};

type UrlEnv = Pick<Env, "WEBHOOKS_ALLOW_LOCAL_HTTP" | "WEBHOOKS_DOH_URL">;

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);

// Suffixes that never name a public host: special-use names (RFC 6761, 6762, 8375, 9476) and the
// private top-level names networks use in practice.
const NON_PUBLIC_SUFFIXES = [
  "localhost",
  "local",
  "localdomain",
  "internal",
  "intranet",
  "private",
  "corp",
  "home",
  "lan",
  "arpa",
  "test",
  "example",
  "invalid",
  "onion",
  "alt",
];

const INTERNAL: WebhookUrlProblem = {
  code: "webhook_url_internal",
  message:
    "The webhook URL points at an internal address (loopback, private, link-local or reserved). Use a public https address.",
};

function invalid(message: string): WebhookUrlProblem {
  return { code: "invalid_webhook_url", message };
}

/** The host exactly as the caller wrote it, so 2130706433 never passes for 127.0.0.1. */
function writtenHost(raw: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(raw.trim())?.[1] ?? "";
  return authority.replace(/:\d*$/, "").toLowerCase();
}

function allowedLocally(env: UrlEnv, raw: string, url: URL): boolean {
  return (
    workerConfig(env).webhooksAllowLocalHttp &&
    LOCAL_HOSTS.has(url.hostname) &&
    writtenHost(raw) === url.hostname
  );
}

/**
 * Whether a host name can only mean something inside a network: one label, a special-use suffix, or
 * an address spelled inside the name (127.0.0.1.nip.io, 10-0-0-1.sslip.io, 7f000001.…, --1.sslip.io)
 * that wildcard DNS services answer with, so they are caught even when DNS cannot be asked.
 */
export function isNonPublicName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  const labels = name.split(".");
  if (labels.length < 2) return true;
  if (NON_PUBLIC_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`)))
    return true;
  for (const match of name.matchAll(
    /(?:^|[.-])(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})(?=$|[.-])/g,
  )) {
    const address = parseIPv4(match.slice(1).map(Number).join("."));
    if (address && isInternalAddress(address)) return true;
  }
  for (const match of name.matchAll(/(?:^|[.-])([0-9a-f]{8})(?=$|[.-])/g)) {
    const hex = match[1] ?? "";
    const address = Uint8Array.from([0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    if (isInternalAddress(address)) return true;
  }
  return labels.some(
    (label) =>
      label.includes("--") &&
      /^[0-9a-f-]+$/.test(label) &&
      isInternal(parseIPv6(label.replaceAll("-", ":"))),
  );
}

function isInternal(address: Uint8Array | null): boolean {
  return address !== null && isInternalAddress(address);
}

/** Why webhooks may not be sent to `raw`, or null when they may. */
export async function webhookUrlProblem(
  env: UrlEnv,
  raw: string,
): Promise<WebhookUrlProblem | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid(
      "The webhook URL is not a valid URL. Use a full address such as https://example.com/hooks/coach.",
    );
  }
  if (url.username || url.password)
    return invalid(
      "The webhook URL must not contain a user name or password; use the signing secret to authenticate our requests.",
    );
  const web = url.protocol === "http:" || url.protocol === "https:";
  if (url.protocol === "http:" && allowedLocally(env, raw, url)) return null;
  // The host first, so an internal address is named as such whatever the scheme.
  const literal = hostAddress(url.hostname);
  if (
    web &&
    (literal
      ? isInternalAddress(literal)
      : url.hostname.startsWith("[") || isNonPublicName(url.hostname))
  )
    return INTERNAL;
  if (url.protocol !== "https:") return invalid("The webhook URL must use https.");
  const resolver = workerConfig(env).webhooksDohUrl;
  if (literal || !resolver) return null;
  const resolved = await resolveHost(resolver, url.hostname.replace(/\.$/, ""));
  // Unreachable resolver: the name rules above have decided.
  if (!resolved.reachable) return null;
  return resolved.addresses.some(isInternalAddress) ? INTERNAL : null;
}

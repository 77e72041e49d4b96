// Which push endpoints the edge will send to: https only, as every browser's push service is; plain
// http only to 127.0.0.1 or localhost, and only where `PUSH_ALLOW_LOCAL_HTTP` is "true" (local runs
// and tests, whose push-service stand-in listens on loopback).

/** Whether the edge may post push messages to `endpoint`. */
export function pushEndpointAllowed(endpoint: string, allowLocalHttp: boolean): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return true;
  return (
    allowLocalHttp &&
    url.protocol === "http:" &&
    (url.hostname === "127.0.0.1" || url.hostname === "localhost")
  );
}

/** `PUSH_ALLOW_LOCAL_HTTP` read as the boolean it spells. */
export function allowsLocalHttp(env: { PUSH_ALLOW_LOCAL_HTTP?: string }): boolean {
  return env.PUSH_ALLOW_LOCAL_HTTP === "true";
}

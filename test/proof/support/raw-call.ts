// Calls the edge app with a body sent exactly as given (bytes, any content type), as an attacker would.
import { exports } from "cloudflare:workers";
import { BASE, freshIp } from "../../worker/auth/helpers";

export function rawCall(
  path: string,
  init: { method: string; headers?: Record<string, string>; body?: BodyInit },
): Promise<Response> {
  return exports.default.fetch(`${BASE}${path}`, {
    method: init.method,
    headers: { "CF-Connecting-IP": freshIp(), ...init.headers },
    body: init.body,
  });
}

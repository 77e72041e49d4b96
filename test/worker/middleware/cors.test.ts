// CORS comes from configuration: the dashboard's origins are echoed, others get nothing, and no
// response pairs a reflected origin with credentials.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseOrigins } from "../../../worker/middleware/cors";

function preflight(origin: string) {
  return exports.default.fetch("http://edge.test/api/v1/auth/login", {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "content-type",
    },
  });
}

describe("API CORS", () => {
  it("allows a configured dashboard origin", async () => {
    const res = await preflight("http://127.0.0.1:5173");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("http://127.0.0.1:5173");
    expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });

  it("gives a foreign origin no CORS grant", async () => {
    const res = await preflight("https://evil.example");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("never configures a wildcard origin", () => {
    expect([...parseOrigins("*, https://a.example/ ,")]).toEqual(["https://a.example"]);
  });
});

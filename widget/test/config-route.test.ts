// `GET /api/v1/widget/config/:public_key` as the loader calls it: the settings for an allowed origin with
// a short cache lifetime varying by Origin, and readable refusals (no credentials) for anyone else.
import { describe, expect, inject, it } from "vitest";

const stack = inject("stack");
const allowed = new URL(stack.demoUrl).origin;

function config(key: string, origin?: string): Promise<Response> {
  return fetch(`${stack.edgeUrl}/api/v1/widget/config/${key}`, {
    headers: origin ? { Origin: origin } : {},
  });
}

describe("GET /api/v1/widget/config/:public_key", () => {
  it("answers an allowed origin with the settings, cacheable for a short while and varying by Origin", async () => {
    const res = await config(stack.publicKey, allowed);
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(allowed);
    expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    expect(res.headers.get("Vary")).toContain("Origin");
    expect(res.headers.get("Cache-Control")).toMatch(/max-age=([1-9]|[1-9]\d|[1-2]\d\d|300)\b/);
    const body = (await res.json()) as {
      public_key: string;
      settings: { colors: { primary: string } };
    };
    expect(body.public_key).toBe(stack.publicKey);
    expect(body.settings.colors.primary).toBe(stack.primaryColour);
  });

  it("refuses another origin, and a request without one, with 403 origin_not_allowed", async () => {
    for (const origin of ["https://evil.example", undefined]) {
      const res = await config(stack.publicKey, origin);
      expect(res.status).toBe(403);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        "origin_not_allowed",
      );
    }
  });

  it("answers an unknown key with 404 widget_not_found", async () => {
    const res = await config("pk_doesnotexist0000000000000000000", allowed);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("widget_not_found");
  });

  it("serves the loader and its chunk as cacheable, CORS-readable assets", async () => {
    const loader = await fetch(`${stack.edgeUrl}/widget.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get("Content-Type")).toContain("javascript");
    expect(loader.headers.get("Cache-Control")).toContain("max-age=300");
    const chunk = /"(panel-[A-Za-z0-9]+\.js)"/.exec(await loader.text())?.[1];
    expect(chunk).toBeTruthy();
    const panel = await fetch(`${stack.edgeUrl}/${chunk}`, { headers: { Origin: allowed } });
    expect(panel.status).toBe(200);
    expect(panel.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(panel.headers.get("Cache-Control")).toContain("immutable");
  });
});

// GET /openapi.json describes every route under /api/v1 from the route table itself, with the bodies
// and query parameters the routes validate and who may call each; GET /docs serves the reference page.
// (The document is validated against the OpenAPI 3.1 schema, and /docs rendered in Chromium, by the
// dashboard's browser suite: dashboard/test/e2e/api-docs.test.ts.)
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { BASE } from "../auth/helpers";
import { apiRoutes } from "../auth/routes";

type Operation = {
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

let doc: Document;

beforeAll(async () => {
  const res = await exports.default.fetch(`${BASE}/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as Document;
});

const op = (method: string, path: string): Operation | undefined =>
  doc.paths[path.replace(/:([A-Za-z_]+)/g, "{$1}")]?.[method.toLowerCase()];

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document naming every route mounted under /api/v1, and nothing else", () => {
    expect(doc.openapi).toBe("3.1.0");
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(80);
    const missing = routes.filter((r) => !op(r.method, r.path)).map((r) => r.key);
    expect(missing).toEqual([]);
    const described = Object.values(doc.paths).reduce((n, m) => n + Object.keys(m).length, 0);
    expect(described).toBe(routes.length);
  });

  it("describes each body and query from the schema the route validates with", () => {
    const login = op("POST", "/api/v1/auth/login")?.requestBody?.content["application/json"];
    expect(login?.schema).toMatchObject({
      type: "object",
      properties: { email: expect.any(Object), password: expect.any(Object) },
    });
    const inbox = op("GET", "/api/v1/conversations")?.parameters.map((p) => p.name);
    expect(inbox).toEqual(expect.arrayContaining(["q", "channel", "needs_human"]));
    const transcript = op("GET", "/api/v1/conversations/:id/messages")?.parameters;
    expect(transcript).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "id", in: "path", required: true })]),
    );
    const upload = op("POST", "/api/v1/knowledge/documents")?.requestBody?.content;
    expect(Object.keys(upload ?? {})).toEqual(["multipart/form-data", "application/json"]);
  });

  it("says who may call each route: nobody signed in, a person, or an API key with the scope", () => {
    expect(op("POST", "/api/v1/auth/register")?.security).toEqual([]);
    expect(op("GET", "/api/v1/me")?.security).toEqual([{ accessToken: [] }]);
    expect(op("GET", "/api/v1/knowledge/documents")?.security).toEqual([
      { accessToken: [] },
      { apiKey: [] },
    ]);
  });
});

describe("GET /docs", () => {
  it("serves the reference page and its script from the edge, with no inline code allowed", async () => {
    const page = await exports.default.fetch(`${BASE}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toContain("text/html");
    expect(page.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script src="/docs/docs.js"');
    const script = await exports.default.fetch(`${BASE}/docs/docs.js`);
    expect(script.headers.get("Content-Type")).toContain("javascript");
    expect(await script.text()).toContain('fetch("/openapi.json")');
  });
});

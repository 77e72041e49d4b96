/**
 * The body limit judges declared lengths by the header and counts chunked bodies as they arrive.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { limitBody } from "../../src/http/body-limit";

const MAX = 16;

function app(): Hono {
  return new Hono()
    .use(limitBody(MAX, (c) => c.text("too large", 413)))
    .all("/", async (c) => c.text(`read ${(await c.req.arrayBuffer()).byteLength}`));
}

function chunked(bytes: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let sent = 0; sent < bytes; sent += 4)
        controller.enqueue(new TextEncoder().encode("xxxx"));
      controller.close();
    },
  });
}

describe("limitBody", () => {
  it("passes a body within its declared length", async () => {
    const response = await app().request("/", {
      method: "POST",
      body: "x".repeat(MAX),
      headers: { "Content-Length": String(MAX) },
    });
    expect(await response.text()).toBe(`read ${MAX}`);
  });

  it("refuses a declared length over the limit", async () => {
    const response = await app().request("/", {
      method: "POST",
      body: "x".repeat(MAX + 1),
      headers: { "Content-Length": String(MAX + 1) },
    });
    expect(response.status).toBe(413);
  });

  it("counts a chunked body that declares no length", async () => {
    const init = { method: "POST", duplex: "half" } as const;
    expect((await app().request("/", { ...init, body: chunked(MAX) })).status).toBe(200);
    expect((await app().request("/", { ...init, body: chunked(MAX + 4) })).status).toBe(413);
  });

  it("leaves bodiless methods alone whatever length they declare", async () => {
    const response = await app().request("/", {
      method: "GET",
      headers: { "Content-Length": String(MAX + 1) },
    });
    expect(await response.text()).toBe("read 0");
  });
});

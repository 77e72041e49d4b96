/**
 * `/metrics` as a stock Prometheus scrapes it: with METRICS_TOKEN set, `Authorization: Bearer <token>`
 * reads it without the edge's signature (also with Cloudflare Access on, for a scraper on the home
 * server); a wrong token is refused; without a token configured, only signed requests read it. The text
 * carries the process's own metrics and the event-loop delay.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startHarness, type Harness } from "../support/harness";

const TOKEN = "metrics-token-0123456789abcdef0123456789";
let withToken: Harness;
let withoutToken: Harness;

beforeAll(async () => {
  const chromaUrl = inject("chromaUrl");
  [withToken, withoutToken] = await Promise.all([
    startHarness({ chromaUrl, backend: "builtin", env: { METRICS_TOKEN: TOKEN } }),
    startHarness({ chromaUrl, backend: "builtin" }),
  ]);
});
afterAll(async () => {
  await Promise.all([withToken.close(), withoutToken.close()]);
});

const scrape = (harness: Harness, token?: string) =>
  fetch(`${harness.url}/metrics`, {
    headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
  });

describe("scraping /metrics", () => {
  it("answers a scraper with the configured bearer token, in Prometheus' text format", async () => {
    const res = await scrape(withToken, TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/plain; version=0.0.4");
    const text = await res.text();
    for (const family of [
      "bridge_queue_running",
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_heap_size_used_bytes",
      'nodejs_eventloop_lag_seconds{quantile="0.99"}',
    ])
      expect(text).toContain(family);
    const rss = /^process_resident_memory_bytes (\d+)$/m.exec(text)?.[1];
    expect(Number(rss)).toBeGreaterThan(10 * 1024 * 1024);
  });

  it("refuses a wrong token, and anything unsigned without one", async () => {
    const wrong = await scrape(withToken, "x".repeat(40));
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe(
      "metrics_token_invalid",
    );
    expect((await scrape(withToken)).status).toBe(401);
  });

  it("takes no bearer token when none is configured: only the edge's signature reads it", async () => {
    expect((await scrape(withoutToken, TOKEN)).status).toBe(401);
    expect((await withoutToken.fetch("GET", "/metrics")).status).toBe(200);
  });
});

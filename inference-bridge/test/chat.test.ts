/**
 * `POST /v1/chat` end to end through the real ollama client against the stand-in and a real Chroma.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chatBodies, chatEvents, until } from "./support/chat-requests";
import { PERSONA, readNdjson, startHarness, uniqueTenant, type Harness } from "./support/harness";

let harness: Harness;
const tenant = uniqueTenant();
const chatBody = chatBodies(tenant);
const DOC =
  "Build a habit by attaching it to an existing morning routine. Start with two minutes a day and grow slowly.";

beforeAll(async () => {
  harness = await startHarness({
    chromaUrl: inject("chromaUrl"),
    backend: "ollama",
    env: { BRIDGE_QUEUE_MAX_WAIT_MS: "2000" },
  });
  const ingest = await harness.fetch("POST", "/v1/documents", {
    tenant_id: tenant,
    document_id: "habits",
    title: "Habits 101",
    text: DOC,
  });
  expect(ingest.status).toBe(200);
});
afterAll(() => harness.close());

describe("POST /v1/chat through the Ollama client", () => {
  it("streams NDJSON with the right content type and no Content-Length", async () => {
    const response = await harness.fetch(
      "POST",
      "/v1/chat",
      chatBody("How do I build a morning habit?"),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson");
    expect(response.headers.get("content-length")).toBeNull();
    await response.text();
  });

  it("emits queued, started, deltas and done with citations, model, tokens and timings", async () => {
    const list = await chatEvents(
      await harness.fetch("POST", "/v1/chat", chatBody("How do I build a habit in the morning?")),
    );
    expect(list.map((e) => e.type)).toEqual([
      "queued",
      "started",
      ...Array<string>(8).fill("delta"),
      "done",
    ]);
    const done = list.at(-1);
    if (done?.type !== "done") throw new Error("no done event");
    expect(done.text).toBe(list.flatMap((e) => (e.type === "delta" ? [e.text] : [])).join(""));
    expect(done.citations).toEqual([
      {
        chunk_id: "habits#0",
        document_id: "habits",
        title: "Habits 101",
        score: expect.any(Number),
        snippet: expect.stringContaining("Build a habit"),
      },
    ]);
    expect(done).toMatchObject({
      model: "llama3.2:1b",
      fallback_used: false,
      grounding: "material",
      completion_tokens: 8,
    });
    // Documented in the README: 0 at the threshold, 1 for perfect matches.
    expect(done.confidence).toBeGreaterThan(0);
    expect(done.timings.ttft_ms).toBeGreaterThan(0);
    expect(done.timings.total_ms).toBeGreaterThanOrEqual(done.timings.ttft_ms);
  });

  it("answers with the persona's fallback line below the similarity threshold, without calling the model", async () => {
    const before = harness.standIn?.stats.chatStarted;
    const list = await chatEvents(
      await harness.fetch(
        "POST",
        "/v1/chat",
        chatBody("Quarterly VAT returns for freelancers in Belgium?", {
          retrieval: { k: 3, min_score: 0.9 },
        }),
      ),
    );
    expect(list.at(-1)).toMatchObject({
      type: "done",
      text: PERSONA.fallback,
      fallback_used: true,
      citations: [],
      confidence: 0,
    });
    expect(harness.standIn?.stats.chatStarted).toBe(before);
  });

  it("retrieves only from the collection of the tenant named in the request", async () => {
    const list = await chatEvents(
      await harness.fetch(
        "POST",
        "/v1/chat",
        chatBody("How do I build a morning habit?", { tenant_id: uniqueTenant() }),
      ),
    );
    expect(list.at(-1)).toMatchObject({ type: "done", fallback_used: true });
  });

  it("refuses an invalid body with 400 invalid_request", async () => {
    const response = await harness.fetch("POST", "/v1/chat", { tenant_id: tenant });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_request" } });
  });

  it("aborts the generation at Ollama when the client disconnects", async () => {
    const standIn = harness.standIn;
    if (!standIn) throw new Error("no stand-in");
    Object.assign(standIn.settings, { tokensPerSecond: 20, replyTokens: 200 });
    try {
      const aborted = standIn.stats.chatAborted;
      const client = new AbortController();
      const response = await harness.fetch(
        "POST",
        "/v1/chat",
        chatBody("How do I build a habit?"),
        { signal: client.signal },
      );
      const reader = response.body?.getReader();
      let seen = "";
      while (!seen.includes('"delta"'))
        seen += new TextDecoder().decode((await reader?.read())?.value);
      client.abort();
      await until(
        () =>
          standIn.stats.chatAborted === aborted + 1 &&
          harness.bridge.services.queue.stats().running === 0,
      );
    } finally {
      Object.assign(standIn.settings, { tokensPerSecond: 500, replyTokens: 8 });
    }
  });

  it("refuses with 429 and Retry-After when the estimated wait exceeds the budget", async () => {
    const standIn = harness.standIn;
    if (!standIn) throw new Error("no stand-in");
    Object.assign(standIn.settings, { tokensPerSecond: 20, replyTokens: 40 });
    const client = new AbortController();
    try {
      // Two slow answers teach the queue that a chat takes about 2 s; then a backlog exceeds the 2 s budget.
      for (let i = 0; i < 2; i++)
        await readNdjson(
          await harness.fetch("POST", "/v1/chat", chatBody("How do I build a morning habit?")),
        );
      const backlog = await Promise.all(
        [0, 1, 2].map((i) =>
          harness.fetch("POST", "/v1/chat", chatBody(`How do I build a morning habit? ${i}`), {
            signal: client.signal,
          }),
        ),
      );
      const refused = backlog.find((response) => response.status === 429);
      expect(refused?.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
      expect(await refused?.json()).toMatchObject({ error: { code: "queue_wait_too_long" } });
    } finally {
      client.abort();
      Object.assign(standIn.settings, { tokensPerSecond: 500, replyTokens: 8 });
      await until(
        () =>
          harness.bridge.services.queue.stats().running === 0 &&
          harness.bridge.services.queue.stats().depth === 0,
      );
      // The stand-in too: an embed or chat of a request the abort cut off can still arrive there after
      // the queue is empty, and would take the failure the next test queues for its own request. Quiet
      // means every chat settled and no new call for 300 ms.
      const { stats } = standIn;
      let last = { seen: "", since: Date.now() };
      await until(() => {
        const seen = JSON.stringify(stats);
        if (seen !== last.seen) last = { seen, since: Date.now() };
        return (
          Date.now() - last.since >= 300 &&
          stats.chatStarted === stats.chatCompleted + stats.chatAborted
        );
      });
    }
  });

  it("turns an Ollama 503 'server busy' into a retryable error event", async () => {
    // The question's embedding and the generation both meet the busy server.
    harness.standIn?.failNext(2, 503);
    const list = await chatEvents(
      await harness.fetch("POST", "/v1/chat", chatBody("How do I build a habit?")),
    );
    expect(list.at(-1)).toMatchObject({ type: "error", code: "ollama_error", retryable: true });
  });

  it("answers an Ollama failure on a JSON route with the upstream status class and one error shape", async () => {
    harness.standIn?.failNext(1, 503);
    const response = await harness.fetch("POST", "/v1/embed", {
      tenant_id: tenant,
      texts: ["habit"],
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: { code: "ollama_error", request_id: expect.any(String) },
    });
  });

  it("writes the edge's request id into every log line of the request and echoes it", async () => {
    const response = await harness.fetch("POST", "/v1/chat", chatBody("How do I build a habit?"), {
      headers: { "X-Request-Id": "req-trace-42" },
    });
    await response.text();
    expect(response.headers.get("x-request-id")).toBe("req-trace-42");
    const lines = harness.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => JSON.stringify(line).includes("req-trace-42"));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines)
      expect(line).toMatchObject({
        request_id: "req-trace-42",
        ts: expect.any(String),
        level: expect.any(String),
        msg: expect.any(String),
      });
  });

  it("exposes queue, rejection, cancellation and backend-error metrics", async () => {
    const text = await (await harness.fetch("GET", "/metrics")).text();
    expect(text).toContain('bridge_queue_depth{priority="interactive"} 0');
    expect(text).toMatch(/bridge_queue_wait_seconds_count\{priority="interactive"\} \d+/);
    expect(text).toMatch(
      /bridge_requests_rejected_total\{priority="interactive",code="queue_wait_too_long"\} [1-9]/,
    );
    expect(text).toMatch(
      /bridge_requests_cancelled_total\{priority="interactive",stage="running"\} [1-9]/,
    );
    expect(text).toMatch(/bridge_backend_errors_total\{backend="ollama"\} [1-9]/);
    expect(text).toMatch(/bridge_tokens_per_second \d/);
  });

  it("reports its load on the queued and done lines of an answer and on /health", async () => {
    const list = await chatEvents(
      await harness.fetch("POST", "/v1/chat", chatBody("How do I build a habit?")),
    );
    const queued = list.find((event) => event.type === "queued");
    const done = list.at(-1);
    // Admitted, this answer holds the only slot: a question arriving now would wait for it.
    expect(queued).toMatchObject({ load: { running: 1, queue_depth: 0, concurrency: 1 } });
    expect(queued?.type === "queued" && queued.load?.estimated_wait_ms).toBeGreaterThan(0);
    // Reported once its slot is released: nothing is left running.
    expect(done).toMatchObject({
      type: "done",
      load: { running: 0, queue_depth: 0, concurrency: 1, estimated_wait_ms: 0 },
    });
    expect(await (await fetch(`${harness.url}/health`)).json()).toMatchObject({
      load: { queue_depth: 0, running: 0, concurrency: 1, estimated_wait_ms: 0 },
    });
    // Each report says what answers (chat model, embedder and its version), for the fleet screen.
    const version = done?.type === "done" ? done.load?.version : undefined;
    expect(version).toMatch(/^llama3\.2:1b · nomic-embed-text@\S+$/);
    expect(queued?.type === "queued" && queued.load?.version).toBe(version);
  });

  it("reports Ollama mode and queue depth on /health", async () => {
    expect(await (await fetch(`${harness.url}/health`)).json()).toMatchObject({
      status: "ok",
      mode: "ollama",
      ollama: { reachable: true, models_present: true },
      chroma: { reachable: true },
      queue: { depth: 0 },
    });
  });
});

/**
 * Ollama backend against the stand-in: model checks, startup choices, error wrapping, batching.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBridge, StartupError } from "../../src/bootstrap";
import { loadConfig } from "../../src/config";
import { UpstreamError } from "../../src/errors";
import { Logger } from "../../src/logger";
import { OllamaBackend } from "../../src/backends/ollama";
import { OllamaStandIn } from "../support/ollama-stand-in";
import { freePort } from "../support/free-port";
import { TEST_SECRET } from "../support/harness";
import { TEST_LANGUAGE_DIR } from "../support/language-dir";

let standIn: OllamaStandIn;

beforeAll(async () => {
  standIn = await OllamaStandIn.start({ models: ["llama3.2:1b"] });
});
afterAll(() => standIn.close());

function backend(host = standIn.url): OllamaBackend {
  return new OllamaBackend({
    host,
    chatModel: "llama3.2:1b",
    embedModel: "nomic-embed-text",
    keepAlive: "30m",
    contextTokens: 4096,
    answerTokens: 512,
  });
}

describe("Ollama backend", () => {
  it("reports the models that are missing", async () => {
    expect(await backend().checkModels()).toMatchObject({
      reachable: true,
      missing: ["nomic-embed-text"],
    });
  });

  it("refuses to start without a model and names the ollama pull to run", async () => {
    const config = loadConfig({
      BRIDGE_SECRET: TEST_SECRET,
      OLLAMA_HOST: standIn.url,
      CHROMA_URL: inject("chromaUrl"),
      BRIDGE_LANGUAGE_DIR: TEST_LANGUAGE_DIR,
    });
    const lines: string[] = [];
    await expect(
      createBridge(config, new Logger("info", {}, (line) => lines.push(line))),
    ).rejects.toThrow(
      new StartupError(
        `Ollama at ${standIn.url} lacks nomic-embed-text; run \`ollama pull nomic-embed-text\`.`,
      ),
    );
  });

  it("falls back to builtin with a clear line when Ollama is unreachable at start", async () => {
    const host = `http://127.0.0.1:${await freePort()}`;
    const config = loadConfig({
      BRIDGE_SECRET: TEST_SECRET,
      OLLAMA_HOST: host,
      CHROMA_URL: inject("chromaUrl"),
      BRIDGE_LANGUAGE_DIR: TEST_LANGUAGE_DIR,
    });
    const lines: string[] = [];
    const bridge = await createBridge(config, new Logger("info", {}, (line) => lines.push(line)));
    expect(bridge.services.mode).toBe("builtin");
    expect(lines.join("\n")).toContain(
      `Ollama is unreachable at ${host}; using the built-in answerer`,
    );
    await bridge.close();
  });

  it("wraps an HTTP failure in UpstreamError carrying Ollama's status", async () => {
    standIn.failNext(1, 503);
    const error = await backend()
      .embed(["x"], "query")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ upstreamStatus: 503, status: 503, code: "ollama_error" });
  });

  it("marks itself down after a connection failure", async () => {
    const down = backend(`http://127.0.0.1:${await freePort()}`);
    await expect(down.embed(["x"], "query")).rejects.toMatchObject({ upstreamStatus: 502 });
    expect(down.isUp()).toBe(false);
    down.close();
  });

  it("embeds in batches of 64", async () => {
    const calls = standIn.stats.embedCalls;
    const vectors = await backend().embed(
      Array.from({ length: 130 }, (_, i) => `text ${i}`),
      "document",
    );
    expect(vectors).toHaveLength(130);
    expect(standIn.stats.embedCalls - calls).toBe(3);
  });

  // nomic-embed-text's model card: "search_query: " before questions, "search_document: " before passages.
  it("prefixes questions and passages with nomic-embed-text's task prefixes", async () => {
    await backend().embed(["How long is the Nudge stage?"], "query");
    expect(standIn.stats.lastEmbedInput).toEqual(["search_query: How long is the Nudge stage?"]);
    await backend().embed(["During the Nudge stage …"], "document");
    expect(standIn.stats.lastEmbedInput).toEqual(["search_document: During the Nudge stage …"]);
  });

  it("sends the configured context window and answer room with every chat", async () => {
    const stream = backend().generate({
      messages: [{ role: "user", content: "hi" }],
      persona: { name: "A", voice: "", fallback: "f", guardrails: [] },
      question: "hi",
      passages: [],
      signal: new AbortController().signal,
      answerTokens: 300,
    });
    for await (const chunk of stream) void chunk;
    expect(standIn.stats.lastContext).toMatchObject({ numCtx: 4096, numPredict: 300 });
  });
});

// The Workers AI stand-ins are only worth their tests if they refuse what Workers AI refuses: each rule
// is pinned here to Cloudflare's documentation — the binding's `run()` (streaming with `stream: true`,
// refusals thrown as `<code>: <description>`), the errors table, the model's input schema and context
// window, and the REST API's bearer token and envelope — and the edge's client reads both ways alike.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  streamWorkersAi,
  WorkersAiError,
  workersAiFor,
  type AiMessage,
  type WorkersAi,
} from "../../../worker/lib/workers-ai-client";

const MODEL = "@cf/meta/llama-3.2-1b-instruct";
const ask: AiMessage[] = [{ role: "user", content: "How do I start?" }];
const NO_MATERIAL = "I do not have material on that question.";

async function eventsOf(stream: unknown): Promise<string[]> {
  expect(stream).toBeInstanceOf(ReadableStream);
  const text = await new Response(stream as ReadableStream<Uint8Array>).text();
  return text.split("\n").filter((line) => line.startsWith("data: "));
}

async function collect(pieces: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const piece of pieces) text += piece;
  return text;
}

function stream(ai: WorkersAi, signal = new AbortController().signal, model = MODEL) {
  return streamWorkersAi(ai, { model, messages: ask, maxTokens: 64, signal });
}

/** `env.AI`, which vitest.config.ts binds to the stand-in (production binds it in wrangler.toml). */
function binding(): Ai {
  if (!env.AI) throw new Error("vitest.config.ts should bind the Workers AI stand-in as AI.");
  return env.AI;
}

function routeOf(overrides: Partial<typeof env> = {}) {
  const route = workersAiFor({ ...env, ...overrides }, new AbortController().signal);
  if (!route) throw new Error("Workers AI should be configured in the edge tests.");
  return route;
}

describe("the Workers AI binding's stand-in, bound as AI", () => {
  it("rejects an unknown model the way the binding throws: `5007: No such model … or task`", async () => {
    const refused = await binding()
      .run("@cf/meta/llama-9-imaginary", {
        messages: ask,
        stream: true,
        max_tokens: 16,
      })
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toBe(
      "5007: No such model @cf/meta/llama-9-imaginary or task",
    );
  });

  it("rejects messages the model's input schema refuses (5006)", async () => {
    const tooLong = [{ role: "user" as const, content: "x".repeat(131_073) }];
    for (const messages of [[], tooLong]) {
      const refused = await binding()
        .run(MODEL, { messages, stream: true, max_tokens: 16 })
        .catch((err: unknown) => err);
      expect((refused as Error).message).toMatch(/^5006: Bad input/);
    }
  });

  it("rejects a prompt that with max_tokens overruns the 60,000-token context window", async () => {
    // Two messages, each under the schema's 131,072 characters, about 59,940 tokens together.
    const half = "word ".repeat(23_975);
    const messages: AiMessage[] = [
      { role: "system", content: half },
      { role: "user", content: half },
    ];
    const refused = await binding()
      .run(MODEL, { messages, stream: true, max_tokens: 256 })
      .catch((err: unknown) => err);
    expect((refused as Error).message).toContain("maximum context length is 60000 tokens");
    // The same prompt with room left for the answer is accepted.
    const accepted = await binding().run(MODEL, { messages, stream: true, max_tokens: 10 });
    expect((await eventsOf(accepted)).at(-1)).toBe("data: [DONE]");
  });

  it("streams server-sent events of `response` pieces, cut at max_tokens, then [DONE]", async () => {
    const lines = await eventsOf(
      await binding().run(MODEL, { messages: ask, stream: true, max_tokens: 3 }),
    );
    expect(lines.at(-1)).toBe("data: [DONE]");
    const pieces = lines
      .slice(0, -1)
      .map((line) => JSON.parse(line.slice(6)) as { response: string; usage?: unknown });
    expect(pieces.filter((p) => p.response !== "")).toHaveLength(3);
    expect(pieces.at(-1)).toMatchObject({ response: "", usage: { completion_tokens: 3 } });
  });

  it("is what the edge uses first, read as text as it streams, a refusal as a WorkersAiError", async () => {
    const route = routeOf();
    expect(route.via).toBe("binding");
    expect(await collect(stream(route.ai))).toBe(NO_MATERIAL);
    const refused = await collect(stream(route.ai, undefined, "@cf/none")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkersAiError);
    expect(refused).toMatchObject({ code: 5007, retryable: false });
  });

  it("ends the generation when the turn is stopped mid-stream", async () => {
    const stop = new AbortController();
    const pieces: string[] = [];
    const stopped = await (async () => {
      for await (const piece of stream(routeOf().ai, stop.signal)) {
        pieces.push(piece);
        stop.abort(new Error("stopped by the person"));
      }
    })().catch((err: unknown) => err);
    expect(stopped).toMatchObject({ message: "stopped by the person" });
    expect(pieces).toHaveLength(1);
  });
});

describe("the Workers AI REST API's stand-in", () => {
  function post(body: object, options: { token?: string; model?: string } = {}) {
    return fetch(
      `${env.WORKERS_AI_URL}/accounts/${env.WORKERS_AI_ACCOUNT_ID}/ai/run/${options.model ?? MODEL}`,
      {
        method: "POST",
        headers: {
          Authorization: `Bearer ${options.token ?? env.WORKERS_AI_TOKEN}`,
          "Content-Type": "application/json",
        },
        body: JSON.stringify(body),
      },
    );
  }

  it("refuses a wrong token and an unknown model in Cloudflare's envelope", async () => {
    const denied = await post({ messages: ask }, { token: "not-the-token" });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({
      success: false,
      errors: [{ code: 10000, message: "Authentication error" }],
    });
    const unknown = await post({ messages: ask }, { model: "@cf/meta/llama-9-imaginary" });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ success: false, errors: [{ code: 5007 }] });
  });

  it("is the edge's way when only an account and token are set, read exactly as the binding", async () => {
    const route = routeOf({ AI: undefined });
    expect(route.via).toBe("rest");
    expect(await collect(stream(route.ai))).toBe(NO_MATERIAL);
    const refused = await collect(
      stream(routeOf({ AI: undefined, WORKERS_AI_TOKEN: "wrong" }).ai),
    ).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(WorkersAiError);
    expect(refused).toMatchObject({ code: 10000, retryable: false });
    // Neither the binding nor an account: no overflow at all.
    expect(
      workersAiFor({ ...env, AI: undefined, WORKERS_AI_TOKEN: "" }, new AbortController().signal),
    ).toBeNull();
  });
});

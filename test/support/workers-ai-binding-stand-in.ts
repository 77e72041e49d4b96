// A stand-in for the Workers AI binding (`env.AI`), which cannot run on these machines: an auxiliary
// Worker of the edge tests whose `run(model, inputs)` entrypoint is bound as `AI` (vitest.config.ts
// bundles this file and binds it). It answers as the binding does (workerd's
// src/cloudflare/internal/ai-api.ts): a refusal rejects with an Error whose message is
// `<internal code>: <description>`; `stream: true` resolves to a byte stream of server-sent events;
// otherwise to `{response, usage}`. The rules themselves are shared with the REST stand-in
// (test/support/workers-ai-rules.ts).
import { WorkerEntrypoint } from "cloudflare:workers";
import { generate, sseEvents, TOKEN_DELAY_MS, type AiUsage } from "./workers-ai-rules";

async function pace(events: string[], writable: WritableStream<Uint8Array>): Promise<void> {
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  try {
    for (const event of events) {
      await writer.write(encoder.encode(event));
      await new Promise((resolve) => setTimeout(resolve, TOKEN_DELAY_MS));
    }
    await writer.close();
  } catch {
    // The reader cancelled (the turn was stopped): nothing is left to send.
  }
}

/** The binding's `run()`, reached over RPC through the `AI` service binding. */
export class WorkersAiBinding extends WorkerEntrypoint {
  run(
    model: string,
    inputs: unknown,
  ): ReadableStream<Uint8Array> | { response: string; usage: AiUsage } {
    const result = generate(model, inputs);
    // The binding's InferenceUpstreamError is thrown in the caller's isolate; over RPC a custom name
    // would be prepended to the message, so the stand-in throws a plain Error with the same message.
    if ("code" in result) throw new Error(`${result.code}: ${result.message}`);
    const streamed =
      typeof inputs === "object" && inputs !== null && "stream" in inputs && inputs.stream === true;
    if (!streamed) return { response: result.pieces.join(""), usage: result.usage };
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    this.ctx.waitUntil(pace(sseEvents(result), writable));
    return readable;
  }
}

export default {
  fetch(): Response {
    return new Response("The Workers AI binding stand-in answers run() through the AI binding.", {
      status: 404,
    });
  },
};

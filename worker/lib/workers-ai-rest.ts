// Workers AI's REST API behind the binding's interface, for deployments that set an account id and an
// API token instead of binding `AI`: `POST {WORKERS_AI_URL}/accounts/{account}/ai/run/{model}` with a
// bearer token and the same inputs, answered with the same server-sent events. A refusal comes in
// Cloudflare's envelope `{success: false, errors: [{code, message}]}` and is rethrown as the binding
// throws it, `<code>: <message>`, so the caller cannot tell the two apart. The base URL is
// configuration, so tests talk to a loopback stand-in (test/support/workers-ai-stand-in.ts).
import { z } from "zod";
import type { AiTextInputs, WorkersAi } from "./workers-ai-client";

export type WorkersAiRestEnv = Pick<
  Env,
  "WORKERS_AI_URL" | "WORKERS_AI_ACCOUNT_ID" | "WORKERS_AI_TOKEN"
>;

const EnvelopeSchema = z.object({
  errors: z.array(z.object({ code: z.number().optional(), message: z.string() })).default([]),
});

function runUrl(env: WorkersAiRestEnv, model: string): string {
  const base = (env.WORKERS_AI_URL || "https://api.cloudflare.com/client/v4").replace(/\/+$/, "");
  // The model name's slashes are path segments of the route (`/ai/run/@cf/meta/…`), as Cloudflare documents it.
  return `${base}/accounts/${encodeURIComponent(env.WORKERS_AI_ACCOUNT_ID)}/ai/run/${model}`;
}

async function refusal(response: Response): Promise<Error> {
  const body: unknown = await response.json().catch(() => null);
  const first = EnvelopeSchema.safeParse(body).data?.errors[0];
  const error = new Error(
    first?.code === undefined
      ? `Workers AI answered ${response.status}: ${first?.message ?? "no error message"}`
      : `${first.code}: ${first.message}`,
  );
  error.name = "InferenceUpstreamError";
  return error;
}

/** The REST API as a `WorkersAi`; each call's request ends when `signal` aborts. */
export function workersAiOverRest(env: WorkersAiRestEnv, signal: AbortSignal): WorkersAi {
  return {
    async run(model: string, inputs: AiTextInputs): Promise<ReadableStream<Uint8Array>> {
      const response = await fetch(runUrl(env, model), {
        method: "POST",
        headers: {
          Authorization: `Bearer ${env.WORKERS_AI_TOKEN}`,
          "Content-Type": "application/json",
          Accept: "text/event-stream",
        },
        body: JSON.stringify(inputs),
        signal,
      });
      if (!response.ok || !response.body) throw await refusal(response);
      return response.body;
    },
  };
}

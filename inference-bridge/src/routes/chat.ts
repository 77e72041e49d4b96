/**
 * `POST /v1/chat`: admission first (a refusal is an immediate 429/503 with Retry-After), then the
 * NDJSON event stream.
 */
import { ChatRequestSchema, NDJSON_CONTENT_TYPE } from "@coach/contracts/bridge";
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { parseBody } from "../http/parse-body";
import { chatStream } from "../rag/chat-stream";
import type { BridgeServices } from "../services";

/** Sub-app with the chat route. */
export function chatRoutes(services: BridgeServices): Hono<AppEnv> {
  return new Hono<AppEnv>().post("/v1/chat", async (c) => {
    const arrivedAt = performance.now();
    const request = await parseBody(c, ChatRequestSchema);
    const admission = services.queue.admit({
      tenantId: request.tenant_id,
      priority: request.priority,
      deadlineMs: request.deadline_ms,
      signal: c.req.raw.signal,
    });
    if (!admission.ok) throw admission.error;
    const body = chatStream(services, request, admission, {
      log: c.get("log"),
      arrivedAt,
      signal: c.req.raw.signal,
    });
    // No Content-Length: the body is streamed and each event is written as soon as it is enqueued.
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": NDJSON_CONTENT_TYPE,
        "Cache-Control": "no-store",
        "X-Accel-Buffering": "no",
      },
    });
  });
}

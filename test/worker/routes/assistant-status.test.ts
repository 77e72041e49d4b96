// GET /api/v1/assistant/status: whether the coach's home server answers, and whether a language model
// or the built-in answerer (quoting the material) writes the answers, read from the bridge's /health.
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";

let ws: SeededWorkspace;

beforeAll(async () => {
  ws = await seedWorkspace();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Answers the bridge's /health as `answer` does; every other call goes through. */
function stubHealth(answer: () => Response): void {
  const real = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (request.url === `${env.BRIDGE_URL}/health`) return answer();
    return real(input, init);
  });
}

function status(token = ws.members.viewer.token): Promise<Response> {
  return call("/api/v1/assistant/status", { token });
}

describe("GET /api/v1/assistant/status", () => {
  it("says the bridge answers with a language model (the test bridge runs Ollama's protocol)", async () => {
    const res = await status();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ reachable: true, mode: "ollama", status: "ok" });
  });

  it("says when the built-in answerer writes the answers, also from a degraded bridge", async () => {
    const health = {
      status: "degraded",
      mode: "builtin",
      ollama: { reachable: false, models_present: false },
      chroma: { reachable: true },
      queue: { depth: 0, running: 0, concurrency: 1, draining: false },
    };
    stubHealth(() => Response.json(health, { status: 503 }));
    expect(await (await status()).json()).toEqual({
      reachable: true,
      mode: "builtin",
      status: "degraded",
    });
  });

  it("says the bridge is unreachable when it cannot be reached or answers something else", async () => {
    stubHealth(() => {
      throw new TypeError("fetch failed");
    });
    expect(await (await status()).json()).toEqual({ reachable: false, mode: null, status: null });
    vi.restoreAllMocks();
    stubHealth(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(await (await status()).json()).toEqual({ reachable: false, mode: null, status: null });
  });

  it("is for signed-in members of the workspace", async () => {
    expect((await call("/api/v1/assistant/status")).status).toBe(401);
  });
});

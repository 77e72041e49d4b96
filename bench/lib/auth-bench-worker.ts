// Runs inside workerd for the auth benchmarks: times access-token verification and Argon2id password
// verification with the app's own code, so the figures are workerd's, not Node's.
import { signAccessToken, verifyAccessToken } from "../../worker/auth/access-token";
import { hashPassword, PRODUCTION_PARAMS, verifyPassword } from "../../worker/auth/argon2";

type BenchEnv = Pick<
  Env,
  "JWT_PRIVATE_KEY" | "JWT_PREVIOUS_PUBLIC_KEYS" | "JWT_ISSUER" | "JWT_AUDIENCE"
>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function benchVerify(env: BenchEnv, batches: number, batchSize: number) {
  const token = await signAccessToken(env, {
    userId: "u1",
    tenantId: "t1",
    role: "owner",
    sessionId: "s1",
  });
  for (let i = 0; i < 200; i++) await verifyAccessToken(env, token);
  const perVerification: number[] = [];
  for (let b = 0; b < batches; b++) {
    const started = performance.now();
    for (let i = 0; i < batchSize; i++) await verifyAccessToken(env, token);
    perVerification.push((performance.now() - started) / batchSize);
  }
  return {
    batches,
    batch_size: batchSize,
    median_ms: median(perVerification),
    min_ms: Math.min(...perVerification),
    max_ms: Math.max(...perVerification),
  };
}

async function benchHash(runs: number) {
  const stored = await hashPassword("benchmark password 1", PRODUCTION_PARAMS);
  await verifyPassword("benchmark password 1", stored);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await verifyPassword("benchmark password 1", stored);
    times.push(performance.now() - started);
  }
  return { runs, params: PRODUCTION_PARAMS, median_ms: median(times) };
}

export default {
  async fetch(request: Request, env: BenchEnv): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/verify")
      return Response.json(
        await benchVerify(env, Number(url.searchParams.get("batches") ?? 40), 50),
      );
    if (url.pathname === "/hash")
      return Response.json(await benchHash(Number(url.searchParams.get("runs") ?? 30)));
    return new Response("not found", { status: 404 });
  },
} satisfies ExportedHandler<BenchEnv>;

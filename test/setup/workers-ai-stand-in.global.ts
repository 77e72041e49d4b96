// Vitest global setup (Node side): the Workers AI REST API stand-in for the whole edge run, on the port
// vitest.config.ts chose and handed to the Worker as WORKERS_AI_URL, accepting its account and token.
import { startWorkersAiStandIn } from "../support/workers-ai-stand-in";

export default async function setup(): Promise<() => Promise<void>> {
  return startWorkersAiStandIn(
    Number(process.env.EDGE_TEST_WORKERS_AI_PORT),
    String(process.env.EDGE_TEST_WORKERS_AI_ACCOUNT),
    String(process.env.EDGE_TEST_WORKERS_AI_TOKEN),
  );
}

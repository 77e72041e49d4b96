// Vitest global setup (Node side): the push-service stand-in for the whole edge run, on the port
// vitest.config.ts chose and handed to the Worker as TEST_PUSH_SERVICE_URL.
import { startPushStandIn } from "../support/push-stand-in";

export default async function setup(): Promise<() => Promise<void>> {
  return startPushStandIn(Number(process.env.EDGE_TEST_PUSH_PORT));
}

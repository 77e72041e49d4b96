// Vitest global setup (Node side): the outgoing-webhook receiver for the whole edge run, on the port
// vitest.config.ts chose and handed to the Worker as TEST_WEBHOOK_RECEIVER_URL.
import { startWebhookReceiver } from "../support/webhook-receiver";

export default async function setup(): Promise<() => Promise<void>> {
  return startWebhookReceiver(Number(process.env.EDGE_TEST_WEBHOOK_PORT));
}

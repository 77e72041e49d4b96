// Vitest global setup (Node side): the Telegram Bot API and Graph stand-ins for the whole edge run, on
// the ports vitest.config.ts chose and handed to the Worker as TELEGRAM_API_ROOT / WHATSAPP_GRAPH_URL.
import { startGraphStandIn } from "../support/graph-stand-in";
import { startTelegramStandIn } from "../support/telegram-stand-in";

export default async function setup(): Promise<() => Promise<void>> {
  const stopTelegram = await startTelegramStandIn(Number(process.env.EDGE_TEST_TELEGRAM_PORT));
  const stopGraph = await startGraphStandIn(Number(process.env.EDGE_TEST_GRAPH_PORT));
  return async () => {
    await stopTelegram();
    await stopGraph();
  };
}

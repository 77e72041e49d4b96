// A message the platform did not take: logged, and shown to the creator as the channel's last error.
import { touchChannel } from "../db/channel-directory";
import { describeError, type Logger } from "../lib/logger";
import type { SenderTarget } from "./channel-sender";

export async function reportSendFailure(
  env: Pick<Env, "DB">,
  target: SenderTarget,
  logger: Logger,
  what: string,
  err: unknown,
): Promise<void> {
  logger.error(`${target.channel} ${what} failed`, {
    channel_id: target.channelId,
    ...describeError(err),
  });
  const message = err instanceof Error ? err.message : String(err);
  await touchChannel(env.DB, target.tenantId, target.channelId, {
    lastError: `${what}: ${message}`.slice(0, 500),
  });
}

// A ChannelPost as a room builds it (its retries in the room's SQLite, its alarm), inside a fresh
// ConversationRoom, for tests that drive a channel delivery without a whole conversation.
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { AlarmSchedule } from "../../durable-objects/room/alarm-schedule";
import { ChannelPost } from "../../durable-objects/room/channel-post";
import { ChannelRetries } from "../../durable-objects/room/channel-retries";
import { ChannelSenders } from "../../durable-objects/room/channel-senders";
import { createLogger, type Logger } from "../../worker/lib/logger";

export type PostKit = {
  post: ChannelPost;
  senders: ChannelSenders;
  retries: ChannelRetries;
  logger: Logger;
};

export function withChannelPost<T>(work: (kit: PostKit) => Promise<T>): Promise<T> {
  const room = env.CONVERSATION_ROOM.get(
    env.CONVERSATION_ROOM.idFromName(`post-${crypto.randomUUID()}`),
  );
  return runInDurableObject(room, async (_instance, state) => {
    const logger = createLogger({}, "error");
    const senders = new ChannelSenders(env, logger);
    const retries = new ChannelRetries(state.storage.sql);
    const post = new ChannelPost({
      env,
      senders,
      retries,
      alarms: new AlarmSchedule(state.storage),
      logger,
    });
    return work({ post, senders, retries, logger });
  });
}

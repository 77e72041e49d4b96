// What acting on one verified webhook call of a channel needs, whatever the platform: the channel it
// came in on (and so its tenant), its decrypted credentials, the edge's bindings, the request's logger,
// and a way to do the work after the platform has its 200.
import type { ChannelEntry } from "../db/channel-directory";
import type { Logger } from "../lib/logger";

export type WebhookDeps<Config> = {
  env: Env;
  channel: ChannelEntry;
  config: Config;
  logger: Logger;
  /** Runs `work` after the webhook has been acknowledged (executionCtx.waitUntil). */
  defer: (work: () => Promise<unknown>) => void;
};

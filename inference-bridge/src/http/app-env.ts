/**
 * Hono environment of the bridge: typed context variables set by middleware, read by handlers.
 */
import type { Logger } from "../logger";

/** `requestId` and `log` are set by the request-context middleware for every request. */
export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
  };
};

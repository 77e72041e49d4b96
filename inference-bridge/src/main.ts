/**
 * Entry point: parse configuration, wire the bridge, serve HTTP, and shut down gracefully on SIGTERM or
 * SIGINT (stop accepting, drain the queue, close the server and the Chroma child).
 */
import { createBridge, StartupError } from "./bootstrap";
import { ConfigError, loadConfig, type Config } from "./config";
import { Logger } from "./logger";
import { createApp, startServer } from "./server";

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = new Logger(config.BRIDGE_LOG_LEVEL);
  let bridge;
  try {
    bridge = await createBridge(config, logger);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    logger.error(error.message);
    process.exit(1);
  }
  const server = await startServer(createApp(bridge.services), {
    hostname: config.BRIDGE_HOST,
    port: config.BRIDGE_PORT,
  });
  logger.info("bridge listening", {
    host: config.BRIDGE_HOST,
    port: server.port,
    mode: bridge.services.mode,
    concurrency: config.OLLAMA_NUM_PARALLEL,
  });

  let stoppingSince: number | undefined;
  const shutdown = async (signal: string): Promise<void> => {
    if (stoppingSince !== undefined) {
      // npm, tsx and a terminal may each deliver the same Ctrl-C or stop; only a later, deliberate
      // second signal skips the drain.
      if (Date.now() - stoppingSince < 1000) return;
      logger.warn("second signal, exiting without finishing the drain", { signal });
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info("shutting down", { signal, ...bridge.services.queue.stats() });
    const closed = server.close();
    await bridge.services.queue.drain(config.BRIDGE_DRAIN_TIMEOUT_MS);
    await closed;
    await bridge.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", (signal) => void shutdown(signal));
  process.on("SIGINT", (signal) => void shutdown(signal));
}

await main();

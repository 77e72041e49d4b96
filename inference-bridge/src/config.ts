/**
 * Bridge configuration, read once from the environment at start.
 *
 * Every variable is validated with zod; the first bad one stops the process with one sentence naming it
 * and saying what it should be, so an operator never has to read a stack trace to fix a typo.
 */
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().min(1);
const httpUrl = z.url({ protocol: /^https?$/ });

/** Variable name → schema and the human description used in error messages. */
const variables = {
  BRIDGE_PORT: { schema: port.default(8788), expect: "a TCP port number between 0 and 65535" },
  BRIDGE_HOST: {
    schema: z.string().min(1).default("127.0.0.1"),
    expect: "a host name or IP address to listen on",
  },
  BRIDGE_SECRET: {
    schema: z.string().min(32),
    expect: "the shared HMAC secret, at least 32 characters long",
  },
  BRIDGE_DATA_DIR: {
    schema: z.string().min(1).default(".data"),
    expect: "a writable directory path",
  },
  BRIDGE_LANGUAGE_DIR: {
    schema: z.string().min(1).optional(),
    expect:
      "a writable directory for the word-vector and synonym files, or unset for BRIDGE_DATA_DIR/language",
  },
  BRIDGE_LOG_LEVEL: {
    schema: z.enum(["debug", "info", "warn", "error"]).default("info"),
    expect: "one of debug, info, warn, error",
  },
  OLLAMA_HOST: {
    schema: httpUrl.default("http://127.0.0.1:11434"),
    expect: "an http(s) URL such as http://127.0.0.1:11434",
  },
  OLLAMA_NUM_PARALLEL: {
    schema: positiveInt.max(64).default(1),
    expect: "an integer between 1 and 64",
  },
  OLLAMA_KEEP_ALIVE: {
    schema: z
      .string()
      .regex(/^-?\d+(ms|s|m|h)?$/)
      .default("30m"),
    expect: 'a duration such as "30m", "1h", "-1" or "0"',
  },
  OLLAMA_NUM_CTX: {
    schema: positiveInt.min(1024).max(131_072).default(4096),
    expect:
      "the model's context window in tokens, e.g. 4096 (one value, so Ollama never reloads the model)",
  },
  OLLAMA_NUM_PREDICT: {
    schema: positiveInt.min(64).max(8192).default(512),
    expect: "the most tokens an answer may take, e.g. 512",
  },
  CHAT_MODEL: {
    schema: z.string().min(1).default("llama3.2:1b"),
    expect: "an Ollama model name such as llama3.2:1b",
  },
  EMBED_MODEL: {
    schema: z.string().min(1).default("nomic-embed-text"),
    expect: "an Ollama embedding model name such as nomic-embed-text",
  },
  BRIDGE_BACKEND: {
    schema: z.enum(["auto", "ollama", "builtin"]).default("auto"),
    expect: "one of auto, ollama, builtin",
  },
  CHROMA_URL: {
    schema: httpUrl.optional(),
    expect: "an http(s) URL of a running Chroma server, or unset to start one",
  },
  CHROMA_PORT: {
    schema: port.default(8000),
    expect: "a TCP port number for the Chroma server the bridge starts",
  },
  BRIDGE_QUEUE_MAX_WAIT_MS: {
    schema: positiveInt.default(30_000),
    expect: "a positive number of milliseconds",
  },
  BRIDGE_QUEUE_MAX_DEPTH: { schema: positiveInt.default(256), expect: "a positive integer" },
  BRIDGE_QUEUE_TENANT_MAX_DEPTH: { schema: positiveInt.default(16), expect: "a positive integer" },
  BRIDGE_QUEUE_AGING_MS: {
    schema: positiveInt.default(10_000),
    expect: "a positive number of milliseconds",
  },
  BRIDGE_DRAIN_TIMEOUT_MS: {
    schema: positiveInt.default(30_000),
    expect: "a positive number of milliseconds",
  },
  EDGE_CALLBACK_URL: {
    schema: httpUrl.optional(),
    expect:
      "the edge's origin for signed status callbacks, such as https://api.example.com, or unset",
  },
  INGEST_PARSE_DEADLINE_MS: {
    schema: positiveInt.default(20_000),
    expect: "a positive number of milliseconds",
  },
  INGEST_PARSE_MAX_HEAP_MB: {
    schema: positiveInt.min(64).max(4096).default(512),
    expect: "a heap size in MB between 64 and 4096",
  },
  METRICS_TOKEN: {
    schema: z.string().min(32).optional(),
    expect: "at least 32 characters (e.g. openssl rand -hex 32), or unset",
  },
  CF_ACCESS_TEAM_DOMAIN: {
    schema: z
      .string()
      .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)
      .optional(),
    expect: "a host name such as myteam.cloudflareaccess.com, or unset",
  },
  CF_ACCESS_AUD: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9]{16,128}$/)
      .optional(),
    expect: "the Access application's AUD tag, or unset",
  },
} as const;

type Variables = typeof variables;

/** Parsed configuration, keyed by variable name. */
export type Config = { [K in keyof Variables]: z.output<Variables[K]["schema"]> };

/** Thrown when a variable is missing or malformed; `message` is the one sentence to print. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses the environment. Empty strings count as unset, as shells often export `VAR=`. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed: Record<string, unknown> = {};
  for (const [name, { schema, expect }] of Object.entries(variables)) {
    const raw = env[name] === "" ? undefined : env[name];
    const result = schema.safeParse(raw);
    if (!result.success) {
      const problem = raw === undefined ? "is missing" : `is ${JSON.stringify(raw)}`;
      throw new ConfigError(name, `${name} ${problem}; it should be ${expect}.`);
    }
    parsed[name] = result.data;
  }
  // The loop above validated every key against its own schema, so the assembled object has type Config.
  const config = parsed as Config;
  if (config.CF_ACCESS_TEAM_DOMAIN !== undefined && config.CF_ACCESS_AUD === undefined) {
    throw new ConfigError(
      "CF_ACCESS_AUD",
      "CF_ACCESS_AUD is missing; it should be the Access application's AUD tag whenever CF_ACCESS_TEAM_DOMAIN is set.",
    );
  }
  return config;
}

/**
 * Configuration parsing: defaults, and one sentence naming the variable for each bad value.
 */
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config";

const SECRET = "k".repeat(32);

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("loadConfig accepted the environment");
}

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig({ BRIDGE_SECRET: SECRET });
    expect(config).toMatchObject({
      BRIDGE_PORT: 8788,
      BRIDGE_HOST: "127.0.0.1",
      OLLAMA_HOST: "http://127.0.0.1:11434",
      OLLAMA_NUM_PARALLEL: 1,
      OLLAMA_KEEP_ALIVE: "30m",
      CHAT_MODEL: "llama3.2:1b",
      EMBED_MODEL: "nomic-embed-text",
      CHROMA_URL: undefined,
    });
  });

  it("names BRIDGE_SECRET when it is missing", () => {
    const error = errorOf({});
    expect(error.variable).toBe("BRIDGE_SECRET");
    expect(error.message).toBe(
      "BRIDGE_SECRET is missing; it should be the shared HMAC secret, at least 32 characters long.",
    );
  });

  it("refuses a BRIDGE_SECRET shorter than 32 characters", () => {
    expect(errorOf({ BRIDGE_SECRET: "short" }).variable).toBe("BRIDGE_SECRET");
  });

  it("names BRIDGE_PORT when it is not a port", () => {
    const error = errorOf({ BRIDGE_SECRET: SECRET, BRIDGE_PORT: "http" });
    expect(error.message).toBe(
      'BRIDGE_PORT is "http"; it should be a TCP port number between 0 and 65535.',
    );
  });

  it("names OLLAMA_HOST when it is not a URL", () => {
    expect(errorOf({ BRIDGE_SECRET: SECRET, OLLAMA_HOST: "localhost:11434" }).variable).toBe(
      "OLLAMA_HOST",
    );
  });

  it("names OLLAMA_NUM_PARALLEL when it is zero", () => {
    expect(errorOf({ BRIDGE_SECRET: SECRET, OLLAMA_NUM_PARALLEL: "0" }).variable).toBe(
      "OLLAMA_NUM_PARALLEL",
    );
  });

  it("names OLLAMA_KEEP_ALIVE when it is not a duration", () => {
    expect(errorOf({ BRIDGE_SECRET: SECRET, OLLAMA_KEEP_ALIVE: "forever" }).variable).toBe(
      "OLLAMA_KEEP_ALIVE",
    );
  });

  it("names CHROMA_URL when it is not an http URL", () => {
    expect(errorOf({ BRIDGE_SECRET: SECRET, CHROMA_URL: "ftp://x" }).variable).toBe("CHROMA_URL");
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ BRIDGE_SECRET: SECRET, BRIDGE_PORT: "" }).BRIDGE_PORT).toBe(8788);
  });

  it("writes exactly one sentence", () => {
    const message = errorOf({ BRIDGE_SECRET: SECRET, BRIDGE_QUEUE_MAX_WAIT_MS: "-5" }).message;
    expect(message.match(/\.(\s|$)/g)).toHaveLength(1);
    expect(message.startsWith("BRIDGE_QUEUE_MAX_WAIT_MS ")).toBe(true);
  });

  it("requires CF_ACCESS_AUD when CF_ACCESS_TEAM_DOMAIN is set", () => {
    expect(
      errorOf({ BRIDGE_SECRET: SECRET, CF_ACCESS_TEAM_DOMAIN: "coach.cloudflareaccess.com" })
        .variable,
    ).toBe("CF_ACCESS_AUD");
  });
});

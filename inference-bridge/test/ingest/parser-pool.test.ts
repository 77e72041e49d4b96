/**
 * The parser process's life: it is ended when it outgrows its memory cap, replaced after a death,
 * ended when idle, never handed the bridge's secrets, and never outlives the bridge.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, inject, it } from "vitest";
import { ParserPool } from "../../src/ingest/parse-in-worker";
import { startBridgeProcess } from "../support/bridge-process";
import { makeDocx, makePdf } from "../support/document-fixtures";
import { postOriginal } from "../support/ingest-client";
import { uniqueTenant } from "../support/harness";

const pools: ParserPool[] = [];
function pool(limits: Partial<ConstructorParameters<typeof ParserPool>[0]> = {}): ParserPool {
  const created = new ParserPool({ deadlineMs: 20_000, maxHeapMb: 256, ...limits });
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return condition();
}

describe("the parser process", () => {
  it(
    "is ended when its resident memory passes the cap, and the next file gets a fresh one",
    { timeout: 60_000 },
    async () => {
      const parser = pool({ maxRssMb: 200 });
      await parser.warm();
      const first = parser.pid;
      const heavy = makeDocx(
        Array.from({ length: 30_000 }, (_, i) => ({
          text: `Paragraph ${i} of a long manual about morning routines.`,
        })),
      );
      await expect(parser.parse("docx", heavy)).rejects.toMatchObject({
        code: "parse_out_of_memory",
        status: 413,
      });
      const next = await parser.parse("pdf", makePdf([["Still reading"]]));
      expect(next.blocks[0]?.text).toBe("Still reading");
      expect(parser.pid).not.toBe(first);
    },
  );

  it("exits when idle, and starts again for the next file", { timeout: 30_000 }, async () => {
    const parser = pool({ idleMs: 200 });
    await parser.parse("pdf", makePdf([["One"]]));
    const pid = parser.pid ?? 0;
    expect(await until(() => !alive(pid))).toBe(true);
    expect(parser.pid).toBeUndefined();
    expect((await parser.parse("pdf", makePdf([["Two"]]))).blocks[0]?.text).toBe("Two");
  });

  it("is not given the bridge's environment (no secret to leak)", { timeout: 30_000 }, async () => {
    process.env.BRIDGE_SECRET_PROBE = "never-in-the-parser";
    const parser = pool();
    await parser.warm();
    delete process.env.BRIDGE_SECRET_PROBE;
    expect(readFileSync(`/proc/${parser.pid}/environ`, "utf8")).not.toContain(
      "never-in-the-parser",
    );
  });

  it("exits when the bridge dies without a chance to stop it", { timeout: 60_000 }, async () => {
    const bridge = await startBridgeProcess({
      CHROMA_URL: inject("chromaUrl"),
      BRIDGE_BACKEND: "builtin",
    });
    expect(
      (
        await postOriginal(bridge.url, {
          tenant: uniqueTenant(),
          document: "d",
          kind: "pdf",
          bytes: makePdf([["Hi"]]),
        })
      ).status,
    ).toBe(202);
    const children = readFileSync(
      `/proc/${bridge.child.pid}/task/${bridge.child.pid}/children`,
      "utf8",
    )
      .trim()
      .split(/\s+/)
      .map(Number);
    const parser = children.find((pid) =>
      readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("parse-worker"),
    );
    expect(parser).toBeDefined();
    bridge.child.kill("SIGKILL");
    expect(await until(() => !alive(parser ?? 0))).toBe(true);
  });
});

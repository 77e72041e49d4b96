// Bad input on the conversation socket: for every client frame type of the protocol (enumerated from
// ClientFrameSchema, so new types are fuzzed too) frames with that type and fields of every kind, plus
// frames that are not frames at all (arbitrary JSON, text that is not JSON, binary, huge). The room must
// stay up (the socket open, a ping still answered), and every `error` frame must carry a code other than
// `internal_error`. Cases per frame type: PROOF_CASES (see support/proof-cases.ts).
import { ClientFrameSchema, type ServerFrame } from "@coach/contracts/socket";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, openSession, SocketClient } from "../support/widget-client";
import { anyJson, edgeString, nearValid } from "./support/arbitraries";
import { proofCases, reportProof } from "./support/proof-cases";

const CASES = proofCases(30);
const BATCH = 50;
const tally = { frame_types: 0, frames: 0, error_frames: 0, internal_errors: 0, uncoded_errors: 0, socket_closes: 0, codes: {} as Record<string, number> };

type Sendable = string | ArrayBuffer;

/** Every frame type of the protocol with the field names of its schema. */
function frameTypes(): { type: string; fields: string[] }[] {
  return ClientFrameSchema.options.map((option) => {
    const { type, ...rest } = option.shape;
    return { type: String(type.value), fields: Object.keys(rest) };
  });
}

const notAFrame: fc.Arbitrary<Sendable> = fc.oneof(
  anyJson.map((value) => JSON.stringify(value) ?? "null"),
  edgeString,
  fc.uint8Array({ maxLength: 256 }).map((bytes) => bytes.slice().buffer as ArrayBuffer),
  fc.constantFrom("{", '{"type":', '{"type":"message","client_id":"abcdefgh","text":', "x".repeat(900_000)),
);

/** The room's frame limit (durable-objects/room/parse-frame.ts): longer frames are refused unread. */
const MAX_FRAME_CHARS = 16_384;

/** Whether the room answers `frame` with a pong (a valid ping among the fuzzed frames). */
function isPing(frame: Sendable): boolean {
  if (typeof frame !== "string" || frame.length > MAX_FRAME_CHARS) return false;
  try {
    return ClientFrameSchema.safeParse(JSON.parse(frame)).data?.type === "ping";
  } catch {
    return false;
  }
}

/**
 * What the room answered, counted as it arrives. The client's own frame list is emptied after every
 * batch: at 10,000 cases per type (each valid `hello` replaying the log) it grew past 100,000 frames,
 * and scanning it on every arrival made the client, not the room, too slow to see its pongs in time.
 */
const answered = { pongs: 0, errors: [] as Extract<ServerFrame, { type: "error" }>[] };
let pongsExpected = 0;
let pongWaiter: { count: number; resolve: () => void } | null = null;

function noteAnswer(frame: ServerFrame): void {
  if (frame.type === "error") answered.errors.push(frame);
  if (frame.type !== "pong") return;
  answered.pongs++;
  if (pongWaiter && answered.pongs >= pongWaiter.count) pongWaiter.resolve();
}

/** Resolves once `count` pongs have arrived in all; fails after `timeoutMs`. */
function pongs(count: number, timeoutMs: number): Promise<void> {
  if (answered.pongs >= count) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${answered.pongs} of ${count} pongs within ${timeoutMs} ms`)), timeoutMs);
    pongWaiter = {
      count,
      resolve: () => {
        clearTimeout(timer);
        pongWaiter = null;
        resolve();
      },
    };
  });
}

/** Sends `frames` in batches, each followed by a ping that must be answered: the room is still there. */
async function sendAll(client: SocketClient, frames: Sendable[]): Promise<void> {
  for (let i = 0; i < frames.length; i += BATCH) {
    const batch = frames.slice(i, i + BATCH);
    for (const frame of batch) client.ws.send(frame);
    pongsExpected += batch.filter(isPing).length + 1;
    client.send({ type: "ping" });
    const expected = pongsExpected;
    await pongs(expected, 20_000);
    pongsExpected = answered.pongs;
    client.frames.length = 0;
    tally.frames += batch.length;
  }
}

let client: SocketClient;
let closes = 0;

beforeAll(async () => {
  client = await SocketClient.connect(await openSession(await createWorkspace()));
  client.ws.addEventListener("message", (event) => noteAnswer(JSON.parse(String(event.data)) as ServerFrame));
  client.ws.addEventListener("close", () => {
    closes++;
  });
});

afterAll(() => {
  for (const frame of answered.errors) {
    tally.error_frames++;
    tally.codes[frame.code] = (tally.codes[frame.code] ?? 0) + 1;
    if (frame.code === "internal_error") tally.internal_errors++;
    if (typeof frame.code !== "string" || frame.code === "") tally.uncoded_errors++;
  }
  tally.socket_closes = closes;
  reportProof("socket-frames", { cases_per_type: CASES, ...tally });
  client.close();
});

describe("every socket frame under fuzzing", () => {
  it("finds the frame types in the protocol's schema", () => {
    expect(frameTypes().map((t) => t.type)).toEqual(expect.arrayContaining(["hello", "message", "ping"]));
  });

  for (const { type, fields } of frameTypes()) {
    it(`"${type}" frames with fields of every kind keep the room up and are refused with a code`, { timeout: 60_000 + CASES * 300 }, async () => {
      tally.frame_types++;
      const frames = fc.sample(nearValid(fields).map((body) => JSON.stringify({ ...body, type })), CASES);
      await sendAll(client, frames);
      expect(closes).toBe(0);
      expect(answered.errors.filter((f) => f.code === "internal_error" || typeof f.code !== "string" || f.code === "")).toEqual([]);
    });
  }

  it("frames that are not frames (any JSON, not JSON, binary, huge) keep the room up and are refused with a code", { timeout: 60_000 + CASES * 300 }, async () => {
    const before = answered.errors.length;
    const frames = fc.sample(notAFrame, CASES);
    await sendAll(client, frames);
    expect(closes).toBe(0);
    const errors = answered.errors.slice(before);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((f) => f.code === "internal_error" || typeof f.code !== "string" || f.code === "")).toEqual([]);
  });
});

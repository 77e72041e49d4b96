// Bad input on the conversation socket: for every client frame type of the protocol (enumerated from
// ClientFrameSchema, so new types are fuzzed too) frames with that type and fields of every kind, plus
// frames that are not frames at all (arbitrary JSON, text that is not JSON, binary, huge).
// Two properties per type. Within the room's rate limits (worker/lib/rate-limits.ts: each batch is
// sent on a fresh socket and is no larger than its kind's burst), every frame gets its own treatment:
// the socket stays open, a ping after the batch is answered, and every `error` frame carries a code
// other than `internal_error`. As a flood (all cases at once on one socket), frames beyond the limits
// are refused with `rate_limited`, the socket is closed with the documented 4429 or not at all, never
// an internal error, and the room still welcomes a new socket. Cases per frame type: PROOF_CASES.
import { ClientFrameSchema, SOCKET_CLOSE_CODES, type ServerFrame } from "@coach/contracts/socket";
import type { WidgetSessionResponse } from "@coach/contracts/widget";
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { rateLimits, type SocketFrameKind } from "../../worker/lib/rate-limits";
import {
  createWorkspace,
  openSession,
  ROOM_PING,
  SocketClient,
  type Workspace,
} from "../support/widget-client";
import { anyJson, edgeString, nearValid } from "./support/arbitraries";
import { proofCases, reportProof } from "./support/proof-cases";

const CASES = proofCases(30);
/** A visitor may open 30 sockets on a conversation in a burst; a new session (a new room) well before. */
const SOCKETS_PER_SESSION = 15;
/** Messages have their own limit per visitor and conversation; refused ones count towards a flood at 20. */
const MESSAGE_BATCH = 10;
const tally = {
  frame_types: 0,
  frames: 0,
  error_frames: 0,
  internal_errors: 0,
  uncoded_errors: 0,
  socket_closes: 0,
  flood_frames: 0,
  flood_closes: 0,
  sockets: 0,
  codes: {} as Record<string, number>,
};

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
  fc.constantFrom(
    "{",
    '{"type":',
    '{"type":"message","client_id":"abcdefgh","text":',
    "x".repeat(900_000),
  ),
);

/**
 * How many frames of this type one socket may send in a burst: a message batch stays under the flood
 * threshold, a hello batch leaves room for the socket's own hello, any other for the closing ping. A
 * fuzzed frame of another kind (one that fails validation) draws on the `invalid` bucket, which is
 * never smaller than these.
 */
function batchSize(type: string): number {
  if (type === "message") return MESSAGE_BATCH;
  const limits = rateLimits(env).socketFrames;
  const kind = (type in limits ? type : "invalid") as SocketFrameKind;
  const burst = Math.min(limits[kind].capacity, limits.invalid.capacity);
  return Math.max(1, Math.floor(burst) - (kind === "hello" || kind === "ping" ? 1 : 0));
}

/**
 * Each frame a client sent reaches the room as its own event, also after the room closed the socket;
 * workerd here delivers one in about a millisecond, so a room reads a 10,000-frame flood for seconds
 * before it can welcome the next socket.
 */
const QUEUED_FRAME_MS = 2;

/** Fresh sockets for the fuzzing, a new session (and room) every SOCKETS_PER_SESSION or after a flood. */
class Sockets {
  private workspace: Workspace | null = null;
  private session: WidgetSessionResponse | null = null;
  private used = 0;

  /** The next socket opens a new session (a room with no flood still queued). */
  fresh(): void {
    this.session = null;
  }

  async next(welcomeWithinMs?: number): Promise<SocketClient> {
    this.workspace ??= await createWorkspace();
    if (!this.session || this.used >= SOCKETS_PER_SESSION) {
      this.session = await openSession(this.workspace);
      this.used = 0;
    }
    this.used++;
    tally.sockets++;
    return SocketClient.connect(this.session, 0, welcomeWithinMs);
  }
}

const sockets = new Sockets();

function noteErrors(frames: ServerFrame[]): Extract<ServerFrame, { type: "error" }>[] {
  const errors = frames.filter(
    (f): f is Extract<ServerFrame, { type: "error" }> => f.type === "error",
  );
  for (const frame of errors) {
    tally.error_frames++;
    tally.codes[frame.code] = (tally.codes[frame.code] ?? 0) + 1;
    if (frame.code === "internal_error") tally.internal_errors++;
    if (typeof frame.code !== "string" || frame.code === "") tally.uncoded_errors++;
  }
  return errors.filter(
    (f) => f.code === "internal_error" || typeof f.code !== "string" || f.code === "",
  );
}

/** Resolves with the socket's close code, or null once `answered` holds (or after 20 s, which the caller judges). */
function closeOr(
  client: SocketClient,
  closed: Promise<number>,
  answered: (frame: ServerFrame) => boolean,
): Promise<number | null> {
  return Promise.race([
    closed,
    client.next(answered, 20_000).then(
      () => null,
      () => null,
    ),
  ]);
}

function closeCode(client: SocketClient): Promise<number> {
  return new Promise<number>((resolve) =>
    client.ws.addEventListener("close", (event) => resolve(event.code)),
  );
}

/**
 * Sends each batch on a fresh socket, then a ping that must be answered on it: nothing was dropped, and
 * nothing refused for its rate, except messages, whose own limit (per visitor and conversation) the
 * fuzzed ones may reach.
 */
async function sendWithinLimits(
  frames: Sendable[],
  batch: number,
  messages = false,
): Promise<Extract<ServerFrame, { type: "error" }>[]> {
  const bad: Extract<ServerFrame, { type: "error" }>[] = [];
  for (let i = 0; i < frames.length; i += batch) {
    const client = await sockets.next();
    const closed = closeCode(client);
    const part = frames.slice(i, i + batch);
    for (const frame of part) client.ws.send(frame);
    client.ws.send(ROOM_PING);
    const code = await closeOr(
      client,
      closed,
      (f) => f.type === "pong" && client.of("pong").length > part.filter(isPing).length,
    );
    if (code !== null || client.of("pong").length <= part.filter(isPing).length)
      tally.socket_closes++;
    bad.push(
      ...noteErrors(client.frames),
      ...(messages ? [] : client.of("error").filter((f) => f.code === "rate_limited")),
    );
    tally.frames += part.length;
    client.close();
  }
  return bad;
}

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
 * Sends every frame at once on one socket, then a barrier of another kind (its bucket untouched by the
 * flood): once the barrier is answered, every frame before it has been handled. Answers the socket's
 * close code (null when it stayed open) and the errors that should not be.
 */
async function flood(
  type: string,
  frames: Sendable[],
): Promise<{ code: number | null; bad: Extract<ServerFrame, { type: "error" }>[] }> {
  const client = await sockets.next();
  const closed = closeCode(client);
  const welcomes = client.of("welcome").length;
  for (const frame of frames) client.ws.send(frame);
  const hello = type === "ping";
  if (hello) client.send({ type: "hello", last_seq: 0 });
  else client.ws.send(ROOM_PING);
  const code = await closeOr(client, closed, (f) =>
    hello ? f.type === "welcome" && client.of("welcome").length > welcomes : f.type === "pong",
  );
  tally.flood_frames += frames.length;
  if (code !== null) tally.flood_closes++;
  const bad = noteErrors(client.frames);
  client.close();
  return { code, bad };
}

afterAll(() => {
  reportProof("socket-frames", { cases_per_type: CASES, ...tally });
});

describe("every socket frame under fuzzing", () => {
  it("finds the frame types in the protocol's schema", () => {
    expect(frameTypes().map((t) => t.type)).toEqual(
      expect.arrayContaining(["hello", "message", "ping"]),
    );
  });

  for (const { type, fields } of frameTypes()) {
    it(
      `"${type}" frames with fields of every kind keep the room up and are refused with a code`,
      { timeout: 60_000 + CASES * 300 },
      async () => {
        tally.frame_types++;
        const frames = fc.sample(
          nearValid(fields).map((body) => JSON.stringify({ ...body, type })),
          CASES,
        );
        expect(await sendWithinLimits(frames, batchSize(type), type === "message")).toEqual([]);
        expect(tally.socket_closes).toBe(0);
      },
    );

    it(
      `a flood of "${type}" frames is refused with rate_limited and at most closed with 4429`,
      { timeout: 60_000 + CASES * 300 },
      async () => {
        const frames = fc.sample(
          nearValid(fields).map((body) => JSON.stringify({ ...body, type })),
          CASES,
        );
        const { code, bad } = await flood(type, frames);
        expect(bad).toEqual([]);
        expect([null, SOCKET_CLOSE_CODES.rateLimited]).toContain(code);
        // The flooded room welcomes a new socket once it has read what the flood had queued. The next
        // test starts in a new room whatever happens here, so a failure is this test's alone.
        try {
          const after = await sockets.next(5_000 + frames.length * QUEUED_FRAME_MS);
          after.ws.send(ROOM_PING);
          await after.next((f) => f.type === "pong");
          after.close();
        } finally {
          sockets.fresh();
        }
      },
    );
  }

  it(
    "frames that are not frames (any JSON, not JSON, binary, huge) keep the room up and are refused with a code",
    { timeout: 60_000 + CASES * 300 },
    async () => {
      const before = tally.error_frames;
      const frames = fc.sample(notAFrame, CASES);
      expect(await sendWithinLimits(frames, batchSize("invalid"))).toEqual([]);
      expect(tally.socket_closes).toBe(0);
      expect(tally.error_frames).toBeGreaterThan(before);
    },
  );
});

// Turns a socket message into a validated client frame, or into the error frame that says why not.
// Every inbound frame passes here before the room looks at it.
import { ClientFrameSchema, type ClientFrame, type ServerFrame } from "@coach/contracts/socket";

const MAX_FRAME_CHARS = 16_384;

export type ParsedFrame =
  { ok: true; frame: ClientFrame } | { ok: false; error: Extract<ServerFrame, { type: "error" }> };

/** Validates `data` against the socket protocol. */
export function parseClientFrame(data: string | ArrayBuffer): ParsedFrame {
  if (typeof data !== "string" || data.length > MAX_FRAME_CHARS) {
    return {
      ok: false,
      error: {
        type: "error",
        code: "frame_too_large",
        message: "Frames are JSON text of at most 16 KB.",
      },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return {
      ok: false,
      error: {
        type: "error",
        code: "invalid_json",
        message: "Frames must be JSON objects with a type.",
      },
    };
  }
  const parsed = ClientFrameSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        type: "error",
        code: "invalid_frame",
        message: parsed.error.issues[0]?.message ?? "The frame does not match the protocol.",
      },
    };
  }
  return { ok: true, frame: parsed.data };
}

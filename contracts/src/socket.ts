/**
 * The conversation socket protocol (version 1), shared by the edge, the widget and future clients.
 *
 * Every frame is a JSON object with a `type`. Client frames are validated with `ClientFrameSchema`
 * (safeParse) before anything else happens; server frames are typed by `ServerFrame` and checked with
 * `satisfies` where they are built. Sequence numbers (`seq`) order the stored messages of one
 * conversation; a client resumes by sending the last `seq` it saw.
 */
import { z } from "zod";
import { CitationSchema, GroundingSchema, type Grounding } from "./bridge";

export const SOCKET_PROTOCOL_VERSION = 1;

/** Longest user message accepted, in characters. */
export const MAX_MESSAGE_CHARS = 4000;

/** A client's own id for a message, so a re-sent message is stored once. */
export const ClientMessageIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "8-64 characters of A-Z a-z 0-9 _ -");

/**
 * A button offered under a message (a check-in scale, Done / Partly / Not yet). `id` travels back with
 * the answer; it fits Telegram's 64-byte callback_data. Labels of at most 20 characters fit WhatsApp's
 * reply buttons; longer ones (or more than three) are sent there as a numbered list.
 */
export const QuickReplySchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/, "1-64 characters of A-Z a-z 0-9 _ : . -"),
  label: z.string().trim().min(1).max(40),
});
export type QuickReply = z.infer<typeof QuickReplySchema>;

/** At most this many quick replies under one message. */
export const MAX_QUICK_REPLIES = 10;

/**
 * Close codes the room uses beyond the standard ones; each close is preceded by an `error` frame with
 * the matching code, so a client can tell why.
 */
export const SOCKET_CLOSE_CODES = {
  /** `conversation_erased`: the conversation was erased; start a new session (a new conversation). */
  conversationErased: 4410,
  /** `too_many_sockets`: the conversation already has its maximum of open sockets; the new one is refused. */
  tooManySockets: 4409,
  /** `rate_limited`: the client kept sending after being told to wait, or opened sockets too fast. */
  rateLimited: 4429,
} as const;

export const ClientFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), last_seq: z.number().int().min(0).default(0) }),
  z.object({
    type: z.literal("message"),
    client_id: ClientMessageIdSchema,
    text: z
      .string()
      .trim()
      .min(1, "The message is empty.")
      .max(MAX_MESSAGE_CHARS, `Messages are at most ${MAX_MESSAGE_CHARS} characters.`),
    /** Set when the user pressed a quick reply; `text` is then its label. */
    quick_reply_id: QuickReplySchema.shape.id.optional(),
  }),
  z.object({ type: z.literal("typing") }),
  z.object({ type: z.literal("read"), seq: z.number().int().min(0) }),
  z.object({ type: z.literal("stop") }),
  z.object({ type: z.literal("ping") }),
  /** What the host page knows about the visitor (`CoachWidget.identify`), shown to the creator. */
  z.object({
    type: z.literal("identify"),
    name: z.string().trim().min(1).max(80).optional(),
    email: z.email().max(254).optional(),
  }),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export const MessageRoleSchema = z.enum(["user", "assistant", "creator", "system"]);
export type MessageRole = z.infer<typeof MessageRoleSchema>;

/** How a stored message ended: `stopped` (the user pressed stop), `expired` (no answer in time). */
export const MessageStatusSchema = z.enum(["stored", "complete", "stopped", "expired"]);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

/** A source as clients see it: the bridge's citation without its internal chunk id. */
export const SourceSchema = CitationSchema.omit({ chunk_id: true });
export type Source = z.infer<typeof SourceSchema>;

/** What an answer rests on, as the bridge reports it (defined with the bridge's events). */
export { GroundingSchema, type Grounding } from "./bridge";

/** A stored message as clients see it. */
export const MessageViewSchema = z.object({
  seq: z.number().int(),
  role: MessageRoleSchema,
  text: z.string(),
  status: MessageStatusSchema,
  client_id: z.string().nullable(),
  turn_id: z.string().nullable(),
  citations: z.array(SourceSchema),
  confidence: z.number().nullable(),
  channel: z.string(),
  created_at: z.number(),
  /** Set on messages a person from the creator's team wrote while taking over: "creator" and their name. */
  author_role: z.literal("creator").optional(),
  author_name: z.string().nullable().optional(),
  /**
   * Set on the assistant's answers from the bridge: what the answer rests on, and the model that wrote
   * it (`"builtin"` for the built-in answerer, which quotes the material). Optional: older messages,
   * fixed replies and older servers have neither.
   */
  grounding: GroundingSchema.optional(),
  model: z.string().optional(),
});
export type MessageView = z.infer<typeof MessageViewSchema>;

/** Codes of `notice` frames: what the user should know while waiting. */
export const NoticeCodeSchema = z.enum([
  "queued",
  "coach_busy",
  "coach_offline",
  "answer_will_follow",
  "answer_restarting",
  "answer_expired",
  "stopped",
  /** A person from the creator's team took over the conversation; the assistant pauses. */
  "human_joined",
  /** They handed it back; the assistant answers again. */
  "human_left",
]);
export type NoticeCode = z.infer<typeof NoticeCodeSchema>;

export type ServerFrame =
  | { type: "welcome"; protocol: number; conversation_id: string; last_seq: number }
  | ({ type: "message"; quick_replies?: QuickReply[] } & MessageView)
  | { type: "ack"; client_id: string; seq: number; duplicate: boolean }
  /** `offset` is where `text` starts in the answer, so a client that saw part of it can skip the overlap. */
  | { type: "delta"; turn_id: string; offset: number; text: string }
  /** `citations[n-1]` is the source an answer's text calls `[n]`; `grounding` and `model` as on MessageView. */
  | {
      type: "done";
      turn_id: string;
      seq: number;
      text: string;
      status: MessageStatus;
      citations: Source[];
      confidence: number | null;
      quick_replies?: QuickReply[];
      grounding?: Grounding;
      model?: string;
    }
  | { type: "typing"; role: MessageRole; active: boolean }
  | { type: "presence"; sockets: number }
  | { type: "read"; seq: number }
  /** `author_name` names the person who joined (`human_joined`). */
  | {
      type: "notice";
      code: NoticeCode;
      message: string;
      turn_id?: string;
      position?: number;
      estimated_wait_ms?: number;
      retry_at?: number;
      author_name?: string;
    }
  /** `client_id` names the message an error refused, when it was one. */
  | { type: "error"; code: string; message: string; retry_after?: number; client_id?: string }
  | { type: "pong" };

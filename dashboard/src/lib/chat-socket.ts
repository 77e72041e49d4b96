// A conversation over the widget's own socket protocol, as a visitor would have it: a visitor session
// for the workspace's public key (the page's origin must be allowed), then frames in and out. The
// persona editor's test chat uses it, so what the creator tries is exactly what visitors get.
import type { ApiResponse } from "@coach/contracts/api-routes";
import type { Grounding, ServerFrame, Source } from "@coach/contracts/socket";
import { apiPath } from "../api/api-path";
import { apiErrorFrom, networkError } from "../api/errors";

export type ChatEntry = {
  key: string;
  role: "user" | "assistant" | "creator" | "system" | "notice";
  text: string;
  streaming: boolean;
  citations: Source[];
  confidence: number | null;
  /** On answers: what they rest on, and the model that wrote them ("builtin": quoted from the material). */
  grounding?: Grounding;
  model?: string;
};

function keyOf(role: string, seq: number, clientId: string | null, turnId: string | null): string {
  if (clientId) return `c:${clientId}`;
  if (turnId && role === "assistant") return `t:${turnId}`;
  return `s:${seq}`;
}

export type ChatCallbacks = {
  /** The whole transcript, after each frame that changed it. */
  onChange: (entries: ChatEntry[]) => void;
  /** The room welcomed the socket: messages can be sent from now on. */
  onReady: () => void;
  onClosed: (reason: string) => void;
};

/** Opens a visitor session and its socket. */
export async function openChat(
  base: string,
  publicKey: string,
  { onChange, onReady, onClosed }: ChatCallbacks,
) {
  let res: Response;
  try {
    res = await fetch(`${base}${apiPath("/widget/session", {})}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ public_key: publicKey }),
    });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw await apiErrorFrom(res);
  const session = (await res.json()) as ApiResponse<"POST", "/widget/session">;
  const entries = new Map<string, ChatEntry>();
  const emit = () => onChange([...entries.values()]);
  const put = (entry: ChatEntry) => {
    entries.set(entry.key, entry);
    emit();
  };
  const socket = new WebSocket(session.socket_url);
  socket.onopen = () => socket.send(JSON.stringify({ type: "hello", last_seq: 0 }));
  socket.onclose = () => onClosed("The test conversation was disconnected. Start a new one.");
  socket.onmessage = (event) => {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(String(event.data)) as ServerFrame;
    } catch {
      return;
    }
    switch (frame.type) {
      case "welcome":
        onReady();
        return;
      case "message": {
        if (frame.role === "system") return;
        put({
          key: keyOf(frame.role, frame.seq, frame.client_id, frame.turn_id),
          role: frame.role,
          text: frame.text,
          streaming: false,
          citations: frame.citations,
          confidence: frame.confidence,
          grounding: frame.grounding,
          model: frame.model,
        });
        return;
      }
      case "delta": {
        const key = `t:${frame.turn_id}`;
        const known = entries.get(key);
        if (known && !known.streaming) return;
        const current = known?.text ?? "";
        if (frame.offset > current.length || frame.offset + frame.text.length <= current.length)
          return;
        put({
          key,
          role: "assistant",
          text: current + frame.text.slice(current.length - frame.offset),
          streaming: true,
          citations: [],
          confidence: null,
        });
        return;
      }
      case "done":
        put({
          key: `t:${frame.turn_id}`,
          role: "assistant",
          text: frame.text,
          streaming: false,
          citations: frame.citations,
          confidence: frame.confidence,
          grounding: frame.grounding,
          model: frame.model,
        });
        return;
      case "notice":
        put({
          key: `n:${frame.code}:${frame.turn_id ?? ""}`,
          role: "notice",
          text: frame.message,
          streaming: false,
          citations: [],
          confidence: null,
        });
        return;
      case "error":
        put({
          key: `e:${crypto.randomUUID()}`,
          role: "notice",
          text: frame.message,
          streaming: false,
          citations: [],
          confidence: null,
        });
        return;
      default:
        return;
    }
  };
  return {
    conversationId: session.conversation_id,
    send(text: string) {
      const clientId = crypto.randomUUID().replace(/-/g, "");
      put({
        key: `c:${clientId}`,
        role: "user",
        text,
        streaming: false,
        citations: [],
        confidence: null,
      });
      socket.send(JSON.stringify({ type: "message", client_id: clientId, text }));
    },
    close() {
      socket.onclose = null;
      socket.close();
    },
  };
}

export type ChatConnection = Awaited<ReturnType<typeof openChat>>;

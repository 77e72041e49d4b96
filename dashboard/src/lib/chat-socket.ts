// A conversation over the widget's own socket protocol, as a visitor would have it: the socket of a
// session (a member's test chat, POST /test-chat/session), then frames in and out. The persona editor's
// test chat uses it, so what the creator tries is exactly what visitors get.
import type { Grounding, ServerFrame, Source } from "@coach/contracts/socket";
import type { WidgetSessionResponse } from "@coach/contracts/widget";

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

/** A message as a whole (stored, or a finished stream), with what its answer rests on. */
function whole(
  key: string,
  role: ChatEntry["role"],
  frame: Pick<ChatEntry, "text" | "citations" | "confidence" | "grounding" | "model">,
): ChatEntry {
  const { text, citations, confidence, grounding, model } = frame;
  return { key, role, text, streaming: false, citations, confidence, grounding, model };
}

/** A line from the room itself, not from a person or the assistant. */
function notice(key: string, text: string): ChatEntry {
  return { key, role: "notice", text, streaming: false, citations: [], confidence: null };
}

export type ChatCallbacks = {
  /** The whole transcript, after each frame that changed it. */
  onChange: (entries: ChatEntry[]) => void;
  /** The room welcomed the socket: messages can be sent from now on. */
  onReady: () => void;
  onClosed: (reason: string) => void;
};

/** Opens the socket of a conversation session (the member's test chat session). */
export function openChat(
  session: WidgetSessionResponse,
  { onChange, onReady, onClosed }: ChatCallbacks,
) {
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
        put(whole(keyOf(frame.role, frame.seq, frame.client_id, frame.turn_id), frame.role, frame));
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
        put(whole(`t:${frame.turn_id}`, "assistant", frame));
        return;
      case "notice":
        put(notice(`n:${frame.code}:${frame.turn_id ?? ""}`, frame.message));
        return;
      case "error":
        put(notice(`e:${crypto.randomUUID()}`, frame.message));
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

export type ChatConnection = ReturnType<typeof openChat>;

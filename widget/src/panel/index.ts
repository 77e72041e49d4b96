// The chat panel chunk, loaded on first open: wires the transcript, the socket and the view, keeps the
// transcript for the next page load, and reports to the host page through the loader's events.
import { formatMessage } from "@coach/contracts/messages";
import type { ServerFrame } from "@coach/contracts/socket";
import { browserTagFor } from "../i18n/languages";
import { adoptCss } from "../shared/dom";
import type { PanelHandle, PanelHost } from "../shared/host";
import { errorWords, STRINGS, useLanguage } from "../shared/strings";
import { themeOf } from "../shared/theme";
import { panelCss } from "../styles/panel.css";
import { Connection, type ConnectionState } from "./connection";
import { PanelExtras } from "./extras";
import { creatorLabel } from "./message-view";
import { PanelView } from "./panel-view";
import { ProgramOffer } from "./program-offer";
import { VisitorStore } from "./store";
import { Transcript, type Entry } from "./transcript";

const ACK_TIMEOUT_MS = 10_000;
/** Typing is announced to the coach's side at most this often. */
const TYPING_EVERY_MS = 3_000;
const SEND_FAILURE_CODES = new Set([
  "rate_limited",
  "invalid_frame",
  "frame_too_large",
  "internal_error",
]);

/** A client message id as the protocol wants it, from getRandomValues (works outside secure contexts too). */
function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `w${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Mounts the panel into the loader's shadow root; returns how to open and close it. */
export function mount(host: PanelHost): PanelHandle {
  useLanguage(host.language);
  const { settings } = host.config;
  const theme = themeOf(settings);
  const store = new VisitorStore(host.config.public_key);
  let conversationId: string | null = null;
  let welcomeSeq = 0;
  let assistantTyping = false;
  let typingSentAt = 0;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const ackTimers = new Map<string, ReturnType<typeof setTimeout>>();

  adoptCss(host.root, panelCss(), host.nonce);

  // Built before the connection, which it reaches only once the visitor opens the panel.
  const offer = host.program
    ? new ProgramOffer(host.edge, host.program, () => connection.currentSession())
    : null;
  const extras = new PanelExtras(host.edge, () => connection.currentSession());
  const view = new PanelView(
    settings,
    theme.position,
    {
      send: (text) => {
        const entry = transcript.addOwn(newClientId(), text);
        trySend(entry);
        view.scrollToEnd();
      },
      typing: () => {
        if (Date.now() - typingSentAt < TYPING_EVERY_MS) return;
        if (connection.send({ type: "typing" })) typingSentAt = Date.now();
      },
      stop: () => connection.send({ type: "stop" }),
      retry: (entry) => trySend(entry),
      quickReply: (reply) => {
        trySend(transcript.addOwn(newClientId(), reply.label, reply.id));
        view.scrollToEnd();
      },
      close: () => close(),
    },
    offer?.view.el,
    extras.el,
  );
  host.root.appendChild(view.el);

  const transcript = new Transcript({
    changed: (entry) => {
      view.upsert(entry, transcript.ordered());
      refreshBusy();
      scheduleSave();
    },
    cleared: () => view.clear(),
  });

  const locale = browserTagFor(host.language, navigator.languages ?? [navigator.language]);
  const connection = new Connection(
    host.edge,
    host.config.public_key,
    () => store.visitorId(),
    locale,
    {
      lastSeq: () => transcript.lastSeq,
      session: (session) => {
        store.setVisitorId(session.visitor_id);
        if (conversationId !== session.conversation_id) {
          conversationId = session.conversation_id;
          transcript.clear();
          const saved = store.transcript(session.conversation_id);
          if (saved) transcript.restore(saved);
        }
      },
      state: (state, failure) => {
        if (failure?.fatal) {
          view.setStatus("");
          view.setNotice(STRINGS.unavailable);
          host.emit("error", { code: failure.code, message: failure.message });
        } else showState(state);
      },
      frame: (frame) => onFrame(frame),
    },
  );

  function showState(state: ConnectionState): void {
    const name = host.identity()?.name;
    view.setStatus(
      state === "open"
        ? name
          ? formatMessage(STRINGS.chattingAs, { name })
          : ""
        : state === "connecting"
          ? STRINGS.connecting
          : STRINGS.reconnecting,
    );
  }

  /** Tells the coach's side who the visitor is, when the host page said so with `identify()`. */
  function sendIdentity(): void {
    const identity = host.identity();
    if (identity?.name || identity?.email) connection.send({ type: "identify", ...identity });
  }

  function trySend(entry: Entry): void {
    if (!entry.clientId) return;
    const clientId = entry.clientId;
    transcript.setDelivery(transcript.get(entry.key) ?? entry, "sending");
    connection.send({
      type: "message",
      client_id: clientId,
      text: entry.text,
      ...(entry.quickReplyId ? { quick_reply_id: entry.quickReplyId } : {}),
    });
    clearTimeout(ackTimers.get(clientId));
    ackTimers.set(
      clientId,
      setTimeout(() => {
        const now = transcript.get(entry.key);
        if (now?.delivery === "sending") transcript.setDelivery(now, "failed");
      }, ACK_TIMEOUT_MS),
    );
  }

  function onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case "welcome":
        welcomeSeq = frame.last_seq;
        // The server's log is behind this tab's copy: the conversation was erased; start over from it.
        if (frame.last_seq < transcript.lastSeq) {
          transcript.clear();
          connection.rehello();
        }
        for (const entry of transcript.unacknowledged())
          if (entry.delivery === "sending") trySend(entry);
        sendIdentity();
        break;
      case "ack":
        clearTimeout(ackTimers.get(frame.client_id));
        break;
      case "typing":
        if (frame.role === "assistant" || frame.role === "creator") assistantTyping = frame.active;
        break;
      case "delta":
        view.setNotice(null);
        break;
      case "done":
        view.setNotice(null);
        view.announce(`${settings.assistant_name}: ${frame.text}`);
        host.emit("message", { seq: frame.seq, role: "assistant" });
        break;
      case "message":
        if (frame.seq > welcomeSeq && frame.role !== "user") {
          view.announce(
            `${frame.role === "creator" ? creatorLabel({ authorName: frame.author_name }) : settings.assistant_name}: ${frame.text}`,
          );
        }
        break;
      case "notice":
        view.setNotice(
          frame.code === "human_joined"
            ? formatMessage(STRINGS.humanJoined, { name: frame.author_name ?? STRINGS.team })
            : STRINGS.notices[frame.code],
        );
        break;
      case "error":
        view.setNotice(errorWords(frame));
        if (SEND_FAILURE_CODES.has(frame.code)) {
          // The refused message when the server names it; otherwise every one still waiting for its ack.
          for (const entry of transcript.unacknowledged())
            if (!frame.client_id || entry.clientId === frame.client_id)
              transcript.setDelivery(entry, "failed");
        }
        break;
      default:
        break;
    }
    transcript.apply(frame);
    refreshBusy();
  }

  function refreshBusy(): void {
    const streaming = transcript.streaming();
    view.setBusy(streaming || assistantTyping);
    view.setTyping(assistantTyping && !streaming ? settings.assistant_name : null);
  }

  function saveNow(): void {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    if (conversationId) store.saveTranscript(conversationId, transcript.snapshot());
  }

  function scheduleSave(): void {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, 300);
  }

  // A reload or a closed tab within the save's delay would bring back the state before the last change
  // (a check-in's choices the visitor already answered): a pending save is written as the page goes.
  addEventListener("pagehide", () => {
    if (saveTimer !== undefined) saveNow();
  });

  function open(): void {
    view.el.hidden = false;
    connection.start();
    // Read again on every opening: the visitor may have stopped coaching from another channel meanwhile.
    offer?.refresh();
    void extras.refresh();
    view.scrollToEnd();
    view.input.focus();
  }

  function close(): void {
    if (view.el.hidden) return;
    const hadFocus = host.root.activeElement !== null;
    view.el.hidden = true;
    host.onClosed(hadFocus);
  }

  return { open, close };
}

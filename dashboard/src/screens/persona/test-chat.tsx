// The live test chat beside the persona editor: a real conversation over the visitors' own socket, so
// every saved persona change shows in the next answer exactly as visitors will get it. It needs no
// widget site for the dashboard: a member's test session is opened with their own sign-in.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError } from "../../api/errors";
import { useApi } from "../../auth/auth-context";
import { Answer } from "../../components/answer";
import { CorrectAnswer } from "../../components/correct-answer";
import { Button, ErrorNotice } from "../../components/ui";
import { openChat, type ChatConnection, type ChatEntry } from "../../lib/chat-socket";
import { formatConfidence } from "../../lib/format";

/** "Correct this answer" for the answer at `index`, asked by the user's message before it. */
function CorrectionOf({ entries, index }: { entries: ChatEntry[]; index: number }) {
  const answer = entries[index];
  const asked = entries.slice(0, index).findLast((earlier) => earlier.role === "user");
  if (!answer || !asked) return null;
  return <CorrectAnswer question={asked.text} answer={answer.text} model={answer.model} />;
}

export function TestChat() {
  const api = useApi();
  // The latest client, read when a conversation starts: a refreshed sign-in must not restart the chat.
  const apiRef = useRef(api);
  apiRef.current = api;
  const [entries, setEntries] = useState<ChatEntry[]>([]);
  const [closed, setClosed] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [connectError, setConnectError] = useState<ApiError>();
  const [generation, setGeneration] = useState(0);
  const [text, setText] = useState("");
  const connection = useRef<ChatConnection | null>(null);
  const log = useRef<HTMLOListElement>(null);

  useEffect(() => {
    let cancelled = false;
    setEntries([]);
    setClosed(null);
    setReady(false);
    setConnectError(undefined);
    // A new test conversation each time, marked as a test: the inbox labels it, the analytics and
    // the gaps leave it out.
    apiRef.current
      .post("/test-chat/session", {})
      .then((session) => {
        if (cancelled) return;
        connection.current = openChat(session, {
          onChange: setEntries,
          onReady: () => setReady(true),
          onClosed: setClosed,
        });
      })
      .catch((err: unknown) =>
        setConnectError(err instanceof ApiError ? err : new ApiError(0, "unexpected", String(err))),
      );
    return () => {
      cancelled = true;
      connection.current?.close();
      connection.current = null;
    };
  }, [generation]);

  useEffect(() => {
    // Only the log scrolls: scrollIntoView would move the page too (on a phone, far below the form).
    const list = log.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [entries]);

  const send = (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message || !connection.current) return;
    connection.current.send(message);
    setText("");
  };

  return (
    <div className="test-chat" aria-label="Test chat">
      <div className="test-chat-head">
        <span className="muted small">Answers use the last saved persona.</span>
        <Button variant="ghost" onClick={() => setGeneration((g) => g + 1)}>
          New test conversation
        </Button>
      </div>
      <ol className="chat-log" ref={log} aria-live="polite" aria-label="Test conversation">
        {entries.length === 0 && (
          <li className="muted small">Ask something your users would ask.</li>
        )}
        {entries.map((entry, index) => (
          <li
            key={entry.key}
            className={`chat-msg chat-${entry.role}`}
            aria-busy={entry.streaming || undefined}
          >
            <span className="visually-hidden">
              {entry.role === "user" ? "You" : entry.role === "notice" ? "Notice" : "Assistant"}
              :{" "}
            </span>
            {entry.role === "assistant" && !entry.streaming ? (
              <>
                <Answer
                  text={entry.text}
                  sources={entry.citations}
                  grounding={entry.grounding}
                  model={entry.model}
                  textClassName="chat-text"
                />
                <span className="chat-meta small muted">
                  Confidence {formatConfidence(entry.confidence)}
                </span>
                <CorrectionOf entries={entries} index={index} />
              </>
            ) : (
              <span className="chat-text">{entry.text}</span>
            )}
          </li>
        ))}
      </ol>
      <ErrorNotice
        error={connectError}
        title="The test chat could not connect"
        onRetry={() => setGeneration((g) => g + 1)}
      />
      {closed && <p className="field-error">{closed}</p>}
      <form className="chat-form" onSubmit={send}>
        <label htmlFor="test-chat-input" className="visually-hidden">
          Message to your assistant
        </label>
        <input
          id="test-chat-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={ready ? "Ask your assistant…" : "Connecting…"}
          disabled={!ready}
          autoComplete="off"
        />
        <Button type="submit" variant="primary" disabled={!ready || !text.trim()}>
          Send
        </Button>
      </form>
    </div>
  );
}

// One conversation's transcript with each answer's numbered sources, what it rests on and its
// confidence, a way to correct any answer, and the takeover controls: take over (the assistant pauses),
// reply on the user's channel, hand back; and enrolling the person in a program.
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { TakeoverState } from "@coach/contracts/conversation-views";
import { useApi } from "../../auth/auth-context";
import { Answer } from "../../components/answer";
import { CorrectAnswer } from "../../components/correct-answer";
import { Badge, Button, ErrorNotice, Skeleton } from "../../components/ui";
import { contactName } from "./conversation-list";
import { ContactPanel } from "./contact-panel";
import { UrgentNotice } from "./urgent-notice";
import { formatConfidence, formatDateTime } from "../../lib/format";
import { useAction, useInterval, useResource } from "../../lib/use-resource";

const ROLE_LABEL: Record<string, string> = {
  user: "User",
  assistant: "Assistant",
  creator: "You (creator)",
  system: "System",
};

/** WhatsApp's word for where our message is. */
const DELIVERY_LABEL = { sent: "Sent", delivered: "Delivered", read: "Read" } as const;

export function Transcript({
  conversationId,
  onChanged,
}: {
  conversationId: string;
  onChanged: () => void;
}) {
  const api = useApi();
  const page = useResource(
    (signal) =>
      api.get("/conversations/:id/messages", {
        params: { id: conversationId },
        query: { limit: 500 },
        signal,
      }),
    [api, conversationId],
  );
  useInterval(() => void page.reload(), 3000, !page.error);
  const [takeover, setTakeover] = useState<TakeoverState | null>(null);
  const [reply, setReply] = useState("");
  const [delivery, setDelivery] = useState<string | null>(null);
  const log = useRef<HTMLOListElement>(null);
  useEffect(() => setTakeover(null), [conversationId]);
  const lastSeq = page.data?.messages.at(-1)?.seq;
  useEffect(() => {
    // Only the log scrolls: scrollIntoView would move the page too (on a phone, far below the form).
    const list = log.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lastSeq]);

  const conversation = page.data?.conversation;
  const takenOver = takeover?.taken_over ?? conversation?.taken_over ?? false;

  const take = useAction(async () => {
    setTakeover(await api.post("/conversations/:id/takeover", { params: { id: conversationId } }));
    onChanged();
  });
  const handBack = useAction(async () => {
    setTakeover(await api.post("/conversations/:id/handback", { params: { id: conversationId } }));
    onChanged();
  });
  const send = useAction(async (text: string) => {
    const result = await api.post("/conversations/:id/messages", {
      params: { id: conversationId },
      body: { text, client_id: crypto.randomUUID().replace(/-/g, "") },
    });
    setReply("");
    setDelivery(
      result.delivered
        ? "Delivered to the user."
        : `Saved, but not delivered: ${result.error?.message ?? "the channel did not accept it."}`,
    );
    await page.reload();
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (reply.trim()) void send.run(reply.trim());
  };

  if (page.loading && !page.data) return <Skeleton lines={8} />;
  if (page.error && !page.data)
    return (
      <ErrorNotice
        error={page.error}
        onRetry={() => void page.reload()}
        title="Could not load this conversation"
      />
    );
  if (!page.data || !conversation) return null;

  return (
    <div className="transcript">
      <div className="transcript-head">
        <div>
          <h2>{contactName(conversation)}</h2>
          <p className="muted small">
            {conversation.channel} · started {formatDateTime(conversation.started_at)} ·{" "}
            {page.data.messages.length} message{page.data.messages.length === 1 ? "" : "s"}
          </p>
          {conversation.contact_id && (
            // In full, for the privacy screen's export and erasure of this person.
            <p className="muted small">
              Contact id <code>{conversation.contact_id}</code>
            </p>
          )}
          {conversation.contact_id && (
            <ContactPanel contactId={conversation.contact_id} name={contactName(conversation)} />
          )}
          <UrgentNotice
            conversation={conversation}
            onResolved={() => {
              void page.reload();
              onChanged();
            }}
          />
          {conversation.contact?.unreachable_at != null && (
            <p className="notice notice-warn small" role="status">
              {conversation.channel === "telegram" ? "Telegram" : "WhatsApp"} no longer delivers to
              this person ({conversation.contact.unreachable_reason ?? "refused"}, since{" "}
              {formatDateTime(conversation.contact.unreachable_at)}). Nothing is sent to them until
              they write again.
            </p>
          )}
        </div>
        <div className="row-actions">
          {/* The urgent notice already says a person must reach out. */}
          {conversation.needs_human && conversation.urgent_at === null && (
            <Badge tone="bad">Asked for a human</Badge>
          )}
          {takenOver ? (
            <>
              <Badge tone="info">
                You are answering
                {takeover?.taken_over && takeover.taken_over_by.name
                  ? ` (${takeover.taken_over_by.name})`
                  : ""}
              </Badge>
              <Button busy={handBack.busy} onClick={() => void handBack.run()}>
                Hand back to the assistant
              </Button>
            </>
          ) : (
            <Button variant="primary" busy={take.busy} onClick={() => void take.run()}>
              Take over
            </Button>
          )}
        </div>
      </div>
      <ErrorNotice error={take.error ?? handBack.error} title="That did not work" />
      <ol className="transcript-log" ref={log} aria-label="Messages">
        {page.data.messages.length === 0 && <li className="muted">No messages yet.</li>}
        {page.data.messages.map((m, index, all) => {
          const role = m.author_role === "creator" ? "creator" : m.role;
          // What the person asked just before this answer, for a correction.
          const asked = all.slice(0, index).findLast((earlier) => earlier.role === "user");
          const sources = m.sources ?? m.citations ?? [];
          return (
            <li key={m.seq} className={`transcript-msg msg-${role}`}>
              <div className="msg-meta small muted">
                <strong>{ROLE_LABEL[role] ?? role}</strong> · {formatDateTime(m.created_at)}
                {role === "assistant" && <> · confidence {formatConfidence(m.confidence)}</>}
                {role === "assistant" && m.confidence !== null && m.confidence < 0.25 && (
                  <Badge tone="warn">Low confidence</Badge>
                )}
                {m.delivery && (
                  <>
                    {" "}
                    ·{" "}
                    {m.delivery.status === "failed" ? (
                      <Badge tone="bad">Not delivered</Badge>
                    ) : (
                      DELIVERY_LABEL[m.delivery.status]
                    )}
                  </>
                )}
              </div>
              {m.delivery?.status === "failed" && m.delivery.error && (
                <p className="small muted">{m.delivery.error}</p>
              )}
              {role === "assistant" ? (
                <Answer
                  text={m.text}
                  sources={sources}
                  grounding={m.grounding}
                  model={m.model}
                  textClassName="msg-text"
                />
              ) : (
                <p className="msg-text">{m.text}</p>
              )}
              {role === "assistant" && asked && (
                <CorrectAnswer
                  question={asked.text}
                  answer={m.text}
                  model={m.model}
                  conversationId={conversationId}
                  seq={m.seq}
                />
              )}
            </li>
          );
        })}
      </ol>
      {takenOver ? (
        <form className="reply-form" onSubmit={onSubmit}>
          <label htmlFor="reply-input">Your reply (sent on the user’s channel)</label>
          <textarea
            id="reply-input"
            rows={3}
            maxLength={4000}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
          />
          <ErrorNotice error={send.error} title="The reply was not sent" />
          {delivery && (
            <p className="small muted" role="status">
              {delivery}
            </p>
          )}
          <Button type="submit" variant="primary" busy={send.busy} disabled={!reply.trim()}>
            Send reply
          </Button>
        </form>
      ) : (
        <p className="muted small">
          The assistant is answering. Take over to write to this user yourself; the assistant pauses
          until you hand back.
        </p>
      )}
    </div>
  );
}

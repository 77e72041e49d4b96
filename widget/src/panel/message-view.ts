// One message of the log as DOM: the bubble (Markdown for the coach, plain text for the visitor) with
// its source markers, the notes on what an answer rests on, its numbered sources, and the visitor's
// delivery state with a retry button when sending failed.
import type { QuickReply } from "@coach/contracts/socket";
import { h } from "../shared/dom";
import { STRINGS } from "../shared/strings";
import { groundingLabel, quotedNote, sourceList } from "./answer-sources";
import { renderMarkdown } from "./markdown";
import type { Entry } from "./transcript";

/** A message's delivery state, in the panel's language when drawn. */
function ticks(delivery: NonNullable<Entry["delivery"]>): string {
  if (delivery === "sent") return `✓ ${STRINGS.sent}`;
  if (delivery === "read") return `✓✓ ${STRINGS.read}`;
  return STRINGS[delivery];
}

/** The choices under a message (a scale, Done / Partly / Not yet), as buttons in a labelled group. */
function quickReplies(entry: Entry, onQuickReply: (reply: QuickReply) => void): HTMLElement | null {
  if (!entry.quickReplies?.length || entry.streaming) return null;
  return h(
    "div",
    { class: "replies", role: "group", "aria-label": STRINGS.quickReplies },
    ...entry.quickReplies.map((reply) =>
      h(
        "button",
        { class: "chip", type: "button", dir: "auto", onclick: () => onQuickReply(reply) },
        reply.label,
      ),
    ),
  );
}

/** "Maya (coach)": how a team member's message is signed. */
export function creatorLabel(entry: Pick<Entry, "authorName">): string {
  return `${entry.authorName || STRINGS.team} ${STRINGS.coach}`;
}

/** Fills `li` (one per entry, reused while the entry changes) with the entry's current state. */
export function renderEntry(
  li: HTMLLIElement,
  entry: Entry,
  names: { assistant: string },
  onRetry: (entry: Entry) => void,
  onQuickReply: (reply: QuickReply) => void,
): void {
  li.className = `msg ${entry.role}${entry.delivery === "failed" ? " failed" : ""}`;
  li.dataset.key = entry.key;
  li.setAttribute("aria-busy", String(entry.streaming));
  const who =
    entry.role === "user"
      ? STRINGS.you
      : entry.role === "creator"
        ? creatorLabel(entry)
        : names.assistant;
  // A person from the creator's team is named visibly, so the visitor knows a human is answering.
  const author = entry.role === "creator" ? h("div", { class: "author" }, who) : null;
  const bubble = h("div", { class: "bubble", dir: "auto" }, h("span", { class: "sr" }, `${who}: `));
  const sources = sourceList(entry);
  if (entry.role === "user") bubble.appendChild(document.createTextNode(entry.text));
  else
    bubble.appendChild(
      renderMarkdown(
        entry.text + (entry.status === "stopped" ? ` ${STRINGS.stopped}` : ""),
        sources.cite,
      ),
    );
  const meta = entry.delivery
    ? h(
        "div",
        { class: "meta" },
        ticks(entry.delivery),
        entry.delivery === "failed" &&
          h(
            "button",
            { class: "retry", type: "button", onclick: () => onRetry(entry) },
            STRINGS.retry,
          ),
      )
    : null;
  const above = groundingLabel(entry, names.assistant);
  const below = quotedNote(entry, names.assistant);
  li.replaceChildren(
    ...[author, above, bubble, below, sources.el, quickReplies(entry, onQuickReply), meta].filter(
      (n): n is HTMLElement => n !== null,
    ),
  );
}

// One message of the log as DOM: the bubble (Markdown for the coach, plain text for the visitor),
// its sources, and the visitor's delivery state with a retry button when sending failed.
import { h } from "../shared/dom";
import { STRINGS } from "../shared/strings";
import { renderMarkdown } from "./markdown";
import type { Entry } from "./transcript";

const TICKS = { sending: STRINGS.sending, sent: `✓ ${STRINGS.sent}`, read: `✓✓ ${STRINGS.read}`, failed: STRINGS.failed } as const;

function sources(entry: Entry): HTMLElement | null {
  const seen = new Set<string>();
  const unique = entry.citations.filter((c) => !seen.has(c.document_id) && seen.add(c.document_id));
  if (entry.streaming || unique.length === 0) return null;
  return h("aside", { class: "sources", "aria-label": STRINGS.sources }, h("strong", {}, STRINGS.sources), h("ol", {}, ...unique.map((c) => h("li", {}, c.title))));
}

/** Fills `li` (one per entry, reused while the entry changes) with the entry's current state. */
export function renderEntry(li: HTMLLIElement, entry: Entry, names: { assistant: string }, onRetry: (entry: Entry) => void): void {
  li.className = `msg ${entry.role}${entry.delivery === "failed" ? " failed" : ""}`;
  li.dataset.key = entry.key;
  li.setAttribute("aria-busy", String(entry.streaming));
  const who = entry.role === "user" ? STRINGS.you : names.assistant;
  const bubble = h("div", { class: "bubble", dir: "auto" }, h("span", { class: "sr" }, `${who}: `));
  if (entry.role === "user") bubble.appendChild(document.createTextNode(entry.text));
  else bubble.appendChild(renderMarkdown(entry.text + (entry.status === "stopped" ? ` ${STRINGS.stopped}` : "")));
  const meta = entry.delivery
    ? h(
        "div",
        { class: "meta" },
        TICKS[entry.delivery],
        entry.delivery === "failed" && h("button", { class: "retry", type: "button", onclick: () => onRetry(entry) }, STRINGS.retry),
      )
    : null;
  li.replaceChildren(...[bubble, sources(entry), meta].filter((n): n is HTMLElement => n !== null));
}

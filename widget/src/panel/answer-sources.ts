// What the widget shows around an answer: its sources as a numbered list that matches the `[n]`
// markers in its text (each source opens to show the passage it quotes), and a plain note when the
// answer is not from the creator's material in the usual way: general knowledge, the creator's own
// corrected answer, or sentences quoted by the built-in answerer because no language model runs.
import { formatMessage } from "@coach/contracts/messages";
import type { Source } from "@coach/contracts/socket";
import { h } from "../shared/dom";
import { ANSWER_STRINGS, STRINGS } from "../shared/strings";
import type { CiteRenderer } from "./markdown";
import type { Entry } from "./transcript";

/** The `model` of answers the bridge's built-in extractive answerer wrote. */
const BUILTIN_MODEL = "builtin";

/** An answer's numbered sources, and how its `[n]` markers reach them. */
export type SourceList = { el: HTMLElement | null; cite: CiteRenderer | undefined };

/** "Sleep guide · Evenings · page 3": the title, then where in the document, when known. */
function sourceLabel(source: Source): HTMLElement {
  const place = [
    source.section,
    source.page !== undefined
      ? formatMessage(ANSWER_STRINGS.page, { page: source.page })
      : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
  return h(
    "span",
    { dir: "auto" },
    h("span", { class: "src-title" }, source.title),
    place ? h("span", { class: "src-place" }, ` · ${place}`) : null,
  );
}

/** Shows source `item` and moves focus to it, opening its passage. */
function reveal(item: HTMLElement): void {
  const details = item.querySelector("details");
  if (details) details.open = true;
  const target = item.querySelector<HTMLElement>("summary") ?? item;
  target.focus();
  target.scrollIntoView({ block: "nearest" });
}

/**
 * The numbered list of an answer's sources; none while it streams or when it has none, and none for
 * the coach's own answer, whose source is their correction in the library rather than their material.
 */
export function sourceList(entry: Entry): SourceList {
  if (entry.streaming || entry.citations.length === 0 || entry.grounding === "curated")
    return { el: null, cite: undefined };
  const items = entry.citations.map((source) => {
    const title = sourceLabel(source);
    // Without a passage to show there is nothing to open; the item itself takes the focus.
    const body = source.snippet
      ? h(
          "details",
          {},
          h("summary", {}, title),
          h("p", { class: "snippet", dir: "auto" }, source.snippet),
        )
      : title;
    return h("li", source.snippet ? {} : { tabindex: "-1" }, body);
  });
  const el = h(
    "aside",
    { class: "sources", "aria-label": STRINGS.sources },
    h("strong", {}, STRINGS.sources),
    h("ol", {}, ...items),
  );
  const cite: CiteRenderer = (n) => {
    const item = items[n - 1];
    const source = entry.citations[n - 1];
    if (!item || !source) return null;
    const label = formatMessage(ANSWER_STRINGS.source, { number: n, title: source.title });
    return h(
      "sup",
      {},
      h(
        "button",
        {
          class: "cite",
          type: "button",
          "aria-label": label,
          title: label,
          onclick: () => reveal(item),
        },
        `[${n}]`,
      ),
    );
  };
  return { el, cite };
}

/** The label above an answer that is not from the material: general knowledge, or the creator's own answer. */
export function groundingLabel(entry: Entry, name: string): HTMLElement | null {
  if (entry.role !== "assistant" || entry.streaming) return null;
  if (entry.grounding === "general")
    return h("p", { class: "origin general" }, formatMessage(ANSWER_STRINGS.general, { name }));
  if (entry.grounding === "curated")
    return h("p", { class: "origin" }, formatMessage(ANSWER_STRINGS.curated, { name }));
  return null;
}

/** The note under an answer the built-in answerer quoted from the material (no language model runs). */
export function quotedNote(entry: Entry, name: string): HTMLElement | null {
  if (entry.role !== "assistant" || entry.streaming || entry.model !== BUILTIN_MODEL) return null;
  // The creator's own words (their corrected answer, their fallback line) are not quotations.
  if (entry.grounding === "curated" || entry.grounding === "fallback") return null;
  return h("p", { class: "origin quoted" }, formatMessage(ANSWER_STRINGS.quoted, { name }));
}

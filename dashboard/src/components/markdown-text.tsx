// Answers as their readers see them: the Markdown the model writes (emphasis, lists, code, links) drawn
// by the widget's renderer, which builds DOM nodes with every text as a text node and keeps only http(s)
// and mailto links, so no model or user text can become markup. Previews get the text alone.
import { useLayoutEffect, useRef } from "react";
import type { Source } from "@coach/contracts/socket";
import { renderMarkdown } from "../../../widget/src/panel/markdown";
import { h } from "../../../widget/src/shared/dom";

/** `text` without its Markdown, blocks joined by spaces: for one-line previews. */
export function markdownPlain(text: string): string {
  return [...renderMarkdown(text).querySelectorAll("p, li, pre")]
    .map((block) => block.textContent)
    .join(" ");
}

type MarkdownTextProps = {
  text: string;
  /** `sources[n-1]` is what the text's `[n]` cites; a marker without a source stays text. */
  sources: Source[];
  onCite: (n: number) => void;
  className: string;
};

/** The Markdown of `text`, each `[n]` with a source a button calling `onCite(n)`. */
export function MarkdownText({ text, sources, onCite, className }: MarkdownTextProps) {
  const box = useRef<HTMLDivElement>(null);
  const cite = useRef(onCite);
  cite.current = onCite;
  // Redrawn only when the words change: a transcript reloads every few seconds, and a redraw would
  // take keyboard focus off a source button.
  const titles = JSON.stringify(sources.map((s) => s.title));
  useLayoutEffect(() => {
    const names = JSON.parse(titles) as string[];
    box.current?.replaceChildren(
      renderMarkdown(text, (n) => {
        const title = names[n - 1];
        if (title === undefined) return null;
        const label = `Source ${n}: ${title}`;
        return h(
          "sup",
          {},
          h(
            "button",
            {
              type: "button",
              class: "cite",
              "aria-label": label,
              title: label,
              onclick: () => cite.current(n),
            },
            `[${n}]`,
          ),
        );
      }),
    );
  }, [text, titles]);
  return <div className={`${className} markdown`} ref={box} />;
}

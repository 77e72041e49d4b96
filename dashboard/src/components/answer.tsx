// An assistant's answer as the dashboard shows it, in the test chat and in the inbox alike: its text
// (Markdown) with each `[n]` as a small button that opens source n, badges saying what it rests on
// (the creator's material, their corrected answer, general knowledge, the fallback line) and when the
// built-in answerer quoted it, and its sources numbered in the order the text cites them, each opening
// to show the passage it quotes.
import { useRef } from "react";
import type { Grounding, Source } from "@coach/contracts/socket";
import { formatConfidence } from "../lib/format";
import { MarkdownText } from "./markdown-text";
import { Badge } from "./ui";

/** The `model` of answers written by the bridge's built-in answerer, which quotes the material. */
const BUILTIN_MODEL = "builtin";

const GROUNDING_BADGES: Record<
  Grounding,
  { tone: "good" | "info" | "warn" | "neutral"; label: string; hint: string }
> = {
  material: {
    tone: "good",
    label: "From your material",
    hint: "Answered from the documents in your knowledge library.",
  },
  curated: {
    tone: "info",
    label: "Your corrected answer",
    hint: "Your own corrected answer, given word for word.",
  },
  general: {
    tone: "warn",
    label: "General knowledge",
    hint: "Your material had nothing on this, so the assistant answered from general knowledge (adaptive mode) and said so.",
  },
  fallback: {
    tone: "neutral",
    label: "Fallback line",
    hint: "Your material had nothing on this, so the assistant said your fallback answer.",
  },
};

/** "Sleep guide · Evenings · page 3": where a source is, as far as it is known. */
function sourcePlace(source: Source): string {
  return [source.section, source.page !== undefined ? `page ${source.page}` : undefined]
    .filter(Boolean)
    .join(" · ");
}

/** What an answer rests on, and a note when the built-in answerer wrote it. */
function AnswerBadges({ grounding, model }: { grounding?: Grounding; model?: string }) {
  const badge = grounding ? GROUNDING_BADGES[grounding] : undefined;
  const quoted = model === BUILTIN_MODEL && grounding !== "curated" && grounding !== "fallback";
  if (!badge && !quoted) return null;
  return (
    <span className="answer-badges">
      {badge && (
        <span title={badge.hint}>
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </span>
      )}
      {quoted && (
        <span title="No AI model runs on your home server yet: the built-in answerer quoted the sentences of your material that fit best.">
          <Badge>Quoted by the built-in answerer</Badge>
        </span>
      )}
    </span>
  );
}

type AnswerProps = {
  text: string;
  sources: Source[];
  grounding?: Grounding;
  model?: string;
  /** Class of the element holding the text (the screens style it differently). */
  textClassName: string;
};

/** The answer's text with its source markers, then its numbered sources. */
export function Answer({ text, sources, grounding, model, textClassName }: AnswerProps) {
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const open = (n: number) => {
    const item = items.current[n - 1];
    if (!item) return;
    const details = item.querySelector("details");
    if (details) details.open = true;
    const target = item.querySelector<HTMLElement>("summary") ?? item;
    target.focus();
    target.scrollIntoView({ block: "nearest" });
  };
  return (
    <>
      <MarkdownText text={text} sources={sources} onCite={open} className={textClassName} />
      <AnswerBadges grounding={grounding} model={model} />
      {sources.length > 0 && (
        <div className="answer-sources">
          <span className="small muted">Sources</span>
          <ol className="source-list">
            {sources.map((source, i) => {
              const place = sourcePlace(source);
              const label = (
                <>
                  <strong className="src-title">{source.title}</strong>
                  {place && <span className="muted"> · {place}</span>}
                  <span className="muted"> · match {formatConfidence(source.score)}</span>
                </>
              );
              return (
                <li
                  key={`${source.document_id}-${i}`}
                  ref={(el) => {
                    items.current[i] = el;
                  }}
                  tabIndex={source.snippet ? undefined : -1}
                >
                  {source.snippet ? (
                    <details>
                      <summary>{label}</summary>
                      <blockquote>{source.snippet}</blockquote>
                    </details>
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </>
  );
}

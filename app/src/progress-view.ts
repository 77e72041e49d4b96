// The person's progress in the app: the step each program is on, their commitments, and a bar chart
// of the messages they wrote on each of the last 14 days (SVG, with a text alternative).
import type { AppProgressView } from "@coach/contracts/companion-app";
import { formatPlural } from "@coach/contracts/messages";
import { h } from "../../widget/src/shared/dom";
import type { AppApi } from "./app-api";
import { language, locale, texts } from "./i18n/texts";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

/** Bars of `activity`, scaled to the busiest day. */
function chart(activity: AppProgressView["activity"]): SVGElement {
  const most = Math.max(1, ...activity.map((d) => d.messages));
  const total = activity.reduce((sum, d) => sum + d.messages, 0);
  const root = svg("svg", { viewBox: "0 0 140 44", role: "img", class: "chart" });
  const title = svg("title", {});
  title.textContent = formatPlural(language, texts.messagesInDays, total, {
    days: activity.length,
  });
  root.append(title);
  activity.forEach((day, i) => {
    const height = Math.round((day.messages / most) * 40);
    root.append(
      svg("rect", { x: i * 10 + 1, y: 42 - height, width: 8, height: Math.max(height, 1) }),
    );
  });
  return root;
}

function render(view: AppProgressView): Node[] {
  const programs = view.programs.map((p) =>
    h(
      "li",
      {},
      h("strong", {}, p.name),
      ` (${texts.programStatus[p.status]})`,
      p.step ? h("p", {}, p.step) : null,
    ),
  );
  const commitments = view.commitments.map((c) =>
    h(
      "li",
      {},
      `${c.what}: ${new Date(c.due_at).toLocaleDateString(locale)} (${texts.commitmentStatus[c.status]})`,
    ),
  );
  return [
    h("h2", {}, texts.yourPrograms),
    programs.length ? h("ul", {}, ...programs) : h("p", {}, texts.noProgram),
    h("h2", {}, texts.yourCommitments),
    commitments.length ? h("ul", {}, ...commitments) : h("p", {}, texts.noCommitments),
    h("h2", {}, texts.lastTwoWeeks),
    chart(view.activity),
  ];
}

/** The progress section, loaded from the edge when opened. */
export function progressView(api: AppApi): HTMLElement {
  const section = h("section", { class: "progress", "aria-label": texts.progress }, texts.loading);
  void api.progress().then((result) => {
    if (result.ok) section.replaceChildren(...render(result.value));
    else section.textContent = result.error.message;
  });
  return section;
}

// A program's analytics as one CSV table in long form (section, metric, segment, value), so every
// part (funnel, steps, trends, cohorts, retention, nudges, commitments) opens in a spreadsheet and
// pivots there. Fields are quoted per RFC 4180, and text that a spreadsheet would run as a formula
// (=, +, -, @ first) is prefixed with an apostrophe.
import type { CommitmentAdherence, ProgramAnalytics } from "@coach/contracts/program-analytics";

type Cell = string | number | null;

/** One CSV field. */
export function csvField(value: Cell): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function adherenceRows(section: string, segment: string, a: CommitmentAdherence): Cell[][] {
  return (["total", "done", "partly", "not_yet", "unanswered", "open", "adherence"] as const).map(
    (metric) => [section, metric, segment, a[metric]],
  );
}

/** The CSV text (CRLF line ends, a header row first). */
export function analyticsCsv(analytics: ProgramAnalytics): string {
  const rows: Cell[][] = [["section", "metric", "segment", "value"]];
  const { funnel } = analytics;
  rows.push(
    ["funnel", "enrolled", "", funnel.enrolled],
    ["funnel", "started", "", funnel.started],
    ["funnel", "finished", "", funnel.finished],
  );
  for (const step of funnel.steps) {
    const segment = `${step.node_id}: ${step.label}`;
    rows.push(
      ["step", "reached", segment, step.reached],
      ["step", "completed", segment, step.completed],
      ["step", "completion_rate", segment, step.completion_rate],
    );
  }
  for (const point of analytics.checkin_trend)
    rows.push(
      ["checkin_trend", "average_score", `week ${point.week}`, point.average],
      ["checkin_trend", "answers", `week ${point.week}`, point.answers],
    );
  for (const cohort of analytics.cohorts) {
    rows.push(
      ["cohort", "enrolled", cohort.cohort, cohort.enrolled],
      ["cohort", "finished", cohort.cohort, cohort.finished],
    );
    for (const point of cohort.checkin_trend)
      rows.push([
        "cohort_trend",
        "average_score",
        `${cohort.cohort} week ${point.week}`,
        point.average,
      ]);
  }
  rows.push(
    ["retention", "day_1", "", analytics.retention.day_1],
    ["retention", "day_7", "", analytics.retention.day_7],
    ["retention", "day_30", "", analytics.retention.day_30],
  );
  rows.push(
    ["nudges", "sent", "", analytics.nudges.sent],
    ["nudges", "replied", "", analytics.nudges.replied],
    ["nudges", "response_rate", "", analytics.nudges.response_rate],
  );
  rows.push(...adherenceRows("commitments", "", analytics.commitments));
  for (const step of analytics.commitments.by_step)
    rows.push(...adherenceRows("commitments_by_step", step.node_id, step));
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

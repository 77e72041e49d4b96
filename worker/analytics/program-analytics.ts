// Computes a program's analytics from its enrolments, the engine's mirrored events, the contacts'
// active days and their commitments (pure: the route loads, this counts, the tests check the numbers).
import type {
  CommitmentAdherence,
  ProgramAnalytics,
  ScorePoint,
  StepStats,
} from "@coach/contracts/program-analytics";
import type { ProgramSteps } from "@coach/contracts/programs";
import type { ProgramActivity } from "../db/program-analytics-data";

const DAY = 24 * 60 * 60 * 1000;
const RETENTION_DAYS = [1, 7, 30] as const;

export type AnalyticsInput = ProgramActivity & {
  programId: string;
  version: number;
  steps: ProgramSteps;
  now: number;
};

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/** Message and check-in steps in the order a user meets them (breadth first; "yes" before "no"). */
export function stepOrder(steps: ProgramSteps): ProgramSteps["nodes"] {
  const targets = new Set(steps.edges.map((e) => e.to));
  const start = steps.nodes.find((n) => !targets.has(n.id));
  const byId = new Map(steps.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const queue = start ? [start.id] : [];
  const ordered: ProgramSteps["nodes"] = [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = byId.get(id);
    if (node) ordered.push(node);
    const out = steps.edges
      .filter((e) => e.from === id)
      .sort((a, b) => (a.branch === "no" ? 1 : 0) - (b.branch === "no" ? 1 : 0));
    queue.push(...out.map((e) => e.to));
  }
  return ordered.filter((n) => n.kind === "message" || n.kind === "checkin");
}

function stepLabel(node: ProgramSteps["nodes"][number]): string {
  const text =
    node.kind === "message" ? node.text : node.kind === "checkin" ? node.question : node.id;
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function scoreTrend(answers: { value: number; week: number }[]): ScorePoint[] {
  const byWeek = new Map<number, number[]>();
  for (const a of answers) byWeek.set(a.week, [...(byWeek.get(a.week) ?? []), a.value]);
  return [...byWeek.entries()]
    .sort(([a], [b]) => a - b)
    .map(([week, values]) => ({
      week,
      average: Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100,
      answers: values.length,
    }));
}

/** The Monday (UTC) of the ISO week of `at`, as YYYY-MM-DD. */
export function cohortOf(at: number): string {
  const date = new Date(at);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - sinceMonday),
  )
    .toISOString()
    .slice(0, 10);
}

function adherence(rows: { status: string }[]): CommitmentAdherence {
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const done = count("done");
  const partly = count("partly");
  const notYet = count("not_yet");
  const answered = done + partly + notYet;
  return {
    total: rows.length,
    done,
    partly,
    not_yet: notYet,
    unanswered: count("asked"),
    open: count("open"),
    adherence: answered === 0 ? null : Math.round(((done + partly / 2) / answered) * 1000) / 1000,
  };
}

/** The analytics of one program. */
export function programAnalytics(input: AnalyticsInput): ProgramAnalytics {
  const enrolmentById = new Map(input.enrollments.map((e) => [e.id, e]));
  const mine = input.events.filter(
    (e) => e.enrollmentId !== null && enrolmentById.has(e.enrollmentId),
  );
  const enrolmentsWith = (event: string, nodeId?: string) =>
    new Set(
      mine
        .filter((e) => e.event === event && (nodeId === undefined || e.nodeId === nodeId))
        .map((e) => e.enrollmentId),
    ).size;

  const steps: StepStats[] = stepOrder(input.steps).map((node) => {
    const reached = enrolmentsWith("sent", node.id);
    const completed = node.kind === "checkin" ? enrolmentsWith("answered", node.id) : reached;
    return {
      node_id: node.id,
      kind: node.kind as StepStats["kind"],
      label: stepLabel(node),
      reached,
      completed,
      completion_rate: rate(completed, reached),
    };
  });

  const answers = mine
    .filter((e) => e.event === "answered" && e.value !== null)
    .map((e) => {
      const enrolment = enrolmentById.get(e.enrollmentId as string);
      return {
        value: e.value as number,
        week: Math.max(0, Math.floor((e.at - (enrolment?.startedAt ?? e.at)) / (7 * DAY))),
        cohort: cohortOf(enrolment?.startedAt ?? e.at),
      };
    });

  const cohorts = [...new Set(input.enrollments.map((e) => cohortOf(e.startedAt)))]
    .sort()
    .map((cohort) => {
      const members = input.enrollments.filter((e) => cohortOf(e.startedAt) === cohort);
      return {
        cohort,
        enrolled: members.length,
        finished: members.filter((e) => e.status === "completed").length,
        checkin_trend: scoreTrend(answers.filter((a) => a.cohort === cohort)),
      };
    });

  const retention = Object.fromEntries(
    RETENTION_DAYS.map((n) => {
      const eligible = input.enrollments.filter((e) => e.startedAt + n * DAY <= input.now);
      const retained = eligible.filter((e) => {
        const from = new Date(e.startedAt + n * DAY).toISOString().slice(0, 10);
        const days = input.activeDays.get(e.contactId) ?? new Set<string>();
        const answeredLater = mine.some(
          (x) => x.enrollmentId === e.id && x.event === "answered" && x.at >= e.startedAt + n * DAY,
        );
        return answeredLater || [...days].some((d) => d >= from);
      });
      return [`day_${n}`, rate(retained.length, eligible.length)];
    }),
  ) as ProgramAnalytics["retention"];

  const programEvents = input.events.filter((e) => e.enrollmentId === null);
  const nudgesSent = programEvents.filter((e) => e.event === "nudge_sent").length;
  const nudgesReplied = programEvents.filter((e) => e.event === "nudge_replied").length;

  const stepIds = [
    ...new Set(
      input.commitments.map((c) => c.stepNodeId).filter((id): id is string => id !== null),
    ),
  ].sort();
  return {
    program_id: input.programId,
    version: input.version,
    generated_at: input.now,
    funnel: {
      enrolled: input.enrollments.length,
      started: enrolmentsWith("sent"),
      steps,
      finished: input.enrollments.filter((e) => e.status === "completed").length,
    },
    checkin_trend: scoreTrend(answers),
    cohorts,
    retention,
    nudges: {
      sent: nudgesSent,
      replied: nudgesReplied,
      response_rate: rate(nudgesReplied, nudgesSent),
    },
    commitments: {
      ...adherence(input.commitments),
      by_step: stepIds.map((nodeId) => ({
        node_id: nodeId,
        ...adherence(input.commitments.filter((c) => c.stepNodeId === nodeId)),
      })),
    },
  };
}

/**
 * `GET /api/v1/programs/:id/analytics`: how a program works for the people in it. Rates are 0-1 with
 * three decimals, null when nothing could be measured yet. Weeks count from each enrolment's start
 * (week 0 is its first seven days); a cohort is everyone who enrolled in the same ISO week (its Monday).
 */
export type StepStats = {
  node_id: string;
  kind: "message" | "checkin";
  label: string;
  /** Enrolments the step was sent to. */
  reached: number;
  /** Message steps: sent; check-ins: answered. */
  completed: number;
  completion_rate: number | null;
};

export type ScorePoint = { week: number; average: number; answers: number };

export type CommitmentAdherence = {
  total: number;
  done: number;
  partly: number;
  not_yet: number;
  /** Followed up, not answered yet. */
  unanswered: number;
  open: number;
  /** (done + partly / 2) / answered. */
  adherence: number | null;
};

export type ProgramAnalytics = {
  program_id: string;
  version: number;
  generated_at: number;
  funnel: { enrolled: number; started: number; steps: StepStats[]; finished: number };
  checkin_trend: ScorePoint[];
  cohorts: { cohort: string; enrolled: number; finished: number; checkin_trend: ScorePoint[] }[];
  /** Share of enrolments (at least N days old) whose contact was active on day N or later. */
  retention: { day_1: number | null; day_7: number | null; day_30: number | null };
  nudges: { sent: number; replied: number; response_rate: number | null };
  commitments: CommitmentAdherence & { by_step: (CommitmentAdherence & { node_id: string })[] };
};

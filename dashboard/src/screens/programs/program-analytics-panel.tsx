// A program's outcomes: the enrolment funnel, each step's completion, check-in scores by week,
// retention, nudge response and commitment adherence, with the CSV download.
import { useState } from "react";
import type { ProgramAnalytics } from "@coach/contracts/program-analytics";
import { useApi } from "../../auth/auth-context";
import { BarChart, type Bar } from "../../components/charts/bar-chart";
import { LoadError } from "../../components/resource-view";
import { Button, Card, Skeleton } from "../../components/ui";
import { useResource } from "../../lib/use-resource";

function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)} %`;
}

/** The funnel from enrolment through each step to the end, as bars. */
function funnelBars(funnel: ProgramAnalytics["funnel"]): Bar[] {
  return [
    { label: "Enrolled", value: funnel.enrolled },
    { label: "Started", value: funnel.started },
    ...funnel.steps.map((s) => ({ label: `${s.node_id} done`, value: s.completed })),
    { label: "Finished", value: funnel.finished },
  ];
}

export function ProgramAnalyticsPanel({ programId, slug }: { programId: string; slug: string }) {
  const api = useApi();
  const analytics = useResource(
    (signal) => api.get("/programs/:id/analytics", { params: { id: programId }, signal }),
    [api, programId],
  );
  const [downloading, setDownloading] = useState(false);
  const data = analytics.data;

  async function downloadCsv(): Promise<void> {
    setDownloading(true);
    try {
      const res = await api.raw("GET", "/programs/:id/analytics.csv", {
        params: { id: programId },
      });
      const url = URL.createObjectURL(await res.blob());
      const link = Object.assign(document.createElement("a"), {
        href: url,
        download: `program-${slug}-analytics.csv`,
      });
      link.click();
      URL.revokeObjectURL(url);
    } finally {
      setDownloading(false);
    }
  }

  if (analytics.error)
    return <LoadError resource={analytics} title="Could not load the program's analytics" />;
  if (!data)
    return (
      <Card>
        <Skeleton lines={6} />
      </Card>
    );
  return (
    <div className="grid-2">
      <Card
        title="Enrolment funnel"
        actions={
          <Button busy={downloading} onClick={() => void downloadCsv()}>
            Export CSV
          </Button>
        }
      >
        <BarChart title="Enrolment funnel" bars={funnelBars(data.funnel)} />
      </Card>
      <Card title="Step completion">
        <BarChart
          title="Step completion (%)"
          colour="#4f46e5"
          unit=" %"
          bars={data.funnel.steps.map((s) => ({
            label: s.label,
            value: Math.round((s.completion_rate ?? 0) * 100),
          }))}
        />
      </Card>
      <Card title="Check-in score by week of enrolment">
        {data.checkin_trend.length === 0 ? (
          <p className="muted">No check-in answered yet.</p>
        ) : (
          <BarChart
            title="Average score by week"
            colour="#c2410c"
            bars={data.checkin_trend.map((p) => ({
              label: `Week ${p.week + 1} (${p.answers})`,
              value: p.average,
            }))}
          />
        )}
        {data.cohorts.length > 1 && (
          <table className="table">
            <caption className="sr">Cohorts</caption>
            <thead>
              <tr>
                <th scope="col">Cohort (week of)</th>
                <th scope="col">Enrolled</th>
                <th scope="col">Finished</th>
                <th scope="col">Scores by week</th>
              </tr>
            </thead>
            <tbody>
              {data.cohorts.map((c) => (
                <tr key={c.cohort}>
                  <td>{c.cohort}</td>
                  <td>{c.enrolled}</td>
                  <td>{c.finished}</td>
                  <td>{c.checkin_trend.map((p) => p.average).join(" → ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title="Retention, nudges and commitments">
        <dl className="program-stats">
          <dt>Day 1 / 7 / 30 retention</dt>
          <dd>
            {percent(data.retention.day_1)} / {percent(data.retention.day_7)} /{" "}
            {percent(data.retention.day_30)}
          </dd>
          <dt>Nudges answered</dt>
          <dd>
            {data.nudges.replied} of {data.nudges.sent} ({percent(data.nudges.response_rate)})
          </dd>
          <dt>Commitment adherence</dt>
          <dd>
            {percent(data.commitments.adherence)} ({data.commitments.done} done,{" "}
            {data.commitments.partly} partly, {data.commitments.not_yet} not yet)
          </dd>
        </dl>
      </Card>
    </div>
  );
}

// What works: conversations and active users per day, messages by author, how confident the answers
// were, the most cited documents and the split across channels.
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { BarChart, type Bar } from "../../components/charts/bar-chart";
import { LineChart, seriesOf } from "../../components/charts/line-chart";
import { LoadError } from "../../components/resource-view";
import { ScreenHeader } from "../../components/screen-header";
import { Segmented } from "../../components/segmented";
import { Card, EmptyState, Skeleton } from "../../components/ui";
import { useResource } from "../../lib/use-resource";

/** The periods offered, by their length in days. */
const RANGES = { "7": "7 days", "30": "30 days", "90": "90 days" };

/** A confidence bucket's bar, labelled in whole percents, e.g. "60–80%". */
function confidenceBar({ min, max, count }: { min: number; max: number; count: number }): Bar {
  return { label: `${Math.round(min * 100)}–${Math.round(max * 100)}%`, value: count };
}

export function AnalyticsScreen() {
  const api = useApi();
  const [days, setDays] = useState<keyof typeof RANGES>("30");
  const analytics = useResource(
    (signal) => api.get("/analytics", { query: { days: Number(days) }, signal }),
    [api, days],
  );
  const data = analytics.data;
  const total = data ? data.messages.user + data.messages.assistant + data.messages.creator : 0;

  return (
    <>
      <ScreenHeader
        actions={<Segmented label="Period" options={RANGES} value={days} onValue={setDays} />}
      />
      <LoadError resource={analytics} title="Could not load analytics" />
      {analytics.loading && !data ? (
        <Card>
          <Skeleton lines={6} />
        </Card>
      ) : !data ? null : total === 0 ? (
        <Card>
          <EmptyState title="No conversations in this period">
            Try your assistant in the persona screen’s test chat, or embed the widget; figures
            appear here as people talk to it.
          </EmptyState>
        </Card>
      ) : (
        <div className="grid-2">
          <Card title="Conversations and active users per day" className="span-2">
            <LineChart
              title="Conversations and active users per day"
              dates={data.per_day.map((d) => d.date)}
              series={seriesOf(data.per_day, [
                { label: "Conversations", colour: "#0f766e", value: (d) => d.conversations },
                {
                  label: "Active users",
                  colour: "#c2410c",
                  value: (d) => d.active_users,
                  dash: "6 5",
                },
              ])}
            />
          </Card>
          <Card title={`Messages (${total})`}>
            <BarChart
              title="Messages by author"
              bars={[
                { label: "From users", value: data.messages.user },
                { label: "From the assistant", value: data.messages.assistant },
                { label: "From you (takeover)", value: data.messages.creator },
              ]}
            />
          </Card>
          <Card title="Answer confidence">
            <BarChart
              title="Answers by confidence"
              colour="#4f46e5"
              bars={data.confidence.buckets.map(confidenceBar)}
            />
            <p className="muted small">
              {data.confidence.fallback_count} answer
              {data.confidence.fallback_count === 1 ? "" : "s"} fell back because the material had
              nothing.
            </p>
          </Card>
          <Card title="Top cited documents">
            {data.top_documents.length === 0 ? (
              <p className="muted">No answer cited your material yet.</p>
            ) : (
              <BarChart
                title="Citations per document"
                colour="#0369a1"
                bars={data.top_documents.map((d) => ({ label: d.title, value: d.citations }))}
              />
            )}
          </Card>
          <Card title="Channels">
            <BarChart
              title="Conversations per channel"
              colour="#7c3aed"
              bars={data.channels.map((c) => ({ label: c.channel, value: c.conversations }))}
            />
          </Card>
        </div>
      )}
    </>
  );
}

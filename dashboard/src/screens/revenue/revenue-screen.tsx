// Revenue from memberships: monthly recurring revenue per currency, active members, trials, churn over
// the last 30 days and failed payments, the same over time (per day or per month), then every member
// with their plan and where their subscription stands (from Stripe, as the edge last read it); above
// them, where the payments go; below them, the plans on sale.
import type { RevenueView } from "@coach/contracts/billing";
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { LoadError, Loaded } from "../../components/resource-view";
import { ScreenHeader } from "../../components/screen-header";
import { Segmented } from "../../components/segmented";
import { Card } from "../../components/ui";
import { useResource } from "../../lib/use-resource";
import { MembersCard } from "./members-card";
import { formatMoney } from "./money";
import { PayoutsCard } from "./payouts-card";
import { PlansCard } from "./plans-card";
import { RevenueChart } from "./revenue-chart";
import "./revenue.css";

const PERIODS = { "30d": "30 days", "90d": "90 days", "12m": "12 months" };
type Period = keyof typeof PERIODS;

/** What each period asks the edge for. */
const PERIOD_QUERIES = {
  "30d": { interval: "day", days: 30 },
  "90d": { interval: "day", days: 90 },
  "12m": { interval: "month", months: 12 },
} as const satisfies Record<Period, unknown>;

function Figures({ revenue }: { revenue: RevenueView }) {
  const mrr =
    revenue.mrr.length === 0
      ? formatMoney(0, "usd")
      : revenue.mrr.map((m) => formatMoney(m.amount_minor, m.currency)).join(" + ");
  const figures: [string, string][] = [
    ["Monthly recurring revenue", mrr],
    ["Active members", String(revenue.active_members)],
    ["Trials", String(revenue.trials)],
    ["Churned (30 days)", String(revenue.churned_last_30_days)],
    ["Failed payments", String(revenue.failed_payments)],
  ];
  return (
    <dl className="revenue-figures">
      {figures.map(([label, value]) => (
        // The figure reads first on screen (column-reverse), its name first for screen readers.
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RevenueScreen() {
  const api = useApi();
  const [period, setPeriod] = useState<Period>("30d");
  const revenue = useResource(
    (signal) => api.get("/billing/revenue", { query: PERIOD_QUERIES[period], signal }),
    [api, period],
  );
  return (
    <>
      <ScreenHeader
        actions={<Segmented label="Period" options={PERIODS} value={period} onValue={setPeriod} />}
      />
      <LoadError resource={revenue} title="Could not load revenue" />
      <PayoutsCard />
      <Card>
        <Loaded resource={revenue} lines={2}>
          {revenue.data && <Figures revenue={revenue.data} />}
        </Loaded>
      </Card>
      <Card title="Over time">
        <Loaded resource={revenue} lines={6}>
          {revenue.data && <RevenueChart revenue={revenue.data} />}
        </Loaded>
      </Card>
      <MembersCard />
      <PlansCard />
    </>
  );
}

// The revenue figures over time: monthly recurring revenue in the workspace's main currency, and
// members (paying, on trial, churned, with a failed payment) per day or per month.
import type { RevenuePoint, RevenueView } from "@coach/contracts/billing";
import { LineChart, seriesOf, type Line } from "../../components/charts/line-chart";
import { majorUnits } from "./money";

/** The currency most of today's MRR is in (the first one the edge lists), usd before any sale. */
export function mainCurrency(revenue: RevenueView): string {
  return revenue.mrr[0]?.currency ?? revenue.series.at(-1)?.mrr[0]?.currency ?? "usd";
}

/** The members chart's lines; dashed, so a line drawn over another with equal values shows it. */
const MEMBER_LINES: Line<RevenuePoint>[] = [
  { label: "Active", colour: "#1d4ed8", value: (p) => p.active_members },
  { label: "Trials", colour: "#7c3aed", value: (p) => p.trials, dash: "8 5" },
  { label: "Churned", colour: "#b91c1c", value: (p) => p.churned, dash: "3 4" },
  { label: "Failed payments", colour: "#b45309", value: (p) => p.failed_payments, dash: "1 5" },
];

export function RevenueChart({ revenue }: { revenue: RevenueView }) {
  const currency = mainCurrency(revenue);
  const periods = revenue.series.map((p) => p.period);
  const per = revenue.interval === "day" ? "day" : "month";
  return (
    <div className="grid-2">
      <LineChart
        title={`Monthly recurring revenue (${currency.toUpperCase()}) per ${per}`}
        dates={periods}
        legend="last"
        series={[
          {
            label: `MRR, ${currency.toUpperCase()}`,
            colour: "#0f766e",
            values: revenue.series.map((p) =>
              majorUnits(p.mrr.find((m) => m.currency === currency)?.amount_minor ?? 0, currency),
            ),
          },
        ]}
      />
      <LineChart
        title={`Members per ${per}`}
        dates={periods}
        legend="last"
        series={seriesOf(revenue.series, MEMBER_LINES)}
      />
    </div>
  );
}

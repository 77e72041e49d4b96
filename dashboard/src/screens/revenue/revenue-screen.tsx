// Revenue from memberships: monthly recurring revenue per currency, active members, trials, churn over
// the last 30 days and failed payments, then every member with their plan and where their
// subscription stands (from Stripe, as the edge last read it); above them, where the payments go.
import type { MemberView, RevenueView } from "@coach/contracts/billing";
import { useApi } from "../../auth/auth-context";
import { DataTable } from "../../components/data-table";
import { LoadError, Loaded } from "../../components/resource-view";
import { Badge, Card, EmptyState, PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { PayoutsCard } from "./payouts-card";

/** An amount in a currency's minor unit, written the way the currency is (19.00 $, ¥1900). */
function formatMoney(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat(undefined, { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

function statusOf(member: MemberView): string {
  if (member.status === "active" && member.cancel_at_period_end)
    return `Cancels ${formatDateTime(member.current_period_end)}`;
  const words: Record<string, string> = {
    active: "Active",
    trialing: "Trial",
    past_due: "Payment failed",
    unpaid: "Unpaid",
    canceled: "Ended",
  };
  return words[member.status] ?? member.status;
}

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
    <dl className="program-stats">
      {figures.flatMap(([label, value]) => [
        <dt key={`${label}-t`}>{label}</dt>,
        <dd key={label}>{value}</dd>,
      ])}
    </dl>
  );
}

export function RevenueScreen() {
  const api = useApi();
  const revenue = useResource((signal) => api.get("/billing/revenue", { signal }), [api]);
  const members = revenue.data?.members ?? [];
  return (
    <>
      <PageHeader
        title="Revenue"
        description="What your memberships earn, and who your members are."
      />
      <LoadError resource={revenue} title="Could not load revenue" />
      <PayoutsCard />
      <Card>
        <Loaded resource={revenue} lines={2}>
          {revenue.data && <Figures revenue={revenue.data} />}
        </Loaded>
      </Card>
      <Card title="Members">
        <Loaded
          resource={revenue}
          lines={4}
          empty={
            members.length === 0 && (
              <EmptyState title="No members yet">
                People who buy a plan from your assistant are listed here.
              </EmptyState>
            )
          }
        >
          <DataTable columns={["Member", "Plan", "Price", "Status", "Renews or ends"]}>
            {members.map((m) => (
              <tr key={m.subscription_id}>
                <td>{m.display_name ?? `Contact ${m.contact_id.slice(0, 8)}`}</td>
                <td>{m.plan_name ?? "A deleted plan"}</td>
                <td>
                  {formatMoney(m.amount_minor, m.currency)} / {m.interval}
                </td>
                <td>
                  <Badge>{statusOf(m)}</Badge>
                </td>
                <td>{formatDateTime(m.canceled_at ?? m.current_period_end)}</td>
              </tr>
            ))}
          </DataTable>
        </Loaded>
      </Card>
    </>
  );
}

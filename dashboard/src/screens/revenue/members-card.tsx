// The members behind the revenue: each with their plan, price and where their subscription stands,
// a page at a time, filtered by status, and the whole list as a CSV download.
import type { MemberView } from "@coach/contracts/billing";
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { DataTable } from "../../components/data-table";
import { Pager, usePagedResource } from "../../components/pager";
import { LoadError, Loaded } from "../../components/resource-view";
import { Segmented } from "../../components/segmented";
import { Badge, Button, Card, EmptyState, ErrorNotice } from "../../components/ui";
import { formatDateTime, formatPerson } from "../../lib/format";
import { useAction } from "../../lib/use-resource";
import { formatMoney } from "./money";

const PAGE_SIZE = 25;

const FILTERS = {
  all: "Everyone",
  active: "Active",
  trialing: "Trials",
  past_due: "Payment failed",
  canceled: "Ended",
};
type Filter = keyof typeof FILTERS;

function statusOf(member: MemberView): { text: string; tone: "neutral" | "good" | "warn" | "bad" } {
  if (member.status === "active" && member.cancel_at_period_end)
    return { text: `Cancels ${formatDateTime(member.current_period_end)}`, tone: "warn" };
  const words: Record<string, { text: string; tone: "neutral" | "good" | "warn" | "bad" }> = {
    active: { text: "Active", tone: "good" },
    trialing: { text: "Trial", tone: "neutral" },
    past_due: { text: "Payment failed", tone: "bad" },
    unpaid: { text: "Unpaid", tone: "bad" },
    canceled: { text: "Ended", tone: "neutral" },
  };
  return words[member.status] ?? { text: member.status, tone: "neutral" };
}

export function MembersCard() {
  const api = useApi();
  const [status, setStatus] = useState<Filter>("all");
  const list = usePagedResource(
    (page, signal) => api.get("/billing/members", { query: { ...page, status }, signal }),
    [api, status],
    PAGE_SIZE,
    status,
  );
  const download = useAction(async () => {
    const res = await api.raw("GET", "/billing/members/export", { query: { status } });
    const url = URL.createObjectURL(await res.blob());
    const day = new Date().toISOString().slice(0, 10);
    Object.assign(document.createElement("a"), {
      href: url,
      download: `members-${day}.csv`,
    }).click();
    URL.revokeObjectURL(url);
  });
  const members = list.data?.members ?? [];
  return (
    <Card
      title="Members"
      actions={
        <Button busy={download.busy} onClick={() => void download.run()}>
          Export CSV
        </Button>
      }
    >
      <Segmented label="Members to show" options={FILTERS} value={status} onValue={setStatus} />
      <LoadError resource={list} title="Could not load the members" />
      {download.error && <ErrorNotice error={download.error} title="The export failed" />}
      <Loaded
        resource={list}
        lines={4}
        empty={
          members.length === 0 &&
          list.pager.offset === 0 && (
            <EmptyState title={status === "all" ? "No members yet" : "Nobody here"}>
              People who buy a plan from your assistant are listed here.
            </EmptyState>
          )
        }
      >
        <DataTable columns={["Member", "Plan", "Price", "Status", "Renews or ended"]}>
          {members.map((m) => {
            const state = statusOf(m);
            return (
              <tr key={m.subscription_id}>
                <td>
                  {formatPerson(m.contact, null, { label: "member since", at: m.member_since })}
                </td>
                <td>{m.plan_name ?? "A deleted plan"}</td>
                <td>
                  {formatMoney(m.amount_minor, m.currency)} / {m.interval}
                </td>
                <td>
                  <Badge tone={state.tone}>{state.text}</Badge>
                </td>
                <td>{formatDateTime(m.canceled_at ?? m.current_period_end)}</td>
              </tr>
            );
          })}
        </DataTable>
      </Loaded>
      <Pager {...list.pager} count={members.length} noun="members" />
    </Card>
  );
}

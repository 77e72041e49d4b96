// The audit log: who did what and when, newest first, filterable by action, paged by cursor.
import { useState } from "react";
import type { AuditEvent } from "@coach/contracts/account-views";
import { useApi } from "../../auth/auth-context";
import { DataTable } from "../../components/data-table";
import { LoadError, Loaded } from "../../components/resource-view";
import { ScreenHeader } from "../../components/screen-header";
import { Button, Card, EmptyState } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useApiResource } from "../../lib/use-api-resource";
import { useAction, useResource } from "../../lib/use-resource";

export function AuditScreen() {
  const api = useApi();
  const [action, setAction] = useState("");
  const [filter, setFilter] = useState("");
  const [more, setMore] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({
      limit: "50",
      ...(filter ? { action: filter } : {}),
      ...extra,
    }).toString();
  const first = useResource(
    async (signal) => {
      const page = await api.get("/audit", { query: query({}), signal });
      setMore([]);
      setCursor(page.next_cursor);
      return page;
    },
    [api, filter],
  );
  const loadMore = useAction(async () => {
    if (!cursor) return;
    const page = await api.get("/audit", { query: query({ cursor }) });
    setMore((list) => [...list, ...page.events]);
    setCursor(page.next_cursor);
  });
  const events = [...(first.data?.events ?? []), ...more];
  // People by their user id, so the log names who did what.
  const members = useApiResource("/members");
  const names = new Map(
    (members.data?.members ?? []).map((m) => [m.user_id, m.full_name ?? m.email ?? "A member"]),
  );
  const person = (id: string | null | undefined) =>
    id ? (names.get(id) ?? "A former member") : null;

  const none = (
    <EmptyState title="Nothing recorded">
      {filter
        ? "No event has this action. Clear the filter to see everything."
        : "Actions in this workspace will be listed here."}
    </EmptyState>
  );
  return (
    <>
      <ScreenHeader />
      <Card>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            setFilter(action.trim());
          }}
        >
          <div className="field">
            <label htmlFor="audit-action">Action</label>
            <input
              id="audit-action"
              placeholder="e.g. persona.updated"
              value={action}
              onChange={(e) => setAction(e.target.value)}
            />
          </div>
          <Button type="submit">Filter</Button>
        </form>
        <LoadError
          resource={first}
          title="Could not load the audit log"
          error={first.error ?? loadMore.error}
        />
        <Loaded resource={first} lines={6} empty={events.length === 0 && none}>
          <DataTable columns={["When", "Action", "Who", "Target", "IP"]}>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.created_at)}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.actor_type === "user" ? (person(e.actor_id) ?? "Someone") : e.actor_type}
                </td>
                <td>
                  {e.target_type === "user"
                    ? person(e.target_id)
                    : e.target_type
                      ? `${e.target_type} ${e.target_id?.slice(0, 8) ?? ""}`
                      : "—"}
                </td>
                <td className="muted">{e.ip ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        </Loaded>
        {cursor && (
          <Button busy={loadMore.busy} onClick={() => void loadMore.run()}>
            Load older events
          </Button>
        )}
      </Card>
    </>
  );
}

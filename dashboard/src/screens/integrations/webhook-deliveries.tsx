// The delivery log of one outgoing webhook: each attempt's event, outcome and timing.
import { useApi } from "../../auth/auth-context";
import { DataTable } from "../../components/data-table";
import { LoadError } from "../../components/resource-view";
import { Badge, Button, Skeleton } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/use-resource";

export function WebhookDeliveries({ webhookId }: { webhookId: string }) {
  const api = useApi();
  const deliveries = useResource(
    (signal) =>
      api.get("/integrations/webhooks/:id/deliveries", { params: { id: webhookId }, signal }),
    [api, webhookId],
  );
  if (deliveries.loading && !deliveries.data) return <Skeleton lines={2} />;
  if (deliveries.error)
    return <LoadError resource={deliveries} title="Could not load the deliveries" />;
  const list = deliveries.data?.deliveries ?? [];
  return (
    <div>
      <div className="card-head">
        <h3>Deliveries</h3>
        <Button variant="ghost" onClick={() => void deliveries.reload()}>
          Refresh
        </Button>
      </div>
      {list.length === 0 ? (
        <p className="muted">Nothing sent yet. Send a test event to check your endpoint.</p>
      ) : (
        <DataTable columns={["Event", "Outcome", "Attempts", "When"]}>
          {list.map((d) => (
            <tr key={d.id}>
              <td>
                <code>{d.event}</code>
              </td>
              <td>
                <Badge
                  tone={d.status === "delivered" ? "good" : d.status === "failed" ? "bad" : "warn"}
                >
                  {d.status}
                </Badge>
                {d.last_status_code ? (
                  <span className="muted small"> HTTP {d.last_status_code}</span>
                ) : null}
                {d.last_error && <p className="field-error">{d.last_error}</p>}
              </td>
              <td>{d.attempts}</td>
              <td>
                {formatDateTime(d.created_at)}
                {d.next_attempt_at && (
                  <div className="muted small">next try {formatDateTime(d.next_attempt_at)}</div>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

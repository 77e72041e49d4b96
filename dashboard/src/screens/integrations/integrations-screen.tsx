// Outgoing webhooks: register an HTTPS endpoint for the events it wants (signed with HMAC, retried with
// back-off), see the secret once, send a test event, read the delivery log, remove it.
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { ListCard } from "../../components/list-card";
import { ScreenHeader } from "../../components/screen-header";
import { Button, EmptyState } from "../../components/ui";
import { useApiResource } from "../../lib/use-api-resource";
import { useDeletion } from "../../lib/use-deletion";
import { useAction } from "../../lib/use-resource";
import { NewWebhook } from "./new-webhook";
import { WebhookDeliveries } from "./webhook-deliveries";

const NO_WEBHOOKS = (
  <EmptyState title="No webhooks yet">
    Add one above to send events to Zapier, Make, your CRM or your own server.
  </EmptyState>
);

export function IntegrationsScreen() {
  const api = useApi();
  const hooks = useApiResource("/integrations/webhooks", { failed: "Could not load the webhooks" });
  const [open, setOpen] = useState<string | null>(null);
  const [tested, setTested] = useState<string | null>(null);
  const remove = useDeletion(hooks, "/integrations/webhooks/:id");
  const test = useAction(async (id: string) => {
    await api.post("/integrations/webhooks/:id/test", { params: { id } });
    setTested(id);
    setOpen(id);
  });
  const list = hooks.data?.webhooks ?? [];
  // Removing a webhook and sending it a test event share one notice.
  const action = { error: remove.error ?? test.error, failed: "That did not work" };

  return (
    <>
      <ScreenHeader />
      <NewWebhook onAdded={hooks.reload} />
      <ListCard title="Webhooks" resource={hooks} action={action} items={list} empty={NO_WEBHOOKS}>
        <ul className="channel-list">
          {list.map((hook) => (
            <li key={hook.id} className="channel">
              <div className="channel-head">
                <code>{hook.url}</code>
                {hook.description && <span className="muted">{hook.description}</span>}
              </div>
              <p className="small muted">{hook.events.join(", ")}</p>
              {tested === hook.id && (
                <p className="small" role="status">
                  Test event queued; it appears in the deliveries below.
                </p>
              )}
              <div className="row-actions">
                <Button busy={test.busy} onClick={() => void test.run(hook.id)}>
                  Send test event
                </Button>
                <Button
                  variant="ghost"
                  aria-expanded={open === hook.id}
                  onClick={() => setOpen(open === hook.id ? null : hook.id)}
                >
                  {open === hook.id ? "Hide deliveries" : "Show deliveries"}
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => void remove.run(hook.id)}
                  aria-label={`Remove the webhook to ${hook.url}`}
                >
                  Remove
                </Button>
              </div>
              {open === hook.id && (
                <WebhookDeliveries key={`${hook.id}-${tested ?? ""}`} webhookId={hook.id} />
              )}
            </li>
          ))}
        </ul>
      </ListCard>
    </>
  );
}

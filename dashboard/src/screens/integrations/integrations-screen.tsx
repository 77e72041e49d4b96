// Outgoing webhooks: register an HTTPS endpoint for the events it wants (signed with HMAC, retried with
// back-off), see the secret once, send a test event, read the delivery log, remove it.
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { CheckboxGroup } from "../../components/checkboxes";
import { TextField } from "../../components/form-fields";
import { LoadError, Loaded } from "../../components/resource-view";
import { SecretForm } from "../../components/secret-form";
import { Button, Card, EmptyState, ErrorNotice, PageHeader } from "../../components/ui";
import { useApiResource } from "../../lib/use-api-resource";
import { useDeletion } from "../../lib/use-deletion";
import { useAction } from "../../lib/use-resource";
import { WebhookDeliveries } from "./webhook-deliveries";

const NO_WEBHOOKS = (
  <EmptyState title="No webhooks yet">
    Add one above to send events to Zapier, Make, your CRM or your own server.
  </EmptyState>
);

const EVENTS = [
  { value: "conversation.created", label: "A new conversation starts" },
  { value: "answer.low_confidence", label: "An answer had low confidence" },
  { value: "human.requested", label: "A user asks for a human" },
  { value: "conversation.takeover", label: "Someone takes over a conversation" },
  { value: "conversation.handback", label: "A conversation is handed back" },
  { value: "enrollment.created", label: "A user is enrolled in a program" },
  { value: "enrollment.ended", label: "An enrolment ends" },
  { value: "outcome.recorded", label: "An outcome is recorded" },
  { value: "member.subscribed", label: "Someone becomes a paying member or starts a trial" },
  { value: "member.payment_failed", label: "A member's renewal payment fails" },
  { value: "member.cancelled", label: "A membership ends" },
];

export function IntegrationsScreen() {
  const api = useApi();
  const hooks = useApiResource("/integrations/webhooks");
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>(["human.requested"]);
  const [open, setOpen] = useState<string | null>(null);
  const [tested, setTested] = useState<string | null>(null);
  const create = async () => {
    const hook = await api.post("/integrations/webhooks", {
      body: { url, events, ...(description ? { description } : {}) },
    });
    setUrl("");
    setDescription("");
    return hook.secret ?? null;
  };
  const remove = useDeletion(hooks, "/integrations/webhooks/:id");
  const test = useAction(async (id: string) => {
    await api.post("/integrations/webhooks/:id/test", { params: { id } });
    setTested(id);
    setOpen(id);
  });
  const list = hooks.data?.webhooks ?? [];

  return (
    <>
      <PageHeader
        title="Integrations"
        description="Tell your other tools when something happens: we POST a signed JSON event to your URL and retry with back-off if it fails."
      />
      <Card title="Add a webhook">
        <SecretForm
          create={create}
          onCreated={hooks.reload}
          failed="The webhook was not added"
          submit="Add webhook"
          disabled={events.length === 0}
          copyLabel="Copy secret"
          note="Webhook added. Its signing secret is shown once: verify each request’s signature with it."
        >
          <TextField
            label="Endpoint URL"
            hint="HTTPS, reachable from the internet."
            type="url"
            required
            placeholder="https://example.com/hooks/coach"
            value={url}
            onValue={setUrl}
          />
          <TextField
            label="Description (optional)"
            maxLength={200}
            value={description}
            onValue={setDescription}
          />
          <CheckboxGroup
            legend="Events"
            options={EVENTS}
            selected={events}
            onSelected={setEvents}
          />
        </SecretForm>
      </Card>
      <Card title="Webhooks">
        <LoadError resource={hooks} title="Could not load the webhooks" />
        <ErrorNotice error={remove.error ?? test.error} title="That did not work" />
        <Loaded resource={hooks} lines={3} empty={list.length === 0 && NO_WEBHOOKS}>
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
        </Loaded>
      </Card>
    </>
  );
}

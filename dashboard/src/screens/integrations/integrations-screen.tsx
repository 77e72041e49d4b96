// Outgoing webhooks: register an HTTPS endpoint for the events it wants (signed with HMAC, retried with
// back-off), see the secret once, send a test event, read the delivery log, remove it.
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import {
  Button,
  Card,
  CopyButton,
  EmptyState,
  ErrorNotice,
  PageHeader,
  Skeleton,
  SuccessNotice,
  TextField,
} from "../../components/ui";
import { submitting, useAction, useResource } from "../../lib/use-resource";
import { WebhookDeliveries } from "./webhook-deliveries";

const EVENTS = [
  { type: "conversation.created", label: "A new conversation starts" },
  { type: "answer.low_confidence", label: "An answer had low confidence" },
  { type: "human.requested", label: "A user asks for a human" },
  { type: "conversation.takeover", label: "Someone takes over a conversation" },
  { type: "conversation.handback", label: "A conversation is handed back" },
  { type: "enrollment.created", label: "A user is enrolled in a program" },
  { type: "enrollment.ended", label: "An enrolment ends" },
  { type: "outcome.recorded", label: "An outcome is recorded" },
];

export function IntegrationsScreen() {
  const api = useApi();
  const hooks = useResource((signal) => api.get("/integrations/webhooks", { signal }), [api]);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>(["human.requested"]);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [tested, setTested] = useState<string | null>(null);
  const create = useAction(async () => {
    const hook = await api.post("/integrations/webhooks", {
      body: { url, events, ...(description ? { description } : {}) },
    });
    setSecret(hook.secret ?? null);
    setUrl("");
    setDescription("");
    await hooks.reload();
  });
  const remove = useAction(async (id: string) => {
    await api.del("/integrations/webhooks/:id", { params: { id } });
    await hooks.reload();
  });
  const test = useAction(async (id: string) => {
    await api.post("/integrations/webhooks/:id/test", { params: { id } });
    setTested(id);
    setOpen(id);
  });
  const onSubmit = submitting(create);
  const list = hooks.data?.webhooks ?? [];

  return (
    <>
      <PageHeader
        title="Integrations"
        description="Tell your other tools when something happens: we POST a signed JSON event to your URL and retry with back-off if it fails."
      />
      <Card title="Add a webhook">
        <form onSubmit={onSubmit}>
          <TextField
            label="Endpoint URL"
            hint="HTTPS, reachable from the internet."
            type="url"
            required
            placeholder="https://example.com/hooks/coach"
            value={url}
            onValue={(value) => setUrl(value)}
          />
          <TextField
            label="Description (optional)"
            maxLength={200}
            value={description}
            onValue={(value) => setDescription(value)}
          />
          <fieldset className="fieldset">
            <legend>Events</legend>
            {EVENTS.map((e) => (
              <label key={e.type} className="check-label">
                <input
                  type="checkbox"
                  checked={events.includes(e.type)}
                  onChange={(ev) =>
                    setEvents((list) =>
                      ev.target.checked ? [...list, e.type] : list.filter((x) => x !== e.type),
                    )
                  }
                />{" "}
                {e.label} <code className="small">{e.type}</code>
              </label>
            ))}
          </fieldset>
          <ErrorNotice error={create.error} title="The webhook was not added" />
          <Button type="submit" variant="primary" busy={create.busy} disabled={events.length === 0}>
            Add webhook
          </Button>
        </form>
        {secret && (
          <SuccessNotice>
            Webhook added. Its signing secret is shown once: verify each request’s signature with
            it.
            <div className="kv">
              <code>{secret}</code>
              <CopyButton text={secret} label="Copy secret" />
            </div>
          </SuccessNotice>
        )}
      </Card>
      <Card title="Webhooks">
        <ErrorNotice
          error={hooks.error}
          onRetry={() => void hooks.reload()}
          title="Could not load the webhooks"
        />
        <ErrorNotice error={remove.error ?? test.error} title="That did not work" />
        {hooks.loading && !hooks.data ? (
          <Skeleton lines={3} />
        ) : list.length === 0 && !hooks.error ? (
          <EmptyState title="No webhooks yet">
            Add one above to send events to Zapier, Make, your CRM or your own server.
          </EmptyState>
        ) : (
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
        )}
      </Card>
    </>
  );
}

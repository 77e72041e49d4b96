// The form that adds a webhook: its endpoint, a description and the events it wants; its signing secret
// is shown once.
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { CheckboxGroup } from "../../components/checkboxes";
import { TextField } from "../../components/form-fields";
import { SecretForm, type SecretFormTexts } from "../../components/secret-form";

const NEW_WEBHOOK: SecretFormTexts = {
  title: "Add a webhook",
  failed: "The webhook was not added",
  submit: "Add webhook",
  copyLabel: "Copy secret",
  note: "Webhook added. Its signing secret is shown once: verify each request’s signature with it.",
};

const EVENTS = {
  "conversation.created": "A new conversation starts",
  "answer.low_confidence": "An answer had low confidence",
  "human.requested": "A user asks for a human",
  "conversation.takeover": "Someone takes over a conversation",
  "conversation.handback": "A conversation is handed back",
  "enrollment.created": "A user is enrolled in a program",
  "enrollment.ended": "An enrolment ends",
  "outcome.recorded": "An outcome is recorded",
  "member.subscribed": "Someone becomes a paying member or starts a trial",
  "member.payment_failed": "A member's renewal payment fails",
  "member.cancelled": "A membership ends",
};

/** The form for a new webhook, and its signing secret once added. */
export function NewWebhook({ onAdded }: { onAdded: () => Promise<void> }) {
  const api = useApi();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>(["human.requested"]);
  const add = async () => {
    const hook = await api.post("/integrations/webhooks", {
      body: { url, events, ...(description ? { description } : {}) },
    });
    setUrl("");
    setDescription("");
    return hook.secret ?? null;
  };
  return (
    <SecretForm texts={NEW_WEBHOOK} create={add} onCreated={onAdded} disabled={events.length === 0}>
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
      <CheckboxGroup legend="Events" options={EVENTS} selected={events} onSelected={setEvents} />
    </SecretForm>
  );
}

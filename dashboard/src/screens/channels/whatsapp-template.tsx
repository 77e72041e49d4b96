// A WhatsApp number's message template: outside the 24 hours after a person last wrote, WhatsApp
// delivers only templates approved in Meta's WhatsApp Manager, so check-ins, reminders and nudges go
// out as this one (PUT /channels/:id/template). Its name, language and whether the message text fills
// its {{1}}; below it, every template of the number's business account with its review status and
// category, as Meta reports them.
import type { ChannelView, WhatsAppTemplate as Template } from "@coach/contracts/channels";
import { useState } from "react";
import { problemAt } from "../../api/errors";
import { useApi } from "../../auth/auth-context";
import { ActionForm } from "../../components/action-form";
import { CheckLabel } from "../../components/checkboxes";
import { TextField } from "../../components/form-fields";
import { Badge, Button } from "../../components/ui";
import { useAction } from "../../lib/use-resource";
import { TemplateCatalogue } from "./template-catalogue";

function TemplateForm({
  channelId,
  current,
  onSaved,
}: {
  channelId: string;
  current: Template | null;
  onSaved: () => void;
}) {
  const api = useApi();
  const [template, setTemplate] = useState<Template>(
    current ?? { name: "", language: "en", body_parameter: true },
  );
  const save = useAction(async () => {
    await api.put("/channels/:id/template", { params: { id: channelId }, body: template });
    onSaved();
  });
  /** A text field's value, its change, and the server's word on it. */
  const bind = (key: "name" | "language") => ({
    value: template[key],
    onValue: (value: string) => setTemplate({ ...template, [key]: value }),
    error: problemAt(save.error, key),
  });
  return (
    <ActionForm action={save} failed="The template was not saved" submit="Save template">
      <div className="form-grid">
        <TextField
          label="Template name"
          hint="As approved in WhatsApp Manager, like coach_checkin."
          required
          {...bind("name")}
        />
        <TextField
          label="Language code"
          hint="The approved language, like en or en_US."
          required
          {...bind("language")}
        />
      </div>
      <CheckLabel
        checked={template.body_parameter}
        onChecked={(body_parameter) => setTemplate({ ...template, body_parameter })}
      >
        Its body has one parameter, {"{{1}}"}, that receives the message
      </CheckLabel>
    </ActionForm>
  );
}

export function WhatsAppTemplate({
  channel,
  onSaved,
}: {
  channel: ChannelView;
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  const template = channel.template ?? null;
  return (
    <section className="whatsapp-template" aria-label="Message template">
      <div className="record-head">
        <strong>Message template</strong>
        {template ? (
          <>
            <code>{template.name}</code>
            <Badge>{template.language}</Badge>
            <Badge tone="info">
              {template.body_parameter ? "Message fills {{1}}" : "Sent as approved"}
            </Badge>
          </>
        ) : (
          <Badge tone="warn">None yet</Badge>
        )}
      </div>
      <p className="muted small">
        {template
          ? "Check-ins, reminders and nudges to someone who has not written in 24 hours go out as this template."
          : "Without one, check-ins, reminders and nudges wait until the person writes: after 24 hours WhatsApp only delivers templates approved in WhatsApp Manager."}{" "}
        Templates are written and submitted for review in WhatsApp Manager; their status shows
        below.
      </p>
      {open ? (
        <TemplateForm
          channelId={channel.id}
          current={template}
          onSaved={() => {
            setOpen(false);
            onSaved();
          }}
        />
      ) : (
        <Button onClick={() => setOpen(true)}>
          {template ? "Change template" : "Set a template"}
        </Button>
      )}
      <TemplateCatalogue channelId={channel.id} onChanged={onSaved} />
    </section>
  );
}

// Set up WhatsApp Business: the number's id and credentials from Meta, and a verify token (suggested
// here) that the creator enters in the Meta app with the webhook URL shown after connecting.
import { useState } from "react";
import type { ChannelView } from "@coach/contracts/channels";
import { useApi } from "../../auth/auth-context";
import { Button, ErrorNotice, Field } from "../../components/ui";
import { submitting, useAction } from "../../lib/use-resource";

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/[+/=]/g, "")
    .slice(0, 24);
}

export function WhatsAppForm({
  onConnected,
}: {
  onConnected: (channel: ChannelView, verifyToken: string) => void;
}) {
  const api = useApi();
  const [form, setForm] = useState({
    phone_number_id: "",
    access_token: "",
    app_secret: "",
    verify_token: randomToken(),
  });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: event.target.value }));
  const connect = useAction(async () => {
    const channel = await api.post("/channels/whatsapp", { body: form });
    onConnected(channel, form.verify_token);
  });
  const onSubmit = submitting(connect);
  return (
    <form onSubmit={onSubmit}>
      <ol className="steps small">
        <li>
          In Meta’s WhatsApp Manager, copy the phone number id, a permanent access token and your
          app’s secret.
        </li>
        <li>
          Connect here; then enter the webhook URL and verify token shown below in the Meta app’s
          webhook settings and subscribe to “messages”.
        </li>
      </ol>
      <Field label="Phone number id">
        {(id) => (
          <input
            id={id}
            required
            inputMode="numeric"
            value={form.phone_number_id}
            onChange={set("phone_number_id")}
          />
        )}
      </Field>
      <Field label="Access token">
        {(id) => (
          <input
            id={id}
            required
            autoComplete="off"
            type="password"
            value={form.access_token}
            onChange={set("access_token")}
          />
        )}
      </Field>
      <Field label="App secret">
        {(id) => (
          <input
            id={id}
            required
            autoComplete="off"
            type="password"
            value={form.app_secret}
            onChange={set("app_secret")}
          />
        )}
      </Field>
      <Field
        label="Verify token"
        hint="Any secret phrase; you enter the same in Meta’s webhook settings. We suggested one."
      >
        {(id, describedBy) => (
          <input
            id={id}
            required
            minLength={8}
            aria-describedby={describedBy}
            value={form.verify_token}
            onChange={set("verify_token")}
          />
        )}
      </Field>
      <ErrorNotice error={connect.error} title="WhatsApp was not connected" />
      <Button type="submit" variant="primary" busy={connect.busy}>
        Connect WhatsApp number
      </Button>
    </form>
  );
}

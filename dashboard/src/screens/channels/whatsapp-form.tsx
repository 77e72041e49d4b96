// Set up WhatsApp Business: the number's id and credentials from Meta, and a verify token (suggested
// here) that the creator enters in the Meta app with the webhook URL shown after connecting.
import { useState } from "react";
import type { ChannelView } from "@coach/contracts/channels";
import { useApi } from "../../auth/auth-context";
import { ActionForm } from "../../components/action-form";
import { TextField } from "../../components/form-fields";
import { useAction } from "../../lib/use-resource";

/** A credential's input: required, typed unseen, never filled in by the browser. */
const secret = { required: true, autoComplete: "off", type: "password" };

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
  const bind = (key: keyof typeof form) => ({
    value: form[key],
    onValue: (value: string) => setForm((f) => ({ ...f, [key]: value })),
  });
  const connect = useAction(async () => {
    const channel = await api.post("/channels/whatsapp", { body: form });
    onConnected(channel, form.verify_token);
  });
  return (
    <ActionForm
      action={connect}
      failed="WhatsApp was not connected"
      submit="Connect WhatsApp number"
    >
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
      <TextField
        label="Phone number id"
        required
        inputMode="numeric"
        {...bind("phone_number_id")}
      />
      <TextField label="Access token" {...secret} {...bind("access_token")} />
      <TextField label="App secret" {...secret} {...bind("app_secret")} />
      <TextField
        label="Verify token"
        hint="Any secret phrase; you enter the same in Meta’s webhook settings. We suggested one."
        required
        minLength={8}
        {...bind("verify_token")}
      />
    </ActionForm>
  );
}

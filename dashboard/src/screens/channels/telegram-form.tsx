// Connect a Telegram bot: the token from @BotFather; the edge checks it and sets the bot's webhook.
import { useState } from "react";
import type { ChannelView } from "@coach/contracts/channels";
import { useApi } from "../../auth/auth-context";
import { ActionForm } from "../../components/action-form";
import { TextField } from "../../components/form-fields";
import { useAction } from "../../lib/use-resource";

export function TelegramForm({ onConnected }: { onConnected: (channel: ChannelView) => void }) {
  const api = useApi();
  const [token, setToken] = useState("");
  const connect = useAction(async () => {
    onConnected(await api.post("/channels/telegram", { body: { bot_token: token.trim() } }));
    setToken("");
  });
  return (
    <ActionForm action={connect} failed="The bot was not connected" submit="Connect Telegram bot">
      <ol className="steps small">
        <li>In Telegram, open @BotFather and send /newbot (or /token for an existing bot).</li>
        <li>Paste the token it gives you here. We check it and point the bot at your assistant.</li>
      </ol>
      <TextField
        label="Bot token"
        hint="Looks like 123456789:AA… — stored sealed, never shown again."
        required
        autoComplete="off"
        spellCheck={false}
        value={token}
        onValue={setToken}
      />
    </ActionForm>
  );
}

// Messaging channels: the connected Telegram bots and WhatsApp numbers with their status and webhook
// URL, and forms to connect new ones.
import { useState } from "react";
import type { ApiResponse } from "@coach/contracts/api-routes";
import { LoadError, Loaded } from "../../components/resource-view";
import { ScreenHeader } from "../../components/screen-header";
import {
  Badge,
  Button,
  Card,
  CopyButton,
  EmptyState,
  ErrorNotice,
  SuccessNotice,
} from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useApiResource } from "../../lib/use-api-resource";
import { useDeletion } from "../../lib/use-deletion";
import type { Resource } from "../../lib/use-resource";
import { TelegramForm } from "./telegram-form";
import { WhatsAppForm } from "./whatsapp-form";
import { WhatsAppTemplate } from "./whatsapp-template";

const NO_CHANNELS = (
  <EmptyState title="No channels yet">
    Connect a Telegram bot or a WhatsApp number below. Your web widget works without this.
  </EmptyState>
);

const STATUS_TONE = { active: "good", error: "bad", disconnected: "neutral" } as const;

/** The connected channels, each with its webhook URL (and a new WhatsApp number's verify token). */
function ChannelList({
  channels,
  verifyToken,
}: {
  channels: Resource<ApiResponse<"GET", "/channels">>;
  verifyToken: { channelId: string; token: string } | null;
}) {
  const disconnect = useDeletion(channels, "/channels/:id");
  const list = (channels.data?.channels ?? []).filter((c) => c.status !== "disconnected");
  return (
    <>
      <LoadError resource={channels} title="Could not load the channels" />
      <ErrorNotice error={disconnect.error} title="Could not disconnect" />
      <Loaded resource={channels} lines={2} empty={list.length === 0 && NO_CHANNELS}>
        <ul className="channel-list">
          {list.map((channel) => (
            <li key={channel.id} className="channel">
              <div className="channel-head">
                <strong>{channel.kind === "telegram" ? "Telegram bot" : "WhatsApp number"}</strong>
                <span className="muted">{channel.external_id}</span>
                <Badge tone={STATUS_TONE[channel.status]}>{channel.status}</Badge>
              </div>
              {channel.last_error && <p className="field-error">{channel.last_error}</p>}
              {channel.webhook_url && (
                <div className="kv">
                  <span className="muted small">Webhook URL</span>
                  <code>{channel.webhook_url}</code>
                  <CopyButton text={channel.webhook_url} label="Copy URL" />
                </div>
              )}
              {verifyToken?.channelId === channel.id && (
                <div className="kv">
                  <span className="muted small">Verify token</span>
                  <code>{verifyToken.token}</code>
                  <CopyButton text={verifyToken.token} label="Copy token" />
                </div>
              )}
              {channel.kind === "whatsapp" && (
                <WhatsAppTemplate channel={channel} onSaved={() => void channels.reload()} />
              )}
              <p className="muted small">Last message {formatDateTime(channel.last_message_at)}</p>
              <Button
                variant="ghost"
                busy={disconnect.busy}
                onClick={() => void disconnect.run(channel.id)}
              >
                Disconnect
              </Button>
            </li>
          ))}
        </ul>
      </Loaded>
    </>
  );
}

export function ChannelsScreen() {
  const channels = useApiResource("/channels");
  const [verifyToken, setVerifyToken] = useState<{ channelId: string; token: string } | null>(null);

  return (
    <>
      <ScreenHeader />
      <Card title="Connected">
        <ChannelList channels={channels} verifyToken={verifyToken} />
        {verifyToken && (
          <SuccessNotice>
            WhatsApp is connected. Enter the webhook URL and the verify token above in your Meta app
            now; the token is not shown again.
          </SuccessNotice>
        )}
      </Card>
      <div className="split even">
        <Card title="Telegram">
          <TelegramForm onConnected={() => void channels.reload()} />
        </Card>
        <Card title="WhatsApp Business">
          <WhatsAppForm
            onConnected={(channel, token) => {
              setVerifyToken({ channelId: channel.id, token });
              void channels.reload();
            }}
          />
        </Card>
      </div>
    </>
  );
}

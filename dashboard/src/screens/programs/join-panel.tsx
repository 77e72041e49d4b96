// "How people join" a program: the widget tag that offers it on a website, the Telegram link that
// starts it, and the WhatsApp keyword with its link and QR code — each ready to copy.
import { LoadError } from "../../components/resource-view";
import { CopyButton, Skeleton } from "../../components/ui";
import { embedSnippet } from "../../lib/embed-snippet";
import { useApiResource } from "../../lib/use-api-resource";
import type { ProgramEditorProps } from "./program-editor-props";
import { TelegramJoin } from "./telegram-join";
import { WhatsAppJoin } from "./whatsapp-join";

export function JoinPanel({ program, onSaved }: ProgramEditorProps) {
  const widget = useApiResource("/widget");
  const channels = useApiResource("/channels");
  const connected = (channels.data?.channels ?? []).filter((c) => c.status !== "disconnected");
  return (
    <div className="join-panel" aria-label="How people join">
      <section>
        <h3>On your website</h3>
        <p className="muted small">
          This widget tag shows a “Join {program.name}” button in the chat. Use it instead of the
          plain tag on the pages where you offer this program.
        </p>
        <LoadError resource={widget} title="Could not load the widget" />
        {widget.data ? (
          <div className="join-item">
            <pre className="snippet" data-testid="program-widget-tag">
              <code>{embedSnippet(widget.data.public_key, program.slug)}</code>
            </pre>
            <CopyButton
              text={embedSnippet(widget.data.public_key, program.slug)}
              label="Copy widget tag"
            />
          </div>
        ) : (
          !widget.error && <Skeleton lines={2} />
        )}
      </section>
      <LoadError resource={channels} title="Could not load the channels" />
      {channels.data ? (
        <>
          <TelegramJoin slug={program.slug} bots={connected.filter((c) => c.kind === "telegram")} />
          <WhatsAppJoin
            program={program}
            numbers={connected.filter((c) => c.kind === "whatsapp")}
            onSaved={onSaved}
          />
        </>
      ) : (
        !channels.error && <Skeleton lines={4} />
      )}
    </div>
  );
}

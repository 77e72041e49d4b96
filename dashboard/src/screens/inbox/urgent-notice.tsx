// The crisis flag on a conversation: what happened, what the person was already sent, what is paused,
// and the one action that ends it once someone from the team has looked after them.
import type { Conversation } from "@coach/contracts/conversation-views";
import { useApi } from "../../auth/auth-context";
import { Button, ErrorNotice } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useAction } from "../../lib/use-resource";

/** The flag's kind in the coach's words. */
export const URGENT_KIND_LABEL: Record<NonNullable<Conversation["urgent_kind"]>, string> = {
  self_harm: "self-harm or suicide",
  harm_to_others: "harm to others",
  abuse: "abuse or violence",
  medical_emergency: "a medical emergency",
};

type UrgentNoticeProps = { conversation: Conversation; onResolved: () => void };

export function UrgentNotice({ conversation, onResolved }: UrgentNoticeProps) {
  const api = useApi();
  const resolve = useAction(async () => {
    await api.post("/conversations/:id/resolve-urgent", { params: { id: conversation.id } });
    onResolved();
  });
  if (conversation.urgent_at === null || conversation.urgent_kind === null) return null;
  return (
    <div className="notice notice-error urgent-notice" role="alert">
      <p>
        <strong>Urgent: possible {URGENT_KIND_LABEL[conversation.urgent_kind]}.</strong> A message
        from this person at {formatDateTime(conversation.urgent_at)} read as a crisis. They were
        answered at once with emergency and helpline numbers, not by the assistant. Check-ins and
        other proactive messages to them are paused.
      </p>
      <p>
        Reach out yourself (take over and write to them), then mark this resolved to let the program
        continue.
      </p>
      <Button variant="primary" busy={resolve.busy} onClick={() => void resolve.run()}>
        Mark resolved
      </Button>
      <ErrorNotice error={resolve.error} title="Could not resolve the flag" />
    </div>
  );
}

// Stopping every proactive message to a contact, as their own STOP would: asked twice, since only they
// can start them again (from their channel), never a member.
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { Button, ErrorNotice } from "../../components/ui";
import { useAction } from "../../lib/use-resource";
import type { CoachingStateProps } from "./coaching-state-props";

export function StopCoaching({ contactId, state, onChanged }: CoachingStateProps) {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const stop = useAction(async () => {
    onChanged(
      await api.put("/contacts/:id/coaching", {
        params: { id: contactId },
        body: { opted_out: true },
      }),
    );
    setAsking(false);
  });
  if (state.opted_out) return null;
  return (
    <div className="stop-coaching">
      <ErrorNotice error={stop.error} title="Coaching messages were not stopped" />
      {asking ? (
        <>
          <p className="small">
            Every program they are in ends, and nothing proactive is sent to them again unless they
            start coaching messages themselves.
          </p>
          <div className="row-actions">
            <Button variant="danger" busy={stop.busy} onClick={() => void stop.run()}>
              Stop for good
            </Button>
            <Button variant="ghost" onClick={() => setAsking(false)}>
              Keep them
            </Button>
          </div>
        </>
      ) : (
        <Button variant="ghost" onClick={() => setAsking(true)}>
          Stop coaching messages
        </Button>
      )}
    </div>
  );
}

// One end user's privacy request: export everything stored about them as a JSON file, or erase it
// (asked twice: it cannot be undone). Offered in the inbox beside the person, and on the Export &
// delete screen by contact id.
import { useState } from "react";
import { useApi } from "../auth/auth-context";
import { downloadJson } from "../lib/download";
import { useAction } from "../lib/use-resource";
import { Button, ErrorNotice, SuccessNotice } from "./ui";

export function ContactPrivacy({ contactId, name }: { contactId: string; name: string }) {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [erased, setErased] = useState<string | null>(null);
  const exportContact = useAction(async () =>
    downloadJson(
      `contact-${contactId}.json`,
      await api.get("/contacts/:id/export", { params: { id: contactId } }),
    ),
  );
  const eraseContact = useAction(async () => {
    const receipt = await api.del("/contacts/:id", { params: { id: contactId } });
    setAsking(false);
    setErased(
      receipt.complete
        ? "Erased from every store."
        : "Partly erased: a store could not be reached. Press erase again to finish.",
    );
  });
  const missing = contactId === "";
  return (
    <div className="contact-privacy">
      <ErrorNotice
        error={exportContact.error ?? eraseContact.error}
        title="The request did not work"
      />
      {erased && <SuccessNotice>{erased}</SuccessNotice>}
      {asking ? (
        <>
          <p className="small">
            Everything stored about {name} is deleted: messages, preferences, programs, commitments.
            This cannot be undone.
          </p>
          <div className="row-actions">
            <Button
              variant="danger"
              busy={eraseContact.busy}
              onClick={() => void eraseContact.run()}
            >
              Erase for good
            </Button>
            <Button variant="ghost" onClick={() => setAsking(false)}>
              Keep their data
            </Button>
          </div>
        </>
      ) : (
        <div className="row-actions">
          <Button
            disabled={missing}
            busy={exportContact.busy}
            onClick={() => void exportContact.run()}
          >
            Export {name}’s data
          </Button>
          <Button variant="danger" disabled={missing} onClick={() => setAsking(true)}>
            Erase {name}’s data
          </Button>
        </div>
      )}
    </div>
  );
}

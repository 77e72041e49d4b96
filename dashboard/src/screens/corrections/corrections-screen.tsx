// The creator's corrections: each question with the answer the assistant gives to it, and to nearly the
// same question, word for word. Written here or with "Correct this answer" under a message; changed or
// deleted here. A saved change is indexed again, so the list follows it until it is ready.
import type { Correction, DocumentStatus } from "@coach/contracts/content-views";
import { ConfirmDelete } from "../../components/confirm-delete";
import { ListEditor } from "../../components/list-editor";
import { usePagedList } from "../../components/pager";
import { ScreenHeader } from "../../components/screen-header";
import { Badge, Button, EmptyState } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useDeletion } from "../../lib/use-deletion";
import { useInterval } from "../../lib/use-resource";
import { CorrectionForm } from "./correction-form";

const PAGE_SIZE = 50;

const NO_CORRECTIONS = (
  <EmptyState title="No corrections yet">
    When an answer in the inbox or the test chat is not what you would say, press “Correct this
    answer” under it, or write one here.
  </EmptyState>
);

/** Only a correction that does not answer yet gets a badge; a ready one needs none. */
const PENDING: Partial<Record<DocumentStatus, { tone: "info" | "bad"; label: string }>> = {
  queued: { tone: "info", label: "Getting ready" },
  processing: { tone: "info", label: "Getting ready" },
  failed: { tone: "bad", label: "Not answering: save it again" },
};

function CorrectionItem({
  correction: c,
  onEdit,
  onDelete,
  deleting,
}: {
  correction: Correction;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  const pending = PENDING[c.status];
  return (
    <li className="record" data-correction={c.question}>
      <div className="record-head">
        <strong>{c.question}</strong>
        {pending && <Badge tone={pending.tone}>{pending.label}</Badge>}
      </div>
      <p className="record-text">{c.answer}</p>
      <p className="muted small">
        {c.updated_at > c.created_at ? "Changed" : "Written"} {formatDateTime(c.updated_at)}
      </p>
      <div className="row-actions">
        <Button onClick={onEdit} aria-label={`Edit the answer to “${c.question}”`}>
          Edit
        </Button>
        <ConfirmDelete
          name={`the correction “${c.question}”`}
          busy={deleting}
          onDelete={onDelete}
        />
      </div>
    </li>
  );
}

export function CorrectionsScreen() {
  const corrections = usePagedList("/knowledge/corrections", PAGE_SIZE);
  const list = corrections.data?.cases ?? [];
  const indexing = list.some((c) => c.status === "queued" || c.status === "processing");
  useInterval(() => void corrections.reload(), 2000, indexing);
  const remove = useDeletion(corrections, "/knowledge/documents/:id");

  return (
    <>
      <ScreenHeader />
      <ListEditor
        title="Your corrections"
        resource={corrections}
        loadFailed="Could not load the corrections"
        actionError={remove.error}
        actionFailed="The correction was not deleted"
        empty={NO_CORRECTIONS}
        items={list}
        noun="corrections"
        item={(c, edit) => (
          <CorrectionItem
            correction={c}
            onEdit={edit}
            onDelete={() => void remove.run(c.id)}
            deleting={remove.busy}
          />
        )}
        formTitle={(editing) => (editing ? "Change the answer" : "Add a correction")}
        form={(editing, saved) => <CorrectionForm editing={editing} onSaved={saved} />}
      />
    </>
  );
}

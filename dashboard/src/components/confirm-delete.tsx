// Delete, asked twice: the first press offers "Delete for good" and "Keep", so a slip of the finger
// deletes nothing. Both buttons name what goes, for screen readers.
import { useState } from "react";
import { Button } from "./ui";

export function ConfirmDelete({
  name,
  busy,
  onDelete,
}: {
  /** What is deleted, as the person knows it ("the rule “Quiet for 3 days”"). */
  name: string;
  busy: boolean;
  onDelete: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button variant="ghost" onClick={() => setAsking(true)} aria-label={`Delete ${name}`}>
        Delete
      </Button>
    );
  return (
    <>
      <Button
        variant="danger"
        busy={busy}
        onClick={onDelete}
        aria-label={`Confirm deleting ${name}`}
      >
        Delete for good
      </Button>
      <Button variant="ghost" onClick={() => setAsking(false)}>
        Keep
      </Button>
    </>
  );
}

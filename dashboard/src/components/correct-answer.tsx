// "Correct this answer", under an assistant's message (inbox and test chat): the question the person asked and the answer to
// give instead, saved as the creator's correction (POST /knowledge/corrections). From then on the same
// or a nearly identical question gets that answer word for word.
import { useState, type FormEvent } from "react";
import { useApi, useMe } from "../auth/auth-context";
import { useAction } from "../lib/use-resource";
import { CorrectionFields } from "./correction-fields";
import { Button, ErrorNotice } from "./ui";

export function CorrectAnswer({
  question,
  answer,
  model,
  conversationId,
  seq,
}: {
  question: string;
  answer: string;
  /**
   * The model that wrote the answer. Fixed replies (to a crisis, to a request for a person) and failed
   * or stopped turns have none: their words are not the assistant's to correct.
   */
  model: string | undefined;
  /** Where the answer was given, for the audit log; the test chat's answers have none. */
  conversationId?: string;
  seq?: number;
}) {
  // Corrections are knowledge: editors and above make them, viewers only read.
  const mayCorrect = useMe().role !== "viewer";
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState({ question, answer });
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    await api.post("/knowledge/corrections", {
      body: {
        question: text.question.trim(),
        answer: text.answer.trim(),
        ...(conversationId === undefined ? {} : { conversation_id: conversationId }),
        ...(seq === undefined ? {} : { message_seq: seq }),
      },
    });
    setSaved(true);
    setOpen(false);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };

  if (!mayCorrect || model === undefined) return null;
  if (saved)
    return (
      <p className="small" role="status">
        Correction saved. From now on, this question gets your answer word for word.
      </p>
    );
  if (!open)
    return (
      <Button className="correction-open" onClick={() => setOpen(true)}>
        Correct this answer
      </Button>
    );
  return (
    <form className="correction-form" onSubmit={onSubmit} aria-label="Correct this answer">
      <CorrectionFields value={text} onValue={setText} error={save.error} />
      <ErrorNotice error={save.error} title="The correction was not saved" />
      <div className="row-actions">
        <Button
          type="submit"
          variant="primary"
          busy={save.busy}
          disabled={!text.question.trim() || !text.answer.trim()}
        >
          Save correction
        </Button>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}

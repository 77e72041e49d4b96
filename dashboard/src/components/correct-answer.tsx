// "Correct this answer", under an assistant's message (inbox and test chat): the question the person asked and the answer to
// give instead, saved as the creator's correction (POST /knowledge/corrections). From then on the same
// or a nearly identical question gets that answer word for word.
import { Fragment, useId, useState, type FormEvent } from "react";
import { useApi, useMe } from "../auth/auth-context";
import { useAction } from "../lib/use-resource";
import { Button, ErrorNotice } from "./ui";

/** The form's two texts: the question as asked, and the answer to give instead. */
const PARTS = [
  { part: "question", label: "The question", rows: 2, maxLength: 2000 },
  { part: "answer", label: "The answer to give instead", rows: 5, maxLength: 8000 },
] as const;

export function CorrectAnswer({
  question,
  answer,
  conversationId,
  seq,
}: {
  question: string;
  answer: string;
  /** Where the answer was given, for the audit log; the test chat's answers have none. */
  conversationId?: string;
  seq?: number;
}) {
  const fieldId = useId();
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

  if (!mayCorrect) return null;
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
      {PARTS.map(({ part, label, rows, maxLength }) => (
        <Fragment key={part}>
          <label htmlFor={`${fieldId}-${part}`}>{label}</label>
          <textarea
            id={`${fieldId}-${part}`}
            rows={rows}
            maxLength={maxLength}
            value={text[part]}
            onChange={(e) => setText({ ...text, [part]: e.target.value })}
          />
        </Fragment>
      ))}
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

// "Correct this answer", under an assistant's message (inbox and test chat): the question the person asked and the answer to
// give instead, saved as the creator's correction (POST /knowledge/corrections). From then on the same
// or a nearly identical question gets that answer word for word. On the Gaps screen the same dialog is
// "Answer this" (POST /knowledge/gaps/answer), with an opt-in to send the answer to the people who asked.
import type { GapAnswerResult } from "@coach/contracts/content-views";
import { useState, type FormEvent } from "react";
import { useApi, useMe } from "../auth/auth-context";
import { useAction } from "../lib/use-resource";
import { CheckLabel } from "./checkboxes";
import { CorrectionFields } from "./correction-fields";
import { Button, ErrorNotice } from "./ui";

function people(n: number): string {
  return n === 1 ? "1 person" : `${n} people`;
}

/** What the saved gap answer did, in the creator's words. */
function gapOutcome(result: GapAnswerResult): string {
  const saved = "Answer saved. From now on, this question gets your answer word for word.";
  if (!result.notify_askers) return saved;
  const skipped =
    result.skipped > 0
      ? ` ${people(result.skipped)} could not be sent it (opted out, or their channel does not allow it now).`
      : "";
  const more = result.more ? " More people asked; save again to send it to the next ones." : "";
  return `${saved} Sent to ${people(result.sent)}.${skipped}${more}`;
}

export function CorrectAnswer({
  question,
  answer,
  model,
  conversationId,
  seq,
  askers,
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
  /**
   * Given on the Gaps screen: the dialog answers the gap ("Answer this"), and offers to send the answer
   * to the people who asked, this many of whom have not been sent one yet.
   */
  askers?: number;
}) {
  const gap = askers !== undefined;
  // Corrections are knowledge: editors and above make them, viewers only read.
  const mayCorrect = useMe().role !== "viewer";
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState({ question, answer });
  const [saved, setSaved] = useState<string | null>(null);
  const [notify, setNotify] = useState(false);
  const save = useAction(async () => {
    if (gap) {
      const result = await api.post("/knowledge/gaps/answer", {
        body: {
          question: text.question.trim(),
          answer: text.answer.trim(),
          notify_askers: notify && askers > 0,
        },
      });
      setSaved(gapOutcome(result));
      setOpen(false);
      return;
    }
    await api.post("/knowledge/corrections", {
      body: {
        question: text.question.trim(),
        answer: text.answer.trim(),
        ...(conversationId === undefined ? {} : { conversation_id: conversationId }),
        ...(seq === undefined ? {} : { message_seq: seq }),
      },
    });
    setSaved("Correction saved. From now on, this question gets your answer word for word.");
    setOpen(false);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };

  if (!mayCorrect || (!gap && model === undefined)) return null;
  if (saved !== null)
    return (
      <p className="small" role="status">
        {saved}
      </p>
    );
  const label = gap ? "Answer this" : "Correct this answer";
  if (!open)
    return (
      <Button className="correction-open" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  return (
    <form className="correction-form" onSubmit={onSubmit} aria-label={label}>
      <CorrectionFields value={text} onValue={setText} error={save.error} />
      {gap && askers > 0 && (
        <CheckLabel checked={notify} onChecked={setNotify}>
          Also send this answer to the {people(askers)} who asked
        </CheckLabel>
      )}
      <ErrorNotice
        error={save.error}
        title={gap ? "The answer was not saved" : "The correction was not saved"}
      />
      <div className="row-actions">
        <Button
          type="submit"
          variant="primary"
          busy={save.busy}
          disabled={!text.question.trim() || !text.answer.trim()}
        >
          {gap ? "Save answer" : "Save correction"}
        </Button>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}

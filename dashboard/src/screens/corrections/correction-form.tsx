// Writing a correction on the Corrections screen: a new one, or new words for one from the list. Saved,
// it is indexed again, and the question gets the new answer once the list shows it ready.
import type { Correction } from "@coach/contracts/content-views";
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { ActionForm } from "../../components/action-form";
import { CorrectionFields } from "../../components/correction-fields";
import { useAction } from "../../lib/use-resource";

export function CorrectionForm({
  editing,
  onSaved,
}: {
  /** The correction being changed; null for a new one. */
  editing: Correction | null;
  onSaved: () => Promise<void>;
}) {
  const api = useApi();
  const [text, setText] = useState({
    question: editing?.question ?? "",
    answer: editing?.answer ?? "",
  });
  const save = useAction(async () => {
    const body = { question: text.question.trim(), answer: text.answer.trim() };
    if (editing) await api.put("/knowledge/corrections/:id", { params: { id: editing.id }, body });
    else await api.post("/knowledge/corrections", { body });
    setText({ question: "", answer: "" });
    await onSaved();
  });
  return (
    <ActionForm
      action={save}
      failed="The correction was not saved"
      submit={editing ? "Save changes" : "Save correction"}
      disabled={!text.question.trim() || !text.answer.trim()}
    >
      <CorrectionFields value={text} onValue={setText} error={save.error} />
    </ActionForm>
  );
}

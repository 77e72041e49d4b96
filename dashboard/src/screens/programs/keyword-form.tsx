// The program's WhatsApp keyword: the message that enrols whoever sends it (any case).
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { ActionForm } from "../../components/action-form";
import { TextField } from "../../components/form-fields";
import { useAction } from "../../lib/use-resource";
import type { ProgramEditorProps } from "./program-editor-props";

export function KeywordForm({ program, onSaved }: ProgramEditorProps) {
  const api = useApi();
  const [keyword, setKeyword] = useState(program.keyword ?? "");
  const save = useAction(async () => {
    const saved = await api.put("/programs/:id", {
      params: { id: program.id },
      body: { keyword: keyword.trim() || null },
    });
    setKeyword(saved.keyword ?? "");
    onSaved(saved);
  });
  return (
    <ActionForm action={save} failed="The keyword was not saved" submit="Save keyword">
      <TextField
        label="Keyword"
        hint={
          program.keyword
            ? "People send this to join. Changing it keeps everyone who already joined."
            : "Choose a word people send to join, like JOIN RUN5K."
        }
        maxLength={40}
        value={keyword}
        onValue={setKeyword}
      />
    </ActionForm>
  );
}

// A document's title in the library, editable in place: "Rename" turns it into a field (Enter saves,
// Escape cancels). The new title shows in the library and in every citation at once; when the home
// server could not take it yet, a line says it catches up at the next re-index.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { KnowledgeDocument } from "@coach/contracts/content-views";
import { useApi } from "../../auth/auth-context";
import { Button, ErrorNotice } from "../../components/ui";
import { useAction } from "../../lib/use-resource";

/** As the API accepts it: trimmed, 1–200 characters. */
const MAX_TITLE = 200;

type Props = { doc: KnowledgeDocument; onRenamed: (doc: KnowledgeDocument) => void };

export function DocumentTitle({ doc, onRenamed }: Props) {
  const api = useApi();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(doc.title);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const save = useAction(async (title: string) => {
    const renamed = await api.patch("/knowledge/documents/:id", {
      params: { id: doc.id },
      body: { title },
    });
    setPending(renamed.bridge_pending);
    setEditing(false);
    onRenamed(renamed);
  });
  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  const start = () => {
    setDraft(doc.title);
    save.clearError();
    setEditing(true);
  };
  const cancel = () => {
    setEditing(false);
    // Back where the creator was, so the keyboard does not lose its place in the table.
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = draft.trim();
    if (!title) return;
    if (title === doc.title) return cancel();
    void save.run(title).then(() => requestAnimationFrame(() => renameButton.current?.focus()));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    }
  };

  if (editing) {
    return (
      <form className="title-form" onSubmit={submit}>
        <label htmlFor={`title-${doc.id}`} className="visually-hidden">
          New title for {doc.title}
        </label>
        <input
          id={`title-${doc.id}`}
          ref={input}
          value={draft}
          maxLength={MAX_TITLE}
          required
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" variant="primary" busy={save.busy} disabled={!draft.trim()}>
          Save
        </Button>
        <Button variant="ghost" onClick={cancel}>
          Cancel
        </Button>
        <ErrorNotice error={save.error} title="The title was not changed" />
      </form>
    );
  }
  return (
    <div className="title-row">
      <strong>{doc.title}</strong>
      <Button variant="ghost" ref={renameButton} onClick={start} aria-label={`Rename ${doc.title}`}>
        Rename
      </Button>
      {pending && (
        <p className="small muted" role="status">
          Renamed. Answers already show the new title; your home server has not taken it yet and
          gets it at the next re-index.
        </p>
      )}
    </div>
  );
}

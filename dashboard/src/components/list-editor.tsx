// A list of what the coach wrote (coaching rules, corrections), a page at a time, beside the form that
// adds one or changes the one picked from the list. Picking one moves the keyboard, and a phone's view,
// to the form; its title and Cancel say which it is. Once the form saves, the list is read again.
import { Fragment, useEffect, useRef, useState, type ReactNode } from "react";
import type { ApiError } from "../api/errors";
import { Pager, type PagedResource } from "./pager";
import { LoadError, Loaded } from "./resource-view";
import { Button, Card, ErrorNotice } from "./ui";

/** What the editor needs of its list, whatever the page holds. */
type ListResource = Omit<PagedResource<unknown>, "setData">;

export function ListEditor<T extends { id: string }>({
  title,
  resource,
  loadFailed,
  actionError,
  actionFailed,
  empty,
  items,
  noun,
  item,
  formTitle,
  form,
}: {
  title: string;
  /** The list, read a page at a time (see usePagedResource). */
  resource: ListResource;
  /** The title of the list's load error. */
  loadFailed: string;
  /** The error of an action on an item (delete, turn off), with its title. */
  actionError: ApiError | undefined;
  actionFailed: string;
  /** Shown while the list is empty. */
  empty: ReactNode;
  /** The page shown. */
  items: T[];
  /** What the items are, plural and lowercase, for the Pager. */
  noun: string;
  /** One item as an `<li>`, with what starts changing it. */
  item: (value: T, edit: () => void) => ReactNode;
  /** The form's title, for a new item (null) or the one being changed. */
  formTitle: (editing: T | null) => string;
  /** The form for a new item (null) or the one being changed; `saved` ends the change. */
  form: (editing: T | null, saved: () => Promise<void>) => ReactNode;
}) {
  const [editing, setEditing] = useState<T | null>(null);
  const formArea = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (editing) formArea.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [editing]);
  const saved = async () => {
    setEditing(null);
    await resource.reload();
  };
  return (
    <div className="split">
      <Card title={title}>
        <LoadError resource={resource} title={loadFailed} />
        <ErrorNotice error={actionError} title={actionFailed} />
        <Loaded resource={resource} lines={4} empty={items.length === 0 && empty}>
          <ul className="record-list">
            {items.map((value) => (
              <Fragment key={value.id}>{item(value, () => setEditing(value))}</Fragment>
            ))}
          </ul>
          <Pager {...resource.pager} count={items.length} noun={noun} />
        </Loaded>
      </Card>
      <div ref={formArea}>
        <Card
          title={formTitle(editing)}
          actions={
            editing && (
              <Button variant="ghost" onClick={() => setEditing(null)}>
                Cancel
              </Button>
            )
          }
        >
          {/* Keyed, so picking another item starts the form afresh from its values. */}
          <Fragment key={editing?.id ?? "new"}>{form(editing, saved)}</Fragment>
        </Card>
      </div>
    </div>
  );
}

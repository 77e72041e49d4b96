// A card listing what a screen keeps (API keys, bridges, webhooks, members): why the list did not load,
// with a retry; why the last change to an item failed; grey bars while the list first loads; then the
// empty state while there is nothing, else the list. Each failure brings its own title.
import type { ReactNode } from "react";
import type { ApiError } from "../api/errors";
import { LoadError, Loaded, type Loading } from "./resource-view";
import { Card, ErrorNotice } from "./ui";

export function ListCard({
  title,
  resource,
  action,
  lines = 3,
  items,
  empty,
  children,
}: {
  title: string;
  /** The list, with the title its load error is shown under (see useApiResource). */
  resource: Loading & { failed: string };
  /** What changes the list's items (see useDeletion), with the title its error is shown under. */
  action: { error: ApiError | undefined; failed: string };
  /** How many grey bars stand in for the list while it first loads. */
  lines?: number;
  /** What is listed, and what is shown instead while that is nothing. */
  items?: readonly unknown[];
  empty?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card title={title}>
      <LoadError resource={resource} title={resource.failed} />
      <ErrorNotice error={action.error} title={action.failed} />
      <Loaded resource={resource} lines={lines} empty={items?.length === 0 && empty}>
        {children}
      </Loaded>
    </Card>
  );
}

// A form that runs one action (see useAction) on submit: its fields, then the action's error, then the
// primary button that submits it, busy while the action runs.
import type { ReactNode } from "react";
import { ApiError } from "../api/errors";
import { submitting } from "../lib/use-resource";
import { Button, ErrorNotice } from "./ui";

export function ActionForm({
  action,
  failed,
  submit,
  disabled,
  children,
}: {
  action: { run: () => Promise<unknown>; busy: boolean; error: ApiError | undefined };
  /** The error's title. */
  failed: string;
  /** The button's label. */
  submit: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <form onSubmit={submitting(action)}>
      {children}
      <ErrorNotice error={action.error} title={failed} />
      <Button type="submit" variant="primary" busy={action.busy} disabled={disabled}>
        {submit}
      </Button>
    </form>
  );
}

// The form of a settings card (see useSettingsDraft): its fields, then why the last save failed or
// that it worked, and Save, shown only to the members who may change the settings.
import type { ReactNode } from "react";
import type { ApiError } from "../api/errors";
import { submitting } from "../lib/use-resource";
import { Button, ErrorNotice, SuccessNotice } from "./ui";

export function SettingsForm({
  save,
  saved,
  mayChange,
  failed,
  done,
  children,
}: {
  save: { run: () => Promise<unknown>; busy: boolean; error: ApiError | undefined };
  /** Whether the draft is the one last saved. */
  saved: boolean;
  mayChange: boolean;
  /** The save error's title. */
  failed: string;
  /** What a save changes, said once it is done. */
  done: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={submitting(save)}>
      {children}
      <ErrorNotice error={save.error} title={failed} />
      {saved && <SuccessNotice>{done}</SuccessNotice>}
      {mayChange && (
        <Button type="submit" variant="primary" busy={save.busy}>
          Save
        </Button>
      )}
    </form>
  );
}

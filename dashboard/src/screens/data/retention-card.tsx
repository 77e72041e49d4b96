// Data retention: how long the workspace keeps each kind of data, in days or forever, beside each
// kind's default. Every member sees it; owners and admins change it, and the change is swept at once.
import {
  MAX_RETENTION_DAYS,
  MIN_AUDIT_DAYS,
  type RetentionKind,
  type RetentionSettings,
} from "@coach/contracts/retention";
import { CheckLabel } from "../../components/checkboxes";
import { TextField } from "../../components/form-fields";
import { LoadError, Loaded } from "../../components/resource-view";
import { Button, Card, ErrorNotice, SuccessNotice } from "../../components/ui";
import { submitting } from "../../lib/use-resource";
import { type DraftShape, useSettingsDraft } from "../../lib/use-settings-draft";

const KINDS: { kind: RetentionKind; label: string; what: string }[] = [
  {
    kind: "conversations_days",
    label: "Conversations",
    what: "after their last message; urgent ones wait until resolved",
  },
  { kind: "originals_days", label: "Uploaded originals", what: "the files; passages still answer" },
  { kind: "audit_days", label: "Audit log entries", what: "who did what, and these receipts" },
  { kind: "webhook_deliveries_days", label: "Webhook deliveries", what: "the delivery log" },
  { kind: "gaps_days", label: "Gaps", what: "questions the coach could not answer" },
];

const describe = (days: number | null) => (days === null ? "kept forever" : `${days} days`);

/** What the form holds: days as typed, or null for "keep forever". */
type Draft = Record<RetentionKind, string | null>;

const RETENTION_DRAFT: DraftShape<"/workspace/retention", Draft> = {
  toDraft: (view) =>
    Object.fromEntries(
      KINDS.map(({ kind }) => [
        kind,
        view.settings[kind] === null ? null : String(view.settings[kind]),
      ]),
    ) as Draft,
  toBody: (draft) =>
    Object.fromEntries(
      KINDS.map(({ kind }) => [kind, draft[kind] === null ? null : Number(draft[kind])]),
    ) as RetentionSettings,
};

export function RetentionCard() {
  const {
    current: retention,
    draft,
    change,
    save,
    saved,
    mayChange,
  } = useSettingsDraft("/workspace/retention", RETENTION_DRAFT);
  const set = (kind: RetentionKind, value: string | null) =>
    change((d) => ({ ...d, [kind]: value }));

  return (
    <Card title="Data retention">
      <p className="muted">
        How long this workspace keeps each kind of data. Older data is deleted once a day, and each
        deletion is recorded in the audit log. Erasing a user’s data (below) still deletes it at
        once.
      </p>
      <LoadError resource={retention} title="Could not load the retention settings" />
      <Loaded resource={retention} lines={5}>
        {draft && retention.data && (
          <form onSubmit={submitting(save)}>
            {KINDS.map(({ kind, label, what }) => (
              <div key={kind} className="retention-row" data-retention={kind}>
                <TextField
                  label={`${label} (days)`}
                  type="number"
                  min={kind === "audit_days" ? MIN_AUDIT_DAYS : 1}
                  max={MAX_RETENTION_DAYS}
                  value={draft[kind] ?? ""}
                  disabled={draft[kind] === null || !mayChange}
                  hint={`${what}. Default: ${describe(retention.data?.defaults[kind] ?? null)}.`}
                  onValue={(value) => set(kind, value)}
                />
                <CheckLabel
                  checked={draft[kind] === null}
                  onChecked={(forever) =>
                    set(kind, forever ? null : String(retention.data?.defaults[kind] ?? 365))
                  }
                >
                  Keep forever
                </CheckLabel>
              </div>
            ))}
            <ErrorNotice error={save.error} title="The retention was not changed" />
            {saved && <SuccessNotice>Saved. Older data is being deleted now.</SuccessNotice>}
            <Button type="submit" variant="primary" disabled={!mayChange} busy={save.busy}>
              Save retention
            </Button>
            {!mayChange && (
              <p className="muted small">Only an owner or an admin can change the retention.</p>
            )}
          </form>
        )}
      </Loaded>
    </Card>
  );
}

// Coaching rules: messages the assistant sends on its own when someone enrolled in a program goes quiet,
// leaves check-ins unanswered or scores lower, each said in plain words; written, changed, turned off
// and deleted here. What a rule sends still keeps to the person's quiet hours, caps and opt-out.
import type { CoachingRuleView } from "@coach/contracts/coaching-rules";
import { useMemo } from "react";
import { useApi } from "../../auth/auth-context";
import { ConfirmDelete } from "../../components/confirm-delete";
import { ListEditor } from "../../components/list-editor";
import { usePagedList } from "../../components/pager";
import { ScreenHeader } from "../../components/screen-header";
import { Badge, Button, EmptyState } from "../../components/ui";
import { useDeletion } from "../../lib/use-deletion";
import { useReloadingAction, useResource } from "../../lib/use-resource";
import { RuleForm } from "./rule-form";
import { ruleInWords } from "./rule-words";

const PAGE_SIZE = 50;

const NO_RULES = (
  <EmptyState title="No rules yet">
    Write one beside this list, for example: when someone has not written for 3 days, send them a
    nudge to come back.
  </EmptyState>
);

function RuleItem({
  rule,
  program,
  onEdit,
  onToggle,
  onDelete,
  busy,
}: {
  rule: CoachingRuleView;
  /** The program's name; null when the rule watches every program. */
  program: string | null;
  onEdit: () => void;
  onToggle: () => void;
  onDelete: () => void;
  busy: boolean;
}) {
  return (
    <li className="record" data-rule={rule.name}>
      <div className="record-head">
        <strong>{rule.name}</strong>
        <Badge tone={rule.enabled ? "good" : "neutral"}>{rule.enabled ? "On" : "Off"}</Badge>
        <Badge tone="info">{program ?? "All programs"}</Badge>
      </div>
      <p>{ruleInWords(rule, program)}</p>
      <div className="row-actions">
        <Button
          onClick={onToggle}
          busy={busy}
          aria-label={`Turn ${rule.enabled ? "off" : "on"} ${rule.name}`}
        >
          {rule.enabled ? "Turn off" : "Turn on"}
        </Button>
        <Button onClick={onEdit} aria-label={`Edit ${rule.name}`}>
          Edit
        </Button>
        <ConfirmDelete name={`the rule “${rule.name}”`} busy={busy} onDelete={onDelete} />
      </div>
    </li>
  );
}

export function CoachingRulesScreen() {
  const api = useApi();
  const rules = usePagedList("/coaching-rules", PAGE_SIZE);
  // The first hundred programs fill "who it watches"; workspaces have far fewer.
  const programList = useResource(
    (signal) => api.get("/programs", { query: { limit: 100 }, signal }),
    [api],
  );
  // The rules on this page are named from exactly the programs they watch, wherever those are listed.
  const watched = [
    ...new Set((rules.data?.rules ?? []).flatMap((r) => (r.program_id ? [r.program_id] : []))),
  ]
    .sort()
    .join(",");
  const watchedList = useResource(
    async (signal) =>
      watched === ""
        ? { programs: [], next_offset: null }
        : api.get("/programs", { query: { ids: watched, limit: PAGE_SIZE }, signal }),
    [api, watched],
  );
  const programs = useMemo(
    () =>
      new Map(
        [...(programList.data?.programs ?? []), ...(watchedList.data?.programs ?? [])].map((p) => [
          p.id,
          p.name,
        ]),
      ),
    [programList.data, watchedList.data],
  );
  const toggle = useReloadingAction(rules, (rule: CoachingRuleView) =>
    api.put("/coaching-rules/:id", { params: { id: rule.id }, body: { enabled: !rule.enabled } }),
  );
  const remove = useDeletion(rules, "/coaching-rules/:id");
  const programOf = (rule: CoachingRuleView) =>
    rule.program_id === null ? null : (programs.get(rule.program_id) ?? "one of your programs");

  return (
    <>
      <ScreenHeader />
      <ListEditor
        title="Rules"
        resource={rules}
        loadFailed="Could not load the rules"
        actionError={toggle.error ?? remove.error}
        actionFailed="The rule was not changed"
        empty={NO_RULES}
        items={rules.data?.rules ?? []}
        noun="rules"
        item={(rule, edit) => (
          <RuleItem
            rule={rule}
            program={programOf(rule)}
            onEdit={edit}
            onToggle={() => void toggle.run(rule)}
            onDelete={() => void remove.run(rule.id)}
            busy={toggle.busy || remove.busy}
          />
        )}
        formTitle={(editing) => (editing ? `Change “${editing.name}”` : "New rule")}
        form={(editing, saved) => (
          <RuleForm editing={editing} programs={programs} onSaved={saved} />
        )}
      />
    </>
  );
}

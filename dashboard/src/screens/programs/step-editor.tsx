// The selected step's fields, by kind: a message's text and prompt, a check-in's question with a
// scale or choices, a wait's duration or local time, a condition's rule. Changes apply to the canvas
// at once; the API validates the whole program when it is saved.
import type { ConditionRule, ProgramNode } from "@coach/contracts/programs";
import { Field, TextAreaField, TextField } from "../../components/form-fields";

type Props = { step: ProgramNode; onChange: (step: ProgramNode) => void };

function numberOr(value: string, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : fallback;
}

/** A check-in scale's two ends, each with its value while unset. */
const SCALE_BOUNDS = [
  { label: "From", bound: "min", unset: 1 },
  { label: "To", bound: "max", unset: 5 },
] as const;

/** Choices as one label per line; ids come from the labels. */
function choicesFrom(text: string): { id: string; label: string }[] {
  return text
    .split("\n")
    .map((label) => label.trim())
    .filter((label) => label !== "")
    .map((label, i) => ({
      id:
        label
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "")
          .slice(0, 60) || `choice-${i + 1}`,
      label: label.slice(0, 40),
    }));
}

function RuleFields({
  rule,
  onChange,
}: {
  rule: ConditionRule;
  onChange: (rule: ConditionRule) => void;
}) {
  return (
    <>
      <Field label="Test">
        {(id) => (
          <select
            id={id}
            value={rule.type}
            onChange={(e) => {
              const type = e.target.value as ConditionRule["type"];
              if (type === "answer_compare") onChange({ type, op: "gte", value: 3 });
              else if (type === "answer_choice") onChange({ type, choice_ids: ["yes"] });
              else if (type === "replied_since") onChange({ type, node_id: "" });
              else onChange({ type, hours: 48 });
            }}
          >
            <option value="answer_compare">Check-in score compared to a value</option>
            <option value="answer_choice">Check-in choice is one of</option>
            <option value="replied_since">User replied since a step</option>
            <option value="inactive_for">User inactive for hours</option>
          </select>
        )}
      </Field>
      {rule.type === "answer_compare" && (
        <div className="row">
          <Field label="Operator">
            {(id) => (
              <select
                id={id}
                value={rule.op}
                onChange={(e) => onChange({ ...rule, op: e.target.value as typeof rule.op })}
              >
                {["lt", "lte", "gt", "gte", "eq", "neq"].map((op) => (
                  <option key={op}>{op}</option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            label="Value"
            type="number"
            value={rule.value}
            onValue={(value) => onChange({ ...rule, value: numberOr(value, 0) })}
          />
        </div>
      )}
      {rule.type === "answer_choice" && (
        <Field label="Choice ids (comma-separated)">
          {(id) => (
            <input
              id={id}
              value={rule.choice_ids.join(",")}
              onChange={(e) =>
                onChange({
                  ...rule,
                  choice_ids: e.target.value
                    .split(",")
                    .map((s) => s.trim())
                    .filter(Boolean),
                })
              }
            />
          )}
        </Field>
      )}
      {rule.type === "replied_since" && (
        <TextField
          label="Step id"
          value={rule.node_id}
          onValue={(value) => onChange({ ...rule, node_id: value })}
        />
      )}
      {rule.type === "inactive_for" && (
        <TextField
          label="Hours"
          type="number"
          min={1}
          value={rule.hours}
          onValue={(value) => onChange({ ...rule, hours: numberOr(value, 1) })}
        />
      )}
    </>
  );
}

export function StepEditor({ step, onChange }: Props) {
  switch (step.kind) {
    case "message":
      return (
        <>
          <TextAreaField
            label="Text"
            hint="Sent as written when the model is away or no prompt is set."
            rows={4}
            value={step.text}
            onValue={(text) => onChange({ ...step, text })}
          />
          <TextAreaField
            label="Prompt for the model (optional)"
            rows={3}
            value={step.prompt ?? ""}
            onValue={(prompt) => onChange({ ...step, prompt: prompt || undefined })}
          />
        </>
      );
    case "checkin": {
      const scale = { min: step.scale?.min ?? 1, max: step.scale?.max ?? 5 };
      return (
        <>
          <TextAreaField
            label="Question"
            rows={3}
            value={step.question}
            onValue={(question) => onChange({ ...step, question })}
          />
          <Field label="Answer with">
            {(id) => (
              <select
                id={id}
                value={step.choices ? "choices" : "scale"}
                onChange={(e) =>
                  onChange(
                    e.target.value === "choices"
                      ? {
                          id: step.id,
                          kind: "checkin",
                          question: step.question,
                          choices: [
                            { id: "yes", label: "Yes" },
                            { id: "no", label: "No" },
                          ],
                        }
                      : {
                          id: step.id,
                          kind: "checkin",
                          question: step.question,
                          scale: { min: 1, max: 5 },
                        },
                  )
                }
              >
                <option value="scale">A scale</option>
                <option value="choices">Choices</option>
              </select>
            )}
          </Field>
          {step.choices ? (
            <TextAreaField
              label="Choices, one per line"
              rows={4}
              value={step.choices.map((c) => c.label).join("\n")}
              onValue={(text) => onChange({ ...step, choices: choicesFrom(text) })}
            />
          ) : (
            <div className="row">
              {SCALE_BOUNDS.map(({ label, bound, unset }) => (
                <TextField
                  key={bound}
                  label={label}
                  type="number"
                  value={scale[bound]}
                  onValue={(value) =>
                    onChange({ ...step, scale: { ...scale, [bound]: numberOr(value, unset) } })
                  }
                />
              ))}
            </div>
          )}
        </>
      );
    }
    case "wait":
      return (
        <Field label="Wait (minutes)" hint="1440 is a day.">
          {(id, describedBy) => (
            <input
              id={id}
              type="number"
              min={1}
              aria-describedby={describedBy}
              value={step.duration_minutes ?? 1440}
              onChange={(e) =>
                onChange({
                  id: step.id,
                  kind: "wait",
                  duration_minutes: numberOr(e.target.value, 1440),
                })
              }
            />
          )}
        </Field>
      );
    case "condition":
      return <RuleFields rule={step.rule} onChange={(rule) => onChange({ ...step, rule })} />;
    case "end":
      return <p className="muted">The enrolment completes here.</p>;
  }
}

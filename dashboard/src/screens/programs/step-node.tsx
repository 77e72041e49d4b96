// One step on the canvas: its kind, what it does, and the API's problems with it in red. A condition
// has two outgoing handles, "yes" and "no"; an end has none.
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { summary, type StepNode } from "./steps-graph";

const KIND_LABEL = {
  message: "Message",
  checkin: "Check-in",
  wait: "Wait",
  condition: "Condition",
  end: "End",
} as const;

/** A condition's outgoing handles, side by side. */
const BRANCHES = [
  { id: "yes", left: "30%" },
  { id: "no", left: "70%" },
];

export function StepCard({ data, selected }: NodeProps<StepNode>) {
  const { step, problems } = data;
  return (
    <div
      className={`flow-step kind-${step.kind}${problems.length > 0 ? " has-problems" : ""}${selected ? " selected" : ""}`}
      aria-invalid={problems.length > 0}
    >
      <Handle type="target" position={Position.Top} />
      <div className="flow-step-kind">
        {KIND_LABEL[step.kind]} <code>{step.id}</code>
      </div>
      <div className="flow-step-summary">{summary(step)}</div>
      {problems.length > 0 && (
        <ul className="flow-step-problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {step.kind === "condition" ? (
        BRANCHES.map(({ id, left }) => (
          <Handle
            key={id}
            type="source"
            position={Position.Bottom}
            id={id}
            style={{ left }}
            aria-label={id}
          />
        ))
      ) : step.kind !== "end" ? (
        <Handle type="source" position={Position.Bottom} />
      ) : null}
    </div>
  );
}

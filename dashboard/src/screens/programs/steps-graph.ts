// A program's steps as React Flow sees them and back: nodes laid out top to bottom by their distance
// from the start, a condition's two edges leaving by its "yes" and "no" handles, and the API's
// validation problems attached to the node they concern.
import type { ProgramNode, ProgramNodeKind, ProgramSteps } from "@coach/contracts/programs";
import type { Edge, Node } from "@xyflow/react";

export type StepData = { step: ProgramNode; problems: string[] };
export type StepNode = Node<StepData, "step">;

const COLUMN = 280;
const ROW = 150;

/** Depth of every node reachable from the start (breadth first). */
function depths(steps: ProgramSteps): Map<string, number> {
  const targets = new Set(steps.edges.map((e) => e.to));
  const start = steps.nodes.find((n) => !targets.has(n.id));
  const depth = new Map<string, number>();
  const queue = start ? [start.id] : [];
  if (start) depth.set(start.id, 0);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const edge of steps.edges.filter((e) => e.from === id)) {
      if (depth.has(edge.to)) continue;
      depth.set(edge.to, (depth.get(id) ?? 0) + 1);
      queue.push(edge.to);
    }
  }
  return depth;
}

/**
 * Where each step sits: rows by distance from the start, side by side within a row; steps not yet
 * connected wait in a column of their own to the right, never under the end of the flow.
 */
function positions(steps: ProgramSteps): Map<string, { x: number; y: number }> {
  const depth = depths(steps);
  const perRow = new Map<number, number>();
  const placed = new Map<string, { x: number; y: number }>();
  for (const step of steps.nodes) {
    const row = depth.get(step.id);
    if (row === undefined) continue;
    const column = perRow.get(row) ?? 0;
    perRow.set(row, column + 1);
    placed.set(step.id, { x: column * COLUMN, y: row * ROW });
  }
  const aside = Math.max(1, ...perRow.values()) * COLUMN;
  let waiting = 0;
  for (const step of steps.nodes)
    if (!placed.has(step.id)) placed.set(step.id, { x: aside, y: ROW * waiting++ });
  return placed;
}

/** React Flow nodes and edges for `steps`, with `problems` (by node id) shown on their nodes. */
export function toFlow(
  steps: ProgramSteps,
  problems: Map<string, string[]> = new Map(),
): { nodes: StepNode[]; edges: Edge[] } {
  const at = positions(steps);
  const nodes = steps.nodes.map((step): StepNode => ({
    id: step.id,
    type: "step",
    position: at.get(step.id) ?? { x: 0, y: 0 },
    data: { step, problems: problems.get(step.id) ?? [] },
  }));
  const edges = steps.edges.map((e): Edge => ({
    id: `${e.from}->${e.to}${e.branch ? `:${e.branch}` : ""}`,
    source: e.from,
    target: e.to,
    ...(e.branch ? { sourceHandle: e.branch, label: e.branch } : {}),
  }));
  return { nodes, edges };
}

/** The same nodes laid out again after a change (a step added, connected or removed). */
export function relayout(nodes: StepNode[], edges: Edge[]): StepNode[] {
  const at = positions(fromFlow(nodes, edges));
  return nodes.map((n) => ({ ...n, position: at.get(n.id) ?? n.position }));
}

/** The steps the flow shows, as the API takes them. */
export function fromFlow(nodes: StepNode[], edges: Edge[]): ProgramSteps {
  return {
    nodes: nodes.map((n) => n.data.step),
    edges: edges.map((e) => ({
      from: e.source,
      to: e.target,
      ...(e.sourceHandle === "yes" || e.sourceHandle === "no" ? { branch: e.sourceHandle } : {}),
    })),
  };
}

/** A new step of `kind` with an id not taken yet and fields that pass validation on their own. */
export function newStep(kind: ProgramNodeKind, taken: ReadonlySet<string>): ProgramNode {
  let n = 1;
  while (taken.has(`${kind}-${n}`)) n += 1;
  const id = `${kind}-${n}`;
  switch (kind) {
    case "message":
      return { id, kind, text: "A message in your words." };
    case "checkin":
      return { id, kind, question: "How did it go today?", scale: { min: 1, max: 5 } };
    case "wait":
      return { id, kind, duration_minutes: 24 * 60 };
    case "condition":
      return { id, kind, rule: { type: "answer_compare", op: "gte", value: 3 } };
    case "end":
      return { id, kind };
  }
}

/** One line that says what a step does, for its card. */
export function summary(step: ProgramNode): string {
  switch (step.kind) {
    case "message":
      return step.text;
    case "checkin":
      return step.choices
        ? `${step.question} (${step.choices.map((c) => c.label).join(" / ")})`
        : `${step.question} (${step.scale?.min ?? 1}–${step.scale?.max ?? 5})`;
    case "wait":
      return step.duration_minutes !== undefined
        ? `Wait ${step.duration_minutes} min`
        : `Wait until ${step.until?.time} (+${step.until?.days_ahead} d)`;
    case "condition":
      return `If ${step.rule.type.replace(/_/g, " ")}`;
    case "end":
      return "End of the program";
  }
}

// The structural rules of a program's step graph, checked before a version is saved: the shape of
// each node (zod has already checked the fields), edges that name real nodes, exactly one start,
// nothing unreachable, every path able to end, and no loop the engine could spin in without waiting.
// Each problem names the node it is at, so the flow builder can point at it.
import type { ProgramNode, ProgramProblem, ProgramSteps } from "@coach/contracts/programs";
import { AppError } from "../lib/errors";

type Graph = {
  nodes: Map<string, ProgramNode>;
  out: Map<string, string[]>;
  incoming: Map<string, number>;
};

function nodeProblems(node: ProgramNode, nodes: Map<string, ProgramNode>): string[] {
  switch (node.kind) {
    case "checkin": {
      if ((node.scale === undefined) === (node.choices === undefined))
        return ["a check-in needs exactly one of scale and choices"];
      if (node.scale && node.scale.min >= node.scale.max)
        return ["the scale's min must be below its max"];
      if (node.choices && new Set(node.choices.map((c) => c.id)).size !== node.choices.length)
        return ["choice ids must be unique"];
      return [];
    }
    case "wait":
      return (node.duration_minutes === undefined) === (node.until === undefined)
        ? ["a wait needs exactly one of duration_minutes and until"]
        : [];
    case "condition": {
      const rule = node.rule;
      if (rule.type === "inactive_for") return [];
      if (rule.node_id === undefined) return [];
      const target = nodes.get(rule.node_id);
      if (!target) return [`the condition refers to node "${rule.node_id}", which does not exist`];
      if (rule.type === "replied_since")
        return target.kind === "message" || target.kind === "checkin"
          ? []
          : [`"${rule.node_id}" sends nothing, so nobody can reply to it`];
      if (target.kind !== "checkin") return [`"${rule.node_id}" is not a check-in`];
      if (rule.type === "answer_compare" && !target.scale)
        return [`"${rule.node_id}" has choices, not a scale: compare choice ids instead`];
      if (rule.type === "answer_choice") {
        if (!target.choices)
          return [`"${rule.node_id}" has a scale, not choices: compare its value instead`];
        const known = new Set(target.choices.map((c) => c.id));
        const unknown = rule.choice_ids.filter((id) => !known.has(id));
        if (unknown.length > 0)
          return [`"${rule.node_id}" has no choice ${unknown.map((id) => `"${id}"`).join(", ")}`];
      }
      return [];
    }
    default:
      return [];
  }
}

function edgeProblems(steps: ProgramSteps, graph: Graph, problems: ProgramProblem[]): void {
  const seen = new Set<string>();
  for (const edge of steps.edges) {
    const from = graph.nodes.get(edge.from);
    if (!from)
      problems.push({
        node_id: edge.from,
        problem: `an edge starts at "${edge.from}", which does not exist`,
      });
    if (!graph.nodes.has(edge.to))
      problems.push({
        node_id: edge.from,
        problem: `an edge leads to "${edge.to}", which does not exist`,
      });
    if (!from || !graph.nodes.has(edge.to)) continue;
    if (from.kind === "condition" && edge.branch === undefined)
      problems.push({
        node_id: edge.from,
        problem: "a condition's edges need a branch (yes or no)",
      });
    if (from.kind !== "condition" && edge.branch !== undefined)
      problems.push({ node_id: edge.from, problem: "only a condition's edges carry a branch" });
    const key = from.kind === "condition" ? `${edge.from}|${edge.branch}` : edge.from;
    if (seen.has(key)) {
      problems.push({
        node_id: edge.from,
        problem:
          from.kind === "condition"
            ? `the "${edge.branch}" branch is given twice`
            : "a step may have only one next step",
      });
    }
    seen.add(key);
    graph.out.get(edge.from)?.push(edge.to);
    graph.incoming.set(edge.to, (graph.incoming.get(edge.to) ?? 0) + 1);
  }
  for (const node of graph.nodes.values()) {
    const out = graph.out.get(node.id)?.length ?? 0;
    if (node.kind === "end" && out > 0)
      problems.push({ node_id: node.id, problem: "an end step has no next step" });
    if (node.kind === "condition") {
      for (const branch of ["yes", "no"] as const) {
        if (!seen.has(`${node.id}|${branch}`))
          problems.push({ node_id: node.id, problem: `the "${branch}" branch leads nowhere` });
      }
    } else if (node.kind !== "end" && out === 0) {
      problems.push({
        node_id: node.id,
        problem: "this branch does not end: add a next step or an end",
      });
    }
  }
}

/** Nodes reachable from `from` along edges, skipping `blocked` nodes. */
function reachable(
  graph: Graph,
  from: string[],
  blocked: (id: string) => boolean = () => false,
): Set<string> {
  const seen = new Set<string>();
  const stack = from.filter((id) => !blocked(id));
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of graph.out.get(id) ?? [])
      if (!seen.has(next) && !blocked(next)) stack.push(next);
  }
  return seen;
}

/** Nodes on a cycle that passes no wait step (an engine would run it without ever pausing). */
function nodesOnWaitlessCycles(graph: Graph): string[] {
  const isWait = (id: string) => graph.nodes.get(id)?.kind === "wait";
  const onCycle: string[] = [];
  for (const node of graph.nodes.values()) {
    if (node.kind === "wait") continue;
    const next = (graph.out.get(node.id) ?? []).filter((id) => !isWait(id));
    if (reachable(graph, next, isWait).has(node.id)) onCycle.push(node.id);
  }
  return onCycle;
}

/** Every structural problem of a program; empty when it can be saved. */
export function programProblems(steps: ProgramSteps): ProgramProblem[] {
  const problems: ProgramProblem[] = [];
  const graph: Graph = { nodes: new Map(), out: new Map(), incoming: new Map() };
  for (const node of steps.nodes) {
    if (graph.nodes.has(node.id))
      problems.push({ node_id: node.id, problem: "two steps have this id" });
    graph.nodes.set(node.id, node);
    graph.out.set(node.id, []);
  }
  for (const node of graph.nodes.values())
    for (const problem of nodeProblems(node, graph.nodes))
      problems.push({ node_id: node.id, problem });
  edgeProblems(steps, graph, problems);

  const starts = [...graph.nodes.keys()].filter((id) => !graph.incoming.get(id));
  if (starts.length === 0)
    problems.push({ node_id: null, problem: "there is no start: every step has a step before it" });
  if (starts.length > 1)
    for (const id of starts)
      problems.push({
        node_id: id,
        problem: "more than one step has no step before it; a program has exactly one start",
      });
  if (starts.length === 1) {
    const fromStart = reachable(graph, starts);
    for (const id of graph.nodes.keys())
      if (!fromStart.has(id))
        problems.push({ node_id: id, problem: "this step cannot be reached from the start" });
  }
  const ends = [...graph.nodes.values()].filter((n) => n.kind === "end").map((n) => n.id);
  if (ends.length === 0) problems.push({ node_id: null, problem: "the program has no end step" });
  for (const node of graph.nodes.values()) {
    if (node.kind === "end") continue;
    const ahead = reachable(graph, graph.out.get(node.id) ?? []);
    if ((graph.out.get(node.id)?.length ?? 0) > 0 && !ends.some((id) => ahead.has(id)))
      problems.push({ node_id: node.id, problem: "no path from this step reaches an end" });
  }
  for (const id of nodesOnWaitlessCycles(graph))
    problems.push({
      node_id: id,
      problem: "this step is on a loop without a wait; add a wait step to the loop",
    });
  return problems;
}

/** The one start node of a valid program. */
export function startNode(steps: ProgramSteps): string {
  const targets = new Set(steps.edges.map((e) => e.to));
  const start = steps.nodes.find((n) => !targets.has(n.id));
  if (!start) throw new Error("program without a start");
  return start.id;
}

/** Throws 422 `program_invalid` listing every problem, or returns when the program is sound. */
export function assertValidProgram(steps: ProgramSteps): void {
  const problems = programProblems(steps);
  if (problems.length > 0) {
    throw new AppError(
      422,
      "program_invalid",
      `The program has ${problems.length} problem${problems.length === 1 ? "" : "s"}; see details for where each one is.`,
      {
        details: problems,
      },
    );
  }
}

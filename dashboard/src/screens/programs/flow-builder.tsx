// The visual flow builder: the program's steps on a canvas (drag, connect, delete), a side panel for the
// selected step, and Save, which sends the whole graph to the API. A refused program comes back with
// its problems, shown on the steps they concern; an accepted change becomes a new version.
import type { ApiResponse } from "@coach/contracts/api-routes";
import type { ErrorBody } from "@coach/contracts/errors";
import type { ProgramNodeKind, ProgramProblem } from "@coach/contracts/programs";
import {
  addEdge,
  Background,
  Controls,
  ReactFlow,
  useEdgesState,
  useNodesState,
  type Connection,
  type Edge,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo, useState } from "react";
import { useApi } from "../../auth/auth-context";
import { Button } from "../../components/ui";
import type { ProgramEditorProps } from "./program-editor-props";
import { StepEditor } from "./step-editor";
import { StepCard } from "./step-node";
import { fromFlow, newStep, relayout, toFlow, type StepNode } from "./steps-graph";

const NODE_TYPES = { step: StepCard };
const KINDS: { kind: ProgramNodeKind; label: string }[] = [
  { kind: "message", label: "Message" },
  { kind: "checkin", label: "Check-in" },
  { kind: "wait", label: "Wait" },
  { kind: "condition", label: "Condition" },
  { kind: "end", label: "End" },
];

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; version: number }
  | { kind: "refused"; message: string; general: string[] };

export function FlowBuilder({ program, onSaved }: ProgramEditorProps) {
  const api = useApi();
  const initial = useMemo(() => toFlow(program.steps), [program]);
  const [nodes, setNodes, onNodesChange] = useNodesState<StepNode>(initial.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>(initial.edges);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const selected = nodes.find((n) => n.id === selectedId) ?? null;

  function connect(connection: Connection): void {
    const branch =
      connection.sourceHandle === "yes" || connection.sourceHandle === "no"
        ? connection.sourceHandle
        : undefined;
    const next = addEdge(
      {
        ...connection,
        id: `${connection.source}->${connection.target}${branch ? `:${branch}` : ""}`,
        ...(branch ? { label: branch } : {}),
      },
      edges,
    );
    setEdges(next);
    // Laid out again at once: a step connected moves to its place in the flow.
    setNodes((current) => relayout(current, next));
  }

  function add(kind: ProgramNodeKind): void {
    const step = newStep(kind, new Set(nodes.map((n) => n.id)));
    // Not connected yet: it waits beside the flow until it is.
    setNodes((current) =>
      relayout(
        [
          ...current,
          { id: step.id, type: "step", position: { x: 0, y: 0 }, data: { step, problems: [] } },
        ],
        edges,
      ),
    );
    setSelectedId(step.id);
  }

  /** Removes a step with the connections to and from it, and lays the rest out again. */
  function remove(id: string): void {
    const kept = edges.filter((e) => e.source !== id && e.target !== id);
    setEdges(kept);
    setNodes((current) =>
      relayout(
        current.filter((n) => n.id !== id),
        kept,
      ),
    );
  }

  function showProblems(problems: ProgramProblem[]): void {
    setNodes((current) =>
      current.map((n) => ({
        ...n,
        data: {
          ...n.data,
          problems: problems.filter((p) => p.node_id === n.id).map((p) => p.problem),
        },
      })),
    );
  }

  async function saveVersion(): Promise<void> {
    setSave({ kind: "saving" });
    // Read bare: a refusal's details name the steps to mark, which an ApiError does not carry.
    const res = await api.raw("PUT", "/programs/:id", {
      params: { id: program.id },
      body: { steps: fromFlow(nodes, edges) },
    });
    const body = (await res.json().catch(() => null)) as
      (ApiResponse<"PUT", "/programs/:id"> & Partial<ErrorBody>) | null;
    if (res.ok && body) {
      showProblems([]);
      setSave({ kind: "saved", version: body.version });
      onSaved(body);
      return;
    }
    const problems =
      Array.isArray(body?.error?.details) &&
      body?.error?.details.every((d) => typeof d === "object" && d && "problem" in d)
        ? (body.error.details as ProgramProblem[])
        : [];
    showProblems(problems);
    setSave({
      kind: "refused",
      message: body?.error?.message ?? `The server answered ${res.status}.`,
      general: problems
        .filter((p) => p.node_id === null || !nodes.some((n) => n.id === p.node_id))
        .map((p) => p.problem),
    });
  }

  return (
    <div className="flow-builder">
      <div className="flow-toolbar" role="toolbar" aria-label="Add a step">
        {KINDS.map(({ kind, label }) => (
          <Button key={kind} onClick={() => add(kind)}>
            + {label}
          </Button>
        ))}
        <Button
          variant="danger"
          disabled={!selected}
          onClick={() => selected && remove(selected.id)}
        >
          Delete step
        </Button>
        <span className="flow-toolbar-spacer" />
        <Button variant="primary" busy={save.kind === "saving"} onClick={() => void saveVersion()}>
          Save as new version
        </Button>
      </div>
      {save.kind === "saved" && (
        <p className="notice notice-success">
          Saved: version {save.version}. People already enrolled stay on their version.
        </p>
      )}
      {save.kind === "refused" && (
        <div className="notice notice-error" role="alert">
          <p>{save.message}</p>
          {save.general.length > 0 && (
            <ul>
              {save.general.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="flow-body">
        <div className="flow-canvas" aria-label="Program steps">
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={connect}
            onNodeClick={(_, node) => setSelectedId(node.id)}
            onPaneClick={() => setSelectedId(null)}
            fitView
            fitViewOptions={{ maxZoom: 1 }}
          >
            <Background />
            <Controls />
          </ReactFlow>
        </div>
        <aside className="flow-panel" aria-label="Selected step">
          {selected ? (
            <StepEditor
              key={selected.id}
              step={selected.data.step}
              onChange={(step) =>
                setNodes((current) =>
                  current.map((n) =>
                    n.id === selected.id ? { ...n, data: { ...n.data, step } } : n,
                  ),
                )
              }
            />
          ) : (
            <p className="muted">
              Select a step to edit it. Drag from a step's lower handle to another step to connect
              them; a condition has a "yes" and a "no" handle.
            </p>
          )}
        </aside>
      </div>
    </div>
  );
}

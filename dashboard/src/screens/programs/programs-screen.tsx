// Coaching programs: the list, a new program, and for the selected one its flow builder, who is
// enrolled, how it works (analytics), and how people join it.
import type { ProgramView } from "@coach/contracts/programs";
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { Field, TextField } from "../../components/form-fields";
import { Pager, usePagedList } from "../../components/pager";
import { ScreenHeader } from "../../components/screen-header";
import { Button, Card, EmptyState, ErrorNotice, Skeleton } from "../../components/ui";
import { useResource } from "../../lib/use-resource";
import { Enrolments } from "./enrolments";
import { FlowBuilder } from "./flow-builder";
import { JoinPanel } from "./join-panel";
import { ProgramAnalyticsPanel } from "./program-analytics-panel";
import "./programs.css";

const TABS = {
  flow: "Flow",
  enrolments: "Enrolments",
  analytics: "Analytics",
  join: "How people join",
} as const;
type Tab = keyof typeof TABS;

/** Programs per page, the most the API gives. */
const PAGE_SIZE = 100;

const STARTER_STEPS = {
  nodes: [
    {
      id: "welcome",
      kind: "message" as const,
      text: "Welcome to the program! Here is your first step.",
    },
    { id: "end", kind: "end" as const },
  ],
  edges: [{ from: "welcome", to: "end" }],
};

function NewProgram({ onCreated }: { onCreated: (program: ProgramView) => void }) {
  const api = useApi();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  async function create(): Promise<void> {
    setBusy(true);
    try {
      onCreated(await api.post("/programs", { body: { name, slug, steps: STARTER_STEPS } }));
      setName("");
      setSlug("");
      setError(null);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      className="programs-form"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <TextField label="Name" required maxLength={120} value={name} onValue={setName} />
      <Field label="Short name" hint="Users join with /start <short name> on Telegram.">
        {(id, describedBy) => (
          <input
            id={id}
            required
            pattern="[a-z0-9][a-z0-9_\-]{1,47}"
            aria-describedby={describedBy}
            value={slug}
            onChange={(e) => setSlug(e.target.value.toLowerCase())}
          />
        )}
      </Field>
      <ErrorNotice error={error} title="Could not create the program" />
      <Button type="submit" variant="primary" busy={busy}>
        Create program
      </Button>
    </form>
  );
}

export function ProgramsScreen() {
  const api = useApi();
  const programs = usePagedList("/programs", PAGE_SIZE);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>("flow");
  const selected = useResource(
    (signal) =>
      selectedId
        ? api.get("/programs/:id", { params: { id: selectedId }, signal })
        : Promise.resolve(undefined),
    [api, selectedId],
  );
  const program = selected.data;

  return (
    <>
      <ScreenHeader />
      <ErrorNotice
        error={programs.error}
        onRetry={() => void programs.reload()}
        title="Could not load the programs"
      />
      <div className="programs-layout">
        <div className="programs-side">
          <Card title="Your programs">
            {!programs.data ? (
              <Skeleton lines={3} />
            ) : programs.data.programs.length === 0 && programs.pager.offset === 0 ? (
              <p className="muted">No program yet: create the first one below.</p>
            ) : (
              <ul className="programs-list">
                {programs.data.programs.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      className={`btn btn-ghost${p.id === selectedId ? " active" : ""}`}
                      aria-pressed={p.id === selectedId}
                      onClick={() => setSelectedId(p.id)}
                    >
                      {p.name} <span className="muted">v{p.version}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {programs.data && (
              <Pager {...programs.pager} count={programs.data.programs.length} noun="programs" />
            )}
          </Card>
          <Card title="New program">
            <NewProgram
              onCreated={(created) => {
                void programs.reload();
                setSelectedId(created.id);
                setTab("flow");
              }}
            />
          </Card>
        </div>
        {program ? (
          <Card title={`${program.name} (version ${program.version})`}>
            <div className="segmented" role="tablist" aria-label="Program views">
              {(Object.keys(TABS) as Tab[]).map((t) => (
                <button
                  key={t}
                  type="button"
                  role="tab"
                  aria-selected={t === tab}
                  className={`btn ${t === tab ? "btn-primary" : "btn-secondary"}`}
                  onClick={() => setTab(t)}
                >
                  {TABS[t]}
                </button>
              ))}
            </div>
            {tab === "flow" && (
              <FlowBuilder
                key={program.id}
                program={program}
                onSaved={(saved) => {
                  selected.setData(saved);
                  // The list shows each program's version: a save makes a new one.
                  void programs.reload();
                }}
              />
            )}
            {tab === "enrolments" && <Enrolments programId={program.id} />}
            {tab === "analytics" && (
              <ProgramAnalyticsPanel programId={program.id} slug={program.slug} />
            )}
            {tab === "join" && (
              <JoinPanel key={program.id} program={program} onSaved={selected.setData} />
            )}
          </Card>
        ) : (
          <Card>
            <EmptyState title="Select a program">
              Pick a program from the list to edit its flow, see who is enrolled and how it works.
            </EmptyState>
          </Card>
        )}
      </div>
    </>
  );
}

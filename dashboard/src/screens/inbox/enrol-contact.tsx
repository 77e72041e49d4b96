// Enrols the person of a conversation in one of the workspace's active programs, from the inbox.
import type { ProgramSummary } from "@coach/contracts/api-routes";
import { useState } from "react";
import { Link } from "react-router";
import { useApi } from "../../auth/auth-context";
import { Button, ErrorNotice, SuccessNotice } from "../../components/ui";
import { useAction, type Resource } from "../../lib/use-resource";

export function EnrolContact({
  contactId,
  programs,
  onEnrolled,
}: {
  contactId: string;
  /** The workspace's programs; the active ones are offered. */
  programs: Pick<Resource<{ programs: ProgramSummary[] }>, "data" | "error">;
  onEnrolled: () => void;
}) {
  const api = useApi();
  const [programId, setProgramId] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const enrol = useAction(async () => {
    setDone(null);
    const enrolment = await api.post("/enrollments", {
      body: { program_id: programId, contact_id: contactId },
    });
    const name = programs.data?.programs.find((p) => p.id === programId)?.name ?? "the program";
    setDone(enrolment.duplicate ? `Already taking part in ${name}.` : `Enrolled in ${name}.`);
    onEnrolled();
  });
  const list = (programs.data?.programs ?? []).filter((p) => p.status === "active");
  if (programs.data && list.length === 0)
    return (
      <p className="muted small">
        <Link to="/programs">Create a program</Link> to enrol this person in it.
      </p>
    );
  return (
    <div className="enrol-contact">
      <form
        className="row-actions"
        onSubmit={(e) => {
          e.preventDefault();
          void enrol.run();
        }}
      >
        <label className="small" htmlFor={`enrol-${contactId}`}>
          Enrol in
        </label>
        <select
          id={`enrol-${contactId}`}
          required
          value={programId}
          onChange={(e) => {
            setProgramId(e.target.value);
            setDone(null);
          }}
        >
          <option value="">Choose a program…</option>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <Button type="submit" busy={enrol.busy} disabled={!programId}>
          Enrol
        </Button>
      </form>
      <ErrorNotice error={programs.error ?? enrol.error} title="Could not enrol this person" />
      {done && <SuccessNotice>{done}</SuccessNotice>}
    </div>
  );
}

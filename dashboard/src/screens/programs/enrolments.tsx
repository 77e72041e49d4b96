// Who is enrolled in a program, page by page, each with its state; a row's "History" shows what was sent,
// held back and answered, and why an enrolment stopped moving (a lapsed membership, quiet hours).
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { DataTable } from "../../components/data-table";
import { Pager, usePagedResource } from "../../components/pager";
import { LoadError } from "../../components/resource-view";
import { Badge, Button, EmptyState, Skeleton } from "../../components/ui";
import { formatPerson } from "../../lib/format";
import { EnrolmentHistory } from "./enrolment-history";

/** Enrolments per page. */
const PAGE_SIZE = 100;

export function Enrolments({ programId }: { programId: string }) {
  const api = useApi();
  const [shown, setShown] = useState<{ id: string; name: string } | null>(null);
  const list = usePagedResource(
    (page, signal) =>
      api.get("/enrollments", { query: { ...page, program_id: programId }, signal }),
    [api, programId],
    PAGE_SIZE,
    programId,
  );
  if (list.error) return <LoadError resource={list} title="Could not load the enrolments" />;
  if (!list.data) return <Skeleton lines={4} />;
  if (list.data.enrollments.length === 0 && list.pager.offset === 0)
    return (
      <EmptyState title="Nobody is enrolled yet">
        Users join from the widget, with /start on Telegram or the program's keyword on WhatsApp.
      </EmptyState>
    );
  return (
    <>
      <DataTable columns={["Contact", "Status", "Version", "Current step", "Started", ""]}>
        {list.data.enrollments.map((e) => {
          const name = formatPerson(e.contact, null, { label: "enrolled", at: e.started_at });
          return (
            <tr key={e.id}>
              <td>{name}</td>
              <td>
                <Badge
                  tone={
                    e.status === "active" ? "info" : e.status === "completed" ? "good" : "neutral"
                  }
                >
                  {e.status}
                </Badge>
              </td>
              <td>{e.program_version}</td>
              <td>{e.current_node ?? "—"}</td>
              <td>{new Date(e.started_at).toLocaleString()}</td>
              <td>
                <Button
                  variant="ghost"
                  aria-label={`History of ${name}`}
                  aria-pressed={shown?.id === e.id}
                  onClick={() => setShown({ id: e.id, name })}
                >
                  History
                </Button>
              </td>
            </tr>
          );
        })}
      </DataTable>
      <Pager {...list.pager} count={list.data.enrollments.length} noun="enrolments" />
      {shown && (
        <EnrolmentHistory
          key={shown.id}
          enrollmentId={shown.id}
          name={shown.name}
          onClose={() => setShown(null)}
        />
      )}
    </>
  );
}

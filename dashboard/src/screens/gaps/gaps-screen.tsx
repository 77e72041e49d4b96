// Questions the assistant answered poorly (fell back, answered from general knowledge, or with low
// confidence): what to add to the material next, with a way to the upload and to the conversation, and
// "Answer this": the answer saved as a correction, and sent to the people who asked if the creator opts in.
import { Link } from "react-router";
import type { GapQuestion } from "@coach/contracts/content-views";
import { CorrectAnswer } from "../../components/correct-answer";
import { DataTable } from "../../components/data-table";
import { Pager, usePagedList } from "../../components/pager";
import { LoadError, Loaded } from "../../components/resource-view";
import { ScreenHeader } from "../../components/screen-header";
import { Badge, Card, EmptyState } from "../../components/ui";
import { formatConfidence, formatDateTime } from "../../lib/format";

const NO_GAPS = (
  <EmptyState title="No gaps found">
    When users ask something your material does not cover, the question shows up here.
  </EmptyState>
);

const PAGE_SIZE = 100;

const GROUNDING_LABEL: Record<string, string> = {
  fallback: "No answer in material",
  general: "General knowledge",
  material: "Weak match",
  curated: "Curated",
};

export function GapsScreen() {
  const gaps = usePagedList("/knowledge/gaps", PAGE_SIZE);
  const list = gaps.data?.questions ?? [];
  return (
    <>
      <ScreenHeader
        actions={
          <Link className="btn btn-primary" to="/knowledge">
            Upload material
          </Link>
        }
      />
      <Card>
        <LoadError resource={gaps} title="Could not load the questions" />
        <Loaded resource={gaps} lines={5} empty={list.length === 0 && NO_GAPS}>
          <DataTable columns={["Question", "Why", "Confidence", "Asked"]} actions>
            {list.map((q, i) => (
              <GapRow key={`${q.conversation_id}-${q.created_at}-${i}`} gap={q} />
            ))}
          </DataTable>
          <Pager {...gaps.pager} count={list.length} noun="questions" />
        </Loaded>
      </Card>
    </>
  );
}

function GapRow({ gap: q }: { gap: GapQuestion }) {
  return (
    <tr>
      <td>{q.question}</td>
      <td>
        <Badge tone={q.grounding === "fallback" ? "bad" : "warn"}>
          {GROUNDING_LABEL[q.grounding ?? ""] ?? "Low confidence"}
        </Badge>
      </td>
      <td>{formatConfidence(q.confidence)}</td>
      <td>{formatDateTime(q.created_at)}</td>
      <td className="row-actions">
        {q.conversation_id && <Link to={`/inbox/${q.conversation_id}`}>Open conversation</Link>}
        <Link to="/knowledge">Add material</Link>
        <CorrectAnswer question={q.question} answer="" model={undefined} askers={q.askers} />
      </td>
    </tr>
  );
}

// Questions the assistant answered poorly (fell back, answered from general knowledge, or with low
// confidence): what to add to the material next, with a way to the upload and to the conversation.
import { Link } from "react-router";
import { useApi } from "../../auth/auth-context";
import { Badge, Card, EmptyState, ErrorNotice, PageHeader, Skeleton } from "../../components/ui";
import { formatConfidence, formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { DataTable } from "../../components/data-table";

const GROUNDING_LABEL: Record<string, string> = {
  fallback: "No answer in material",
  general: "General knowledge",
  material: "Weak match",
  curated: "Curated",
};

export function GapsScreen() {
  const api = useApi();
  const gaps = useResource(
    (signal) => api.get("/knowledge/gaps", { query: { limit: 100 }, signal }),
    [api],
  );
  const list = gaps.data?.questions ?? [];
  return (
    <>
      <PageHeader
        title="Gaps"
        description="Questions your material did not answer well. Add what is missing and the assistant answers them next time."
        actions={
          <Link className="btn btn-primary" to="/knowledge">
            Upload material
          </Link>
        }
      />
      <Card>
        <ErrorNotice
          error={gaps.error}
          onRetry={() => void gaps.reload()}
          title="Could not load the questions"
        />
        {gaps.loading && !gaps.data ? (
          <Skeleton lines={5} />
        ) : list.length === 0 && !gaps.error ? (
          <EmptyState title="No gaps found">
            When users ask something your material does not cover, the question shows up here.
          </EmptyState>
        ) : (
          <DataTable columns={["Question", "Why", "Confidence", "Asked"]} actions>
            {list.map((q, i) => (
              <tr key={`${q.conversation_id}-${q.created_at}-${i}`}>
                <td>{q.question}</td>
                <td>
                  <Badge tone={q.grounding === "fallback" ? "bad" : "warn"}>
                    {GROUNDING_LABEL[q.grounding ?? ""] ?? "Low confidence"}
                  </Badge>
                </td>
                <td>{formatConfidence(q.confidence)}</td>
                <td>{formatDateTime(q.created_at)}</td>
                <td className="row-actions">
                  {q.conversation_id && (
                    <Link to={`/inbox/${q.conversation_id}`}>Open conversation</Link>
                  )}
                  <Link to="/knowledge">Add material</Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}

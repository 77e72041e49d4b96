// The knowledge library: upload material, follow each document to ready (polled while any is still being
// processed), read why one failed, see each bridge's copy when there are several, rename, re-index or
// delete it.
import { useState } from "react";
import type { DocumentStatus, KnowledgeDocument } from "@coach/contracts/content-views";
import { useApi } from "../../auth/auth-context";
import { AssistantModeBanner } from "../../components/assistant-mode-banner";
import { DataTable } from "../../components/data-table";
import { Pager, usePagedList } from "../../components/pager";
import { LoadError, Loaded } from "../../components/resource-view";
import { ScreenHeader } from "../../components/screen-header";
import { Badge, Button, Card, EmptyState, ErrorNotice } from "../../components/ui";
import { formatBytes, formatDateTime } from "../../lib/format";
import { useAction, useInterval, useReloadingAction } from "../../lib/use-resource";
import { BridgeCopies } from "./bridge-copies";
import { DocumentTitle } from "./document-title";
import { UploadZone } from "./upload-zone";

const NO_MATERIAL = (
  <EmptyState title="No material yet">
    Drop a file above. Once it shows “Ready”, your assistant can answer from it.
  </EmptyState>
);

const PAGE_SIZE = 100;

const STATUS: Record<DocumentStatus, { tone: "neutral" | "good" | "info" | "bad"; label: string }> =
  {
    queued: { tone: "neutral", label: "Queued" },
    processing: { tone: "info", label: "Processing" },
    ready: { tone: "good", label: "Ready" },
    failed: { tone: "bad", label: "Failed" },
  };

export function KnowledgeScreen() {
  const api = useApi();
  const docs = usePagedList("/knowledge/documents", PAGE_SIZE);
  const pending =
    docs.data?.documents.some((d) => d.status === "queued" || d.status === "processing") ?? false;
  useInterval(() => void docs.reload(), 2000, pending);
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = useAction(async (id: string) => {
    await api.del("/knowledge/documents/:id", { params: { id } });
    setConfirming(null);
    await docs.reload();
  });
  const reindex = useReloadingAction(docs, (id: string) =>
    api.post("/knowledge/documents/:id/reindex", { params: { id } }),
  );

  const list = docs.data?.documents ?? [];
  // Shown at once, without waiting for the library to be read again.
  const renamed = (doc: KnowledgeDocument) =>
    docs.setData({
      documents: list.map((d) => (d.id === doc.id ? doc : d)),
      next_offset: docs.data?.next_offset ?? null,
    });
  const documentRow = (doc: KnowledgeDocument) => (
    <tr key={doc.id} data-document={doc.title}>
      <td>
        <DocumentTitle doc={doc} onRenamed={renamed} />
        <div className="muted small">
          {doc.kind.toUpperCase()}
          {doc.chunk_count
            ? ` · ${doc.chunk_count} passage${doc.chunk_count === 1 ? "" : "s"}`
            : ""}
          {doc.page_count ? ` · ${doc.page_count} pages` : ""}
        </div>
        {doc.original_removed_at !== null && (
          <p className="muted small">
            Original file removed by data retention on {formatDateTime(doc.original_removed_at)};
            its passages still answer. Upload it again to re-index it.
          </p>
        )}
      </td>
      <td>
        <Badge tone={STATUS[doc.status].tone}>{STATUS[doc.status].label}</Badge>
        {doc.status === "failed" && doc.status_reason && (
          <p className="field-error">{doc.status_reason}</p>
        )}
        <BridgeCopies copies={doc.bridges} />
      </td>
      <td>{formatBytes(doc.size_bytes)}</td>
      <td>{formatDateTime(doc.created_at)}</td>
      <td className="row-actions">
        <Button
          onClick={() => void reindex.run(doc.id)}
          disabled={doc.original_removed_at !== null}
          busy={reindex.busy}
          aria-label={`Re-index ${doc.title}`}
        >
          Re-index
        </Button>
        {confirming === doc.id ? (
          <>
            <Button
              variant="danger"
              busy={remove.busy}
              onClick={() => void remove.run(doc.id)}
              aria-label={`Confirm deleting ${doc.title}`}
            >
              Delete for good
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(null)}>
              Keep
            </Button>
          </>
        ) : (
          <Button
            variant="ghost"
            onClick={() => setConfirming(doc.id)}
            aria-label={`Delete ${doc.title}`}
          >
            Delete
          </Button>
        )}
      </td>
    </tr>
  );
  return (
    <>
      <ScreenHeader />
      <AssistantModeBanner />
      <Card>
        <UploadZone
          onUploaded={() => {
            // Newest first: what was just uploaded is on the first page, where its progress shows.
            docs.pager.onOffset(0);
            void docs.reload();
          }}
          documents={docs.data?.documents ?? []}
        />
      </Card>
      <Card
        title="Library"
        actions={
          pending ? (
            <span className="muted small" role="status">
              Checking progress…
            </span>
          ) : undefined
        }
      >
        <LoadError resource={docs} title="Could not load the library" />
        <ErrorNotice error={remove.error ?? reindex.error} title="That did not work" />
        <Loaded resource={docs} lines={4} empty={list.length === 0 && NO_MATERIAL}>
          <DataTable columns={["Title", "Status", "Size", "Added"]} actions>
            {list.map(documentRow)}
          </DataTable>
          <Pager {...docs.pager} count={list.length} noun="documents" />
        </Loaded>
      </Card>
    </>
  );
}

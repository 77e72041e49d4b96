// Under a document's status, when the workspace has several bridges: where each bridge's copy stands,
// so a machine that lags behind (or refused the file) is seen at a glance.
import type { DocumentCopy, DocumentStatus } from "@coach/contracts/content-views";

const WORD: Record<DocumentStatus, string> = {
  queued: "waiting",
  processing: "indexing",
  ready: "ready",
  failed: "failed",
};

export function BridgeCopies({ copies }: { copies: DocumentCopy[] | undefined }) {
  if (!copies || copies.length < 2) return null;
  return (
    <ul className="muted small bridge-copies" aria-label="Copies on each bridge">
      {copies.map((copy) => (
        <li key={copy.bridge_id} title={copy.reason ?? undefined}>
          {copy.name ?? "Shared server"}: {WORD[copy.status]}
        </li>
      ))}
    </ul>
  );
}

// Drop files here (or choose them): each file uploads on its own with a progress bar, and its outcome
// stays listed until dismissed: the API's reason for refusing it, or, once accepted, where its reading
// stands in the library (processing, ready with its passages, or why it failed).
import { useRef, useState, type DragEvent } from "react";
import type { KnowledgeDocument } from "@coach/contracts/content-views";
import { ApiError } from "../../api/errors";
import { uploadWithProgress } from "../../api/upload";
import { useApi } from "../../auth/auth-context";
import { Button } from "../../components/ui";
import { formatBytes } from "../../lib/format";

type UploadItem = {
  key: string;
  name: string;
  size: number;
  progress: number;
  state: "uploading" | "done" | "failed";
  message?: string;
  /** The library entry an accepted upload became. */
  documentId?: string;
};

/** What an accepted upload's library entry says now. */
function progressOf(document: KnowledgeDocument | undefined): string {
  if (!document || document.status === "queued" || document.status === "processing")
    return "Uploaded — processing now.";
  if (document.status === "failed")
    return `Refused: ${document.status_reason ?? "the file could not be read."}`;
  return `Ready — ${document.chunk_count} passage${document.chunk_count === 1 ? "" : "s"} the assistant can answer from.`;
}

const ACCEPT =
  ".pdf,.docx,.txt,.md,.markdown,.html,.htm,application/pdf,text/plain,text/markdown,text/html";

export function UploadZone({
  onUploaded,
  documents,
}: {
  onUploaded: (document: KnowledgeDocument) => void;
  /** The library as last loaded, which the accepted uploads' lines follow. */
  documents: readonly KnowledgeDocument[];
}) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [items, setItems] = useState<UploadItem[]>([]);

  const update = (key: string, change: Partial<UploadItem>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const uploadAll = (files: File[]) => {
    for (const file of files) {
      const key = `${file.name}-${file.size}-${crypto.randomUUID()}`;
      setItems((list) => [
        ...list,
        { key, name: file.name, size: file.size, progress: 0, state: "uploading" },
      ]);
      const form = new FormData();
      form.append("file", file);
      uploadWithProgress(api.session, "/knowledge/documents", form, (progress) =>
        update(key, { progress }),
      )
        .then((document) => {
          update(key, { state: "done", progress: 1, documentId: document.id });
          onUploaded(document);
        })
        .catch((err: unknown) =>
          update(key, {
            state: "failed",
            message: err instanceof ApiError ? err.message : String(err),
          }),
        );
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    uploadAll([...event.dataTransfer.files]);
  };

  return (
    <div>
      <div
        className={`dropzone ${dragging ? "dragging" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>
          <strong>Drop your material here</strong>
          <br />
          <span className="muted">PDF, Word (DOCX), text, Markdown or HTML, up to 25 MB each.</span>
        </p>
        <Button variant="primary" onClick={() => input.current?.click()}>
          Choose files
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Choose files to upload"
          onChange={(event) => {
            uploadAll([...(event.target.files ?? [])]);
            event.target.value = "";
          }}
        />
      </div>
      {items.length > 0 && (
        <ul className="upload-list" aria-label="Uploads">
          {items.map((item) => (
            <li key={item.key} className={`upload upload-${item.state}`}>
              <div className="upload-row">
                <span className="upload-name">{item.name}</span>
                <span className="muted small">{formatBytes(item.size)}</span>
                {item.state !== "uploading" && (
                  <Button
                    variant="ghost"
                    aria-label={`Dismiss ${item.name}`}
                    onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}
                  >
                    Dismiss
                  </Button>
                )}
              </div>
              <progress max={1} value={item.progress} aria-label={`Upload of ${item.name}`} />
              {item.state === "done" && (
                <p className="small muted" role="status">
                  {progressOf(documents.find((d) => d.id === item.documentId))}
                </p>
              )}
              {item.state === "failed" && <p className="field-error">{item.message}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

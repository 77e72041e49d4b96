// The dashboard's small kit of accessible building blocks: real buttons (labelled fields are in
// form-fields.tsx), loading placeholders instead of blank screens, empty states that say what to do, and errors that say what
// happened (the API's own sentence) and what to try.
import { useState, type ComponentPropsWithRef, type ReactNode } from "react";
import { ApiError } from "../api/errors";

type ButtonProps = ComponentPropsWithRef<"button"> & {
  variant?: "primary" | "secondary" | "danger" | "ghost";
  busy?: boolean;
};

/** A button; while `busy` it is disabled and shows a spinner, keeping its label for screen readers. */
export function Button({
  variant = "secondary",
  busy = false,
  disabled,
  children,
  className,
  type = "button",
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={`btn btn-${variant} ${className ?? ""}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && <span className="spinner spinner-small" aria-hidden="true" />}
      {children}
    </button>
  );
}

export function Spinner({ label = "Loading" }: { label?: string }) {
  return (
    <div className="spinner-row" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

/** Grey bars where content is about to appear. */
export function Skeleton({ lines = 3 }: { lines?: number }) {
  return (
    <div className="skeleton" role="status" aria-label="Loading">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-line" style={{ width: `${90 - ((i * 17) % 40)}%` }} />
      ))}
    </div>
  );
}

type EmptyStateProps = { title: string; children?: ReactNode; action?: ReactNode };

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="empty">
      <h3>{title}</h3>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

/** What went wrong, in the API's words, what to try, and a retry when there is one. */
export function ErrorNotice({
  error,
  onRetry,
  title = "Something went wrong",
}: {
  error: ApiError | Error | null | undefined;
  onRetry?: () => void;
  title?: string;
}) {
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : undefined;
  // "See details": the fields the server refused, and why.
  const problems = error instanceof ApiError ? error.problems : [];
  const hint =
    status === 0
      ? null
      : status === 403
        ? "Your role in this workspace does not allow this. Ask an owner or admin."
        : status === 404
          ? "This part of the API is not available on this server yet, or the item was removed."
          : status !== undefined && status >= 500
            ? "The server had a problem. Try again in a moment."
            : null;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{title}</strong>
      <p>{error.message}</p>
      {problems.length > 0 && (
        <ul className="problem-list">
          {problems.map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>
              {problem.path && <code>{problem.path}</code>} {problem.message}
            </li>
          ))}
        </ul>
      )}
      {hint && <p className="muted">{hint}</p>}
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-success" role="status">
      {children}
    </div>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {description && <p className="muted">{description}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}

export function Card({
  title,
  children,
  actions,
  className,
}: {
  title?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <section className={`card ${className ?? ""}`}>
      {(title || actions) && (
        <div className="card-head">
          {title && <h2>{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: "neutral" | "good" | "warn" | "bad" | "info";
  children: ReactNode;
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** Copies `text` to the clipboard and says so. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  return (
    <Button
      variant="secondary"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied("done");
        } catch {
          setCopied("failed");
        }
        setTimeout(() => setCopied("idle"), 2000);
      }}
    >
      {copied === "done" ? "Copied" : copied === "failed" ? "Select and copy it by hand" : label}
    </Button>
  );
}

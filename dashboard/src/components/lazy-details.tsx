// A folded section whose content is mounted only while it is open, so what the content reads (a
// contact's details, a call to Meta) is read only when someone looks.
import { useState, type ReactNode } from "react";

/** A `<details>` with `summary`, holding `children` only while open. */
export function LazyDetails({
  className,
  summary,
  children,
}: {
  className: string;
  summary: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}

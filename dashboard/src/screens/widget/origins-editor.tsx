// The sites allowed to embed the widget: origins as browsers send them (scheme, host, port; no path).
import { useState } from "react";
import { Field } from "../../components/form-fields";
import { Button } from "../../components/ui";

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/;

export function OriginsEditor({
  origins,
  onChange,
}: {
  origins: string[];
  onChange: (next: string[]) => void;
}) {
  const [entry, setEntry] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const origin = entry.trim().replace(/\/$/, "");
    if (!ORIGIN.test(origin)) {
      setError(
        "Enter an origin like https://www.example.com (scheme and host, optional port, no path).",
      );
      return;
    }
    if (!origins.includes(origin)) onChange([...origins, origin]);
    setEntry("");
    setError(null);
  };
  return (
    <div>
      {origins.length === 0 ? (
        <p className="muted">
          No site may use the widget yet. Add the address of each site where you paste the snippet.
        </p>
      ) : (
        <ul className="chip-list" aria-label="Allowed sites">
          {origins.map((origin) => (
            <li key={origin} className="chip">
              <code>{origin}</code>
              <Button
                variant="ghost"
                aria-label={`Remove ${origin}`}
                onClick={() => onChange(origins.filter((o) => o !== origin))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <Field label="Add a site" error={error}>
          {(id, describedBy) => (
            <input
              id={id}
              placeholder="https://www.example.com"
              aria-describedby={describedBy}
              value={entry}
              onChange={(e) => setEntry(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  add();
                }
              }}
            />
          )}
        </Field>
        <Button onClick={add}>Add site</Button>
      </div>
    </div>
  );
}

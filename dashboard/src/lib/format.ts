// Dates, sizes and percentages as people read them.

/** A timestamp (ms or ISO) as a short local date and time; "—" when missing. */
export function formatDateTime(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? "—"
    : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A confidence in 0..1 as a percentage; "—" when the answer had none. */
export function formatConfidence(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${Math.round(value * 100)}%`;
}

const CHANNEL_PERSON = {
  web: "Website visitor",
  telegram: "Telegram user",
  whatsapp: "WhatsApp user",
} as const;

type KnownPerson = {
  display_name: string | null;
  email: string | null;
  channel: keyof typeof CHANNEL_PERSON;
  /** A widget visitor's site: the host name of the page they opened the widget on. */
  site?: string | null;
};

/**
 * A person as a coach recognises them: their name, their email, the site a widget visitor came from
 * ("Visitor from example.com, 4 Dec"), or where they came from and when ("Telegram user since 4 Dec");
 * never an id.
 */
export function formatPerson(
  person: KnownPerson | null | undefined,
  channel: KnownPerson["channel"] | null,
  when: { label: string; at: number },
): string {
  if (person?.display_name) return person.display_name;
  if (person?.email) return person.email;
  const day = new Date(when.at).toLocaleDateString(undefined, { day: "numeric", month: "short" });
  if (person?.site) return `Visitor from ${person.site}, ${day}`;
  const kind = person?.channel ?? channel;
  return `${kind ? CHANNEL_PERSON[kind] : "Someone"} ${when.label} ${day}`;
}

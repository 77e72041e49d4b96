// The person behind a conversation, beside its transcript: their coaching preferences, how they are
// doing (the signals their coaching agent keeps), what they committed to, their programs, and their
// privacy requests (export or erase their data).
import type { CommitmentStatus } from "@coach/contracts/commitments";
import { useApi } from "../../auth/auth-context";
import { ContactPrivacy } from "../../components/contact-privacy";
import { LazyDetails } from "../../components/lazy-details";
import { Pager, usePagedResource } from "../../components/pager";
import { LoadError, Loaded } from "../../components/resource-view";
import { Badge } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { CoachingPreferences } from "./coaching-preferences";
import { EnrolContact } from "./enrol-contact";

const COMMITMENT_STATUS: Record<
  CommitmentStatus,
  { label: string; tone: "neutral" | "good" | "info" | "warn" }
> = {
  open: { label: "Open", tone: "info" },
  asked: { label: "Asked how it went", tone: "info" },
  done: { label: "Done", tone: "good" },
  partly: { label: "Partly done", tone: "warn" },
  not_yet: { label: "Not yet", tone: "warn" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

const COMMITMENTS_PER_PAGE = 10;

/** Everything about the contact a coach acts on, folded under the transcript's heading. */
export function ContactPanel({ contactId, name }: { contactId: string; name: string }) {
  // Read only once opened: most visits to a transcript never look.
  return (
    <LazyDetails
      className="contact-panel"
      summary={`About ${name}: preferences, commitments, programs, privacy`}
    >
      <CoachingPreferences contactId={contactId} />
      <Signals contactId={contactId} />
      <Commitments contactId={contactId} />
      <Programs contactId={contactId} />
      <section aria-labelledby={`privacy-${contactId}`}>
        <h3 id={`privacy-${contactId}`}>Privacy requests</h3>
        <ContactPrivacy contactId={contactId} name={name} />
      </section>
    </LazyDetails>
  );
}

function Signals({ contactId }: { contactId: string }) {
  const api = useApi();
  const signals = useResource(
    (signal) => api.get("/contacts/:id/signals", { params: { id: contactId }, signal }),
    [api, contactId],
  );
  const s = signals.data;
  const trend =
    s?.score_trend == null
      ? ""
      : s.score_trend < 0
        ? ", falling"
        : s.score_trend > 0
          ? ", rising"
          : ", steady";
  return (
    <section aria-labelledby={`signals-${contactId}`}>
      <h3 id={`signals-${contactId}`}>How they are doing</h3>
      <LoadError resource={signals} title="Could not load their signals" />
      <Loaded resource={signals} lines={2}>
        {s && (
          <dl className="contact-facts">
            <dt>Last active</dt>
            <dd>{formatDateTime(s.last_activity_at)}</dd>
            <dt>Streak</dt>
            <dd>
              {s.streak_days === 0
                ? "None yet"
                : `${s.streak_days === 1 ? "1 day" : `${s.streak_days} days`} in a row`}
            </dd>
            <dt>Missed check-ins</dt>
            <dd>{s.missed_checkins === 0 ? "None" : `${s.missed_checkins} in a row`}</dd>
            <dt>Check-in scores</dt>
            <dd>
              {s.checkin_scores.length === 0
                ? "None yet"
                : `${s.checkin_scores
                    .slice(-5)
                    .map((score) => score.value)
                    .join(", ")}${trend}`}
            </dd>
          </dl>
        )}
      </Loaded>
    </section>
  );
}

function Commitments({ contactId }: { contactId: string }) {
  const api = useApi();
  const commitments = usePagedResource(
    (page, signal) =>
      api.get("/contacts/:id/commitments", { params: { id: contactId }, query: page, signal }),
    [api, contactId],
    COMMITMENTS_PER_PAGE,
    contactId,
  );
  const list = commitments.data?.commitments ?? [];
  return (
    <section aria-labelledby={`commitments-${contactId}`}>
      <h3 id={`commitments-${contactId}`}>Commitments and reminders</h3>
      <LoadError resource={commitments} title="Could not load their commitments" />
      <Loaded
        resource={commitments}
        lines={2}
        empty={
          list.length === 0 &&
          commitments.pager.offset === 0 && <p className="muted small">None yet.</p>
        }
      >
        <ul className="contact-list">
          {list.map((c) => (
            <li key={c.id}>
              <span>{c.what}</span>{" "}
              <Badge tone={COMMITMENT_STATUS[c.status].tone}>
                {COMMITMENT_STATUS[c.status].label}
              </Badge>
              <span className="muted small">
                {" "}
                {c.kind === "reminder" ? "remind" : "follow up"} {c.local_time_text}
              </span>
            </li>
          ))}
        </ul>
        <Pager {...commitments.pager} count={list.length} noun="commitments" />
      </Loaded>
    </section>
  );
}

function Programs({ contactId }: { contactId: string }) {
  const api = useApi();
  // The workspace's programs, to name each enrolment and to offer the active ones.
  const programs = useResource(
    (signal) => api.get("/programs", { query: { limit: 100 }, signal }),
    [api],
  );
  const enrolments = useResource(
    (signal) => api.get("/enrollments", { query: { contact_id: contactId, limit: 50 }, signal }),
    [api, contactId],
  );
  const names = new Map((programs.data?.programs ?? []).map((p) => [p.id, p.name]));
  const list = enrolments.data?.enrollments ?? [];
  return (
    <section aria-labelledby={`programs-${contactId}`}>
      <h3 id={`programs-${contactId}`}>Programs</h3>
      <LoadError resource={enrolments} title="Could not load their programs" />
      <Loaded
        resource={enrolments}
        lines={2}
        empty={list.length === 0 && <p className="muted small">Not enrolled in any program.</p>}
      >
        <ul className="contact-list">
          {list.map((e) => (
            <li key={e.id}>
              {names.get(e.program_id) ?? "Another program"} <Badge>{e.status}</Badge>
              <span className="muted small"> since {formatDateTime(e.started_at)}</span>
            </li>
          ))}
        </ul>
      </Loaded>
      <EnrolContact
        contactId={contactId}
        programs={programs}
        onEnrolled={() => void enrolments.reload()}
      />
    </section>
  );
}

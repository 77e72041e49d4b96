// An enrolment's history (GET /enrollments/:id, kept by the person's coaching agent) in a coach's words:
// what was sent, held back and why, answered, and how it ended. Times are the reader's local time.
import type { EnrollmentEvent } from "@coach/contracts/programs";
import { formatDateTime } from "../../lib/format";

const JOINED: Record<string, string> = {
  widget: "Joined from the widget",
  telegram: "Joined on Telegram",
  whatsapp: "Joined on WhatsApp",
  api: "Enrolled by your team",
};

const ENDED: Record<string, string> = {
  ended_by_creator: "Ended by your team",
  no_next_step: "Ended: the flow has no step after this one",
  step_missing: "Ended: its step is no longer in the program",
};

/** Why a step was not sent, and what happens next. */
const SKIPPED: Record<string, string> = {
  membership_lapsed:
    "their membership has lapsed; it is sent once they pay again (checked every hour)",
};

function text(value: unknown): string | null {
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

/** One line of the history, without its time. */
export function describeEnrolmentEvent({ event, node_id, detail = {} }: EnrollmentEvent): string {
  const step = node_id ? `step “${node_id}”` : "a step";
  const until = formatDateTime(text(detail.until) === null ? null : Number(detail.until));
  const reason = text(detail.reason);
  switch (event) {
    case "enrolled": {
      const source = text(detail.source) ?? "";
      const joined = JOINED[source] ?? `Enrolled (${source || "unknown source"})`;
      return detail.version === undefined ? joined : `${joined}, version ${text(detail.version)}`;
    }
    case "sent":
      if (detail.error) return `Sent ${step}, not delivered (${text(detail.error)})`;
      return `Sent ${step}`;
    case "deferred":
      return `Held ${step} until ${until}: quiet hours or the message limits`;
    case "waiting":
      return detail.for === "checkin_answer"
        ? `Waiting for an answer to ${step} until ${until}`
        : `Waiting at ${step} until ${until}`;
    case "answered": {
      const answer = text(detail.text) ?? text(detail.value);
      return answer === null ? `Answered ${step}` : `Answered ${step}: “${answer}”`;
    }
    case "branched":
      return `Took the “${text(detail.branch)}” branch at ${step}`;
    case "skipped":
      return `Did not send ${step}: ${(reason && SKIPPED[reason]) ?? reason ?? "no reason given"}`;
    case "completed":
      return "Completed the program";
    case "ended":
      return (reason && ENDED[reason]) ?? (reason ? `Ended (${reason})` : "Ended");
    case "opted_out":
      return "Stopped: they asked for no more coaching messages";
  }
}

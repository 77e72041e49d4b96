// One enrolment's history under the enrolments table, newest first, read from the person's coaching
// agent when a coach asks for it: the table comes from an index that knows the state, not the reasons.
import { useApi } from "../../auth/auth-context";
import { LoadError } from "../../components/resource-view";
import { Button, Skeleton } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { describeEnrolmentEvent } from "./enrolment-events";

export function EnrolmentHistory({
  enrollmentId,
  name,
  onClose,
}: {
  enrollmentId: string;
  name: string;
  onClose: () => void;
}) {
  const api = useApi();
  const enrolment = useResource(
    (signal) => api.get("/enrollments/:id", { params: { id: enrollmentId }, signal }),
    [api, enrollmentId],
  );
  const events = [...(enrolment.data?.history ?? [])].reverse();
  return (
    <section className="enrolment-history" aria-label={`History of ${name}`}>
      <div className="enrolment-history-head">
        <h3>History of {name}</h3>
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      {enrolment.error ? (
        <LoadError resource={enrolment} title="Could not load the history" />
      ) : !enrolment.data ? (
        <Skeleton lines={3} />
      ) : (
        <ol reversed>
          {events.map((event, index) => (
            <li key={`${event.at}-${index}`}>
              <time className="muted small">{formatDateTime(event.at)}</time>{" "}
              {describeEnrolmentEvent(event)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

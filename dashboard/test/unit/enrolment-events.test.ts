// An enrolment's history in a coach's words: each event the coaching agent records reads as a sentence,
// and a held step says why and what happens next (a lapsed membership, quiet hours).
import type { EnrollmentEvent } from "@coach/contracts/programs";
import { describe, expect, it } from "vitest";
import { describeEnrolmentEvent } from "../../src/screens/programs/enrolment-events";

const at = Date.UTC(2026, 11, 5, 9, 30);
const event = (e: Omit<EnrollmentEvent, "at">): string => describeEnrolmentEvent({ at, ...e });

describe("describeEnrolmentEvent", () => {
  it("says why a step of a paid program was not sent, and when it will be", () => {
    expect(
      event({ node_id: "day-2", event: "skipped", detail: { reason: "membership_lapsed" } }),
    ).toBe(
      "Did not send step “day-2”: their membership has lapsed; it is sent once they pay again (checked every hour)",
    );
  });

  it("names how someone joined, and the program's version", () => {
    expect(
      event({ node_id: null, event: "enrolled", detail: { source: "widget", version: 3 } }),
    ).toBe("Joined from the widget, version 3");
    expect(event({ node_id: null, event: "enrolled", detail: { source: "api", version: 1 } })).toBe(
      "Enrolled by your team, version 1",
    );
  });

  it("tells a delivered step from one the channel refused", () => {
    expect(event({ node_id: "welcome", event: "sent", detail: { delivered: true } })).toBe(
      "Sent step “welcome”",
    );
    expect(
      event({ node_id: "welcome", event: "sent", detail: { delivered: false, error: "blocked" } }),
    ).toBe("Sent step “welcome”, not delivered (blocked)");
  });

  it("gives held and waiting steps the time they go on", () => {
    const line = event({ node_id: "welcome", event: "deferred", detail: { until: at } });
    expect(line).toMatch(/^Held step “welcome” until .*2026.*: quiet hours or the message limits$/);
    expect(
      event({ node_id: "mood", event: "waiting", detail: { until: at, for: "checkin_answer" } }),
    ).toMatch(/^Waiting for an answer to step “mood” until .*2026/);
  });

  it("quotes an answer and names how an enrolment ended", () => {
    expect(event({ node_id: "mood", event: "answered", detail: { text: "4", value: 4 } })).toBe(
      "Answered step “mood”: “4”",
    );
    expect(event({ node_id: "end", event: "ended", detail: { reason: "ended_by_creator" } })).toBe(
      "Ended by your team",
    );
    expect(event({ node_id: "x", event: "ended", detail: { reason: "something_new" } })).toBe(
      "Ended (something_new)",
    );
    expect(event({ node_id: "end", event: "completed" })).toBe("Completed the program");
  });
});

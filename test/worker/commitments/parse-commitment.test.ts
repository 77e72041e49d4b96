// The commitment and reminder reader in English: what it records, on the user's own clock, what it
// leaves alone because it is not certain, and how it confirms. Other languages are in
// parse-commitment-languages.test.ts.
import { describe, expect, it } from "vitest";
import { confirmationText } from "../../../worker/commitments/parse-commitment";
import { parse, WEDNESDAY_10AM_BERLIN } from "./commitment-helpers";

describe("reminders", () => {
  it("reads 'remind me tomorrow at 8' as 08:00 tomorrow on the user's clock", () => {
    expect(parse("remind me tomorrow at 8")).toEqual({
      kind: "reminder",
      what: "your reminder",
      due_at: Date.UTC(2026, 10, 26, 7, 0),
      local_time_text: "tomorrow at 8:00",
    });
  });

  it("reads a relative time and what to be reminded of, in either order", () => {
    const expected = {
      kind: "reminder",
      what: "stretch",
      due_at: WEDNESDAY_10AM_BERLIN + 2 * 3_600_000,
      local_time_text: "today at 12:00",
    };
    expect(parse("remind me in 2 hours to stretch")).toEqual(expected);
    expect(parse("Remind me to stretch in 2 hours.")).toEqual(expected);
    expect(parse("remind me in an hour to take my meds")?.due_at).toBe(
      WEDNESDAY_10AM_BERLIN + 3_600_000,
    );
    expect(parse("remind me in half an hour")?.due_at).toBe(WEDNESDAY_10AM_BERLIN + 30 * 60_000);
  });

  it("accepts a polite question and an explicit am/pm time", () => {
    expect(parse("Could you remind me at 6pm to call mom?")).toMatchObject({
      what: "call mom",
      due_at: Date.UTC(2026, 10, 25, 17, 0),
    });
  });

  it("reads weekdays with minutes, and day parts with their usual hours", () => {
    expect(parse("remind me on monday at 9:30 to send the report")).toMatchObject({
      due_at: Date.UTC(2026, 10, 30, 8, 30),
      local_time_text: "on Monday at 9:30",
    });
    expect(parse("remind me tomorrow morning to drink water")?.due_at).toBe(
      Date.UTC(2026, 10, 26, 8, 0),
    );
    expect(parse("remind me tomorrow evening at 7")?.due_at).toBe(Date.UTC(2026, 10, 26, 18, 0));
  });

  it("takes a bare hour as its next occurrence: 8 at 10:00 is 20:00 today", () => {
    expect(parse("remind me at 8")?.due_at).toBe(Date.UTC(2026, 10, 25, 19, 0));
    expect(parse("remind me at 7am")?.due_at).toBe(Date.UTC(2026, 10, 26, 6, 0));
  });

  it("places the same words at different instants for users in different time zones", () => {
    const tokyo = parse("remind me tomorrow at 8", {
      now: WEDNESDAY_10AM_BERLIN,
      timeZone: "Asia/Tokyo",
    });
    const newYork = parse("remind me tomorrow at 8", {
      now: WEDNESDAY_10AM_BERLIN,
      timeZone: "America/New_York",
    });
    expect(tokyo?.due_at).toBe(Date.UTC(2026, 10, 25, 23, 0));
    expect(newYork?.due_at).toBe(Date.UTC(2026, 10, 26, 13, 0));
  });

  it("keeps 8:00 on the wall clock across a daylight-saving change", () => {
    // Saturday 28 March 2026, 12:00 in Berlin; clocks go forward on the night to Sunday.
    const beforeChange = { now: Date.UTC(2026, 2, 28, 11, 0), timeZone: "Europe/Berlin" };
    expect(parse("remind me tomorrow at 8", beforeChange)?.due_at).toBe(
      Date.UTC(2026, 2, 29, 6, 0),
    );
    // Saturday 31 October 2026 in New York; clocks go back on Sunday 1 November.
    const beforeFallBack = { now: Date.UTC(2026, 9, 31, 16, 0), timeZone: "America/New_York" };
    expect(parse("remind me tomorrow at 8", beforeFallBack)?.due_at).toBe(
      Date.UTC(2026, 10, 1, 13, 0),
    );
  });

  it("moves a time skipped by the spring-forward change to just after the gap", () => {
    const beforeChange = { now: Date.UTC(2026, 2, 28, 11, 0), timeZone: "Europe/Berlin" };
    expect(parse("remind me tomorrow at 2:30am", beforeChange)?.due_at).toBe(
      Date.UTC(2026, 2, 29, 1, 30),
    );
  });

  it.each([
    "remind me at 25:00",
    "remind me at 13pm",
    "remind me tomorrow at 9:75",
    "remind me yesterday",
    "remind me later",
    "remind me soon to stretch",
    "remind me in 0 minutes",
    "remind me in 500 days",
    "remind me today at 7am",
    "don't remind me tomorrow",
    "can you remind me what we discussed?",
    "remind me tomorrow at 8 and friday at 9",
    "remind me next week at 9",
    "remind me in 2 hours tomorrow",
    "remind me what we said tomorrow",
  ])("ignores %j rather than guessing", (text) => {
    expect(parse(text)).toBeNull();
  });
});

describe("commitments", () => {
  it("reads 'I'll run three times this week' as 3 a week, followed up on Sunday evening", () => {
    expect(parse("I'll run three times this week")).toEqual({
      kind: "commitment",
      what: "run",
      count: 3,
      period: "week",
      due_at: Date.UTC(2026, 10, 29, 17, 0),
      local_time_text: "on Sunday at 18:00",
    });
  });

  it("reads other ways of committing, with their counts and follow-up times", () => {
    expect(parse("I'm going to go to the gym twice this week!")).toMatchObject({
      what: "go to the gym",
      count: 2,
      period: "week",
    });
    expect(parse("I'll do yoga 4 times a week")).toMatchObject({
      what: "do yoga",
      count: 4,
      period: "week",
      due_at: Date.UTC(2026, 10, 29, 17, 0),
    });
    expect(parse("I will meditate every day this week")).toMatchObject({
      what: "meditate",
      count: 1,
      period: "day",
    });
    expect(parse("I'll call my sister tomorrow")).toMatchObject({
      what: "call my sister",
      due_at: Date.UTC(2026, 10, 26, 19, 0),
    });
    expect(parse("I'll write 500 words by friday")).toMatchObject({
      what: "write 500 words",
      local_time_text: "on Friday at 20:00",
    });
    expect(parse("I'll run at 7 tomorrow")).toMatchObject({
      what: "run",
      due_at: Date.UTC(2026, 10, 26, 8, 0),
    });
    expect(parse("I'll finish the course this month")).toMatchObject({
      due_at: Date.UTC(2026, 10, 30, 17, 0),
    });
  });

  it("finds the commitment inside a longer message", () => {
    expect(parse("Thanks, that helps! I'll go for a walk tonight.")).toMatchObject({
      what: "go for a walk",
      local_time_text: "tomorrow at 9:00",
    });
  });

  it.each([
    "I won't run this week",
    "I'll not run this week",
    "Will I run three times this week?",
    "should I run three times this week?",
    "I'll think about it tomorrow",
    "I'll maybe run tomorrow",
    "I'll try",
    "I'll run three times",
    "I'll run tomorrow or friday",
    "I'll plan my week tomorrow",
    "I'll run this week tomorrow",
    "I ran three times this week",
  ])("ignores %j", (text) => {
    expect(parse(text)).toBeNull();
  });
});

describe("confirmation", () => {
  it("answers in one short line that names what and when", () => {
    const run = parse("I'll run three times this week");
    const stretch = parse("remind me in 2 hours to stretch");
    if (!run || !stretch) throw new Error("both should parse");
    expect(confirmationText(run, "en")).toBe(
      "Noted: run 3 times a week. I'll check in with you on Sunday at 18:00.",
    );
    expect(confirmationText(stretch, "en")).toBe(
      "Got it: I'll remind you today at 12:00 (stretch).",
    );
    expect(confirmationText(run, "en")).not.toContain("\n");
  });
});

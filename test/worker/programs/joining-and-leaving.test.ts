// Users join programs and leave them from their own channel: Telegram `/start <slug>` and `/stop`,
// WhatsApp's program keyword and "STOP", and the widget's enrol and stop calls. Joining sends the
// program's first step on that channel (seen at the Bot API and Graph stand-ins); leaving ends every
// enrolment at once.
import type { CoachingStateView, EnrollmentView } from "@coach/contracts/programs";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { KEYWORD_TEXTS } from "../../../worker/channels/whatsapp/keyword-texts";
import { roomFor } from "../../../worker/lib/rooms";
import { ORIGIN, openSession } from "../../support/widget-client";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  eventually,
  graphCalls,
  postSigned,
  postUpdate,
  telegramCalls,
  textUpdate,
  waText,
} from "../channels/channel-helpers";
import { createProgram, oneMessage, ranCheckin, runAt } from "./program-helpers";

let workspace: SeededWorkspace;
/** The next 12:00 UTC: after the moment users joined on the real clock, and outside the default quiet hours. */
const NOON = Math.ceil((Date.now() - 12 * 3_600_000) / 86_400_000) * 86_400_000 + 12 * 3_600_000;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

async function enrollmentsOf(programId: string): Promise<EnrollmentView[]> {
  const res = await call(`/api/v1/enrollments?program_id=${programId}`, {
    token: workspace.members.owner.token,
  });
  return ((await res.json()) as { enrollments: EnrollmentView[] }).enrollments;
}

/** The contact's enrolment in `programId` once it exists; its agent's clock is then pinned to the next noon UTC and the due step run. */
async function joinedAtNoon(programId: string): Promise<EnrollmentView> {
  const [enrollment] = await eventually(async () => {
    const list = await enrollmentsOf(programId);
    expect(list).toHaveLength(1);
    return list;
  });
  if (!enrollment) throw new Error("no enrolment");
  await runAt(workspace.tenantId, enrollment.contact_id, NOON);
  return enrollment;
}

async function coachingOf(contactId: string): Promise<CoachingStateView> {
  return (await (
    await call(`/api/v1/contacts/${contactId}/coaching`, { token: workspace.members.owner.token })
  ).json()) as CoachingStateView;
}

describe("Telegram", () => {
  it("joins with /start <slug>, gets the first step in the chat, and leaves everything with /stop", async () => {
    const bot = await connectBot(workspace);
    const program = await createProgram(workspace, {
      steps: oneMessage("Welcome aboard! First task: a 10-minute walk."),
    });
    await postUpdate(bot.botId, bot.secret, textUpdate(1, 8101, `/start ${program.slug}`));
    const enrollment = await joinedAtNoon(program.id);
    const texts = async () =>
      (await telegramCalls(bot.token, "sendMessage"))
        .filter((c) => Number(c.params.chat_id) === 8101)
        .map((c) => String(c.params.text));
    await eventually(async () =>
      expect(await texts()).toContain("Welcome aboard! First task: a 10-minute walk."),
    );
    expect((await texts()).some((t) => t.startsWith(`You're in: "${program.name}"`))).toBe(true);
    expect((await enrollmentsOf(program.id)).map((e) => e.status)).toEqual(["completed"]);
    // The list names who joined (Telegram's first name), so the dashboard shows a person, not an id.
    expect((await enrollmentsOf(program.id))[0]?.contact).toEqual({
      display_name: "Sam",
      email: null,
      channel: "telegram",
      site: null,
    });

    const second = await createProgram(workspace, {
      steps: {
        nodes: [
          { id: "later", kind: "wait", duration_minutes: 60 },
          { id: "hi", kind: "message", text: "Later" },
          { id: "end", kind: "end" },
        ],
        edges: [
          { from: "later", to: "hi" },
          { from: "hi", to: "end" },
        ],
      },
    });
    await postUpdate(bot.botId, bot.secret, textUpdate(2, 8101, `/start ${second.slug}`));
    await eventually(async () =>
      expect((await enrollmentsOf(second.id)).map((e) => e.status)).toEqual(["active"]),
    );
    await postUpdate(bot.botId, bot.secret, textUpdate(3, 8101, "/stop"));
    await eventually(async () =>
      expect((await enrollmentsOf(second.id)).map((e) => e.status)).toEqual(["opted_out"]),
    );
    expect((await coachingOf(enrollment.contact_id)).opted_out).toBe(true);
    await postUpdate(bot.botId, bot.secret, textUpdate(4, 8101, "/start"));
    await eventually(async () =>
      expect((await coachingOf(enrollment.contact_id)).opted_out).toBe(false),
    );
  });

  it("sets quiet hours and the time zone with /quiet and /timezone", async () => {
    const bot = await connectBot(workspace);
    const program = await createProgram(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(1, 8202, `/start ${program.slug}`));
    const enrollment = await joinedAtNoon(program.id);
    await postUpdate(bot.botId, bot.secret, textUpdate(2, 8202, "/quiet 21:30-7"));
    await postUpdate(bot.botId, bot.secret, textUpdate(3, 8202, "/timezone Europe/Lisbon"));
    await eventually(async () =>
      expect(await coachingOf(enrollment.contact_id)).toMatchObject({
        timezone: "Europe/Lisbon",
        quiet_hours: { start: "21:30", end: "07:00" },
      }),
    );
  });

  it("reads the user's next message in the chat as the answer to a check-in", async () => {
    const bot = await connectBot(workspace);
    const program = await createProgram(workspace, { steps: ranCheckin() });
    await postUpdate(bot.botId, bot.secret, textUpdate(1, 8404, `/start ${program.slug}`));
    const enrollment = await joinedAtNoon(program.id);
    await eventually(async () =>
      expect(
        (await telegramCalls(bot.token, "sendMessage")).map((c) => String(c.params.text)),
      ).toContain("Did you run today?"),
    );
    await postUpdate(bot.botId, bot.secret, textUpdate(2, 8404, "not yet"));
    await eventually(async () => {
      const view = (await (
        await call(`/api/v1/enrollments/${enrollment.id}`, { token: workspace.members.owner.token })
      ).json()) as EnrollmentView;
      expect(view.history?.find((e) => e.event === "answered")?.detail).toMatchObject({
        choice_id: "no",
      });
    });
  });

  it("tells the user when no program has that name", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(1, 8303, "/start no-such-program"));
    await eventually(async () => {
      const sent = (await telegramCalls(bot.token, "sendMessage")).map((c) =>
        String(c.params.text),
      );
      expect(sent).toContain(
        'I couldn\'t find a program called "no-such-program". Check the link or the name, then try again.',
      );
    });
  });
});

describe("WhatsApp", () => {
  it("joins with the program's keyword, gets the first step, and leaves with STOP", async () => {
    const number = await connectNumber(workspace);
    const program = await createProgram(workspace, {
      keyword: "JOIN RUN5K",
      steps: oneMessage("Welcome to Run 5K! Lace up for 10 minutes today."),
    });
    await postSigned(number, waText(number.phoneId, "4915550001", "wamid.join1", "join  run5k"));
    const enrollment = await joinedAtNoon(program.id);
    const texts = async () =>
      (await graphCalls(number.phoneId))
        .filter((c) => c.body?.type === "text")
        .map((c) => String((c.body?.text as { body: string }).body));
    await eventually(async () =>
      expect(await texts()).toContain("Welcome to Run 5K! Lace up for 10 minutes today."),
    );

    await postSigned(number, waText(number.phoneId, "4915550001", "wamid.stop1", "Stop"));
    await eventually(async () => expect(await texts()).toContain(KEYWORD_TEXTS.en.stopped));
    expect((await coachingOf(enrollment.contact_id)).opted_out).toBe(true);
  });
});

describe("the widget", () => {
  it("joins a program by its slug with the visitor's token and leaves with stop", async () => {
    const widget = (await (
      await call("/api/v1/widget", {
        method: "PUT",
        token: workspace.members.owner.token,
        body: { allowed_origins: [ORIGIN] },
      })
    ).json()) as { public_key: string };
    const session = await openSession({
      tenantId: workspace.tenantId,
      publicKey: widget.public_key,
    });
    const program = await createProgram(workspace, {
      steps: oneMessage("Welcome! Your first check-in comes tomorrow."),
    });
    const headers = {
      Origin: ORIGIN,
      Authorization: `Bearer ${session.visitor_token}`,
      "Content-Type": "application/json",
    };
    const joined = await exports.default.fetch("http://edge.test/api/v1/widget/enroll", {
      method: "POST",
      headers,
      body: JSON.stringify({ program_slug: program.slug }),
    });
    expect(joined.status).toBe(201);
    expect(joined.headers.get("Access-Control-Allow-Origin")).toBe(ORIGIN);
    const enrollment = await joinedAtNoon(program.id);
    await eventually(async () => {
      const page = await roomFor(env, workspace.tenantId, session.conversation_id).listMessages(
        0,
        10,
      );
      expect(page.messages.map((m) => m.text)).toContain(
        "Welcome! Your first check-in comes tomorrow.",
      );
    });
    const stopped = await exports.default.fetch("http://edge.test/api/v1/widget/stop", {
      method: "POST",
      headers,
    });
    expect(await stopped.json()).toMatchObject({ opted_out: true });
    expect((await coachingOf(enrollment.contact_id)).opted_out).toBe(true);
  });

  it("refuses a call without a valid visitor token", async () => {
    const res = await exports.default.fetch("http://edge.test/api/v1/widget/enroll", {
      method: "POST",
      headers: {
        Origin: ORIGIN,
        Authorization: "Bearer vt1.forged.token",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ program_slug: "anything" }),
    });
    expect(res.status).toBe(401);
  });
});

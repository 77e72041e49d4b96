// What a plan includes, told on the messaging channels rather than silently refused: a person on a
// plan without Telegram who writes there gets a kind message with their upgrade link, and joining a
// paid program from Telegram (`/start <name>`) or WhatsApp (its keyword) without the plan answers why,
// with the checkout link, in the person's language.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createPlan } from "../../../worker/billing/plans";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  eventually,
  postSigned,
  postUpdate,
  telegramCalls,
  textUpdate,
  waText,
  whatsAppTexts,
} from "../channels/channel-helpers";
import { createProgram } from "../programs/program-helpers";
import { stripe } from "./billing-helpers";

const UPGRADE_LINK = "http://edge.test/api/v1/billing/upgrade/up1.";

let workspace: SeededWorkspace;
let program: { id: string; slug: string; name: string };

beforeAll(async () => {
  workspace = await seedWorkspace();
  program = await createProgram(workspace, { name: "Run 5K", keyword: "JOIN RUN5K" });
  const gateway = forTenant(env.DB, workspace.tenantId);
  await createPlan(gateway, stripe, {
    kind: "free",
    name: "Web only",
    monthly_messages: null,
    includes: { programs: [], channels: ["web"] },
  });
  await createPlan(gateway, stripe, {
    kind: "paid",
    name: "Club",
    monthly_messages: null,
    price_minor: 1500,
    currency: "eur",
    interval: "month",
    trial_days: 0,
    includes: { programs: [program.id], channels: [] },
  });
});

/** What the bot sent to `chatId` so far, once it sent anything. */
async function sentTo(token: string, chatId: number): Promise<string> {
  return eventually(async () => {
    const texts = (await telegramCalls(token, "sendMessage"))
      .filter((c) => Number(c.params.chat_id) === chatId)
      .map((c) => String(c.params.text));
    if (texts.length === 0) throw new Error("nothing sent yet");
    return texts.join("\n");
  });
}

describe("a plan without Telegram", () => {
  it("answers a message there with a kind word and the upgrade link", async () => {
    const bot = await connectBot(workspace);
    const chatId = 7_400_001;
    await postUpdate(bot.botId, bot.secret, textUpdate(94_001, chatId, "How long should I run?"));
    const sent = await sentTo(bot.token, chatId);
    expect(sent).toMatch(/Your current plan doesn't include conversations on Telegram/);
    expect(sent).toContain(UPGRADE_LINK);
  });
});

describe("joining a paid program without its plan", () => {
  it("on Telegram, tells the person why in their language, with the checkout link", async () => {
    const bot = await connectBot(workspace);
    const chatId = 7_400_002;
    const update = textUpdate(94_002, chatId, `/start ${program.slug}`) as {
      message: { from: Record<string, unknown> };
    };
    update.message.from.language_code = "es";
    expect((await postUpdate(bot.botId, bot.secret, update)).status).toBe(200);
    const sent = await sentTo(bot.token, chatId);
    expect(sent).toMatch(/«Run 5K» forma parte de un plan de membresía/);
    expect(sent).toContain(UPGRADE_LINK);
  });

  it("on WhatsApp, answers the keyword with why and the checkout link", async () => {
    const number = await connectNumber(workspace);
    await postSigned(number, waText(number.phoneId, "4915550077", "wamid.paid1", "join run5k"));
    const texts = await eventually(async () => {
      const found = await whatsAppTexts(number.phoneId, "4915550077");
      if (found.length === 0) throw new Error("nothing sent yet");
      return found.join("\n");
    });
    expect(texts).toMatch(/"Run 5K" is part of a membership plan/);
    expect(texts).toContain(UPGRADE_LINK);
  });
});

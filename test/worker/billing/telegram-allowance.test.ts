// On Telegram, a person whose plan has no answers left this month hears so from the bot, in their own
// language (Telegram's `language_code`), with the link to upgrade: never silence.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createPlan } from "../../../worker/billing/plans";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  eventually,
  postUpdate,
  telegramCalls,
  textUpdate,
} from "../channels/channel-helpers";
import { stripe } from "./billing-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
  const gateway = forTenant(env.DB, workspace.tenantId);
  await createPlan(gateway, stripe, { kind: "free", name: "Gratis", monthly_messages: 0 });
  await createPlan(gateway, stripe, {
    kind: "paid",
    name: "Club",
    monthly_messages: null,
    price_minor: 1500,
    currency: "eur",
    interval: "month",
    trial_days: 0,
  });
});

describe("an allowance used up on Telegram", () => {
  it("is answered in the person's language with the upgrade link", async () => {
    const bot = await connectBot(workspace);
    const chatId = 7_300_001;
    const update = textUpdate(91_001, chatId, "¿Cuánto debería durar mi rutina?") as {
      message: { from: Record<string, unknown> };
    };
    update.message.from.language_code = "es";
    expect((await postUpdate(bot.botId, bot.secret, update)).status).toBe(200);
    const sent = await eventually(async () => {
      const texts = (await telegramCalls(bot.token, "sendMessage"))
        .filter((c) => Number(c.params.chat_id) === chatId)
        .map((c) => String(c.params.text));
      if (texts.length === 0) throw new Error("nothing sent yet");
      return texts;
    });
    expect(sent.join("\n")).toMatch(/Has usado todas las respuestas que incluye tu plan este mes/);
    expect(sent.join("\n")).toContain("http://edge.test/api/v1/billing/upgrade/up1.");
  });
});

// The Graph stand-in refuses what the WhatsApp Cloud API refuses, each rule from its documentation:
// an invalid access token (error 190, developers.facebook.com/docs/graph-api/guides/error-handling),
// a template that was never approved (132001, …/whatsapp/cloud-api/support/error-codes) and a text body
// over 4,096 characters (…/whatsapp/cloud-api/reference/messages, text.body). The platform's senders
// split long answers below that limit (formatting.test.ts), so no real send meets it.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

async function send(token: string, message: object): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${env.WHATSAPP_GRAPH_URL}/v23.0/1234567890/messages`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ messaging_product: "whatsapp", to: "15550100", ...message }),
  });
  return { status: res.status, body: await res.json() };
}

describe("the Graph stand-in", () => {
  it("sends a text of 4,096 characters and refuses one more, with error 100", async () => {
    const at = (n: number) => ({ type: "text", text: { body: "a".repeat(n) } });
    expect((await send("token", at(4096))).status).toBe(200);
    const refused = await send("token", at(4097));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { code: 100, message: expect.stringContaining("at most 4096 characters") },
    });
  });

  it("refuses an invalid token (190) and a template never approved (132001)", async () => {
    expect(
      (await send("invalid-token", { type: "text", text: { body: "hi" } })).body,
    ).toMatchObject({ error: { code: 190 } });
    const template = {
      type: "template",
      template: { name: "unapproved_nudge", language: { code: "en" } },
    };
    expect((await send("token", template)).body).toMatchObject({ error: { code: 132001 } });
  });
});

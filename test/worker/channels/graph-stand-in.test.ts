// The Graph stand-in refuses what the WhatsApp Cloud API refuses, each rule from its documentation:
// an invalid access token (error 190, developers.facebook.com/docs/graph-api/guides/error-handling),
// a template that was never approved (132001, …/whatsapp/cloud-api/support/error-codes) and a text body
// over 4,096 characters (…/whatsapp/cloud-api/reference/messages, text.body). The platform's senders
// split long answers below that limit (formatting.test.ts), so no real send meets it. A business
// account's message templates follow the Business Management API (…/whatsapp/templates/template-
// management, …/graph-api/using-graph-api#paging): only the `fields` asked for (and `id`), error 100 for a
// field the template node lacks, pages of `limit` with `paging.cursors` and `paging.next` only while more
// follow, and a delete by name that takes every language of it, error 100 for a name it does not have.
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

type TemplatePage = {
  data: Record<string, unknown>[];
  paging?: { cursors: { before: string; after: string }; next?: string };
};

async function templates(
  waba: string,
  query: string,
  method = "GET",
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${env.WHATSAPP_GRAPH_URL}/v23.0/${waba}/message_templates?${query}`, {
    method,
    headers: { Authorization: "Bearer token" },
  });
  return { status: res.status, body: await res.json() };
}

describe("the Graph stand-in's message templates", () => {
  it("answers only the fields asked for, plus id, and refuses a field templates do not have", async () => {
    const { body } = await templates("5550001", "fields=name,status&limit=1");
    expect((body as TemplatePage).data).toEqual([
      { name: "coach_checkin", status: "APPROVED", id: expect.any(String) },
    ]);
    const refused = await templates("5550001", "fields=name,colour");
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { code: 100, message: expect.stringContaining("nonexisting field (colour)") },
    });
  });

  it("pages with cursors, naming a next page only while more follow", async () => {
    const first = (await templates("5550002", "fields=name,language")).body as TemplatePage;
    expect(first.data).toHaveLength(25);
    expect(first.paging?.next).toBeDefined();
    const after = first.paging?.cursors.after ?? "";
    const second = (await templates("5550002", `fields=name,language&after=${after}`))
      .body as TemplatePage;
    expect(second.data.map((t) => t.name)).toEqual(
      [19, 20, 21, 22, 23, 24].map((n) => `daily_nudge_${n}`),
    );
    expect(second.paging?.cursors).toBeDefined();
    expect(second.paging?.next).toBeUndefined();
  });

  it("deletes every language of a name and refuses a name the account does not have (100)", async () => {
    expect((await templates("5550003", "name=coach_checkin", "DELETE")).body).toEqual({
      success: true,
    });
    const left = (await templates("5550003", "fields=name&limit=100")).body as TemplatePage;
    expect(left.data.map((t) => t.name)).not.toContain("coach_checkin");
    const again = await templates("5550003", "name=coach_checkin", "DELETE");
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: { code: 100 } });
    expect((await templates("5550003", "", "DELETE")).body).toMatchObject({ error: { code: 100 } });
  });
});

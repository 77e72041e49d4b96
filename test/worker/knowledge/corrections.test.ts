// The creator's corrections as the Corrections screen uses them: listed with their words, newest first
// and paged; edited in place, after which a visitor asking the question gets the new answer word for
// word; and only a correction can be edited that way, by someone who may change the material.
import type { Correction, CorrectionPage } from "@coach/contracts/content-views";
import { beforeAll, describe, expect, it } from "vitest";
import { openSession, SocketClient, ORIGIN } from "../../support/widget-client";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { settle, upload, type DocumentJson } from "./helpers";

let ws: SeededWorkspace;
let editor: string;

async function correct(question: string, answer: string): Promise<string> {
  const res = await call("/api/v1/knowledge/corrections", {
    token: editor,
    body: { question, answer },
  });
  const { id } = (await res.json()) as DocumentJson;
  await settle(editor, id);
  return id;
}

async function listed(query = ""): Promise<CorrectionPage> {
  const res = await call(`/api/v1/knowledge/corrections${query}`, {
    token: ws.members.viewer.token,
  });
  return (await res.json()) as CorrectionPage;
}

function edit(id: string, body: unknown, token = editor): Promise<Response> {
  return call(`/api/v1/knowledge/corrections/${id}`, { method: "PUT", token, body });
}

/** What the workspace's widget answers a new visitor who asks `question`. */
async function widgetAnswer(question: string): Promise<{ text: string; grounding?: string }> {
  const widget = (await (
    await call("/api/v1/widget", {
      method: "PUT",
      token: ws.members.owner.token,
      body: { allowed_origins: [ORIGIN] },
    })
  ).json()) as { public_key: string };
  const session = await openSession({ tenantId: ws.tenantId, publicKey: widget.public_key });
  const client = await SocketClient.connect(session);
  client.send({ type: "message", client_id: crypto.randomUUID(), text: question });
  const done = await client.next((f) => f.type === "done", 15_000);
  client.close();
  return done as { text: string; grounding?: string };
}

beforeAll(async () => {
  ws = await seedWorkspace();
  editor = ws.members.editor.token;
});

describe("GET /api/v1/knowledge/corrections", () => {
  it("lists each correction with its id and words, newest first, a page at a time", async () => {
    const older = await correct("When do I stop caffeine?", "By 2 pm, so your sleep stays deep.");
    const newer = await correct("How long is a focus block?", "Fifty minutes, then ten away.");
    const first = await listed("?limit=1");
    expect(first.cases).toEqual([
      expect.objectContaining({
        id: newer,
        question: "How long is a focus block?",
        answer: "Fifty minutes, then ten away.",
        status: "ready",
      }),
    ]);
    expect(first.next_offset).toBe(1);
    const second = await listed(`?limit=1&offset=${first.next_offset}`);
    expect(second.cases.map((c) => c.id)).toEqual([older]);
  });
});

describe("PUT /api/v1/knowledge/corrections/:id", () => {
  it("replaces the words, and the next visitor asking gets the new answer word for word", async () => {
    const question = "What do I do after a missed workout?";
    const id = await correct(question, "Skip it and move on.");
    const res = await edit(id, {
      question,
      answer: "  Do ten minutes today; a short session keeps the habit alive.  ",
    });
    expect(res.status).toBe(202);
    expect((await res.json()) as Correction).toMatchObject({ id, status: "queued" });
    expect(await settle(editor, id)).toMatchObject({
      status: "ready",
      title: `Correction: ${question}`,
    });
    const answer = "Do ten minutes today; a short session keeps the habit alive.";
    expect((await listed()).cases).toContainEqual(
      expect.objectContaining({ id, question, answer }),
    );
    expect(await widgetAnswer(question)).toMatchObject({ text: answer, grounding: "curated" });
    const audit = (await (
      await call("/api/v1/audit?action=correction.updated", { token: ws.members.owner.token })
    ).json()) as { events: { target_id: string }[] };
    expect(audit.events.map((e) => e.target_id)).toContain(id);
  });

  it("names the refused field, and edits nothing but a correction of this workspace", async () => {
    const id = await correct("Is rest a skill?", "Yes: plan it like training.");
    const empty = await edit(id, { question: "Is rest a skill?", answer: " " });
    expect(empty.status).toBe(400);
    const body = (await empty.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path)).toEqual(["answer"]);

    const guide = (await (
      await upload(editor, new TextEncoder().encode("# Rest\n\nSleep eight hours."))
    ).json()) as DocumentJson;
    const notCorrection = await edit(guide.id, { question: "q", answer: "a" });
    expect(notCorrection.status).toBe(404);
    expect((await errorOf(notCorrection)).message).toContain("correction");

    const other = await seedWorkspace();
    expect((await edit(id, { question: "q", answer: "a" }, other.members.owner.token)).status).toBe(
      404,
    );
    expect((await edit(id, { question: "q", answer: "a" }, ws.members.viewer.token)).status).toBe(
      403,
    );
  });
});

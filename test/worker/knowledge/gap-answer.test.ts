// Answering a gap from the Gaps screen: the answer becomes a correction (the next visitor asking gets it
// word for word), and, only when the creator opts in, each conversation that asked is sent it once
// through its room, however often the answer is saved.
import type { GapAnswerResult, GapPage } from "@coach/contracts/content-views";
import { beforeAll, describe, expect, it } from "vitest";
import { openSession, SocketClient } from "../../support/widget-client";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { deliver, reportedQuestion, settle } from "./helpers";

const ASKED = "Which tyre pressure suits a gravel ride?";
const UNSENT = "Can I ride with a cracked rim?";
const ANSWER = "Between 30 and 40 psi: lower on loose gravel, higher on packed roads.";

let ws: SeededWorkspace;
let asker: string;
let silent: string;

/** A visitor asks `question`, the bridge reports it as a gap; their conversation's id. */
async function gapFrom(question: string): Promise<string> {
  const report = await reportedQuestion(ws, question);
  expect((await deliver(report)).status).toBe(200);
  return (JSON.parse(report.body) as { conversation_id: string }).conversation_id;
}

async function answerGap(body: unknown, token = ws.members.editor.token) {
  const res = await call("/api/v1/knowledge/gaps/answer", { token, body });
  return { status: res.status, body: (await res.json()) as GapAnswerResult };
}

async function texts(conversationId: string): Promise<string[]> {
  const res = await call(`/api/v1/conversations/${conversationId}/messages`, {
    token: ws.members.viewer.token,
  });
  const { messages } = (await res.json()) as { messages: { text: string }[] };
  return messages.map((m) => m.text);
}

async function gaps(): Promise<GapPage> {
  return (await (
    await call("/api/v1/knowledge/gaps", { token: ws.members.viewer.token })
  ).json()) as GapPage;
}

beforeAll(async () => {
  ws = await seedWorkspace();
  asker = await gapFrom(ASKED);
  silent = await gapFrom(UNSENT);
});

describe("POST /api/v1/knowledge/gaps/answer", () => {
  it("lists how many people asked each gap and are still owed an answer", async () => {
    const listed = await gaps();
    expect(listed.questions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ question: ASKED, askers: 1 }),
        expect.objectContaining({ question: UNSENT, askers: 1 }),
      ]),
    );
  });

  it("sends nothing to the askers unless asked to", async () => {
    const before = await texts(silent);
    const { status, body } = await answerGap({ question: UNSENT, answer: "No: replace it first." });
    expect(status).toBe(202);
    expect(body).toMatchObject({ notify_askers: false, sent: 0, skipped: 0 });
    expect(body.correction.kind).toBe("correction");
    expect(await texts(silent)).toEqual(before);
    expect((await gaps()).questions).toContainEqual(
      expect.objectContaining({ question: UNSENT, askers: 1 }),
    );
  });

  it("sends the answer once to each conversation that asked, however often it is saved", async () => {
    const first = await answerGap({ question: ASKED, answer: ANSWER, notify_askers: true });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ notify_askers: true, sent: 1, skipped: 0, more: false });
    const sent = `You asked: “${ASKED}” — here is the answer:\n\n${ANSWER}`;
    expect((await texts(asker)).filter((t) => t === sent)).toHaveLength(1);

    // The question in other case and spacing is the same gap; it has had its answer.
    const again = await answerGap({
      question: `  ${ASKED.toUpperCase()} `,
      answer: ANSWER,
      notify_askers: true,
    });
    expect(again.body).toMatchObject({ sent: 0, skipped: 0 });
    expect((await texts(asker)).filter((t) => t === sent)).toHaveLength(1);
    expect((await gaps()).questions).toContainEqual(
      expect.objectContaining({ question: ASKED, askers: 0 }),
    );

    const audit = (await (
      await call("/api/v1/audit?action=gap.answered", { token: ws.members.owner.token })
    ).json()) as { events: { target_id: string }[] };
    expect(audit.events.map((e) => e.target_id)).toContain(first.body.correction.id);

    // The next visitor asking gets the creator's words, word for word.
    expect(await settle(ws.members.editor.token, first.body.correction.id)).toMatchObject({
      status: "ready",
    });
    const widget = (await (
      await call("/api/v1/widget", { token: ws.members.owner.token })
    ).json()) as {
      public_key: string;
    };
    const client = await SocketClient.connect(
      await openSession({ tenantId: ws.tenantId, publicKey: widget.public_key }),
    );
    client.send({ type: "message", client_id: crypto.randomUUID(), text: ASKED });
    const done = await client.next((f) => f.type === "done", 15_000);
    client.close();
    expect(done).toMatchObject({ text: ANSWER, grounding: "curated" });
  });

  it("opens with the question in the language chosen for the person", async () => {
    const question = "¿Puedo rodar con la llanta rajada?";
    const conversation = await gapFrom(question);
    const view = (await (
      await call(`/api/v1/conversations/${conversation}`, { token: ws.members.viewer.token })
    ).json()) as { contact_id: string };
    const chosen = await call(`/api/v1/contacts/${view.contact_id}/coaching`, {
      method: "PUT",
      token: ws.members.owner.token,
      body: { language: "es" },
    });
    expect(chosen.status).toBe(200);
    const { body } = await answerGap({
      question,
      answer: "No: cámbiala antes de salir.",
      notify_askers: true,
    });
    expect(body.sent).toBe(1);
    expect(await texts(conversation)).toContain(
      "Preguntaste: «¿Puedo rodar con la llanta rajada?». Aquí tienes la respuesta:\n\nNo: cámbiala antes de salir.",
    );
  });

  it("is for members who may change the material", async () => {
    const { status } = await answerGap(
      { question: ASKED, answer: ANSWER, notify_askers: true },
      ws.members.viewer.token,
    );
    expect(status).toBe(403);
  });
});

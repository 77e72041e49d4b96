// The creator's voice: versioned saves, validation, and the room answering with the latest version.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPersona } from "../../../worker/persona/load-persona";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { createWorkspace, openSession, SocketClient } from "../../support/widget-client";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";

const PERSONA = {
  name: "Maya",
  voice: "Calm and encouraging; short paragraphs.",
  fallback: "That's not in my material yet — ask me about sleep or focus.",
  tagline: "Sleep coach",
  tone: "warm",
  formality: "casual",
  answer_length: "short",
  emoji: "sparing",
  methodology: {
    principles: ["Consistency first"],
    frameworks: [{ name: "RESET", description: "Rest, Eat, Sleep, Exercise, Think" }],
    steps: ["Notice", "Adjust"],
  },
  always: ["Offer one next step."],
  never: ["Diagnose."],
  examples: [{ question: "I slept badly.", answer: "One night is data, not a verdict." }],
  languages: ["en", "de"],
  answer_mode: "adaptive",
};

let ws: SeededWorkspace;

beforeAll(async () => {
  ws = await seedWorkspace();
});

describe("GET/PUT /api/v1/persona", () => {
  it("answers the default persona as version 0 before anything is saved", async () => {
    const body = (await (
      await call("/api/v1/persona", { token: ws.members.viewer.token })
    ).json()) as { version: number; persona: { name: string } };
    expect(body).toMatchObject({ version: 0, persona: { name: "Coach" } });
  });

  it("saves each change as a new version and answers the latest", async () => {
    const first = await call("/api/v1/persona", {
      method: "PUT",
      token: ws.members.editor.token,
      body: PERSONA,
    });
    expect(await first.json()).toMatchObject({
      version: 1,
      persona: { name: "Maya", answer_mode: "adaptive" },
    });
    await call("/api/v1/persona", {
      method: "PUT",
      token: ws.members.editor.token,
      body: { ...PERSONA, tagline: "Sleep and focus coach" },
    });
    const current = (await (
      await call("/api/v1/persona", { token: ws.members.viewer.token })
    ).json()) as { version: number; persona: typeof PERSONA };
    expect(current).toMatchObject({
      version: 2,
      persona: { tagline: "Sleep and focus coach", methodology: PERSONA.methodology },
    });
  });

  it("refuses an invalid persona with the fields at fault", async () => {
    const res = await call("/api/v1/persona", {
      method: "PUT",
      token: ws.members.editor.token,
      body: { ...PERSONA, fallback: "", answer_mode: "creative" },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path).sort()).toEqual(["answer_mode", "fallback"]);
  });

  it("is what the room answers the next turn with, version included", async () => {
    const tenant = await seedWorkspace();
    await call("/api/v1/persona", {
      method: "PUT",
      token: tenant.members.owner.token,
      body: PERSONA,
    });
    const loaded = await loadPersona(env.DB, tenant.tenantId);
    expect(loaded).toMatchObject({
      version: 1,
      persona: { name: "Maya", never: ["Diagnose."], languages: ["en", "de"] },
    });
  });

  it("speaks the saved persona's fallback line in a live conversation when the material has nothing", async () => {
    const workspace = await createWorkspace();
    await forTenant(env.DB, workspace.tenantId).insert("personas", {
      id: crypto.randomUUID(),
      version: 1,
      data: { ...PERSONA, answer_mode: "strict" },
    });
    const client = await SocketClient.connect(await openSession(workspace));
    client.send({
      type: "message",
      client_id: "persona-0001",
      text: "How do I fix a flat tyre on my bike?",
    });
    const done = await client.next((f) => f.type === "done", 10_000);
    client.close();
    expect(done).toMatchObject({ text: PERSONA.fallback });
  });

  it("keeps the greeting style and the next-step line, and refuses a greeting style it does not know", async () => {
    const tenant = await seedWorkspace();
    const token = tenant.members.editor.token;
    const saved = await call("/api/v1/persona", {
      method: "PUT",
      token,
      body: {
        ...PERSONA,
        greeting_style: "warm",
        next_step: "  Want help planning your first week?  ",
      },
    });
    expect(saved.status).toBe(200);
    const current = (await (await call("/api/v1/persona", { token })).json()) as {
      persona: Record<string, unknown>;
    };
    expect(current.persona).toMatchObject({
      greeting_style: "warm",
      next_step: "Want help planning your first week?",
    });
    expect((await loadPersona(env.DB, tenant.tenantId)).persona).toMatchObject({
      greeting_style: "warm",
      next_step: "Want help planning your first week?",
    });

    const refused = await call("/api/v1/persona", {
      method: "PUT",
      token,
      body: { ...PERSONA, greeting_style: "loud", next_step: "x".repeat(301) },
    });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path).sort()).toEqual(["greeting_style", "next_step"]);
  });

  it("refuses viewers", async () => {
    const res = await call("/api/v1/persona", {
      method: "PUT",
      token: ws.members.viewer.token,
      body: PERSONA,
    });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBeDefined();
  });
});

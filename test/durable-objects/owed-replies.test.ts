// A crisis message is stored with a note that its fixed reply is owed, because the reply waits for a D1
// read. When the object is evicted in that wait, the room pays the reply when it wakes — once.
import { abortAllDurableObjects, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { MessageLog } from "../../durable-objects/room/message-log";
import { OwedReplies } from "../../durable-objects/room/owed-replies";
import { roomFor } from "../../worker/lib/rooms";
import { detectCrisis } from "../../worker/safety/detect-crisis";
import {
  createWorkspace,
  openSession,
  SocketClient,
  type Workspace,
} from "../support/widget-client";

const CRISIS = "honestly i just want to go to sleep and not wake up";

let workspace: Workspace;

beforeAll(async () => {
  workspace = await createWorkspace();
});

describe("fixed replies owed across an eviction", () => {
  it("pays the crisis reply when the room wakes, and only once", async () => {
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    client.close();
    const room = () => roomFor(env, workspace.tenantId, session.conversation_id);
    const signal = detectCrisis(CRISIS);
    expect(signal).not.toBeNull();
    // The state an eviction leaves between storing the message and storing its reply.
    await runInDurableObject(room(), (_instance, state) => {
      const log = new MessageLog(state.storage.sql);
      const owed = new OwedReplies(state.storage.sql);
      state.storage.transactionSync(() => {
        const message = log.append({
          role: "user",
          author: "visitor",
          text: CRISIS,
          status: "stored",
          channel: "web",
          clientId: "evicted-00001",
        });
        owed.owe({
          turnId: "turn-evicted",
          message: { seq: message.seq, text: CRISIS },
          destination: { kind: "crisis", signal: signal! },
          route: null,
          language: null,
          channel: "web",
        });
      });
    });
    await abortAllDurableObjects();
    // A fresh instance finds the debt and sets its alarm; the alarm pays it, and a later alarm does not
    // pay it again.
    const woken = room();
    await runDurableObjectAlarm(woken);
    const roles = async () => (await woken.listMessages(0, 100)).messages.map((m) => m.role);
    await expect.poll(roles, { timeout: 10_000 }).toEqual(["user", "assistant"]);
    await runDurableObjectAlarm(woken);
    expect(await roles()).toEqual(["user", "assistant"]);
    const messages = (await woken.listMessages(0, 100)).messages;
    expect(messages[1]?.text).toContain("findahelpline.com");
    await runInDurableObject(room(), (_instance, state) => {
      expect(new OwedReplies(state.storage.sql).all()).toEqual([]);
    });
  });
});

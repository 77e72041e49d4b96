// The edge's full-text copy of a workspace's chunks: found only within its own workspace, ranked by the
// question's words, and gone with the document and with the workspace's erasure.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { database } from "../../../worker/db/client";
import {
  deleteDocumentPassages,
  searchPassages,
  writePassages,
} from "../../../worker/db/knowledge-passages";
import { tenants } from "../../../worker/db/schema";
import { deleteWorkspaceRows } from "../../../worker/db/workspace-store";

async function tenant(): Promise<string> {
  const id = `t${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
  await database(env.DB).insert(tenants).values({ id, name: "Coach", slug: id });
  return id;
}

const BREATHING = { index: 0, text: "Box breathing: in for four, hold for four, out for four." };
const SLEEP = { index: 1, text: "Keep the bedroom cool and dark; breathing slowly helps sleep." };

describe("the edge's passages", () => {
  it("answers a workspace from its own passages, best match first, and forgets them on deletion", async () => {
    const [mine, theirs] = [await tenant(), await tenant()];
    await writePassages(env.DB, mine, { id: "guide", title: "Guide" }, [BREATHING, SLEEP], true);
    await writePassages(env.DB, theirs, { id: "other", title: "Other" }, [BREATHING], true);
    // Written again (a replayed callback): replaced, not doubled.
    await writePassages(env.DB, mine, { id: "guide", title: "Guide" }, [SLEEP], false);

    const found = await searchPassages(env.DB, mine, "How do I sleep better?", 4);
    expect(found.map((p) => [p.documentId, p.chunkIndex])).toEqual([["guide", 1]]);
    const both = await searchPassages(env.DB, mine, "box breathing", 4);
    expect(both.map((p) => p.chunkIndex)).toEqual([0, 1]);
    expect(both.every((p) => p.documentId === "guide")).toBe(true);

    await deleteDocumentPassages(env.DB, mine, "guide");
    expect(await searchPassages(env.DB, mine, "breathing", 4)).toEqual([]);
    expect(await searchPassages(env.DB, theirs, "breathing", 4)).toHaveLength(1);
    await deleteWorkspaceRows(env.DB, theirs);
    expect(await searchPassages(env.DB, theirs, "breathing", 4)).toEqual([]);
  });
});

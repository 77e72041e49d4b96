// Contact erasure reaches every D1 table that holds a person's words (issue 17, finding 5: the knowledge
// gaps kept an erased person's question). The schema is scanned for tables keyed by contact or
// conversation that hold text, and each must be one erasure covers; then a row with a canary in every
// text column is planted in each covered table, must appear in the contact's export, and must be gone
// from every table of the database after the erasure.
import { env } from "cloudflare:workers";
import { is } from "drizzle-orm";
import {
  getTableConfig,
  integer,
  SQLiteTable,
  sqliteTable,
  text,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { conversationSearch } from "../../../../worker/db/conversation-search";
import { PERSONAL_TABLES, type PersonalTableName } from "../../../../worker/db/personal-rows";
import * as schema from "../../../../worker/db/schema";
import { call, seedWorkspace, type SeededWorkspace } from "../helpers";

/** Columns that name a contact or a conversation of one. */
const PERSON_KEYS = new Set(["contact_id", "conversation_id", "linked_to"]);

function schemaTables(): SQLiteTable[] {
  const exported: unknown[] = [...Object.values(schema), conversationSearch];
  return [...new Set(exported)].filter((value): value is SQLiteTable => is(value, SQLiteTable));
}

/** Whether a table is keyed by a person and holds text besides its keys. */
function holdsPersonalText(table: SQLiteTable): boolean {
  const { name, columns } = getTableConfig(table);
  const keyed = name === "contacts" || columns.some((column) => PERSON_KEYS.has(column.name));
  const texts = columns.filter(
    (column) =>
      column.getSQLType() === "text" &&
      !PERSON_KEYS.has(column.name) &&
      !["id", "tenant_id"].includes(column.name),
  );
  return keyed && texts.length > 0;
}

function uncovered(tables: SQLiteTable[]): string[] {
  return tables
    .filter(holdsPersonalText)
    .map((table) => getTableConfig(table).name)
    .filter((name) => !(name in PERSONAL_TABLES));
}

describe("the erasure's list of tables", () => {
  it("covers every table in the schema keyed by contact or conversation that holds text", () => {
    const tables = schemaTables();
    expect(tables.map((table) => getTableConfig(table).name)).toEqual(
      expect.arrayContaining(["question_gaps", "conversations", "conversation_search"]),
    );
    expect(uncovered(tables)).toEqual([]);
  });

  it("would notice a new table that quotes a person", () => {
    const notes = sqliteTable("contact_notes", {
      id: text("id").primaryKey(),
      tenantId: text("tenant_id"),
      contactId: text("contact_id"),
      note: text("note"),
      at: integer("at"),
    });
    expect(uncovered([notes])).toEqual(["contact_notes"]);
  });

  it("erases each covered table by every column that names the person", () => {
    for (const [name, spec] of Object.entries(PERSONAL_TABLES)) {
      const { columns } = getTableConfig(spec.table);
      const declared = new Set(
        [
          ...("contact" in spec ? spec.contact : []),
          ...("conversation" in spec ? spec.conversation : []),
        ].map((column: AnySQLiteColumn) => column.name),
      );
      const keys = columns
        .filter((column) => PERSON_KEYS.has(column.name))
        .map((column) => column.name);
      expect(
        keys.filter((key) => !declared.has(key)),
        name,
      ).toEqual([]);
    }
  });
});

describe("a contact's rows in every covered table", () => {
  const canary = `canary-${crypto.randomUUID()}`;
  const contactId = crypto.randomUUID();
  const conversationId = crypto.randomUUID();
  let workspace: SeededWorkspace;

  /** A row of `name` for the contact, every text column carrying the canary. */
  function plantedRow(name: PersonalTableName): Record<string, string | number> {
    const row: Record<string, string | number> = {};
    for (const column of getTableConfig(PERSONAL_TABLES[name].table).columns) {
      if (column.name === "tenant_id") row[column.name] = workspace.tenantId;
      else if (column.name === "contact_id" || (name === "contacts" && column.name === "id"))
        row[column.name] = contactId;
      else if (
        column.name === "conversation_id" ||
        (name === "conversations" && column.name === "id")
      )
        row[column.name] = conversationId;
      else if (column.primary) row[column.name] = `${canary}:${crypto.randomUUID()}`;
      else if (column.columnType === "SQLiteTextJson")
        row[column.name] = JSON.stringify(`${canary}:${column.name}`);
      else if (column.getSQLType() === "text") row[column.name] = `${canary}:${column.name}`;
      else row[column.name] = 1;
    }
    return row;
  }

  async function tablesHolding(text: string): Promise<string[]> {
    const { results } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'",
    ).all<{ name: string }>();
    const holding: string[] = [];
    for (const { name } of results) {
      const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
      if (JSON.stringify(rows.results).includes(text)) holding.push(name);
    }
    return holding;
  }

  beforeAll(async () => {
    workspace = await seedWorkspace();
    // Contacts first, then conversations (they reference contacts), then everything that names them.
    for (const name of (Object.keys(PERSONAL_TABLES) as PersonalTableName[]).reverse()) {
      const row = plantedRow(name);
      const columns = Object.keys(row);
      await env.DB.prepare(
        `INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      )
        .bind(...Object.values(row))
        .run();
    }
  });

  it("are all in the contact's export, table by table", async () => {
    const res = await call(`/api/v1/contacts/${contactId}/export`, {
      token: workspace.members.owner.token,
    });
    expect(res.status).toBe(200);
    const { stores } = (await res.json()) as { stores: { d1: Record<string, unknown> } };
    const missing = Object.keys(PERSONAL_TABLES)
      .map((name) => (name === "contacts" ? "contact" : name))
      .filter((key) => !JSON.stringify(stores.d1[key] ?? null).includes(canary));
    expect(missing).toEqual([]);
  });

  it("are gone from every table of the database after the erasure", async () => {
    expect(await tablesHolding(canary)).toEqual(
      expect.arrayContaining(Object.keys(PERSONAL_TABLES)),
    );
    const res = await call(`/api/v1/contacts/${contactId}`, {
      method: "DELETE",
      token: workspace.members.owner.token,
    });
    expect(await res.json()).toMatchObject({
      complete: true,
      stores: expect.arrayContaining([expect.objectContaining({ store: "d1", status: "erased" })]),
    });
    expect(await tablesHolding(canary)).toEqual([]);
  });
});

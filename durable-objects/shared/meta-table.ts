// The key/value `meta` table an object keeps beside its own tables in its SQLite storage: small facts
// about itself (who it serves, flags, timestamps), each a string under a key.

const SCHEMA = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)";

export class MetaTable {
  constructor(private readonly sql: SqlStorage) {
    this.create();
  }

  /** Creates the table if missing: also after `deleteAll` has emptied the storage, tables included. */
  create(): void {
    this.sql.exec(SCHEMA);
  }

  get(key: string): string | undefined {
    return this.sql
      .exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key)
      .toArray()[0]?.value;
  }

  /** Writes `value` under `key`; null removes the key. */
  set(key: string, value: string | null): void {
    if (value === null) this.sql.exec("DELETE FROM meta WHERE key = ?", key);
    else
      this.sql.exec(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        key,
        value,
      );
  }
}

// The last message seq the D1 index (search rows, daily counters, answer rows) has seen, so each
// batched sync sends only what is new.
const SCHEMA =
  "CREATE TABLE IF NOT EXISTS index_watermark (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL)";

export class SyncWatermark {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  seq(): number {
    return (
      this.sql.exec<{ seq: number }>("SELECT seq FROM index_watermark WHERE id = 1").toArray()[0]
        ?.seq ?? 0
    );
  }

  advance(seq: number): void {
    this.sql.exec(
      "INSERT INTO index_watermark (id, seq) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq",
      seq,
    );
  }
}

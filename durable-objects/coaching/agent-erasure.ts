// Erasing a CoachingAgent's storage (GDPR): its alarm, then the rows of every table in one transaction.
// Rows, not tables, so the running instance keeps working (empty) without a restart; separate from the
// Durable Object because it reads the schema rather than knowing each store's tables.

/** Deletes the alarm and every row the agent's SQLite holds. */
export async function eraseAgentStorage(ctx: DurableObjectState): Promise<void> {
  await ctx.storage.deleteAlarm();
  const sql = ctx.storage.sql;
  const tables = sql
    .exec<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
    )
    .toArray();
  ctx.storage.transactionSync(() => {
    for (const { name } of tables) sql.exec(`DELETE FROM "${name.replaceAll('"', '""')}"`);
  });
}

// Names RetentionSweeper objects: one per workspace, named by its tenant id.

/** The stub of a workspace's retention sweeper. */
export function retentionSweeperFor(env: Pick<Env, "RETENTION_SWEEPER">, tenantId: string) {
  return env.RETENTION_SWEEPER.get(env.RETENTION_SWEEPER.idFromName(tenantId));
}

// Names WorkspaceCloser objects: one per workspace, named by its tenant id.

/** The stub of a workspace's closer. */
export function workspaceCloserFor(env: Pick<Env, "WORKSPACE_CLOSER">, tenantId: string) {
  return env.WORKSPACE_CLOSER.get(env.WORKSPACE_CLOSER.idFromName(tenantId));
}

// Names WebhookDispatcher objects: one per workspace, named by its tenant id.

/** The dispatcher of one workspace. */
export function dispatcherFor(env: Pick<Env, "WEBHOOK_DISPATCHER">, tenantId: string) {
  return env.WEBHOOK_DISPATCHER.get(env.WEBHOOK_DISPATCHER.idFromName(tenantId));
}

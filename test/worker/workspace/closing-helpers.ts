// What the closed-workspace suites (closing.test.ts, workspace-closer.test.ts) share.

/** The JSON body of a successful response; otherwise fails, naming `what` and the answer. */
export async function json<T>(res: Response, what: string): Promise<T> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

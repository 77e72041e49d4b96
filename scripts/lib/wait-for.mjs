// Waits for a local service to answer, with a deadline and a message that says what to check.

/** Polls `url` until it answers with a status below 500, or throws after `timeoutMs`. */
export async function waitForHttp(url, { timeoutMs = 60_000, what = url } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`${what} did not start within ${timeoutMs / 1000} s; see its output above.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

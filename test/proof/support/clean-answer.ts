// What every answer to bad input must look like: never a server error, and a refusal is the API's JSON
// error with a stable code (README, "Conventions every part relies on").

export type AnswerVerdict =
  | { ok: true; status: number; code: string | null }
  | { ok: false; status: number; problem: string };

/** Reads `res` and judges it: a status below 500, and for 4xx a JSON `{error: {code, message}}`. */
export async function judgeAnswer(res: Response): Promise<AnswerVerdict> {
  const status = res.status;
  const text = await res.text();
  if (status >= 500) return { ok: false, status, problem: `server error: ${text.slice(0, 300)}` };
  if (status < 400) return { ok: true, status, code: null };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, status, problem: `refusal is not JSON: ${text.slice(0, 300)}` };
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  if (typeof error?.code !== "string" || error.code === "" || typeof error.message !== "string") {
    return { ok: false, status, problem: `refusal without a code: ${text.slice(0, 300)}` };
  }
  return { ok: true, status, code: error.code };
}

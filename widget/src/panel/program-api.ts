// The visitor's calls about the coaching program the embed offers: where they stand, join, and stop
// every check-in. Each sends the session's visitor token; any failure comes back as a `ProgramFailure`
// the panel can put in plain words, never as a thrown error.
import type { WidgetEnrollmentView, WidgetEnrollResponse } from "@coach/contracts/programs";
import type { Session, SessionFailure } from "./session";

/** Why a call failed: the program is unknown to the edge, the network is down, or anything else. */
export type ProgramFailure = { failure: "not_found" | "network" | "other" };

/** Gives the current visitor session (the connection's, shared with the socket). */
export type SessionSource = () => Promise<Session | SessionFailure>;

/** One call to `/api/v1/widget/<route>` as the visitor: a POST when there is a body, else a GET. */
export async function visitorCall<T>(
  edge: string,
  session: SessionSource,
  route: string,
  body?: object,
): Promise<T | ProgramFailure> {
  const current = await session();
  if (!("visitor_token" in current))
    return { failure: current.code === "network_error" ? "network" : "other" };
  let res: Response;
  try {
    res = await fetch(`${edge}/api/v1/widget/${route}`, {
      method: body ? "POST" : "GET",
      credentials: "omit",
      headers: {
        Authorization: `Bearer ${current.visitor_token}`,
        ...(body ? { "Content-Type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    return { failure: "network" };
  }
  // 400 too: a slug that is not even well-formed names no program.
  if (res.status === 404 || res.status === 400) return { failure: "not_found" };
  const answer = (await res.json().catch(() => null)) as T | null;
  return res.ok && answer ? answer : { failure: "other" };
}

/** The visitor's standing with the program `slug`. */
export function readEnrollment(
  edge: string,
  session: SessionSource,
  slug: string,
): Promise<WidgetEnrollmentView | ProgramFailure> {
  return visitorCall(edge, session, `enrollment?program_slug=${encodeURIComponent(slug)}`);
}

/** Joins the program `slug` (an active enrolment there already counts as joined). */
export function joinProgram(
  edge: string,
  session: SessionSource,
  slug: string,
): Promise<WidgetEnrollResponse | ProgramFailure> {
  return visitorCall(edge, session, "enroll", { program_slug: slug });
}

/** Stops every coaching message to the visitor, on every channel. */
export function stopCoaching(
  edge: string,
  session: SessionSource,
): Promise<{ opted_out: true } | ProgramFailure> {
  return visitorCall(edge, session, "stop", {});
}

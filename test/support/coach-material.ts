// The material test and benchmark workspaces coach from, so answers are generated from retrieved
// passages (several deltas, with sources) rather than the persona's one-line fallback.

export const COACH_MATERIAL_TITLE = "Routine guide";

export const COACH_MATERIAL =
  "How to start a morning routine: start your morning routine small. Wake at the same time, drink water, " +
  "and write one priority for the day. A morning routine sticks when you start it the night before.";

/** A question the material answers. */
export const ROUTINE_QUESTION = "How do I start a morning routine?";

// The crisis detector against the labelled messages in eval/safety/ (the figures `npm run eval`
// prints): recall on crises at least 0.95, precision at least 0.9, and fewer than 10 % false alarms on
// the hard negatives, on both sets.
import { describe, expect, it } from "vitest";
import development from "../../../eval/safety/crisis-messages.json";
import heldOut from "../../../eval/safety/crisis-messages-held-out.json";
import { detectCrisis } from "../../../worker/safety/detect-crisis";

type Labelled = { messages: { id: string; label: string; text: string }[] };

function figures({ messages }: Labelled) {
  const detected = messages.map((m) => ({ ...m, crisis: detectCrisis(m.text) !== null }));
  const crises = detected.filter((m) => m.label === "crisis");
  const alarms = detected.filter((m) => m.crisis);
  const hardNegatives = detected.filter((m) => m.label === "hard_negative");
  return {
    recall: crises.filter((m) => m.crisis).length / crises.length,
    precision: alarms.filter((m) => m.label === "crisis").length / alarms.length,
    hardNegativeAlarms: hardNegatives.filter((m) => m.crisis).length / hardNegatives.length,
  };
}

describe.each([
  ["development", development as Labelled],
  ["held-out", heldOut as Labelled],
])("the %s set", (_name, set) => {
  it("has at least 0.95 recall, 0.9 precision and under 10 % false alarms on hard negatives", () => {
    const measured = figures(set);
    expect(measured.recall).toBeGreaterThanOrEqual(0.95);
    expect(measured.precision).toBeGreaterThanOrEqual(0.9);
    expect(measured.hardNegativeAlarms).toBeLessThan(0.1);
  });
});

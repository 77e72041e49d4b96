/**
 * Measures the crisis detector (worker/safety/detect-crisis.ts) on the labelled messages in
 * eval/safety/: recall on crisis messages, precision, the false-alarm rate on hard negatives (violent
 * idioms, denials, talk about others), and how many detected crises would still reach the assistant
 * (the room sends a message where classifyMessage says; a crisis must never reach a model).
 * `crisis-messages.json` was written first and used while the patterns were written;
 * `crisis-messages-held-out.json` was written separately, without sight of either, and first measured
 * blind (recall 0.65, precision 0.93) before its misses were read.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classifyMessage } from "../durable-objects/room/classify-message";
import { detectCrisis } from "../worker/safety/detect-crisis";

interface LabelledMessage {
  id: string;
  lang: string;
  label: "crisis" | "hard_negative" | "ordinary";
  category: string;
  text: string;
}

/** What one labelled set measured. */
export interface CrisisFigures {
  set: string;
  messages: number;
  recall: number;
  precision: number;
  hard_negative_false_alarms: number;
  model_calls_for_detected: number;
  missed: string[];
}

const SETS = ["crisis-messages.json", "crisis-messages-held-out.json"];
const round = (x: number) => Math.round(x * 1000) / 1000;

function measure(set: string): CrisisFigures {
  const { messages } = JSON.parse(
    readFileSync(join(import.meta.dirname, "safety", set), "utf8"),
  ) as { messages: LabelledMessage[] };
  let truePositives = 0;
  let falsePositives = 0;
  let hardNegativeAlarms = 0;
  let modelCalls = 0;
  const missed: string[] = [];
  for (const message of messages) {
    const crisis = detectCrisis(message.text);
    if (crisis) {
      const destination = classifyMessage({
        text: message.text,
        crisis,
        takenOver: false,
        underOffer: false,
        quickReplyId: null,
      });
      if (destination.kind === "assistant") modelCalls += 1;
    }
    if (message.label === "crisis") {
      if (crisis) truePositives += 1;
      else missed.push(message.id);
    } else if (crisis) {
      falsePositives += 1;
      if (message.label === "hard_negative") hardNegativeAlarms += 1;
    }
  }
  const crises = messages.filter((m) => m.label === "crisis").length;
  const hardNegatives = messages.filter((m) => m.label === "hard_negative").length;
  return {
    set,
    messages: messages.length,
    recall: round(truePositives / crises),
    precision: round(truePositives / Math.max(1, truePositives + falsePositives)),
    hard_negative_false_alarms: round(hardNegativeAlarms / hardNegatives),
    model_calls_for_detected: modelCalls,
    missed,
  };
}

/** Figures for every labelled set. */
export function measureCrisisDetection(): CrisisFigures[] {
  return SETS.map(measure);
}

/** Prints the figures as a table. */
export function printCrisisFigures(figures: readonly CrisisFigures[]): void {
  console.log("\ncrisis detection — labelled messages (en, es, pt, fr, de)");
  console.log(
    "  set                              messages  recall  precision  hard-neg alarms  model calls",
  );
  for (const f of figures)
    console.log(
      `  ${f.set.padEnd(33)}  ${String(f.messages).padEnd(8)}  ${String(f.recall).padEnd(6)}  ${String(f.precision).padEnd(9)}  ${String(f.hard_negative_false_alarms).padEnd(15)}  ${f.model_calls_for_detected}`,
    );
}

// Evaluates a condition step against what the engine knows of the enrolment: the check-in answers,
// when each step was sent, and when the user last wrote to us. An unanswered check-in is a "no".
import type { ConditionRule } from "@coach/contracts/programs";
import type { EnrollmentRecord } from "./agent-store";

const HOUR_MS = 60 * 60 * 1000;

function compare(
  value: number,
  op: Extract<ConditionRule, { type: "answer_compare" }>["op"],
  target: number,
): boolean {
  switch (op) {
    case "lt":
      return value < target;
    case "lte":
      return value <= target;
    case "gt":
      return value > target;
    case "gte":
      return value >= target;
    case "eq":
      return value === target;
    case "neq":
      return value !== target;
  }
}

/** Which branch the condition takes. */
export function evaluateCondition(
  rule: ConditionRule,
  record: EnrollmentRecord,
  lastReplyAt: number | null,
  now: number,
): "yes" | "no" {
  switch (rule.type) {
    case "answer_compare": {
      const answer = record.answers[rule.node_id ?? record.lastAnswered ?? ""];
      return answer?.value !== undefined && compare(answer.value, rule.op, rule.value)
        ? "yes"
        : "no";
    }
    case "answer_choice": {
      const answer = record.answers[rule.node_id ?? record.lastAnswered ?? ""];
      return answer?.choice_id !== undefined && rule.choice_ids.includes(answer.choice_id)
        ? "yes"
        : "no";
    }
    case "replied_since": {
      const sentAt = record.sentAt[rule.node_id];
      return sentAt !== undefined && lastReplyAt !== null && lastReplyAt > sentAt ? "yes" : "no";
    }
    case "inactive_for":
      return now - (lastReplyAt ?? record.startedAt) >= rule.hours * HOUR_MS ? "yes" : "no";
  }
}

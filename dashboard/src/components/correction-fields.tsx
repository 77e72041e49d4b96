// The two texts of a correction: the question as people ask it, and the answer they get instead, word
// for word. Shared by "Correct this answer" under a message and the Corrections screen; a field the
// server refused says why under it.
import type { QaPair } from "@coach/contracts/knowledge";
import { problemAt, type ApiError } from "../api/errors";
import { TextAreaField } from "./form-fields";

/** The two texts' fields, in order. */
const FIELDS = [
  { key: "question", label: "The question", rows: 2, maxLength: 2000 },
  {
    key: "answer",
    label: "The answer to give instead",
    hint: "Given word for word to this question and to nearly the same one.",
    rows: 5,
    maxLength: 8000,
  },
] as const;

export function CorrectionFields({
  value,
  onValue,
  error,
}: {
  value: QaPair;
  onValue: (value: QaPair) => void;
  error: ApiError | undefined;
}) {
  return FIELDS.map(({ key, ...field }) => (
    <TextAreaField
      key={key}
      {...field}
      value={value[key]}
      onValue={(text) => onValue({ ...value, [key]: text })}
      error={problemAt(error, key)}
    />
  ));
}

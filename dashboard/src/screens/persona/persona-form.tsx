// The persona's fields as a form, one table row a field, in the order shown. Lists (always, never,
// principles, steps, languages) are edited one item per line; fields this form does not show (examples,
// frameworks, guardrails) are kept as they are. Greeting style and next step are left unset until the
// creator picks one, so the bridge's defaults apply.
import type { Persona } from "@coach/contracts/bridge";
import { SelectField, TextAreaField, TextField } from "../../components/form-fields";

const lines = (value: string[] | undefined) => (value ?? []).join("\n");
const toList = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

type TextKey = "name" | "tagline" | "voice" | "tone" | "next_step" | "fallback" | "referral";
type ChoiceKey = "formality" | "answer_length" | "emoji" | "answer_mode" | "greeting_style";
type ListKey = "languages" | "out_of_scope" | "always" | "never";
type MethodKey = keyof Pick<NonNullable<Persona["methodology"]>, "principles" | "steps">;

/** A select's options for the persona's `key` (value: label, in order) and its value while unset. */
type Choice = {
  [K in ChoiceKey]: {
    kind: "choice";
    key: K;
    /** Given the assistant's name, which some options quote. */
    options: (name: string) => Record<NonNullable<Persona[K]>, string>;
    unset: NonNullable<Persona[K]>;
  };
}[ChoiceKey];

type FieldSpec = { label: string; hint?: string } & (
  | { kind: "line"; key: TextKey; required?: boolean; maxLength: number }
  | { kind: "text"; key: TextKey; rows: number; required?: boolean; maxLength: number }
  | Choice
  | { kind: "list"; key: ListKey; rows?: number }
  | { kind: "method"; key: MethodKey }
);

const FIELDS: FieldSpec[] = [
  { kind: "line", key: "name", label: "Assistant name", required: true, maxLength: 120 },
  { kind: "line", key: "tagline", label: "Tagline", maxLength: 200 },
  {
    kind: "text",
    key: "voice",
    label: "Voice",
    hint: "How your assistant speaks and coaches: tone, method, audience.",
    rows: 4,
    maxLength: 4000,
  },
  {
    kind: "line",
    key: "tone",
    label: "Tone words",
    hint: "For example: warm, direct, playful.",
    maxLength: 200,
  },
  {
    kind: "choice",
    key: "formality",
    label: "Formality",
    options: () => ({ casual: "Casual", neutral: "Neutral", formal: "Formal" }),
    unset: "neutral",
  },
  {
    kind: "choice",
    key: "answer_length",
    label: "Answer length",
    options: () => ({ short: "Short", medium: "Medium", long: "Long" }),
    unset: "medium",
  },
  {
    kind: "choice",
    key: "emoji",
    label: "Emoji",
    options: () => ({ none: "None", sparing: "Sparing", frequent: "Frequent" }),
    unset: "none",
  },
  {
    kind: "choice",
    key: "answer_mode",
    label: "When the material has no answer",
    hint: "Strict: say the fallback below. Adaptive: answer from general knowledge, labelled as such.",
    options: () => ({
      strict: "Strict — only from my material",
      adaptive: "Adaptive — material first",
    }),
    unset: "strict",
  },
  {
    kind: "choice",
    key: "greeting_style",
    label: "How answers open",
    hint: "A short greeting with your assistant's name, a warm one, or straight to the answer.",
    options: (name) => ({
      none: "Straight to the answer",
      short: `Short — “${name} here.”`,
      warm: `Warm — “Hi, it’s ${name}!”`,
    }),
    unset: "short",
  },
  {
    kind: "line",
    key: "next_step",
    label: "Next step after an answer",
    hint: "Offered after an answer from your material, e.g. “Want help planning your first week?”. Leave empty for none.",
    maxLength: 300,
  },
  {
    kind: "list",
    key: "languages",
    label: "Languages",
    hint: "One language code per line, preferred first (en, de, pt-BR).",
    rows: 2,
  },
  {
    kind: "text",
    key: "fallback",
    label: "Fallback answer",
    hint: "Said, word for word, when your material does not cover the question.",
    rows: 2,
    required: true,
    maxLength: 1000,
  },
  {
    kind: "text",
    key: "referral",
    label: "Referral line",
    hint: "Said instead of an answer to questions about medication or doses, a diagnosis, legal or financial advice, or your topics below. Leave empty for a default in your assistant's language.",
    rows: 2,
    maxLength: 500,
  },
  {
    kind: "list",
    key: "out_of_scope",
    label: "Topics to refer on",
    hint: "Your own, one per line (for example: pregnancy, eating disorders).",
  },
  { kind: "list", key: "always", label: "Always", hint: "One rule per line." },
  { kind: "list", key: "never", label: "Never", hint: "One rule per line." },
  { kind: "method", key: "principles", label: "Principles of your method", hint: "One per line." },
  {
    kind: "method",
    key: "steps",
    label: "Steps you coach through",
    hint: "In order, one per line.",
  },
];

/** A list edited one item per line. */
function ListField({
  label,
  hint,
  rows = 3,
  value,
  onList,
}: {
  label: string;
  hint?: string;
  rows?: number;
  value: string[] | undefined;
  onList: (list: string[]) => void;
}) {
  return (
    <TextAreaField
      label={label}
      hint={hint}
      rows={rows}
      value={lines(value)}
      onValue={(text) => onList(toList(text))}
    />
  );
}

/** The persona edited, and what hands on the persona with a field changed. */
type PersonaProps = { persona: Persona; onChange: (next: Persona) => void };

/** One field of `persona`, as its spec says. */
function PersonaField({ spec, persona, onChange }: PersonaProps & { spec: FieldSpec }) {
  const set = <K extends keyof Persona>(key: K, value: Persona[K]) =>
    onChange({ ...persona, [key]: value });
  const methodology = persona.methodology ?? { principles: [], frameworks: [], steps: [] };
  switch (spec.kind) {
    case "line":
    case "text": {
      const { kind, key, ...props } = spec;
      const field = { ...props, value: persona[key] ?? "", onValue: (v: string) => set(key, v) };
      return kind === "line" ? <TextField {...field} /> : <TextAreaField wide {...field} />;
    }
    case "choice": {
      // The table ties each key's options to its values; a select hands back one of those.
      const { key, options, unset, ...props } = spec;
      const value: string = persona[key] ?? unset;
      const choices: Record<string, string> = options(persona.name || "Maya");
      const pick = (v: string) => set(key, v as Persona[typeof key]);
      return <SelectField {...props} options={choices} value={value} onValue={pick} />;
    }
    case "list": {
      const { key, ...props } = spec;
      return <ListField {...props} value={persona[key]} onList={(list) => set(key, list)} />;
    }
    case "method": {
      const { key, ...props } = spec;
      return (
        <ListField
          {...props}
          value={methodology[key]}
          onList={(list) => set("methodology", { ...methodology, [key]: list })}
        />
      );
    }
  }
}

export function PersonaForm({ persona, onChange }: PersonaProps) {
  return (
    <div className="form-grid">
      {FIELDS.map((spec) => (
        <PersonaField key={spec.key} spec={spec} persona={persona} onChange={onChange} />
      ))}
    </div>
  );
}

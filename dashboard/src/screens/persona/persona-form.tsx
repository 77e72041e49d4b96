// The persona's fields as a form. Lists (always, never, principles, steps, languages) are edited one
// item per line; fields this form does not show (examples, frameworks, guardrails) are kept as they are.
// Greeting style and next step are left unset until the creator picks one, so the bridge's defaults apply.
import type { Persona } from "@coach/contracts/bridge";
import { SelectField, TextAreaField, TextField } from "../../components/form-fields";

const lines = (value: string[] | undefined) => (value ?? []).join("\n");
const toList = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

const FORMALITY = { casual: "Casual", neutral: "Neutral", formal: "Formal" };
const LENGTH = { short: "Short", medium: "Medium", long: "Long" };
const EMOJI = { none: "None", sparing: "Sparing", frequent: "Frequent" };
const ANSWER_MODE = {
  strict: "Strict — only from my material",
  adaptive: "Adaptive — material first",
};

/** A list edited one item per line. */
function ListField({
  label,
  hint,
  rows = 3,
  value,
  onList,
}: {
  label: string;
  hint: string;
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

export function PersonaForm({
  persona,
  onChange,
}: {
  persona: Persona;
  onChange: (next: Persona) => void;
}) {
  const set = <K extends keyof Persona>(key: K, value: Persona[K]) =>
    onChange({ ...persona, [key]: value });
  /** The value of the persona's `key` for its field (`unset` while it has none) and its change. */
  const bind = <K extends keyof Persona>(key: K, unset: NonNullable<Persona[K]>) => ({
    value: persona[key] ?? unset,
    onValue: (value: NonNullable<Persona[K]>) => set(key, value),
  });
  const bindList = (key: "languages" | "always" | "never" | "out_of_scope") => ({
    value: persona[key],
    onList: (list: string[]) => set(key, list),
  });
  const methodology = persona.methodology ?? { principles: [], frameworks: [], steps: [] };
  const name = persona.name || "Maya";
  return (
    <div className="form-grid">
      <TextField label="Assistant name" required maxLength={120} {...bind("name", "")} />
      <TextField label="Tagline" maxLength={200} {...bind("tagline", "")} />
      <TextAreaField
        label="Voice"
        hint="How your assistant speaks and coaches: tone, method, audience."
        wide
        rows={4}
        maxLength={4000}
        {...bind("voice", "")}
      />
      <TextField
        label="Tone words"
        hint="For example: warm, direct, playful."
        maxLength={200}
        {...bind("tone", "")}
      />
      <SelectField label="Formality" options={FORMALITY} {...bind("formality", "neutral")} />
      <SelectField label="Answer length" options={LENGTH} {...bind("answer_length", "medium")} />
      <SelectField label="Emoji" options={EMOJI} {...bind("emoji", "none")} />
      <SelectField
        label="When the material has no answer"
        hint="Strict: say the fallback below. Adaptive: answer from general knowledge, labelled as such."
        options={ANSWER_MODE}
        {...bind("answer_mode", "strict")}
      />
      <SelectField
        label="How answers open"
        hint="A short greeting with your assistant's name, a warm one, or straight to the answer."
        options={{
          none: "Straight to the answer",
          short: `Short — “${name} here.”`,
          warm: `Warm — “Hi, it’s ${name}!”`,
        }}
        {...bind("greeting_style", "short")}
      />
      <TextField
        label="Next step after an answer"
        hint="Offered after an answer from your material, e.g. “Want help planning your first week?”. Leave empty for none."
        maxLength={300}
        {...bind("next_step", "")}
      />
      <ListField
        label="Languages"
        hint="One language code per line, preferred first (en, de, pt-BR)."
        rows={2}
        {...bindList("languages")}
      />
      <TextAreaField
        label="Fallback answer"
        hint="Said, word for word, when your material does not cover the question."
        wide
        rows={2}
        required
        maxLength={1000}
        {...bind("fallback", "")}
      />
      <TextAreaField
        label="Referral line"
        hint="Said instead of an answer to questions about medication or doses, a diagnosis, legal or financial advice, or your topics below. Leave empty for a default in your assistant's language."
        wide
        rows={2}
        maxLength={500}
        {...bind("referral", "")}
      />
      <ListField
        label="Topics to refer on"
        hint="Your own, one per line (for example: pregnancy, eating disorders)."
        {...bindList("out_of_scope")}
      />
      <ListField label="Always" hint="One rule per line." {...bindList("always")} />
      <ListField label="Never" hint="One rule per line." {...bindList("never")} />
      <ListField
        label="Principles of your method"
        hint="One per line."
        value={methodology.principles}
        onList={(list) => set("methodology", { ...methodology, principles: list })}
      />
      <ListField
        label="Steps you coach through"
        hint="In order, one per line."
        value={methodology.steps}
        onList={(list) => set("methodology", { ...methodology, steps: list })}
      />
    </div>
  );
}

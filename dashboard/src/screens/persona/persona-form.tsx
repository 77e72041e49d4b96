// The persona's fields as a form. Lists (always, never, principles, steps, languages) are edited one
// item per line; fields this form does not show (examples, frameworks, guardrails) are kept as they are.
// Greeting style and next step are left unset until the creator picks one, so the bridge's defaults apply.
import type { Persona } from "@coach/contracts/bridge";
import { Field, TextField } from "../../components/ui";

const lines = (value: string[] | undefined) => (value ?? []).join("\n");
const toList = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

export function PersonaForm({
  persona,
  onChange,
}: {
  persona: Persona;
  onChange: (next: Persona) => void;
}) {
  const set = <K extends keyof Persona>(key: K, value: Persona[K]) =>
    onChange({ ...persona, [key]: value });
  const methodology = persona.methodology ?? { principles: [], frameworks: [], steps: [] };
  return (
    <div className="form-grid">
      <TextField
        label="Assistant name"
        required
        maxLength={120}
        value={persona.name}
        onValue={(value) => set("name", value)}
      />
      <TextField
        label="Tagline"
        maxLength={200}
        value={persona.tagline ?? ""}
        onValue={(value) => set("tagline", value)}
      />
      <div className="span-2">
        <Field label="Voice" hint="How your assistant speaks and coaches: tone, method, audience.">
          {(id, describedBy) => (
            <textarea
              id={id}
              rows={4}
              maxLength={4000}
              aria-describedby={describedBy}
              value={persona.voice}
              onChange={(e) => set("voice", e.target.value)}
            />
          )}
        </Field>
      </div>
      <TextField
        label="Tone words"
        hint="For example: warm, direct, playful."
        maxLength={200}
        value={persona.tone ?? ""}
        onValue={(value) => set("tone", value)}
      />
      <Field label="Formality">
        {(id) => (
          <select
            id={id}
            value={persona.formality ?? "neutral"}
            onChange={(e) => set("formality", e.target.value as Persona["formality"])}
          >
            <option value="casual">Casual</option>
            <option value="neutral">Neutral</option>
            <option value="formal">Formal</option>
          </select>
        )}
      </Field>
      <Field label="Answer length">
        {(id) => (
          <select
            id={id}
            value={persona.answer_length ?? "medium"}
            onChange={(e) => set("answer_length", e.target.value as Persona["answer_length"])}
          >
            <option value="short">Short</option>
            <option value="medium">Medium</option>
            <option value="long">Long</option>
          </select>
        )}
      </Field>
      <Field label="Emoji">
        {(id) => (
          <select
            id={id}
            value={persona.emoji ?? "none"}
            onChange={(e) => set("emoji", e.target.value as Persona["emoji"])}
          >
            <option value="none">None</option>
            <option value="sparing">Sparing</option>
            <option value="frequent">Frequent</option>
          </select>
        )}
      </Field>
      <Field
        label="When the material has no answer"
        hint="Strict: say the fallback below. Adaptive: answer from general knowledge, labelled as such."
      >
        {(id, describedBy) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={persona.answer_mode ?? "strict"}
            onChange={(e) => set("answer_mode", e.target.value as Persona["answer_mode"])}
          >
            <option value="strict">Strict — only from my material</option>
            <option value="adaptive">Adaptive — material first</option>
          </select>
        )}
      </Field>
      <Field
        label="How answers open"
        hint="A short greeting with your assistant's name, a warm one, or straight to the answer."
      >
        {(id, describedBy) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={persona.greeting_style ?? "short"}
            onChange={(e) => set("greeting_style", e.target.value as Persona["greeting_style"])}
          >
            <option value="none">Straight to the answer</option>
            <option value="short">Short — “{persona.name || "Maya"} here.”</option>
            <option value="warm">Warm — “Hi, it’s {persona.name || "Maya"}!”</option>
          </select>
        )}
      </Field>
      <Field
        label="Next step after an answer"
        hint="Offered after an answer from your material, e.g. “Want help planning your first week?”. Leave empty for none."
      >
        {(id, describedBy) => (
          <input
            id={id}
            maxLength={300}
            aria-describedby={describedBy}
            value={persona.next_step ?? ""}
            onChange={(e) => set("next_step", e.target.value)}
          />
        )}
      </Field>
      <Field label="Languages" hint="One language code per line, preferred first (en, de, pt-BR).">
        {(id, describedBy) => (
          <textarea
            id={id}
            rows={2}
            aria-describedby={describedBy}
            value={lines(persona.languages)}
            onChange={(e) => set("languages", toList(e.target.value))}
          />
        )}
      </Field>
      <div className="span-2">
        <Field
          label="Fallback answer"
          hint="Said, word for word, when your material does not cover the question."
        >
          {(id, describedBy) => (
            <textarea
              id={id}
              rows={2}
              required
              maxLength={1000}
              aria-describedby={describedBy}
              value={persona.fallback}
              onChange={(e) => set("fallback", e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="Always" hint="One rule per line.">
        {(id, describedBy) => (
          <textarea
            id={id}
            rows={3}
            aria-describedby={describedBy}
            value={lines(persona.always)}
            onChange={(e) => set("always", toList(e.target.value))}
          />
        )}
      </Field>
      <Field label="Never" hint="One rule per line.">
        {(id, describedBy) => (
          <textarea
            id={id}
            rows={3}
            aria-describedby={describedBy}
            value={lines(persona.never)}
            onChange={(e) => set("never", toList(e.target.value))}
          />
        )}
      </Field>
      <Field label="Principles of your method" hint="One per line.">
        {(id, describedBy) => (
          <textarea
            id={id}
            rows={3}
            aria-describedby={describedBy}
            value={lines(methodology.principles)}
            onChange={(e) =>
              set("methodology", { ...methodology, principles: toList(e.target.value) })
            }
          />
        )}
      </Field>
      <Field label="Steps you coach through" hint="In order, one per line.">
        {(id, describedBy) => (
          <textarea
            id={id}
            rows={3}
            aria-describedby={describedBy}
            value={lines(methodology.steps)}
            onChange={(e) => set("methodology", { ...methodology, steps: toList(e.target.value) })}
          />
        )}
      </Field>
    </div>
  );
}

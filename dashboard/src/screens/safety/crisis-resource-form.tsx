// Adds or edits one crisis resource: where and in which language it applies, its name, and how to
// reach it. Checked with the API's own schema before it joins the list, so its sentences are the API's.
import { useState } from "react";
import {
  CrisisResourceSchema,
  type CrisisLanguage,
  type CrisisResource,
} from "@coach/contracts/safety-settings";
import { SelectField, TextField } from "../../components/form-fields";
import { Button } from "../../components/ui";

export const LANGUAGE_NAMES: Record<CrisisLanguage, string> = {
  en: "English",
  es: "Spanish",
  pt: "Portuguese",
  fr: "French",
  de: "German",
};

const LANGUAGE_OPTIONS: Record<CrisisLanguage | "", string> = {
  "": "Every language",
  ...LANGUAGE_NAMES,
};

type Draft = Record<"country" | "language" | "name" | "phone" | "url" | "text", string>;

const EMPTY: Draft = { country: "*", language: "", name: "", phone: "", url: "", text: "" };

function toDraft(resource: CrisisResource | undefined): Draft {
  if (!resource) return EMPTY;
  return {
    country: resource.country,
    language: resource.language ?? "",
    name: resource.name,
    phone: resource.phone ?? "",
    url: resource.url ?? "",
    text: resource.text ?? "",
  };
}

/** The draft as the API takes it: empty fields left out. */
function toInput(draft: Draft): Record<string, string> {
  return Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim() !== ""));
}

export function CrisisResourceForm({
  resource,
  onDone,
  onCancel,
}: {
  /** The resource being edited; none to add one. */
  resource?: CrisisResource;
  onDone: (resource: CrisisResource) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(resource));
  const [problems, setProblems] = useState<Partial<Record<keyof Draft, string>>>({});
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  /** A field's value, its change and what the schema said of it. */
  const bind = (key: keyof Draft) => ({
    value: draft[key],
    onValue: set(key),
    error: problems[key],
  });
  const submit = () => {
    const parsed = CrisisResourceSchema.safeParse(toInput(draft));
    if (parsed.success) {
      onDone(parsed.data);
      return;
    }
    setProblems(
      Object.fromEntries(
        parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]),
      ),
    );
  };
  return (
    <fieldset className="fieldset">
      <legend>{resource ? `Edit ${resource.name}` : "Add a resource"}</legend>
      <div className="inline-form">
        <TextField
          label="Country"
          hint='Two letters ("US", "GB", "DE"), or * for everyone.'
          maxLength={2}
          {...bind("country")}
          onValue={(value) => set("country")(value.toUpperCase())}
        />
        <SelectField<CrisisLanguage | "">
          label="Language"
          value={draft.language as CrisisLanguage | ""}
          options={LANGUAGE_OPTIONS}
          error={problems.language}
          onValue={set("language")}
        />
      </div>
      <TextField label="Name" {...bind("name")} />
      <div className="inline-form">
        <TextField label="Phone (optional)" inputMode="tel" {...bind("phone")} />
        <TextField
          label="Web address (optional)"
          hint="https:// only."
          type="url"
          {...bind("url")}
        />
      </div>
      <TextField
        label="Short text (optional)"
        hint='One instruction in the resource’s language, e.g. "Text HOME to 741741".'
        maxLength={160}
        {...bind("text")}
      />
      <div className="row-actions">
        <Button onClick={submit}>{resource ? "Update resource" : "Add resource"}</Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </fieldset>
  );
}

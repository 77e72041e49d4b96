// The reply a person in a crisis would get with the resources being edited (saved or not), for a
// country and language chosen here: the edge writes it with the same function the conversations use.
import { useState } from "react";
import {
  CRISIS_KINDS,
  type CrisisKind,
  type CrisisLanguage,
  type CrisisResources,
} from "@coach/contracts/safety-settings";
import { useApi } from "../../auth/auth-context";
import { SelectField, TextField } from "../../components/form-fields";
import { Button, ErrorNotice } from "../../components/ui";
import { useAction } from "../../lib/use-resource";
import { LANGUAGE_NAMES } from "./crisis-resource-form";

const KIND_NAMES: Record<CrisisKind, string> = {
  self_harm: "Self-harm or suicide",
  harm_to_others: "Harm to others",
  abuse: "Abuse",
  medical_emergency: "Medical emergency",
};

export function CrisisReplyPreview({ draft }: { draft: CrisisResources }) {
  const api = useApi();
  const [country, setCountry] = useState("");
  const [language, setLanguage] = useState<CrisisLanguage>("en");
  const [kind, setKind] = useState<CrisisKind>(CRISIS_KINDS[0]);
  const [text, setText] = useState<string | null>(null);
  const preview = useAction(async () => {
    const reply = await api.post("/safety/crisis-resources/preview", {
      body: { ...draft, country: country === "" ? null : country, language, kind },
    });
    setText(reply.text);
  });
  return (
    <div>
      <h3>Preview the reply</h3>
      <div className="inline-form">
        <TextField
          label="Country"
          hint="Empty: unknown, as on the web and Telegram."
          value={country}
          maxLength={2}
          onValue={(value) => setCountry(value.toUpperCase())}
        />
        <SelectField<CrisisLanguage>
          label="Language"
          value={language}
          options={LANGUAGE_NAMES}
          onValue={setLanguage}
        />
        <SelectField<CrisisKind> label="Kind" value={kind} options={KIND_NAMES} onValue={setKind} />
        <Button busy={preview.busy} onClick={() => void preview.run()}>
          Preview
        </Button>
      </div>
      <ErrorNotice error={preview.error} title="No preview" />
      {text !== null && <blockquote>{text}</blockquote>}
    </div>
  );
}

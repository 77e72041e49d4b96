// A card with a form that creates something the API answers with a secret it shows only once (an API
// key, a signing secret): the form (see ActionForm), then the latest secret with why to copy it now.
import { useState, type ReactNode } from "react";
import { useAction } from "../lib/use-resource";
import { ActionForm } from "./action-form";
import { OneTimeSecret } from "./one-time-secret";
import { Card } from "./ui";

/**
 * What a secret form says: its card's title, its error's title, its button, and with the secret, its copy
 * button and why to copy it now.
 */
export type SecretFormTexts = {
  title: string;
  failed: string;
  submit: string;
  copyLabel: string;
  note: ReactNode;
};

export function SecretForm({
  texts,
  create,
  onCreated,
  disabled,
  children,
}: {
  texts: SecretFormTexts;
  /** Creates the thing from the fields (and clears them); answers its secret, null when none. */
  create: () => Promise<string | null>;
  /** Runs once the secret is shown, e.g. to read the list again. */
  onCreated: () => Promise<void>;
  disabled?: boolean;
  /** The fields. */
  children: ReactNode;
}) {
  const [secret, setSecret] = useState<string | null>(null);
  const action = useAction(async () => {
    setSecret(await create());
    await onCreated();
  });
  return (
    <Card title={texts.title}>
      <ActionForm action={action} failed={texts.failed} submit={texts.submit} disabled={disabled}>
        {children}
      </ActionForm>
      <OneTimeSecret secret={secret} copyLabel={texts.copyLabel}>
        {texts.note}
      </OneTimeSecret>
    </Card>
  );
}

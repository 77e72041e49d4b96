// A form that creates something the API answers with a secret it shows only once (an API key, a
// signing secret): the form (see ActionForm), then the latest secret with why to copy it now.
import { useState, type ComponentProps, type ReactNode } from "react";
import { useAction } from "../lib/use-resource";
import { ActionForm } from "./action-form";
import { OneTimeSecret } from "./one-time-secret";

export function SecretForm({
  create,
  onCreated,
  copyLabel,
  note,
  ...form
}: Omit<ComponentProps<typeof ActionForm>, "action"> & {
  /** Creates the thing from the fields (and clears them); answers its secret, null when none. */
  create: () => Promise<string | null>;
  /** Runs once the secret is shown, e.g. to read the list again. */
  onCreated: () => Promise<void>;
  copyLabel: string;
  /** Why to copy the secret now, shown above it. */
  note: ReactNode;
}) {
  const [secret, setSecret] = useState<string | null>(null);
  const action = useAction(async () => {
    setSecret(await create());
    await onCreated();
  });
  return (
    <>
      <ActionForm action={action} {...form} />
      <OneTimeSecret secret={secret} copyLabel={copyLabel}>
        {note}
      </OneTimeSecret>
    </>
  );
}

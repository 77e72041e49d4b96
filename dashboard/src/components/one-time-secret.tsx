// A secret the API returns only once (an API key, a signing secret, an invitation token): what it is
// and why to copy it now, the secret itself and a button that copies it.
import type { ReactNode } from "react";
import { CopyButton, SuccessNotice } from "./ui";

export function OneTimeSecret({
  secret,
  copyLabel,
  children,
}: {
  /** Nothing is shown while there is none. */
  secret: string | null;
  copyLabel: string;
  children: ReactNode;
}) {
  if (!secret) return null;
  return (
    <SuccessNotice>
      {children}
      <div className="kv">
        <code>{secret}</code>
        <CopyButton text={secret} label={copyLabel} />
      </div>
    </SuccessNotice>
  );
}

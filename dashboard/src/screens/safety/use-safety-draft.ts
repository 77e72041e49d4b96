// A part of the workspace's safety settings edited as a draft: loaded with GET, replaced whole with
// PUT, the saved answer becoming the draft again; and whether the signed-in member may change it.
import { useEffect, useState } from "react";
import type { CrisisResources, ModelRedaction } from "@coach/contracts/safety-settings";
import { useAuth, useMe } from "../../auth/auth-context";
import { useAction, useResource } from "../../lib/use-resource";

type SafetyParts = {
  "/safety/crisis-resources": CrisisResources;
  "/safety/model-redaction": ModelRedaction;
};

export function useSafetyDraft<P extends keyof SafetyParts>(part: P) {
  // The client checks a route's options against one path, not a type parameter: widen it to the routes.
  const path: keyof SafetyParts = part;
  const { api } = useAuth();
  const me = useMe();
  const current = useResource(
    (signal) => api.get(path, { signal }) as Promise<SafetyParts[P]>,
    [api, path],
  );
  const [draft, setDraft] = useState<SafetyParts[P]>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && !draft) setDraft(current.data);
  }, [current.data, draft]);
  const save = useAction(async () => {
    if (!draft) return;
    const view = (await api.put(path, { body: draft })) as SafetyParts[P];
    current.setData(view);
    setDraft(view);
    setSaved(true);
  });
  /** Applies `change` to the draft, which is no longer the saved one. */
  const change = (update: (draft: SafetyParts[P]) => SafetyParts[P]) => {
    setSaved(false);
    setDraft((d) => (d ? update(d) : d));
  };
  return {
    current,
    draft,
    change,
    save,
    saved,
    mayChange: me.role === "owner" || me.role === "admin",
  };
}

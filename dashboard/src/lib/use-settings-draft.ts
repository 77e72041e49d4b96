// A settings document edited as a draft: loaded with GET, replaced whole with PUT, the saved answer
// becoming the draft again; and whether the signed-in member may change it (owners and admins).
// Used by the safety settings, the retention card, the persona and the widget, whose forms differ
// only in their fields.
import { useEffect, useState } from "react";
import type { ApiResponse } from "@coach/contracts/api-routes";
import { useAuth, useMe } from "../auth/auth-context";
import { useAction, useResource } from "./use-resource";

/** The settings documents read with GET and replaced with PUT at the same path. */
export type SettingsPath =
  | "/safety/crisis-resources"
  | "/safety/model-redaction"
  | "/workspace/retention"
  | "/settings/overflow"
  | "/persona"
  | "/widget";

type View<P extends SettingsPath> = ApiResponse<"GET", P>;

/** How a form holds a document: the draft made from a view, and the PUT body made from the draft. */
export type DraftShape<P extends SettingsPath, Draft> = {
  toDraft: (view: View<P>) => Draft;
  toBody: (draft: Draft) => unknown;
};

/** Most forms edit the document as it comes. */
const AS_IS = { toDraft: (view: unknown) => view, toBody: (draft: unknown) => draft };

/** `shape` must be the same object on every render (a module constant): the draft is made once from it. */
export function useSettingsDraft<P extends SettingsPath, Draft = View<P>>(
  part: P,
  shape: DraftShape<P, Draft> = AS_IS as DraftShape<P, Draft>,
) {
  // The client checks a route's options against one path, not a type parameter: widen it to the routes.
  const path: SettingsPath = part;
  const { api } = useAuth();
  const me = useMe();
  const current = useResource(
    (signal) => api.get(path, { signal }) as Promise<View<P>>,
    [api, path],
  );
  const [draft, setDraft] = useState<Draft>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && draft === undefined) setDraft(shape.toDraft(current.data));
  }, [current.data, draft, shape]);
  const save = useAction(async () => {
    if (draft === undefined) return;
    const view = (await api.put(path, { body: shape.toBody(draft) })) as View<P>;
    current.setData(view);
    setDraft(shape.toDraft(view));
    setSaved(true);
  });
  /** Applies `update` to the draft, which is no longer the saved one. */
  const change = (update: (draft: Draft) => Draft) => {
    setSaved(false);
    setDraft((d) => (d === undefined ? d : update(d)));
  };
  /** Puts the saved document back in the draft; what was last said about saving still holds. */
  const discard = () => {
    if (current.data) setDraft(shape.toDraft(current.data));
  };
  return {
    current,
    draft,
    change,
    discard,
    save,
    saved,
    mayChange: me.role === "owner" || me.role === "admin",
  };
}

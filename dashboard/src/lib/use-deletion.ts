// Deleting one item of a listed resource by its id (an API key, a bridge, a member…): the DELETE route
// named by its path, then the list read again.
import type { ApiPath } from "@coach/contracts/api-routes";
import { useApi } from "../auth/auth-context";
import { useReloadingAction } from "./use-resource";

/** The DELETE routes whose one parameter is the item's id, e.g. "/api-keys/:id". */
export type DeletionPath = Extract<ApiPath<"DELETE">, `${string}/:id`>;

type Listed = { reload: () => Promise<void> };
type Deletion = ReturnType<typeof useReloadingAction<[id: string]>>;

/** An action that deletes the item of the id it is run with at `path`, then reloads `resource`. */
export function useDeletion(resource: Listed, path: DeletionPath): Deletion;
/** The same, carrying the title its error is shown under, e.g. "The key was not revoked". */
export function useDeletion(
  resource: Listed,
  path: DeletionPath,
  texts: { failed: string },
): Deletion & { failed: string };
export function useDeletion(resource: Listed, path: DeletionPath, texts?: { failed: string }) {
  const api = useApi();
  const deletion = useReloadingAction(resource, (id: string) => api.del(path, { params: { id } }));
  return { ...deletion, ...texts };
}

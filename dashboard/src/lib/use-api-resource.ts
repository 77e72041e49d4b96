// A document the API answers at a GET route without parameters (the team, the widget, the plans…),
// loaded as a Resource: the route alone names what is read and its type.
import type { ApiPath, ApiResponse } from "@coach/contracts/api-routes";
import { useApi } from "../auth/auth-context";
import { useResource, type Resource } from "./use-resource";

/** The GET routes that take no parameters. */
export type PlainGetPath = Exclude<ApiPath<"GET">, `${string}:${string}`>;

/** What `path` answers, read when the component mounts and again on reload(). */
export function useApiResource<P extends PlainGetPath>(path: P): Resource<ApiResponse<"GET", P>>;
/** The same, carrying the title its load error is shown under, e.g. "Could not load the keys". */
export function useApiResource<P extends PlainGetPath>(
  path: P,
  texts: { failed: string },
): Resource<ApiResponse<"GET", P>> & { failed: string };
export function useApiResource<P extends PlainGetPath>(path: P, texts?: { failed: string }) {
  const api = useApi();
  // The client checks a call's options against one path, not a type parameter: widen it to these.
  const route: PlainGetPath = path;
  const resource = useResource(
    (signal) => api.get(route, { signal }) as Promise<ApiResponse<"GET", P>>,
    [api, route],
  );
  return { ...resource, ...texts };
}

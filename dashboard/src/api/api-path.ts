// Turning a route of the contract map ("/programs/:id") and its parameters into the URL path the edge
// serves, under the one API prefix. The parameter names are read off the route's type, so a call that
// forgets one, or names one the route does not have, does not compile.
import { API_PREFIX } from "./config";

/** The `:name` segments of a route, as a union of names. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** A route's parameters: required exactly when the route has some. */
type PathParams<P extends string> = [ParamNames<P>] extends [never]
  ? { params?: undefined }
  : { params: Record<ParamNames<P>, string> };

/** A query string as built by a screen, or its fields. */
export type Query = string | Record<string, string | number>;

/** Where the options of a call name the route's parameters and query. */
export type PathOptions<P extends string> = PathParams<P> & { query?: Query };

/**
 * `/api/v1` + the route with each `:name` replaced by its encoded value, + `?query` when there is one.
 * Untyped here: the client's methods check the parameters against the route before calling this.
 */
export function apiPath(
  route: string,
  { params = {}, query }: { params?: Record<string, string>; query?: Query },
): string {
  const path = route.replace(/:([A-Za-z_]+)/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ""),
  );
  const search =
    typeof query === "string"
      ? query
      : query
        ? new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()
        : "";
  return `${API_PREFIX}${path}${search ? `?${search}` : ""}`;
}

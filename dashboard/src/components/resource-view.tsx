// How a screen shows one Resource (see useResource): its load error with a retry; grey bars while it
// first loads, an empty state when there is nothing, and otherwise the content.
import type { ReactNode } from "react";
import type { ApiError } from "../api/errors";
import type { Resource } from "../lib/use-resource";
import { ErrorNotice, Skeleton } from "./ui";

/** What these need of a resource, whatever its data. */
export type Loading = Pick<Resource<unknown>, "data" | "error" | "loading" | "reload">;

/** The resource's load error, if any, with "Try again" reloading it. */
export function LoadError({
  resource,
  title,
  error = resource.error,
}: {
  resource: Loading;
  title: string;
  /** What to show instead of the load error, e.g. that or a later page's error. */
  error?: ApiError;
}) {
  return <ErrorNotice error={error} onRetry={() => void resource.reload()} title={title} />;
}

/**
 * Grey bars of `lines` until the resource first answers; then `empty` if the caller passes one (it
 * does while there is nothing to list) and nothing failed, else `children`.
 */
export function Loaded({
  resource,
  lines,
  empty,
  children,
}: {
  resource: Loading;
  lines: number;
  empty?: ReactNode;
  children: ReactNode;
}) {
  if (resource.loading && !resource.data) return <Skeleton lines={lines} />;
  return empty && !resource.error ? empty : children;
}

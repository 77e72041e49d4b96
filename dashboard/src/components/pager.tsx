// Paging for the dashboard's lists. Every list of the API pages by offset (`limit`, `offset`, and
// `next_offset` in the answer, null on the last page); a screen reads its list with usePagedResource
// and puts a Pager under the rows. Previous/next rather than "load more" because the lists reload
// themselves while open, and a page is one request.
import type { ApiResponse } from "@coach/contracts/api-routes";
import { useState } from "react";
import { useApi } from "../auth/auth-context";
import type { PlainGetPath } from "../lib/use-api-resource";
import { useResource, type Resource } from "../lib/use-resource";
import { Button } from "./ui";

/** The window of a list the API is asked for. */
export type PageQuery = { limit: number; offset: number };

/**
 * The offset of the page a list shows, back at 0 whenever `resetKey` changes (compared by identity:
 * a new search or filter starts from the first page).
 */
function usePageOffset(resetKey: unknown = ""): [number, (offset: number) => void] {
  const [state, setState] = useState({ key: resetKey, offset: 0 });
  const offset = state.key === resetKey ? state.offset : 0;
  return [offset, (next) => setState({ key: resetKey, offset: next })];
}

export type PagerProps = {
  /** Where the page starts in the whole list, 0 for the first. */
  offset: number;
  /** How many rows the page shows. */
  count: number;
  /** The API's `next_offset`: where the next page starts, null when this is the last. */
  nextOffset: number | null;
  /** The `limit` the page was asked with, so "Previous" lands on the page before. */
  pageSize: number;
  /** Shows the page starting at `offset`. */
  onOffset: (offset: number) => void;
  /** What the rows are, plural and lowercase ("documents"), for the range and the landmark. */
  noun: string;
};

/** A page of a list as usePagedResource reads it: the resource, and the Pager's props but two. */
export type PagedResource<T> = Resource<T> & { pager: Omit<PagerProps, "count" | "noun"> };

/**
 * A list read one page of `pageSize` at a time, like useResource (`deps` are the caller's; the page's
 * offset is added), with the Pager's props for it but the two the screen knows: `count` and `noun`.
 */
export function usePagedResource<T extends { next_offset: number | null }>(
  load: (page: PageQuery, signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
  pageSize: number,
  resetKey?: unknown,
): PagedResource<T> {
  const [offset, setOffset] = usePageOffset(resetKey);
  const resource = useResource(
    (signal) => load({ limit: pageSize, offset }, signal),
    [...deps, pageSize, offset],
  );
  const nextOffset = resource.data?.next_offset ?? null;
  return { ...resource, pager: { offset, pageSize, nextOffset, onOffset: setOffset } };
}

/** The GET routes without parameters that answer a page of a list. */
type ListPath = {
  [P in PlainGetPath]: ApiResponse<"GET", P> extends { next_offset: number | null } ? P : never;
}[PlainGetPath];

/** The whole list at `path`, unfiltered, read one page of `pageSize` at a time (see usePagedResource). */
export function usePagedList<P extends ListPath>(
  path: P,
  pageSize: number,
): PagedResource<ApiResponse<"GET", P>> {
  const api = useApi();
  // The client checks a call's options against one path, not a type parameter: widen it to the lists.
  const list: ListPath = path;
  return usePagedResource(
    (page, signal) => api.get(list, { query: page, signal }) as Promise<ApiResponse<"GET", P>>,
    [api, list],
    pageSize,
  );
}

/** "Documents 101–200" between Previous and Next; nothing when everything fits on one page. */
export function Pager({ offset, count, nextOffset, pageSize, onOffset, noun }: PagerProps) {
  if (offset === 0 && nextOffset === null) return null;
  const label =
    count === 0
      ? `No more ${noun}`
      : `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${offset + 1}${count > 1 ? `–${offset + count}` : ""}`;
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      <Button disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        Previous
      </Button>
      <span className="muted small" role="status">
        {label}
      </span>
      <Button
        disabled={nextOffset === null}
        onClick={() => nextOffset !== null && onOffset(nextOffset)}
      >
        Next
      </Button>
    </nav>
  );
}

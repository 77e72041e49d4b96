// Loading one thing from the API for a screen: data, the error (an ApiError with the API's sentence),
// whether it is loading, and reload(). A reload keeps showing the previous data meanwhile.
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError } from "../api/errors";

export type Resource<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (value: T) => void;
};

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError
    ? err
    : new ApiError(0, "unexpected", err instanceof Error ? err.message : String(err));
}

export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const current = useRef<AbortController | null>(null);
  // Keyed on the caller's deps, not on `load` (a new closure each render).
  const run = useCallback(async () => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setLoading(true);
    try {
      const value = await load(controller.signal);
      if (controller.signal.aborted) return;
      setData(value);
      setError(undefined);
    } catch (err) {
      if (controller.signal.aborted) return;
      setError(asApiError(err));
    } finally {
      if (!controller.signal.aborted) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, see above
  }, deps);
  useEffect(() => {
    void run();
    return () => current.current?.abort();
  }, [run]);
  return { data, error, loading, reload: run, setData };
}

/** Calls `tick` every `ms` while `active`. */
export function useInterval(tick: () => void, ms: number, active: boolean): void {
  const saved = useRef(tick);
  saved.current = tick;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => saved.current(), ms);
    return () => clearInterval(timer);
  }, [ms, active]);
}

/** Runs an action, keeping its busy state and error for the form that started it. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        return await action(...args);
      } catch (err) {
        setError(asApiError(err));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, clearError: () => setError(undefined) };
}

/** An action that changes what `resource` shows, then reloads it. */
export function useReloadingAction<A extends unknown[]>(
  resource: { reload: () => Promise<void> },
  action: (...args: A) => Promise<unknown>,
) {
  return useAction(async (...args: A) => {
    await action(...args);
    await resource.reload();
  });
}

/** A form's submit handler that runs `action` instead of navigating. */
export function submitting(action: { run: () => Promise<unknown> }) {
  return (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
}

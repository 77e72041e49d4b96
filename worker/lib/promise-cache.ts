// Async work done once per key and isolate, such as keys imported or derived from a Worker secret:
// importing costs about as much as using them, and a Worker uses the same one or two all along.

/**
 * The promise `cache` holds for `key`, made by `make` the first time. A rejected one is forgotten,
 * so the next call tries again instead of failing for the isolate's lifetime.
 */
export function cachedPromise<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = make();
    value.catch(() => cache.delete(key));
    cache.set(key, value);
  }
  return value;
}

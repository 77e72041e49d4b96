// A screen whose code is loaded when it is first opened, so its weight (React Flow for the programs
// builder) stays out of the first download. If the chunk cannot be fetched (offline, or a deploy
// replaced it), the screen says so and offers a reload instead of leaving a blank page.
import { lazy, type ComponentType } from "react";
import { ErrorNotice } from "../components/ui";

export function lazyScreen(load: () => Promise<ComponentType>): ComponentType {
  return lazy(async () => {
    try {
      return { default: await load() };
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      return {
        default: () => (
          <ErrorNotice
            error={error}
            onRetry={() => window.location.reload()}
            title="This screen could not be loaded. Check your connection, then reload."
          />
        ),
      };
    }
  });
}

// `window.CoachWidget`, the host page's handle on the widget, and the `coach:*` CustomEvents on
// `window`. No postMessage anywhere: the widget lives in a shadow root in the page itself.
import type { VisitorIdentity, WidgetEventName } from "../shared/host";

/** The API the host page sees as `window.CoachWidget`. */
export type CoachWidgetApi = {
  open: () => void;
  close: () => void;
  identify: (identity: VisitorIdentity) => void;
  /** Calls `fn` with each event's detail; `ready` that already happened is replayed. Returns an unsubscribe. */
  on: (event: WidgetEventName, fn: (detail: unknown) => void) => () => void;
};

/** Options a page may set as `window.CoachWidgetConfig` before `widget.js` runs (tag attributes win). */
export type CoachWidgetConfig = {
  /** Like `data-program`: the slug of the coaching program the panel offers to join. */
  program?: string;
};

declare global {
  interface Window {
    CoachWidget?: CoachWidgetApi;
    CoachWidgetConfig?: CoachWidgetConfig;
  }
}

/** The program slug from the tag, else from `window.CoachWidgetConfig`; null when neither names one. */
export function programOption(script: HTMLScriptElement): string | null {
  const fromConfig = window.CoachWidgetConfig?.program;
  return (
    script.dataset.program?.trim() || (typeof fromConfig === "string" && fromConfig.trim()) || null
  );
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}$/;

/** Keeps only a short name and a plausible email, so nothing odd is carried around. */
export function cleanIdentity(input: unknown): VisitorIdentity {
  const raw = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const identity: VisitorIdentity = {};
  if (typeof raw.name === "string" && raw.name.trim()) identity.name = raw.name.trim().slice(0, 80);
  if (typeof raw.email === "string" && EMAIL.test(raw.email.trim()))
    identity.email = raw.email.trim();
  return identity;
}

/** Dispatches `coach:<name>` on window and remembers what `on()` must replay. */
export class EventHub {
  private readonly fired = new Map<WidgetEventName, unknown>();

  emit(name: WidgetEventName, detail?: unknown): void {
    this.fired.set(name, detail);
    window.dispatchEvent(new CustomEvent(`coach:${name}`, { detail }));
  }

  on(name: WidgetEventName, fn: (detail: unknown) => void): () => void {
    const listener = (event: Event) => fn((event as CustomEvent).detail);
    window.addEventListener(`coach:${name}`, listener);
    if (name === "ready" && this.fired.has("ready"))
      queueMicrotask(() => fn(this.fired.get("ready")));
    return () => window.removeEventListener(`coach:${name}`, listener);
  }
}

// What the shell page tells the app about its creator (the JSON in `#app-config`), and where the
// app keeps its own state: one set of localStorage keys per creator's app.
import type { WidgetLanguage } from "../../widget/src/i18n/languages";

export type AppConfig = {
  public_key: string;
  name: string;
  greeting: string;
  colors: { primary: string; background: string; text: string };
  language: string;
  /** The persona's languages, as the widget's config names them (absent from shells cached before). */
  languages?: string[];
};

/** The page's configuration; the shell always carries it (the Worker writes it). */
export function readConfig(): AppConfig {
  const text = document.getElementById("app-config")?.textContent ?? "{}";
  return JSON.parse(text) as AppConfig;
}

/** A localStorage slot of this creator's app, read and written as JSON; storage errors read as empty. */
export class Slot<T> {
  constructor(private readonly key: string) {}

  get(): T | null {
    try {
      const raw = localStorage.getItem(this.key);
      return raw === null ? null : (JSON.parse(raw) as T);
    } catch {
      return null;
    }
  }

  set(value: T | null): void {
    try {
      if (value === null) localStorage.removeItem(this.key);
      else localStorage.setItem(this.key, JSON.stringify(value));
    } catch {
      // Private mode or a full quota: the app still works, it only forgets on reload.
    }
  }
}

/** The slots of one creator's app. */
export function slots(publicKey: string) {
  const key = (name: string) => `coach-app:${publicKey}:${name}`;
  return {
    deviceToken: new Slot<string>(key("device")),
    outbox: new Slot<{ client_id: string; text: string }[]>(key("outbox")),
    transcript: new Slot<unknown[]>(key("transcript")),
    /** The language the person chose in the app's settings, once the app has read it. */
    language: new Slot<WidgetLanguage>(key("language")),
  };
}

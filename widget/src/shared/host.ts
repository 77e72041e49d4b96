// What the loader hands the lazily loaded panel: the shadow root to draw in, the creator's settings,
// where the edge is, and how to talk back to the host page. Types only, so the loader stays tiny.
import type { WidgetSettings } from "@coach/contracts/widget";
import type { WidgetLanguage } from "../i18n/languages";

/**
 * `GET /api/v1/widget/config/:public_key` as the loader receives it; `languages` are the persona's,
 * first preferred (absent from an edge older than them).
 */
export type WidgetConfig = { public_key: string; settings: WidgetSettings; languages?: string[] };

/** What the host page said about the visitor through `CoachWidget.identify()`. */
export type VisitorIdentity = { name?: string; email?: string };

/** Events the host page can listen to, as `coach:<name>` CustomEvents on `window` or via `CoachWidget.on()`. */
export type WidgetEventName = "ready" | "error" | "open" | "close" | "message";

/** The `detail` of a `coach:error` event. */
export type WidgetErrorDetail = { code: string; message: string };

/** Everything the panel needs from the loader. */
export type PanelHost = {
  root: ShadowRoot;
  /** The edge's origin, e.g. `https://edge.example`. */
  edge: string;
  config: WidgetConfig;
  /** The language of the widget's own words, chosen by the loader. */
  language: WidgetLanguage;
  /** The CSP nonce of the embedding script tag ("" when none). */
  nonce: string;
  /** The slug of the coaching program the embed offers to join (`data-program`), or null. */
  program: string | null;
  identity: () => VisitorIdentity | null;
  emit: (name: WidgetEventName, detail?: unknown) => void;
  /** Called when the panel has closed; `hadFocus` says whether focus was inside it (then it returns to the launcher). */
  onClosed: (hadFocus: boolean) => void;
};

/** What the panel module gives back to the loader. */
export type PanelHandle = { open: () => void; close: () => void };

/** The panel chunk's single export. */
export type PanelModule = { mount: (host: PanelHost) => PanelHandle };

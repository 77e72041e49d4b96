// The embed loader (`widget.js`): reads its own script tag, fetches the creator's settings, draws the
// launcher in one shadow root and loads the chat panel's chunk only when the visitor first opens it.
// Kept free of dependencies: it is what every page view of a creator's site downloads.
import type { PanelHandle, PanelModule, VisitorIdentity, WidgetErrorDetail } from "../shared/host";
import { adoptCss, h, svgIcon } from "../shared/dom";
import { themeOf } from "../shared/theme";
import { chooseLanguage } from "../i18n/languages";
import { LAUNCHER_STRINGS } from "../i18n/launcher-strings";
import { launcherCss } from "../styles/launcher.css";
import { fetchConfig } from "./config";
import { cleanIdentity, EventHub, programOption } from "./host-api";

/** The panel chunk's file name, set by the build (content-hashed). */
declare const __PANEL_FILE__: string;

const OPEN_KEY = "coach.open";
const CHAT_ICON = "M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z";

/** Whether the panel was open on the previous page of this tab, so navigating keeps it open. */
function wasOpen(): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY) === "1";
  } catch {
    return false;
  }
}

function rememberOpen(open: boolean): void {
  try {
    sessionStorage.setItem(OPEN_KEY, open ? "1" : "");
  } catch {
    // Storage may be blocked (privacy modes); staying closed across pages is fine.
  }
}

async function start(script: HTMLScriptElement): Promise<void> {
  const events = new EventHub();
  const fail = (detail: WidgetErrorDetail) => events.emit("error", detail);
  let identity: VisitorIdentity | null = null;
  let panel: PanelHandle | null = null;
  let loading: Promise<PanelHandle | null> | null = null;
  let launcher: HTMLButtonElement | null = null;

  const api = {
    open: () => void openPanel(),
    close: () => closePanel(),
    identify: (input: VisitorIdentity) => {
      identity = cleanIdentity(input);
    },
    on: events.on.bind(events),
  };
  window.CoachWidget = api;

  const publicKey = script.dataset.creator ?? "";
  const edge = new URL(script.src).origin;
  const nonce = script.nonce ?? "";
  const program = programOption(script);
  if (!publicKey)
    return fail({
      code: "missing_public_key",
      message: 'The embed snippet needs data-creator="<public key>".',
    });

  const fetched = await fetchConfig(edge, publicKey);
  if (!("settings" in fetched)) return fail(fetched);
  const config = fetched;
  const theme = themeOf(config.settings);
  const language = chooseLanguage(
    config.languages ?? [config.settings.language],
    navigator.languages ?? [navigator.language],
  );
  const { openChat } = LAUNCHER_STRINGS[language];

  const host = h("div", { id: "coach-widget", lang: theme.lang, dir: theme.dir });
  const root = host.attachShadow({ mode: "open" });
  adoptCss(root, launcherCss(theme), nonce);
  const avatar = config.settings.avatar_url
    ? h("img", { src: config.settings.avatar_url, alt: "" })
    : svgIcon(CHAT_ICON);
  launcher = h(
    "button",
    {
      class: "launcher",
      type: "button",
      "aria-expanded": "false",
      "aria-controls": "coach-panel",
      "aria-label": `${openChat}: ${config.settings.assistant_name}`,
      onclick: () => void openPanel(),
    },
    avatar,
    h("span", {}, config.settings.launcher_text || openChat),
  );
  root.appendChild(launcher);
  document.body.appendChild(host);

  function setOpen(open: boolean): void {
    launcher?.setAttribute("aria-expanded", String(open));
    rememberOpen(open);
  }

  function loadPanel(): Promise<PanelHandle | null> {
    loading ??= (
      import(/* @vite-ignore */ new URL(__PANEL_FILE__, script.src).href) as Promise<PanelModule>
    ).then(
      (mod) =>
        mod.mount({
          root,
          edge,
          config,
          language,
          nonce,
          program,
          identity: () => identity,
          emit: (name, detail) => events.emit(name, detail),
          onClosed: (hadFocus) => {
            setOpen(false);
            events.emit("close");
            if (hadFocus) launcher?.focus();
          },
        }),
      () => {
        loading = null;
        fail({
          code: "chunk_load_failed",
          message: "The chat could not be loaded. Check the network and try again.",
        });
        return null;
      },
    );
    return loading;
  }

  async function openPanel(): Promise<void> {
    panel ??= await loadPanel();
    if (!panel) return;
    setOpen(true);
    panel.open();
    events.emit("open");
  }

  function closePanel(): void {
    if (!panel || launcher?.getAttribute("aria-expanded") !== "true") return;
    panel.close();
  }

  events.emit("ready", { public_key: publicKey });
  if (wasOpen()) void openPanel();
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement && !window.CoachWidget) {
  const go = () => void start(current);
  if (document.body) go();
  else document.addEventListener("DOMContentLoaded", go, { once: true });
}

// The companion app: the person's conversation with the creator's assistant outside the creator's
// site. Signs the device in (a code from the widget or another device), keeps the conversation on
// the widget's socket protocol, queues what is typed offline, offers notifications, and opens at the
// message a notification named (`#m=<seq>`, or a message from the service worker).
import { formatMessage } from "@coach/contracts/messages";
import type { ServerFrame } from "@coach/contracts/socket";
import { h } from "../../widget/src/shared/dom";
import { AppApi } from "./app-api";
import { readConfig, slots } from "./app-config";
import { chatSocket } from "./chat-socket";
import { language, texts } from "./i18n/texts";
import { enableNotifications, pushSupported } from "./notifications";
import { Outbox } from "./outbox";
import { preferencesView } from "./preferences-view";
import { progressView } from "./progress-view";
import { redeemCode, signInForm, takeCodeFromAddress } from "./sign-in";
import { Transcript } from "./transcript";

const config = readConfig();
const store = slots(config.public_key);
const api = new AppApi(config.public_key, () => store.deviceToken.get());
const main = document.getElementById("app") as HTMLElement;

/** The message a notification asked for: `#m=<seq>` when the app was opened by it. */
function targetSeq(): number | null {
  const seq = Number(new URLSearchParams(location.hash.slice(1)).get("m"));
  return Number.isInteger(seq) && seq > 0 ? seq : null;
}

function showSignIn(notice = ""): void {
  store.deviceToken.set(null);
  main.replaceChildren(
    signInForm(
      api,
      config.name,
      (token) => {
        store.deviceToken.set(token);
        showChat();
      },
      notice,
    ),
  );
}

/** A toolbar button that opens (and closes) a section under the toolbar. */
function section(label: string, selector: string, build: () => HTMLElement): HTMLElement {
  return h(
    "button",
    {
      type: "button",
      "aria-expanded": "false",
      onclick: (event: Event) => {
        const button = event.currentTarget as HTMLButtonElement;
        const open = main.querySelector(selector);
        button.setAttribute("aria-expanded", String(!open));
        if (open) open.remove();
        else button.parentElement?.after(build());
      },
    },
    label,
  );
}

function toolbar(status: HTMLElement): HTMLElement {
  const bar = h("div", { class: "tools" });
  if (pushSupported() && Notification.permission !== "granted")
    bar.append(
      h(
        "button",
        {
          type: "button",
          class: "notify",
          onclick: (event: Event) => {
            const button = event.currentTarget as HTMLButtonElement;
            void enableNotifications(api).then((problem) => {
              status.textContent = problem ?? texts.notificationsOn;
              if (!problem) button.remove();
            });
          },
        },
        texts.turnOnNotifications,
      ),
    );
  bar.append(
    h(
      "button",
      {
        type: "button",
        onclick: () =>
          void api.linkCode().then((result) => {
            status.textContent = result.ok
              ? formatMessage(texts.linkCode, {
                  code: result.value.code,
                  minutes: Math.round(result.value.expires_in / 60),
                })
              : result.error.message;
          }),
      },
      texts.addDevice,
    ),
    section(texts.progress, ".progress", () => progressView(api)),
    section(texts.settings, ".settings", () => preferencesView(api, store.language)),
  );
  return bar;
}

function showChat(): void {
  const outbox = new Outbox(store.outbox);
  const transcript = new Transcript(store.transcript);
  const status = h("p", { class: "status", role: "status" });
  let wanted = targetSeq();
  const socket = chatSocket(api, {
    lastSeq: () => transcript.lastSeq,
    state: (open) => {
      main.classList.toggle("offline", !open);
      if (open) for (const item of outbox.all()) socket.send({ type: "message", ...item });
    },
    signedOut: (failure) => showSignIn(failure.message),
    frame: (frame: ServerFrame) => {
      if (frame.type === "ack") outbox.acknowledged(frame.client_id);
      transcript.apply(frame);
      transcript.setQueued(outbox.all());
      if (wanted !== null && transcript.reveal(wanted)) wanted = null;
    },
  });
  const input = h("textarea", {
    rows: 2,
    "aria-label": texts.message,
    placeholder: texts.placeholder,
  });
  const composer = h(
    "form",
    {
      class: "composer",
      onsubmit: (event: Event) => {
        event.preventDefault();
        const text = input.value.trim();
        if (!text) return;
        input.value = "";
        const item = outbox.add(text);
        transcript.setQueued(outbox.all());
        socket.send({ type: "message", ...item });
      },
    },
    input,
    h("button", { type: "submit" }, texts.send),
  );
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  transcript.setQueued(outbox.all());
  main.replaceChildren(toolbar(status), status, transcript.list, composer);
  if (wanted !== null && transcript.reveal(wanted)) wanted = null;
  navigator.serviceWorker?.addEventListener(
    "message",
    (event: MessageEvent<{ type?: string; seq?: number }>) => {
      if (event.data?.type !== "open_message" || typeof event.data.seq !== "number") return;
      wanted = event.data.seq;
      if (transcript.reveal(wanted)) wanted = null;
    },
  );
  socket.start();
}

async function start(): Promise<void> {
  document.documentElement.lang = language;
  if ("serviceWorker" in navigator)
    void navigator.serviceWorker.register("sw.js", { scope: "./" }).catch(() => undefined);
  const code = takeCodeFromAddress();
  if (code) {
    const result = await redeemCode(api, code);
    if ("token" in result) store.deviceToken.set(result.token);
    else if (!store.deviceToken.get()) return showSignIn(result.error);
  }
  if (store.deviceToken.get()) showChat();
  else showSignIn();
  document.documentElement.dataset.ready = "true";
}

void start();

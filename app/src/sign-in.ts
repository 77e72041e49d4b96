// Signing this device in: with the code the widget's "Open in the app" link carries (`#code=…`), or
// with a code typed from another device or from a chat (`/app` on Telegram, `APP` on WhatsApp). The device token is kept in this app's storage.
import { formatMessage } from "@coach/contracts/messages";
import { h } from "../../widget/src/shared/dom";
import type { AppApi } from "./app-api";
import { texts } from "./i18n/texts";

/** The code the page was opened with, taken out of the address so a reload does not reuse it. */
export function takeCodeFromAddress(): string | null {
  const code = new URLSearchParams(location.hash.slice(1)).get("code");
  if (code) history.replaceState(null, "", location.pathname + location.search);
  return code;
}

/** The device's label in the person's list of devices. */
function deviceLabel(): string {
  const ua = navigator.userAgent;
  const platform = /Android|iPhone|iPad|Mac|Windows|Linux/.exec(ua)?.[0] ?? "Browser";
  return `${platform} app`;
}

/** Redeems `code`; the token on success, else the edge's sentence. */
export async function redeemCode(
  api: AppApi,
  code: string,
): Promise<{ token: string } | { error: string }> {
  const result = await api.redeem(code, deviceLabel());
  return result.ok ? { token: result.value.device_token } : { error: result.error.message };
}

/** The sign-in form: a code from the chat on the creator's site or from a signed-in device. */
export function signInForm(
  api: AppApi,
  name: string,
  signedIn: (token: string) => void,
  notice = "",
): HTMLElement {
  const input = h("input", {
    id: "code",
    name: "code",
    autocomplete: "one-time-code",
    inputmode: "text",
    maxlength: 16,
    required: true,
  });
  const status = h("p", { class: "status", role: "status" }, notice);
  const form = h(
    "form",
    {
      class: "sign-in",
      onsubmit: (event: Event) => {
        event.preventDefault();
        status.textContent = texts.signingIn;
        void redeemCode(api, input.value).then((result) => {
          if ("token" in result) signedIn(result.token);
          else status.textContent = result.error;
        });
      },
    },
    h("h1", {}, formatMessage(texts.continueWith, { coach: name })),
    h(
      "p",
      {},
      formatMessage(texts.signInHelp, { openApp: texts.openApp, addDevice: texts.addDevice }),
    ),
    h("label", { for: "code" }, texts.code),
    input,
    h("button", { type: "submit" }, texts.signIn),
    status,
  );
  return form;
}

// The chat panel's DOM: a labelled non-modal dialog with a header, the coaching program's bar when the
// embed offers one, the message log, a typing line, a notice line, suggested questions, the composer and
// the footer (the companion app, the plans: extras.ts).
// It renders what it is told and reports what the visitor does; the conversation logic lives in index.ts.
import { formatMessage } from "@coach/contracts/messages";
import type { QuickReply } from "@coach/contracts/socket";
import type { WidgetSettings } from "@coach/contracts/widget";
import { h, svgIcon } from "../shared/dom";
import { STRINGS } from "../shared/strings";
import { renderEntry } from "./message-view";
import type { Entry } from "./transcript";

export type PanelActions = {
  send: (text: string) => void;
  /** The visitor is typing (called on input; throttling is the caller's). */
  typing: () => void;
  stop: () => void;
  retry: (entry: Entry) => void;
  /** The visitor pressed one of the choices under a message. */
  quickReply: (reply: QuickReply) => void;
  close: () => void;
};

const CLOSE_ICON = "M6 6l12 12M18 6 6 18";
const NEAR_BOTTOM_PX = 48;

export class PanelView {
  readonly el: HTMLElement;
  readonly input: HTMLTextAreaElement;
  private readonly log: HTMLOListElement;
  private readonly items = new Map<string, HTMLLIElement>();
  private readonly status: HTMLElement;
  private readonly typing: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly live: HTMLElement;
  private readonly chips: HTMLElement;
  private readonly stopButton: HTMLButtonElement;

  constructor(
    private readonly settings: WidgetSettings,
    position: "left" | "right",
    private readonly actions: PanelActions,
    programBar: HTMLElement | null = null,
    footer: HTMLElement | null = null,
  ) {
    this.status = h("span", { class: "status" }, STRINGS.connecting);
    this.log = h("ol", { class: "log", "aria-label": STRINGS.conversation, tabindex: "0" });
    this.typing = h("div", { class: "typing", hidden: true, "aria-hidden": "true" });
    this.notice = h("p", { class: "notice", role: "status", hidden: true });
    this.live = h("div", { class: "sr", "aria-live": "polite", "aria-atomic": "true" });
    this.chips = h("div", { class: "chips", role: "group", "aria-label": STRINGS.suggestions });
    for (const question of settings.suggested_questions) {
      this.chips.appendChild(
        h(
          "button",
          {
            class: "chip",
            type: "button",
            dir: "auto",
            // The chips hide once the conversation starts: keep keyboard focus in the composer.
            onclick: () => (this.input.focus(), actions.send(question)),
          },
          question,
        ),
      );
    }
    this.input = h("textarea", {
      id: "coach-input",
      dir: "auto",
      rows: 1,
      maxlength: 4000,
      placeholder: STRINGS.placeholder,
      "aria-label": STRINGS.input,
    });
    this.input.addEventListener("input", () => actions.typing());
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    // Sending stays possible while an answer streams (the room queues turns); stopping is its own button.
    this.stopButton = h(
      "button",
      { class: "send stop", type: "button", hidden: true, onclick: () => actions.stop() },
      STRINGS.stop,
    );
    const send = h("button", { class: "send", type: "submit" }, STRINGS.send);
    const form = h(
      "form",
      { onsubmit: (event: Event) => (event.preventDefault(), this.submit()) },
      this.input,
      this.stopButton,
      send,
    );
    const greeting = h(
      "li",
      { class: "msg assistant" },
      h("div", { class: "bubble", dir: "auto" }, settings.greeting),
    );
    if (settings.greeting) this.log.appendChild(greeting);

    const avatar = settings.avatar_url ? h("img", { src: settings.avatar_url, alt: "" }) : null;
    const close = h(
      "button",
      {
        class: "icon",
        type: "button",
        "aria-label": STRINGS.close,
        onclick: () => actions.close(),
      },
      svgIcon(CLOSE_ICON),
    );
    this.el = h(
      "div",
      {
        id: "coach-panel",
        class: `panel ${position}`,
        role: "dialog",
        "aria-modal": "false",
        "aria-labelledby": "coach-title",
        hidden: true,
      },
      h(
        "header",
        {},
        avatar,
        h("h2", { id: "coach-title" }, settings.assistant_name, this.status),
        close,
      ),
      programBar,
      this.log,
      this.typing,
      this.notice,
      this.chips,
      form,
      footer,
      this.live,
    );
    this.el.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        actions.close();
      }
    });
  }

  /** Shows or updates one entry in its place in the log. */
  upsert(entry: Entry, order: Entry[]): void {
    const pinned = this.nearBottom();
    let li = this.items.get(entry.key);
    if (!li) {
      li = h("li");
      this.items.set(entry.key, li);
      const next = order
        .slice(order.findIndex((e) => e.key === entry.key) + 1)
        .find((e) => this.items.has(e.key));
      this.log.insertBefore(li, next ? (this.items.get(next.key) ?? null) : null);
      this.chips.hidden = true;
    }
    renderEntry(
      li,
      entry,
      { assistant: this.settings.assistant_name },
      this.actions.retry,
      (reply) => {
        // The choices vanish once answered: keep keyboard focus in the composer, not on a removed button.
        this.input.focus();
        this.actions.quickReply(reply);
      },
    );
    if (pinned) this.scrollToEnd();
  }

  clear(): void {
    for (const li of this.items.values()) li.remove();
    this.items.clear();
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  setTyping(who: string | null): void {
    this.typing.hidden = who === null;
    this.typing.replaceChildren(
      h("span", { class: "dots" }, h("i"), h("i"), h("i")),
      who ? formatMessage(STRINGS.typing, { who }) : "",
    );
  }

  setNotice(text: string | null): void {
    this.notice.hidden = text === null;
    this.notice.textContent = text ?? "";
  }

  /** Shows the stop button while an answer is on its way. */
  setBusy(busy: boolean): void {
    if (this.stopButton.hidden === !busy) return;
    // Keep keyboard focus when the button it sits on disappears.
    if (!busy && this.stopButton.matches(":focus")) this.input.focus();
    this.stopButton.hidden = !busy;
  }

  /** Reads `text` out to screen readers once. */
  announce(text: string): void {
    this.live.textContent = text;
  }

  scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }

  private nearBottom(): boolean {
    return this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < NEAR_BOTTOM_PX;
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text) return;
    this.input.value = "";
    this.actions.send(text);
  }
}

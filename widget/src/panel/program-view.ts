// The coaching program's bar under the panel's header: one line of status (a polite live region, so a
// screen reader hears each change) and the buttons that fit the visitor's standing. It renders what it
// is told and reports what the visitor presses; program-offer.ts decides what comes next.
import { formatMessage } from "@coach/contracts/messages";
import { h } from "../shared/dom";
import { PROGRAM_STRINGS, STRINGS } from "../shared/strings";

/** What the bar shows: a `note` above the join button says how an earlier enrolment ended. */
export type ProgramViewState =
  | { kind: "loading" }
  | { kind: "join"; name: string; note: string | null }
  | { kind: "enrolled"; name: string }
  | { kind: "confirm" }
  | { kind: "error"; message: string };

export type ProgramViewActions = {
  join: () => void;
  /** The visitor asked to stop; nothing is sent before they confirm. */
  leave: () => void;
  confirm: () => void;
  cancel: () => void;
  retry: () => void;
};

export class ProgramView {
  readonly el: HTMLElement;
  private readonly text: HTMLParagraphElement;
  private readonly controls: HTMLElement;
  private refocus = false;

  constructor(private readonly actions: ProgramViewActions) {
    this.text = h("p", { role: "status" });
    this.controls = h("div", { class: "program-actions" });
    this.el = h(
      "div",
      { class: "program", role: "group", "aria-label": PROGRAM_STRINGS.label },
      this.text,
      this.controls,
    );
    this.show({ kind: "loading" });
  }

  show(state: ProgramViewState): void {
    // Focus on a button that is replaced moves to the new state's first button, so the keyboard stays here.
    const refocus = this.refocus || this.hasFocus();
    this.refocus = false;
    this.el.classList.toggle("error", state.kind === "error");
    this.el.removeAttribute("aria-busy");
    const button = (label: string, onclick: () => void, primary = false) =>
      h("button", { type: "button", class: primary ? "chip primary" : "chip", onclick }, label);
    const { actions } = this;
    switch (state.kind) {
      case "loading":
        this.render(PROGRAM_STRINGS.loading);
        break;
      case "join":
        this.render(
          state.note,
          button(formatMessage(PROGRAM_STRINGS.join, { program: state.name }), actions.join, true),
        );
        break;
      case "enrolled":
        this.render(
          formatMessage(PROGRAM_STRINGS.enrolledIn, { program: state.name }),
          button(PROGRAM_STRINGS.leave, actions.leave),
        );
        break;
      case "confirm":
        this.render(
          PROGRAM_STRINGS.confirmLeave,
          button(PROGRAM_STRINGS.confirmYes, actions.confirm, true),
          button(PROGRAM_STRINGS.cancel, actions.cancel),
        );
        break;
      case "error":
        this.render(state.message, button(STRINGS.retry, actions.retry, true));
        break;
    }
    if (refocus) this.controls.querySelector("button")?.focus();
  }

  /** Disables the buttons while a request is on its way (a second press would send it twice). */
  setBusy(busy: boolean): void {
    if (busy) this.refocus = this.hasFocus();
    this.el.setAttribute("aria-busy", String(busy));
    for (const button of this.controls.querySelectorAll("button")) button.disabled = busy;
  }

  private render(text: string | null, ...buttons: HTMLButtonElement[]): void {
    this.text.hidden = !text;
    this.text.textContent = text ?? "";
    this.controls.replaceChildren(...buttons);
  }

  private hasFocus(): boolean {
    const root = this.el.getRootNode() as Document | ShadowRoot;
    return this.el.contains(root.activeElement);
  }
}

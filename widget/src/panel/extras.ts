// The panel's footer: "Open in the app" (a link that signs the companion app in as this visitor, and a
// one-time code for another device) and "Plans" (the memberships on sale, shown only when the creator
// sells some: a Checkout link per plan, the customer portal for a member, and the answers the visitor's
// plan leaves them this month). Each button opens a sheet
// under it (a disclosure: focus stays on the button); a polite status line says what is happening.
import type { BillingLinkView, PlanView, WidgetMembershipView } from "@coach/contracts/billing";
import type { AppLinkCodeResponse } from "@coach/contracts/companion-app";
import { formatMessage, formatPlural } from "@coach/contracts/messages";
import { h } from "../shared/dom";
import { EXTRA, LANGUAGE } from "../shared/strings";
import { visitorCall, type ProgramFailure, type SessionSource } from "./program-api";

type Sheet = "app" | "plans";

function failed(result: object): result is ProgramFailure {
  return "failure" in result;
}

/** `1900` `usd` `month` → "$19.00 a month", in the panel's language and the plan's currency. */
export function planPrice(plan: PlanView): string {
  const format = new Intl.NumberFormat(LANGUAGE, {
    style: "currency",
    currency: (plan.currency ?? "usd").toUpperCase(),
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const amount = format.format((plan.price_minor ?? 0) / 10 ** digits);
  return `${amount} ${plan.interval === "year" ? EXTRA.perYear : EXTRA.perMonth}`;
}

/** "2 answers left this month, more on 1 May." when the visitor's plan counts answers; else nothing. */
function allowanceLine({ allowance }: WidgetMembershipView): HTMLElement | "" {
  if (!allowance || allowance.remaining === null) return "";
  const resets = new Intl.DateTimeFormat(LANGUAGE, {
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(allowance.resets_at);
  return h(
    "p",
    { class: "allowance" },
    formatPlural(LANGUAGE, EXTRA.allowanceLeft, allowance.remaining, { resets }),
  );
}

export class PanelExtras {
  readonly el: HTMLElement;
  private readonly appButton: HTMLButtonElement;
  private readonly plansButton: HTMLButtonElement;
  private readonly sheet: HTMLElement;
  private readonly line: HTMLParagraphElement;
  private readonly body: HTMLElement;
  private shown: Sheet | null = null;
  private busy = false;

  constructor(
    private readonly edge: string,
    private readonly session: SessionSource,
  ) {
    const toggle = (label: string, sheet: Sheet) =>
      h(
        "button",
        {
          class: "link",
          type: "button",
          "aria-expanded": "false",
          "aria-controls": "coach-sheet",
          onclick: () => this.toggle(sheet),
        },
        label,
      );
    this.appButton = toggle(EXTRA.openApp, "app");
    this.plansButton = toggle(EXTRA.plans, "plans");
    this.plansButton.hidden = true;
    this.line = h("p", { role: "status" });
    this.body = h("div");
    this.sheet = h(
      "div",
      { id: "coach-sheet", class: "sheet", hidden: true },
      this.line,
      this.body,
    );
    this.el = h(
      "div",
      { class: "extras" },
      h("div", { class: "more" }, this.appButton, this.plansButton),
      this.sheet,
    );
  }

  /** Reads whether the creator sells plans here (the "Plans" button shows only then). */
  async refresh(): Promise<void> {
    const billing = await this.billing();
    this.plansButton.hidden = !billing || !billing.plans.some((p) => p.kind === "paid");
    if (this.plansButton.hidden && this.shown === "plans") this.toggle("plans");
  }

  private billing(): Promise<WidgetMembershipView | null> {
    return visitorCall<WidgetMembershipView>(this.edge, this.session, "billing").then((r) =>
      failed(r) ? null : r,
    );
  }

  private toggle(sheet: Sheet): void {
    const next = this.shown === sheet ? null : sheet;
    this.shown = next;
    this.appButton.setAttribute("aria-expanded", String(next === "app"));
    this.plansButton.setAttribute("aria-expanded", String(next === "plans"));
    this.sheet.hidden = next === null;
    this.body.replaceChildren();
    if (next === "app") void this.showApp();
    else if (next === "plans") void this.showPlans();
  }

  private say(text: string, error = false): void {
    this.line.textContent = text;
    this.line.classList.toggle("error", error);
  }

  private failureWords(result: ProgramFailure, otherwise: string): string {
    return result.failure === "network" ? EXTRA.offline : otherwise;
  }

  private async showApp(): Promise<void> {
    this.say(EXTRA.loading);
    const result = await visitorCall<AppLinkCodeResponse>(this.edge, this.session, "app-link", {});
    if (this.shown !== "app") return;
    if (failed(result)) return this.say(this.failureWords(result, EXTRA.appFailed), true);
    this.say("");
    const minutes = Math.max(1, Math.round(result.expires_in / 60));
    this.body.replaceChildren(
      h(
        "p",
        {},
        h(
          "a",
          { class: "app-link", href: result.app_url, target: "_blank", rel: "noopener" },
          EXTRA.appLink,
        ),
      ),
      h(
        "p",
        {},
        `${EXTRA.appCode} `,
        h("strong", { class: "code" }, result.code),
        ` ${formatMessage(EXTRA.validFor, { minutes })}`,
      ),
    );
  }

  private async showPlans(): Promise<void> {
    this.say(EXTRA.loading);
    const billing = await this.billing();
    if (this.shown !== "plans") return;
    if (!billing) return this.say(EXTRA.billingFailed, true);
    this.say("");
    const current = billing.current;
    const plan = current && billing.plans.find((p) => p.id === current.plan_id);
    if (current) {
      this.body.replaceChildren(
        h("p", {}, formatMessage(EXTRA.memberOf, { plan: plan?.name ?? "" })),
        allowanceLine(billing),
        this.linkButton(EXTRA.manage, "billing/portal", {}),
      );
      return;
    }
    const free = billing.plans.find((p) => p.kind === "free");
    const list = h("ul", { class: "plans" });
    for (const paid of billing.plans.filter((p) => p.kind === "paid")) {
      list.appendChild(
        h(
          "li",
          {},
          h("strong", { dir: "auto" }, paid.name),
          h("span", {}, planPrice(paid)),
          paid.trial_days > 0
            ? h("span", {}, formatMessage(EXTRA.trial, { days: paid.trial_days }))
            : null,
          this.linkButton(formatMessage(EXTRA.choose, { plan: paid.name }), "billing/checkout", {
            plan_id: paid.id,
          }),
        ),
      );
    }
    this.body.replaceChildren(
      free && free.monthly_messages !== null
        ? h(
            "p",
            {},
            formatMessage(EXTRA.freeAllowance, { plan: free.name, answers: free.monthly_messages }),
          )
        : "",
      allowanceLine(billing),
      list,
    );
  }

  /**
   * A button that asks the edge for a Stripe-hosted page and opens it in a new tab. The tab is opened
   * at the press (a tab opened after the request would be a blocked pop-up), then sent there.
   */
  private linkButton(label: string, route: string, body: object): HTMLButtonElement {
    return h(
      "button",
      {
        class: "chip primary",
        type: "button",
        onclick: () => {
          if (this.busy) return;
          this.busy = true;
          this.sheet.setAttribute("aria-busy", "true");
          const tab = window.open("", "_blank");
          if (tab) tab.opener = null;
          void visitorCall<BillingLinkView>(this.edge, this.session, route, body).then((result) => {
            this.busy = false;
            this.sheet.removeAttribute("aria-busy");
            if (failed(result)) {
              tab?.close();
              this.say(this.failureWords(result, EXTRA.billingFailed), true);
            } else if (tab) {
              this.say("");
              tab.location.href = result.url;
            } else {
              // Pop-ups blocked: a plain link the visitor can follow.
              this.say("");
              this.body.appendChild(
                h("a", { href: result.url, target: "_blank", rel: "noopener" }, label),
              );
            }
          });
        },
      },
      label,
    );
  }
}

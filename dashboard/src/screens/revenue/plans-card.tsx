// What the creator sells: their plans (free with a monthly allowance, or paid monthly or yearly through
// Stripe, with a trial), a form for a new one, and deleting one (its Stripe price is archived; members
// already on it keep it until they leave). Also what happens to a paid program's messages when a
// member's membership lapses.
import type { PlanCreate, PlanView } from "@coach/contracts/billing";
import type { BillingSettingsView } from "@coach/contracts/platform-usage";
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { ActionForm } from "../../components/action-form";
import { ConfirmDelete } from "../../components/confirm-delete";
import { DataTable } from "../../components/data-table";
import { SelectField, TextField } from "../../components/form-fields";
import { LoadError, Loaded } from "../../components/resource-view";
import { Card, EmptyState, ErrorNotice } from "../../components/ui";
import { useApiResource } from "../../lib/use-api-resource";
import { useDeletion } from "../../lib/use-deletion";
import { useAction, useReloadingAction } from "../../lib/use-resource";
import { formatMoney, minorUnits } from "./money";

type Draft = {
  kind: "free" | "paid";
  name: string;
  messages: string;
  price: string;
  currency: string;
  interval: "month" | "year";
  trial: string;
};

const EMPTY: Draft = {
  kind: "paid",
  name: "",
  messages: "",
  price: "",
  currency: "usd",
  interval: "month",
  trial: "0",
};

/** The plan as the API takes it; a price that is not a number is sent as -1 so the API says why. */
function toPlan(draft: Draft): PlanCreate {
  const monthly_messages = draft.messages.trim() === "" ? null : Number(draft.messages);
  if (draft.kind === "free") return { kind: "free", name: draft.name, monthly_messages };
  return {
    kind: "paid",
    name: draft.name,
    monthly_messages,
    price_minor: minorUnits(draft.price, draft.currency) ?? -1,
    currency: draft.currency,
    interval: draft.interval,
    trial_days: Number(draft.trial || 0),
  };
}

function describe(plan: PlanView): string {
  const answers =
    plan.monthly_messages === null
      ? "unlimited answers"
      : `${plan.monthly_messages} answers a month`;
  if (plan.kind === "free") return `Free · ${answers}`;
  const price = formatMoney(plan.price_minor ?? 0, plan.currency ?? "usd");
  const trial = plan.trial_days > 0 ? ` · ${plan.trial_days}-day trial` : "";
  return `${price} a ${plan.interval ?? "month"}${trial} · ${answers}`;
}

function NewPlan({ onAdded }: { onAdded: () => Promise<void> }) {
  const api = useApi();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  /** A field's value in the draft and its change. */
  const bind = <K extends keyof Draft>(key: K) => ({
    value: draft[key],
    onValue: (value: Draft[K]) => set({ [key]: value }),
  });
  const add = useAction(async () => {
    await api.post("/billing/plans", { body: toPlan(draft) });
    setDraft(EMPTY);
    await onAdded();
  });
  return (
    <ActionForm action={add} failed="The plan was not added" submit="Add plan">
      <SelectField label="Kind" options={{ paid: "Paid", free: "Free" }} {...bind("kind")} />
      <TextField label="Name" required maxLength={80} {...bind("name")} />
      <TextField
        label="Answers a month"
        hint="Leave empty for unlimited."
        inputMode="numeric"
        {...bind("messages")}
      />
      {draft.kind === "paid" && (
        <>
          <TextField
            label="Price"
            hint="In the currency's usual unit, such as 19 or 19.50."
            required
            inputMode="decimal"
            {...bind("price")}
          />
          <TextField
            label="Currency"
            hint="A three-letter code, such as usd or eur."
            required
            maxLength={3}
            {...bind("currency")}
            onValue={(currency) => set({ currency: currency.toLowerCase() })}
          />
          <SelectField
            label="Billed"
            options={{ month: "Every month", year: "Every year" }}
            {...bind("interval")}
          />
          <TextField label="Free trial (days)" inputMode="numeric" {...bind("trial")} />
        </>
      )}
    </ActionForm>
  );
}

const LAPSED: Record<BillingSettingsView["proactive_for_lapsed"], string> = {
  stop: "Stop its check-ins and nudges until they pay again",
  continue: "Keep sending them",
};

function LapsedMembers() {
  const api = useApi();
  const settings = useApiResource("/billing/settings");
  const save = useReloadingAction(settings, (value: BillingSettingsView["proactive_for_lapsed"]) =>
    api.put("/billing/settings", { body: { proactive_for_lapsed: value } }),
  );
  return (
    <>
      <LoadError resource={settings} title="Could not load the membership settings" />
      <ErrorNotice error={save.error} title="The setting was not saved" />
      {settings.data && (
        <SelectField
          label="When a member's paid membership lapses, for the paid programs they are in"
          value={settings.data.proactive_for_lapsed}
          options={LAPSED}
          onValue={(value) => void save.run(value)}
        />
      )}
    </>
  );
}

export function PlansCard() {
  const plans = useApiResource("/billing/plans");
  const remove = useDeletion(plans, "/billing/plans/:id");
  const list = (plans.data?.plans ?? []).filter((plan) => plan.archived_at === null);
  return (
    <Card title="Plans">
      <LoadError resource={plans} title="Could not load your plans" />
      <ErrorNotice error={remove.error} title="The plan was not deleted" />
      <Loaded
        resource={plans}
        lines={2}
        empty={
          list.length === 0 && (
            <EmptyState title="Nothing for sale yet">
              Everyone gets everything until you add a plan. A free plan sets how many answers a
              month people get without paying; a paid plan is sold through Stripe.
            </EmptyState>
          )
        }
      >
        <DataTable columns={["Plan", "What it gives"]} actions>
          {list.map((plan) => (
            <tr key={plan.id} data-plan={plan.name}>
              <td>
                <strong>{plan.name}</strong>
              </td>
              <td className="small">{describe(plan)}</td>
              <td className="row-actions">
                <ConfirmDelete
                  name={`the plan “${plan.name}”`}
                  busy={remove.busy}
                  onDelete={() => void remove.run(plan.id)}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      </Loaded>
      <h3 className="plans-section">Add a plan</h3>
      <NewPlan onAdded={plans.reload} />
      <h3 className="plans-section">Lapsed memberships</h3>
      <LapsedMembers />
    </Card>
  );
}

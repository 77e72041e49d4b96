// Where members' payments go: the creator's own Stripe account (Connect Express). Shows its state as
// Stripe reports it and opens Stripe's hosted onboarding, which sends the creator back here.
import type { ConnectView } from "@coach/contracts/billing";
import { useApi } from "../../auth/auth-context";
import { LoadError, Loaded } from "../../components/resource-view";
import { Badge, Button, Card, ErrorNotice } from "../../components/ui";
import { useApiResource } from "../../lib/use-api-resource";
import { useAction } from "../../lib/use-resource";

const STATES: Record<
  ConnectView["status"],
  { label: string; tone: "neutral" | "good" | "warn" | "bad"; text: string }
> = {
  not_started: {
    label: "Not set up",
    tone: "neutral",
    text: "Members' payments go to the platform's account until you connect your own Stripe account.",
  },
  pending: {
    label: "Onboarding",
    tone: "warn",
    text: "Stripe still needs a few details before your account can take payments.",
  },
  active: {
    label: "Active",
    tone: "good",
    text: "Members' payments go to your Stripe account.",
  },
  restricted: {
    label: "Restricted",
    tone: "bad",
    text: "Stripe has paused payments to your account until it gets what it asks for.",
  },
};

export function PayoutsCard() {
  const api = useApi();
  const account = useApiResource("/billing/connect");
  const onboard = useAction(async () => {
    const { url } = await api.post("/billing/connect", {
      body: { return_url: window.location.href },
    });
    window.location.assign(url);
  });
  const state = account.data && STATES[account.data.status];
  return (
    <Card title="Payouts">
      <LoadError resource={account} title="Could not load your payout account" />
      <Loaded resource={account} lines={2}>
        {state && account.data && (
          <>
            <p>
              <Badge tone={state.tone}>{state.label}</Badge> {state.text}
              {account.data.restricted_reason && (
                <>
                  {" "}
                  Stripe's reason: <code>{account.data.restricted_reason}</code>.
                </>
              )}
            </p>
            {account.data.status !== "active" && (
              <Button busy={onboard.busy} onClick={() => void onboard.run()}>
                {account.data.status === "not_started"
                  ? "Connect your Stripe account"
                  : "Continue on Stripe"}
              </Button>
            )}
          </>
        )}
      </Loaded>
      {onboard.error && <ErrorNotice error={onboard.error} title="Stripe could not be opened" />}
    </Card>
  );
}

// The workspace's fleet of inference bridges: each machine's health, load, what it runs, index
// completeness (with its back-fill's progress) and last error, read again every few seconds, with a
// warning when the fleet cannot keep up and the overflow's use today; adding a bridge (its signing
// secret, when the edge makes one up, shown once) and removing one.
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import { DataTable } from "../../components/data-table";
import { TextField } from "../../components/form-fields";
import { ListCard } from "../../components/list-card";
import { ScreenHeader } from "../../components/screen-header";
import { SecretForm, type SecretFormTexts } from "../../components/secret-form";
import { EmptyState } from "../../components/ui";
import { useApiResource } from "../../lib/use-api-resource";
import { useDeletion } from "../../lib/use-deletion";
import { useInterval } from "../../lib/use-resource";
import { BridgeRow } from "./bridge-row";
import { FleetPressure } from "./fleet-pressure";

const NO_BRIDGES = (
  <EmptyState title="No bridges of your own">
    Your assistant answers from the platform’s shared server. Add your own machine above to answer
    from it instead; add several and each turn goes to the one that is up and least busy.
  </EmptyState>
);

const NEW_BRIDGE: SecretFormTexts = {
  title: "Add a bridge",
  failed: "The bridge was not added",
  submit: "Add bridge",
  copyLabel: "Copy secret",
  note: "Put this as the bridge’s BRIDGE_SECRET now; it is not shown again. Its documents are copied to it on their own, and it answers once it holds them all.",
};

/** The form for a new bridge, and the signing secret the edge made up for it, once. */
function NewBridge({ onAdded }: { onAdded: () => Promise<void> }) {
  const api = useApi();
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState("");
  const add = async () => {
    const created = await api.post("/bridges", {
      body: { name, url, ...(secret ? { secret } : {}) },
    });
    setName("");
    setUrl("");
    setSecret("");
    return created.secret ?? null;
  };
  return (
    <SecretForm texts={NEW_BRIDGE} create={add} onCreated={onAdded}>
      <TextField label="Name" required maxLength={80} value={name} onValue={setName} />
      <TextField
        label="Address"
        hint="Its Cloudflare Tunnel’s https address, such as https://bridge.example.com."
        required
        type="url"
        value={url}
        onValue={setUrl}
      />
      <TextField
        label="Signing secret (optional)"
        hint="The bridge’s BRIDGE_SECRET, at least 32 characters. Leave empty and one is made up for you."
        type="password"
        autoComplete="off"
        value={secret}
        onValue={setSecret}
      />
    </SecretForm>
  );
}

export function FleetScreen() {
  const bridges = useApiResource("/bridges", { failed: "Could not load the bridges" });
  const remove = useDeletion(bridges, "/bridges/:id", { failed: "The bridge was not removed" });
  const overflow = useApiResource("/settings/overflow");
  const list = bridges.data?.bridges ?? [];
  // Health, load and back-fill move on their own: read them again while there is a fleet to watch.
  useInterval(
    () => {
      void bridges.reload();
      void overflow.reload();
    },
    5000,
    list.length > 0,
  );
  return (
    <>
      <ScreenHeader />
      <NewBridge onAdded={bridges.reload} />
      <ListCard title="Fleet" resource={bridges} action={remove} items={list} empty={NO_BRIDGES}>
        <FleetPressure bridges={list} overflow={overflow.data} />
        <DataTable columns={["Bridge", "Health", "Load", "Index"]} actions>
          {list.map((bridge) => (
            <BridgeRow
              key={bridge.id}
              bridge={bridge}
              busy={remove.busy}
              onRemove={() => void remove.run(bridge.id)}
            />
          ))}
        </DataTable>
      </ListCard>
    </>
  );
}

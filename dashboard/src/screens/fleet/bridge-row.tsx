// One bridge of the fleet: what it runs, its health (up, down and probed, or trying one turn after
// coming back), its load, whether its index holds every ready document (or how far its back-fill has
// come), the last thing that went wrong with it, and removing it.
import type { BridgeView } from "@coach/contracts/fleet-views";
import { ConfirmDelete } from "../../components/confirm-delete";
import { Badge } from "../../components/ui";
import { formatDateTime } from "../../lib/format";

const HEALTH = {
  closed: { tone: "good", label: "Up" },
  open: { tone: "bad", label: "Down" },
  half_open: { tone: "warn", label: "Coming back" },
} as const;

function seconds(ms: number): string {
  return ms < 1000 ? "no wait" : `~${Math.round(ms / 1000)} s wait`;
}

function Health({ bridge }: { bridge: BridgeView }) {
  if (!bridge.state) return <Badge tone="neutral">Unknown</Badge>;
  const health = HEALTH[bridge.state];
  return (
    <>
      <Badge tone={health.tone}>{health.label}</Badge>
      {bridge.share !== undefined && bridge.share < 1 && (
        <div className="muted small">Ramping up: {Math.round(bridge.share * 100)}% of turns</div>
      )}
    </>
  );
}

function Load({ bridge }: { bridge: BridgeView }) {
  const load = bridge.load;
  if (!load) return <span className="muted small">Not reported yet</span>;
  return (
    <span className="small">
      {load.running}/{load.concurrency} running · {load.queue_depth} queued ·{" "}
      {seconds(bridge.estimated_wait_ms ?? load.estimated_wait_ms)}
    </span>
  );
}

function Index({ bridge }: { bridge: BridgeView }) {
  const index = bridge.index;
  if (!index) return <span className="muted small">Unknown</span>;
  const counts = `${index.documents_indexed} of ${index.documents_total} documents`;
  return (
    <>
      {index.state === "complete" ? (
        <Badge tone="good">Complete</Badge>
      ) : (
        <Badge tone="info">Filling</Badge>
      )}
      <div className="muted small">
        {index.state === "filling" ? `Copying: ${counts}; answers wait until it is done` : counts}
      </div>
      {index.documents_unavailable > 0 && (
        <div className="muted small">
          {index.documents_unavailable} cannot be copied: their originals were removed by data
          retention.
        </div>
      )}
    </>
  );
}

export function BridgeRow({
  bridge,
  busy,
  onRemove,
}: {
  bridge: BridgeView;
  busy: boolean;
  onRemove: () => void;
}) {
  return (
    <tr data-bridge={bridge.name}>
      <td>
        <strong>{bridge.name}</strong>
        <div className="muted small">
          <code>{bridge.url}</code>
          {bridge.access_client_id ? " · behind Cloudflare Access" : ""}
        </div>
        {bridge.load?.version && (
          <div className="muted small" data-bridge-version>
            Runs {bridge.load.version}
          </div>
        )}
        {bridge.last_error && (
          <p className="field-error">
            {bridge.last_error.message} ({formatDateTime(bridge.last_error.at)})
          </p>
        )}
      </td>
      <td>
        <Health bridge={bridge} />
      </td>
      <td>
        <Load bridge={bridge} />
      </td>
      <td>
        <Index bridge={bridge} />
      </td>
      <td className="row-actions">
        <ConfirmDelete name={`the bridge “${bridge.name}”`} busy={busy} onDelete={onRemove} />
      </td>
    </tr>
  );
}

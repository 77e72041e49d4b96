// Whether the fleet keeps up, said above the list: a warning when no bridge is up or when even the least
// busy one would keep a new question waiting past the limit (the overflow's, or 20 s without it), with
// what to do; and the overflow's answers today against its budget, when it is on.
import type { BridgeView } from "@coach/contracts/fleet-views";
import type { OverflowSettingsView } from "@coach/contracts/overflow";

/** The wait past which a fleet without overflow is said not to keep up. */
const DEFAULT_LIMIT_MS = 20_000;

function pressure(bridges: readonly BridgeView[], limitMs: number): string | null {
  const up = bridges.filter((b) => b.state === "closed" || b.state === "half_open");
  if (up.length === 0)
    return "No bridge of yours is up: questions wait until one comes back. Check the machines below.";
  const soonest = Math.min(...up.map((b) => b.estimated_wait_ms ?? 0));
  if (soonest <= limitMs) return null;
  return `Your bridges cannot keep up: a new question waits about ${Math.round(soonest / 1000)} s. Add a bridge, or turn on the overflow on the Safety screen.`;
}

export function FleetPressure({
  bridges,
  overflow,
}: {
  bridges: readonly BridgeView[];
  overflow: OverflowSettingsView | undefined;
}) {
  if (bridges.length === 0) return null;
  const limitMs = overflow?.enabled ? overflow.max_wait_ms : DEFAULT_LIMIT_MS;
  const warning = pressure(bridges, limitMs);
  return (
    <>
      {warning && (
        <div className="notice notice-warn" role="alert" data-fleet-pressure>
          <strong>{warning}</strong>
        </div>
      )}
      {overflow?.enabled && (
        <p className="muted small" data-fleet-overflow>
          Overflow to Workers AI: {overflow.today.answers} of {overflow.today.budget} answers used
          today (UTC).
        </p>
      )}
    </>
  );
}

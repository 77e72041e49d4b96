// Ports and URLs of the local stack, from the environment with the documented defaults.

function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number between 1 and 65535 (got "${raw}").`);
    process.exit(2);
  }
  return value;
}

export const EDGE_PORT = port("EDGE_PORT", 8787);
export const BRIDGE_PORT = port("BRIDGE_PORT", 8788);
export const DEMO_PORT = port("DEMO_PORT", 8790);
export const DASHBOARD_PORT = port("DASHBOARD_PORT", 5173);
export const EDGE_URL = `http://127.0.0.1:${EDGE_PORT}`;
export const BRIDGE_URL = `http://127.0.0.1:${BRIDGE_PORT}`;
export const DEMO_URL = `http://localhost:${DEMO_PORT}`;
export const DASHBOARD_URL = `http://127.0.0.1:${DASHBOARD_PORT}`;
/** The dashboard calls the edge from its own origin; both spellings of loopback are allowed. */
export const DASHBOARD_ORIGINS = [DASHBOARD_URL, `http://localhost:${DASHBOARD_PORT}`];
/** The demo page is served on another origin than the edge, as a creator's site would be. */
export const DEMO_ORIGINS = [`http://localhost:${DEMO_PORT}`, `http://127.0.0.1:${DEMO_PORT}`];

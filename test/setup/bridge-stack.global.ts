// Vitest global setup (Node side) for the edge suite: runs the real bridge stack for the whole run.
// Ports are chosen in vitest.config.ts, which also hands them to the Worker as bindings.
import { startBridgeStack } from "../support/bridge-stack";

export default async function setup(): Promise<() => Promise<void>> {
  return startBridgeStack({
    bridgePort: Number(process.env.EDGE_TEST_BRIDGE_PORT),
    controlPort: Number(process.env.EDGE_TEST_CONTROL_PORT),
    secret: String(process.env.EDGE_TEST_BRIDGE_SECRET),
    access: {
      port: Number(process.env.EDGE_TEST_ACCESS_PORT),
      bridgePort: Number(process.env.EDGE_TEST_ACCESS_BRIDGE_PORT),
      clientId: String(process.env.EDGE_TEST_ACCESS_CLIENT_ID),
      clientSecret: String(process.env.EDGE_TEST_ACCESS_CLIENT_SECRET),
    },
  });
}

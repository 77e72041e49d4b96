// What the edge answers about a workspace's own inference bridges (`/api/v1/bridges`): where each is,
// and, when its pool could be asked, its health, load, index completeness and last error. Never a
// secret, except the signing secret the edge made up, answered once when the bridge is registered.
import type { BridgeLoad } from "./bridge";

/** A bridge's index against the workspace's ready documents. */
export type BridgeIndexView = {
  /** `filling` until it holds every ready document that can be copied; it answers only then. */
  state: "complete" | "filling";
  documents_total: number;
  documents_indexed: number;
  /** Ready documents it lacks whose original was removed by retention, so cannot be copied. */
  documents_unavailable: number;
};

/** A bridge the workspace registered: where it is and how it is reached, without its secrets. */
export type RegisteredBridge = {
  id: string;
  name: string;
  url: string;
  access_client_id: string | null;
  created_at: number;
  updated_at: number;
};

/** A registered bridge with, when its pool could be asked, its health, load and index. */
export type BridgeView = RegisteredBridge & {
  /** Its circuit: `closed` (up), `open` (down, probed), `half_open` (one trial turn). */
  state?: "closed" | "open" | "half_open";
  consecutive_failures?: number;
  estimated_wait_ms?: number;
  load?: BridgeLoad | null;
  /** Below 1 while it ramps up after coming back. */
  share?: number;
  index?: BridgeIndexView | null;
  last_error?: { at: number; message: string } | null;
};

export type BridgeCreated = BridgeView & { secret?: string };
export type BridgeDeleted = { id: string; deleted: boolean };

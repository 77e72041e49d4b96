// The targets the issues set for each benchmark, as paths into its JSON results. `npm run bench`
// judges every figure against these and reports pass or fall-short.

/** @typedef {{ path: string, op: "<=" | ">=", target: number, unit: string, label: string }} Target */

/** @type {Record<string, Target[]>} */
export const BENCH_TARGETS = {
  "auth-tokens": [
    {
      path: "verify_median_ms",
      op: "<=",
      target: 1,
      unit: "ms",
      label: "access-token verification, median",
    },
  ],
  "auth-login": [],
  capacity: [
    {
      path: "scaling_ratio_4",
      op: ">=",
      target: 0.85,
      unit: "×",
      label: "throughput of 4 bridges ÷ 4 × one bridge's",
    },
    {
      path: "scaling_ratio_8",
      op: ">=",
      target: 0.8,
      unit: "×",
      label: "throughput of 8 bridges ÷ 8 × one bridge's",
    },
    {
      path: "overflow.flood_p95_ratio",
      op: "<=",
      target: 2,
      unit: "× quiet",
      label: "overflow on: TTFT p95 of a flood at 3× one bridge's capacity",
    },
    {
      path: "overflow.budget.over_budget",
      op: "<=",
      target: 0,
      unit: "",
      label: "overflow answers past the daily budget",
    },
  ],
  "pool-chaos": [
    { path: "lost", op: "<=", target: 0, unit: "", label: "pool of 3, faults: questions lost" },
    {
      path: "duplicated",
      op: "<=",
      target: 0,
      unit: "",
      label: "pool of 3, faults: questions or answers stored twice",
    },
    {
      path: "unanswered",
      op: "<=",
      target: 0,
      unit: "",
      label: "pool of 3, faults: questions without a stored answer",
    },
    {
      path: "unreadable_logs",
      op: "<=",
      target: 0,
      unit: "",
      label: "pool of 3, faults: conversations whose log could not be read back",
    },
  ],
  "bridge-overhead": [
    {
      path: "p95_added_ms",
      op: "<=",
      target: 5,
      unit: "ms",
      label: "TTFT added by the bridge, p95",
    },
  ],
  "bridge-saturation": [
    { path: "ratio", op: ">=", target: 0.97, unit: "×", label: "throughput vs stand-in capacity" },
    {
      path: "peak_rss_mb",
      op: "<=",
      target: 250,
      unit: "MB",
      label: "bridge RSS at saturation (word vectors and synonyms loaded)",
    },
  ],
  "bridge-fairness": [
    {
      path: "b_p95_in_service_times",
      op: "<=",
      target: 2,
      unit: "service times",
      label: "quiet tenant's p95 wait",
    },
  ],
  "bridge-retrieval": [
    {
      path: "chunks_10k.query_ms.p95",
      op: "<=",
      target: 50,
      unit: "ms",
      label: "retrieval p95 at 10k chunks",
    },
    {
      path: "chunks_100k.query_ms.p95",
      op: "<=",
      target: 100,
      unit: "ms",
      label: "retrieval p95 at 100k chunks",
    },
    {
      path: "rss_at_rest_mb",
      op: "<=",
      target: 250,
      unit: "MB",
      label: "bridge RSS at rest with the word vectors loaded",
    },
  ],
  "ingest-pdf": [],
  "room-ack": [
    {
      path: "one_room_100_sockets.ack.p99_ms",
      op: "<=",
      target: 20,
      unit: "ms",
      label: "message → ack p99, 100 sockets on one room",
    },
    {
      path: "rooms_1000_one_socket.ack.p99_ms",
      op: "<=",
      target: 20,
      unit: "ms",
      label: "message → ack p99, 1,000 rooms",
    },
  ],
  "room-relay": [
    {
      path: "one_socket.added_p95_ms",
      op: "<=",
      target: 2,
      unit: "ms",
      label: "delta relay added latency p95",
    },
    {
      path: "ten_sockets.last_socket_p95_ms",
      op: "<=",
      target: 10,
      unit: "ms",
      label: "delta fan-out to 10 sockets p95",
    },
  ],
  "load-sockets": [
    {
      path: "error_rate",
      op: "<=",
      target: 0,
      unit: "",
      label: "error rate, 1,000 sockets × 200 conversations",
    },
    {
      path: "ack.p99_ms",
      op: "<=",
      target: 20,
      unit: "ms",
      label: "message → ack p99 under load (the room's target)",
    },
  ],
  "bridge-overload": [
    {
      path: "flood.refused",
      op: ">=",
      target: 1,
      unit: "",
      label: "requests refused at twice capacity (the overload is real)",
    },
    { path: "refusal_max_ms", op: "<=", target: 100, unit: "ms", label: "slowest refusal" },
    {
      path: "refusals_without_retry_after",
      op: "<=",
      target: 0,
      unit: "",
      label: "refusals without Retry-After",
    },
    {
      path: "quiet_p95_ratio",
      op: "<=",
      target: 2,
      unit: "× idle",
      label: "another tenant's answer p95 at twice capacity",
    },
  ],
  chaos: [
    { path: "lost", op: "<=", target: 0, unit: "", label: "messages lost under faults" },
    {
      path: "duplicated",
      op: "<=",
      target: 0,
      unit: "",
      label: "messages or answers stored twice",
    },
    {
      path: "seq_violations",
      op: "<=",
      target: 0,
      unit: "",
      label: "sequence numbers repeated or out of order",
    },
    { path: "unanswered", op: "<=", target: 0, unit: "", label: "turns neither answered nor told" },
    { path: "unacknowledged", op: "<=", target: 0, unit: "", label: "messages never acknowledged" },
    {
      path: "unreadable_logs",
      op: "<=",
      target: 0,
      unit: "",
      label: "conversations whose log could not be read back",
    },
  ],
  proof: [
    {
      path: "tests_failed",
      op: "<=",
      target: 0,
      unit: "",
      label: "proof tests failed (fuzzing, isolation, forgeries)",
    },
    {
      path: "api_bodies.server_errors",
      op: "<=",
      target: 0,
      unit: "",
      label: "API bodies fuzzed: server errors",
    },
    {
      path: "api_bodies.uncoded_refusals",
      op: "<=",
      target: 0,
      unit: "",
      label: "API bodies fuzzed: refusals without a code",
    },
    {
      path: "socket_frames.internal_errors",
      op: "<=",
      target: 0,
      unit: "",
      label: "socket frames fuzzed: internal errors",
    },
    {
      path: "socket_frames.socket_closes",
      op: "<=",
      target: 0,
      unit: "",
      label: "socket frames fuzzed: sockets dropped",
    },
    {
      path: "tenant_isolation.canaries_found",
      op: "<=",
      target: 0,
      unit: "",
      label: "tenant A's canaries seen by tenant B",
    },
  ],
  "widget-size": [
    {
      path: "loader_gzip_bytes",
      op: "<=",
      target: 4096,
      unit: "B",
      label: "widget loader, gzipped",
    },
    {
      path: "total_gzip_bytes",
      op: "<=",
      target: 25600,
      unit: "B",
      label: "whole widget, gzipped",
    },
  ],
};

/**
 * The value at a dotted `path` of `results`, or undefined.
 * @param {unknown} results
 * @param {string} path
 */
export function valueAt(results, path) {
  return path
    .split(".")
    .reduce(
      (value, key) =>
        value && typeof value === "object"
          ? /** @type {Record<string, unknown>} */ (value)[key]
          : undefined,
      results,
    );
}

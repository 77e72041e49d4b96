/**
 * The process's own health in Prometheus' conventional names (as prom-client's defaults spell them, so
 * stock dashboards read them): CPU time, resident memory, heap, start time, and event-loop delay
 * measured by Node's histogram. A blocked event loop is the first thing to look at when answers stall.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

export class ProcessMetrics {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });
  private readonly startSeconds = Math.floor(Date.now() / 1000 - process.uptime());

  constructor() {
    this.loop.enable();
  }

  /** The families, in the text exposition format. */
  lines(): string[] {
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    const seconds = (nanos: number) => (Number.isFinite(nanos) ? nanos / 1e9 : 0);
    const gauge = (name: string, help: string, value: number, type = "gauge") => [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} ${type}`,
      `${name} ${value}`,
    ];
    const lines = [
      ...gauge(
        "process_cpu_seconds_total",
        "User and system CPU time spent, in seconds.",
        (cpu.user + cpu.system) / 1e6,
        "counter",
      ),
      ...gauge("process_resident_memory_bytes", "Resident memory size.", memory.rss),
      ...gauge("process_start_time_seconds", "Start time since the Unix epoch.", this.startSeconds),
      ...gauge("nodejs_heap_size_used_bytes", "V8 heap in use.", memory.heapUsed),
      ...gauge("nodejs_heap_size_total_bytes", "V8 heap allocated.", memory.heapTotal),
      ...gauge(
        "nodejs_external_memory_bytes",
        "Memory of C++ objects bound to JavaScript.",
        memory.external,
      ),
      "# HELP nodejs_eventloop_lag_seconds Event-loop delay since the last scrape, by percentile.",
      "# TYPE nodejs_eventloop_lag_seconds gauge",
      `nodejs_eventloop_lag_seconds{quantile="0.5"} ${seconds(this.loop.percentile(50))}`,
      `nodejs_eventloop_lag_seconds{quantile="0.99"} ${seconds(this.loop.percentile(99))}`,
      `nodejs_eventloop_lag_seconds{quantile="1"} ${seconds(this.loop.max)}`,
    ];
    this.loop.reset();
    return lines;
  }

  close(): void {
    this.loop.disable();
  }
}

/**
 * Prometheus metrics in the text exposition format, kept dependency-free: a handful of counters, one
 * histogram family and gauges read from the queue at scrape time.
 */
import type { Priority } from "@coach/contracts/bridge";
import type { QueueHooks } from "./queue-types";

const WAIT_BUCKETS_SECONDS = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const RETRIEVAL_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const PROMPT_TOKEN_BUCKETS = [256, 512, 1024, 1536, 2048, 3072, 4096, 8192, 16384];

type Labels = Record<string, string>;

function labelKey(labels: Labels): string {
  const parts = Object.entries(labels).map(
    ([key, value]) => `${key}="${value.replace(/["\\\n]/g, "_")}"`,
  );
  return parts.length ? `{${parts.join(",")}}` : "";
}

/** A metric that renders its own samples under the name it was registered with. */
interface Collected {
  readonly name: string;
  lines(): string[];
}

class Counter implements Collected {
  private readonly values = new Map<string, number>();
  constructor(readonly name: string) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  lines(): string[] {
    return [...this.values].map(([key, value]) => `${this.name}${key} ${value}`);
  }
}

class Histogram implements Collected {
  private readonly series = new Map<
    string,
    { labels: Labels; buckets: number[]; sum: number; count: number }
  >();
  constructor(
    readonly name: string,
    private readonly bounds: readonly number[] = WAIT_BUCKETS_SECONDS,
  ) {}
  observe(labels: Labels, value: number): void {
    const key = labelKey(labels);
    let entry = this.series.get(key);
    if (!entry) {
      entry = { labels, buckets: this.bounds.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, entry);
    }
    this.bounds.forEach((bound, i) => {
      if (value <= bound && entry) entry.buckets[i] = (entry.buckets[i] ?? 0) + 1;
    });
    entry.sum += value;
    entry.count++;
  }
  lines(): string[] {
    const { name } = this;
    const out: string[] = [];
    for (const { labels, buckets, sum, count } of this.series.values()) {
      this.bounds.forEach((bound, i) =>
        out.push(`${name}_bucket${labelKey({ ...labels, le: String(bound) })} ${buckets[i] ?? 0}`),
      );
      out.push(
        `${name}_bucket${labelKey({ ...labels, le: "+Inf" })} ${count}`,
        `${name}_sum${labelKey(labels)} ${sum}`,
        `${name}_count${labelKey(labels)} ${count}`,
      );
    }
    return out;
  }
}

/** Gauges sampled at scrape time. */
export interface QueueSnapshot {
  depthByPriority: Record<Priority, number>;
  running: number;
  serviceMs: Record<Priority, number>;
}

/** The bridge's metrics registry. */
export class Metrics {
  private readonly waitSeconds = new Histogram("bridge_queue_wait_seconds");
  private readonly rejected = new Counter("bridge_requests_rejected_total");
  private readonly cancelled = new Counter("bridge_requests_cancelled_total");
  private readonly backendErrors = new Counter("bridge_backend_errors_total");
  private readonly generatedTokens = new Counter("bridge_generated_tokens_total");
  private readonly promptTokens = new Histogram("bridge_prompt_tokens", PROMPT_TOKEN_BUCKETS);
  private readonly retrievalSeconds = new Histogram(
    "bridge_retrieval_seconds",
    RETRIEVAL_BUCKETS_SECONDS,
  );
  private readonly answers = new Counter("bridge_answers_total");
  private tokensPerSecond = 0;

  /** Hooks to hand to the admission queue. */
  readonly queueHooks: QueueHooks = {
    rejected: (priority, code) => this.rejected.inc({ priority, code }),
    cancelled: (priority, stage) => this.cancelled.inc({ priority, stage }),
    started: (priority, waitMs) => this.waitSeconds.observe({ priority }, waitMs / 1000),
  };

  /** Records one upstream failure. */
  backendError(backend: string): void {
    this.backendErrors.inc({ backend });
  }

  /** Records one finished generation: tokens and the time spent producing them. */
  generation(model: string, completionTokens: number, generationMs: number): void {
    this.generatedTokens.inc({ model }, completionTokens);
    if (generationMs > 0 && completionTokens > 0)
      this.tokensPerSecond = completionTokens / (generationMs / 1000);
  }

  /** Records one answered turn: what it rested on, its prompt's size and its retrieval time. */
  answer(model: string, grounding: string, promptTokens: number, retrievalMs: number): void {
    this.answers.inc({ model, grounding });
    if (promptTokens > 0) this.promptTokens.observe({ model }, promptTokens);
    this.retrievalSeconds.observe({}, retrievalMs / 1000);
  }

  /** Renders the exposition text. */
  render(queue: QueueSnapshot): string {
    const family = (name: string, type: string, help: string, lines: string[]): string[] => [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} ${type}`,
      ...lines,
    ];
    const collected = (metric: Collected, type: "counter" | "histogram", help: string) =>
      family(metric.name, type, help, metric.lines());
    const depth = Object.entries(queue.depthByPriority).map(
      ([priority, value]) => `bridge_queue_depth{priority="${priority}"} ${value}`,
    );
    const service = Object.entries(queue.serviceMs).map(
      ([priority, value]) =>
        `bridge_service_time_estimate_seconds{priority="${priority}"} ${value / 1000}`,
    );
    return [
      ...family("bridge_queue_depth", "gauge", "Requests waiting for a slot.", depth),
      ...family("bridge_queue_running", "gauge", "Requests holding a backend slot.", [
        `bridge_queue_running ${queue.running}`,
      ]),
      ...collected(this.waitSeconds, "histogram", "Time from admission to start."),
      ...family(
        "bridge_service_time_estimate_seconds",
        "gauge",
        "EWMA of measured service time.",
        service,
      ),
      ...collected(this.rejected, "counter", "Requests refused at admission."),
      ...collected(this.cancelled, "counter", "Requests cancelled while queued or running."),
      ...collected(this.generatedTokens, "counter", "Completion tokens generated."),
      ...family(
        "bridge_tokens_per_second",
        "gauge",
        "Generation speed of the last completed answer.",
        [`bridge_tokens_per_second ${this.tokensPerSecond}`],
      ),
      ...collected(
        this.answers,
        "counter",
        "Answers by model and grounding (material, curated, general, fallback).",
      ),
      ...collected(
        this.promptTokens,
        "histogram",
        "Prompt tokens per answer, as the model counted them.",
      ),
      ...collected(
        this.retrievalSeconds,
        "histogram",
        "Time to retrieve and rank the material for a question.",
      ),
      ...collected(this.backendErrors, "counter", "Failures reported by Ollama or Chroma."),
      "",
    ].join("\n");
  }
}

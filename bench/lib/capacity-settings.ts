// The capacity benchmark's settings (bench/capacity.ts): each one a `CAPACITY_<NAME>` variable with a
// default taken from published figures, refused when it is not a positive number.

function setting(name: string, fallback: number): number {
  const raw = process.env[`CAPACITY_${name}`];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`CAPACITY_${name} must be a positive number (got ${raw}).`);
  return value;
}

/**
 * Defaults from the figures the issue cites for llama3.2:1b on small CPUs: generation 8–36 tokens/s
 * (20 taken), and a 1,000–1,500-token RAG prompt taking seconds before the first token (1,200 tokens
 * at 150 tokens/s: 8 s). Answers of about 150 tokens; the bridge's default 30 s admission budget.
 */
export const SETTINGS = {
  promptTokens: setting("PROMPT_TOKENS", 1200),
  promptTokensPerSecond: setting("PROMPT_TOKENS_PER_SECOND", 150),
  answerTokens: setting("ANSWER_TOKENS", 150),
  generationTokensPerSecond: setting("GENERATION_TOKENS_PER_SECOND", 20),
  maxWaitMs: setting("MAX_WAIT_MS", 30_000),
  timeScale: setting("TIME_SCALE", 20),
  /** Offered load per bridge, as a multiple of one bridge's capacity. */
  load: setting("LOAD", 1.25),
  questionsPerUser: setting("QUESTIONS_PER_USER", 3),
  thinkSeconds: setting("THINK_SECONDS", 45),
  warmupMinutes: setting("WARMUP_MINUTES", 3),
  windowMinutes: setting("WINDOW_MINUTES", 15),
};
/**
 * The overflow run: a quiet phase, then a flood at 3× one bridge's measured capacity. The workspace's
 * wait limit and daily budget are its overflow settings (contracts/src/overflow.ts; budget default
 * 200). Workers AI's speed is not published: half a second to the first token and 100 tokens/s are
 * assumed (set them to what your account measures); its 300 requests a minute is its published limit.
 */
export const OVERFLOW = {
  idleLoad: setting("IDLE_LOAD", 0.25),
  floodLoad: setting("FLOOD_LOAD", 3),
  maxWaitMs: setting("OVERFLOW_MAX_WAIT_MS", 8_000),
  dailyBudget: setting("OVERFLOW_BUDGET", 200),
  warmupMinutes: setting("OVERFLOW_WARMUP_MINUTES", 2),
  quietWindowMinutes: setting("OVERFLOW_QUIET_MINUTES", 30),
  floodWindowMinutes: setting("OVERFLOW_FLOOD_MINUTES", 10),
  ai: {
    ttftMs: setting("AI_TTFT_MS", 500),
    tokensPerSecond: setting("AI_TOKENS_PER_SECOND", 100),
    requestsPerMinute: setting("AI_REQUESTS_PER_MINUTE", 300),
  },
};

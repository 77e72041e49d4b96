/**
 * `npm run eval`: answers every evaluation coach's questions (eval/coaches, written in clients' own
 * words) with the production pipeline — the built-in embedder and answerer, and nomic-embed-text with
 * llama3.2:1b when Ollama has them — and prints what a client would notice:
 *   fact-hit        answerable questions whose answer contains an expected fact
 *   top citation    answerable questions whose first cited source is the right document
 *   fallback        off-topic questions (general, and near-domain) answered with the persona's fallback
 *   answered        answerable questions not answered with the fallback
 *   prompt tokens   p95 per answer (a model's prompt; the built-in answerer has none)
 *   retrieval       p95 time to retrieve and rank for one question
 * then replays the golden cases (golden.ts). `-- --fit` also fits the piece ranker and the
 * answerability rule and reports them on held-out coaches (fit.ts); `-- --coach <id>` limits the run.
 * Ends with one JSON line, like the benchmarks.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BuiltinAnswerer } from "../inference-bridge/src/backends/builtin-answerer";
import { BuiltinEmbedder } from "../inference-bridge/src/backends/builtin-embedder";
import { ChromaStore } from "../inference-bridge/src/backends/chroma";
import { startChroma } from "../inference-bridge/src/backends/chroma-process";
import { OllamaBackend } from "../inference-bridge/src/backends/ollama";
import type { Embedder, Generator } from "../inference-bridge/src/backends/types";
import { Logger } from "../inference-bridge/src/logger";
import { KnowledgeBase } from "../inference-bridge/src/retrieval/knowledge-base";
import { Reindexer } from "../inference-bridge/src/retrieval/reindex";
import {
  loadLanguageResources,
  type LanguageResources,
} from "../inference-bridge/src/text/language-resources";
import { freePort } from "../inference-bridge/test/support/free-port";
import { TEST_LANGUAGE_DIR } from "../inference-bridge/test/support/language-dir";
import { askCoach, ingestCoach, type QuestionOutcome } from "./answer-quality";
import { loadCoaches } from "./coaches";
import { measureCrisisDetection, printCrisisFigures } from "./crisis-detection";
import { formatFits, leaveOneCoachOut } from "./fit";
import { loadGolden, replayGolden } from "./golden";

const args = process.argv.slice(2);
const fit = args.includes("--fit");
const only = args.flatMap((arg, i) => (args[i - 1] === "--coach" ? [arg] : []));
const BUDGET = { contextTokens: 4096, answerTokens: 512 };

const share = (xs: readonly boolean[]) =>
  xs.length === 0 ? 0 : Math.round((xs.filter(Boolean).length / xs.length) * 1000) / 1000;
const p95 = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0) * 10) /
    10
  );
};

function summary(outcomes: readonly QuestionOutcome[]) {
  const answerable = outcomes.filter((q) => q.kind === "answerable");
  const general = outcomes.filter((q) => q.kind === "general");
  const near = outcomes.filter((q) => q.kind === "near");
  return {
    questions: outcomes.length,
    fact_hit: share(answerable.map((q) => q.factHit)),
    top_citation: share(answerable.map((q) => q.topCitation)),
    answered: share(answerable.map((q) => !q.fellBack)),
    off_topic_fallback: share(general.map((q) => q.fellBack)),
    near_domain_fallback: share(near.map((q) => q.fellBack)),
    prompt_tokens_p95: p95(outcomes.map((q) => q.promptTokens)),
    retrieval_p95_ms: p95(outcomes.map((q) => q.retrievalMs)),
  };
}

async function evaluate(
  name: string,
  embedder: Embedder,
  generator: Generator,
  language: LanguageResources,
  store: ChromaStore,
) {
  const logger = new Logger("error");
  const reindexer = new Reindexer(store, embedder.identity, async () => [], logger);
  const knowledge = new KnowledgeBase({ store, embedder, language, reindexer });
  const stack = { knowledge, embedder, generator, language, budget: BUDGET };
  const outcomes: QuestionOutcome[] = [];
  const coaches = loadCoaches(only);
  for (const coach of coaches) {
    const tenant = `eval_${name.replace(/[^a-z0-9]/gi, "")}_${coach.id.replace(/[^a-z0-9]/gi, "")}_${Date.now()}`;
    await ingestCoach(stack, tenant, coach);
    outcomes.push(...(await askCoach(stack, tenant, coach)));
  }
  const golden = await replayGolden(stack, `eval_golden_${Date.now()}`, loadGolden());
  return {
    embedder: `${embedder.identity.name}@${embedder.identity.version}`,
    model: generator.model,
    outcomes,
    golden,
    coaches: coaches.map((c) => c.id),
  };
}

const dataDir = mkdtempSync(join(tmpdir(), "eval-chroma-"));
const chroma = await startChroma({ dataDir, port: await freePort() });
try {
  const store = new ChromaStore(chroma.url);
  const language = await loadLanguageResources(TEST_LANGUAGE_DIR, (step, progress) =>
    console.log(`preparing ${step}: ${Math.round(progress * 100)} %`),
  );
  const runs = [
    await evaluate(
      "builtin",
      new BuiltinEmbedder(language.vectors),
      new BuiltinAnswerer(),
      language,
      store,
    ),
  ];
  const ollama = new OllamaBackend({
    host: process.env.OLLAMA_HOST ?? "http://127.0.0.1:11434",
    chatModel: "llama3.2:1b",
    embedModel: "nomic-embed-text",
    keepAlive: "5m",
    ...BUDGET,
  });
  const check = await ollama.checkModels();
  if (check.reachable && check.missing.length === 0)
    runs.push(await evaluate("ollama", ollama.embedder, ollama, language, store));
  else
    console.log(
      "Ollama with llama3.2:1b and nomic-embed-text is not available here: evaluated the built-in mode only.",
    );
  ollama.close();
  const results = runs.map((run) => ({
    embedder: run.embedder,
    model: run.model,
    ...summary(run.outcomes),
    golden: run.golden,
    by_coach: Object.fromEntries(
      run.coaches.map((c) => [c, summary(run.outcomes.filter((q) => q.coach === c))]),
    ),
  }));
  for (const r of results) {
    console.log(`\n${r.model} answers, ${r.embedder} retrieval — ${r.questions} questions`);
    console.log("  coach                 fact-hit  top-cite  answered  off-topic fb  near fb");
    for (const [coach, s] of Object.entries(r.by_coach)) {
      console.log(
        `  ${coach.padEnd(20)}  ${String(s.fact_hit).padEnd(8)}  ${String(s.top_citation).padEnd(8)}  ${String(s.answered).padEnd(8)}  ${String(s.off_topic_fallback).padEnd(12)}  ${s.near_domain_fallback}`,
      );
    }
    console.log(
      `  ${"all".padEnd(20)}  ${String(r.fact_hit).padEnd(8)}  ${String(r.top_citation).padEnd(8)}  ${String(r.answered).padEnd(8)}  ${String(r.off_topic_fallback).padEnd(12)}  ${r.near_domain_fallback}`,
    );
    console.log(
      `  prompt tokens p95 ${r.prompt_tokens_p95}   retrieval p95 ${r.retrieval_p95_ms} ms`,
    );
    console.log(
      `  golden cases ${r.golden.cases}: voice score ${r.golden.voice_score}, answered with the curated answer ${r.golden.curated_share}`,
    );
  }
  const crisis = measureCrisisDetection();
  printCrisisFigures(crisis);
  // EVAL_DUMP=<file> keeps every outcome, for looking at answers and features one by one.
  if (process.env.EVAL_DUMP)
    writeFileSync(process.env.EVAL_DUMP, JSON.stringify(runs.map((run) => run.outcomes)));
  if (fit) {
    for (const run of runs) {
      console.log(`\nFits for ${run.embedder} (held out one coach at a time):`);
      for (const row of leaveOneCoachOut(run.outcomes))
        console.log(
          `  ${row.coach.padEnd(20)} best piece holds the fact ${row.best_piece_holds_fact}, answerable answered ${row.answerable_answered}, off-topic fallback ${row.off_topic_fallback}`,
        );
      console.log(formatFits(run.outcomes));
    }
  }
  console.log(
    JSON.stringify({
      bench: "eval-answers",
      results: results.map(({ by_coach, ...rest }) => ({ ...rest, by_coach })),
    }),
  );
  console.log(JSON.stringify({ bench: "eval-crisis", results: crisis }));
} finally {
  await chroma.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

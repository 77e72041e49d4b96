// The sources an answer shows, under their documents' current titles: the bridge's chunks keep the
// title they were stored with until a rename reaches them. Separate from answering the turn because it
// reads D1, and a failure there must not hold the answer back.
import type { Citation } from "@coach/contracts/bridge";
import type { Source } from "@coach/contracts/socket";
import { currentTitles, retitled } from "../../worker/knowledge/document-titles";
import { describeError } from "../../worker/lib/logger";
import type { TurnProcessorDeps } from "./turn-processor";

/**
 * The answer's citations as clients see them. When D1 cannot be read, the bridge's titles are kept
 * rather than holding the answer back.
 */
export async function currentSources(
  deps: Pick<TurnProcessorDeps, "env" | "meta" | "logger">,
  citations: Citation[],
): Promise<Source[]> {
  const sources = citations.map(({ chunk_id: _chunk, ...source }) => source satisfies Source);
  if (sources.length === 0) return sources;
  try {
    return retitled(
      sources,
      await currentTitles(
        deps.env.DB,
        deps.meta().tenantId,
        sources.map((s) => s.document_id),
      ),
    );
  } catch (err) {
    deps.logger.warn("current document titles unavailable", describeError(err));
    return sources;
  }
}

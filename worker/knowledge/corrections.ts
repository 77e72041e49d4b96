// A creator's corrections of answers. Each is a library document of kind `correction` whose original
// is its one question-and-answer pair as Q&A JSON; the bridge stores the pair as a curated answer,
// given word for word. The original is where the words are read back from, for the Corrections screen
// and the golden export, and an edit rewrites it and indexes the document again.
import type { Correction } from "@coach/contracts/content-views";
import type { QaPair } from "@coach/contracts/knowledge";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";
import { requestIngest, type IngestEnv } from "./bridge-ingest";
import { storeOriginal } from "./original-file";
import type { Upload } from "./upload";

/** The upload a correction is stored as: its pair as Q&A JSON, titled with the question. */
export function correctionUpload({ question, answer }: QaPair): Upload {
  return {
    bytes: new TextEncoder().encode(JSON.stringify([{ question, answer }])),
    kind: "correction",
    title: `Correction: ${question}`.slice(0, 300),
  };
}

function toCorrectionJson(row: TenantRow<"documents">, pair: QaPair): Correction {
  return {
    id: row.id,
    question: pair.question,
    answer: pair.answer,
    status: row.status,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

/**
 * The corrections of `rows` with their words; one whose original is gone (removed by retention) is
 * left out, as it has no words to show. The originals are independent reads, so they are fetched together.
 */
export async function readCorrections(
  files: R2Bucket,
  rows: TenantRow<"documents">[],
): Promise<Correction[]> {
  const pairs = await Promise.all(
    rows.map(async (row) =>
      row.r2Key
        ? ((await (await files.get(row.r2Key))?.json()) as QaPair[] | undefined)
        : undefined,
    ),
  );
  return rows.flatMap((row, i) => {
    const pair = pairs[i]?.[0];
    return pair ? [toCorrectionJson(row, pair)] : [];
  });
}

/** Replaces the words of correction `row` with `pair` and indexes it again; the correction as it now stands. */
export async function rewriteCorrection(
  env: IngestEnv,
  gateway: TenantGateway,
  row: TenantRow<"documents">,
  pair: QaPair,
  requestId: string,
): Promise<Correction> {
  const upload = correctionUpload(pair);
  const { key, sha256 } = await storeOriginal(env.FILES, row.tenantId, row.id, upload);
  const rewritten = await gateway.update("documents", row.id, {
    title: upload.title,
    sizeBytes: upload.bytes.byteLength,
    r2Key: key,
    sha256,
    originalRemovedAt: null,
    updatedAt: Date.now(),
  });
  return toCorrectionJson(
    await requestIngest(env, gateway, rewritten, requestId, upload.bytes),
    pair,
  );
}

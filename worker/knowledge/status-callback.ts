// Applies the bridge's signed callbacks: ingestion status to a document's copy at that bridge, and
// reports of questions answered poorly. Each callback is verified with the signing secret of the bridge
// that sent it (contracts/src/signature.ts): the one its body names (`bridge_id`, which the edge sent
// with the ingestion), else whichever of the workspace's bridges signed it. So one bridge cannot report
// another's status. Both are idempotent, so a replay within the signature window changes nothing: a
// status from an older attempt at that bridge, or not newer than the last applied (`seq`), is ignored,
// and a question report is keyed by its conversation and turn.
import type { IngestStatusCallback, QuestionReport } from "@coach/contracts/knowledge";
import { maskPersonalData } from "@coach/contracts/personal-data";
import type { z } from "zod";
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyRequest,
  type SignatureFailureCode,
} from "@coach/contracts/signature";
import { loadPoolMembers, sharedBridge, type PoolMember } from "../bridges/pool-members";
import { forTenant } from "../db/tenant-gateway";
import type { BridgeEnv } from "../lib/bridge-client";
import { AppError, notFound } from "../lib/errors";
import { readBodyWithLimit } from "../lib/body-limit";
import type { Logger } from "../lib/logger";
import { formatIssues } from "../lib/zod-issues";
import { copyId, settleDocument } from "./bridge-copies";

/** Callbacks are small JSON objects; anything bigger is not one. */
const MAX_CALLBACK_BYTES = 16 * 1024;

type CallbackEnv = BridgeEnv & Pick<Env, "DB" | "CHANNEL_SECRETS_KEY">;

/** A verified callback, the bridge that signed it, and the bridges the workspace's documents go to. */
export type SignedCallback<T> = { value: T; bridge: PoolMember; memberIds: string[] };

function claims(value: unknown): { tenantId?: string; bridgeId?: string } {
  if (value === null || typeof value !== "object") return {};
  const tenantId = "tenant_id" in value ? value.tenant_id : undefined;
  const bridgeId = "bridge_id" in value ? value.bridge_id : undefined;
  return {
    ...(typeof tenantId === "string" ? { tenantId } : {}),
    ...(typeof bridgeId === "string" ? { bridgeId } : {}),
  };
}

/**
 * Verifies and parses a callback: 401 with the signature code when no candidate bridge signed it (the
 * one it names, or any of the workspace's), 400 for a malformed body. The tenant and bridge a body
 * names only choose which secrets to try; nothing of it is trusted before the signature holds.
 */
export async function readBridgeCallback<S extends z.ZodType>(
  env: CallbackEnv,
  request: Request,
  schema: S,
  logger: Logger,
  maxBytes: number = MAX_CALLBACK_BYTES,
): Promise<SignedCallback<z.output<S>>> {
  const url = new URL(request.url);
  const body = await readBodyWithLimit(request, maxBytes);
  let value: unknown;
  let json = true;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch {
    json = false;
  }
  const claim = claims(value);
  const members = claim.tenantId
    ? await loadPoolMembers(env, claim.tenantId, logger)
    : [sharedBridge(env)];
  const candidates: PoolMember[] = claim.bridgeId
    ? [...members, sharedBridge(env)].filter((m) => m.id === claim.bridgeId).slice(0, 1)
    : members.some((m) => m.id === sharedBridge(env).id)
      ? members
      : [...members, sharedBridge(env)];
  let refusal: { code: SignatureFailureCode; message: string } = {
    code: "signature_invalid",
    message: "The callback names a bridge this workspace does not have.",
  };
  let signer: PoolMember | undefined;
  for (const candidate of candidates) {
    const verdict = await verifyRequest(candidate.target.BRIDGE_SECRET, {
      method: request.method,
      pathWithQuery: `${url.pathname}${url.search}`,
      body,
      timestampHeader: request.headers.get(TIMESTAMP_HEADER),
      signatureHeader: request.headers.get(SIGNATURE_HEADER),
    });
    if (verdict.ok) {
      signer = candidate;
      break;
    }
    refusal = verdict;
  }
  if (!signer) throw new AppError(401, refusal.code, refusal.message);
  if (!json) throw new AppError(400, "invalid_json", "The callback body is not valid JSON.");
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError(400, "validation_failed", "The callback body is invalid; see details.", {
      details: formatIssues(parsed.error),
    });
  return { value: parsed.data, bridge: signer, memberIds: members.map((m) => m.id) };
}

/** A callback's body must name the document of its path: a 400 otherwise. */
export function requireSameDocument(callback: { document_id: string }, documentId: string): void {
  if (callback.document_id !== documentId)
    throw new AppError(
      400,
      "validation_failed",
      "The callback names another document than its path.",
    );
}

/** Applies a verified status callback to the copy at the bridge that sent it; whether it changed it. */
export async function applyCallback(
  db: D1Database,
  documentId: string,
  { value: callback, bridge, memberIds }: SignedCallback<IngestStatusCallback>,
): Promise<boolean> {
  requireSameDocument(callback, documentId);
  const gateway = forTenant(db, callback.tenant_id);
  await gateway.get("documents", documentId);
  const copy = await gateway.find("documentBridgeStatus", copyId(documentId, bridge.id));
  if (!copy || callback.attempt !== copy.attempt || callback.seq <= copy.seq) return false;
  await gateway.update("documentBridgeStatus", copy.id, {
    status: callback.status,
    reason: callback.status === "failed" ? callback.reason : null,
    seq: callback.seq,
    updatedAt: Date.now(),
  });
  await settleDocument(gateway, documentId, memberIds, {
    ...(callback.status === "ready" ? { chunkCount: callback.chunk_count } : {}),
    pageCount: callback.page_count,
  });
  return true;
}

/**
 * Records a question answered poorly, once per turn (the latest attempt's figures win); never one from
 * a member's test chat. A report about
 * a conversation that no longer exists (erased while its answer was on the way) is refused with 404,
 * so it cannot bring the person's words back.
 */
export async function recordQuestion(db: D1Database, report: QuestionReport): Promise<void> {
  const values = {
    // Kept for the creator to improve the material, who needs the question, not the person's details.
    question: maskPersonalData(report.question),
    confidence: report.confidence,
    grounding: report.grounding,
  };
  const gateway = forTenant(db, report.tenant_id);
  const conversation = await gateway.find("conversations", report.conversation_id);
  if (!conversation) throw notFound("conversation");
  // A member trying the assistant from the dashboard is not a gap in the material.
  if (conversation.test) return;
  try {
    await gateway.upsert(
      "questionGaps",
      {
        id: `${report.conversation_id}:${report.turn_id}`,
        conversationId: report.conversation_id,
        turnId: report.turn_id,
        ...values,
      },
      values,
    );
  } catch {
    // The only expected failure is the tenant's foreign key: a workspace that does not exist (any more).
    throw notFound("workspace");
  }
}

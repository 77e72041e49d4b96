// The original files behind the workspace export's signed links: GET /api/v1/originals/:tenant_id/
// :document_id?expires=…&signature=… answers the file as uploaded, with no sign-in, while the signature
// matches and the link has not expired. The document is looked up in the signed tenant only.
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { forTenant } from "../db/tenant-gateway";
import { AppError, notFound } from "../lib/errors";
import { queryParams } from "../middleware/query-params";
import { assertOriginalLink, originalHeaders } from "../workspace/original-links";

const LinkQuerySchema = z.object({
  expires: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  signature: z.string().min(1).max(128),
});

export const originalRoutes = new Hono<AppEnv>().get(
  "/:tenant_id/:document_id",
  queryParams(LinkQuerySchema),
  async (c) => {
    const { tenant_id: tenantId, document_id: documentId } = c.req.param();
    const { expires, signature } = c.req.valid("query");
    await assertOriginalLink(
      c.env.VISITOR_TOKEN_SECRET,
      { tenantId, documentId, expires },
      signature,
    );
    const row = await forTenant(c.env.DB, tenantId).get("documents", documentId);
    if (row.originalRemovedAt !== null)
      throw new AppError(
        410,
        "original_removed",
        "The original file was removed by the workspace's retention; its passages still answer.",
      );
    const object = row.r2Key ? await c.env.FILES.get(row.r2Key) : null;
    if (!object) throw notFound("original file");
    return new Response(object.body, { headers: originalHeaders(row.title, row.kind) });
  },
);

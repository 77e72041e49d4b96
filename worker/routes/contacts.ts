// GDPR requests for one end user (a contact) of the workspace under /api/v1/contacts: export everything
// stored about them, or erase it from every store, answering with a receipt.
import { Hono, type Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { eraseContact, erasureStores, exportContact } from "../auth/gdpr/contact-data";
import { forPrincipal, type TenantGateway } from "../db/tenant-gateway";
import { authenticate } from "../middleware/authenticate";
import { requirePermission } from "../middleware/require-permission";

type ContactRequest<T> = (
  d1: D1Database,
  gateway: TenantGateway,
  stores: ReturnType<typeof erasureStores>,
  contactId: string,
  requestId: string,
) => Promise<T>;

/** Runs a GDPR request (export or erasure) for contact `id` in the signed-in principal's workspace. */
function runFor<T>(c: Context<AppEnv>, id: string, request: ContactRequest<T>): Promise<T> {
  const gateway = forPrincipal(c.env.DB, c.get("principal"));
  return request(c.env.DB, gateway, erasureStores(c.env), id, c.get("requestId"));
}

export const contactRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/:id/export", requirePermission("contacts:export"), async (c) => {
    const id = c.req.param("id");
    const data = await runFor(c, id, exportContact);
    await recordAudit(c, { action: "contact.exported", target: { type: "contact", id } });
    return c.json(data);
  })
  .delete("/:id", requirePermission("contacts:erase"), async (c) => {
    const id = c.req.param("id");
    const receipt = await runFor(c, id, eraseContact);
    await recordAudit(c, {
      action: receipt.complete ? "contact.erased" : "contact.erasure_incomplete",
      target: { type: "contact", id },
      metadata: { stores: receipt.stores.map((s) => `${s.store}:${s.status}`) },
    });
    return c.json(receipt, receipt.complete ? 200 : 202);
  });

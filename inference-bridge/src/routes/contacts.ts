/**
 * GDPR erasure of one end user (contact) at the home server, called by the edge when an owner erases a
 * contact. The bridge answers turns and forgets them: it stores no conversation text, and its logs carry
 * ids (request, tenant, conversation), never what anyone said. The only per-tenant data it holds is the
 * creator's own material in Chroma, which belongs to the creator, not to the contact. So there is nothing
 * of the contact to erase here, and the answer says so explicitly rather than with silence.
 */
import { TenantIdSchema } from "@coach/contracts/bridge";
import { Hono } from "hono";
import { z } from "zod";
import { AppError } from "../errors";
import type { AppEnv } from "../http/app-env";

const ContactIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/);

/** What `DELETE /v1/contacts/:tenant_id/:contact_id` answers. */
export interface EraseContactResponse {
  tenant_id: string;
  contact_id: string;
  erased: number;
  stores: { chroma: number; logs: "ids only" };
}

/** Sub-app with `DELETE /v1/contacts/:tenant_id/:contact_id`. */
export function contactRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().delete("/v1/contacts/:tenant_id/:contact_id", (c) => {
    const tenant = TenantIdSchema.safeParse(c.req.param("tenant_id"));
    const contact = ContactIdSchema.safeParse(c.req.param("contact_id"));
    if (!tenant.success || !contact.success)
      throw new AppError(400, "invalid_request", "The tenant or contact id is malformed.");
    c.get("log").info("contact erasure: nothing stored", { tenant_id: tenant.data });
    return c.json({
      tenant_id: tenant.data,
      contact_id: contact.data,
      erased: 0,
      stores: { chroma: 0, logs: "ids only" },
    } satisfies EraseContactResponse);
  });
}

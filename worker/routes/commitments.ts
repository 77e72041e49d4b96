// Commitments and reminders users made in conversation, for creators: one contact's
// (`/api/v1/contacts/:id/commitments`) and the whole workspace's (`/api/v1/commitments?status=`),
// newest first and paged. They are recorded by the conversation rooms, never through this API.
import { CommitmentStatusSchema } from "@coach/contracts/commitments";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { commitmentView, listCommitments } from "../db/commitment-store";
import { forPrincipal } from "../db/tenant-gateway";
import { authenticate } from "../middleware/authenticate";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";

const PageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `status` is one status or several separated by commas (`asked,not_yet`). */
const ListSchema = PageSchema.extend({
  status: z
    .string()
    .transform((s) => s.split(",").map((part) => part.trim()))
    .pipe(z.array(CommitmentStatusSchema).min(1).max(6))
    .optional(),
});

/** Mounted at /contacts: the commitments of one contact. */
export const contactCommitmentRoutes = new Hono<AppEnv>()
  .use("/:id/commitments", authenticate())
  .get(
    "/:id/commitments",
    requirePermission("enrollments:read"),
    queryParams(ListSchema),
    async (c) => {
      const principal = c.get("principal");
      const contact = await forPrincipal(c.env.DB, principal).get("contacts", c.req.param("id"));
      const query = c.req.valid("query");
      const page = await listCommitments(c.env.DB, principal.tenantId, {
        contactId: contact.id,
        statuses: query.status,
        limit: query.limit,
        offset: query.offset,
      });
      return c.json({ commitments: page.rows.map(commitmentView), next_offset: page.nextOffset });
    },
  );

/** Mounted at /commitments: every contact's, for the creator's overview. */
export const commitmentRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/", requirePermission("enrollments:read"), queryParams(ListSchema), async (c) => {
    const principal = c.get("principal");
    const query = c.req.valid("query");
    const page = await listCommitments(c.env.DB, principal.tenantId, {
      statuses: query.status,
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({ commitments: page.rows.map(commitmentView), next_offset: page.nextOffset });
  });

// The dashboard's test chat: a member opens a conversation with the assistant over the same socket
// visitors use, without adding the dashboard to the widget's sites. The conversation is marked as a
// test (worker/widget/visitor-session.ts), so the inbox labels it and the analytics and gaps leave it out.
import { Hono } from "hono";
import { findUserById } from "../db/accounts";
import { forPrincipal } from "../db/tenant-gateway";
import type { AppEnv } from "../lib/app-env";
import { authenticate } from "../middleware/authenticate";
import { requirePermission } from "../middleware/require-permission";
import { sessionResponse } from "../widget/session-response";
import { openTestSession } from "../widget/visitor-session";

export const testChatRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .post("/session", requirePermission("knowledge:read"), async (c) => {
    const principal = c.get("principal");
    const user = await findUserById(c.env.DB, principal.subjectId);
    const session = await openTestSession(forPrincipal(c.env.DB, principal), {
      userId: principal.subjectId,
      name: user?.fullName ?? "a member",
    });
    // The socket is opened from the dashboard's page; a script without an Origin gets none to match.
    const response = await sessionResponse(
      c.env,
      c.req.url,
      principal.tenantId,
      session,
      c.req.header("Origin") ?? "",
    );
    c.header("Cache-Control", "no-store");
    return c.json(response, 201);
  });

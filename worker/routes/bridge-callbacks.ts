// Signed callbacks from the inference bridge. No workspace credentials: the HMAC signature (same scheme
// as edge → bridge, same BRIDGE_SECRET) is the authentication, and the tenant comes from the signed body.
import { IngestStatusCallbackSchema, QuestionReportSchema } from "@coach/contracts/knowledge";
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { applyCallback, readSignedCallback, recordQuestion } from "../knowledge/status-callback";

export const bridgeCallbackRoutes = new Hono<AppEnv>()
  .post("/documents/:id/status", async (c) => {
    const callback = await readSignedCallback(c.req.raw, c.env.BRIDGE_SECRET, IngestStatusCallbackSchema);
    const applied = await applyCallback(c.env.DB, c.req.param("id"), callback);
    return c.json({ applied });
  })
  .post("/questions", async (c) => {
    await recordQuestion(c.env.DB, await readSignedCallback(c.req.raw, c.env.BRIDGE_SECRET, QuestionReportSchema));
    return c.json({ recorded: true });
  });

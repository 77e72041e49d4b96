// A workspace's own inference bridges (settings): list them with what the pool knows of each (circuit
// state, load), register one (its signing secret is answered once, when the edge made it up), change
// or remove one. Secrets are stored sealed and never answered again. Every change is audited and
// tells the workspace's BridgePool, which routes the next turn with the new list and back-fills a new
// bridge from the originals before it answers.
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { assertUnderQuota } from "../billing/platform-quotas";
import { checkBridgeUrl } from "../bridges/bridge-url";
import { openBridgeSecrets, sealBridgeSecrets } from "../bridges/bridge-secrets";
import { toBridgeJson } from "../bridges/bridge-view";
import { forgetBridgeCopies } from "../db/bridge-copy-store";
import { forPrincipal } from "../db/tenant-gateway";
import { bridgePoolFor, type PoolMemberStatus } from "../lib/bridge-pools";
import { AppError } from "../lib/errors";
import { newSecret } from "../lib/ids";
import { describeError } from "../lib/logger";
import { authenticate } from "../middleware/authenticate";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";
import { settingsRows } from "./settings-rows";

/** Most bridges one workspace may register. */
const MAX_BRIDGES = 16;

const Name = z.string().trim().min(1).max(80);
const Url = z.string().trim().min(1).max(2048);
/** The bridge refuses a BRIDGE_SECRET shorter than 32 characters. */
const Secret = z.string().min(32, "At least 32 characters, as the bridge requires.").max(512);
const AccessClientId = z.string().trim().min(1).max(200);
const AccessClientSecret = z.string().min(1).max(512);

const CreateSchema = z
  .object({
    name: Name,
    url: Url,
    /** The bridge's BRIDGE_SECRET; left out, the edge makes one up and answers it once. */
    secret: Secret.optional(),
    access_client_id: AccessClientId.optional(),
    access_client_secret: AccessClientSecret.optional(),
  })
  .refine((b) => (b.access_client_id === undefined) === (b.access_client_secret === undefined), {
    message: "Send the Access service token's client id and secret together, or neither.",
    path: ["access_client_secret"],
  });

const PatchSchema = z
  .object({
    name: Name.optional(),
    url: Url.optional(),
    secret: Secret.optional(),
    /** null takes the Access service token away. */
    access_client_id: AccessClientId.nullable().optional(),
    access_client_secret: AccessClientSecret.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: "Send at least one of name, url, secret, access_client_id, access_client_secret.",
  })
  .refine((b) => !(b.access_client_id === null && b.access_client_secret !== undefined), {
    message: "access_client_id null removes the Access service token; send no secret with it.",
    path: ["access_client_secret"],
  });

async function originOf(c: Context<AppEnv>, raw: string): Promise<string> {
  const checked = await checkBridgeUrl(c.env, raw);
  if ("problem" in checked) throw new AppError(400, checked.problem.code, checked.problem.message);
  return checked.origin;
}

/** The pool's view of its bridges; the list still answers (without it) when the pool cannot be asked. */
async function poolStatus(c: Context<AppEnv>): Promise<Map<string, PoolMemberStatus>> {
  try {
    const statuses = await bridgePoolFor(c.env, c.get("principal").tenantId).status(
      c.get("principal").tenantId,
    );
    return new Map(statuses.map((s) => [s.id, s]));
  } catch (err) {
    c.get("logger").warn("bridge pool status unavailable", describeError(err));
    return new Map();
  }
}

/**
 * Tells the pool its list changed, so the next turn is routed with it. The change is saved either way:
 * a pool that cannot be told reads the list again within half a minute.
 */
async function poolChanged(c: Context<AppEnv>): Promise<void> {
  const tenantId = c.get("principal").tenantId;
  try {
    await bridgePoolFor(c.env, tenantId).membersChanged(tenantId);
  } catch (err) {
    c.get("logger").warn("bridge pool not told of the change", describeError(err));
  }
}

export const bridgeRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/", requirePermission("settings:read"), async (c) => {
    const rows = await settingsRows(c, "bridges");
    const status = rows.length > 0 ? await poolStatus(c) : new Map<string, PoolMemberStatus>();
    return c.json({ bridges: rows.map((row) => toBridgeJson(row, status.get(row.id))) });
  })
  .post("/", ...guardedJson("settings:write", CreateSchema, 16 * 1024), async (c) => {
    const principal = c.get("principal");
    const body = c.req.valid("json");
    const url = await originOf(c, body.url);
    const gateway = forPrincipal(c.env.DB, principal);
    await assertUnderQuota(c.env, gateway, "bridges");
    if ((await gateway.count("bridges")) >= MAX_BRIDGES)
      throw new AppError(
        409,
        "too_many_bridges",
        `A workspace may have at most ${MAX_BRIDGES} bridges. Remove one you no longer use first.`,
      );
    const id = crypto.randomUUID();
    const secret = body.secret ?? `brsec_${newSecret()}`;
    const row = await gateway.insert("bridges", {
      id,
      name: body.name,
      url,
      accessClientId: body.access_client_id ?? null,
      secretsEncrypted: await sealBridgeSecrets(c.env, id, {
        secret,
        ...(body.access_client_secret ? { access_client_secret: body.access_client_secret } : {}),
      }),
      createdBy: principal.subjectId,
    });
    await recordAudit(c, {
      action: "bridge.created",
      target: { type: "bridge", id },
      metadata: { name: row.name, url, access: row.accessClientId !== null },
    });
    await poolChanged(c);
    // A secret the edge made up is shown this once, to be put as the bridge's BRIDGE_SECRET.
    return c.json({ ...toBridgeJson(row), ...(body.secret ? {} : { secret }) }, 201);
  })
  .patch("/:id", ...guardedJson("settings:write", PatchSchema, 16 * 1024), async (c) => {
    const body = c.req.valid("json");
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const existing = await gateway.get("bridges", c.req.param("id"));
    const url = body.url === undefined ? existing.url : await originOf(c, body.url);
    const accessClientId =
      body.access_client_id === undefined ? existing.accessClientId : body.access_client_id;
    const resealed = body.secret !== undefined || body.access_client_id !== undefined;
    let secretsEncrypted = existing.secretsEncrypted;
    if (resealed || body.access_client_secret !== undefined) {
      const current = await openBridgeSecrets(c.env, existing.id, existing.secretsEncrypted);
      const accessSecret =
        accessClientId === null
          ? undefined
          : (body.access_client_secret ?? current.access_client_secret);
      if (accessClientId !== null && accessSecret === undefined)
        throw new AppError(
          400,
          "validation_failed",
          "An Access service token needs its client secret: send access_client_secret too.",
        );
      secretsEncrypted = await sealBridgeSecrets(c.env, existing.id, {
        secret: body.secret ?? current.secret,
        ...(accessSecret ? { access_client_secret: accessSecret } : {}),
      });
    }
    const row = await gateway.update("bridges", existing.id, {
      name: body.name ?? existing.name,
      url,
      accessClientId,
      secretsEncrypted,
      updatedAt: Date.now(),
    });
    await recordAudit(c, {
      action: "bridge.updated",
      target: { type: "bridge", id: existing.id },
      // What changed, never a secret.
      metadata: {
        fields: Object.entries(body)
          .filter(([, value]) => value !== undefined)
          .map(([field]) => field),
      },
    });
    await poolChanged(c);
    return c.json(toBridgeJson(row));
  })
  .delete("/:id", requirePermission("settings:write"), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const existing = await gateway.get("bridges", c.req.param("id"));
    await gateway.remove("bridges", existing.id);
    await forgetBridgeCopies(c.env.DB, c.get("principal").tenantId, existing.id);
    await recordAudit(c, {
      action: "bridge.deleted",
      target: { type: "bridge", id: existing.id },
      metadata: { name: existing.name, url: existing.url },
    });
    await poolChanged(c);
    return c.json({ id: existing.id, deleted: true });
  });

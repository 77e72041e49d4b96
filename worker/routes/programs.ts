// Coaching programs under /api/v1/programs: a creator's step graphs, validated before they are saved
// (422 `program_invalid` with every problem located at its node) and versioned: a PUT that changes the
// steps saves a new immutable version, while enrolled users stay on the version they joined. DELETE
// archives (no new enrolments; running ones continue).
import {
  ProgramCreateSchema,
  ProgramUpdateSchema,
  type ProgramSteps,
} from "@coach/contracts/programs";
import { and, desc, eq, inArray } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { newId } from "../lib/ids";
import { forPrincipal, type TenantGateway } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import { authenticate } from "../middleware/authenticate";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";
import { programSteps, programView, versionView, type ProgramRow } from "../programs/program-store";
import { assertValidProgram } from "../programs/validate-program";
import { PageQuerySchema } from "./page-query";

const MAX_PROGRAM_BYTES = 256 * 1024;

/** What both program writes run first: the permission, then a body with room for a large step graph. */
const programBody = <S extends z.ZodType>(schema: S) =>
  guardedJson("programs:write", schema, MAX_PROGRAM_BYTES);

/** A page names at most this many programs by id (D1 binds at most 100 values per statement). */
const MAX_IDS = 50;

const ListQuerySchema = PageQuerySchema.extend({
  status: z.enum(["active", "archived"]).optional(),
  /** Only these programs (comma-separated ids): how a screen names the programs its rows point to. */
  ids: z
    .string()
    .transform((value) => [...new Set(value.split(",").map((id) => id.trim()))])
    .pipe(
      z
        .array(z.string().min(1, "an empty id").max(64, "an id of at most 64 characters"))
        .max(MAX_IDS, `at most ${MAX_IDS} ids at once`),
    )
    .optional(),
});

/** 409 when another program of the workspace already uses the slug or keyword. */
async function assertUnique(
  gateway: TenantGateway,
  fields: { slug?: string; keyword?: string | null },
  exceptId?: string,
): Promise<void> {
  // An empty keyword is no keyword: only a given slug or a non-empty keyword can clash.
  const claimed = [
    { field: "slug", value: fields.slug },
    { field: "keyword", value: fields.keyword || undefined },
  ] as const;
  for (const { field, value } of claimed) {
    if (value === undefined) continue;
    const [taken] = await gateway.list("programs", {
      where: (t) => eq(t[field], value),
      limit: 1,
    });
    if (taken && taken.id !== exceptId)
      throw new AppError(
        409,
        `${field}_taken`,
        `Another program already uses the ${field} "${value}". Choose another one.`,
      );
  }
}

async function saveVersion(
  gateway: TenantGateway,
  programId: string,
  version: number,
  steps: ProgramSteps,
  createdBy: string,
): Promise<void> {
  try {
    await gateway.insert("programVersions", { id: newId(), programId, version, steps, createdBy });
  } catch {
    // The (tenant, program, version) unique index: someone saved a version at the same moment.
    throw new AppError(
      409,
      "version_conflict",
      "The program was changed by someone else just now. Reload it and save again.",
    );
  }
}

function sameSteps(a: ProgramSteps, b: ProgramSteps): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const programRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/", requirePermission("programs:read"), queryParams(ListQuerySchema), async (c) => {
    const { status, ids, limit, offset } = c.req.valid("query");
    const { rows, nextOffset } = await forPrincipal(c.env.DB, c.get("principal")).page("programs", {
      where: (t) =>
        and(status ? eq(t.status, status) : undefined, ids ? inArray(t.id, ids) : undefined),
      orderBy: (t) => [desc(t.updatedAt), desc(t.id)],
      limit,
      offset,
    });
    const programs = rows.map((row) => {
      const { steps: _steps, ...summary } = programView(row, { nodes: [], edges: [] });
      return summary;
    });
    return c.json({ programs, next_offset: nextOffset });
  })
  .post("/", ...programBody(ProgramCreateSchema), async (c) => {
    const principal = c.get("principal");
    const input = c.req.valid("json");
    assertValidProgram(input.steps);
    const gateway = forPrincipal(c.env.DB, principal);
    await assertUnique(gateway, input);
    const id = newId();
    let row: ProgramRow;
    try {
      row = await gateway.insert("programs", {
        id,
        name: input.name,
        goal: input.goal,
        slug: input.slug,
        keyword: input.keyword ?? null,
        version: 1,
        createdBy: principal.subjectId,
      });
    } catch {
      throw new AppError(
        409,
        "slug_taken",
        "Another program was just saved with this slug or keyword. Choose another one.",
      );
    }
    await saveVersion(gateway, id, 1, input.steps, principal.subjectId);
    await recordAudit(c, {
      action: "program.created",
      target: { type: "program", id },
      metadata: { version: 1, slug: input.slug },
    });
    return c.json(programView(row, input.steps), 201);
  })
  .get("/:id", requirePermission("programs:read"), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const row = await gateway.get("programs", c.req.param("id"));
    return c.json(programView(row, await programSteps(gateway, row.id, row.version)));
  })
  .get("/:id/versions", requirePermission("programs:read"), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const row = await gateway.get("programs", c.req.param("id"));
    const versions = await gateway.list("programVersions", {
      where: (t) => and(eq(t.programId, row.id)),
      orderBy: (t) => desc(t.version),
    });
    return c.json({
      program_id: row.id,
      current_version: row.version,
      versions: versions.map(versionView),
    });
  })
  .put("/:id", ...programBody(ProgramUpdateSchema), async (c) => {
    const principal = c.get("principal");
    const input = c.req.valid("json");
    const gateway = forPrincipal(c.env.DB, principal);
    const current = await gateway.get("programs", c.req.param("id"));
    const currentSteps = await programSteps(gateway, current.id, current.version);
    await assertUnique(gateway, { slug: input.slug, keyword: input.keyword }, current.id);
    const stepsChanged = input.steps !== undefined && !sameSteps(input.steps, currentSteps);
    if (input.steps && stepsChanged) assertValidProgram(input.steps);
    const version = stepsChanged ? current.version + 1 : current.version;
    if (stepsChanged && input.steps)
      await saveVersion(gateway, current.id, version, input.steps, principal.subjectId);
    const row = await gateway.update("programs", current.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.goal !== undefined ? { goal: input.goal } : {}),
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      ...(input.keyword !== undefined ? { keyword: input.keyword } : {}),
      version,
      updatedAt: Date.now(),
    });
    await recordAudit(c, {
      action: "program.updated",
      target: { type: "program", id: row.id },
      metadata: { version, new_version: stepsChanged },
    });
    return c.json(programView(row, stepsChanged && input.steps ? input.steps : currentSteps));
  })
  .delete("/:id", requirePermission("programs:write"), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const current = await gateway.get("programs", c.req.param("id"));
    const row = await gateway.update("programs", current.id, {
      status: "archived",
      updatedAt: Date.now(),
    });
    if (current.status !== "archived")
      await recordAudit(c, { action: "program.archived", target: { type: "program", id: row.id } });
    return c.json(programView(row, await programSteps(gateway, row.id, row.version)));
  });

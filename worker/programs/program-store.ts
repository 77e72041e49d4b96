// Programs and their versions as the API and the channels read them, through the tenant gateway:
// the JSON view, lookups by slug (Telegram, the widget) and keyword (WhatsApp), and a version's steps.
import type { ProgramSteps, ProgramVersionView, ProgramView } from "@coach/contracts/programs";
import { and, eq } from "drizzle-orm";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";
import { notFound } from "../lib/errors";

export type ProgramRow = TenantRow<"programs">;

/** The steps of one version of a program; 404 when it does not exist. */
export async function programSteps(
  gateway: TenantGateway,
  programId: string,
  version: number,
): Promise<ProgramSteps> {
  const [row] = await gateway.list("programVersions", {
    where: (t) => and(eq(t.programId, programId), eq(t.version, version)),
    limit: 1,
  });
  if (!row) throw notFound("program version");
  return row.steps;
}

export function versionView(row: TenantRow<"programVersions">): ProgramVersionView {
  return {
    version: row.version,
    steps: row.steps,
    created_at: row.createdAt,
    created_by: row.createdBy,
  };
}

/** A program as the API answers it; `steps` are those of its current version. */
export function programView(row: ProgramRow, steps: ProgramSteps): ProgramView {
  return {
    id: row.id,
    name: row.name,
    goal: row.goal,
    slug: row.slug,
    keyword: row.keyword,
    status: row.status,
    version: row.version,
    steps,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

/** The active program users join with `slug` (Telegram `/start <slug>`, the widget). */
export async function activeProgramBySlug(
  gateway: TenantGateway,
  slug: string,
): Promise<ProgramRow | undefined> {
  const [row] = await gateway.list("programs", {
    where: (t) => and(eq(t.slug, slug.toLowerCase()), eq(t.status, "active")),
    limit: 1,
  });
  return row;
}

/** The active program whose WhatsApp keyword is `text` (upper-cased, single-spaced first). */
export async function activeProgramByKeyword(
  gateway: TenantGateway,
  text: string,
): Promise<ProgramRow | undefined> {
  const keyword = text.trim().replace(/\s+/g, " ").toUpperCase();
  if (keyword.length < 2 || keyword.length > 40) return undefined;
  const [row] = await gateway.list("programs", {
    where: (t) => and(eq(t.keyword, keyword), eq(t.status, "active")),
    limit: 1,
  });
  return row;
}

// The whole workspace as one JSON document (owners and admins), field by field as in
// contracts/src/workspace-export.ts: settings, team, programs with every version, rules, webhooks, the
// plans sold and each person's membership (plan and status only), the library with signed links to its
// original files, corrections, contacts, and every conversation with its messages read from its room. Streamed: the long sections are read a page at a time while the
// answer is written, so a big workspace never sits in the Worker's memory whole.
import type { WorkspaceExport } from "@coach/contracts/workspace-export";
import { asc, eq, ne } from "drizzle-orm";
import { roomEraser } from "../auth/gdpr/conversation-store";
import { planView } from "../billing/plans";
import { loadTeam } from "../auth/team";
import { toBridgeJson } from "../bridges/bridge-view";
import { channelView } from "../channels/channel-view";
import { oldestFirst } from "../db/creation-order";
import type { Page } from "../db/page";
import { loadRetention } from "../db/retention-store";
import type { ListOptions, TenantGateway, TenantRow, TenantTableName } from "../db/tenant-gateway";
import type { WorkspaceRow } from "../db/workspace-store";
import { toWebhookJson } from "../integrations/webhook-view";
import { readCorrections } from "../knowledge/corrections";
import { toDocumentJson } from "../knowledge/document-view";
import { jsonObjectStream } from "../lib/json-stream";
import { loadPersona } from "../persona/load-persona";
import { programSteps, programView, versionView } from "../programs/program-store";
import { ruleView } from "../programs/rule-view";
import { loadSafetySettings } from "../safety/safety-settings";
import { toWidgetView } from "../widget/widget-store";
import { ORIGINAL_LINK_TTL_SECONDS, originalLink } from "./original-links";

/** Rows read per query of a long section. */
const PAGE = 50;

/** Each section of the export: an array section may also come as an async iterable of its items. */
type Sections = {
  [K in keyof WorkspaceExport]: WorkspaceExport[K] extends (infer Item)[]
    ? Item[] | AsyncIterable<Item>
    : WorkspaceExport[K];
};

type ExportEnv = Pick<
  Env,
  "DB" | "FILES" | "CONVERSATION_ROOM" | "CHANNEL_SECRETS_KEY" | "VISITOR_TOKEN_SECRET"
>;

/** Every row of `name` that `options` select, a page at a time (`orderBy` must make the order total). */
async function* pages<N extends TenantTableName>(
  gateway: TenantGateway,
  name: N,
  options: Pick<ListOptions<N>, "where" | "orderBy">,
): AsyncGenerator<TenantRow<N>[]> {
  let offset: number | null = 0;
  while (offset !== null) {
    const page: Page<TenantRow<N>> = await gateway.page(name, { ...options, limit: PAGE, offset });
    yield page.rows;
    offset = page.nextOffset;
  }
}

async function* mapped<Row, Item>(
  source: AsyncIterable<Row[]>,
  toItem: (row: Row) => Promise<Item> | Item,
): AsyncGenerator<Item> {
  for await (const rows of source) for (const row of rows) yield await toItem(row);
}

/** The export's status line for the audit log, and its body as a stream. */
export async function exportWorkspace(
  env: ExportEnv,
  gateway: TenantGateway,
  workspace: WorkspaceRow,
  origin: string,
): Promise<{ conversations: number; body: ReadableStream<Uint8Array> }> {
  const tenantId = gateway.tenantId;
  const expires = Math.floor(Date.now() / 1000) + ORIGINAL_LINK_TTL_SECONDS;
  const [persona, widgets, channels, team, webhooks, safety, retention, conversations] =
    await Promise.all([
      loadPersona(env.DB, tenantId),
      gateway.list("widgets"),
      gateway.list("channels", { where: (t) => ne(t.kind, "web"), orderBy: oldestFirst }),
      loadTeam(env.DB, gateway),
      gateway.list("webhookEndpoints", { orderBy: oldestFirst }),
      loadSafetySettings(env.DB, tenantId),
      loadRetention(env.DB, tenantId),
      gateway.count("conversations"),
    ]);
  const rooms = roomEraser(env);
  const sections: Sections = {
    workspace: {
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      created_at: workspace.createdAt,
    },
    exported_at: new Date().toISOString(),
    originals_expire_at: new Date(expires * 1000).toISOString(),
    persona: { version: persona.version, ...persona.persona },
    widget: widgets[0] ? toWidgetView(widgets[0]) : null,
    channels: await Promise.all(channels.map((row) => channelView(env, row, origin))),
    team,
    webhooks: webhooks.map(toWebhookJson),
    bridges: (await gateway.list("bridges", { orderBy: oldestFirst })).map((row) =>
      toBridgeJson(row),
    ),
    safety: { crisis_resources: safety.crisis, model_redaction: safety.redaction },
    retention: retention.settings,
    programs: mapped(pages(gateway, "programs", { orderBy: oldestFirst }), async (program) => {
      const versions = await gateway.list("programVersions", {
        where: (t) => eq(t.programId, program.id),
        orderBy: (t) => asc(t.version),
      });
      const steps =
        versions.find((v) => v.version === program.version)?.steps ??
        (await programSteps(gateway, program.id, program.version));
      return { ...programView(program, steps), versions: versions.map(versionView) };
    }),
    coaching_rules: mapped(pages(gateway, "coachingRules", { orderBy: oldestFirst }), ruleView),
    plans: mapped(pages(gateway, "billingPlans", { orderBy: oldestFirst }), planView),
    memberships: mapped(
      pages(gateway, "billingSubscriptions", { orderBy: oldestFirst }),
      (sub) => ({
        contact_id: sub.contactId,
        plan_id: sub.planId,
        status: sub.status,
        cancel_at_period_end: sub.cancelAtPeriodEnd,
        current_period_end: sub.currentPeriodEnd,
        canceled_at: sub.canceledAt,
      }),
    ),
    documents: mapped(pages(gateway, "documents", { orderBy: oldestFirst }), async (row) => ({
      ...toDocumentJson(row),
      original_url:
        row.r2Key && row.originalRemovedAt === null
          ? await originalLink(env.VISITOR_TOKEN_SECRET, origin, {
              tenantId,
              documentId: row.id,
              expires,
            })
          : null,
    })),
    corrections: (async function* () {
      for await (const rows of pages(gateway, "documents", {
        where: (t) => eq(t.kind, "correction"),
        orderBy: oldestFirst,
      }))
        yield* await readCorrections(env.FILES, rows);
    })(),
    contacts: mapped(pages(gateway, "contacts", { orderBy: oldestFirst }), (c) => ({
      id: c.id,
      channel: c.channel,
      external_id: c.externalId,
      display_name: c.displayName,
      email: c.email,
      locale: c.locale,
      language: c.language,
      site: c.site,
      timezone: c.timezone,
      consent_at: c.consentAt,
      opted_out_at: c.optedOutAt,
      last_seen_at: c.lastSeenAt,
      unreachable_at: c.unreachableAt,
      unreachable_reason: c.unreachableReason,
      created_at: c.createdAt,
    })),
    conversations: mapped(
      pages(gateway, "conversations", { orderBy: (t) => [asc(t.startedAt), asc(t.id)] }),
      async (conversation) => ({
        id: conversation.id,
        contact_id: conversation.contactId,
        channel: conversation.channel,
        status: conversation.status,
        test: conversation.test,
        started_at: conversation.startedAt,
        last_message_at: conversation.lastMessageAt,
        messages: await rooms.exportConversation(tenantId, conversation.id),
      }),
    ),
  };
  return { conversations, body: jsonObjectStream(sections) };
}

// The Graph stand-in's message templates of a WhatsApp Business Account (WABA), as the Business
// Management API serves them: GET /<version>/<waba id>/message_templates answers `data` with the fields
// asked for in `fields` (plus `id`, which Graph always adds; the documented defaults without it), a page
// of `limit` (default 25) after the `after` cursor, and `paging.cursors` (with `paging.next` only when
// more follow); a field the template node does not have is error 100. DELETE …?name=<name> deletes
// every language of that name (`hsm_id` narrows it to one) and answers `{success: true}`; a name the
// account does not have, or no name at all, is error 100. Every WABA starts with the same templates:
// one in each status and category, two languages of one name, and enough more for a second page.
import type { IncomingMessage, ServerResponse } from "node:http";

export type StandInTemplate = {
  id: string;
  name: string;
  language: string;
  status: "APPROVED" | "PENDING" | "REJECTED" | "PAUSED" | "DISABLED";
  category: "MARKETING" | "UTILITY" | "AUTHENTICATION";
  parameter_format: "POSITIONAL";
  components: { type: "BODY"; text: string }[];
};

/** The fields of a template node (developers.facebook.com/docs/graph-api/reference/whats-app-business-hsm). */
const NODE_FIELDS = new Set([
  "id",
  "name",
  "status",
  "category",
  "language",
  "components",
  "parameter_format",
  "quality_score",
  "rejected_reason",
  "previous_category",
  "sub_category",
  "correct_category",
  "library_template_name",
  "message_send_ttl_seconds",
  "cta_url_link_tracking_opted_out",
]);

/** What Graph answers without `fields` (the Template management guide's example). */
const DEFAULT_FIELDS = ["name", "parameter_format", "components", "language", "status", "category"];

/** Graph's default page size for this edge. */
const DEFAULT_LIMIT = 25;

function seed(waba: string): StandInTemplate[] {
  const template = (
    n: number,
    name: string,
    language: string,
    status: StandInTemplate["status"],
    category: StandInTemplate["category"],
  ): StandInTemplate => ({
    id: `${waba}${String(n).padStart(4, "0")}`,
    name,
    language,
    status,
    category,
    parameter_format: "POSITIONAL",
    components: [{ type: "BODY", text: `${name}: {{1}}` }],
  });
  return [
    template(1, "coach_checkin", "en_US", "APPROVED", "UTILITY"),
    template(2, "coach_checkin", "es", "APPROVED", "UTILITY"),
    template(3, "spring_offer", "en_US", "PENDING", "MARKETING"),
    template(4, "weekly_digest", "en_US", "REJECTED", "MARKETING"),
    template(5, "login_code", "en_US", "APPROVED", "AUTHENTICATION"),
    template(6, "old_reminder", "en_US", "PAUSED", "UTILITY"),
    template(7, "retired_promo", "en_US", "DISABLED", "MARKETING"),
    ...Array.from({ length: 24 }, (_, i) =>
      template(8 + i, `daily_nudge_${String(i + 1).padStart(2, "0")}`, "en", "APPROVED", "UTILITY"),
    ),
  ];
}

function graphError(res: ServerResponse, status: number, code: number, message: string): void {
  res
    .writeHead(status, { "Content-Type": "application/json" })
    .end(
      JSON.stringify({ error: { message, type: "OAuthException", code, fbtrace_id: "Astand" } }),
    );
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

const cursorOf = (id: string) => Buffer.from(`template:${id}`).toString("base64url");

function idOfCursor(cursor: string): string | null {
  const decoded = Buffer.from(cursor, "base64url").toString();
  return decoded.startsWith("template:") ? decoded.slice("template:".length) : null;
}

/** The message templates of every WABA the tests touch, created on first use. */
export class TemplatesStandIn {
  private readonly accounts = new Map<string, StandInTemplate[]>();

  private templates(waba: string): StandInTemplate[] {
    let list = this.accounts.get(waba);
    if (!list) this.accounts.set(waba, (list = seed(waba)));
    return list;
  }

  /** Answers a message_templates request; false when `url` is not one. */
  handle(req: IncomingMessage, url: URL, res: ServerResponse): boolean {
    const match = /^\/v[\d.]+\/(\d+)\/message_templates$/.exec(url.pathname);
    if (!match?.[1]) return false;
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (token === "" || token.startsWith("invalid")) {
      graphError(res, 401, 190, "Invalid OAuth access token.");
      return true;
    }
    if (req.method === "GET") this.list(match[1], url.searchParams, res);
    else if (req.method === "DELETE") this.remove(match[1], url.searchParams, res);
    else graphError(res, 400, 100, "(#100) Unsupported request method.");
    return true;
  }

  private list(waba: string, query: URLSearchParams, res: ServerResponse): void {
    const asked = query.get("fields");
    const fields = asked === null ? DEFAULT_FIELDS : asked.split(",").map((f) => f.trim());
    const unknown = fields.find((f) => !NODE_FIELDS.has(f));
    if (unknown !== undefined)
      return graphError(
        res,
        400,
        100,
        `(#100) Tried accessing nonexisting field (${unknown}) on node type (WhatsAppBusinessHSM)`,
      );
    const limit = Number(query.get("limit") ?? DEFAULT_LIMIT);
    if (!Number.isInteger(limit) || limit < 1)
      return graphError(res, 400, 100, "(#100) Param limit must be a positive integer");
    const all = this.templates(waba);
    let start = 0;
    const after = query.get("after");
    if (after !== null) {
      const at = all.findIndex((t) => t.id === idOfCursor(after));
      if (at < 0) return graphError(res, 400, 100, "(#100) The after cursor is not valid");
      start = at + 1;
    }
    const page = all.slice(start, start + limit);
    const data = page.map((t) =>
      Object.fromEntries(
        [...new Set([...fields, "id"])].flatMap((f) =>
          f in t ? [[f, t[f as keyof StandInTemplate]]] : [],
        ),
      ),
    );
    const first = page[0];
    const last = page.at(-1);
    const more = start + limit < all.length;
    const next = new URLSearchParams(query);
    if (last) next.set("after", cursorOf(last.id));
    json(res, {
      data,
      ...(first && last
        ? {
            paging: {
              cursors: { before: cursorOf(first.id), after: cursorOf(last.id) },
              ...(more
                ? { next: `https://graph.facebook.com/${waba}/message_templates?${next}` }
                : {}),
            },
          }
        : {}),
    });
  }

  private remove(waba: string, query: URLSearchParams, res: ServerResponse): void {
    const name = query.get("name");
    if (!name) return graphError(res, 400, 100, "(#100) The parameter name is required");
    const hsmId = query.get("hsm_id");
    const all = this.templates(waba);
    const doomed = all.filter((t) => t.name === name && (hsmId === null || t.id === hsmId));
    if (doomed.length === 0)
      return graphError(
        res,
        400,
        100,
        `(#100) Invalid parameter: message template "${name}" was not found in this WhatsApp Business Account`,
      );
    this.accounts.set(
      waba,
      all.filter((t) => !doomed.includes(t)),
    );
    json(res, { success: true });
  }
}

// A stand-in for the WhatsApp Cloud API (Graph, any version) for the edge tests (Node, real HTTP):
// answers a phone number lookup and POST /<version>/<phone number id>/messages (texts and approved
// templates get a wamid, read receipts `success`), refusing access tokens that start with "invalid" and
// templates named "unapproved…" and text bodies over 4,096 characters as Graph does, and records every call. `GET /__calls?phone=…` answers the recorded
// calls for one phone number id. A business account's message templates are listed and deleted as the
// Business Management API does it (graph-templates-stand-in.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { TemplatesStandIn } from "./graph-templates-stand-in";

/** One recorded call; `sent_id` is the wamid answered for a sent message. */
export type GraphCall = {
  phone: string;
  path: string;
  token: string;
  body: Record<string, unknown> | null;
  at: number;
  sent_id?: string;
};

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return parts.length
    ? (JSON.parse(Buffer.concat(parts).toString()) as Record<string, unknown>)
    : null;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

/** Whether a template send has the Cloud API's shape; names starting with "unapproved" were never approved. */
function approvedTemplate(template: unknown): boolean {
  const t = template as { name?: unknown; language?: { code?: unknown } } | undefined;
  return (
    typeof t?.name === "string" &&
    !t.name.startsWith("unapproved") &&
    typeof t.language?.code === "string"
  );
}

/** A text message's body is at most this long (Cloud API reference, messages: text.body). */
const TEXT_LIMIT = 4096;

/** Starts the stand-in on `port`; resolves to a stop function. */
export async function startGraphStandIn(port: number): Promise<() => Promise<void>> {
  const calls: GraphCall[] = [];
  const templates = new TemplatesStandIn();
  let wamid = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      if (url.pathname === "/__calls")
        return reply(
          res,
          200,
          calls.filter((c) => c.phone === url.searchParams.get("phone")),
        );
      if (templates.handle(req, url, res)) return;
      const match = /^\/v[\d.]+\/(\d+)(\/messages)?$/.exec(url.pathname);
      if (!match) return reply(res, 404, { error: { code: 100, message: "Unknown path" } });
      const [, phone = "", messages] = match;
      const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      const body = await readBody(req);
      const recorded: GraphCall = { phone, path: url.pathname, token, body, at: Date.now() };
      calls.push(recorded);
      if (token === "" || token.startsWith("invalid"))
        return reply(res, 401, { error: { code: 190, message: "Invalid OAuth access token." } });
      if (!messages) return reply(res, 200, { id: phone, display_phone_number: "+1 555-0100" });
      if (body?.status === "read") return reply(res, 200, { success: true });
      const text = (body?.text as { body?: unknown } | undefined)?.body;
      if (typeof text === "string" && [...text].length > TEXT_LIMIT)
        return reply(res, 400, {
          error: {
            code: 100,
            message: `(#100) Param text['body'] must be at most ${TEXT_LIMIT} characters long.`,
            type: "OAuthException",
          },
        });
      if (body?.type === "template" && !approvedTemplate(body.template)) {
        return reply(res, 404, {
          error: { code: 132001, message: "Template name does not exist in the translation" },
        });
      }
      wamid += 1;
      recorded.sent_id = `wamid.OUT${wamid}`;
      return reply(res, 200, {
        messaging_product: "whatsapp",
        contacts: [{ input: body?.to, wa_id: body?.to }],
        messages: [{ id: recorded.sent_id }],
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

// The WhatsApp Business Cloud API (Graph) calls the platform makes: sending text and templates,
// marking a message read with the typing indicator, checking a number's credentials, and listing and
// deleting its business account's message templates. Base URL and version come from
// WHATSAPP_GRAPH_URL and WHATSAPP_GRAPH_VERSION.
import type { WhatsAppConfig } from "../channel-config";

type GraphEnv = Pick<Env, "WHATSAPP_GRAPH_URL" | "WHATSAPP_GRAPH_VERSION">;

/** WhatsApp refuses text bodies longer than this. */
export const WHATSAPP_TEXT_LIMIT = 4096;

/** A non-2xx answer from Graph, with its HTTP status and Graph's own error code and message. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    message: string,
  ) {
    super(message);
    this.name = "GraphError";
  }
}

async function graph(
  env: GraphEnv,
  config: Pick<WhatsAppConfig, "access_token">,
  path: string,
  body?: object,
  method: "GET" | "POST" | "DELETE" = body ? "POST" : "GET",
): Promise<unknown> {
  const url = `${env.WHATSAPP_GRAPH_URL.replace(/\/$/, "")}/${env.WHATSAPP_GRAPH_VERSION}/${path}`;
  const res = await fetch(url, {
    method,
    headers: {
      Authorization: `Bearer ${config.access_token}`,
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json().catch(() => null)) as {
    error?: { code?: number; message?: string };
  } | null;
  if (!res.ok)
    throw new GraphError(
      res.status,
      json?.error?.code ?? null,
      json?.error?.message ?? `Graph answered ${res.status}.`,
    );
  return json;
}

/**
 * Sends one message of `type` to the user `to` (`content` is the part Graph keys by the type); the
 * platform's message id (wamid). `what` names the message in the error when Graph answers without one.
 */
async function sendMessage(
  env: GraphEnv,
  config: WhatsAppConfig,
  to: string,
  what: string,
  content: { type: string } & Record<string, unknown>,
): Promise<string> {
  const json = (await graph(env, config, `${config.phone_number_id}/messages`, {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    ...content,
  })) as { messages?: { id: string }[] };
  const id = json.messages?.[0]?.id;
  if (!id) throw new GraphError(502, null, `Graph accepted the ${what} without an id.`);
  return id;
}

/** Checks that the access token may use the phone number; its display number. */
export async function fetchPhoneNumber(
  env: GraphEnv,
  config: Pick<WhatsAppConfig, "access_token" | "phone_number_id">,
): Promise<string | null> {
  const json = (await graph(
    env,
    config,
    `${config.phone_number_id}?fields=display_phone_number`,
  )) as { display_phone_number?: string };
  return json.display_phone_number ?? null;
}

/** Sends a free-form text (only inside the 24-hour window); the platform's message id (wamid). */
export async function sendText(
  env: GraphEnv,
  config: WhatsAppConfig,
  to: string,
  text: string,
): Promise<string> {
  return sendMessage(env, config, to, "message", {
    type: "text",
    text: { body: text, preview_url: false },
  });
}

/** Sends an approved template (allowed at any time); the platform's message id (wamid). */
export async function sendTemplate(
  env: GraphEnv,
  config: WhatsAppConfig,
  to: string,
  template: { name: string; language: string; bodyText: string | null },
): Promise<string> {
  return sendMessage(env, config, to, "template", {
    type: "template",
    template: {
      name: template.name,
      language: { code: template.language },
      ...(template.bodyText !== null
        ? {
            components: [{ type: "body", parameters: [{ type: "text", text: template.bodyText }] }],
          }
        : {}),
    },
  });
}

/**
 * Sends a text with up to three reply buttons (an interactive message; only inside the 24-hour
 * window); the platform's message id (wamid). Titles are at most 20 characters, the body 1024.
 */
export async function sendReplyButtons(
  env: GraphEnv,
  config: WhatsAppConfig,
  to: string,
  text: string,
  buttons: readonly { id: string; title: string }[],
): Promise<string> {
  return sendMessage(env, config, to, "message", {
    type: "interactive",
    interactive: {
      type: "button",
      body: { text },
      action: {
        buttons: buttons.map((b) => ({ type: "reply", reply: { id: b.id, title: b.title } })),
      },
    },
  });
}

/** Marks the user's message read (blue ticks) and shows the typing indicator until we answer. */
export async function markReadWithTyping(
  env: GraphEnv,
  config: WhatsAppConfig,
  messageId: string,
): Promise<void> {
  await graph(env, config, `${config.phone_number_id}/messages`, {
    messaging_product: "whatsapp",
    status: "read",
    message_id: messageId,
    typing_indicator: { type: "text" },
  });
}

/** One language of a template, with the fields the platform asks Graph for. */
export type GraphTemplate = { name: string; language: string; status: string; category: string };

/**
 * A page of the business account's message templates (`limit` of them after the `after` cursor) and
 * the cursor of the next page, null on the last one (Graph sends `paging.next` only when more follow).
 */
export async function listMessageTemplates(
  env: GraphEnv,
  config: Pick<WhatsAppConfig, "access_token">,
  businessAccountId: string,
  page: { limit: number; after?: string },
): Promise<{ templates: GraphTemplate[]; next: string | null }> {
  const query = new URLSearchParams({
    fields: "name,status,category,language",
    limit: String(page.limit),
    ...(page.after ? { after: page.after } : {}),
  });
  const json = (await graph(env, config, `${businessAccountId}/message_templates?${query}`)) as {
    data?: GraphTemplate[];
    paging?: { cursors?: { after?: string }; next?: string };
  };
  const next = json.paging?.next ? (json.paging.cursors?.after ?? null) : null;
  return { templates: json.data ?? [], next };
}

/** Deletes every language of the template `name` from the business account. */
export async function deleteMessageTemplate(
  env: GraphEnv,
  config: Pick<WhatsAppConfig, "access_token">,
  businessAccountId: string,
  name: string,
): Promise<void> {
  const query = new URLSearchParams({ name });
  await graph(env, config, `${businessAccountId}/message_templates?${query}`, undefined, "DELETE");
}

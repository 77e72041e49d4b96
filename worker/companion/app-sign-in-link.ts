// A one-time code that signs a device in to the companion app as a person, and the app's address
// carrying it in the fragment (never sent to a server, so never in a log). Issued for the person's
// canonical contact, so chats they linked sign in as the one person they are. Asked for by the widget
// ("Open in the app"), by a signed-in device ("Add a device"), and from a chat (`/app` on Telegram,
// `APP` on WhatsApp), so a new device can be signed in from a channel the person already uses.
import type { AppLinkCodeResponse } from "@coach/contracts/companion-app";
import { canonicalContactId } from "../db/contact-links";
import { workerConfig } from "../lib/config";
import type { TenantGateway } from "../db/tenant-gateway";
import { ensureWidget } from "../widget/widget-store";
import { APP_CODE_TTL_SECONDS, issueAppCode } from "./app-link-codes";

/** A code for `contactId`'s person and the address of the app at `origin` that redeems it. */
export async function appSignInLink(
  env: Pick<Env, "DB">,
  origin: string,
  tenantId: string,
  contactId: string,
  publicKey: string,
): Promise<AppLinkCodeResponse> {
  const canonical = await canonicalContactId(env.DB, tenantId, contactId);
  const code = await issueAppCode(env.DB, tenantId, canonical);
  return {
    code,
    app_url: `${origin.replace(/\/$/, "")}/app/${encodeURIComponent(publicKey)}/#code=${code}`,
    expires_in: APP_CODE_TTL_SECONDS,
  };
}

/**
 * The code a chat's `/app` or `APP` answers with, for the workspace's app at the edge's public address
 * (`PUBLIC_EDGE_URL`); the address is null when that is not configured (the code alone still works).
 */
export async function chatAppSignIn(
  env: Pick<Env, "DB" | "PUBLIC_EDGE_URL">,
  gateway: TenantGateway,
  contactId: string,
): Promise<{ code: string; appUrl: string | null }> {
  const widget = await ensureWidget(gateway);
  const origin = workerConfig(env).publicEdgeUrl;
  const link = await appSignInLink(
    env,
    origin ?? "",
    gateway.tenantId,
    contactId,
    widget.publicKey,
  );
  return { code: link.code, appUrl: origin ? link.app_url : null };
}

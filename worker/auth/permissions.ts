// The permission matrix: which role may do what, which API-key scopes exist, and which permission every
// API route requires. requirePermission() enforces it; docs/permissions.md is its written copy, and the
// role-matrix test walks app.routes against ROUTE_PERMISSIONS so a route without an entry fails.
import { roles, type Role } from "../db/enums";

export const permissions = [
  "members:read",
  "members:write",
  "api_keys:read",
  "api_keys:write",
  "audit:read",
  "contacts:export",
  "contacts:erase",
  "conversations:read",
  "conversations:write",
  "analytics:read",
  "integrations:read",
  "integrations:write",
  "workspace:export",
  "workspace:delete",
  "knowledge:read",
  "knowledge:write",
  "settings:read",
  "settings:write",
  "channels:read",
  "channels:write",
  "programs:read",
  "programs:write",
  "enrollments:read",
  "enrollments:write",
] as const;
export type Permission = (typeof permissions)[number];

/** What only an owner may do: take a contact's personal data out or erase it, and delete the workspace. */
const OWNER_ONLY: readonly Permission[] = ["contacts:export", "contacts:erase", "workspace:delete"];

/** What each workspace role may do. Owners may do everything; admins all the rest. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: permissions,
  admin: permissions.filter((p) => !OWNER_ONLY.includes(p)),
  editor: [
    "members:read",
    "knowledge:read",
    "knowledge:write",
    "settings:read",
    "conversations:read",
    "conversations:write",
    "analytics:read",
    "channels:read",
    "programs:read",
    "programs:write",
    "enrollments:read",
    "enrollments:write",
  ],
  viewer: [
    "members:read",
    "knowledge:read",
    "settings:read",
    "conversations:read",
    "analytics:read",
    "channels:read",
    "programs:read",
    "enrollments:read",
  ],
};

/**
 * Permissions an API key may carry as scopes. Managing members, keys, the audit log and personal data
 * stays with people: a leaked key must not be able to mint keys or erase contacts.
 */
export const API_KEY_SCOPES = [
  "knowledge:read",
  "knowledge:write",
  "members:read",
  "programs:read",
  "programs:write",
  "enrollments:read",
  "enrollments:write",
] as const satisfies readonly Permission[];
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * "public": no workspace credentials (sign-in, or a widget visitor's own token checked by the route);
 * "self": any signed-in person acting on their own account; else a permission.
 */
export type RouteRequirement = "public" | "self" | Permission;

/** Every route under /api/v1 (as `METHOD /path`, Hono syntax) and what it requires. */
export const ROUTE_PERMISSIONS: Readonly<Record<string, RouteRequirement>> = {
  "POST /api/v1/auth/register": "public",
  "POST /api/v1/auth/login": "public",
  "POST /api/v1/auth/refresh": "public",
  "POST /api/v1/auth/unlock": "public",
  "POST /api/v1/auth/logout": "self",
  "POST /api/v1/auth/logout-all": "self",
  "GET /api/v1/me": "self",
  "POST /api/v1/me/password": "self",
  "GET /api/v1/me/export": "self",
  "DELETE /api/v1/me": "self",
  "GET /api/v1/me/workspaces": "self",
  "POST /api/v1/me/workspaces/switch": "self",
  "GET /api/v1/members": "members:read",
  "POST /api/v1/members": "members:write",
  "PATCH /api/v1/members/:id": "members:write",
  "DELETE /api/v1/members/:id": "members:write",
  "DELETE /api/v1/members/invitations/:id": "members:write",
  "GET /api/v1/invitations/:token": "public",
  "POST /api/v1/invitations/:token/accept": "self",
  "GET /api/v1/api-keys": "api_keys:read",
  "POST /api/v1/api-keys": "api_keys:write",
  "DELETE /api/v1/api-keys/:id": "api_keys:write",
  "GET /api/v1/audit": "audit:read",
  "GET /api/v1/contacts/:id/export": "contacts:export",
  "DELETE /api/v1/contacts/:id": "contacts:erase",
  "GET /api/v1/conversations": "conversations:read",
  "GET /api/v1/conversations/:id/messages": "conversations:read",
  "GET /api/v1/conversations/:id": "conversations:read",
  "POST /api/v1/conversations/:id/takeover": "conversations:write",
  "POST /api/v1/conversations/:id/messages": "conversations:write",
  "POST /api/v1/conversations/:id/handback": "conversations:write",
  "POST /api/v1/conversations/:id/resolve-urgent": "conversations:write",
  "POST /api/v1/test-chat/session": "knowledge:read",
  "GET /api/v1/analytics": "analytics:read",
  "GET /api/v1/integrations/webhooks": "integrations:read",
  "POST /api/v1/integrations/webhooks": "integrations:write",
  "DELETE /api/v1/integrations/webhooks/:id": "integrations:write",
  "POST /api/v1/integrations/webhooks/:id/test": "integrations:write",
  "GET /api/v1/integrations/webhooks/:id/deliveries": "integrations:read",
  "GET /api/v1/workspace/export": "workspace:export",
  "GET /api/v1/originals/:tenant_id/:document_id": "public",
  "DELETE /api/v1/workspace": "workspace:delete",
  "GET /api/v1/workspace/retention": "settings:read",
  "PUT /api/v1/workspace/retention": "settings:write",
  "GET /api/v1/billing/plans": "settings:read",
  "POST /api/v1/billing/plans": "settings:write",
  "PATCH /api/v1/billing/plans/:id": "settings:write",
  "DELETE /api/v1/billing/plans/:id": "settings:write",
  "GET /api/v1/billing/connect": "settings:read",
  "POST /api/v1/billing/connect": "settings:write",
  "GET /api/v1/billing/revenue": "analytics:read",
  "GET /api/v1/billing/members": "analytics:read",
  "GET /api/v1/billing/members/export": "analytics:read",
  "GET /api/v1/billing/settings": "settings:read",
  "PUT /api/v1/billing/settings": "settings:write",
  "GET /api/v1/usage": "settings:read",
  "POST /api/v1/billing/stripe/webhook": "public",
  "GET /api/v1/billing/upgrade/:token": "public",
  "GET /api/v1/billing/return": "public",
  "OPTIONS /api/v1/widget/session": "public",
  "POST /api/v1/widget/session": "public",
  "GET /api/v1/widget/socket": "public",
  "GET /api/v1/widget/config/:public_key": "public",
  "POST /api/v1/knowledge/documents": "knowledge:write",
  "GET /api/v1/knowledge/documents": "knowledge:read",
  "GET /api/v1/knowledge/documents/:id": "knowledge:read",
  "PATCH /api/v1/knowledge/documents/:id": "knowledge:write",
  "DELETE /api/v1/knowledge/documents/:id": "knowledge:write",
  "POST /api/v1/knowledge/documents/:id/reindex": "knowledge:write",
  "POST /api/v1/knowledge/reindex": "knowledge:write",
  "POST /api/v1/knowledge/corrections": "knowledge:write",
  "GET /api/v1/knowledge/corrections": "knowledge:read",
  "PUT /api/v1/knowledge/corrections/:id": "knowledge:write",
  "GET /api/v1/knowledge/gaps": "knowledge:read",
  "POST /api/v1/knowledge/gaps/answer": "knowledge:write",
  "GET /api/v1/persona": "knowledge:read",
  "PUT /api/v1/persona": "knowledge:write",
  "GET /api/v1/safety/crisis-resources": "settings:read",
  "PUT /api/v1/safety/crisis-resources": "settings:write",
  "POST /api/v1/safety/crisis-resources/preview": "settings:read",
  "GET /api/v1/safety/model-redaction": "settings:read",
  "PUT /api/v1/safety/model-redaction": "settings:write",
  "GET /api/v1/settings/overflow": "settings:read",
  "PUT /api/v1/settings/overflow": "settings:write",
  "GET /api/v1/assistant/status": "knowledge:read",
  "POST /api/v1/bridge/documents/:id/status": "public",
  "POST /api/v1/bridge/documents/:id/passages": "public",
  "POST /api/v1/bridge/questions": "public",
  "POST /api/v1/bridge/reindex-requests": "public",
  "GET /api/v1/bridges": "settings:read",
  "POST /api/v1/bridges": "settings:write",
  "PATCH /api/v1/bridges/:id": "settings:write",
  "DELETE /api/v1/bridges/:id": "settings:write",
  "GET /api/v1/widget": "settings:read",
  "PUT /api/v1/widget": "settings:write",
  "GET /api/v1/channels": "channels:read",
  "POST /api/v1/channels/telegram": "channels:write",
  "POST /api/v1/channels/whatsapp": "channels:write",
  "GET /api/v1/channels/:id": "channels:read",
  "POST /api/v1/channels/:id/rotate": "channels:write",
  "PUT /api/v1/channels/:id/template": "channels:write",
  "GET /api/v1/channels/:id/templates": "channels:read",
  "DELETE /api/v1/channels/:id/templates/:name": "channels:write",
  "DELETE /api/v1/channels/:id": "channels:write",
  "GET /api/v1/programs": "programs:read",
  "POST /api/v1/programs": "programs:write",
  "GET /api/v1/programs/:id": "programs:read",
  "PUT /api/v1/programs/:id": "programs:write",
  "DELETE /api/v1/programs/:id": "programs:write",
  "GET /api/v1/programs/:id/versions": "programs:read",
  "POST /api/v1/enrollments": "enrollments:write",
  "GET /api/v1/enrollments": "enrollments:read",
  "GET /api/v1/enrollments/:id": "enrollments:read",
  "DELETE /api/v1/enrollments/:id": "enrollments:write",
  "GET /api/v1/contacts/:id/coaching": "enrollments:read",
  "PUT /api/v1/contacts/:id/coaching": "enrollments:write",
  "GET /api/v1/contacts/:id/commitments": "enrollments:read",
  "GET /api/v1/commitments": "enrollments:read",
  "GET /api/v1/contacts/:id/signals": "enrollments:read",
  "GET /api/v1/programs/:id/analytics": "analytics:read",
  "GET /api/v1/programs/:id/analytics.csv": "analytics:read",
  "GET /api/v1/coaching-rules": "programs:read",
  "POST /api/v1/coaching-rules": "programs:write",
  "GET /api/v1/coaching-rules/:id": "programs:read",
  "PUT /api/v1/coaching-rules/:id": "programs:write",
  "DELETE /api/v1/coaching-rules/:id": "programs:write",
  "OPTIONS /api/v1/widget/enrollment": "public",
  "GET /api/v1/widget/enrollment": "public",
  "OPTIONS /api/v1/widget/enroll": "public",
  "POST /api/v1/widget/enroll": "public",
  "OPTIONS /api/v1/widget/stop": "public",
  "POST /api/v1/widget/stop": "public",
  "OPTIONS /api/v1/widget/billing": "public",
  "GET /api/v1/widget/billing": "public",
  "OPTIONS /api/v1/widget/billing/checkout": "public",
  "POST /api/v1/widget/billing/checkout": "public",
  "OPTIONS /api/v1/widget/billing/portal": "public",
  "POST /api/v1/widget/billing/portal": "public",
  // The companion app: the widget's visitor token, a one-time code, or the app's device token.
  "OPTIONS /api/v1/widget/app-link": "public",
  "POST /api/v1/widget/app-link": "public",
  "POST /api/v1/app/:public_key/devices": "public",
  "POST /api/v1/app/:public_key/session": "public",
  "POST /api/v1/app/:public_key/link-codes": "public",
  "GET /api/v1/app/:public_key/progress": "public",
  "GET /api/v1/app/:public_key/preferences": "public",
  "PUT /api/v1/app/:public_key/preferences": "public",
  "GET /api/v1/app/:public_key/push/public-key": "public",
  "POST /api/v1/app/:public_key/push/subscriptions": "public",
  "DELETE /api/v1/app/:public_key/push/subscriptions": "public",
};

/** Whether a principal's role is one of the workspace roles (not an API key's or a visitor's). */
export function isWorkspaceRole(role: string): role is Role {
  return (roles as readonly string[]).includes(role);
}

/** Whether a workspace role holds a permission. */
export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Only owners hand out or take away ownership; admins manage everyone else. */
export function canAssignRole(actor: string, from: Role | undefined, to: Role): boolean {
  if (!isWorkspaceRole(actor) || !roleAllows(actor, "members:write")) return false;
  if (to === "owner" || from === "owner") return actor === "owner";
  return true;
}

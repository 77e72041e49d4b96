// What the edge answers about people and workspaces: sign-in tokens, the signed-in user, members,
// invitations, API keys, the audit log and the answers of exports and erasure. Snake_case, as on the wire.
// The Worker's handlers are checked against these in test/worker/routes/api-routes.types.ts.

export type Role = "owner" | "admin" | "editor" | "viewer";

/** What a sign-in, a refresh or a workspace switch answers. */
export type TokenResponse = {
  access_token: string;
  refresh_token: string;
  token_type: "Bearer";
  expires_in: number;
  user: { id: string; email: string; full_name: string };
  tenant: { id: string; name: string; slug: string; role: Role };
};

/** Something that happened to the account while its owner was away, told once at sign-in. */
export type AccountNotice = {
  code: string;
  count: number;
  first_at: string;
  last_at: string;
  message: string;
};

/** `POST /auth/login`: the tokens, this browser's device token and the account's notices. */
export type LoginResponse = TokenResponse & {
  device_token: string | null;
  notices: AccountNotice[];
};

/** `POST /auth/register`: always accepted, so an answer never tells whether the email had an account. */
export type RegistrationAccepted = { status: "accepted"; message: string };

export type Me = {
  user: { id: string; email: string; full_name: string; created_at: string };
  tenant: { id: string; name: string; slug: string; plan: string };
  role: Role;
};

export type Workspace = {
  tenant_id: string;
  name: string;
  slug: string;
  role: Role;
  current: boolean;
};

export type Member = {
  id: string;
  user_id: string;
  email: string | null;
  full_name: string | null;
  role: Role;
  created_at: string;
};
export type Invitation = { id: string; email: string; role: Role; expires_at: string };

/** `POST /members`: the invitation and the one-time token its link (`<dashboard>/invite/<token>`) carries. */
export type InvitationCreated = { invitation: Invitation; invitation_token: string };

/** `GET /invitations/:token`: the invitation an open link opens (less its id) and its workspace's name. */
export type InvitationPreview = Omit<Invitation, "id"> & { workspace_name: string };

/** `POST /invitations/:token/accept`: the workspace the signed-in person just joined. */
export type InvitationAccepted = { tenant_id: string; workspace_name: string; role: Role };

/** `PATCH /members/:id`: the membership with its new role. */
export type MemberRoleChanged = { id: string; user_id: string; role: Role };

export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_by: string | null;
  created_at: string | null;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
};

/** `POST /api-keys`: the key itself, shown this once. */
export type ApiKeyCreated = ApiKey & { key: string };

export type AuditEvent = {
  id: string;
  action: string;
  actor_type: "user" | "api_key" | "system" | "contact";
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  created_at: string;
  metadata: Record<string, unknown> | null;
};

export type AuditPage = { events: AuditEvent[]; next_cursor: string | null };

/** An export (of the user, a workspace or a contact): a JSON document saved as it is, never read. */
export type ExportDocument = { exported_at: string; [field: string]: unknown };

/** `DELETE /contacts/:id`: what each store erased; `complete` is false while one still has to. */
export type ContactErasureReceipt = {
  contact_id: string;
  erased_at: string;
  complete: boolean;
  stores: {
    store: string;
    status: "erased" | "nothing_stored" | "failed";
    items: number;
    detail?: string;
  }[];
};

/** `DELETE /workspace`: how much was erased at once; the rest waits out the erasure window. */
export type WorkspaceDeleted = {
  id: string;
  deleted: true;
  documents: number;
  conversations: number;
  contacts: number;
  files: number;
};

// Every machine-readable code the edge answers in `{"error":{"code","message","request_id"}}` (and, over a
// socket, in an `error` frame). One list, so the Worker cannot throw a code a client has never heard of and
// a client can switch on the codes it handles. Adding a code here is part of adding it to the API.

/** The codes, grouped by where they come from; the order means nothing. */
export const ERROR_CODES = [
  // Any route: the error boundary, bodies, rate limits, missing rows.
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "route_not_found",
  "method_not_allowed",
  "http_error",
  "internal_error",
  "configuration_invalid",
  "validation_failed",
  "invalid_json",
  "invalid_encoding",
  "invalid_multipart",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "origin_not_allowed",
  "upgrade_required",
  "version_conflict",
  // Authentication, accounts and workspaces.
  "missing_credentials",
  "invalid_authorization",
  "invalid_token",
  "invalid_api_key",
  "token_expired",
  "invalid_credentials",
  "invalid_refresh_token",
  "refresh_token_superseded",
  "wrong_password",
  "weak_password",
  "confirmation_mismatch",
  "invalid_invitation",
  "already_member",
  "invitation_expired",
  "invitation_used",
  "invitation_revoked",
  "invitation_for_another_email",
  "last_owner",
  "no_workspace",
  "slug_taken",
  "workspace_closed",
  // Knowledge and the inference bridge.
  "empty_file",
  "original_removed",
  "unsupported_file_type",
  "bridge_unavailable",
  "bridge_unreachable",
  "bridge_access_refused",
  "signature_missing",
  "signature_invalid",
  "signature_expired",
  // Conversations, hand-off and channels.
  "conversation_erased",
  "not_taken_over",
  "reassign_not_allowed",
  "handoff_failed",
  "channel_taken",
  "channel_disconnected",
  "channel_not_whatsapp",
  "channel_send_failed",
  "channel_send_delayed",
  "contact_unreachable",
  "contact_on_care_hold",
  "invalid_bot_token",
  "telegram_refused",
  "telegram_unreachable",
  "whatsapp_refused",
  "whatsapp_unreachable",
  "whatsapp_template_refused",
  "whatsapp_template_required",
  "whatsapp_window_closed",
  "whatsapp_business_account_required",
  "webhook_unauthorized",
  // Programs, coaching and the widget.
  "program_not_found",
  "program_invalid",
  "program_archived",
  "keyword_taken",
  "contact_opted_out",
  "widget_not_found",
  // The companion app and Web Push.
  "invalid_link_code",
  "invalid_device_token",
  "push_not_configured",
  "push_endpoint_not_allowed",
  // Outbound webhooks.
  "invalid_webhook_url",
  "webhook_url_internal",
  "too_many_webhooks",
  // A workspace's own inference bridges.
  "invalid_bridge_url",
  "bridge_url_internal",
  "too_many_bridges",
  // Memberships (Stripe).
  "billing_not_configured",
  "stripe_refused",
  "stripe_unreachable",
  "plan_not_found",
  "free_plan_exists",
  "plan_required",
  // The platform's own plans: a workspace's quotas (answers, documents, seats, bridges).
  "quota_exceeded",
  // Socket frames only.
  "frame_too_large",
  "invalid_frame",
  "too_many_sockets",
] as const;

/** A code the edge answers with. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every error answer. `details` carries field issues (400) or `retry_after` (429). */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; request_id: string; details?: unknown };
};

// The answers the OpenAPI document describes field by field: those a client reads as a file rather than
// as a small JSON object (the workspace export, streamed; the members' CSV; the originals its links
// open). Every other route answers "Success." and its types live in contracts/src/api-routes.ts.
type JsonSchema = Record<string, unknown>;

const list = (description: string, items: JsonSchema = { type: "object" }): JsonSchema => ({
  type: "array",
  description,
  items,
});

const EXPORT_SCHEMA: JsonSchema = {
  type: "object",
  description:
    "The whole workspace, streamed in this order (contracts/src/workspace-export.ts; docs/workspace-export.md). Times are Unix milliseconds unless named `*_at` with an ISO string below. No credential is included: channel tokens, webhook signing secrets, password and token hashes stay behind.",
  properties: {
    workspace: {
      type: "object",
      description: "`id`, `name`, `slug`, `created_at`.",
    },
    exported_at: { type: "string", format: "date-time" },
    originals_expire_at: {
      type: "string",
      format: "date-time",
      description: "When the `documents[].original_url` links stop working (seven days on).",
    },
    persona: { type: "object", description: "The current persona and its `version` (0: default)." },
    widget: {
      type: ["object", "null"],
      description: "The web widget: `public_key`, `allowed_origins`, look and texts.",
    },
    channels: list(
      "Telegram bots and WhatsApp numbers: `kind`, `status`, `external_id`, `webhook_url`, `bot_username`, `display_phone_number`, `template`; never their credentials.",
    ),
    team: {
      type: "object",
      description:
        "`members` (`id`, `user_id`, `full_name`, `email`, `role`, `created_at`) and the open `invitations` (`id`, `email`, `role`, `expires_at`).",
    },
    webhooks: list(
      "Outgoing webhooks: `id`, `url`, `events`, `description`, `created_at`; no secret.",
    ),
    bridges: list(
      "The workspace's own inference bridges: `id`, `name`, `url`, `access_client_id`, `created_at`, `updated_at`; never a secret.",
    ),
    programs: list(
      "Each program (`id`, `name`, `goal`, `slug`, `keyword`, `status`, `version`, the current `steps`) with `versions`: every saved version (`version`, `steps`, `created_at`, `created_by`), oldest first.",
    ),
    coaching_rules: list(
      "`id`, `name`, `program_id` (null: the whole workspace), `when`, `then`, `enabled`.",
    ),
    plans: list(
      "The plans sold, archived ones too: `id`, `kind`, `name`, `monthly_messages`, `price_minor`, `currency`, `interval`, `trial_days`, `includes`, `stripe_price_id`, `archived_at`, `created_at`.",
    ),
    memberships: list(
      "Each person's subscription, plan and status only: `contact_id`, `plan_id`, `status`, `cancel_at_period_end`, `current_period_end`, `canceled_at`.",
    ),
    documents: list(
      "The library: `id`, `title`, `kind`, `size_bytes`, `sha256`, `status`, `chunk_count`, `page_count`, `original_removed_at`, and `original_url`: a signed link to the original file (null once retention removed it).",
    ),
    corrections: list("Corrected answers: `id`, `question`, `answer`, `status`."),
    contacts: list(
      "End users: `id`, `channel`, `external_id`, `display_name`, `email`, `locale`, `language`, `site`, `timezone`, consent and opt-out times.",
    ),
    conversations: list(
      "`id`, `contact_id`, `channel`, `status`, `test`, `started_at`, `last_message_at`, and every message (`seq`, `role`, `text`, sources, times).",
    ),
  },
};

/** Success answers by "METHOD /templated/path", where one is worth describing. */
export const HANDLER_RESPONSES: Readonly<Record<string, JsonSchema>> = {
  "GET /api/v1/workspace/export": {
    description: "The workspace export, as a JSON file (Content-Disposition: attachment).",
    content: { "application/json": { schema: EXPORT_SCHEMA } },
  },
  "GET /api/v1/billing/members/export": {
    description:
      "Every member with `status` as CSV (Content-Disposition: attachment): `subscription_id`, `contact_id`, `name`, `plan_id`, `plan`, `status`, `cancel_at_period_end`, `amount_minor`, `currency`, `interval`, `current_period_end`, `canceled_at` (ISO 8601).",
    content: { "text/csv": { schema: { type: "string" } } },
  },
  "GET /api/v1/originals/{tenant_id}/{document_id}": {
    description:
      "The original file as uploaded, from a signed link of the workspace export (`expires` and `signature` come with the link). A changed link answers 403 `signature_invalid`, an old one 410 `signature_expired`, a removed original 410 `original_removed`.",
    content: {
      "application/octet-stream": {
        schema: { type: "string", contentMediaType: "application/octet-stream" },
      },
    },
  },
};

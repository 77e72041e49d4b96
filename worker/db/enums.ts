// Value sets shared by the schema and the rest of the edge. Kept apart from schema.ts so that code
// outside worker/db/ can name roles and channels without importing any table.

export const roles = ["owner", "admin", "editor", "viewer"] as const;
export type Role = (typeof roles)[number];

export const channelKinds = ["web", "telegram", "whatsapp"] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const documentStatuses = ["queued", "processing", "ready", "failed"] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

// The D1 schema of the whole platform, one file per domain; drizzle-kit generates migrations/ from it.
// Every table that belongs to a creator's workspace carries `tenant_id` and an `id` primary key, so the
// tenant gateway (tenant-gateway.ts) can scope any of them the same way. Times are Unix milliseconds.
import { memberships, invitations, refreshTokens, apiKeys, auditLog } from "./accounts";
import { personas, documents, questionGaps } from "./knowledge";
import { widgets, channels } from "./channels";
import { contacts, conversations, conversationDays, answerStats } from "./conversations";
import { webhookEndpoints, webhookDeliveries } from "./webhooks";
import { retentionPolicies } from "./retention";
import { safetySettings } from "./safety";
import { overflowSettings } from "./overflow";
import { bridges } from "./bridges";
import { documentBridgeStatus } from "./bridge-copies";
import { billingAccounts, billingPlans, billingSubscriptions, billingUsage } from "./billing";
import { appDevices, pushSubscriptions } from "./companion-app";
import { billingSettings, workspaceUsage } from "./workspace-billing";
import { revenueDays } from "./revenue";
import {
  coachingEvents,
  coachingRules,
  commitments,
  enrollments,
  programs,
  programVersions,
} from "./coaching";

export * from "./tenants";
export * from "./accounts";
export * from "./knowledge";
export * from "./channels";
export * from "./conversations";
export * from "./webhooks";
export * from "./coaching";
export * from "./retention";
export * from "./safety";
export * from "./overflow";
export * from "./bridges";
export * from "./bridge-copies";
export * from "./billing";
export * from "./companion-app";
export * from "./workspace-billing";
export * from "./revenue";

/** Every table scoped by `tenant_id`: the only tables the tenant gateway serves. */
export const tenantTables = {
  memberships,
  invitations,
  refreshTokens,
  apiKeys,
  auditLog,
  personas,
  documents,
  questionGaps,
  widgets,
  channels,
  contacts,
  conversations,
  conversationDays,
  answerStats,
  webhookEndpoints,
  webhookDeliveries,
  programs,
  programVersions,
  enrollments,
  coachingRules,
  commitments,
  coachingEvents,
  retentionPolicies,
  safetySettings,
  overflowSettings,
  bridges,
  documentBridgeStatus,
  billingPlans,
  billingSubscriptions,
  billingUsage,
  billingAccounts,
  appDevices,
  pushSubscriptions,
  revenueDays,
  billingSettings,
  workspaceUsage,
} as const;

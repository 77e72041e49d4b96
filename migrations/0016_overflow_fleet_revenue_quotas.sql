CREATE TABLE `overflow_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`enabled` integer NOT NULL,
	`model` text NOT NULL,
	`max_wait_ms` integer NOT NULL,
	`daily_answer_budget` integer NOT NULL,
	`updated_by` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `document_bridge_status` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`document_id` text NOT NULL,
	`bridge_id` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`reason` text,
	`attempt` integer DEFAULT 0 NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	`sent_at` integer,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_bridge_status_document_bridge` ON `document_bridge_status` (`tenant_id`,`document_id`,`bridge_id`);--> statement-breakpoint
CREATE INDEX `document_bridge_status_bridge` ON `document_bridge_status` (`tenant_id`,`bridge_id`,`status`);--> statement-breakpoint
CREATE TABLE `billing_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`proactive_for_lapsed` text DEFAULT 'stop' NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `workspace_usage` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`month` text NOT NULL,
	`answers` integer DEFAULT 0 NOT NULL,
	`refused_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `revenue_days` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`day` text NOT NULL,
	`mrr` text DEFAULT '[]' NOT NULL,
	`active_members` integer DEFAULT 0 NOT NULL,
	`trials` integer DEFAULT 0 NOT NULL,
	`churned` integer DEFAULT 0 NOT NULL,
	`failed_payments` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `revenue_days_tenant_day` ON `revenue_days` (`tenant_id`,`day`);--> statement-breakpoint
-- The edge's own index of every workspace's passages, for answers while no bridge is up (overflow):
-- full-text search, outside drizzle's schema like conversation_search (worker/db/knowledge-passages.ts).
CREATE VIRTUAL TABLE `knowledge_passages` USING fts5(`tenant_id` UNINDEXED, `document_id` UNINDEXED, `chunk_index` UNINDEXED, `title` UNINDEXED, `section` UNINDEXED, `page` UNINDEXED, `body`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
-- Until now every document went to the deployment's shared bridge only: that is where its copy is, so
-- a workspace without bridges of its own is complete on the day this ships and nothing is sent again.
INSERT INTO `document_bridge_status` (`id`, `tenant_id`, `document_id`, `bridge_id`, `status`, `reason`, `attempt`, `seq`, `sent_at`, `updated_at`)
SELECT `id` || ':shared', `tenant_id`, `id`, 'shared', `status`, `status_reason`, `ingest_attempt`, `ingest_seq`, `updated_at`, `updated_at` FROM `documents`;

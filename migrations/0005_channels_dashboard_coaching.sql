CREATE TABLE `answer_stats` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`seq` integer NOT NULL,
	`day` text NOT NULL,
	`confidence` real,
	`fallback` integer DEFAULT false NOT NULL,
	`citations` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `answer_stats_tenant_day` ON `answer_stats` (`tenant_id`,`day`);--> statement-breakpoint
CREATE TABLE `coaching_events` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`program_id` text,
	`enrollment_id` text,
	`node_id` text,
	`event` text NOT NULL,
	`value` real,
	`detail` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coaching_events_tenant_program` ON `coaching_events` (`tenant_id`,`program_id`,`at`);--> statement-breakpoint
CREATE INDEX `coaching_events_tenant_contact` ON `coaching_events` (`tenant_id`,`contact_id`,`at`);--> statement-breakpoint
CREATE TABLE `coaching_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`program_id` text,
	`name` text NOT NULL,
	`when` text NOT NULL,
	`then` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coaching_rules_tenant_program` ON `coaching_rules` (`tenant_id`,`program_id`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`conversation_id` text,
	`source_seq` integer,
	`source_text` text NOT NULL,
	`program_id` text,
	`enrollment_id` text,
	`step_node_id` text,
	`kind` text NOT NULL,
	`what` text NOT NULL,
	`due_at` integer NOT NULL,
	`local_time_text` text NOT NULL,
	`count` integer,
	`period` text,
	`time_zone` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`followed_up_at` integer,
	`outcome_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commitments_source` ON `commitments` (`tenant_id`,`conversation_id`,`source_seq`);--> statement-breakpoint
CREATE INDEX `commitments_tenant_contact` ON `commitments` (`tenant_id`,`contact_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `commitments_tenant_status` ON `commitments` (`tenant_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `contact_link_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_link_codes_tenant_contact` ON `contact_link_codes` (`tenant_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `contact_links` (
	`contact_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`linked_to` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_links_tenant_linked_to` ON `contact_links` (`tenant_id`,`linked_to`);--> statement-breakpoint
CREATE TABLE `conversation_days` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`contact_id` text,
	`channel` text NOT NULL,
	`day` text NOT NULL,
	`user_messages` integer DEFAULT 0 NOT NULL,
	`assistant_messages` integer DEFAULT 0 NOT NULL,
	`creator_messages` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `conversation_days_tenant_day` ON `conversation_days` (`tenant_id`,`day`);--> statement-breakpoint
CREATE TABLE `enrollments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`program_id` text NOT NULL,
	`program_version` integer NOT NULL,
	`contact_id` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`current_node` text,
	`next_wake_at` integer,
	`source` text NOT NULL,
	`started_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`ended_at` integer,
	`end_reason` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enrollments_tenant_program` ON `enrollments` (`tenant_id`,`program_id`,`status`);--> statement-breakpoint
CREATE INDEX `enrollments_tenant_contact` ON `enrollments` (`tenant_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `program_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`program_id` text NOT NULL,
	`version` integer NOT NULL,
	`steps` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `program_versions_program_version` ON `program_versions` (`tenant_id`,`program_id`,`version`);--> statement-breakpoint
CREATE TABLE `programs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`goal` text DEFAULT '' NOT NULL,
	`slug` text NOT NULL,
	`keyword` text,
	`status` text DEFAULT 'active' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programs_tenant_slug` ON `programs` (`tenant_id`,`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `programs_tenant_keyword` ON `programs` (`tenant_id`,`keyword`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`endpoint_id` text NOT NULL,
	`event` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_status_code` integer,
	`last_error` text,
	`next_attempt_at` integer,
	`delivered_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_endpoint` ON `webhook_deliveries` (`tenant_id`,`endpoint_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due` ON `webhook_deliveries` (`tenant_id`,`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`description` text,
	`secret_encrypted` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_tenant` ON `webhook_endpoints` (`tenant_id`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `needs_human` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD `needs_human_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `taken_over_by` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `taken_over_by_name` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `taken_over_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `low_confidence` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Full-text index of conversation messages for the inbox search (not modelled in schema.ts: drizzle has
-- no virtual tables). Fed by the room's batched index sync; read through worker/db/conversation-search.ts.
CREATE VIRTUAL TABLE `conversation_search` USING fts5(`tenant_id` UNINDEXED, `conversation_id` UNINDEXED, `seq` UNINDEXED, `body`, tokenize = 'unicode61 remove_diacritics 2');

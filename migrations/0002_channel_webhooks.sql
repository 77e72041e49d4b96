CREATE TABLE `channel_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`seq` integer NOT NULL,
	`status` text DEFAULT 'sent' NOT NULL,
	`error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `channel_deliveries_conversation` ON `channel_deliveries` (`tenant_id`,`conversation_id`,`seq`);--> statement-breakpoint
CREATE TABLE `channel_events` (
	`key` text PRIMARY KEY NOT NULL,
	`channel_id` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `channel_events_expiry` ON `channel_events` (`expires_at`);--> statement-breakpoint
ALTER TABLE `channels` ADD `webhook_secret_hash` text;
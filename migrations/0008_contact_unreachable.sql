ALTER TABLE `contacts` ADD `unreachable_at` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `unreachable_reason` text;
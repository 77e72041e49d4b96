ALTER TABLE `contacts` ADD `care_hold_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `urgent_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `urgent_kind` text;
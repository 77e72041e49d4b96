ALTER TABLE `tenants` ADD `erase_after` integer;--> statement-breakpoint
ALTER TABLE `tenants` ADD `erased_at` integer;
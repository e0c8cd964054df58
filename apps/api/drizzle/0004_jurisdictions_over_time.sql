CREATE TABLE `data_file_versions` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`loaded_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `jurisdiction_parents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`parent_id` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`source` text,
	FOREIGN KEY (`jurisdiction_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `jurisdiction_parents_jurisdiction_idx` ON `jurisdiction_parents` (`jurisdiction_id`);--> statement-breakpoint
ALTER TABLE `jurisdictions` ADD `valid_from` text;--> statement-breakpoint
ALTER TABLE `jurisdictions` ADD `valid_to` text;--> statement-breakpoint
ALTER TABLE `jurisdictions` ADD `source` text;--> statement-breakpoint
ALTER TABLE `jurisdictions` ADD `note` text;
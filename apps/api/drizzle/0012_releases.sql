CREATE TABLE `release_figures` (
	`release_id` text NOT NULL,
	`observation_id` integer NOT NULL,
	`indicator_id` text NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`year` integer NOT NULL,
	`figure` text NOT NULL,
	PRIMARY KEY(`release_id`, `observation_id`),
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `release_figures_release_indicator_jurisdiction_idx` ON `release_figures` (`release_id`,`indicator_id`,`jurisdiction_id`);--> statement-breakpoint
CREATE TABLE `releases` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`previous_id` text,
	`note` text,
	`figure_count` integer NOT NULL,
	`manifest` text NOT NULL,
	`checksums` text NOT NULL,
	FOREIGN KEY (`previous_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Hand-written (drizzle-kit cannot generate triggers): a release is immutable once its checksums are recorded.
CREATE TRIGGER `releases_no_update` BEFORE UPDATE ON `releases` WHEN old.`checksums` <> '[]'
BEGIN
	SELECT RAISE(ABORT, 'a release is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `releases_no_delete` BEFORE DELETE ON `releases`
BEGIN
	SELECT RAISE(ABORT, 'a release is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `release_figures_no_update` BEFORE UPDATE ON `release_figures`
BEGIN
	SELECT RAISE(ABORT, 'a release is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `release_figures_no_delete` BEFORE DELETE ON `release_figures`
BEGIN
	SELECT RAISE(ABORT, 'a release is immutable');
END;

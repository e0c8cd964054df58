CREATE TABLE `indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`pillar` text NOT NULL,
	`name` text NOT NULL,
	`measure_type` text NOT NULL,
	`unit` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `jurisdictions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`parent_id` text,
	`name_en` text NOT NULL,
	`name_ur` text,
	`role` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `measure_assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` text NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`year` integer NOT NULL,
	`level` integer NOT NULL,
	`evidence` text NOT NULL,
	`source_id` integer NOT NULL,
	FOREIGN KEY (`jurisdiction_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "measure_assessments_level_ck" CHECK("measure_assessments"."level" between 0 and 4)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measure_assessments_measure_jurisdiction_year_uq` ON `measure_assessments` (`measure_id`,`jurisdiction_id`,`year`);--> statement-breakpoint
CREATE TABLE `observation_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`observation_id` integer NOT NULL,
	`previous_value` real,
	`previous_value_as_read` text,
	`previous_source_id` integer,
	`new_value` real,
	`reason` text NOT NULL,
	`revised_at` text NOT NULL,
	`revised_by` text,
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `observation_revisions_observation_idx` ON `observation_revisions` (`observation_id`);--> statement-breakpoint
CREATE TABLE `observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` text NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`year` integer NOT NULL,
	`year_end` integer NOT NULL,
	`disaggregation` text DEFAULT '{}' NOT NULL,
	`value` real NOT NULL,
	`status` text DEFAULT 'A' NOT NULL,
	`definition` text DEFAULT 'standard' NOT NULL,
	`unit_as_read` text,
	`value_as_read` text,
	`source_id` integer NOT NULL,
	`note` text,
	`workflow_state` text DEFAULT 'draft' NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`locked` integer DEFAULT 0 NOT NULL,
	`superseded_by` integer,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`jurisdiction_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "observations_year_span_ck" CHECK("observations"."year_end" >= "observations"."year"),
	CONSTRAINT "observations_status_ck" CHECK("observations"."status" in ('A', 'E', 'P', 'B')),
	CONSTRAINT "observations_workflow_state_ck" CHECK("observations"."workflow_state" in ('draft', 'submitted', 'approved', 'published', 'rejected')),
	CONSTRAINT "observations_locked_ck" CHECK("observations"."locked" in (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observations_cell_source_uq` ON `observations` (`indicator_id`,`jurisdiction_id`,`year`,`year_end`,`disaggregation`,`definition`,`source_id`);--> statement-breakpoint
CREATE INDEX `observations_indicator_jurisdiction_year_idx` ON `observations` (`indicator_id`,`jurisdiction_id`,`year`);--> statement-breakpoint
CREATE INDEX `observations_jurisdiction_idx` ON `observations` (`jurisdiction_id`);--> statement-breakpoint
CREATE INDEX `observations_source_idx` ON `observations` (`source_id`);--> statement-breakpoint
CREATE INDEX `observations_workflow_state_idx` ON `observations` (`workflow_state`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`publisher` text NOT NULL,
	`year` integer,
	`locator` text,
	`kind` text NOT NULL,
	CONSTRAINT "sources_kind_ck" CHECK("sources"."kind" in ('primary', 'secondary'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_citation_uq` ON `sources` (`title`,`publisher`,`year`,`locator`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` text NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`baseline_year` integer,
	`baseline_value` real,
	`target_year` integer NOT NULL,
	`target_value` real NOT NULL,
	`source_id` integer,
	`note` text,
	`set_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`jurisdiction_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_indicator_jurisdiction_uq` ON `targets` (`indicator_id`,`jurisdiction_id`);
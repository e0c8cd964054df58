PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` text NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`year` integer NOT NULL,
	`year_end` integer NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`disaggregation` text DEFAULT '{}' NOT NULL,
	`value` real NOT NULL,
	`status` text DEFAULT 'A' NOT NULL,
	`conf_status` text DEFAULT 'F' NOT NULL,
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
	CONSTRAINT "observations_year_span_ck" CHECK("__new_observations"."year_end" >= "__new_observations"."year"),
	CONSTRAINT "observations_status_ck" CHECK("__new_observations"."status" in ('A', 'E', 'P', 'B', 'U', 'D')),
	CONSTRAINT "observations_conf_status_ck" CHECK("__new_observations"."conf_status" in ('F', 'N', 'C', 'S')),
	CONSTRAINT "observations_workflow_state_ck" CHECK("__new_observations"."workflow_state" in ('draft', 'submitted', 'approved', 'published', 'rejected')),
	CONSTRAINT "observations_locked_ck" CHECK("__new_observations"."locked" in (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_observations`("id", "indicator_id", "jurisdiction_id", "year", "year_end", "period", "disaggregation", "value", "status", "conf_status", "definition", "unit_as_read", "value_as_read", "source_id", "note", "workflow_state", "created_by", "created_at", "updated_at", "locked", "superseded_by") SELECT "id", "indicator_id", "jurisdiction_id", "year", "year_end", '', "disaggregation", "value", "status", 'F', "definition", "unit_as_read", "value_as_read", "source_id", "note", "workflow_state", "created_by", "created_at", "updated_at", "locked", "superseded_by" FROM `observations`;--> statement-breakpoint
DROP TABLE `observations`;--> statement-breakpoint
ALTER TABLE `__new_observations` RENAME TO `observations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `observations_cell_source_uq` ON `observations` (`indicator_id`,`jurisdiction_id`,`year`,`year_end`,`period`,`disaggregation`,`definition`,`source_id`);--> statement-breakpoint
CREATE INDEX `observations_indicator_jurisdiction_year_idx` ON `observations` (`indicator_id`,`jurisdiction_id`,`year`);--> statement-breakpoint
CREATE INDEX `observations_jurisdiction_idx` ON `observations` (`jurisdiction_id`);--> statement-breakpoint
CREATE INDEX `observations_source_idx` ON `observations` (`source_id`);--> statement-breakpoint
CREATE INDEX `observations_workflow_state_idx` ON `observations` (`workflow_state`);
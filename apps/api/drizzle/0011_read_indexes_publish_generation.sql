CREATE TABLE `publish_generation` (
	`id` integer PRIMARY KEY NOT NULL,
	`generation` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `observations_jurisdiction_indicator_year_idx` ON `observations` (`jurisdiction_id`,`indicator_id`,`year`);--> statement-breakpoint
CREATE INDEX `observations_jurisdiction_state_year_idx` ON `observations` (`jurisdiction_id`,`workflow_state`,`year`);--> statement-breakpoint
CREATE INDEX `observations_jurisdiction_breakdown_idx` ON `observations` (`jurisdiction_id`,`disaggregation`,`workflow_state`,`year`);--> statement-breakpoint
CREATE INDEX `observations_state_cell_idx` ON `observations` (`workflow_state`,`indicator_id`,`jurisdiction_id`,`year`);--> statement-breakpoint
CREATE INDEX `observations_state_created_idx` ON `observations` (`workflow_state`,`created_at`);--> statement-breakpoint
CREATE INDEX `observations_state_updated_idx` ON `observations` (`workflow_state`,`updated_at`);
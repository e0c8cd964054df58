CREATE TABLE `public_annual_totals` (
	`jurisdiction_id` text NOT NULL,
	`indicator_id` text NOT NULL,
	`year` integer NOT NULL,
	`observation_id` integer NOT NULL,
	PRIMARY KEY(`jurisdiction_id`, `indicator_id`, `year`, `observation_id`)
);
--> statement-breakpoint
CREATE TABLE `published_cell_counts` (
	`indicator_id` text NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`year` integer NOT NULL,
	`observations` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `jurisdiction_id`, `year`)
);

CREATE TABLE `disclosure_runs` (
	`id` integer PRIMARY KEY NOT NULL,
	`fingerprint` text NOT NULL,
	`checked_at` text NOT NULL,
	`primary_cells` integer NOT NULL,
	`pinned` text NOT NULL,
	`millis` real NOT NULL
);
--> statement-breakpoint
CREATE TABLE `disclosure_states` (
	`observation_id` integer PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "disclosure_states_state_ck" CHECK("disclosure_states"."state" in ('public', 'small_count', 'complementary'))
);

CREATE TABLE `disclosure_components` (
	`family` text NOT NULL,
	`signature` text NOT NULL,
	`hidden` text NOT NULL,
	`pinned` text NOT NULL,
	PRIMARY KEY(`family`, `signature`)
);
--> statement-breakpoint
CREATE TABLE `disclosure_families` (
	`family` text PRIMARY KEY NOT NULL,
	`fingerprint` text NOT NULL,
	`primary_cells` integer NOT NULL,
	`pinned` text NOT NULL
);

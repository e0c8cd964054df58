CREATE TABLE `release_changes` (
	`release_id` text NOT NULL,
	`change` text NOT NULL,
	`observation_id` integer NOT NULL,
	`indicator_id` text NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`year` integer NOT NULL,
	PRIMARY KEY(`release_id`, `indicator_id`, `jurisdiction_id`, `year`, `observation_id`),
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "release_changes_change_ck" CHECK("release_changes"."change" in ('added', 'corrected', 'withdrawn'))
);
--> statement-breakpoint
CREATE INDEX `release_changes_release_change_idx` ON `release_changes` (`release_id`,`change`,`indicator_id`,`jurisdiction_id`,`year`,`observation_id`);--> statement-breakpoint
ALTER TABLE `releases` ADD `added_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `releases` ADD `corrected_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `releases` ADD `withdrawn_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written: each release's JSON manifest moved into rows, and its counts onto the release.
INSERT INTO `release_changes` (`release_id`, `change`, `observation_id`, `indicator_id`, `jurisdiction_id`, `year`)
SELECT r.`id`, k.`change`, json_extract(e.value, '$.observation'), json_extract(e.value, '$.indicator'),
	json_extract(e.value, '$.jurisdiction'), json_extract(e.value, '$.year')
FROM `releases` r
JOIN (SELECT 'added' AS `change` UNION ALL SELECT 'corrected' UNION ALL SELECT 'withdrawn') k
JOIN json_each(r.`manifest`, '$.' || k.`change`) e;
--> statement-breakpoint
DROP TRIGGER `releases_no_update`;
--> statement-breakpoint
UPDATE `releases` SET
	`added_count` = json_array_length(`manifest`, '$.added'),
	`corrected_count` = json_array_length(`manifest`, '$.corrected'),
	`withdrawn_count` = json_array_length(`manifest`, '$.withdrawn');
--> statement-breakpoint
CREATE TRIGGER `releases_no_update` BEFORE UPDATE ON `releases` WHEN old.`checksums` <> '[]'
BEGIN
	SELECT RAISE(ABORT, 'a release is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `release_changes_no_update` BEFORE UPDATE ON `release_changes`
BEGIN
	SELECT RAISE(ABORT, 'a release is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `release_changes_no_delete` BEFORE DELETE ON `release_changes`
BEGIN
	SELECT RAISE(ABORT, 'a release is immutable');
END;

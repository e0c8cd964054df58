ALTER TABLE `measure_assessments` ADD `quote` text;--> statement-breakpoint
ALTER TABLE `measure_assessments` ADD `quote_locator` text;
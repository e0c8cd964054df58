ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_prev_hash_idx` ON `audit_log` (`prev_hash`);--> statement-breakpoint
-- Custom: rows written before the chain existed get their hashes once, on first start (openDatabase seals them);
-- that is the only update allowed, and only on a row not sealed yet.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN OLD.`hash` IS NOT NULL
	OR NEW.`id` IS NOT OLD.`id` OR NEW.`at` IS NOT OLD.`at` OR NEW.`actor_id` IS NOT OLD.`actor_id`
	OR NEW.`actor_email` IS NOT OLD.`actor_email` OR NEW.`session_id` IS NOT OLD.`session_id`
	OR NEW.`token_id` IS NOT OLD.`token_id` OR NEW.`request_id` IS NOT OLD.`request_id`
	OR NEW.`action` IS NOT OLD.`action` OR NEW.`entity_type` IS NOT OLD.`entity_type`
	OR NEW.`entity_id` IS NOT OLD.`entity_id` OR NEW.`jurisdiction_id` IS NOT OLD.`jurisdiction_id`
	OR NEW.`old_value` IS NOT OLD.`old_value` OR NEW.`new_value` IS NOT OLD.`new_value`
	OR NEW.`reason` IS NOT OLD.`reason`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Custom migration (drizzle-kit cannot generate triggers): the audit log is append-only.
-- PostgreSQL equivalent: a BEFORE UPDATE OR DELETE trigger on audit_log that raises an exception.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;

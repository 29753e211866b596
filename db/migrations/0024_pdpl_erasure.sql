CREATE TABLE `pdf_redactions` (
	`original_sha256` text PRIMARY KEY NOT NULL,
	`redacted_sha256` text NOT NULL,
	`at` text NOT NULL,
	`by_user_id` text,
	FOREIGN KEY (`redacted_sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `payload_sha256` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `redacted_at` text;--> statement-breakpoint
ALTER TABLE `parties` ADD `erased_at` text;--> statement-breakpoint
ALTER TABLE `parties` ADD `erased_by` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `closed_on` text;--> statement-breakpoint
CREATE INDEX `cases_closed_on` ON `cases` (`closed_on`) WHERE closed_on IS NOT NULL;--> statement-breakpoint
-- The retention period runs from the day a case took a closed status: the last move to 'closed', else the day of
-- its last change. (`+` keeps SQLite on the per-case index: through stage_moves_to it read every move to 'closed'
-- for each case — 262 s at office scale.)
UPDATE `cases` SET `closed_on` = coalesce(
  (SELECT max(m.`on_date`) FROM `stage_moves` m WHERE m.`case_id` = `cases`.`id` AND +m.`to_stage` = 'closed'),
  substr(`updated_at`, 1, 10))
WHERE `status` IN ('settled', 'closed_paid', 'closed_uncollectable', 'withdrawn');--> statement-breakpoint
-- Kept whoever writes the status (the cases service, imports, the seed): set on closing, cleared on reopening.
CREATE TRIGGER `cases_closed_on_insert` AFTER INSERT ON `cases`
WHEN NEW.`status` IN ('settled', 'closed_paid', 'closed_uncollectable', 'withdrawn') AND NEW.`closed_on` IS NULL
BEGIN UPDATE `cases` SET `closed_on` = substr(NEW.`updated_at`, 1, 10) WHERE `id` = NEW.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `cases_closed_on_update` AFTER UPDATE OF `status` ON `cases`
WHEN (NEW.`status` IN ('settled', 'closed_paid', 'closed_uncollectable', 'withdrawn'))
  <> (OLD.`status` IN ('settled', 'closed_paid', 'closed_uncollectable', 'withdrawn'))
BEGIN
  UPDATE `cases` SET `closed_on` = CASE WHEN NEW.`status` IN ('settled', 'closed_paid', 'closed_uncollectable', 'withdrawn')
    THEN substr(NEW.`updated_at`, 1, 10) ELSE NULL END
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
-- The audit trail stays append-only with one exception: an erasure may remove an entry's payload (before/after),
-- once, leaving everything its hash covers (seq, time, user, action, entity, payload digest, links) unchanged.
DROP TRIGGER `audit_log_no_update`;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (OLD.`redacted_at` IS NULL AND NEW.`redacted_at` IS NOT NULL AND NEW.`before` IS NULL AND NEW.`after` IS NULL
  AND NEW.`seq` = OLD.`seq` AND NEW.`at` = OLD.`at` AND NEW.`user_id` IS OLD.`user_id` AND NEW.`action` = OLD.`action`
  AND NEW.`entity` = OLD.`entity` AND NEW.`entity_id` IS OLD.`entity_id` AND NEW.`payload_sha256` IS OLD.`payload_sha256`
  AND NEW.`prev_hash` = OLD.`prev_hash` AND NEW.`hash` = OLD.`hash`)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- A letter's number and pages never change; its PDF changes only to the redaction recorded for it.
DROP TRIGGER `letters_fixed_fields`;--> statement-breakpoint
CREATE TRIGGER `letters_fixed_fields` BEFORE UPDATE OF `number`, `year`, `seq`, `case_id`, `pdf_sha256`, `first_page`, `page_count`, `verify_code` ON `letters`
WHEN NOT (NEW.`number` = OLD.`number` AND NEW.`year` = OLD.`year` AND NEW.`seq` = OLD.`seq` AND NEW.`case_id` = OLD.`case_id`
  AND NEW.`first_page` = OLD.`first_page` AND NEW.`page_count` = OLD.`page_count` AND NEW.`verify_code` = OLD.`verify_code`
  AND (NEW.`pdf_sha256` = OLD.`pdf_sha256` OR EXISTS (SELECT 1 FROM `pdf_redactions` r
    WHERE r.`original_sha256` = OLD.`pdf_sha256` AND r.`redacted_sha256` = NEW.`pdf_sha256`)))
BEGIN SELECT RAISE(ABORT, 'a letter''s number and PDF never change'); END;
--> statement-breakpoint
CREATE TRIGGER `letter_batches_fixed_pdf` BEFORE UPDATE OF `pdf_sha256` ON `letter_batches`
WHEN NEW.`pdf_sha256` <> OLD.`pdf_sha256` AND NOT EXISTS (SELECT 1 FROM `pdf_redactions` r
  WHERE r.`original_sha256` = OLD.`pdf_sha256` AND r.`redacted_sha256` = NEW.`pdf_sha256`)
BEGIN SELECT RAISE(ABORT, 'a batch''s PDF never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `payments_fixed_receipt` BEFORE UPDATE OF `receipt_sha256` ON `payments`
WHEN OLD.`receipt_sha256` IS NOT NULL AND NEW.`receipt_sha256` IS NOT OLD.`receipt_sha256` AND NOT EXISTS (SELECT 1 FROM `pdf_redactions` r
  WHERE r.`original_sha256` = OLD.`receipt_sha256` AND r.`redacted_sha256` = NEW.`receipt_sha256`)
BEGIN SELECT RAISE(ABORT, 'a receipt never changes'); END;
--> statement-breakpoint
DROP TRIGGER `remittances_fixed`;--> statement-breakpoint
CREATE TRIGGER `remittances_fixed` BEFORE UPDATE OF `number`, `client_id`, `currency`, `collected_minor`, `fee_minor`, `net_minor`, `statement_sha256` ON `remittances`
WHEN OLD.`statement_sha256` IS NOT NULL AND NOT (NEW.`number` = OLD.`number` AND NEW.`client_id` = OLD.`client_id`
  AND NEW.`currency` = OLD.`currency` AND NEW.`collected_minor` = OLD.`collected_minor` AND NEW.`fee_minor` = OLD.`fee_minor`
  AND NEW.`net_minor` = OLD.`net_minor`
  AND (NEW.`statement_sha256` = OLD.`statement_sha256` OR EXISTS (SELECT 1 FROM `pdf_redactions` r
    WHERE r.`original_sha256` = OLD.`statement_sha256` AND r.`redacted_sha256` = NEW.`statement_sha256`)))
BEGIN SELECT RAISE(ABORT, 'a remittance''s figures and statement never change'); END;

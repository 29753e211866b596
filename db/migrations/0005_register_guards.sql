-- The outgoing register is evidence: a letter is never deleted and its number and stored PDF never change
-- (voiding keeps the row); stored file content never changes either (documents share it by SHA-256).
CREATE TRIGGER `letters_no_delete` BEFORE DELETE ON `letters`
BEGIN SELECT RAISE(ABORT, 'letters are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `letters_fixed_fields` BEFORE UPDATE OF `number`, `year`, `seq`, `case_id`, `pdf_sha256`, `first_page`, `page_count`, `verify_code` ON `letters`
BEGIN SELECT RAISE(ABORT, 'a letter''s number and PDF never change'); END;
--> statement-breakpoint
CREATE TRIGGER `blobs_no_update` BEFORE UPDATE ON `blobs`
BEGIN SELECT RAISE(ABORT, 'stored files never change'); END;
--> statement-breakpoint
CREATE TRIGGER `communications_no_delete` BEFORE DELETE ON `communications`
BEGIN SELECT RAISE(ABORT, 'the communication log is never deleted'); END;

DROP INDEX `payments_period`;--> statement-breakpoint
CREATE INDEX `payments_period` ON `payments` (`on_date`,`currency`,`amount_minor`,`case_id`,`received_by`);
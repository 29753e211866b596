DROP INDEX `stage_moves_on`;--> statement-breakpoint
CREATE INDEX `stage_moves_period` ON `stage_moves` (`on_date`,`case_id`,`from_stage`,`to_stage`,`by_user_id`);--> statement-breakpoint
CREATE INDEX `cases_report` ON `cases` (`currency`,`stage`,`client_id`,`opened_on`,`due_date`,`claim_minor`,`paid_minor`,`discount_minor`,`instrument_type`,`status`,`lawyer_id`,`paralegal_id`);--> statement-breakpoint
CREATE INDEX `payments_period` ON `payments` (`on_date`,`case_id`,`amount_minor`,`received_by`);
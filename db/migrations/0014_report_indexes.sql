CREATE INDEX `stage_moves_on` ON `stage_moves` (`on_date`,`case_id`);--> statement-breakpoint
CREATE INDEX `communications_occurred` ON `communications` (`occurred_at`);--> statement-breakpoint
CREATE INDEX `letters_sent` ON `letters` (`sent_on`);--> statement-breakpoint
CREATE INDEX `promises_created` ON `promises` (`created_at`);
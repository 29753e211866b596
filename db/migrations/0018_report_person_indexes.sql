DROP INDEX `communications_occurred`;--> statement-breakpoint
CREATE INDEX `communications_occurred` ON `communications` (`occurred_at`,`user_id`,`channel`,`corrects_id`,`case_id`);--> statement-breakpoint
DROP INDEX `letters_sent`;--> statement-breakpoint
CREATE INDEX `letters_sent` ON `letters` (`sent_on`,`created_by`,`voided_at`,`case_id`);--> statement-breakpoint
DROP INDEX `promises_created`;--> statement-breakpoint
CREATE INDEX `promises_created` ON `promises` (`created_at`,`created_by`,`cancelled_at`,`state`,`case_id`);
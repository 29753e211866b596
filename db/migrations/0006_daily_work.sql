CREATE TABLE `case_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`until_on` text,
	`document_ids` text DEFAULT '[]' NOT NULL,
	`opened_at` text NOT NULL,
	`opened_by` text,
	`resolved_at` text,
	`resolved_by` text,
	`resolution` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_flags_case` ON `case_flags` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `case_flags_open` ON `case_flags` (`resolved_at`,`kind`);--> statement-breakpoint
CREATE TABLE `hearings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`court` text DEFAULT '' NOT NULL,
	`circuit` text DEFAULT '' NOT NULL,
	`on_date` text NOT NULL,
	`at_time` text,
	`type` text DEFAULT 'session' NOT NULL,
	`non_working_reason` text DEFAULT '' NOT NULL,
	`result` text DEFAULT '' NOT NULL,
	`result_notes` text DEFAULT '' NOT NULL,
	`judgment_on` text,
	`next_hearing_id` integer,
	`created_by` text,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hearings_date` ON `hearings` (`on_date`,`id`);--> statement-breakpoint
CREATE INDEX `hearings_case` ON `hearings` (`case_id`,`on_date`);--> statement-breakpoint
CREATE TABLE `promises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`communication_id` integer,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`due_on` text NOT NULL,
	`channel` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`kept_minor` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`cancelled_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`communication_id`) REFERENCES `communications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `promises_case` ON `promises` (`case_id`,`due_on`);--> statement-breakpoint
CREATE INDEX `promises_state_due` ON `promises` (`state`,`due_on`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer,
	`title` text NOT NULL,
	`assignee_id` text NOT NULL,
	`due_on` text NOT NULL,
	`due_time` text,
	`priority` text DEFAULT 'normal' NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`source_id` integer,
	`done_at` text,
	`done_by` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tasks_assignee_open` ON `tasks` (`assignee_id`,`done_at`,`due_on`);--> statement-breakpoint
CREATE INDEX `tasks_case` ON `tasks` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_due` ON `tasks` (`done_at`,`due_on`);--> statement-breakpoint
ALTER TABLE `cases` ADD `escalation_reason` text;--> statement-breakpoint
ALTER TABLE `communications` ADD `contact_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `communications` ADD `corrects_id` integer;--> statement-breakpoint
ALTER TABLE `communications` ADD `attachments` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `communications` ADD `paid_minor` integer;--> statement-breakpoint
ALTER TABLE `communications` ADD `override_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `communications` ADD `overridden_rules` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `communications_party_channel` ON `communications` (`party_id`,`channel`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `communications_follow_up` ON `communications` (`follow_up_on`,`user_id`);--> statement-breakpoint
CREATE INDEX `communications_user` ON `communications` (`user_id`,`occurred_at`);
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`on_date` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`method` text NOT NULL,
	`cheque_number` text DEFAULT '' NOT NULL,
	`cheque_bank` text DEFAULT '' NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`received_by` text DEFAULT 'office' NOT NULL,
	`alloc_costs_minor` integer DEFAULT 0 NOT NULL,
	`alloc_fees_minor` integer DEFAULT 0 NOT NULL,
	`alloc_principal_minor` integer DEFAULT 0 NOT NULL,
	`alloc_late_minor` integer DEFAULT 0 NOT NULL,
	`credit_minor` integer DEFAULT 0 NOT NULL,
	`manual_allocation` integer DEFAULT false NOT NULL,
	`reverses_id` integer,
	`reversal_reason` text DEFAULT '' NOT NULL,
	`receipt_number` text,
	`receipt_sha256` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipt_sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_case` ON `payments` (`case_id`,`on_date`,`id`);--> statement-breakpoint
CREATE INDEX `payments_date` ON `payments` (`on_date`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_reverses` ON `payments` (`reverses_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_receipt` ON `payments` (`receipt_number`);--> statement-breakpoint
CREATE TABLE `receipt_counters` (
	`year` integer PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `cases` ADD `paid_minor` integer DEFAULT 0 NOT NULL;
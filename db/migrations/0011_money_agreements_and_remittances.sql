CREATE TABLE `payment_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`count` integer NOT NULL,
	`frequency` text NOT NULL,
	`first_date` text NOT NULL,
	`remainder_on` text NOT NULL,
	`default_after_missed` integer NOT NULL,
	`after_payment_id` integer DEFAULT 0 NOT NULL,
	`agreed_on` text NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`defaulted_on` text,
	`ended_on` text,
	`replaces_plan_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_plans_case` ON `payment_plans` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `payment_plans_state` ON `payment_plans` (`state`,`agreed_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_plans_active` ON `payment_plans` (`case_id`) WHERE state = 'active';--> statement-breakpoint
CREATE TABLE `plan_instalments` (
	`plan_id` integer NOT NULL,
	`n` integer NOT NULL,
	`due_on` text NOT NULL,
	`amount_minor` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `n`),
	FOREIGN KEY (`plan_id`) REFERENCES `payment_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_instalments_due` ON `plan_instalments` (`due_on`,`plan_id`);--> statement-breakpoint
CREATE TABLE `remittance_counters` (
	`year` integer PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `remittance_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`remittance_id` integer NOT NULL,
	`kind` text NOT NULL,
	`case_id` integer NOT NULL,
	`payment_id` integer,
	`stage` text,
	`amount_minor` integer NOT NULL,
	`fee_minor` integer NOT NULL,
	FOREIGN KEY (`remittance_id`) REFERENCES `remittances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `remittance_items_remittance` ON `remittance_items` (`remittance_id`,`id`);--> statement-breakpoint
CREATE INDEX `remittance_items_case` ON `remittance_items` (`case_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `remittance_items_payment` ON `remittance_items` (`payment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `remittance_items_stage_fee` ON `remittance_items` (`case_id`,`stage`) WHERE kind = 'stage_fee';--> statement-breakpoint
CREATE TABLE `remittances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`client_id` integer NOT NULL,
	`currency` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`collected_minor` integer NOT NULL,
	`client_received_minor` integer DEFAULT 0 NOT NULL,
	`fee_minor` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`state` text DEFAULT 'issued' NOT NULL,
	`paid_on` text,
	`paid_reference` text DEFAULT '' NOT NULL,
	`reconciled_by` text,
	`reconciled_at` text,
	`void_reason` text DEFAULT '' NOT NULL,
	`lang` text DEFAULT 'ar' NOT NULL,
	`statement_sha256` text,
	`created_by` text,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reconciled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`statement_sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `remittances_number` ON `remittances` (`number`);--> statement-breakpoint
CREATE INDEX `remittances_client` ON `remittances` (`client_id`,`period_to`,`id`);--> statement-breakpoint
CREATE INDEX `remittances_state` ON `remittances` (`state`,`id`);--> statement-breakpoint
CREATE TABLE `settlements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`agreed_on` text NOT NULL,
	`deadline` text,
	`balance_at_agreement_minor` integer NOT NULL,
	`paid_at_agreement_minor` integer NOT NULL,
	`discount_costs_minor` integer DEFAULT 0 NOT NULL,
	`discount_fees_minor` integer DEFAULT 0 NOT NULL,
	`discount_principal_minor` integer DEFAULT 0 NOT NULL,
	`discount_late_minor` integer DEFAULT 0 NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`ended_on` text,
	`broken_reason` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `settlements_case` ON `settlements` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `settlements_state` ON `settlements` (`state`,`agreed_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `settlements_open` ON `settlements` (`case_id`) WHERE state = 'open';--> statement-breakpoint
ALTER TABLE `clients` ADD `allocation_order` text DEFAULT 'costs,fees,principal,lateCharges' NOT NULL;--> statement-breakpoint
ALTER TABLE `clients` ADD `late_charges_allowed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `late_charges_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `discount_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `cases_balance` ON `cases` ("claim_minor" - "paid_minor" - "discount_minor",`id`);--> statement-breakpoint
-- A plan's schedule never changes: a renegotiation is a new plan, so the old schedule stays in the history.
CREATE TRIGGER `plan_instalments_fixed` BEFORE UPDATE ON `plan_instalments`
BEGIN SELECT RAISE(ABORT, 'a plan''s schedule never changes: renegotiate'); END;
--> statement-breakpoint
CREATE TRIGGER `plan_instalments_no_delete` BEFORE DELETE ON `plan_instalments`
BEGIN SELECT RAISE(ABORT, 'a plan''s schedule is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `remittances_no_delete` BEFORE DELETE ON `remittances`
BEGIN SELECT RAISE(ABORT, 'remittances are never deleted: void them'); END;
--> statement-breakpoint
CREATE TRIGGER `remittances_fixed` BEFORE UPDATE OF `number`, `client_id`, `currency`, `collected_minor`, `fee_minor`, `net_minor`, `statement_sha256` ON `remittances`
WHEN OLD.statement_sha256 IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a remittance''s figures and statement never change'); END;

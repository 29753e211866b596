-- drizzle-kit writes expression indexes wrongly (it quotes the expression as a column): the two coalesce() indexes below are corrected by hand.
CREATE TABLE `clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name_ar` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`cr_number` text DEFAULT '' NOT NULL,
	`vat_number` text DEFAULT '' NOT NULL,
	`national_id` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`iban` text DEFAULT '' NOT NULL,
	`bank_name` text DEFAULT '' NOT NULL,
	`contacts` text DEFAULT '[]' NOT NULL,
	`fee_percent_bp` integer,
	`fee_fixed_per_stage` text DEFAULT '{}' NOT NULL,
	`rule_pack` text DEFAULT 'none' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `clients_name` ON `clients` (`name_ar`);--> statement-breakpoint
CREATE TABLE `parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`national_id` text DEFAULT '' NOT NULL,
	`cr_number` text DEFAULT '' NOT NULL,
	`vat_number` text DEFAULT '' NOT NULL,
	`phones` text DEFAULT '[]' NOT NULL,
	`emails` text DEFAULT '[]' NOT NULL,
	`address` text DEFAULT '{}' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`employer` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parties_national_id` ON `parties` (`national_id`) WHERE national_id <> '';--> statement-breakpoint
CREATE UNIQUE INDEX `parties_cr_number` ON `parties` (`cr_number`) WHERE cr_number <> '';--> statement-breakpoint
CREATE INDEX `parties_name` ON `parties` (`name`);--> statement-breakpoint
CREATE TABLE `powers_of_attorney` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`number` text NOT NULL,
	`notary` text DEFAULT '' NOT NULL,
	`issued_on` text NOT NULL,
	`expires_on` text,
	`pleading_clause` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `poa_client` ON `powers_of_attorney` (`client_id`);--> statement-breakpoint
CREATE TABLE `case_parties` (
	`case_id` integer NOT NULL,
	`party_id` integer NOT NULL,
	`role` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`case_id`, `party_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_parties_party` ON `case_parties` (`party_id`);--> statement-breakpoint
CREATE TABLE `case_tags` (
	`case_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`case_id`, `tag`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_tags_tag` ON `case_tags` (`tag`,`case_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`client_id` integer NOT NULL,
	`client_reference` text DEFAULT '' NOT NULL,
	`debtor_name` text DEFAULT '' NOT NULL,
	`instrument_type` text NOT NULL,
	`instrument_number` text DEFAULT '' NOT NULL,
	`instrument_issued_on` text,
	`due_date` text,
	`note_registered` integer,
	`currency` text DEFAULT 'SAR' NOT NULL,
	`principal_minor` integer NOT NULL,
	`costs_minor` integer DEFAULT 0 NOT NULL,
	`fees_minor` integer DEFAULT 0 NOT NULL,
	`claim_minor` integer NOT NULL,
	`lawyer_id` text,
	`paralegal_id` text,
	`status` text DEFAULT 'active' NOT NULL,
	`stage` text DEFAULT 'intake' NOT NULL,
	`stage_entered_on` text NOT NULL,
	`opened_on` text NOT NULL,
	`next_action_on` text,
	`escalation_next_stage` text,
	`escalation_due_on` text,
	`court` text DEFAULT '' NOT NULL,
	`circuit` text DEFAULT '' NOT NULL,
	`najiz_number` text DEFAULT '' NOT NULL,
	`judge` text DEFAULT '' NOT NULL,
	`notice_delivered_on` text,
	`demand_delivered_on` text,
	`has_judgment` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lawyer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`paralegal_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference` ON `cases` (`reference`);--> statement-breakpoint
CREATE INDEX `cases_client` ON `cases` (`client_id`,`opened_on`,`id`);--> statement-breakpoint
CREATE INDEX `cases_stage` ON `cases` (`stage`,`opened_on`,`id`);--> statement-breakpoint
CREATE INDEX `cases_status` ON `cases` (`status`,`opened_on`,`id`);--> statement-breakpoint
CREATE INDEX `cases_opened` ON `cases` (`opened_on`,`id`);--> statement-breakpoint
CREATE INDEX `cases_next_action` ON `cases` (coalesce(`next_action_on`, '9999-12-31'),`id`);--> statement-breakpoint
CREATE INDEX `cases_claim` ON `cases` (`claim_minor`,`id`);--> statement-breakpoint
CREATE INDEX `cases_lawyer` ON `cases` (`lawyer_id`,`opened_on`,`id`);--> statement-breakpoint
CREATE INDEX `cases_paralegal` ON `cases` (`paralegal_id`,`opened_on`,`id`);--> statement-breakpoint
CREATE INDEX `cases_client_ref` ON `cases` (`client_id`,`client_reference`);--> statement-breakpoint
CREATE INDEX `cases_escalation` ON `cases` (`escalation_due_on`,`id`);--> statement-breakpoint
CREATE INDEX `cases_due` ON `cases` (coalesce(`due_date`, '9999-12-31'),`id`);--> statement-breakpoint
CREATE INDEX `cases_instrument` ON `cases` (`instrument_type`,`opened_on`,`id`);--> statement-breakpoint
CREATE INDEX `cases_debtor_name` ON `cases` (`debtor_name`,`id`);--> statement-breakpoint
CREATE TABLE `reference_counters` (
	`year` integer PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stage_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`on_date` text NOT NULL,
	`at` text NOT NULL,
	`by_user_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`override` integer DEFAULT false NOT NULL,
	`guards` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stage_moves_case` ON `stage_moves` (`case_id`,`id`);
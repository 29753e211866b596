CREATE TABLE `blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer,
	`party_id` integer,
	`client_id` integer,
	`type` text NOT NULL,
	`file_name` text NOT NULL,
	`kind` text NOT NULL,
	`mime` text NOT NULL,
	`renamed` integer DEFAULT false NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`document_date` text,
	`notes` text DEFAULT '' NOT NULL,
	`removed_at` text,
	`removed_by` text,
	`removed_reason` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "documents_one_owner" CHECK(("documents"."case_id" IS NOT NULL) + ("documents"."party_id" IS NOT NULL) + ("documents"."client_id" IS NOT NULL) = 1)
);
--> statement-breakpoint
CREATE INDEX `documents_case` ON `documents` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `documents_party` ON `documents` (`party_id`,`id`);--> statement-breakpoint
CREATE INDEX `documents_client` ON `documents` (`client_id`,`id`);--> statement-breakpoint
CREATE INDEX `documents_sha` ON `documents` (`sha256`);--> statement-breakpoint
CREATE TABLE `communications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`party_id` integer,
	`channel` text NOT NULL,
	`direction` text NOT NULL,
	`occurred_at` text NOT NULL,
	`user_id` text,
	`outcome` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`follow_up_on` text,
	`letter_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `communications_case` ON `communications` (`case_id`,`occurred_at`,`id`);--> statement-breakpoint
CREATE INDEX `communications_letter` ON `communications` (`letter_id`);--> statement-breakpoint
CREATE TABLE `letter_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`lang` text NOT NULL,
	`count` integer NOT NULL,
	`pdf_sha256` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`pdf_sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `letter_templates` (
	`kind` text NOT NULL,
	`lang` text NOT NULL,
	`body` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`kind`, `lang`),
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`case_id` integer NOT NULL,
	`party_id` integer,
	`kind` text NOT NULL,
	`lang` text NOT NULL,
	`letter_date` text NOT NULL,
	`deadline_on` text,
	`amount_minor` integer,
	`currency` text,
	`pdf_sha256` text NOT NULL,
	`first_page` integer DEFAULT 1 NOT NULL,
	`page_count` integer NOT NULL,
	`batch_id` integer,
	`verify_code` text NOT NULL,
	`dispatch_state` text DEFAULT 'generated' NOT NULL,
	`dispatch_method` text,
	`sent_on` text,
	`delivered_on` text,
	`returned_on` text,
	`delivery_proof_id` integer,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pdf_sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `letter_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_proof_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letters_number` ON `letters` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `letters_year_seq` ON `letters` (`year`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `letters_verify` ON `letters` (`verify_code`);--> statement-breakpoint
CREATE INDEX `letters_case` ON `letters` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `letters_batch` ON `letters` (`batch_id`);--> statement-breakpoint
CREATE INDEX `letters_state` ON `letters` (`dispatch_state`,`id`);--> statement-breakpoint
CREATE TABLE `outgoing_counters` (
	`year` integer PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `users` ADD `licence_number` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `phone` text DEFAULT '' NOT NULL;
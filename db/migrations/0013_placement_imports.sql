CREATE TABLE `import_items` (
	`import_id` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	PRIMARY KEY(`import_id`, `entity`, `entity_id`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_items_entity` ON `import_items` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`client_id` integer PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`file_kind` text NOT NULL,
	`encoding` text DEFAULT '' NOT NULL,
	`mapping` text NOT NULL,
	`rows_total` integer NOT NULL,
	`rows_skipped` integer DEFAULT 0 NOT NULL,
	`cases_created` integer DEFAULT 0 NOT NULL,
	`cases_matched` integer DEFAULT 0 NOT NULL,
	`debtors_created` integer DEFAULT 0 NOT NULL,
	`debtors_matched` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'committed' NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`undone_by` text,
	`undone_at` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `imports_client` ON `imports` (`client_id`,`id`);--> statement-breakpoint
CREATE INDEX `imports_sha` ON `imports` (`file_sha256`);
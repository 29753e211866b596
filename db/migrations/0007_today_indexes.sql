CREATE INDEX `cases_lawyer_escalation` ON `cases` (`lawyer_id`,`escalation_due_on`);--> statement-breakpoint
CREATE INDEX `cases_paralegal_escalation` ON `cases` (`paralegal_id`,`escalation_due_on`);--> statement-breakpoint
CREATE INDEX `hearings_judgment` ON `hearings` (`judgment_on`);--> statement-breakpoint
CREATE INDEX `tasks_source_due` ON `tasks` (`source`,`done_at`,`due_on`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_source_due` ON `tasks` (`assignee_id`,`source`,`done_at`,`due_on`);
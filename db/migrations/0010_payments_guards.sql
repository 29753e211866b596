-- Payments are evidence too: never deleted or edited; a reversal is a new row.
CREATE TRIGGER `payments_no_delete` BEFORE DELETE ON `payments`
BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `payments_fixed` BEFORE UPDATE OF `case_id`, `on_date`, `amount_minor`, `currency`, `alloc_costs_minor`, `alloc_fees_minor`, `alloc_principal_minor`, `alloc_late_minor`, `credit_minor`, `reverses_id` ON `payments`
BEGIN SELECT RAISE(ABORT, 'a payment never changes: reverse it'); END;

CREATE INDEX `stage_moves_to` ON `stage_moves` (`to_stage`,`on_date`);--> statement-breakpoint
CREATE INDEX `stage_moves_from` ON `stage_moves` (`from_stage`,`on_date`,`days_in_from`);
DROP INDEX `stage_moves_period`;--> statement-breakpoint
ALTER TABLE `stage_moves` ADD `days_in_from` integer;--> statement-breakpoint
-- Whole days each case spent in the stage it left: from its move before (or its opening when there is none).
UPDATE `stage_moves` SET `days_in_from` = CAST(julianday(`on_date`) - julianday(coalesce(
  (SELECT p.`on_date` FROM `stage_moves` p WHERE p.`case_id` = `stage_moves`.`case_id` AND p.`id` < `stage_moves`.`id` ORDER BY p.`id` DESC LIMIT 1),
  (SELECT c.`opened_on` FROM `cases` c WHERE c.`id` = `stage_moves`.`case_id`))) AS INTEGER)
WHERE `from_stage` IS NOT NULL;--> statement-breakpoint
-- Every later move gets it at insert, whoever writes it (the cases service, the seed, imports).
CREATE TRIGGER `stage_moves_days_in_from` AFTER INSERT ON `stage_moves`
WHEN NEW.`from_stage` IS NOT NULL AND NEW.`days_in_from` IS NULL
BEGIN
  UPDATE `stage_moves` SET `days_in_from` = CAST(julianday(NEW.`on_date`) - julianday(coalesce(
    (SELECT p.`on_date` FROM `stage_moves` p WHERE p.`case_id` = NEW.`case_id` AND p.`id` < NEW.`id` ORDER BY p.`id` DESC LIMIT 1),
    (SELECT c.`opened_on` FROM `cases` c WHERE c.`id` = NEW.`case_id`))) AS INTEGER)
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE INDEX `stage_moves_period` ON `stage_moves` (`on_date`,`case_id`,`from_stage`,`to_stage`,`by_user_id`,`days_in_from`);

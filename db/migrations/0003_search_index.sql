-- Global search: one trigram FTS5 index over Arabic-normalised names, references, IDs and phone keys.
-- rowid = entity id * 4 + kind (1 case, 2 party, 3 client), so a row is replaced without a lookup.
CREATE VIRTUAL TABLE `search_index` USING fts5(`body`, `kind` UNINDEXED, `ref_id` UNINDEXED, tokenize = 'trigram');

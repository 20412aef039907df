-- geokg schema, version 3: faster writes.
--
-- The full-text index of sentences is filled once per write transaction by geokg
-- (`INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id >= ...`)
-- instead of by a trigger per sentence: FTS5 flushes its pending terms at every statement
-- savepoint, so the trigger made each sentence a tiny index segment to merge later.
-- Sentences inserted by hand with `geokg query --write` are indexed by
--   INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
DROP TRIGGER sentences_fts_insert;

-- events(source_id) is the prefix of events_edge (source_id, target_id, plover).
DROP INDEX events_source;

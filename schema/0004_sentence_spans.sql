-- geokg schema, version 4: a sentence's text is stored once, in its document.
--
-- Sentence rows keep their byte offsets in `sentence_spans`; `sentences` becomes a view with
-- the same columns as before, its text cut from `documents.text`. This drops about an eighth
-- of the database. The full-text index keeps `sentences` as its external content.

DROP TRIGGER sentences_fts_delete;
DROP VIEW events_gdelt;
DROP VIEW event_evidence;

-- Renaming carries the foreign keys of mentions and events over to the new name.
ALTER TABLE sentences RENAME TO sentence_spans;
ALTER TABLE sentence_spans DROP COLUMN text;

-- Offsets are in bytes, so the text is cut from the document as a blob.
CREATE VIEW sentences AS
SELECT s.id, s.document_id, s.idx, s.start, s."end",
       CAST(substr(CAST(d.text AS BLOB), s.start + 1, s."end" - s.start) AS TEXT) AS text
FROM sentence_spans s
JOIN documents d ON d.id = s.document_id;

-- Deleting a document (by hand: geokg itself never deletes) takes its sentences out of the
-- full-text index while their text can still be read.
CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text)
    SELECT 'delete', id, text FROM sentences WHERE document_id = old.id;
END;

-- The two views of version 2 that show the sentence, unchanged but for reading it from the
-- view above.
CREATE VIEW events_gdelt AS
SELECT e.id AS GLOBALEVENTID,
       CAST(replace(e.date, '-', '') AS INTEGER) AS SQLDATE,
       s.code AS Actor1Code, s.name AS Actor1Name, s.country AS Actor1CountryCode,
       s.sector AS Actor1Type1Code,
       t.code AS Actor2Code, t.name AS Actor2Name, t.country AS Actor2CountryCode,
       t.sector AS Actor2Type1Code,
       e.cameo AS EventCode, substr(e.cameo, 1, 3) AS EventBaseCode, e.root_code AS EventRootCode,
       e.quad_class AS QuadClass, e.goldstein AS GoldsteinScale,
       g.reports AS NumMentions, g.documents AS NumArticles,
       e.plover AS PLOVER, e.plover_mode AS PLOVERMode, e.negated AS IsNegated,
       e.modality AS Modality, e.location AS ActionGeo_FullName,
       d.url AS SOURCEURL, d.doc_id AS DocumentId, se.text AS Sentence
FROM events e
JOIN actors s ON s.id = e.source_id
LEFT JOIN actors t ON t.id = e.target_id
JOIN documents d ON d.id = e.document_id
JOIN sentences se ON se.id = e.sentence_id
LEFT JOIN event_groups g ON g.id = e.group_id;

CREATE VIEW event_evidence AS
SELECT e.id AS event_id, e.date, s.name AS source, s.code AS source_code, e.plover,
       e.relation_text, t.name AS target, t.code AS target_code, e.negated, e.modality,
       a.name AS attributed_to, se.text AS sentence, d.title, d.date AS document_date,
       d.url, d.doc_id
FROM events e
JOIN actors s ON s.id = e.source_id
LEFT JOIN actors t ON t.id = e.target_id
LEFT JOIN actors a ON a.id = e.attributed_id
JOIN sentences se ON se.id = e.sentence_id
JOIN documents d ON d.id = e.document_id;

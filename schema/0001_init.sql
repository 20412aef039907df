-- geokg schema, version 1: documents, sentences, actors, mentions and events with provenance.
-- Applied by the store on open; PRAGMA user_version records the version reached.

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL,              -- external id, else the content hash prefix
    hash        TEXT NOT NULL UNIQUE,       -- SHA-256 of the text: re-ingesting is a no-op
    title       TEXT,
    date        TEXT,                       -- YYYY-MM-DD
    source      TEXT,
    url         TEXT,
    origin      TEXT,                       -- file (or file:line) the document was read from
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_doc_id ON documents(doc_id);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,           -- position in the document, from 0
    start       INTEGER NOT NULL,           -- byte offsets into documents.text
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (document_id, idx)
);

-- One row per canonical actor: a name and the code it had.
CREATE TABLE actors (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    code        TEXT NOT NULL DEFAULT '',   -- CAMEO-style code, '' for uncoded named entities
    country     TEXT,
    sector      TEXT,
    kind        TEXT NOT NULL,
    UNIQUE (name, code)
);
CREATE INDEX actors_code ON actors(code);

CREATE TABLE actor_aliases (
    actor_id    INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_alias ON actor_aliases(alias COLLATE NOCASE);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    actor_id    INTEGER NOT NULL REFERENCES actors(id),
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_sentence ON mentions(sentence_id);

CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id     INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    source_id       INTEGER NOT NULL REFERENCES actors(id),
    target_id       INTEGER REFERENCES actors(id),
    attributed_id   INTEGER REFERENCES actors(id),
    source_text     TEXT NOT NULL,
    target_text     TEXT,
    relation_text   TEXT NOT NULL,
    relation_lemma  TEXT NOT NULL,
    cameo           TEXT NOT NULL,          -- CAMEO event code (GDELT EventCode)
    root_code       TEXT NOT NULL,          -- first two digits (GDELT EventRootCode)
    plover          TEXT NOT NULL,          -- PLOVER type or OTHER
    plover_mode     TEXT,
    goldstein       REAL NOT NULL,
    quad_class      INTEGER NOT NULL,
    negated         INTEGER NOT NULL,       -- 0/1: negated events take no part in aggregates
    modality        TEXT NOT NULL,
    date            TEXT,                   -- YYYY-MM-DD
    location        TEXT,
    confidence      REAL NOT NULL,
    relation_start  INTEGER NOT NULL,       -- byte offsets into documents.text
    relation_end    INTEGER NOT NULL,
    source_start    INTEGER NOT NULL,
    source_end      INTEGER NOT NULL,
    target_start    INTEGER,
    target_end      INTEGER
);
CREATE INDEX events_source ON events(source_id);
CREATE INDEX events_target ON events(target_id);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_plover ON events(plover);

-- Full-text search over sentences.
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- Counted events aggregated into weighted edges: one row per (source, target, PLOVER type).
CREATE VIEW edges AS
SELECT e.source_id, e.target_id, e.plover, e.quad_class,
       COUNT(*) AS count,
       COUNT(DISTINCT e.document_id) AS documents,
       MIN(e.date) AS first_date,
       MAX(e.date) AS last_date,
       AVG(e.goldstein) AS mean_goldstein
FROM events e
WHERE e.negated = 0 AND e.plover <> 'OTHER' AND e.target_id IS NOT NULL
GROUP BY e.source_id, e.target_id, e.plover, e.quad_class;

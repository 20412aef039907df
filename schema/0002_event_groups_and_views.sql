-- geokg schema, version 2: distinct events across articles, aggregated edges maintained on
-- insert, and views for analysts (GDELT-style columns, evidence, timelines).

ALTER TABLE documents ADD COLUMN extra TEXT;   -- other fields of the input record (JSON)
CREATE INDEX documents_url ON documents(url);

-- One row per distinct counted event: the same source, target, CAMEO code and date reported
-- by several articles is one event with several pieces of evidence (the rows of `events`).
CREATE TABLE event_groups (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES actors(id),
    target_id   INTEGER REFERENCES actors(id),
    target_key  INTEGER NOT NULL,               -- target_id, or 0 for events without target
    cameo       TEXT NOT NULL,
    plover      TEXT NOT NULL,
    quad_class  INTEGER NOT NULL,
    goldstein   REAL NOT NULL,
    date        TEXT NOT NULL DEFAULT '',       -- YYYY-MM-DD, '' when unknown
    reports     INTEGER NOT NULL DEFAULT 0,     -- how many extracted events (article mentions)
    documents   INTEGER NOT NULL DEFAULT 0,     -- how many articles
    UNIQUE (source_id, target_key, cameo, date)
);
CREATE INDEX event_groups_target ON event_groups(target_key);
CREATE INDEX event_groups_date ON event_groups(date);

ALTER TABLE events ADD COLUMN group_id INTEGER REFERENCES event_groups(id);
CREATE INDEX events_group ON events(group_id);
CREATE INDEX events_edge ON events(source_id, target_id, plover);

-- Counted events with a target aggregated per (source, target, PLOVER type); maintained by
-- geokg as documents are stored (rebuilt from `events` by this migration).
CREATE TABLE edge_stats (
    source_id     INTEGER NOT NULL,
    target_id     INTEGER NOT NULL,
    plover        TEXT NOT NULL,
    quad_class    INTEGER NOT NULL,
    events        INTEGER NOT NULL DEFAULT 0,   -- distinct events (event groups)
    reports       INTEGER NOT NULL DEFAULT 0,   -- article mentions
    documents     INTEGER NOT NULL DEFAULT 0,   -- articles
    goldstein_sum REAL NOT NULL DEFAULT 0,      -- over distinct events
    first_date    TEXT,
    last_date     TEXT,
    PRIMARY KEY (source_id, target_id, plover)
) WITHOUT ROWID;
CREATE INDEX edge_stats_target ON edge_stats(target_id);

-- Backfill from a version-1 database.
INSERT INTO event_groups (source_id, target_id, target_key, cameo, plover, quad_class, goldstein, date, reports, documents)
SELECT source_id, target_id, coalesce(target_id, 0), cameo, plover, quad_class, goldstein,
       coalesce(date, ''), COUNT(*), COUNT(DISTINCT document_id)
FROM events
WHERE negated = 0 AND plover <> 'OTHER'
GROUP BY source_id, coalesce(target_id, 0), cameo, coalesce(date, '');

UPDATE events SET group_id = (
    SELECT g.id FROM event_groups g
    WHERE g.source_id = events.source_id AND g.target_key = coalesce(events.target_id, 0)
      AND g.cameo = events.cameo AND g.date = coalesce(events.date, ''))
WHERE negated = 0 AND plover <> 'OTHER';

INSERT INTO edge_stats (source_id, target_id, plover, quad_class, events, reports, documents, goldstein_sum, first_date, last_date)
SELECT g.source_id, g.target_id, g.plover, g.quad_class, COUNT(*), SUM(g.reports),
       (SELECT COUNT(DISTINCT e.document_id) FROM events e JOIN event_groups h ON h.id = e.group_id
         WHERE h.source_id = g.source_id AND h.target_id = g.target_id AND h.plover = g.plover),
       SUM(g.goldstein), MIN(nullif(g.date, '')), MAX(nullif(g.date, ''))
FROM event_groups g
WHERE g.target_id IS NOT NULL
GROUP BY g.source_id, g.target_id, g.plover, g.quad_class;

-- Edges as version 1 had them, now from edge_stats: `count` is distinct events.
DROP VIEW edges;
CREATE VIEW edges AS
SELECT source_id, target_id, plover, quad_class,
       events AS count, reports, documents, first_date, last_date,
       goldstein_sum / events AS mean_goldstein
FROM edge_stats;

-- Edges with actor names and codes, GDELT-style column names.
CREATE VIEW edges_named AS
SELECT s.code AS Actor1Code, s.name AS Actor1Name, t.code AS Actor2Code, t.name AS Actor2Name,
       x.plover AS PLOVER, x.quad_class AS QuadClass, x.events AS NumEvents,
       x.reports AS NumMentions, x.documents AS NumArticles,
       round(x.goldstein_sum / x.events, 2) AS AvgGoldsteinScale,
       x.first_date AS FirstDate, x.last_date AS LastDate
FROM edge_stats x
JOIN actors s ON s.id = x.source_id
JOIN actors t ON t.id = x.target_id;

-- Every extracted event with GDELT column names where the meaning is the same.
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

-- Events with their evidence: the sentence and the article it came from.
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

-- Per actor and day: counted events it did and suffered, and their mean Goldstein score.
CREATE VIEW actor_timeline AS
SELECT a.id AS actor_id, a.name, a.code, x.date,
       SUM(x.as_source) AS as_source, SUM(x.as_target) AS as_target,
       round(AVG(x.goldstein), 2) AS mean_goldstein
FROM (SELECT source_id AS actor_id, date, 1 AS as_source, 0 AS as_target, goldstein
        FROM event_groups
      UNION ALL
      SELECT target_id, date, 0, 1, goldstein FROM event_groups WHERE target_id IS NOT NULL) x
JOIN actors a ON a.id = x.actor_id
GROUP BY a.id, x.date;

//! End-to-end tests: the real binary on the sample articles and fixtures.

mod common;

use common::{geokg, repo, stdout_of};
use predicates::prelude::*;
use std::path::{Path, PathBuf};

/// The CSV of `sql` run on `db`, header included.
fn query(db: &Path, sql: &str) -> String {
    stdout_of(geokg(db).args(["query", "--format", "csv", sql]))
}

fn count(db: &Path, table: &str) -> u64 {
    let csv = query(db, &format!("SELECT COUNT(*) FROM {table}"));
    csv.lines().nth(1).unwrap().trim().parse().unwrap()
}

const TABLES: [&str; 6] = [
    "documents",
    "sentences",
    "actors",
    "actor_aliases",
    "mentions",
    "events",
];

#[test]
fn ingest_query_export_on_samples() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    geokg(&db)
        .args(["ingest", "--quiet"])
        .arg(repo("data/samples"))
        .assert()
        .success()
        .stderr(predicate::str::contains("8 stored"));
    assert_eq!(count(&db, "documents"), 8);
    assert!(count(&db, "events") >= 20, "too few events");
    // Every event points at a stored sentence of its own document.
    let orphans = query(
        &db,
        "SELECT COUNT(*) FROM events e JOIN sentences s ON s.id = e.sentence_id WHERE s.document_id <> e.document_id",
    );
    assert_eq!(orphans.lines().nth(1), Some("0"));
    let dot_path = dir.path().join("g.dot");
    geokg(&db)
        .args(["export", "-o"])
        .arg(&dot_path)
        .assert()
        .success();
    let dot = std::fs::read_to_string(&dot_path).unwrap();
    assert!(dot.starts_with("digraph geokg {"));
    assert!(dot.contains("->"));
    let svg_path = dir.path().join("g.svg");
    geokg(&db)
        .args(["export", "-o"])
        .arg(&svg_path)
        .assert()
        .success();
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.contains("<svg") && svg.contains("class=\"edge\""));
}

#[test]
fn ingest_twice_changes_no_row_count() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let sample = repo("data/samples");
    geokg(&db)
        .args(["ingest", "-q"])
        .arg(&sample)
        .assert()
        .success();
    let before: Vec<u64> = TABLES.iter().map(|t| count(&db, t)).collect();
    geokg(&db)
        .args(["ingest"])
        .arg(&sample)
        .assert()
        .success()
        .stderr(predicate::str::contains("already stored"));
    let after: Vec<u64> = TABLES.iter().map(|t| count(&db, t)).collect();
    assert_eq!(before, after);
}

#[test]
fn query_is_read_only_without_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    geokg(&db)
        .args(["ingest", "-q"])
        .arg(repo("tests/fixtures/simple.txt"))
        .assert()
        .success();
    let events = count(&db, "events");
    assert!(events > 0);
    geokg(&db)
        .args(["query", "DELETE FROM events"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("read-only").and(predicate::str::contains("--write")));
    assert_eq!(count(&db, "events"), events);
    geokg(&db)
        .args(["query", "--write", "DELETE FROM events"])
        .assert()
        .success();
    assert_eq!(count(&db, "events"), 0);
}

#[test]
fn query_on_missing_database_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    geokg(&db)
        .args(["query", "SELECT 1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("missing.db"));
    assert!(
        !db.exists(),
        "a read-only query must not create the database"
    );
}

#[test]
fn extract_jsonl_writes_the_event_fields() {
    let dir = tempfile::tempdir().unwrap();
    let out = geokg(&dir.path().join("unused.db"))
        .args(["extract", "--input-format", "jsonl", "--format", "jsonl"])
        .arg(repo("tests/fixtures/articles.jsonl"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let fields = [
        "doc_id",
        "sentence_index",
        "sentence",
        "source",
        "relation",
        "target",
        "cameo",
        "plover",
        "plover_mode",
        "goldstein",
        "quad_class",
        "negated",
        "modality",
        "attributed_to",
        "date",
        "location",
        "confidence",
    ];
    let mut lines = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let object = v.as_object().unwrap();
        for f in fields {
            assert!(object.contains_key(f), "missing {f} in {line}");
        }
        assert_eq!(object.len(), fields.len(), "unexpected fields in {line}");
        for part in ["source"] {
            let actor = object[part].as_object().unwrap();
            for f in ["text", "name", "code", "country", "sector", "kind"] {
                assert!(actor.contains_key(f), "{part} lacks {f}");
            }
        }
        let doc_id = object["doc_id"].as_str().unwrap();
        assert!(
            doc_id.starts_with("art-"),
            "doc_id should be the line's id, got {doc_id}"
        );
        lines += 1;
    }
    assert!(
        lines >= 3,
        "expected events from the fixture articles, got {lines}"
    );
    assert!(
        !dir.path().join("unused.db").exists(),
        "extract must not create a database"
    );
}

#[test]
fn extract_reads_header_lines_like_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let out = geokg(&dir.path().join("x.db"))
        .args(["extract", "-f", "jsonl"])
        .arg(repo("tests/fixtures/simple.txt"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // The header's Date: line dates the events; the Title: line is not a sentence.
    assert!(text.lines().count() > 3);
    assert!(!text.contains("\"sentence\":\"Title:"));
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert!(first["date"].as_str().is_some_and(|d| d.starts_with("20")));
}

#[test]
fn eval_prints_its_figures() {
    let dir = tempfile::tempdir().unwrap();
    geokg(&dir.path().join("x.db"))
        .arg("eval")
        .arg(repo("data/gold/samples.jsonl"))
        .assert()
        .success()
        .stdout(
            predicate::str::contains("recall")
                .and(predicate::str::contains("precision"))
                .and(predicate::str::contains("F1"))
                .and(predicate::str::contains("type recall"))
                .and(predicate::str::contains("ASSAULT")),
        );
}

#[test]
fn bad_dictionary_line_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("mine.actors");
    std::fs::write(&dict, "Some Group\n    not-a-code\n").unwrap();
    geokg(&dir.path().join("x.db"))
        .args(["extract", "--dict"])
        .arg(&dict)
        .arg(repo("tests/fixtures/simple.txt"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("mine.actors:2"));
}

#[test]
fn user_dictionary_adds_an_actor() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("mine.actors");
    std::fs::write(&dict, "Zorblat Liberation Front | ZLF\n    MLIREB\n").unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Date: 2024-02-02\n\nThe Zorblat Liberation Front attacked Mali on Monday.\n",
    )
    .unwrap();
    let out = geokg(&dir.path().join("x.db"))
        .args(["extract", "--dict"])
        .arg(&dict)
        .arg(&article)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"code\":\"MLIREB\""), "{text}");
}

#[test]
fn hostile_names_do_not_break_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    geokg(&db)
        .args(["ingest", "-q"])
        .arg(repo("tests/fixtures/hostile.txt"))
        .assert()
        .success();
    let dot = geokg(&db)
        .args(["export", "--format", "dot"])
        .output()
        .unwrap();
    assert!(dot.status.success());
    let svg = geokg(&db)
        .args(["export", "--format", "svg"])
        .output()
        .unwrap();
    assert!(
        svg.status.success(),
        "{}",
        String::from_utf8_lossy(&svg.stderr)
    );
    let svg = String::from_utf8(svg.stdout).unwrap();
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn unknown_input_path_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    geokg(&dir.path().join("t.db"))
        .args(["ingest", "no/such/article.txt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no/such/article.txt"));
}

#[test]
fn database_of_schema_version_1_opens_and_migrates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    std::fs::copy(repo("tests/fixtures/schema-v1.db"), &db).unwrap();
    // The same event reported twice in the old data is one distinct event with two reports.
    assert_eq!(
        query(
            &db,
            "SELECT count, reports FROM edges WHERE plover = 'ASSAULT'"
        )
        .lines()
        .nth(1),
        Some("1,2")
    );
    assert_eq!(query(&db, "PRAGMA user_version").lines().nth(1), Some("4"));
    assert_eq!(count(&db, "events"), 3);
    // New documents go in next to the old ones.
    geokg(&db)
        .args(["ingest", "-q"])
        .arg(repo("tests/fixtures/simple.txt"))
        .assert()
        .success();
    assert_eq!(count(&db, "documents"), 2);
}

/// A database of the sample articles, as the quick start builds it.
fn samples_db(dir: &Path) -> PathBuf {
    let db = dir.join("samples.db");
    geokg(&db)
        .args(["ingest", "-q"])
        .arg(repo("data/samples"))
        .assert()
        .success();
    db
}

#[test]
fn questions_without_sql_on_samples() {
    let dir = tempfile::tempdir().unwrap();
    let db = samples_db(dir.path());
    let stats = stdout_of(geokg(&db).arg("stats"));
    assert!(stats.contains("documents        8"), "{stats}");
    assert!(stats.contains("top actors by weighted PageRank"), "{stats}");
    // Every listed event involves the actor asked for, by name or alias.
    let events = stdout_of(geokg(&db).args(["events", "--actor", "Hamas", "--format", "csv"]));
    let rows: Vec<&str> = events.lines().skip(1).collect();
    assert!(!rows.is_empty(), "{events}");
    assert!(rows.iter().all(|r| r.contains("PSEREB")), "{events}");
    let typed = stdout_of(geokg(&db).args(["events", "--type", "ASSAULT", "--format", "csv"]));
    assert!(
        typed.lines().skip(1).all(|r| r.contains(",ASSAULT,")),
        "{typed}"
    );
    // A chain of events with its evidence sentence in quotes.
    let path = stdout_of(geokg(&db).args(["path", "Russia", "Ukraine"]));
    assert!(path.starts_with("path 1 (1 hop):"), "{path}");
    assert!(
        path.contains("--ASSAULT") && path.contains("\"Russia attacked"),
        "{path}"
    );
    let found = stdout_of(geokg(&db).args(["search", "prisoners"]));
    assert!(found.contains("prisoners of war"), "{found}");
    // Unknown and ambiguous names get clear messages.
    geokg(&db)
        .args(["events", "--actor", "Atlantis"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown actor \"Atlantis\""));
    geokg(&db)
        .args(["path", "an", "Ukraine"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("ambiguous"));
}

#[test]
fn exports_in_every_format_from_a_neighbourhood() {
    let dir = tempfile::tempdir().unwrap();
    let db = samples_db(dir.path());
    let out = |name: &str| dir.path().join(name);
    for name in ["r.graphml", "r.json", "r.png", "r.csv", "r.svg"] {
        geokg(&db)
            .args(["export", "--actor", "Taliban", "--hops", "2", "-o"])
            .arg(out(name))
            .assert()
            .success();
    }
    // GraphML: every edge joins declared nodes.
    let xml = std::fs::read_to_string(out("r.graphml")).unwrap();
    assert!(xml.starts_with("<?xml"));
    let ids: Vec<&str> = xml
        .split("<node id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert!(ids.len() >= 3, "{xml}");
    for edge in xml.split("<edge ").skip(1) {
        for end in ["source=\"", "target=\""] {
            let at = edge.find(end).unwrap() + end.len();
            let id = &edge[at..at + edge[at..].find('"').unwrap()];
            assert!(ids.contains(&id), "{id} is not a node");
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out("r.json")).unwrap()).unwrap();
    assert_eq!(json["nodes"].as_array().unwrap().len(), ids.len());
    assert!(json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["name"] == "Taliban" && n["seed"] == true));
    let png = std::fs::read(out("r.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let edges_csv = std::fs::read_to_string(out("r.csv")).unwrap();
    assert!(edges_csv.starts_with("source,"), "{edges_csv}");
    let nodes_csv = std::fs::read_to_string(out("r.nodes.csv")).unwrap();
    assert_eq!(nodes_csv.lines().count(), ids.len() + 1);
    let svg = std::fs::read_to_string(out("r.svg")).unwrap();
    assert!(svg.contains("<title>") && svg.contains("Taliban"));
}

#[test]
fn exports_do_not_depend_on_ingest_order_or_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let one = samples_db(dir.path());
    // The same articles, one at a time in reverse order, on two jobs.
    let two = dir.path().join("reverse.db");
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo("data/samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.reverse();
    for file in files {
        geokg(&two)
            .args(["ingest", "-q", "--jobs", "2"])
            .arg(file)
            .assert()
            .success();
    }
    for format in ["dot", "json", "graphml"] {
        let export = |db: &Path| stdout_of(geokg(db).args(["export", "--format", format]));
        assert_eq!(export(&one), export(&two), "{format} differs");
    }
}

/// The aggregates agree with the events they count: every counted event is in one group, the
/// groups' reports add up to those events, and the edge statistics to the events with a target.
fn assert_aggregates_match_events(db: &Path) {
    let sums = query(
        db,
        "SELECT (SELECT COUNT(*) FROM events WHERE group_id IS NOT NULL) AS counted,
                (SELECT COALESCE(SUM(reports), 0) FROM event_groups) AS reports,
                (SELECT COUNT(*) FROM events e JOIN event_groups g ON g.id = e.group_id
                  WHERE g.source_id <> e.source_id OR g.cameo <> e.cameo) AS misplaced,
                (SELECT COUNT(*) FROM events WHERE group_id IS NOT NULL AND target_id IS NOT NULL)
                  AS targeted,
                (SELECT COALESCE(SUM(reports), 0) FROM edge_stats) AS edge_reports",
    );
    let row: Vec<&str> = sums.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(row[0], row[1], "events against group reports: {sums}");
    assert_eq!(row[2], "0", "events in another actor's group: {sums}");
    assert_eq!(row[3], row[4], "events against edge reports: {sums}");
}

#[test]
fn recode_applies_a_new_dictionary_to_stored_documents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Date: 2024-02-02\n\nThe Zorblat Liberation Front attacked Mali on Monday. \
         Mali's army said it had repelled the Zorblat Liberation Front near Gao.\n",
    )
    .unwrap();
    geokg(&db)
        .args(["ingest", "-q"])
        .arg(&article)
        .arg(repo("data/samples"))
        .assert()
        .success();
    let coded =
        "SELECT COUNT(*) FROM events e JOIN actors a ON a.id = e.source_id WHERE a.code = 'MLIREB'";
    assert_eq!(query(&db, coded).lines().nth(1), Some("0"));
    let documents = query(
        &db,
        "SELECT id, doc_id, hash, date, text FROM documents ORDER BY id",
    );
    let sentences = query(
        &db,
        "SELECT id, document_id, idx, text FROM sentences ORDER BY id",
    );
    let found = "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'Zorblat OR ceasefire' ORDER BY rowid";
    let search = query(&db, found);

    // With the militia in a dictionary, the stored article is coded anew.
    let dict = dir.path().join("mine.actors");
    std::fs::write(&dict, "Zorblat Liberation Front | ZLF\n    MLIREB\n").unwrap();
    geokg(&db)
        .args(["recode", "--dict"])
        .arg(&dict)
        .assert()
        .success()
        .stderr(predicate::str::contains("recoded 9 documents"));
    assert_eq!(
        query(&db, coded).lines().nth(1),
        Some("1"),
        "{}",
        query(&db, "SELECT source_text, cameo FROM events")
    );
    let named = query(
        &db,
        "SELECT COUNT(*) FROM actors WHERE code = 'MLIREB' AND name = 'Zorblat Liberation Front'",
    );
    assert_eq!(named.lines().nth(1), Some("1"));
    // The documents, their sentences and the full-text index are as they were.
    assert_eq!(
        query(
            &db,
            "SELECT id, doc_id, hash, date, text FROM documents ORDER BY id"
        ),
        documents
    );
    assert_eq!(
        query(
            &db,
            "SELECT id, document_id, idx, text FROM sentences ORDER BY id"
        ),
        sentences
    );
    assert_eq!(query(&db, found), search);
    geokg(&db)
        .args(["query", "--write"])
        .arg("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)")
        .assert()
        .success();
    assert_aggregates_match_events(&db);
    // No actor is left over from the old coding.
    let unused = query(
        &db,
        "SELECT COUNT(*) FROM actors a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM events e WHERE a.id IN (e.source_id, e.target_id, e.attributed_id))",
    );
    assert_eq!(unused.lines().nth(1), Some("0"));

    // Recoding again with the same dictionaries changes nothing.
    let all = "SELECT * FROM events ORDER BY id";
    let events = query(&db, all);
    geokg(&db)
        .args(["recode", "-q", "-j", "1", "--dict"])
        .arg(&dict)
        .assert()
        .success();
    assert_eq!(query(&db, all), events);

    // A bad dictionary stops the recode before it starts, naming the file and line.
    std::fs::write(&dict, "Zorblat Liberation Front\n    not-a-code\n").unwrap();
    geokg(&db)
        .args(["recode", "--dict"])
        .arg(&dict)
        .assert()
        .failure()
        .stderr(predicate::str::contains("mine.actors:2"));
    assert_eq!(query(&db, all), events);
}

#[test]
fn recode_without_a_database_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    geokg(&db)
        .arg("recode")
        .assert()
        .failure()
        .stderr(predicate::str::contains("missing.db").and(predicate::str::contains("ingest")));
    assert!(!db.exists());
}

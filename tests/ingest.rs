//! Ingest at scale: every input format and every kind of bad input in one folder, and an
//! ingest killed mid-run that must leave a consistent database and resume cleanly.

mod common;

use common::{geokg, query_rows as query};
use std::io::Write;
use std::path::{Path, PathBuf};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// The committed fixtures plus the bad inputs that are better made than stored.
fn fixture_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    for entry in std::fs::read_dir(source).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    let lines = b"{\"id\": \"gz-1\", \"date\": \"2024-03-01\", \"text\": \"Egypt hosted talks on Gaza.\"}\n{\"id\": \"gz-2\", \"date\": \"2024-03-02\", \"text\": \"Jordan condemned the raid.\"}\n";
    std::fs::write(folder.join("more.jsonl.gz"), gzip(lines)).unwrap();
    let many: Vec<u8> = (0..2000)
        .flat_map(|i| {
            format!("{{\"id\": \"tr-{i}\", \"text\": \"Record number {i} of a cut file.\"}}\n")
                .into_bytes()
        })
        .collect();
    let truncated = gzip(&many);
    std::fs::write(
        folder.join("truncated.jsonl.gz"),
        &truncated[..truncated.len() / 2],
    )
    .unwrap();
    std::fs::write(
        folder.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    )
    .unwrap();
    std::fs::write(
        folder.join("latin1.txt"),
        b"Date: 2024-05-05\n\nBogot\xe1 accused Caracas of harbouring rebels.",
    )
    .unwrap();
    // A single 100 MB line of text: cut to the document limit, never stalls the run.
    let mut huge = std::fs::File::create(folder.join("huge.txt")).unwrap();
    let chunk = "Peace talks continued without a break and ".repeat(1000);
    let mut written = 0;
    while written < 100 * 1024 * 1024 {
        huge.write_all(chunk.as_bytes()).unwrap();
        written += chunk.len();
    }
    drop(huge);
    (dir, folder)
}

#[test]
fn ingest_reads_every_format_and_reports_every_bad_input() {
    let (dir, folder) = fixture_folder();
    let db = dir.path().join("t.db");
    let out = geokg(&db)
        .args(["ingest", "-q"])
        .arg(&folder)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        out.status.code(),
        Some(3),
        "partial failure exit code; stderr:\n{stderr}"
    );
    // Each bad input gets one line naming the file (and line).
    for expected in [
        "broken.jsonl:2: invalid JSON",
        "broken.jsonl:3: bad date",
        "broken.jsonl:4: missing \"text\"",
        "broken.jsonl:5: expected a JSON object",
        "empty.txt: empty document",
        "image.txt: binary content",
        "truncated.jsonl.gz: truncated or corrupt gzip",
        "latin1.txt: invalid UTF-8",
        "huge.txt: document of",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    let titles = query(
        &db,
        "SELECT coalesce(title, doc_id) FROM documents ORDER BY 1",
    );
    for expected in [
        "Armenia and Azerbaijan sign border protocol",
        "Somalia recalls envoy",
        "Chile protests Argentine flights",
        "Kenya deploys police to Haiti",
        "Japan aids Philippines",
        "Qatar hosts talks",
        "Serbia expels diplomat",
        "fx-3",
        "fx-7",
        "gz-1",
        "gz-2",
    ] {
        assert!(
            titles.iter().any(|t| t == expected),
            "missing document {expected:?}: {titles:?}"
        );
    }
    // HTML: main text only, meta tags read.
    let html = query(&db, "SELECT date, url, source, text FROM documents WHERE title = 'Chile protests Argentine flights'");
    assert!(
        html[0].starts_with("2024-06-11,https://fixtures.example/chile-argentina,Fixture News,")
    );
    assert!(
        !html[0].contains("tracking")
            && !html[0].contains("Read more")
            && !html[0].contains("Home")
    );
    // JSON Lines: extra fields kept.
    let extra = query(&db, "SELECT extra FROM documents WHERE doc_id = 'fx-1'");
    assert!(extra[0].contains("\"\"lang\"\":\"\"en\"\""), "{extra:?}");
    // Lines of the truncated gzip read before the damage are kept.
    let kept: u64 = query(
        &db,
        "SELECT COUNT(*) FROM documents WHERE doc_id LIKE 'tr-%'",
    )[0]
    .parse()
    .unwrap();
    assert!(kept > 0 && kept < 2000, "{kept}");
    // The huge line was cut to the document limit.
    let longest: u64 = query(&db, "SELECT MAX(length(text)) FROM documents")[0]
        .parse()
        .unwrap();
    assert!(longest <= 2 * 1024 * 1024);
    // Events were extracted from the formats.
    let events: u64 = query(&db, "SELECT COUNT(*) FROM events")[0]
        .parse()
        .unwrap();
    assert!(events >= 5);
}

#[test]
fn ingest_killed_midway_is_consistent_and_resumes_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    let countries = [
        "Iran", "Iraq", "Syria", "Turkey", "Egypt", "Israel", "Jordan", "Lebanon",
    ];
    for i in 0..2000 {
        let a = countries[i % countries.len()];
        let b = countries[(i / 3 + 1) % countries.len()];
        let text = format!(
            "Date: 2024-01-{:02}\n\n{a} accused {b} of violating the ceasefire on Monday, report {i}. {b} rejected the claim. Officials in {a} said talks would resume. {a} and {b} later agreed to meet in Geneva.\n",
            i % 28 + 1
        );
        std::fs::write(folder.join(format!("doc{i:04}.txt")), text).unwrap();
    }
    let db = dir.path().join("t.db");
    let binary = assert_cmd::cargo::cargo_bin("geokg");
    let mut child = std::process::Command::new(&binary)
        .env("GEOKG_DB", &db)
        .env("GEOKG_DICT_DIR", "/nonexistent-geokg-dict-dir")
        .args(["ingest", "-q", "--jobs", "1", "--batch", "4"])
        .arg(&folder)
        .stderr(std::fs::File::create(dir.path().join("ingest.err")).unwrap())
        .spawn()
        .unwrap();
    // Wait until some documents are stored, then kill -9.
    let started = std::time::Instant::now();
    let last_query = loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let output = std::process::Command::new(&binary)
            .env("GEOKG_DB", &db)
            .args(["query", "--format", "csv", "SELECT COUNT(*) FROM documents"])
            .output()
            .unwrap();
        let stored = String::from_utf8_lossy(&output.stdout)
            .lines()
            .nth(1)
            .and_then(|l| l.parse::<u64>().ok())
            .unwrap_or(0);
        if stored > 0 || started.elapsed().as_secs() > 60 {
            break String::from_utf8_lossy(&output.stderr).into_owned();
        }
    };
    let exited = child.try_wait().unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(query(&db, "PRAGMA integrity_check"), vec!["ok"]);
    let stored: u64 = query(&db, "SELECT COUNT(*) FROM documents")[0]
        .parse()
        .unwrap();
    assert!(
        stored > 0 && stored < 2000,
        "the kill should land mid-run: {stored} stored; ingest exited: {exited:?}, said: {}; \
         last query said: {last_query}",
        std::fs::read_to_string(dir.path().join("ingest.err")).unwrap_or_default()
    );
    // Whole documents or nothing: every stored document has all its sentences.
    let half_written = query(
        &db,
        "SELECT COUNT(*) FROM documents d WHERE (SELECT COUNT(*) FROM sentences s WHERE s.document_id = d.id) < 4",
    );
    assert_eq!(half_written, vec!["0"]);
    // Resume: the rest is added, nothing twice.
    geokg(&db)
        .args(["ingest", "-q"])
        .arg(&folder)
        .assert()
        .success();
    assert_eq!(
        query(&db, "SELECT COUNT(*), COUNT(DISTINCT hash) FROM documents"),
        vec!["2000,2000"]
    );
    let per_doc = query(
        &db,
        "SELECT MIN(n), MAX(n) FROM (SELECT COUNT(*) AS n FROM sentences GROUP BY document_id)",
    );
    assert_eq!(per_doc, vec!["4,4"]);
    // The full-text index holds every stored sentence exactly once.
    let indexed = query(
        &db,
        "SELECT (SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'ceasefire'),
                (SELECT COUNT(*) FROM sentences WHERE text LIKE '%ceasefire%')",
    );
    assert_eq!(indexed, vec!["2000,2000"]);
}

#[test]
fn bulk_load_killed_midway_leaves_a_whole_database_whose_indexes_come_back() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let line = |i: usize| {
        format!(
            "{{\"id\": \"d{i}\", \"date\": \"2024-02-05\", \"text\": \"Syria accused Turkey of shelling border villages, report {i}. Turkey denied it.\"}}\n"
        )
    };
    // The load reads standard input, which stays open: the kill lands while it waits for more.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("geokg"))
        .env("GEOKG_DB", &db)
        .env("GEOKG_DICT_DIR", "/nonexistent-geokg-dict-dir")
        .args([
            "ingest", "-q", "--format", "jsonl", "--batch", "4", "--bulk", "on", "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..400 {
        stdin.write_all(line(i).as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    // Watch with plain SQLite (geokg itself would restore the indexes).
    let count = |sql: &str| -> Option<i64> {
        let conn =
            rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .ok()?;
        conn.query_row(sql, [], |r| r.get(0)).ok()
    };
    let started = std::time::Instant::now();
    while count("SELECT COUNT(*) FROM documents").unwrap_or(0) < 100
        && started.elapsed().as_secs() < 60
    {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    let stored = count("SELECT COUNT(*) FROM documents").unwrap();
    assert!((100..=400).contains(&stored), "{stored} stored");
    let indexes = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'
                   AND name IN ('events_edge', 'mentions_actor', 'events_target')";
    assert_eq!(count(indexes), Some(0), "the bulk load had dropped them");
    // geokg opens it, restores the indexes, and answers.
    assert_eq!(query(&db, "PRAGMA integrity_check"), vec!["ok"]);
    assert_eq!(count(indexes), Some(3));
    // Every stored document is whole, and a rerun adds the rest once.
    assert_eq!(
        count("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id)"),
        Some(0)
    );
    let all: String = (0..500).map(line).collect();
    let file = dir.path().join("all.jsonl");
    std::fs::write(&file, all).unwrap();
    geokg(&db)
        .args(["ingest", "-q"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(
        query(&db, "SELECT COUNT(*), COUNT(DISTINCT hash) FROM documents"),
        vec!["500,500"]
    );
}

//! Scoring extraction against PLOVER gold records, with the definitions of DESIGN.md.
//!
//! Input: gold JSON Lines (`text`, `date`, `source`, `target`, `event`). Output: [`Report`].
//! Entry point: [`evaluate`].

use crate::extract::{extract_text, Extractor};
use crate::ingest::parse_date;
use crate::model::{ActorKind, ActorRef, Event, Plover};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Record {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: no gold records")]
    Empty { path: String },
}

/// One gold record: the sentence, its date and the coded event.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldRecord {
    pub id: String,
    pub text: String,
    pub date: Option<chrono::NaiveDate>,
    pub sources: Vec<String>,
    /// `None` when the record has no target (empty, missing or not a list).
    pub targets: Option<Vec<String>>,
    pub plover: Plover,
}

/// Parses gold JSON Lines; every bad line is reported with its number.
pub fn parse_gold(content: &str, path: &str) -> Result<Vec<GoldRecord>, EvalError> {
    let mut out = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| EvalError::Record {
            path: path.to_string(),
            line: n + 1,
            message,
        };
        let v: Value = serde_json::from_str(line).map_err(|e| err(format!("invalid JSON: {e}")))?;
        let text = v["text"]
            .as_str()
            .ok_or_else(|| err("missing \"text\"".into()))?;
        let event = v["event"]
            .as_str()
            .ok_or_else(|| err("missing \"event\"".into()))?;
        let plover =
            Plover::parse(event).ok_or_else(|| err(format!("unknown event type {event:?}")))?;
        let codes = |field: &Value| -> Option<Vec<String>> {
            let list = field.as_array()?;
            let codes: Vec<String> = list
                .iter()
                .filter_map(|a| a["code"].as_str())
                .map(normalize_gold_code)
                .collect();
            (!codes.is_empty()).then_some(codes)
        };
        out.push(GoldRecord {
            id: v["id"]
                .as_str()
                .map(String::from)
                .unwrap_or_else(|| format!("line-{}", n + 1)),
            text: text.to_string(),
            date: v["date"].as_str().and_then(parse_date),
            sources: codes(&v["source"]).unwrap_or_default(),
            targets: codes(&v["target"]),
            plover,
        });
    }
    if out.is_empty() {
        return Err(EvalError::Empty {
            path: path.to_string(),
        });
    }
    Ok(out)
}

/// Gold codes compare on their first three letters; a few use old CAMEO country codes.
fn normalize_gold_code(code: &str) -> String {
    let head: String = code
        .trim()
        .chars()
        .take(3)
        .collect::<String>()
        .to_ascii_uppercase();
    match head.as_str() {
        "JAP" => "JPN".into(),
        "ITL" => "ITA".into(),
        "VTN" => "VNM".into(),
        _ => head,
    }
}

/// Whether an extracted actor matches a gold code.
pub fn actor_matches(actor: &ActorRef, gold: &str) -> bool {
    match gold {
        "IGO" => actor.kind == ActorKind::Igo,
        "NGO" => actor.kind == ActorKind::Ngo,
        "IMG" | "ISM" => actor.kind == ActorKind::ArmedGroup && actor.country.is_none(),
        _ => actor.country.as_deref() == Some(gold),
    }
}

fn source_ok(e: &Event, r: &GoldRecord) -> bool {
    r.sources.iter().any(|g| actor_matches(&e.source, g))
}

fn target_ok(e: &Event, r: &GoldRecord) -> bool {
    match (&r.targets, &e.target) {
        (Some(targets), Some(t)) => targets.iter().any(|g| actor_matches(t, g)),
        (Some(_), None) => false,
        (None, None) => true,
        (None, Some(t)) => r.sources.iter().any(|g| actor_matches(t, g)),
    }
}

fn full_match(e: &Event, r: &GoldRecord) -> bool {
    e.plover == r.plover && source_ok(e, r) && target_ok(e, r)
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct TypeScore {
    pub records: usize,
    pub matched: usize,
    pub type_found: usize,
    pub recall: f64,
}

/// The figures DESIGN.md defines.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub records: usize,
    pub events: usize,
    pub counted_events: usize,
    pub matched_records: usize,
    pub matched_events: usize,
    pub recall: f64,
    pub precision: f64,
    pub f1: f64,
    pub type_recall: f64,
    pub source_recall: f64,
    pub target_recall: f64,
    pub records_with_target: usize,
    pub per_type: BTreeMap<String, TypeScore>,
    /// Per record: id, whether fully matched, and the events extracted (for `--verbose`).
    #[serde(skip)]
    pub details: Vec<RecordDetail>,
}

#[derive(Debug, Clone)]
pub struct RecordDetail {
    pub record: GoldRecord,
    pub matched: bool,
    pub events: Vec<Event>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Extracts each distinct (text, date) once and scores every record against its events.
pub fn evaluate(extractor: &Extractor, records: &[GoldRecord]) -> Report {
    let mut by_text: BTreeMap<(String, Option<chrono::NaiveDate>), Vec<usize>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        by_text.entry((r.text.clone(), r.date)).or_default().push(i);
    }
    let mut report = Report {
        records: records.len(),
        ..Default::default()
    };
    let mut record_events: Vec<Vec<Event>> = vec![Vec::new(); records.len()];
    for ((text, date), indices) in &by_text {
        let id = &records[indices[0]].id;
        let extraction = extract_text(extractor, id, text, *date);
        report.events += extraction.events.len();
        let counted: Vec<&Event> = extraction
            .events
            .iter()
            .filter(|e| e.is_counted())
            .collect();
        report.counted_events += counted.len();
        report.matched_events += counted
            .iter()
            .filter(|e| indices.iter().any(|&i| full_match(e, &records[i])))
            .count();
        for &i in indices {
            record_events[i] = extraction.events.clone();
        }
    }
    let (mut type_hits, mut source_hits, mut target_hits) = (0, 0, 0);
    for (r, events) in records.iter().zip(&record_events) {
        let counted: Vec<&Event> = events.iter().filter(|e| e.is_counted()).collect();
        let matched = counted.iter().any(|e| full_match(e, r));
        let type_found = counted.iter().any(|e| e.plover == r.plover);
        type_hits += type_found as usize;
        source_hits += counted.iter().any(|e| source_ok(e, r)) as usize;
        if r.targets.is_some() {
            report.records_with_target += 1;
            target_hits += counted
                .iter()
                .any(|e| e.target.is_some() && target_ok(e, r)) as usize;
        }
        report.matched_records += matched as usize;
        let score = report
            .per_type
            .entry(r.plover.as_str().to_string())
            .or_default();
        score.records += 1;
        score.matched += matched as usize;
        score.type_found += type_found as usize;
        report.details.push(RecordDetail {
            record: r.clone(),
            matched,
            events: events.clone(),
        });
    }
    for score in report.per_type.values_mut() {
        score.recall = ratio(score.matched, score.records);
    }
    report.recall = ratio(report.matched_records, report.records);
    report.precision = ratio(report.matched_events, report.counted_events);
    report.f1 = if report.recall + report.precision > 0.0 {
        2.0 * report.recall * report.precision / (report.recall + report.precision)
    } else {
        0.0
    };
    report.type_recall = ratio(type_hits, report.records);
    report.source_recall = ratio(source_hits, report.records);
    report.target_recall = ratio(target_hits, report.records_with_target);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(line: &str) -> GoldRecord {
        parse_gold(line, "g.jsonl").unwrap().remove(0)
    }

    #[test]
    fn parse_gold_maps_old_types_and_codes() {
        let r = record(
            r#"{"id":"x","date":"2000-01-01","text":"T.","source":[{"code":"JAP"}],"target":"","event":"DEMAND"}"#,
        );
        assert_eq!(r.plover, Plover::Request);
        assert_eq!(r.sources, ["JPN"]);
        assert_eq!(r.targets, None);
    }

    #[test]
    fn parse_gold_reports_line_numbers() {
        let err = parse_gold("{\"text\":\"a\",\"event\":\"AGREE\"}\n{bad", "g.jsonl").unwrap_err();
        assert!(err.to_string().starts_with("g.jsonl:2:"), "{err}");
    }

    #[test]
    fn evaluate_scores_a_simple_record() {
        let records = parse_gold(
            r#"{"id":"a","date":"2024-05-01","text":"Russia attacked Ukraine on Tuesday.","source":[{"code":"RUS"}],"target":[{"code":"UKR"}],"event":"ASSAULT"}"#,
            "g.jsonl",
        )
        .unwrap();
        let report = evaluate(&Extractor::builtin(), &records);
        assert_eq!(report.records, 1);
        assert_eq!(report.matched_records, 1, "{:?}", report.details[0].events);
        assert!((report.recall - 1.0).abs() < 1e-9);
        assert!(report.precision > 0.0);
    }

    #[test]
    fn target_rule_accepts_compound_sources_when_gold_has_no_target() {
        let r = record(
            r#"{"text":"t","event":"AGREE","source":[{"code":"USA"},{"code":"JOR"}],"target":""}"#,
        );
        let actor = |c: &str| ActorRef {
            text: c.into(),
            name: c.into(),
            code: Some(c.into()),
            country: Some(c.into()),
            sector: None,
            kind: ActorKind::Country,
            start: 0,
            end: 0,
        };
        let mut e = Event {
            doc_id: "d".into(),
            sentence_index: 0,
            sentence: "t".into(),
            source: actor("USA"),
            relation: crate::model::Relation {
                text: "agreed".into(),
                lemma: "agree".into(),
                start: 0,
                end: 0,
            },
            target: Some(actor("JOR")),
            cameo: "030".into(),
            plover: Plover::Agree,
            plover_mode: None,
            goldstein: 4.0,
            quad_class: 1,
            negated: false,
            modality: crate::model::Modality::Asserted,
            attributed_to: None,
            date: None,
            location: None,
            confidence: 1.0,
        };
        assert!(full_match(&e, &r));
        e.target = Some(actor("FRA"));
        assert!(!full_match(&e, &r));
        e.target = None;
        assert!(full_match(&e, &r));
    }
}

//! Golden files: a fixed graph must render to exactly the bytes in tests/golden/. Run with
//! `GEOKG_BLESS=1 cargo test --test golden` to rewrite them after a deliberate change, and
//! review the diff.

use geokg::graph::RelationGraph;
use geokg::render::{to_dot, to_graphml, to_json, ReportOptions};
use geokg::store::{ActorRow, EdgeRow};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn actor(id: i64, name: &str, code: &str, kind: &str, country: Option<&str>) -> ActorRow {
    ActorRow {
        id,
        name: name.into(),
        code: code.into(),
        kind: kind.into(),
        country: country.map(String::from),
    }
}

struct Edge<'a> {
    source: &'a ActorRow,
    target: &'a ActorRow,
    plover: &'a str,
    quad_class: u8,
    count: u64,
    dates: (&'a str, &'a str),
    goldstein: f64,
    evidence: &'a str,
}

fn row(e: Edge) -> EdgeRow {
    EdgeRow {
        source: e.source.clone(),
        target: e.target.clone(),
        plover: e.plover.into(),
        quad_class: e.quad_class,
        count: e.count,
        documents: e.count + 1,
        first_date: Some(e.dates.0.into()),
        last_date: Some(e.dates.1.into()),
        mean_goldstein: e.goldstein,
        evidence: e.evidence.into(),
    }
}

/// A small crisis: two governments, an armed group with a hostile name, an IGO and a person.
fn crisis() -> RelationGraph {
    let kabul = actor(1, "Taliban", "AFGGOV", "government", Some("AFG"));
    let washington = actor(2, "Donald Trump", "USAGOV", "person", Some("USA"));
    let islamabad = actor(3, "Pakistan", "PAK", "country", Some("PAK"));
    let un = actor(4, "United Nations", "IGOUNO", "igo", None);
    let front = actor(
        5,
        "The \"Free\" <Army> & {Front} -> [x]; node",
        "PAKREB",
        "armed_group",
        Some("PAK"),
    );
    let rows = vec![
        row(Edge {
            source: &kabul,
            target: &washington,
            plover: "REJECT",
            quad_class: 3,
            count: 2,
            dates: ("2025-09-20", "2025-09-21"),
            goldstein: -4.0,
            evidence: "Kabul said \"no\" to the <base> plan & more.",
        }),
        row(Edge {
            source: &washington,
            target: &kabul,
            plover: "THREATEN",
            quad_class: 3,
            count: 1,
            dates: ("2025-09-19", "2025-09-19"),
            goldstein: -7.0,
            evidence: "The president warned of \"bad things\".",
        }),
        row(Edge {
            source: &islamabad,
            target: &kabul,
            plover: "CONSULT",
            quad_class: 1,
            count: 3,
            dates: ("2025-08-01", "2025-09-01"),
            goldstein: 1.0,
            evidence: "Officials met in Kabul.",
        }),
        row(Edge {
            source: &front,
            target: &islamabad,
            plover: "ASSAULT",
            quad_class: 4,
            count: 4,
            dates: ("2025-07-01", "2025-09-10"),
            goldstein: -10.0,
            evidence: "Gunmen stormed a post\nnear the border.",
        }),
        row(Edge {
            source: &un,
            target: &kabul,
            plover: "AID",
            quad_class: 2,
            count: 1,
            dates: ("2025-06-01", "2025-06-01"),
            goldstein: 7.4,
            evidence: "The agency sent food.",
        }),
        row(Edge {
            source: &kabul,
            target: &front,
            plover: "ACCUSE",
            quad_class: 3,
            count: 1,
            dates: ("2025-09-11", "2025-09-11"),
            goldstein: -2.0,
            evidence: "",
        }),
    ];
    RelationGraph::from_edges(&rows)
}

fn options() -> ReportOptions {
    ReportOptions {
        title: "Golden \"crisis\" <graph> & co".into(),
        subtitle: "all actors, 2025-06-01 to 2025-09-21".into(),
        ..ReportOptions::default()
    }
}

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn check_golden(name: &str, actual: &str) {
    let path = golden(name);
    if std::env::var_os("GEOKG_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (GEOKG_BLESS=1 writes it)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from {} at line {}:\n  expected: {:?}\n  actual:   {:?}",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn dot_matches_golden_file() {
    check_golden("crisis.dot", &to_dot(&crisis(), &options()));
}

#[test]
fn json_matches_golden_file() {
    check_golden("crisis.json", &to_json(&crisis(), &options()));
}

#[test]
fn graphml_matches_golden_file() {
    check_golden("crisis.graphml", &to_graphml(&crisis(), &options()));
}

#[test]
fn rendering_twice_gives_the_same_bytes() {
    let (a, b) = (crisis(), crisis());
    assert_eq!(to_dot(&a, &options()), to_dot(&b, &options()));
    assert_eq!(to_json(&a, &options()), to_json(&b, &options()));
    assert_eq!(to_graphml(&a, &options()), to_graphml(&b, &options()));
}

/// Checks `value` against the subset of JSON Schema that data/graph.schema.json uses:
/// type (one or several), required, properties, additionalProperties: false, items, enum,
/// minimum, maximum. Returns every violation with its JSON path.
fn violations(schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    if let Some(types) = schema.get("type") {
        let allowed: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => panic!("{path}: unsupported type keyword {types}"),
        };
        let fits = |t: &str| match t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            other => panic!("{path}: unsupported type {other}"),
        };
        if !allowed.iter().any(|t| fits(t)) {
            out.push(format!("{path}: {value} is not of type {allowed:?}"));
            return;
        }
    }
    if let Some(Value::Array(options)) = schema.get("enum") {
        if !options.contains(value) {
            out.push(format!("{path}: {value} is not one of {options:?}"));
        }
    }
    if let (Some(min), Some(x)) = (
        schema.get("minimum").and_then(Value::as_f64),
        value.as_f64(),
    ) {
        if x < min {
            out.push(format!("{path}: {x} < minimum {min}"));
        }
    }
    if let (Some(max), Some(x)) = (
        schema.get("maximum").and_then(Value::as_f64),
        value.as_f64(),
    ) {
        if x > max {
            out.push(format!("{path}: {x} > maximum {max}"));
        }
    }
    if let Value::Object(map) = value {
        for key in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !map.contains_key(key) {
                out.push(format!("{path}: missing required {key:?}"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, item) in map {
            match properties.and_then(|p| p.get(key)) {
                Some(sub) => violations(sub, item, &format!("{path}.{key}"), out),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    out.push(format!("{path}: unexpected property {key:?}"))
                }
                None => {}
            }
        }
    }
    if let (Value::Array(items), Some(sub)) = (value, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            violations(sub, item, &format!("{path}[{i}]"), out);
        }
    }
}

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/graph.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn json_export_validates_against_the_documented_schema() {
    let json: Value = serde_json::from_str(&to_json(&crisis(), &options())).unwrap();
    let mut found = Vec::new();
    violations(&schema(), &json, "$", &mut found);
    assert!(found.is_empty(), "{found:#?}");
    // Every link joins two listed nodes.
    let ids: Vec<&str> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    for link in json["links"].as_array().unwrap() {
        assert!(ids.contains(&link["source"].as_str().unwrap()));
        assert!(ids.contains(&link["target"].as_str().unwrap()));
    }
}

#[test]
fn schema_check_catches_a_wrong_shape() {
    let mut json: Value = serde_json::from_str(&to_json(&crisis(), &options())).unwrap();
    json["nodes"][0]["kind"] = Value::String("dragon".into());
    json["links"][0]["count"] = Value::String("2".into());
    json["links"][1].as_object_mut().unwrap().remove("evidence");
    let mut found = Vec::new();
    violations(&schema(), &json, "$", &mut found);
    assert_eq!(found.len(), 3, "{found:#?}");
}

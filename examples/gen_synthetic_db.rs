//! Builds a synthetic geokg database for benchmarks of the graph commands: N events among M
//! actors, stored through the same insert path as `geokg ingest` (so event groups, edge
//! statistics, full-text index and views are maintained exactly as in real use).
//!
//! `cargo run --release --example gen_synthetic_db -- OUT.db [--events 1000000] [--actors 20000]
//! [--seed 7]`
//!
//! Actor activity is heavy-tailed like real news (a few actors take part in most events): the
//! actor of rank r is drawn with probability proportional to 1/(r+10). Every document holds ten
//! one-sentence events dated within one day; dates span 2015-2025; one event in twenty is
//! reported twice (a second article), so distinct events and reports differ.

mod common;

use chrono::{Duration, NaiveDate};
use common::Rng;
use geokg::model::{DocumentMeta, Mention, Relation, Sentence};
use geokg::{ActorKind, ActorRef, Document, Event, Extraction, Modality, Plover, Store};
use std::path::PathBuf;
use std::time::Instant;

/// Draws actor ranks with P(r) ∝ 1/(r + 10) by inverting the cumulative sum.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                total += 1.0 / (r as f64 + 10.0);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> usize {
        let x = rng.unit() * self.cumulative.last().copied().unwrap_or(0.0);
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.cumulative.len() - 1)
    }
}

/// (type, CAMEO code, Goldstein, quad class, verb)
const TYPES: [(Plover, &str, f64, u8, &str); 16] = [
    (Plover::Agree, "057", 8.0, 1, "agreed with"),
    (Plover::Consult, "040", 1.0, 1, "met"),
    (Plover::Support, "051", 3.4, 1, "praised"),
    (Plover::Concede, "081", 5.0, 2, "eased restrictions on"),
    (Plover::Cooperate, "061", 6.4, 2, "cooperated with"),
    (Plover::Aid, "070", 7.0, 2, "sent aid to"),
    (Plover::Retreat, "087", 9.0, 2, "withdrew from"),
    (Plover::Request, "020", 3.0, 1, "urged"),
    (Plover::Accuse, "112", -2.0, 3, "accused"),
    (Plover::Reject, "120", -4.0, 3, "rejected"),
    (Plover::Threaten, "130", -4.4, 3, "threatened"),
    (Plover::Protest, "140", -6.5, 3, "protested against"),
    (Plover::Sanction, "163", -8.0, 4, "imposed sanctions on"),
    (Plover::Mobilize, "150", -7.2, 4, "massed troops near"),
    (Plover::Coerce, "170", -7.0, 4, "arrested members of"),
    (Plover::Assault, "190", -10.0, 4, "attacked"),
];

const KINDS: [(ActorKind, &str); 7] = [
    (ActorKind::Government, "GOV"),
    (ActorKind::Military, "MIL"),
    (ActorKind::ArmedGroup, "REB"),
    (ActorKind::Opposition, "OPP"),
    (ActorKind::Person, "GOV"),
    (ActorKind::Media, "MED"),
    (ActorKind::Igo, ""),
];

fn make_actor(rank: usize) -> ActorRef {
    // 200 synthetic countries, each with actors of several kinds.
    let country = format!(
        "{}{}{}",
        (b'A' + (rank % 26) as u8) as char,
        (b'A' + (rank / 26 % 26) as u8) as char,
        (b'X' + (rank / 676 % 3) as u8) as char
    );
    let (kind, role) = KINDS[rank % KINDS.len()];
    let igo = kind == ActorKind::Igo;
    let code = if igo {
        format!("IGO{country}")
    } else {
        format!("{country}{role}")
    };
    let name = format!("Actor {rank:05} of {country}");
    ActorRef {
        text: name.as_str().into(),
        name: name.into(),
        code: Some(code.into()),
        country: (!igo).then(|| country.into()),
        sector: (!role.is_empty()).then(|| role.into()),
        kind,
        start: 0,
        end: 0,
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut out: Option<PathBuf> = None;
    let (mut events, mut actors, mut seed) = (1_000_000usize, 20_000usize, 7u64);
    while let Some(arg) = args.next() {
        let mut value = || -> u64 {
            args.next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .unwrap_or_else(|| panic!("{arg} needs a number"))
        };
        match arg.as_str() {
            "--events" => events = value() as usize,
            "--actors" => actors = value() as usize,
            "--seed" => seed = value(),
            _ if out.is_none() => out = Some(PathBuf::from(&arg)),
            _ => panic!("unexpected argument {arg}"),
        }
    }
    let out = out.expect("usage: gen_synthetic_db OUT.db [--events N] [--actors M] [--seed S]");
    if out.exists() {
        panic!("{} exists; remove it first", out.display());
    }
    let started = Instant::now();
    let mut store = Store::open(&out).expect("open database");
    let mut rng = Rng(seed);
    let zipf = Zipf::new(actors);
    let pool: Vec<ActorRef> = (0..actors).map(make_actor).collect();
    let epoch = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let per_doc = 10;
    let docs = events.div_ceil(per_doc);
    let mut batch: Vec<(Document, Extraction)> = Vec::new();
    let mut repeat: Option<(String, Extraction, NaiveDate)> = None;
    for d in 0..docs {
        let date = epoch + Duration::days(rng.below(11 * 365) as i64);
        let mut text = String::new();
        let mut extraction = Extraction::default();
        for i in 0..per_doc.min(events - d * per_doc) {
            let s = zipf.draw(&mut rng);
            let mut t = zipf.draw(&mut rng);
            if t == s {
                t = (t + 1 + rng.below(actors - 1)) % actors;
            }
            let (plover, cameo, goldstein, quad, verb) = TYPES[rng.below(TYPES.len())];
            let (source, target) = (&pool[s], &pool[t]);
            let start = text.len();
            text.push_str(&format!(
                "{} {verb} {} on day {} (item {d}-{i}). ",
                source.name,
                target.name,
                date.format("%Y-%m-%d")
            ));
            let sentence = text[start..text.len() - 1].to_string();
            let place = |a: &ActorRef, at: usize| ActorRef {
                start: at,
                end: at + a.name.len(),
                ..a.clone()
            };
            let source_ref = place(source, start);
            let target_ref = place(target, start + source.name.len() + verb.len() + 2);
            extraction.sentences.push(Sentence {
                index: i,
                start,
                end: text.len() - 1,
            });
            for actor in [&source_ref, &target_ref] {
                extraction.mentions.push(Mention {
                    sentence_index: i,
                    actor: actor.clone(),
                    named: true,
                });
            }
            extraction.events.push(Event {
                doc_id: String::new(),
                sentence_index: i,
                sentence,
                source: source_ref,
                relation: Relation {
                    text: verb.to_string(),
                    lemma: verb.split(' ').next().unwrap_or(verb).to_string(),
                    start: start + source.name.len() + 1,
                    end: start + source.name.len() + 1 + verb.len(),
                },
                target: Some(target_ref),
                cameo: cameo.to_string(),
                plover,
                plover_mode: None,
                goldstein,
                quad_class: quad,
                negated: rng.below(50) == 0,
                modality: Modality::Asserted,
                attributed_to: None,
                date: Some(date),
                location: None,
                confidence: 0.8,
            });
        }
        // One document in twenty repeats the previous one's events in other words (a second
        // article on the same events).
        if let Some((old_text, old, old_date)) = repeat.take() {
            let mut again = old.clone();
            for e in &mut again.events {
                e.date = Some(old_date);
            }
            let doc = Document::new(
                format!("Another report: {old_text}"),
                DocumentMeta {
                    date: Some(old_date),
                    ..Default::default()
                },
            );
            // Offsets shift by the prefix; sentences keep their text.
            let shift = "Another report: ".len();
            for s in &mut again.sentences {
                s.start += shift;
                s.end += shift;
            }
            batch.push((doc, again));
        }
        if rng.below(20) == 0 {
            repeat = Some((text.clone(), extraction.clone(), date));
        }
        let doc = Document::new(
            text,
            DocumentMeta {
                title: Some(format!("Synthetic report {d}")),
                date: Some(date),
                source: Some("geokg synthetic".into()),
                ..Default::default()
            },
        );
        batch.push((doc, extraction));
        if batch.len() >= 500 || d + 1 == docs {
            let refs: Vec<(&Document, &Extraction)> = batch.iter().map(|(d, e)| (d, e)).collect();
            store.insert_batch(&refs).expect("insert");
            batch.clear();
            if (d + 1) % 10_000 < 500 || d + 1 == docs {
                eprint!(
                    "\r{} of {docs} documents, {:.0} s",
                    d + 1,
                    started.elapsed().as_secs_f64()
                );
            }
        }
    }
    store
        .execute_batch("PRAGMA optimize; ANALYZE;")
        .expect("analyze");
    eprintln!();
    let stats = store.stats().expect("stats");
    println!(
        "{}: {} documents, {} events ({} distinct), {} actors in {:.1} s",
        out.display(),
        stats.documents,
        stats.events,
        stats.distinct_events,
        stats.actors,
        started.elapsed().as_secs_f64()
    );
}

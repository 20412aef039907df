//! Time each extraction stage on a JSON Lines corpus: where does the time go?
//! `cargo run --release --example stage_timing -- corpus.jsonl`

use geokg::dict::compiled::TokenIds;
use geokg::dict::Dictionaries;
use geokg::nlp::{split_sentences, tokenize, Lexicon};
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: stage_timing FILE.jsonl");
    let content = std::fs::read_to_string(&path).expect("read corpus");
    let texts: Vec<String> = content
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(String::from))
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let lexicon = Lexicon::builtin();
    let dict = Dictionaries::builtin();
    let mb = bytes as f64 / 1e6;
    let report = |name: &str, start: Instant| {
        let s = start.elapsed().as_secs_f64();
        println!("{name:<24} {s:>7.3} s  {:>7.1} MB/s", mb / s);
    };
    let t = Instant::now();
    let mut n = 0;
    for text in &texts {
        n += split_sentences(text).len();
    }
    report("split", t);
    let t = Instant::now();
    for text in &texts {
        for (s, e) in split_sentences(text) {
            std::hint::black_box(tokenize(text, s, e));
        }
    }
    report("split+tokenize", t);
    let t = Instant::now();
    for text in &texts {
        for (s, e) in split_sentences(text) {
            std::hint::black_box(geokg::nlp::analyze(text, s, e, lexicon));
        }
    }
    report("split+tokenize+tag", t);
    let t = Instant::now();
    for text in &texts {
        for (s, e) in split_sentences(text) {
            let tokens = geokg::nlp::analyze(text, s, e, lexicon);
            std::hint::black_box(TokenIds::new(&dict.vocab, &tokens));
        }
    }
    report("... + token ids", t);
    let t = Instant::now();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 6, 10).unwrap();
    let recognizer = geokg::extract::actors::ActorRecognizer::new(&dict, date);
    for text in &texts {
        let mut memory = geokg::extract::memory::DocMemory::default();
        for (s, e) in split_sentences(text) {
            let tokens = geokg::nlp::analyze(text, s, e, lexicon);
            let ids = TokenIds::new(&dict.vocab, &tokens);
            let mentions = recognizer.recognize(text, &tokens, &ids, &mut memory);
            let analysis = geokg::extract::grammar::Analysis::new(&tokens, &mentions);
            std::hint::black_box(&analysis);
        }
    }
    report("... + actors + grammar", t);
    let extractor = geokg::Extractor::builtin();
    let t = Instant::now();
    let mut events = 0;
    for (i, text) in texts.iter().enumerate() {
        let doc = geokg::Document::new(
            text.clone(),
            geokg::model::DocumentMeta {
                id: Some(i.to_string()),
                date: chrono::NaiveDate::from_ymd_opt(2025, 6, 10),
                ..Default::default()
            },
        );
        events += extractor.extract(&doc).events.len();
    }
    report("full extract", t);
    println!(
        "{} documents, {n} sentences, {events} events, {mb:.1} MB",
        texts.len()
    );
}

//! Times each stage of extraction on a JSON Lines corpus, one thread, for profiling work:
//! sentence splitting, tokenizing, tagging, dictionary ids, actor recognition, grammar, and
//! the whole extraction (which adds event coding). Each stage runs over the whole corpus on
//! its own, so the figures are independent of the others.
//!
//! `cargo run --release --example stages -- CORPUS.jsonl [--mb 20] [--only LABEL-PREFIX]`

use geokg::dict::compiled::TokenIds;
use geokg::dict::Dictionaries;
use geokg::extract::actors::ActorRecognizer;
use geokg::extract::grammar::Analysis;
use geokg::extract::memory::DocMemory;
use geokg::extract::Extractor;
use geokg::model::Document;
use geokg::nlp::{split_sentences, tokenize, Lexicon};
use std::io::BufRead;
use std::time::Instant;

// The allocator of the geokg binary, so the figures match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: stages CORPUS.jsonl [--mb N]");
    let limit_mb: usize = args
        .iter()
        .position(|a| a == "--mb")
        .and_then(|i| args.get(i + 1))
        .map(|v| v.parse().expect("--mb takes a number"))
        .unwrap_or(usize::MAX / (1 << 20));
    let texts = read_texts(path, limit_mb << 20);
    let bytes: usize = texts.iter().map(String::len).sum();
    let dict = Dictionaries::builtin();
    let lexicon = Lexicon::builtin();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 6, 10).expect("valid date");
    let mb = bytes as f64 / 1e6;
    println!("{} documents, {mb:.1} MB", texts.len());

    // `--only LABEL-PREFIX` runs the stages whose label starts with it (for a profiler).
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let timed = |label: &str, run: &dyn Fn() -> usize| {
        if only
            .as_ref()
            .is_some_and(|o| !label.starts_with(o.as_str()))
        {
            return;
        }
        let start = Instant::now();
        let count = run();
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{label:<28} {secs:6.2} s  {:7.1} MB/s  ({count} items)",
            mb / secs
        );
    };
    timed("split sentences", &|| {
        texts.iter().map(|t| split_sentences(t).len()).sum()
    });
    timed("+ tokenize", &|| {
        each_sentence(&texts, |t, s, e| tokenize(t, s, e).len())
    });
    timed("+ tag", &|| {
        each_sentence(&texts, |t, s, e| {
            geokg::nlp::analyze(t, s, e, lexicon).len()
        })
    });
    timed("+ token ids", &|| {
        each_sentence(&texts, |t, s, e| {
            let tokens = geokg::nlp::analyze(t, s, e, lexicon);
            let ids = TokenIds::new(&dict.vocab, &tokens);
            std::hint::black_box(&ids);
            tokens.len()
        })
    });
    // Actor recognition needs each document's memory of earlier mentions; `grammar` adds the
    // clause analysis of every sentence.
    let actors = |grammar: bool| -> usize {
        texts
            .iter()
            .map(|text| {
                let recognizer = ActorRecognizer::new(&dict, date);
                let mut memory = DocMemory::default();
                split_sentences(text)
                    .into_iter()
                    .map(|(s, e)| {
                        let tokens = geokg::nlp::analyze(text, s, e, lexicon);
                        let ids = TokenIds::new(&dict.vocab, &tokens);
                        let mentions = recognizer.recognize(text, &tokens, &ids, &mut memory);
                        if grammar {
                            Analysis::new(&tokens, &mentions).groups.len()
                        } else {
                            mentions.len()
                        }
                    })
                    .sum::<usize>()
            })
            .sum()
    };
    timed("+ actors", &|| actors(false));
    timed("+ grammar", &|| actors(true));
    let extractor = Extractor::builtin();
    timed("whole extraction", &|| {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let doc = Document {
                    id: format!("d{i}"),
                    hash: String::new(),
                    title: None,
                    date: Some(date),
                    source: None,
                    url: None,
                    origin: None,
                    extra: None,
                    text: text.clone(),
                };
                extractor.extract(&doc).events.len()
            })
            .sum()
    });
}

/// Runs `f` on every sentence of every text; sums its results.
fn each_sentence(texts: &[String], f: impl Fn(&str, usize, usize) -> usize) -> usize {
    texts
        .iter()
        .map(|t| {
            split_sentences(t)
                .into_iter()
                .map(|(s, e)| f(t, s, e))
                .sum::<usize>()
        })
        .sum()
}

/// The `text` fields of a JSON Lines corpus, up to `limit` bytes of text.
fn read_texts(path: &str, limit: usize) -> Vec<String> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut texts = Vec::new();
    let mut total = 0;
    for line in std::io::BufReader::new(file).lines() {
        let line = line.unwrap_or_else(|e| panic!("{path}: {e}"));
        let value: serde_json::Value =
            serde_json::from_str(&line).unwrap_or_else(|e| panic!("{path}: {e}"));
        if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
            total += text.len();
            texts.push(text.to_string());
        }
        if total >= limit {
            break;
        }
    }
    texts
}

//! Writes a synthetic wire-style news corpus of any size as JSON Lines (`id`, `title`, `date`,
//! `source`, `url`, `text`), for throughput benchmarks of `extract` and `ingest`.
//!
//! `cargo run --release --example gen_corpus -- OUT.jsonl [--mb 100] [--seed 7]`
//!
//! Articles are built from our own sentence templates filled with countries, their adjectives
//! and capitals (data/actors/countries.tsv) and the people and organisations of the built-in
//! dictionaries. About two sentences in three state an event (attacks, accusations, talks,
//! aid, sanctions, protests, ...), the rest are background, quotes and figures, as in real
//! wire copy. Every article is different (its own actors, numbers and dates), so none is
//! skipped as a duplicate.

mod common;

use common::Rng;
use geokg::dict::Dictionaries;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

struct Country {
    name: String,
    adjective: String,
    capital: String,
}

/// Sentences that state an event. `{A}` and `{B}` are actors, `{a}`/`{b}` their country
/// adjectives, `{CA}`/`{CB}` their capitals, `{N}` a number, `{DAY}` a weekday.
const EVENTS: &[&str] = &[
    "{A} accused {B} on {DAY} of violating the ceasefire along their shared border.",
    "{A} rejected a proposal by {B} to hold a new round of talks, officials in {CA} said.",
    "{A} and {B} signed an agreement on energy and trade cooperation in {CA} on {DAY}.",
    "{A} threatened to impose sanctions on {B} if the attacks on its shipping continued.",
    "{a} troops attacked positions held by {b} forces near the border, killing {N} soldiers.",
    "{A} urged {B} to release the detained journalists without delay.",
    "The foreign minister of {A} met his counterpart from {B} in {CB} to discuss the crisis.",
    "{A} praised {B} for its role in brokering the prisoner exchange.",
    "Thousands of protesters marched on the {b} embassy in {CA} on {DAY} to denounce the blockade.",
    "{A} sent {N} tonnes of food and medicine to {B} after the floods.",
    "{A} recalled its ambassador from {CB} in protest at the arrests.",
    "{A} expelled {N} {b} diplomats, accusing them of espionage.",
    "{A} denied that its aircraft had bombed villages in {B}.",
    "{A} called on {B} to return to the negotiating table.",
    "{a} officials said {A} would not accept any deal that ignored its security concerns.",
    "{A} imposed new sanctions on {b} banks and energy companies on {DAY}.",
    "Police in {CA} arrested {N} people suspected of spying for {B}.",
    "{A} warned {B} that any incursion would be met with force.",
    "{A} agreed to allow {b} inspectors to visit the disputed sites next month.",
    "{A} and {B} held talks in {CA} on {DAY} on reopening the border crossing.",
    "{A} condemned the missile strike on {CB} as a grave escalation.",
    "{A} offered to mediate between {B} and its neighbours.",
    "{a} forces shelled the outskirts of {CB} overnight, residents said.",
    "{A} pledged {N} million dollars in reconstruction aid to {B}.",
    "{A} suspended military cooperation with {B} pending an investigation.",
    "{A} deployed {N} additional troops to its border with {B}.",
    "The {a} government criticised {B} for failing to stop cross-border raids.",
    "{A} thanked {B} for supporting its bid to join the regional bloc.",
    "{A} demanded that {B} withdraw its forces from the contested islands.",
    "{A} said it had released {N} {b} fishermen detained last year.",
];

/// Background sentences: no actor acts on another.
const BACKGROUND: &[&str] = &[
    "The talks are expected to resume next month after a pause for consultations.",
    "Fuel prices in {CA} rose by {N} percent last week, according to official figures.",
    "Analysts said the move was likely to deepen the dispute in the short term.",
    "The conflict has displaced more than {N} people since it began, aid agencies estimate.",
    "It was not possible to verify the claims independently.",
    "Further details were not immediately available.",
    "The ministry did not respond to a request for comment on {DAY}.",
    "Heavy rain has slowed relief work in the northern provinces.",
    "Markets in {CA} closed slightly lower after the announcement.",
    "The two countries share a border of about {N} kilometres.",
    "Officials said a full report would be published before the end of the year.",
    "Turnout in the regional elections was estimated at {N} percent.",
];

const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const SOURCES: &[&str] = &["geokg wire", "geokg bulletin", "geokg dispatch"];

fn load_countries() -> Vec<Country> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/actors/countries.tsv");
    let text = std::fs::read_to_string(path).expect("read data/actors/countries.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let first = |i: usize| f.get(i)?.split('|').next().filter(|s| !s.is_empty());
            Some(Country {
                name: f.get(1)?.to_string(),
                adjective: first(3)?.to_string(),
                capital: first(4)?.to_string(),
            })
        })
        .collect()
}

/// Leaders and officials, and international and armed organisations, of the built-in
/// dictionaries (names of one to four words).
fn load_named_actors() -> (Vec<String>, Vec<String>) {
    let dict = Dictionaries::builtin();
    let (mut people, mut organisations) = (Vec::new(), Vec::new());
    for entry in &dict.entries {
        let words = entry.name.split_whitespace().count();
        if entry.iso3.is_some() || !(1..=4).contains(&words) {
            continue;
        }
        let has = |f: &dyn Fn(&str) -> bool| entry.codes.iter().any(|c| f(&c.code));
        if entry.person && has(&|c| c.ends_with("GOV")) {
            people.push(entry.name.to_string());
        } else if !entry.person
            && has(&|c| c.starts_with("IGO") || c.ends_with("REB") || c.ends_with("INS"))
        {
            organisations.push(entry.name.to_string());
        }
    }
    people.sort();
    people.dedup();
    organisations.sort();
    organisations.dedup();
    (people, organisations)
}

struct Generator {
    rng: Rng,
    countries: Vec<Country>,
    people: Vec<String>,
    organisations: Vec<String>,
}

impl Generator {
    /// An actor standing for country `c`: the country, its capital, its government, or a
    /// person or organisation now and then.
    fn actor(&mut self, c: usize) -> String {
        let country = &self.countries[c];
        match self.rng.below(10) {
            0..=4 => country.name.clone(),
            5 => country.capital.clone(),
            6 => format!("the {} government", country.adjective),
            7 if !self.people.is_empty() => self.rng.pick(&self.people).clone(),
            8 if !self.organisations.is_empty() => self.rng.pick(&self.organisations).clone(),
            _ => format!("{} officials", country.adjective),
        }
    }

    fn fill(&mut self, template: &str, a: usize, b: usize) -> String {
        let mut out = template.to_string();
        if out.contains("{A}") {
            let actor = self.actor(a);
            out = out.replace("{A}", &actor);
        }
        if out.contains("{B}") {
            let actor = self.actor(b);
            out = out.replace("{B}", &actor);
        }
        let n = [3, 12, 40, 150, 2000, 35000][self.rng.below(6)] + self.rng.below(9);
        let day = *self.rng.pick(DAYS);
        out = out
            .replace("{a}", &self.countries[a].adjective)
            .replace("{b}", &self.countries[b].adjective)
            .replace("{CA}", &self.countries[a].capital)
            .replace("{CB}", &self.countries[b].capital)
            .replace("{N}", &n.to_string())
            .replace("{DAY}", day);
        // Sentences open with a capital even when an actor starts "the ...".
        let mut chars = out.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
            None => out,
        }
    }

    fn article(&mut self, index: usize) -> serde_json::Value {
        let n = self.countries.len();
        let (a, mut b) = (self.rng.below(n), self.rng.below(n));
        if a == b {
            b = (b + 1) % n;
        }
        let sentences = 8 + self.rng.below(18);
        let mut text = String::new();
        let mut title = String::new();
        for i in 0..sentences {
            // Mostly the article's two countries, sometimes a third party.
            let (x, y) = match self.rng.below(6) {
                0 => (a, self.rng.below(n)),
                1 => (b, a),
                _ => (a, b),
            };
            let sentence = if self.rng.below(3) < 2 {
                let template = *self.rng.pick(EVENTS);
                self.fill(template, x, y)
            } else {
                let template = *self.rng.pick(BACKGROUND);
                self.fill(template, x, y)
            };
            if i == 0 {
                title = sentence.trim_end_matches('.').to_string();
            }
            if i > 0 {
                text.push(if self.rng.below(4) == 0 { '\n' } else { ' ' });
                if text.ends_with('\n') {
                    text.push('\n');
                }
            }
            text.push_str(&sentence);
        }
        let date = format!(
            "{}-{:02}-{:02}",
            2024 + self.rng.below(2),
            1 + self.rng.below(12),
            1 + self.rng.below(28)
        );
        serde_json::json!({
            "id": format!("synthetic-{index:08}"),
            "title": title,
            "date": date,
            "source": self.rng.pick(SOURCES),
            "url": format!("https://news.example/{date}/{index}"),
            "text": text,
        })
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut out, mut mb, mut seed): (Option<PathBuf>, f64, u64) = (None, 100.0, 7);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--mb" => mb = args.next().and_then(|v| v.parse().ok()).expect("--mb N"),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed N"),
            _ if out.is_none() => out = Some(PathBuf::from(&arg)),
            _ => panic!("unexpected argument {arg}"),
        }
    }
    let out = out.expect("usage: gen_corpus OUT.jsonl [--mb 100] [--seed 7]");
    let (people, organisations) = load_named_actors();
    let mut generator = Generator {
        rng: Rng(seed),
        countries: load_countries(),
        people,
        organisations,
    };
    let file = std::fs::File::create(&out).expect("create output");
    let mut writer = BufWriter::new(file);
    let target = (mb * 1e6) as usize;
    let (mut written, mut articles) = (0usize, 0usize);
    while written < target {
        let article = generator.article(articles);
        written += article["text"].as_str().map_or(0, str::len);
        serde_json::to_writer(&mut writer, &article).expect("write");
        writer.write_all(b"\n").expect("write");
        articles += 1;
    }
    writer.flush().expect("flush");
    println!(
        "{}: {articles} articles, {:.1} MB of text",
        out.display(),
        written as f64 / 1e6
    );
}

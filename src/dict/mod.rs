//! Dictionaries: everything geokg knows about actors and events, loaded from `data/` (compiled
//! in) and from user files given with `--dict` or found in the user dictionary folder.
//!
//! Input: dictionary texts. Output: [`Dictionaries`], the lookup structures extraction uses.
//! Entry points: [`Dictionaries::builtin`], [`Dictionaries::with_user_files`].

pub mod actors;
pub mod compiled;
pub mod events;
pub mod trie;

use crate::model::{ActorKind, ActorRef, Plover};
use crate::nlp::normalize_phrase;
use actors::{ActorEntry, DatedCode, NameKind};
use chrono::NaiveDate;
use events::{CameoCode, CodeSpec, NounEvent, VerbEntry, VerbPattern};
use rustc_hash::{FxHashMap, FxHashSet};
use smallvec::SmallVec;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use thiserror::Error;
use trie::{PhraseTrie, Vocab};

#[derive(Debug, Error)]
pub enum DictError {
    #[error("{file}:{line}: {message}")]
    Line {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
    #[error("{file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
}

impl DictError {
    pub(crate) fn line(file: &str, line: usize, message: impl Into<String>) -> DictError {
        DictError::Line {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

/// Which format a dictionary text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictKind {
    Countries,
    Actors,
    Agents,
    Roles,
    Cameo,
    Verbs,
    Nouns,
}

impl DictKind {
    /// The kind of a user dictionary file, from its extension.
    pub fn from_path(path: &Path) -> Option<DictKind> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let kinds = [
            (".actors", DictKind::Actors),
            (".agents", DictKind::Agents),
            (".agents.tsv", DictKind::Agents),
            (".countries", DictKind::Countries),
            (".countries.tsv", DictKind::Countries),
            (".verbs", DictKind::Verbs),
            (".verbs.txt", DictKind::Verbs),
            (".nouns", DictKind::Nouns),
            (".nouns.txt", DictKind::Nouns),
        ];
        kinds
            .iter()
            .find(|(ext, _)| name.ends_with(ext))
            .map(|(_, k)| *k)
    }
}

/// The dictionary texts compiled into the binary, in load order.
const BUILTIN: &[(&str, DictKind, &str)] = &[
    (
        "data/actors/roles.tsv",
        DictKind::Roles,
        include_str!("../../data/actors/roles.tsv"),
    ),
    (
        "data/events/cameo.tsv",
        DictKind::Cameo,
        include_str!("../../data/events/cameo.tsv"),
    ),
    (
        "data/actors/countries.tsv",
        DictKind::Countries,
        include_str!("../../data/actors/countries.tsv"),
    ),
    (
        "data/actors/current.actors",
        DictKind::Actors,
        include_str!("../../data/actors/current.actors"),
    ),
    (
        "data/actors/phoenix-groups.actors",
        DictKind::Actors,
        include_str!("../../data/actors/phoenix-groups.actors"),
    ),
    (
        "data/actors/phoenix-international.actors",
        DictKind::Actors,
        include_str!("../../data/actors/phoenix-international.actors"),
    ),
    (
        "data/actors/phoenix-people.actors",
        DictKind::Actors,
        include_str!("../../data/actors/phoenix-people.actors"),
    ),
    (
        "data/actors/agents.tsv",
        DictKind::Agents,
        include_str!("../../data/actors/agents.tsv"),
    ),
    (
        "data/events/verbs-geokg.txt",
        DictKind::Verbs,
        include_str!("../../data/events/verbs-geokg.txt"),
    ),
    (
        "data/events/verbs.txt",
        DictKind::Verbs,
        include_str!("../../data/events/verbs.txt"),
    ),
    (
        "data/events/nouns.txt",
        DictKind::Nouns,
        include_str!("../../data/events/nouns.txt"),
    ),
];

/// A name hit in the names trie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameHit {
    pub entry: u32,
    pub kind: NameKind,
    /// The dictionary spelled the name with a capital: the text must too.
    pub needs_cap: bool,
}

/// What a code says about its actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeInfo {
    pub country: Option<Arc<str>>,
    pub sector: Option<Arc<str>>,
    pub kind: ActorKind,
}

/// A verb group's patterns indexed by the ids of their first word, and those without words.
/// One verb group's patterns indexed by the ids of their first word.
#[derive(Debug, Default)]
struct GroupAnchors {
    by_word: FxHashMap<u32, Vec<usize>>,
    /// The ids of `by_word` as bits of their value modulo 1024: most words of a sentence are
    /// ruled out by one bit test instead of a hash lookup.
    filter: [u64; 16],
    /// Patterns without words.
    unanchored: Vec<usize>,
}

impl GroupAnchors {
    fn insert(&mut self, id: u32, pattern: usize) {
        self.filter[(id as usize / 64) % 16] |= 1 << (id % 64);
        self.by_word.entry(id).or_default().push(pattern);
    }

    fn patterns_of(&self, id: u32) -> Option<&Vec<usize>> {
        if self.filter[(id as usize / 64) % 16] & (1 << (id % 64)) == 0 {
            return None;
        }
        self.by_word.get(&id)
    }
}

/// Verb knowledge indexed for lookup.
#[derive(Debug, Default)]
pub struct VerbDictionary {
    pub entries: Vec<VerbEntry>,
    pub patterns: Vec<VerbPattern>,
    pub groups: Vec<String>,
    /// lemma (first word) → entries
    by_lemma: FxHashMap<String, Vec<usize>>,
    /// group → its patterns
    by_group: FxHashMap<usize, Vec<usize>>,
    /// irregular form → lemma, from the verb lines
    forms: FxHashMap<String, String>,
    synsets: Vec<FxHashSet<String>>,
    synset_phrases: Vec<Vec<Vec<String>>>,
    /// `patterns`, compiled against the vocabulary (same indices).
    pub compiled: Vec<compiled::CPattern>,
    pub compiled_synsets: Vec<compiled::CSynset>,
    /// Per group: patterns by the ids of their first word, and patterns without words.
    anchors: FxHashMap<usize, GroupAnchors>,
}

impl VerbDictionary {
    /// Verb entries whose first word is `lemma`, phrasal ones (more words) first.
    pub fn entries_for(&self, lemma: &str) -> impl Iterator<Item = &VerbEntry> {
        self.by_lemma
            .get(lemma)
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i])
    }

    pub fn patterns_of_group(&self, group: usize) -> impl Iterator<Item = &VerbPattern> {
        self.by_group
            .get(&group)
            .into_iter()
            .flatten()
            .map(|&i| &self.patterns[i])
    }

    /// The compiled patterns of a verb group that may match a sentence with these word ids,
    /// in dictionary order.
    pub fn candidates(
        &self,
        group: usize,
        ids: &compiled::TokenIds,
    ) -> SmallVec<[&compiled::CPattern; 16]> {
        let Some(anchors) = self.anchors.get(&group) else {
            return SmallVec::new();
        };
        // `unanchored` is sorted and unique (built in pattern order): only anchored
        // additions need sorting.
        let mut found: SmallVec<[usize; 32]> = SmallVec::from_slice(&anchors.unanchored);
        for &id in ids.present() {
            if let Some(list) = anchors.patterns_of(id) {
                found.extend_from_slice(list);
            }
        }
        if found.len() > anchors.unanchored.len() {
            found.sort_unstable();
            found.dedup();
        }
        found
            .into_iter()
            .map(|i| &self.compiled[i])
            .filter(|p| ids.may_match(p))
            .collect()
    }

    /// The lemma of an irregular form listed in the verb file.
    pub fn lemma_of_form(&self, form: &str) -> Option<&str> {
        self.forms.get(form).map(String::as_str)
    }

    pub fn synset_contains(&self, synset: usize, word: &str) -> bool {
        self.synsets.get(synset).is_some_and(|s| s.contains(word))
    }

    /// Multi-word members of a synset.
    pub fn synset_phrases(&self, synset: usize) -> &[Vec<String>] {
        self.synset_phrases
            .get(synset)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn is_known(&self, lemma: &str) -> bool {
        self.by_lemma.contains_key(lemma)
    }
}

/// Whether two words differ by one letter left out, added or replaced, or by two adjacent
/// letters swapped (ASCII, ignoring case).
fn one_slip_apart(a: &[u8], b: &[u8]) -> bool {
    let same = |x: u8, y: u8| x.eq_ignore_ascii_case(&y);
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let first = short.iter().zip(long).position(|(&x, &y)| !same(x, y));
    let Some(i) = first else {
        // Equal, or one letter added at the end.
        return long.len() != short.len();
    };
    let rest_equal =
        |s: &[u8], l: &[u8]| s.len() == l.len() && s.iter().zip(l).all(|(&x, &y)| same(x, y));
    if short.len() == long.len() {
        // One letter replaced, or two swapped.
        rest_equal(&short[i + 1..], &long[i + 1..])
            || (i + 1 < short.len()
                && same(short[i], long[i + 1])
                && same(short[i + 1], long[i])
                && rest_equal(&short[i + 2..], &long[i + 2..]))
    } else {
        // One letter left out of the shorter word.
        rest_equal(&short[i..], &long[i + 1..])
    }
}

/// Everything extraction looks up.
#[derive(Debug, Default)]
pub struct Dictionaries {
    pub vocab: Vocab,
    /// Names of actors, countries, adjectives, capitals, seats and places.
    pub names: PhraseTrie<NameHit>,
    /// Role nouns → role index.
    pub agents: PhraseTrie<u16>,
    pub entries: Vec<ActorEntry>,
    pub roles: Vec<String>,
    role_index: FxHashMap<String, u16>,
    /// Keys are shared strings: actors take their country and sector codes from here
    /// without allocating.
    role_kinds: FxHashMap<Arc<str>, ActorKind>,
    countries: FxHashMap<Arc<str>, u32>,
    /// Entries by lowercase canonical name: one person may be listed in several files.
    by_canonical: FxHashMap<String, Vec<u32>>,
    pub cameo: FxHashMap<String, CameoCode>,
    pub verbs: VerbDictionary,
    pub nouns: PhraseTrie<u32>,
    pub noun_events: Vec<NounEvent>,
    /// Where each text came from, for `geokg` diagnostics.
    pub files: Vec<String>,
}

static BUILTIN_DICTIONARIES: OnceLock<Arc<Dictionaries>> = OnceLock::new();

impl Dictionaries {
    /// The compiled-in dictionaries, parsed once per process.
    pub fn builtin() -> Arc<Dictionaries> {
        BUILTIN_DICTIONARIES
            .get_or_init(|| {
                let sources: Vec<(String, DictKind, String)> = BUILTIN
                    .iter()
                    .map(|(n, k, c)| (n.to_string(), *k, c.to_string()))
                    .collect();
                Arc::new(
                    Dictionaries::from_sources(&sources)
                        .unwrap_or_else(|e| panic!("built-in dictionary is invalid: {e}")),
                )
            })
            .clone()
    }

    /// The built-in dictionaries plus user files; user entries take precedence.
    pub fn with_user_files(paths: &[PathBuf]) -> Result<Arc<Dictionaries>, DictError> {
        if paths.is_empty() {
            return Ok(Dictionaries::builtin());
        }
        let mut sources = Vec::new();
        for path in paths {
            let file = path.display().to_string();
            let kind = DictKind::from_path(path).ok_or_else(|| DictError::Invalid {
                file: file.clone(),
                message: "unknown dictionary type: name it *.actors, *.agents, *.countries, *.verbs or *.nouns".into(),
            })?;
            let content = std::fs::read_to_string(path).map_err(|source| DictError::Io {
                file: file.clone(),
                source,
            })?;
            sources.push((file, kind, content));
        }
        // Roles and codes first (user actors need them), then user files, then the rest.
        let mut all: Vec<(String, DictKind, String)> = BUILTIN
            .iter()
            .filter(|(_, k, _)| matches!(k, DictKind::Roles | DictKind::Cameo))
            .map(|(n, k, c)| (n.to_string(), *k, c.to_string()))
            .collect();
        all.extend(sources);
        all.extend(
            BUILTIN
                .iter()
                .filter(|(_, k, _)| !matches!(k, DictKind::Roles | DictKind::Cameo))
                .map(|(n, k, c)| (n.to_string(), *k, c.to_string())),
        );
        Ok(Arc::new(Dictionaries::from_sources(&all)?))
    }

    /// The user dictionary files in the default folder: `$GEOKG_DICT_DIR`, else
    /// `$XDG_CONFIG_HOME/geokg/dict`, else `~/.config/geokg/dict`. Missing folder: none.
    pub fn default_user_files() -> Vec<PathBuf> {
        let dir = std::env::var_os("GEOKG_DICT_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("XDG_CONFIG_HOME").map(|d| PathBuf::from(d).join("geokg/dict"))
            })
            .or_else(|| {
                std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config/geokg/dict"))
            });
        let Some(dir) = dir else { return Vec::new() };
        let Ok(read) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && DictKind::from_path(p).is_some())
            .collect();
        files.sort();
        files
    }

    /// Builds the dictionaries from texts in load order (earlier texts win ties).
    pub fn from_sources(sources: &[(String, DictKind, String)]) -> Result<Dictionaries, DictError> {
        let mut dict = Dictionaries::default();
        let mut verb_files = Vec::new();
        for (file, kind, content) in sources {
            dict.files.push(file.clone());
            match kind {
                DictKind::Roles => {
                    for (role, kind) in actors::parse_roles(content, file)? {
                        dict.role_kinds.entry(role.as_str().into()).or_insert(kind);
                        dict.role_id(&role);
                    }
                }
                DictKind::Cameo => {
                    for code in events::parse_cameo(content, file)? {
                        dict.cameo.entry(code.code.clone()).or_insert(code);
                    }
                }
                DictKind::Countries => {
                    for record in actors::parse_countries(content, file)? {
                        dict.add_country(record);
                    }
                }
                DictKind::Actors => {
                    for (names, entry) in actors::parse_actors(content, file)? {
                        dict.add_entry(&names, entry);
                    }
                }
                DictKind::Agents => {
                    for (phrase, role) in actors::parse_agents(content, file)? {
                        let role = dict.role_id(&role);
                        let key = dict.key(&phrase, false);
                        if dict.agents.get(&key).is_empty() {
                            dict.agents.insert(&key, role);
                        }
                    }
                }
                DictKind::Verbs => verb_files.push((file, content)),
                DictKind::Nouns => {
                    for noun in events::parse_nouns(content, file)? {
                        let key = dict.key(&noun.words.join(" "), false);
                        dict.nouns.insert(&key, dict.noun_events.len() as u32);
                        dict.noun_events.push(noun);
                    }
                }
            }
        }
        // Synsets are shared by every verb file, so user patterns can use the built-in ones.
        let mut synsets = Vec::new();
        for (file, content) in &verb_files {
            synsets.extend(events::parse_synsets(content, file)?);
        }
        for (file, content) in &verb_files {
            dict.add_verbs(events::parse_verbs(content, file, &synsets)?);
        }
        dict.set_synsets(synsets.clone());
        dict.compile_patterns(&synsets);
        // The vocabulary is complete: its table over the lexicon is made now, with the rest of
        // the loading, rather than by the first sentence.
        compiled::lexicon_ids(&dict.vocab);
        Ok(dict)
    }

    fn role_id(&mut self, role: &str) -> u16 {
        if let Some(&id) = self.role_index.get(role) {
            return id;
        }
        let id = self.roles.len() as u16;
        self.roles.push(role.to_string());
        self.role_index.insert(role.to_string(), id);
        id
    }

    /// Interned key of a name: normalised tokens without a leading "the".
    fn key(&mut self, name: &str, drop_the: bool) -> Vec<u32> {
        let mut words = normalize_phrase(name);
        if drop_the && words.len() > 1 && words[0] == "the" {
            words.remove(0);
        }
        words.iter().map(|w| self.vocab.intern(w)).collect()
    }

    fn add_name(&mut self, name: &str, entry: u32, kind: NameKind) {
        let needs_cap = name
            .trim_start_matches("the ")
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let key = self.key(name, true);
        if key.is_empty() {
            return;
        }
        let hit = NameHit {
            entry,
            kind,
            needs_cap,
        };
        if !self.names.get(&key).contains(&hit) {
            self.names.insert(&key, hit);
        }
    }

    fn add_country(&mut self, record: actors::CountryRecord) {
        if self.countries.contains_key(record.iso3.as_str()) {
            return;
        }
        let entry = self.entries.len() as u32;
        self.entries.push(ActorEntry {
            name: record.name.as_str().into(),
            codes: vec![DatedCode {
                code: record.iso3.clone(),
                from: None,
                until: None,
                note: None,
            }],
            kind: Some(ActorKind::Country),
            iso3: Some(record.iso3.clone()),
            person: false,
        });
        self.countries.insert(record.iso3.as_str().into(), entry);
        self.add_name(&record.name, entry, NameKind::Country);
        for alias in &record.aliases {
            self.add_name(alias, entry, NameKind::Country);
        }
        for adjective in &record.adjectives {
            self.add_name(adjective, entry, NameKind::Adjective);
        }
        for capital in &record.capitals {
            self.add_name(capital, entry, NameKind::Capital);
        }
        for (seat, role) in &record.seats {
            let role = self.role_id(role.as_deref().unwrap_or("GOV"));
            self.add_name(seat, entry, NameKind::Seat(role));
        }
        for place in &record.places {
            self.add_name(place, entry, NameKind::Place);
        }
    }

    fn add_entry(&mut self, names: &[String], entry: ActorEntry) {
        let index = self.entries.len() as u32;
        self.by_canonical
            .entry(entry.name.to_lowercase())
            .or_default()
            .push(index);
        self.entries.push(entry);
        for name in names {
            self.add_name(name, index, NameKind::Name);
        }
    }

    fn compile_patterns(&mut self, synsets: &[events::Synset]) {
        let compiled: Vec<compiled::CPattern> = self
            .verbs
            .patterns
            .iter()
            .map(|p| compiled::compile_pattern(&mut self.vocab, p))
            .collect();
        let compiled_synsets = synsets
            .iter()
            .map(|(_, words)| compiled::compile_synset(&mut self.vocab, words))
            .collect();
        let mut anchors: FxHashMap<usize, GroupAnchors> = FxHashMap::default();
        for (i, pattern) in compiled.iter().enumerate() {
            let group = self.verbs.patterns[i].group;
            let entry = anchors.entry(group).or_default();
            match pattern.needs.first() {
                Some(ids) => {
                    for &id in ids.iter() {
                        entry.insert(id, i);
                    }
                }
                None => entry.unanchored.push(i),
            }
        }
        self.verbs.compiled = compiled;
        self.verbs.compiled_synsets = compiled_synsets;
        self.verbs.anchors = anchors;
    }

    fn set_synsets(&mut self, synsets: Vec<events::Synset>) {
        for (_, words) in synsets {
            let singles = words
                .iter()
                .filter(|w| w.len() == 1)
                .map(|w| w[0].clone())
                .collect();
            self.verbs.synsets.push(singles);
            self.verbs
                .synset_phrases
                .push(words.into_iter().filter(|w| w.len() > 1).collect());
        }
    }

    fn add_verbs(&mut self, file: events::VerbFile) {
        let group_offset = self.verbs.groups.len();
        let v = &mut self.verbs;
        v.groups.extend(file.groups);
        for mut entry in file.verbs {
            entry.group += group_offset;
            for form in &entry.forms {
                v.forms
                    .entry(form.clone())
                    .or_insert_with(|| entry.words[0].clone());
            }
            let index = v.entries.len();
            v.by_lemma
                .entry(entry.words[0].clone())
                .or_default()
                .push(index);
            v.entries.push(entry);
        }
        for mut pattern in file.patterns {
            pattern.group += group_offset;
            v.by_group
                .entry(pattern.group)
                .or_default()
                .push(v.patterns.len());
            v.patterns.push(pattern);
        }
        // Phrasal verbs first so that "ask for" is tried before "ask".
        for indices in v.by_lemma.values_mut() {
            indices.sort_by_key(|&i| std::cmp::Reverse(v.entries[i].words.len()));
        }
    }

    /// The country entry for an ISO3 code.
    pub fn country_entry(&self, iso3: &str) -> Option<&ActorEntry> {
        self.countries.get(iso3).map(|&i| &self.entries[i as usize])
    }

    /// The name of the country with ISO3 code `iso3`, or the code when no country has it.
    pub fn country_name(&self, iso3: &Arc<str>) -> Arc<str> {
        self.country_entry(iso3)
            .map_or_else(|| iso3.clone(), |e| e.name.clone())
    }

    /// Codes `actor` as its sector of `country` (police of Kenya: KENCOP): its code, country
    /// and kind. Its name and sector are the caller's to set.
    pub fn code_in_country(&self, actor: &mut ActorRef, country: &str) {
        let code = format!("{country}{}", actor.sector.as_deref().unwrap_or_default());
        let info = self.code_info(&code);
        actor.code = Some(code.into());
        actor.country = info.country;
        actor.kind = info.kind;
    }

    /// The country entry whose name is one slip of the keyboard away from `name` (a letter
    /// left out, added, replaced, or two letters swapped: "Ethopia"). Only for names of six
    /// letters or more, which no other country name is that close to.
    pub fn misspelled_country(&self, name: &str) -> Option<u32> {
        if name.len() < 6 || !name.is_ascii() {
            return None;
        }
        let mut found = self.countries.values().copied().filter(|&i| {
            let country = &self.entries[i as usize].name;
            country.len() >= 6 && one_slip_apart(name.as_bytes(), country.as_bytes())
        });
        let first = found.next()?;
        // Two countries that close: which one was meant is unclear.
        found.next().is_none().then_some(first)
    }

    pub fn is_country(&self, code: &str) -> bool {
        self.countries.contains_key(code)
    }

    pub fn role_kind(&self, role: &str) -> Option<ActorKind> {
        self.role_kinds.get(role).copied()
    }

    /// Country, first role and kind of a CAMEO-style actor code.
    pub fn code_info(&self, code: &str) -> CodeInfo {
        let prefix = code.get(..3).unwrap_or(code);
        let rest = code.get(3..).unwrap_or("");
        let first_three = rest.get(..3).filter(|r| r.len() == 3);
        let first_role = first_three.and_then(|r| self.role_kinds.get_key_value(r));
        if let Some((country, _)) = self.countries.get_key_value(prefix) {
            // After a country, any three letters are the sector, known role or not.
            let sector = first_role
                .map(|(role, _)| role.clone())
                .or_else(|| first_three.map(Arc::from));
            return CodeInfo {
                country: Some(country.clone()),
                sector,
                kind: first_role.map_or(ActorKind::Country, |(_, &kind)| kind),
            };
        }
        let prefix_role = self.role_kinds.get_key_value(prefix);
        let kind = match prefix {
            "IGO" => ActorKind::Igo,
            "NGO" | "NGM" => ActorKind::Ngo,
            "IMG" | "ISM" => ActorKind::ArmedGroup,
            "MNC" => ActorKind::Organisation,
            _ => prefix_role.map_or(ActorKind::Organisation, |(_, &kind)| kind),
        };
        CodeInfo {
            country: None,
            sector: first_role.or(prefix_role).map(|(role, _)| role.clone()),
            kind,
        }
    }

    /// The code of a named entry on `date`; an entry none of whose codes applies falls back to
    /// its country as a former office holder (`ELI`) or to its last code.
    pub fn entry_code(&self, entry: &ActorEntry, date: NaiveDate) -> Option<String> {
        if let Some(code) = entry.code_on(date) {
            return Some(code.code.clone());
        }
        // The same person listed in another file (the 2016-2026 update) may know the date.
        let namesakes = self.by_canonical.get(&entry.name.to_lowercase());
        if let Some(code) = namesakes
            .into_iter()
            .flatten()
            .find_map(|&i| self.entries[i as usize].code_on(date))
        {
            return Some(code.code.clone());
        }
        if entry.person {
            if let Some(country) = entry.any_country(|c| self.is_country(c)) {
                return Some(format!("{country}ELI"));
            }
        }
        // Institutions outside their dates: the code nearest in time.
        entry
            .codes
            .iter()
            .min_by_key(|c| {
                let from = c.from.map_or(0, |f| (f - date).num_days().abs());
                let until = c.until.map_or(0, |u| (u - date).num_days().abs());
                from.min(until)
            })
            .map(|c| c.code.clone())
    }

    pub fn cameo(&self, code: &str) -> Option<&CameoCode> {
        self.cameo.get(code)
    }

    /// The PLOVER type of a CAMEO code (OTHER when unknown).
    pub fn plover_of(&self, code: &str) -> Plover {
        self.cameo.get(code).map_or(Plover::Other, |c| c.plover)
    }

    /// Code of a verb entry or pattern for the ordinary (subject = source) reading.
    pub fn spec_code<'a>(&self, spec: &'a CodeSpec) -> Option<&'a str> {
        spec.primary()
    }
}

/// A date in a dictionary: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. As an exclusive end (`end`),
/// a partial date means the end of that month or year.
pub(crate) fn parse_date_bound(text: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    if !(1000..=9999).contains(&year) {
        return None;
    }
    match parts.len() {
        1 => NaiveDate::from_ymd_opt(if end { year + 1 } else { year }, 1, 1),
        2 => {
            let month: u32 = parts[1].parse().ok()?;
            let start = NaiveDate::from_ymd_opt(year, month, 1)?;
            if end {
                start.checked_add_months(chrono::Months::new(1))
            } else {
                Some(start)
            }
        }
        3 => NaiveDate::from_ymd_opt(year, parts[1].parse().ok()?, parts[2].parse().ok()?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_slip_apart_allows_one_edit_only() {
        for (a, b) in [
            ("ethopia", "Ethiopia"),
            ("Ethiopiia", "Ethiopia"),
            ("Ethiapia", "Ethiopia"),
            ("Etihopia", "Ethiopia"),
            ("Ethiopi", "Ethiopia"),
        ] {
            assert!(one_slip_apart(a.as_bytes(), b.as_bytes()), "{a} {b}");
        }
        for (a, b) in [
            ("Ethiopia", "Ethiopia"),
            ("Etiopya", "Ethiopia"),
            ("Ethopai", "Ethiopia"),
            ("Eth", "Ethiopia"),
        ] {
            assert!(!one_slip_apart(a.as_bytes(), b.as_bytes()), "{a} {b}");
        }
    }

    fn small() -> Dictionaries {
        let sources = vec![
            ("roles".into(), DictKind::Roles, "GOV\tgovernment\tg\nMIL\tmilitary\tm\nELI\tperson\te\nREB\tarmed_group\tr\n".into()),
            ("countries".into(), DictKind::Countries, "USA\tUnited States\tUS|U.S.\tAmerican|Americans\tWashington\tWhite House|Pentagon:MIL\t\nAFG\tAfghanistan\t\tAfghan\tKabul\t\tBagram\n".into()),
            ("people".into(), DictKind::Actors, "@people\nDonald Trump | Trump\n    USAGOV 2017-01-20..2021-01-20\n    USAGOV 2025-01-20..\n".into()),
            ("agents".into(), DictKind::Agents, "troops\tMIL\nriot police\tCOP\n".into()),
        ];
        Dictionaries::from_sources(&sources).unwrap()
    }

    #[test]
    fn code_info_splits_country_role_and_kind() {
        let d = small();
        let info = d.code_info("USAMIL");
        assert_eq!(info.country.as_deref(), Some("USA"));
        assert_eq!(info.sector.as_deref(), Some("MIL"));
        assert_eq!(info.kind, ActorKind::Military);
        assert_eq!(d.code_info("USA").kind, ActorKind::Country);
        let igo = d.code_info("IGOUNO");
        assert_eq!(igo.country, None);
        assert_eq!(igo.kind, ActorKind::Igo);
        assert_eq!(d.code_info("IMGMUSALQ").kind, ActorKind::ArmedGroup);
    }

    #[test]
    fn entry_code_falls_back_to_elite_out_of_office() {
        let d = small();
        let trump = d
            .entries
            .iter()
            .find(|e| &*e.name == "Donald Trump")
            .unwrap();
        let on = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            d.entry_code(trump, on("2025-09-20")).as_deref(),
            Some("USAGOV")
        );
        assert_eq!(
            d.entry_code(trump, on("2022-09-20")).as_deref(),
            Some("USAELI")
        );
    }

    #[test]
    fn names_trie_knows_aliases_capitals_and_seats() {
        let mut d = small();
        let ids: Vec<Option<u32>> = ["white", "house", "said"]
            .iter()
            .map(|w| d.vocab.get(w))
            .collect();
        let found = d.names.matches_at(&ids);
        assert_eq!(found[0].len, 2);
        assert!(matches!(found[0].values[0].kind, NameKind::Seat(_)));
        drop(found);
        let key = d.key("U.S.", true);
        assert_eq!(d.names.get(&key)[0].kind, NameKind::Country);
    }

    #[test]
    fn user_dictionary_kind_comes_from_the_file_name() {
        assert_eq!(
            DictKind::from_path(Path::new("my.actors")),
            Some(DictKind::Actors)
        );
        assert_eq!(
            DictKind::from_path(Path::new("x.verbs.txt")),
            Some(DictKind::Verbs)
        );
        assert_eq!(DictKind::from_path(Path::new("notes.txt")), None);
    }

    #[test]
    fn builtin_dictionaries_load() {
        let d = Dictionaries::builtin();
        assert!(d.entries.len() > 1000);
        assert!(d.is_country("AFG"));
        assert!(d.cameo("112").is_some());
        assert!(d.verbs.is_known("reject"));
    }

    #[test]
    fn parse_date_bound_reads_partial_dates() {
        assert_eq!(
            parse_date_bound("2021", false),
            NaiveDate::from_ymd_opt(2021, 1, 1)
        );
        assert_eq!(
            parse_date_bound("2021", true),
            NaiveDate::from_ymd_opt(2022, 1, 1)
        );
        assert_eq!(
            parse_date_bound("2021-08", true),
            NaiveDate::from_ymd_opt(2021, 9, 1)
        );
        assert_eq!(parse_date_bound("2021-13", false), None);
    }
}

//! English word knowledge: the parts of speech a form can take and its lemmas, plus the
//! closed classes (determiners, prepositions, auxiliaries, ...). Data: `data/lexicon/`.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Open-class tags a form can carry (bit flags).
pub mod tag {
    pub const NOUN: u8 = 1;
    pub const VERB: u8 = 2;
    pub const ADJ: u8 = 4;
    pub const ADV: u8 = 8;
    pub const AUX: u8 = 16;
    pub const PROPER: u8 = 32;
}

/// Closed-class memberships of a function word (bit flags).
pub mod class {
    pub const DET: u16 = 1;
    pub const PRON: u16 = 2;
    pub const PREP: u16 = 4;
    pub const CONJ: u16 = 8;
    pub const SUB: u16 = 16;
    pub const AUX: u16 = 32;
    pub const MODAL: u16 = 64;
    pub const NEG: u16 = 128;
    pub const REL: u16 = 256;
    pub const PART: u16 = 512;
    pub const NUM: u16 = 1024;
    pub const TIME: u16 = 2048;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct LexEntry {
    pub tags: u8,
    pub noun_lemma: Option<&'static str>,
    pub verb_lemma: Option<&'static str>,
    pub adj_lemma: Option<&'static str>,
}

impl LexEntry {
    pub fn has(&self, tag: u8) -> bool {
        self.tags & tag != 0
    }
}

/// What the lexicon knows of one form: its open-class entry, its closed classes and whether a
/// multi-word preposition starts with it. One table for all, so a token costs one lookup.
#[derive(Debug, Clone, Copy, Default)]
pub struct Slot {
    pub entry: Option<LexEntry>,
    pub classes: u16,
    pub starts_multiword_prep: bool,
}

/// Where a form is in the lexicon: indices run from 0 to [`Lexicon::form_count`], so a table
/// built over the lexicon (the dictionaries' word ids of each form and lemma) is a `Vec`.
pub type FormIndex = u32;

/// Word forms → possible tags and lemmas; function words → closed classes.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Each form's index in `slots` and `forms`.
    words: FxHashMap<&'static str, FormIndex>,
    slots: Vec<Slot>,
    forms: Vec<&'static str>,
    /// Multi-word prepositions ("according to"), keyed by their first word.
    multiword_preps: FxHashMap<&'static str, Vec<Vec<&'static str>>>,
}

static BUILTIN: OnceLock<Lexicon> = OnceLock::new();

const WORDS: &str = include_str!("../../data/lexicon/words.tsv");
const FUNCTION_WORDS: &str = include_str!("../../data/lexicon/function_words.tsv");

impl Lexicon {
    /// The lexicon shipped in `data/lexicon/`, parsed once.
    pub fn builtin() -> &'static Lexicon {
        BUILTIN.get_or_init(|| Lexicon::parse(WORDS, FUNCTION_WORDS))
    }

    /// Parses the two TSV files (see data/README.md). Malformed lines are skipped: the files
    /// are ours and checked by tests.
    pub fn parse(words: &'static str, function_words: &'static str) -> Lexicon {
        // About one form per 20 bytes of the file.
        let forms = words.len() / 20;
        let mut lexicon = Lexicon {
            words: FxHashMap::with_capacity_and_hasher(forms, Default::default()),
            slots: Vec::with_capacity(forms),
            forms: Vec::with_capacity(forms),
            ..Default::default()
        };
        for line in words.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(form), Some(tags), Some(lemmas)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let entry = lexicon
                .slot_mut(form)
                .entry
                .get_or_insert_with(LexEntry::default);
            for (t, lemma) in tags.split('|').zip(lemmas.split('|')) {
                match t {
                    "N" => {
                        entry.tags |= tag::NOUN;
                        entry.noun_lemma.get_or_insert(lemma);
                    }
                    "V" => {
                        entry.tags |= tag::VERB;
                        entry.verb_lemma.get_or_insert(lemma);
                    }
                    "J" => {
                        entry.tags |= tag::ADJ;
                        entry.adj_lemma.get_or_insert(lemma);
                    }
                    "R" => entry.tags |= tag::ADV,
                    "X" => {
                        entry.tags |= tag::AUX;
                        entry.verb_lemma.get_or_insert(lemma);
                    }
                    "P" => entry.tags |= tag::PROPER,
                    _ => {}
                }
            }
        }
        for line in function_words.lines() {
            let line = line.split('#').next().unwrap_or("").trim_end();
            let Some((word, class_name)) = line.split_once('\t') else {
                continue;
            };
            let bit = match class_name.trim() {
                "DET" => class::DET,
                "PRON" => class::PRON,
                "PREP" => class::PREP,
                "CONJ" => class::CONJ,
                "SUB" => class::SUB,
                "AUX" => class::AUX,
                "MODAL" => class::MODAL,
                "NEG" => class::NEG,
                "REL" => class::REL,
                "PART" => class::PART,
                "NUM" => class::NUM,
                "TIME" | "ADV" => class::TIME,
                _ => continue,
            };
            let word = word.trim();
            if word.contains(' ') {
                if bit == class::PREP {
                    let parts: Vec<&'static str> = word.split(' ').collect();
                    lexicon.slot_mut(parts[0]).starts_multiword_prep = true;
                    lexicon
                        .multiword_preps
                        .entry(parts[0])
                        .or_default()
                        .push(parts);
                }
                continue;
            }
            lexicon.slot_mut(word).classes |= bit;
        }
        for phrases in lexicon.multiword_preps.values_mut() {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        lexicon
    }

    /// The slot of `form`, added empty if the form is new.
    fn slot_mut(&mut self, form: &'static str) -> &mut Slot {
        let next = self.slots.len() as FormIndex;
        let index = *self.words.entry(form).or_insert(next);
        if index == next {
            self.slots.push(Slot::default());
            self.forms.push(form);
        }
        &mut self.slots[index as usize]
    }

    pub fn word(&self, norm: &str) -> Option<&LexEntry> {
        self.lookup(norm).0
    }

    /// Closed classes of a function word (0 when it is not one).
    pub fn classes(&self, norm: &str) -> u16 {
        self.lookup(norm).1
    }

    /// [`Lexicon::word`] and [`Lexicon::classes`] in one lookup.
    pub fn lookup(&self, norm: &str) -> (Option<&LexEntry>, u16) {
        self.index(norm).map_or((None, 0), |i| {
            let slot = self.slot(i);
            (slot.entry.as_ref(), slot.classes)
        })
    }

    /// Where `norm` is in the lexicon, if it knows the form.
    pub fn index(&self, norm: &str) -> Option<FormIndex> {
        self.words.get(norm).copied()
    }

    /// What the lexicon knows of the form at `index`.
    pub fn slot(&self, index: FormIndex) -> &Slot {
        &self.slots[index as usize]
    }

    /// The form at `index`.
    pub fn form(&self, index: FormIndex) -> &'static str {
        self.forms[index as usize]
    }

    /// Number of forms, open-class or function words: indices run below it.
    pub fn form_count(&self) -> usize {
        self.slots.len()
    }

    /// Multi-word prepositions starting with `first`, longest first.
    pub fn multiword_preps(&self, first: &str) -> &[Vec<&'static str>] {
        self.multiword_preps
            .get(first)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The verb lemma of a form, if it can be a verb.
    pub fn verb_lemma(&self, norm: &str) -> Option<&'static str> {
        self.word(norm).and_then(|e| e.verb_lemma)
    }

    /// The noun lemma of a form, if it can be a noun.
    pub fn noun_lemma(&self, norm: &str) -> Option<&'static str> {
        self.word(norm).and_then(|e| e.noun_lemma)
    }

    /// Best lemma for matching dictionary words: verb, then noun, then adjective.
    pub fn any_lemma(&self, norm: &str) -> Option<&'static str> {
        let entry = self.word(norm)?;
        entry.verb_lemma.or(entry.noun_lemma).or(entry.adj_lemma)
    }

    /// Number of forms with an open-class entry.
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.entry.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_knows_ambiguous_news_words() {
        let lex = Lexicon::builtin();
        assert!(lex.len() > 50_000);
        let talks = lex.word("talks").unwrap();
        assert!(talks.has(tag::NOUN) && talks.has(tag::VERB));
        assert_eq!(talks.verb_lemma, Some("talk"));
        assert_eq!(lex.verb_lemma("struck"), Some("strike"));
        assert_eq!(lex.verb_lemma("fled"), Some("flee"));
        assert_eq!(lex.noun_lemma("sanctions"), Some("sanction"));
    }

    #[test]
    fn builtin_lexicon_knows_function_words() {
        let lex = Lexicon::builtin();
        assert!(lex.classes("the") & class::DET != 0);
        assert!(lex.classes("will") & class::MODAL != 0);
        assert!(lex.classes("against") & class::PREP != 0);
        assert!(lex
            .multiword_preps("according")
            .iter()
            .any(|p| p == &["according", "to"]));
    }
}

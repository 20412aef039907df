//! Verb patterns compiled for fast matching: every word becomes the set of vocabulary ids it
//! may match (the word, its noun lemma and its verb lemma), so matching a sentence is integer
//! comparison, and each pattern lists the words a sentence must contain for it to be tried.

use super::events::{CodeSpec, PatternItem, VerbPattern};
use super::trie::Vocab;
use crate::nlp::Lexicon;

/// Vocabulary ids a pattern word matches.
pub type Ids = Box<[u32]>;

#[derive(Debug, Clone)]
pub enum CItem {
    Word(Ids),
    Phrase(Vec<CItem>),
    Prep(Ids, Vec<CItem>),
    Synset(usize),
    Source,
    Target,
    Skip,
}

#[derive(Debug, Clone)]
pub struct CPattern {
    pub before: Vec<CItem>,
    pub after: Vec<CItem>,
    pub code: CodeSpec,
    pub weight: usize,
    /// Words the sentence must contain (each an id set), checked before matching.
    pub needs: Vec<Ids>,
    /// `file:line` of the pattern.
    pub origin: String,
}

#[derive(Debug, Clone, Default)]
pub struct CSynset {
    /// The ids of the single words, as a bit set over vocabulary ids (tested for every token
    /// a pattern scans, so a bit test rather than a hash lookup).
    pub singles: IdSet,
    pub phrases: Vec<Vec<Ids>>,
    /// The ids any of `phrases` may start with: a token without one starts none of them.
    pub phrase_starts: IdSet,
}

/// The ids a dictionary word matches: itself and its lemmas.
pub fn word_ids(vocab: &mut Vocab, word: &str) -> Ids {
    let lexicon = Lexicon::builtin();
    let mut ids = vec![vocab.intern(word)];
    for lemma in [lexicon.noun_lemma(word), lexicon.verb_lemma(word)]
        .into_iter()
        .flatten()
    {
        let id = vocab.intern(lemma);
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.into_boxed_slice()
}

pub fn compile_pattern(vocab: &mut Vocab, pattern: &VerbPattern) -> CPattern {
    let mut needs = Vec::new();
    let before = compile_items(vocab, &pattern.before, &mut needs);
    let after = compile_items(vocab, &pattern.after, &mut needs);
    CPattern {
        before,
        after,
        code: pattern.code.clone(),
        weight: pattern.weight(),
        needs,
        origin: pattern.origin.clone(),
    }
}

fn compile_items(vocab: &mut Vocab, items: &[PatternItem], needs: &mut Vec<Ids>) -> Vec<CItem> {
    items
        .iter()
        .map(|item| match item {
            PatternItem::Word(w) => {
                let ids = word_ids(vocab, w);
                needs.push(ids.clone());
                CItem::Word(ids)
            }
            PatternItem::Phrase(inner) => CItem::Phrase(compile_items(vocab, inner, needs)),
            PatternItem::Prep(p, inner) => {
                let ids = word_ids(vocab, p);
                needs.push(ids.clone());
                CItem::Prep(ids, compile_items(vocab, inner, needs))
            }
            PatternItem::Synset(s) => CItem::Synset(*s),
            PatternItem::Source => CItem::Source,
            PatternItem::Target => CItem::Target,
            PatternItem::Skip => CItem::Skip,
        })
        .collect()
}

pub fn compile_synset(vocab: &mut Vocab, words: &[Vec<String>]) -> CSynset {
    let mut synset = CSynset::default();
    for phrase in words {
        if phrase.len() == 1 {
            for &id in word_ids(vocab, &phrase[0]).iter() {
                synset.singles.insert(id);
            }
        } else {
            let ids: Vec<Ids> = phrase.iter().map(|w| word_ids(vocab, w)).collect();
            for &id in ids[0].iter() {
                synset.phrase_starts.insert(id);
            }
            synset.phrases.push(ids);
        }
    }
    synset
}

/// The ids of a sentence's tokens: form, lemma and noun lemma (`u32::MAX` when unknown).
#[derive(Debug, Clone, Default)]
pub struct TokenIds {
    pub ids: Vec<[u32; 3]>,
    /// Every id of the sentence, sorted, without duplicates.
    present: Vec<u32>,
}

impl TokenIds {
    pub fn new(vocab: &Vocab, tokens: &crate::nlp::Tokens) -> TokenIds {
        let mut ids = Vec::with_capacity(tokens.len());
        let mut present = Vec::with_capacity(tokens.len() * 2);
        for (i, token) in tokens.tokens.iter().enumerate() {
            if matches!(
                token.kind,
                crate::nlp::TokenKind::Punct | crate::nlp::TokenKind::Hyphen
            ) {
                ids.push([u32::MAX; 3]);
                continue;
            }
            let norm = tokens.norm(i);
            let get = |w: Option<&str>| w.and_then(|w| vocab.get(w)).unwrap_or(u32::MAX);
            let form = get(Some(norm));
            let lemma = match token.lemma {
                Some(l) if l != norm => get(Some(l)),
                _ => form,
            };
            let noun = match token.noun_lemma {
                Some(l) if l != norm => get(Some(l)),
                _ => form,
            };
            let triple = [form, lemma, noun];
            present.extend(triple.iter().copied().filter(|id| *id != u32::MAX));
            ids.push(triple);
        }
        present.sort_unstable();
        present.dedup();
        TokenIds { ids, present }
    }

    /// Token `i` matches a word with these ids.
    pub fn matches(&self, i: usize, word: &[u32]) -> bool {
        self.ids
            .get(i)
            .is_some_and(|t| t.iter().any(|id| *id != u32::MAX && word.contains(id)))
    }

    /// Token `i` is in the synset's single words.
    pub fn in_synset(&self, i: usize, synset: &CSynset) -> bool {
        self.ids
            .get(i)
            .is_some_and(|t| t.iter().any(|&id| synset.singles.contains(id)))
    }

    /// Token `i` may start one of the synset's phrases.
    pub fn may_start_phrase(&self, i: usize, synset: &CSynset) -> bool {
        self.ids
            .get(i)
            .is_some_and(|t| t.iter().any(|&id| synset.phrase_starts.contains(id)))
    }

    /// Every word id the sentence contains.
    pub fn present(&self) -> impl Iterator<Item = &u32> {
        self.present.iter()
    }

    /// The vocabulary id of token `i`'s form, if known.
    pub fn form(&self, i: usize) -> Option<u32> {
        self.ids.get(i).map(|t| t[0]).filter(|id| *id != u32::MAX)
    }

    /// The sentence contains every word the pattern needs.
    pub fn may_match(&self, pattern: &CPattern) -> bool {
        pattern
            .needs
            .iter()
            .all(|ids| ids.iter().any(|id| self.present.binary_search(id).is_ok()))
    }
}

/// A set of vocabulary ids as bits (ids are dense and small).
#[derive(Debug, Clone, Default)]
pub struct IdSet {
    words: Vec<u64>,
}

impl IdSet {
    pub fn insert(&mut self, id: u32) {
        let (word, bit) = (id as usize / 64, id % 64);
        if self.words.len() <= word {
            self.words.resize(word + 1, 0);
        }
        self.words[word] |= 1 << bit;
    }

    pub fn contains(&self, id: u32) -> bool {
        self.words
            .get(id as usize / 64)
            .is_some_and(|w| w & (1 << (id % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_set_holds_exactly_the_inserted_ids() {
        let mut set = IdSet::default();
        for id in [0, 63, 64, 1000] {
            set.insert(id);
        }
        for id in [0, 63, 64, 1000] {
            assert!(set.contains(id), "{id}");
        }
        for id in [1, 62, 65, 999, 1001, 5000, u32::MAX] {
            assert!(!set.contains(id), "{id}");
        }
    }
}

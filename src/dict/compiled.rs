//! Verb patterns compiled for fast matching: every word becomes the set of vocabulary ids it
//! may match (the word, its noun lemma and its verb lemma), so matching a sentence is integer
//! comparison, and each pattern lists the words a sentence must contain for it to be tried.

use super::events::{CodeSpec, PatternItem, VerbPattern};
use super::trie::Vocab;
use crate::nlp::lexicon::LexEntry;
use crate::nlp::{Lexicon, TokenKind, Tokens};

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

/// The vocabulary ids of every form of the built-in lexicon: of the form itself and of its
/// verb, noun and adjective lemmas (`u32::MAX` when the vocabulary lacks the word or the
/// form has no such lemma). Made once per vocabulary, so that a tagged token, which knows
/// its form's place in the lexicon, finds the ids of its form and lemmas without hashing.
pub fn lexicon_ids(vocab: &Vocab) -> &[[u32; 4]] {
    vocab.lexicon_ids.get_or_init(|| {
        let lexicon = Lexicon::builtin();
        (0..lexicon.form_count() as u32)
            .map(|index| {
                let form = lexicon.form(index);
                let form_id = vocab.get(form).unwrap_or(u32::MAX);
                // Most lemmas are the form itself: one lookup serves both.
                let [verb, noun, adj] =
                    lemmas(lexicon.slot(index).entry.as_ref()).map(|l| match l {
                        Some(l) if l == form => form_id,
                        Some(l) => vocab.get(l).unwrap_or(u32::MAX),
                        None => u32::MAX,
                    });
                [form_id, verb, noun, adj]
            })
            .collect()
    })
}

/// The verb, noun and adjective lemmas of an entry, in the order of [`lexicon_ids`].
fn lemmas(entry: Option<&LexEntry>) -> [Option<&'static str>; 3] {
    entry.map_or([None; 3], |e| [e.verb_lemma, e.noun_lemma, e.adj_lemma])
}

/// The ids of a sentence's tokens: form, lemma and noun lemma (`u32::MAX` when unknown).
#[derive(Debug, Clone, Default)]
pub struct TokenIds {
    pub ids: Vec<[u32; 3]>,
    /// Every id of the sentence, sorted, without duplicates.
    present: Vec<u32>,
}

impl TokenIds {
    /// The ids of `tokens`, tagged with the built-in lexicon (the one dictionary words are
    /// lemmatised with).
    pub fn new(vocab: &Vocab, tokens: &Tokens) -> TokenIds {
        let lexicon = Lexicon::builtin();
        let known = lexicon_ids(vocab);
        let mut ids = Vec::with_capacity(tokens.len());
        let mut present = Vec::with_capacity(tokens.len() * 3);
        for (i, token) in tokens.tokens.iter().enumerate() {
            if matches!(token.kind, TokenKind::Punct | TokenKind::Hyphen) {
                ids.push([u32::MAX; 3]);
                continue;
            }
            let norm = tokens.norm(i);
            let get = |w: &str| vocab.get(w).unwrap_or(u32::MAX);
            // A form the lexicon knows has the ids of itself and its lemmas at hand.
            let at_hand = token.lexicon_index.map(|index| {
                debug_assert_eq!(lexicon.form(index), norm, "tagged with another lexicon");
                (
                    lemmas(lexicon.slot(index).entry.as_ref()),
                    known[index as usize],
                )
            });
            let form = at_hand.map_or_else(|| get(norm), |(_, ids)| ids[0]);
            // The tagger copies a token's lemmas from its lexicon entry: the very strings of
            // the entry, recognised by address, whose ids are at hand (the form's own id when
            // the lemma is the form). Any other lemma is looked up.
            let id_of = |lemma: Option<&str>| {
                let Some(l) = lemma else { return form };
                at_hand
                    .and_then(|(lemmas, ids)| {
                        let at = lemmas
                            .iter()
                            .position(|m| m.is_some_and(|m| std::ptr::eq(m, l)))?;
                        Some(ids[at + 1])
                    })
                    .unwrap_or_else(|| if l == norm { form } else { get(l) })
            };
            let triple = [form, id_of(token.lemma), id_of(token.noun_lemma)];
            // Lemmas are often the form: fewer ids to sort.
            let [form, lemma, noun] = triple;
            let distinct = [
                form,
                if lemma != form { lemma } else { u32::MAX },
                if noun != form && noun != lemma {
                    noun
                } else {
                    u32::MAX
                },
            ];
            present.extend(distinct.into_iter().filter(|id| *id != u32::MAX));
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
        self.any_in(i, &synset.singles)
    }

    /// Token `i` may start one of the synset's phrases.
    pub fn may_start_phrase(&self, i: usize, synset: &CSynset) -> bool {
        self.any_in(i, &synset.phrase_starts)
    }

    /// One of token `i`'s ids is in `set`.
    fn any_in(&self, i: usize, set: &IdSet) -> bool {
        self.ids
            .get(i)
            .is_some_and(|t| t.iter().any(|&id| set.contains(id)))
    }

    /// Every word id the sentence contains.
    pub fn present(&self) -> impl Iterator<Item = &u32> {
        self.present.iter()
    }

    /// The vocabulary id of token `i`'s form, if known.
    pub fn form(&self, i: usize) -> Option<u32> {
        self.ids.get(i).map(|t| t[0]).filter(|id| *id != u32::MAX)
    }

    /// Some token of the sentence has this id (as form or lemma).
    pub fn has(&self, id: u32) -> bool {
        self.present.binary_search(&id).is_ok()
    }

    /// The sentence contains every word the pattern needs.
    pub fn may_match(&self, pattern: &CPattern) -> bool {
        pattern
            .needs
            .iter()
            .all(|ids| ids.iter().any(|&id| self.has(id)))
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

    /// The ids of a token by plain vocabulary lookups, as they were defined before the table
    /// over the lexicon: form, lemma and noun lemma.
    fn looked_up(vocab: &Vocab, tokens: &Tokens, i: usize) -> [u32; 3] {
        let token = &tokens.tokens[i];
        if matches!(token.kind, TokenKind::Punct | TokenKind::Hyphen) {
            return [u32::MAX; 3];
        }
        let get = |w: &str| vocab.get(w).unwrap_or(u32::MAX);
        let norm = tokens.norm(i);
        let lemma = |l: Option<&str>| l.map_or(get(norm), get);
        [get(norm), lemma(token.lemma), lemma(token.noun_lemma)]
    }

    #[test]
    fn token_ids_from_the_lexicon_table_equal_plain_lookups() {
        let mut vocab = Vocab::default();
        // Forms, lemmas (of the entry and not: modals), and a word only the vocabulary knows.
        for word in [
            "army", "strike", "struck", "talk", "talks", "can", "will", "kabul", "the",
        ] {
            vocab.intern(word);
        }
        let text = "The army struck Kabul, and talks could resume; it will talk.";
        let tokens = crate::nlp::analyze(text, 0, text.len(), Lexicon::builtin());
        let equal_lookups = |ids: &TokenIds, vocab: &Vocab| {
            for i in 0..tokens.len() {
                assert_eq!(
                    ids.ids[i],
                    looked_up(vocab, &tokens, i),
                    "{}",
                    tokens.norm(i)
                );
            }
        };
        equal_lookups(&TokenIds::new(&vocab, &tokens), &vocab);
        // The table is made again when a word is added.
        vocab.intern("resume");
        let ids = TokenIds::new(&vocab, &tokens);
        equal_lookups(&ids, &vocab);
        let resume = vocab.get("resume").unwrap();
        assert!(ids.present().any(|&id| id == resume));
    }
}

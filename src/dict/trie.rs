//! A token-level trie: phrases of normalised words → values, matched longest-first.
//!
//! Words are interned once in a [`Vocab`] shared by every trie, so a sentence's tokens are
//! looked up once and each trie step is a single integer-keyed hash probe.

use rustc_hash::FxHashMap;
use smallvec::SmallVec;
use std::sync::OnceLock;

/// Interned words.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: FxHashMap<Box<str>, u32>,
    /// The ids of the built-in lexicon's forms and lemmas, indexed by form, made on first use
    /// by [`super::compiled::lexicon_ids`] and dropped when a word is added.
    pub(super) lexicon_ids: OnceLock<Vec<[u32; 4]>>,
}

impl Vocab {
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.into(), id);
        self.lexicon_ids.take();
        id
    }

    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Phrases (sequences of word ids) → values.
#[derive(Debug)]
pub struct PhraseTrie<T> {
    /// The node each first word leads to, indexed by word id (0: no phrase starts with it).
    /// Most tokens start no phrase, and this answers them without hashing.
    roots: Vec<u32>,
    /// Deeper edges: (node, word) → node.
    edges: FxHashMap<(u32, u32), u32>,
    values: Vec<Vec<T>>,
}

impl<T> Default for PhraseTrie<T> {
    fn default() -> Self {
        PhraseTrie {
            roots: Vec::new(),
            edges: FxHashMap::default(),
            values: vec![Vec::new()],
        }
    }
}

/// A match: how many words it covers and the values stored for the phrase.
#[derive(Debug)]
pub struct TrieMatch<'a, T> {
    pub len: usize,
    pub values: &'a [T],
}

impl<T> PhraseTrie<T> {
    /// Adds `value` under the phrase `words` (already interned). Empty phrases are ignored.
    pub fn insert(&mut self, words: &[u32], value: T) {
        if words.is_empty() {
            return;
        }
        let mut node = 0u32;
        for &word in words {
            node = match self.child(node, word) {
                Some(next) => next,
                None => {
                    let next = self.values.len() as u32;
                    self.values.push(Vec::new());
                    if node == 0 {
                        let slot = word as usize;
                        if self.roots.len() <= slot {
                            self.roots.resize(slot + 1, 0);
                        }
                        self.roots[slot] = next;
                    } else {
                        self.edges.insert((node, word), next);
                    }
                    next
                }
            };
        }
        self.values[node as usize].push(value);
    }

    /// The node `word` leads to from `node`.
    fn child(&self, node: u32, word: u32) -> Option<u32> {
        if node == 0 {
            self.roots.get(word as usize).copied().filter(|&n| n != 0)
        } else {
            self.edges.get(&(node, word)).copied()
        }
    }

    /// Values stored for exactly this phrase.
    pub fn get(&self, words: &[u32]) -> &[T] {
        let mut node = 0u32;
        for &word in words {
            match self.child(node, word) {
                Some(next) => node = next,
                None => return &[],
            }
        }
        &self.values[node as usize]
    }

    /// All phrases that start at the beginning of `words` and carry values, longest first.
    /// `None` entries in `words` are tokens unknown to the vocabulary and end the walk. (Held
    /// inline: this runs at every word of every sentence, and rarely finds more than two.)
    pub fn matches_at(&self, words: &[Option<u32>]) -> SmallVec<[TrieMatch<'_, T>; 4]> {
        let mut found = SmallVec::new();
        self.walk(words, |len, values| {
            found.push(TrieMatch { len, values });
            true
        });
        found.reverse();
        found
    }

    /// The longest phrase with values that starts at the beginning of `words`.
    pub fn longest_at(&self, words: &[Option<u32>]) -> Option<TrieMatch<'_, T>> {
        let mut longest = None;
        self.walk(words, |len, values| {
            longest = Some(TrieMatch { len, values });
            true
        });
        longest
    }

    /// Whether some phrase with values starts at the beginning of `words`.
    pub fn has_match_at(&self, words: &[Option<u32>]) -> bool {
        let mut any = false;
        self.walk(words, |_, _| {
            any = true;
            false
        });
        any
    }

    /// Walks the phrases that start at the beginning of `words`, shortest first, calling
    /// `visit` with the length and values of each that carries values until it returns false.
    fn walk<'a>(&'a self, words: &[Option<u32>], mut visit: impl FnMut(usize, &'a [T]) -> bool) {
        let mut node = 0u32;
        for (i, word) in words.iter().enumerate() {
            let Some(word) = word else { break };
            match self.child(node, *word) {
                Some(next) => node = next,
                None => break,
            }
            let values = &self.values[node as usize];
            if !values.is_empty() && !visit(i + 1, values) {
                break;
            }
        }
    }

    /// Number of nodes, for diagnostics.
    pub fn node_count(&self) -> usize {
        self.values.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trie_matches_longest_phrase_first() {
        let mut vocab = Vocab::default();
        let mut trie = PhraseTrie::default();
        let ids =
            |v: &mut Vocab, s: &str| -> Vec<u32> { s.split(' ').map(|w| v.intern(w)).collect() };
        let a = ids(&mut vocab, "united states");
        let b = ids(&mut vocab, "united states army");
        trie.insert(&a, "USA");
        trie.insert(&b, "USAMIL");
        let text: Vec<Option<u32>> = "united states army said"
            .split(' ')
            .map(|w| vocab.get(w))
            .collect();
        let found = trie.matches_at(&text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].len, 3);
        assert_eq!(found[0].values, ["USAMIL"]);
        assert_eq!(found[1].values, ["USA"]);
        assert_eq!(trie.get(&a), ["USA"]);
        assert_eq!(trie.longest_at(&text).map(|m| m.len), Some(3));
        assert!(trie.has_match_at(&text));
        // "states army said": no phrase starts there; "united" alone carries no value.
        assert!(!trie.has_match_at(&text[1..]));
        assert!(trie.longest_at(&text[..1]).is_none());
        assert!(trie.matches_at(&text[..1]).is_empty());
    }
}

//! Closed lists the splitter and tokenizer share: abbreviations that take a period without
//! ending a sentence, and words that typically open one.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Abbreviations (without their final period) that do not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&[u8]>> = OnceLock::new();
    const LIST: &[&str] = &[
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "cmdr", "gov",
        "sen", "rep", "rev", "prof", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "vol", "vs", "inc", "corp", "co", "ltd", "jr", "sr", "ft",
        "mt", "brig", "cpl", "pvt", "amb", "pres", "messrs", "hon", "approx", "dept", "univ",
        "assn", "gens", "lieut", "cdr", "supt", "insp", "sheikh", "mme", "mlle", "ave", "blvd",
        "e.g", "i.e", "cf", "fig",
    ];
    in_closed_list(word, &SET, LIST)
}

/// Capitalised words that usually start a sentence (used after "U.S." and initials).
pub fn is_sentence_starter(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&[u8]>> = OnceLock::new();
    const LIST: &[&str] = &[
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "in",
        "on",
        "at",
        "for",
        "after",
        "before",
        "when",
        "while",
        "since",
        "as",
        "if",
        "there",
        "his",
        "her",
        "its",
        "their",
        "our",
        "meanwhile",
        "however",
        "earlier",
        "later",
        "also",
        "some",
        "many",
        "most",
        "officials",
        "no",
        "one",
        "both",
        "such",
        "then",
        "still",
        "last",
        "until",
        "despite",
        "although",
    ];
    in_closed_list(word, &SET, LIST)
}

/// `word`, ignoring ASCII case, is one of the lowercase words of `list`. The splitter and
/// tokenizer ask this for every word before a period, so the list becomes a hash set on first
/// use instead of being scanned.
fn in_closed_list(
    word: &str,
    set: &OnceLock<FxHashSet<&'static [u8]>>,
    list: &[&'static str],
) -> bool {
    // Every listed word is short: a longer one is in no list.
    let mut buffer = [0u8; 16];
    let Some(lower) = buffer.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    set.get_or_init(|| {
        debug_assert!(list.iter().all(|w| *w == w.to_ascii_lowercase()));
        list.iter().map(|w| w.as_bytes()).collect()
    })
    .contains(&*lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_lists_ignore_ascii_case_only() {
        assert!(is_abbreviation("Gen"));
        assert!(is_abbreviation("SEPT"));
        assert!(is_abbreviation("e.g"));
        assert!(!is_abbreviation("general"));
        assert!(!is_abbreviation("Gén"));
        assert!(!is_abbreviation("a-much-longer-word-than-any-listed"));
        assert!(is_sentence_starter("Meanwhile"));
        assert!(!is_sentence_starter("Kabul"));
    }
}

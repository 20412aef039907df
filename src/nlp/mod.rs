//! NLP: sentences, tokens, parts of speech and lemmas — pure Rust, data from `data/lexicon/`.
//!
//! Input: a document's text. Output: sentence byte ranges ([`split_sentences`]) and, per
//! sentence, tagged [`Tokens`] ([`analyze`]). No model downloads: the lexicon is compiled in.

mod abbreviations;
pub mod lexicon;
pub mod sentences;
pub mod tagger;
pub mod tokens;

pub use lexicon::Lexicon;
pub use sentences::{dateline_len, split_sentences};
pub use tagger::{Pos, VForm};
pub use tokens::{normalize_phrase, tokenize, Token, TokenKind, Tokens};

/// Tokenizes and tags one sentence (`text[start..end]`, offsets stay document-relative).
pub fn analyze(text: &str, start: usize, end: usize, lexicon: &Lexicon) -> Tokens {
    let mut tokens = tokenize(text, start, end);
    tagger::tag_tokens(&mut tokens, lexicon);
    tokens
}

/// The day of an English weekday name ("monday").
pub fn weekday(norm: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday;
    Some(match norm {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// Month number of an English month name or abbreviation ("Sept.", "august").
pub fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.trim_end_matches('.');
    if word.len() < 3 || word.len() > 9 || !word.is_ascii() {
        return None;
    }
    if !matches!(
        word.as_bytes()[0].to_ascii_lowercase(),
        b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
    ) {
        return None;
    }
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(word) || (word.len() == 3 && m[..3].eq_ignore_ascii_case(word))
        })
        .map(|p| p as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_number_reads_names_and_abbreviations() {
        assert_eq!(month_number("August"), Some(8));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("jan"), Some(1));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Monday"), None);
    }
}

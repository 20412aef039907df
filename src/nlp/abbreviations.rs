//! Closed lists the splitter and tokenizer share: abbreviations that take a period without
//! ending a sentence, and words that typically open one.

/// Abbreviations (without their final period) that do not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    const LIST: &[&str] = &[
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "cmdr", "gov",
        "sen", "rep", "rev", "prof", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "vol", "vs", "inc", "corp", "co", "ltd", "jr", "sr", "ft",
        "mt", "brig", "cpl", "pvt", "amb", "pres", "messrs", "hon", "approx", "dept", "univ",
        "assn", "gens", "lieut", "cdr", "supt", "insp", "sheikh", "mme", "mlle", "ave", "blvd",
        "e.g", "i.e", "cf", "fig",
    ];
    LIST.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Capitalised words that usually start a sentence (used after "U.S." and initials).
pub fn is_sentence_starter(word: &str) -> bool {
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
    LIST.iter().any(|a| a.eq_ignore_ascii_case(word))
}

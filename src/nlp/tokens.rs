//! Tokens with byte offsets and a normalised form (lowercase, diacritics and abbreviation
//! periods folded) that every dictionary lookup uses.

use super::abbreviations::is_abbreviation;
use super::lexicon::FormIndex;
use super::tagger::{Pos, VForm};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// `'s` or a bare `'` after a plural: "Afghanistan's", "the States'".
    Possessive,
    /// A hyphen or slash joining two words ("al-Qaeda", "US-led", "SPLM/A").
    Hyphen,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte offsets in the document text.
    pub start: usize,
    pub end: usize,
    norm_start: u32,
    norm_end: u32,
    pub kind: TokenKind,
    pub space_before: bool,
    /// The first character is uppercase.
    pub cap: bool,
    /// Every letter is uppercase (and there are at least two).
    pub all_caps: bool,
    pub pos: Pos,
    pub form: VForm,
    /// Lemma from the lexicon for the tagged part of speech, if the lexicon knows the word.
    pub lemma: Option<&'static str>,
    /// The noun lemma, whatever the part of speech ("talks" → "talk"), for dictionary lookups.
    pub noun_lemma: Option<&'static str>,
    /// Where the word's form is in the lexicon that tagged it, if it is there.
    pub lexicon_index: Option<FormIndex>,
}

/// The tokens of one sentence with their normalised forms.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    norms: String,
}

impl Tokens {
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Normalised form of token `i`.
    pub fn norm(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.norms[t.norm_start as usize..t.norm_end as usize]
    }

    /// Lemma of token `i`: the lexicon's when known, else the normalised form.
    pub fn lemma(&self, i: usize) -> &str {
        self.tokens[i].lemma.unwrap_or_else(|| self.norm(i))
    }

    /// Iterates tokens with their index.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Token)> {
        self.tokens.iter().enumerate()
    }
}

/// Tokenizes `text[start..end]`; offsets stay relative to the whole `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Tokens {
    let mut out = Tokens {
        tokens: Vec::with_capacity((end - start) / 5 + 4),
        norms: String::with_capacity(end - start + 16),
    };
    let bytes = text.as_bytes();
    let mut i = start;
    let mut space_before = true;
    while i < end {
        let c = char_at(text, i);
        if c.is_whitespace() {
            space_before = true;
            i += c.len_utf8();
            continue;
        }
        if let Some(word) = plain_ascii_word(bytes, i, end) {
            push_plain_word(&mut out, text, i, word, space_before);
            space_before = false;
            i = word.end;
            continue;
        }
        let (token_end, kind) = if is_word_char(c) {
            let (word_end, kind) = scan_word(text, i, end);
            // "re-open", "co-operate": one word, looked up without its hyphen.
            if kind == TokenKind::Word {
                if let Some(joined_end) = scan_prefixed(text, i, word_end, end) {
                    push_token(&mut out, text, i, joined_end, kind, space_before);
                    let t = out.tokens.len() - 1;
                    let norm_start = out.tokens[t].norm_start as usize;
                    let joined: String = out.norms[norm_start..].replace('-', "");
                    out.norms.truncate(norm_start);
                    out.norms.push_str(&joined);
                    out.tokens[t].norm_end = out.norms.len() as u32;
                    space_before = false;
                    i = joined_end;
                    continue;
                }
            }
            (word_end, kind)
        } else if is_apostrophe(c) {
            scan_apostrophe(text, i, end)
        } else if (c == '-' || (c == '/' && text[..i].ends_with(is_word_char)))
            && i > start
            && !space_before
            && i + 1 < end
            && is_word_start(text, i + 1)
        {
            (i + 1, TokenKind::Hyphen)
        } else {
            (i + c.len_utf8(), TokenKind::Punct)
        };
        let token_end = token_end.min(end);
        push_token(&mut out, text, i, token_end, kind, space_before);
        space_before = false;
        i = token_end;
        debug_assert!(i <= bytes.len());
    }
    out
}

fn push_token(
    out: &mut Tokens,
    text: &str,
    start: usize,
    end: usize,
    kind: TokenKind,
    space_before: bool,
) {
    let surface = &text[start..end];
    let norm_start = out.norms.len();
    match kind {
        TokenKind::Possessive => out.norms.push_str("'s"),
        TokenKind::Punct => out.norms.push_str(surface),
        _ => normalize_into(surface, &mut out.norms),
    }
    if kind == TokenKind::Word {
        expand_contraction(&mut out.norms, norm_start);
    }
    let case = if kind == TokenKind::Punct && surface.len() == 1 {
        // An ASCII punctuation mark has no letters.
        Case::default()
    } else {
        let first = char_at(surface, 0);
        Case {
            cap: first.is_uppercase() || (first.is_ascii_digit() && kind == TokenKind::Word),
            // Bytes of ASCII words need no decoding.
            all_caps: if surface.is_ascii() {
                all_caps(surface.bytes().map(char::from))
            } else {
                all_caps(surface.chars())
            },
        }
    };
    out.push(start..end, norm_start, kind, space_before, case);
}

/// Pushes a plain ASCII word found at `start` by [`plain_ascii_word`]: its normalised form is
/// its lowercase.
fn push_plain_word(
    out: &mut Tokens,
    text: &str,
    start: usize,
    word: PlainWord,
    space_before: bool,
) {
    let norm_start = out.norms.len();
    out.norms.push_str(&text[start..word.end]);
    out.norms[norm_start..].make_ascii_lowercase();
    out.push(
        start..word.end,
        norm_start,
        TokenKind::Word,
        space_before,
        word.case,
    );
}

/// The capitals of a token.
#[derive(Debug, Clone, Copy, Default)]
struct Case {
    /// See [`Token::cap`].
    cap: bool,
    /// See [`Token::all_caps`].
    all_caps: bool,
}

impl Tokens {
    /// Adds an untagged token whose normalised form was appended to `norms` from `norm_start`.
    fn push(
        &mut self,
        span: std::ops::Range<usize>,
        norm_start: usize,
        kind: TokenKind,
        space_before: bool,
        case: Case,
    ) {
        self.tokens.push(Token {
            start: span.start,
            end: span.end,
            norm_start: norm_start as u32,
            norm_end: self.norms.len() as u32,
            kind,
            space_before,
            cap: case.cap,
            all_caps: case.all_caps,
            pos: Pos::Other,
            form: VForm::None,
            lemma: None,
            noun_lemma: None,
            lexicon_index: None,
        });
    }
}

/// Contractions become the words they stand for: the normalised form from `start` on is
/// replaced ("n't" → "not").
fn expand_contraction(norms: &mut String, start: usize) {
    let word = match &norms[start..] {
        "n't" => "not",
        "'ll" => "will",
        "'re" => "are",
        "'ve" => "have",
        "'m" => "am",
        "'d" => "would",
        _ => return,
    };
    norms.truncate(start);
    norms.push_str(word);
}

/// Every letter is uppercase, and there are at least two.
fn all_caps(chars: impl Iterator<Item = char>) -> bool {
    let mut count = 0;
    let all = chars.filter(|c| c.is_alphabetic()).all(|c| {
        count += 1;
        c.is_uppercase()
    });
    all && count >= 2
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

fn is_word_start(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(is_word_char)
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// A plain ASCII word: where it ends and its capitals, read in one pass over its bytes.
#[derive(Debug, Clone, Copy)]
struct PlainWord {
    end: usize,
    case: Case,
}

/// The plain ASCII word at `i`, the common case, which needs none of the scanners below: a
/// letter, then letters and digits up to the sentence end or an ASCII character other than
/// the apostrophe, period and hyphen that contractions, names ("O'Brien"), acronyms,
/// abbreviations and prefixed words ("re-open") continue with. [`scan_word`] would end such
/// a word at the same place.
fn plain_ascii_word(bytes: &[u8], i: usize, end: usize) -> Option<PlainWord> {
    if !bytes[i].is_ascii_alphabetic() {
        return None;
    }
    let (mut capitals, mut small) = (0, false);
    let mut word_end = end;
    for (j, b) in bytes[..end].iter().enumerate().skip(i) {
        if b.is_ascii_uppercase() {
            capitals += 1;
        } else if b.is_ascii_lowercase() {
            small = true;
        } else if !b.is_ascii_digit() {
            word_end = j;
            break;
        }
    }
    let plain_end = word_end == end || {
        let next = bytes[word_end];
        next.is_ascii() && !matches!(next, b'\'' | b'.' | b'-')
    };
    let case = Case {
        cap: bytes[i].is_ascii_uppercase(),
        all_caps: capitals >= 2 && !small,
    };
    plain_end.then_some(PlainWord {
        end: word_end,
        case,
    })
}

/// The end of "re-open"-style words: a verb prefix, a hyphen and a lowercase word.
fn scan_prefixed(text: &str, start: usize, word_end: usize, end: usize) -> Option<usize> {
    const PREFIXES: [&str; 4] = ["re", "co", "pre", "counter"];
    if text.as_bytes().get(word_end) != Some(&b'-') || !PREFIXES.contains(&&text[start..word_end]) {
        return None;
    }
    let rest = word_end + 1;
    if rest >= end || !text[rest..].starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    let (rest_end, kind) = scan_word(text, rest, end);
    (kind == TokenKind::Word).then_some(rest_end)
}

/// The character at byte `i` (a space past the end).
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => b as char,
        _ => text[i..].chars().next().unwrap_or(' '),
    }
}

/// Scans a word, number, dotted acronym or abbreviation starting at `i`.
fn scan_word(text: &str, i: usize, end: usize) -> (usize, TokenKind) {
    let first = char_at(text, i);
    if first.is_ascii_digit() {
        return scan_number(text, i, end);
    }
    if let Some(clitic_end) = scan_negative_clitic(text, i, end) {
        return (clitic_end, TokenKind::Word);
    }
    if let Some(acronym_end) = scan_acronym(text, i, end) {
        return (acronym_end, TokenKind::Word);
    }
    let bytes = text.as_bytes();
    let mut j = i;
    while j < end {
        // Letters and digits of plain ASCII, the common case, without decoding.
        if bytes[j].is_ascii_alphanumeric() {
            j += 1;
            continue;
        }
        let c = char_at(text, j);
        if is_word_char(c) {
            j += c.len_utf8();
        } else if is_apostrophe(c) && j + c.len_utf8() < end {
            // Keep inner apostrophes of names (O'Brien, d'Ivoire) but stop before clitics.
            let after = j + c.len_utf8();
            let rest: String = text[after..end]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let clitic = matches!(
                rest.to_lowercase().as_str(),
                "s" | "ll" | "re" | "ve" | "d" | "m" | "t"
            );
            if !rest.is_empty() && !clitic {
                j = after;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    // "don't" → "do" + "n't"
    let word = &text[i..j];
    if j < end && word.len() > 1 && word.ends_with(['n', 'N']) {
        let after_n = &text[j..end];
        let mut chars = after_n.chars();
        if chars.next().is_some_and(is_apostrophe)
            && chars.next().is_some_and(|c| c == 't' || c == 'T')
            && !chars.next().is_some_and(char::is_alphabetic)
        {
            return (j - 1, TokenKind::Word);
        }
    }
    // Known abbreviations keep their period: "Gen.", "Jan.".
    if j < end && text.as_bytes()[j] == b'.' && is_abbreviation(word) {
        return (j + 1, TokenKind::Word);
    }
    (j, TokenKind::Word)
}

/// The "n't" of "didn't", scanned as a token of its own.
fn scan_negative_clitic(text: &str, i: usize, end: usize) -> Option<usize> {
    if !matches!(text.as_bytes().get(i), Some(b'n' | b'N')) {
        return None;
    }
    let mut chars = text[i..end].char_indices();
    let (_, n) = chars.next()?;
    let (_, apostrophe) = chars.next()?;
    let (t_at, t) = chars.next()?;
    let after = chars.next().map(|(_, c)| c);
    let is_clitic = (n == 'n' || n == 'N')
        && is_apostrophe(apostrophe)
        && (t == 't' || t == 'T')
        && !after.is_some_and(char::is_alphabetic);
    is_clitic.then_some(i + t_at + 1)
}

/// "U.S.", "U.N.", "a.m." — single letters each followed by a period.
fn scan_acronym(text: &str, i: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut j = i;
    let mut letters = 0;
    while j + 1 < end && bytes[j].is_ascii_alphabetic() && bytes[j + 1] == b'.' {
        letters += 1;
        j += 2;
        if j < end && !bytes[j].is_ascii_alphabetic() {
            break;
        }
    }
    (letters >= 2).then_some(j)
}

fn scan_number(text: &str, i: usize, end: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < end {
        let b = bytes[j];
        let separator = (b == b',' || b == b'.') && j + 1 < end && bytes[j + 1].is_ascii_digit();
        if b.is_ascii_digit() || separator {
            j += 1;
        } else {
            break;
        }
    }
    // Ordinals and units glued to the number ("4th", "13km") stay one token.
    while j < end && bytes[j].is_ascii_alphabetic() {
        j += 1;
    }
    (j, TokenKind::Number)
}

fn scan_apostrophe(text: &str, i: usize, end: usize) -> (usize, TokenKind) {
    let c = text[i..].chars().next().unwrap_or('\'');
    let after = i + c.len_utf8();
    let rest: String = text[after..end]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let lower = rest.to_lowercase();
    match lower.as_str() {
        "s" => (after + rest.len(), TokenKind::Possessive),
        "ll" | "re" | "ve" | "d" | "m" => (after + rest.len(), TokenKind::Word),
        "t" => (after + rest.len(), TokenKind::Word),
        "" => {
            // "the States' position": a bare apostrophe after a plural is a possessive.
            let prev = text[..i].chars().next_back();
            if prev.is_some_and(|p| p == 's' || p == 'S') {
                (after, TokenKind::Possessive)
            } else {
                (after, TokenKind::Punct)
            }
        }
        _ => (after, TokenKind::Punct),
    }
}

/// Appends the normalised form of `word`: lowercase, diacritics folded, periods dropped,
/// typographic apostrophes made plain.
pub fn normalize_into(word: &str, out: &mut String) {
    // Plain ASCII without periods, the common case, is copied and lowercased in place.
    if word.bytes().all(|b| b.is_ascii() && b != b'.') {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .filter(|&b| b != b'.')
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return;
    }
    use unicode_normalization::UnicodeNormalization;
    for c in word.nfd() {
        match c {
            '.' => {}
            '’' | 'ʼ' | '‘' => out.push('\''),
            'ß' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ı' => out.push('i'),
            c if is_combining(c) || ('\u{1ab0}'..='\u{1aff}').contains(&c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The normalised form of a whole phrase, token by token, as dictionary keys are built.
pub fn normalize_phrase(phrase: &str) -> Vec<String> {
    let tokens = tokenize(phrase, 0, phrase.len());
    (0..tokens.len())
        .filter(|&i| !matches!(tokens.tokens[i].kind, TokenKind::Hyphen | TokenKind::Punct))
        .map(|i| tokens.norm(i).to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        let t = tokenize(text, 0, text.len());
        (0..t.len()).map(|i| t.norm(i).to_string()).collect()
    }

    #[test]
    fn tokenize_splits_possessives_and_contractions() {
        assert_eq!(
            norms("Afghanistan's army didn't move; the States' plan"),
            vec![
                "afghanistan",
                "'s",
                "army",
                "did",
                "not",
                "move",
                ";",
                "the",
                "states",
                "'s",
                "plan"
            ]
        );
    }

    #[test]
    fn tokenize_keeps_acronyms_and_abbreviations_whole() {
        assert_eq!(
            norms("U.S. Gen. Smith met U.N. staff."),
            vec!["us", "gen", "smith", "met", "un", "staff", "."]
        );
    }

    #[test]
    fn tokenize_marks_joining_hyphens() {
        let text = "al-Qaeda and US-led forces - reportedly";
        let t = tokenize(text, 0, text.len());
        let kinds: Vec<TokenKind> = t.tokens.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[1], TokenKind::Hyphen);
        assert_eq!(kinds[5], TokenKind::Hyphen);
        assert_eq!(t.norm(8), "-");
        assert_eq!(kinds[8], TokenKind::Punct);
    }

    #[test]
    fn tokenize_reports_byte_offsets() {
        let text = "Zürich’s mayor, 1,000 troops";
        let t = tokenize(text, 0, text.len());
        assert_eq!(&text[t.tokens[0].start..t.tokens[0].end], "Zürich");
        assert_eq!(t.norm(0), "zurich");
        assert_eq!(t.tokens[1].kind, TokenKind::Possessive);
        assert_eq!(t.norm(4), "1,000");
        assert_eq!(t.tokens[4].kind, TokenKind::Number);
    }

    #[test]
    fn tokenize_keeps_inner_apostrophes_of_names() {
        assert_eq!(norms("Côte d'Ivoire"), vec!["cote", "d'ivoire"]);
        assert_eq!(norms("O’Brien’s"), vec!["o'brien", "'s"]);
    }

    #[test]
    fn normalize_phrase_drops_hyphens_and_periods() {
        assert_eq!(normalize_phrase("al-Qaeda"), vec!["al", "qaeda"]);
        assert_eq!(normalize_phrase("U.S. Army"), vec!["us", "army"]);
        assert_eq!(normalize_phrase("ISIS-Khorasan"), vec!["isis", "khorasan"]);
    }

    /// Wherever the plain-word fast path accepts a word, the general scanners read the same
    /// word and the general token builder gives it the same form and capitals: checked on
    /// every short string over characters that matter to them.
    #[test]
    fn plain_ascii_words_read_as_the_general_scanners_read_them() {
        const ALPHABET: [&str; 13] = [
            "a", "N", "t", "s", "7", "'", "’", ".", "-", " ", "é", "/", "re",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            texts = texts
                .iter()
                .flat_map(|t| ALPHABET.iter().map(move |c| format!("{t}{c}")))
                .collect();
            for text in &texts {
                let bytes = text.as_bytes();
                for i in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                    for end in (i + 1..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                        let Some(word) = plain_ascii_word(bytes, i, end) else {
                            continue;
                        };
                        let word_end = word.end;
                        assert_eq!(
                            scan_word(text, i, end),
                            (word_end, TokenKind::Word),
                            "{text:?} {i}..{end}"
                        );
                        assert_eq!(scan_prefixed(text, i, word_end, end), None, "{text:?}");
                        let (mut plain, mut general) = (Tokens::default(), Tokens::default());
                        push_plain_word(&mut plain, text, i, word, true);
                        push_token(&mut general, text, i, word_end, TokenKind::Word, true);
                        assert_eq!(plain.norm(0), general.norm(0), "{text:?}");
                        let flags = |t: &Tokens| (t.tokens[0].cap, t.tokens[0].all_caps);
                        assert_eq!(flags(&plain), flags(&general), "{text:?}");
                    }
                }
            }
        }
    }

    /// Every field the tokenizer sets, one line per token.
    fn describe(text: &str, start: usize, end: usize) -> Vec<String> {
        let t = tokenize(text, start, end);
        t.iter()
            .map(|(i, token)| {
                format!(
                    "{}|{}|{:?}|{}|{}|{}",
                    &text[token.start..token.end],
                    t.norm(i),
                    token.kind,
                    u8::from(token.cap),
                    u8::from(token.all_caps),
                    u8::from(token.space_before)
                )
            })
            .collect()
    }

    /// `testdata/tokens.txt`: blocks of a line `> TEXT` (or `>[START..END] TEXT` for a
    /// sentence inside a text) and the tokens `describe` gives for it. The tokenizer reads plain
    /// ASCII words on a fast path; these texts mix them with what it leaves to the general
    /// scanners (curly apostrophes, diacritics, dashes, contractions, acronyms, hyphens), and
    /// the expected lines were made by the tokenizer before the fast path existed.
    #[test]
    fn tokenize_matches_the_recorded_tokens_of_ascii_and_unicode_text() {
        let golden = include_str!("testdata/tokens.txt");
        let mut checked = 0;
        for block in golden.split("\n\n").filter(|b| !b.trim().is_empty()) {
            let mut lines = block.lines();
            let header = lines.next().unwrap();
            let (range, text) = parse_header(header);
            let (start, end) = range.unwrap_or((0, text.len()));
            let expected: Vec<&str> = lines.collect();
            assert_eq!(describe(text, start, end), expected, "tokens of {header}");
            checked += 1;
        }
        assert!(checked >= 10);
    }

    /// `> TEXT` or `>[START..END] TEXT`.
    fn parse_header(header: &str) -> (Option<(usize, usize)>, &str) {
        let rest = header.strip_prefix('>').expect("a block opens with '>'");
        if let Some(rest) = rest.strip_prefix('[') {
            let (range, text) = rest.split_once("] ").unwrap();
            let (start, end) = range.split_once("..").unwrap();
            (Some((start.parse().unwrap(), end.parse().unwrap())), text)
        } else {
            (None, rest.strip_prefix(' ').unwrap())
        }
    }
}

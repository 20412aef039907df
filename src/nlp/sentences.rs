//! Sentence splitting that survives "U.S.", "Gen.", "Jan.", initials, numbers and quotes.

use super::abbreviations::{is_abbreviation, is_sentence_starter};

/// Longest sentence we keep whole; longer runs are cut at a space so that pathological input
/// (a megabyte without punctuation) cannot stall the later stages.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Only terminal marks and line breaks can end a sentence: jump from one to the next.
    while let Some(offset) = bytes[i..].iter().position(|&b| is_boundary_candidate(b)) {
        let at = i + offset;
        let boundary_end = if bytes[at] == b'\n' {
            newline_boundary(text, at)
        } else {
            terminal_boundary(text, at)
        };
        match boundary_end {
            Some(end) => {
                push_trimmed(text, start, end, &mut out);
                start = end;
                i = end;
            }
            None => i = at + 1,
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// A byte that may end a sentence: a terminal mark or a line break.
fn is_boundary_candidate(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'\n')
}

/// When the terminal mark at `i` ends a sentence, the byte offset just after it (and any
/// closing quotes or brackets).
fn terminal_boundary(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = i + 1;
    // Runs like "?!" or "..." end together.
    while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
        end += 1;
    }
    end = skip_closers(text, end);
    if end >= bytes.len() {
        return Some(bytes.len());
    }
    let next_char = text[end..].chars().next()?;
    if !next_char.is_whitespace() {
        return None;
    }
    let rest = text[end..].trim_start();
    let next = rest.chars().next()?;
    if next.is_lowercase() {
        return None;
    }
    if bytes[i] == b'.' && end == i + 1 {
        let word = word_before(text, i);
        if is_abbreviation(word) {
            return None;
        }
        // Initials ("George W. Bush") and dotted abbreviations ("U.S.") end a sentence only
        // when the next word is a typical sentence opener.
        let mut chars = word.chars();
        let single_initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
        let dotted = word.contains('.');
        if single_initial || dotted {
            let next_word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            if !is_sentence_starter(&next_word) {
                return None;
            }
        }
    }
    Some(end)
}

/// A line break ends a sentence at a blank line, after terminal punctuation, or after a short
/// heading-like line; a line that simply wraps continues the sentence.
fn newline_boundary(text: &str, i: usize) -> Option<usize> {
    let before = text[..i].trim_end_matches([' ', '\t', '\r']);
    let after = &text[i + 1..];
    let blank_line = after
        .trim_start_matches([' ', '\t', '\r'])
        .starts_with('\n');
    if blank_line || before.is_empty() {
        return Some(i + 1);
    }
    let last = before.chars().next_back()?;
    if matches!(
        last,
        '.' | '!' | '?' | ':' | ';' | '"' | '”' | '\'' | '’' | ')'
    ) {
        return Some(i + 1);
    }
    let next = after.trim_start().chars().next();
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let line_len = before.len() - line_start;
    let heading_like = line_len < 80 && next.is_some_and(|c| !c.is_lowercase());
    let list_item = next.is_some_and(|c| matches!(c, '-' | '*' | '#' | '•'));
    (heading_like || list_item).then_some(i + 1)
}

fn skip_closers(text: &str, mut end: usize) -> usize {
    while let Some(c) = text[end..].chars().next() {
        if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// The word (letters, digits and inner periods) ending just before byte `i`.
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(p, c)| p + c.len_utf8());
    &head[start..]
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let (mut s, e) = (start + lead, end - trail);
    while e > s && e - s > MAX_SENTENCE_BYTES {
        let mut cut = s + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[s..cut].rfind(' ').map_or(cut, |p| s + p);
        let cut = if cut <= s {
            s + MAX_SENTENCE_BYTES.min(e - s)
        } else {
            cut
        };
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        out.push((s, cut));
        s = cut;
        while s < e && text.as_bytes()[s] == b' ' {
            s += 1;
        }
    }
    if e > s {
        out.push((s, e));
    }
}

/// The length in bytes of a news dateline opening `sentence` ("KABUL, Afghanistan (AP) — ",
/// "WASHINGTON, Sept 20 (Reuters) - ", "SANAA, Yemen — "), dash and spaces included: where the
/// article starts, before which no actor acts. A dateline is a few capitalised words, commas,
/// numbers and at most one parenthesised agency before a dash, with a word in capitals or an
/// agency among them, and a capitalised sentence after the dash.
pub fn dateline_len(sentence: &str) -> Option<usize> {
    const DASHES: [&str; 4] = [" -- ", " - ", "—", "–"];
    let mut cut = sentence.len().min(100);
    while !sentence.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &sentence[..cut];
    let (at, dash) = DASHES
        .iter()
        .filter_map(|d| head.find(d).map(|at| (at, d.len())))
        .min()?;
    let prefix = sentence[..at].trim_end();
    let (outside, agency) = match (prefix.find('('), prefix.rfind(')')) {
        (Some(open), Some(close)) if open < close && prefix[close + 1..].trim().is_empty() => {
            let agency = &prefix[open + 1..close];
            if agency.is_empty() || agency.len() > 30 || agency.contains(['(', ')']) {
                return None;
            }
            (&prefix[..open], true)
        }
        (None, None) => (prefix, false),
        _ => return None,
    };
    let words: Vec<&str> = outside
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let word_ok = |w: &&str| {
        let first = w.chars().next().unwrap_or(' ');
        (first.is_uppercase() || first.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '-' | '’'))
    };
    let capitals = words
        .iter()
        .any(|w| w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c == '.'));
    if words.is_empty() || words.len() > 8 || !words.iter().all(word_ok) || !(capitals || agency) {
        return None;
    }
    let rest = &sentence[at + dash..];
    let body = rest.trim_start();
    let starts_sentence = body
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '\''));
    starts_sentence.then(|| sentence.len() - body.len())
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_dateline_is_found_and_ordinary_openings_are_not() {
        fn body(s: &str) -> Option<&str> {
            dateline_len(s).map(|n| &s[n..])
        }
        assert_eq!(
            body("KABUL, Afghanistan (AP) — The Taliban rejected the plan."),
            Some("The Taliban rejected the plan.")
        );
        assert_eq!(
            body("WASHINGTON, Sept 20 (Reuters) - Trump said on Friday."),
            Some("Trump said on Friday.")
        );
        assert_eq!(
            body("NEW DELHI — India struck camps."),
            Some("India struck camps.")
        );
        assert_eq!(
            body("Kabul, Afghanistan (Wire) -- Officials said."),
            Some("Officials said.")
        );
        // A dash inside a sentence, a capitalised name without capitals or agency, a lower
        // case continuation: no dateline.
        assert_eq!(body("Iran's envoy — a hardliner — said no."), None);
        assert_eq!(body("Hamas — The group said."), None);
        assert_eq!(body("NATO — the alliance said."), None);
        assert_eq!(body("The talks (in Doha) - which failed - ended."), None);
        // A letter of several bytes across the length looked at.
        let long = format!("{}ș rejected a proposal — officials said.", "a".repeat(99));
        assert_eq!(body(&long), None);
    }
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn split_sentences_keeps_abbreviations_inside() {
        let text = "Gen. Mark Kelly met U.S. officials on Jan. 5 in Kabul. The talks ended.";
        assert_eq!(
            sentences(text),
            vec![
                "Gen. Mark Kelly met U.S. officials on Jan. 5 in Kabul.",
                "The talks ended."
            ]
        );
    }

    #[test]
    fn split_sentences_ends_after_dotted_abbreviation_before_sentence_opener() {
        let text = "The envoy flew to the U.S. He met the minister.";
        assert_eq!(
            sentences(text),
            vec!["The envoy flew to the U.S.", "He met the minister."]
        );
    }

    #[test]
    fn split_sentences_keeps_initials_in_names() {
        let text = "President George W. Bush spoke. Then he left.";
        assert_eq!(
            sentences(text),
            vec!["President George W. Bush spoke.", "Then he left."]
        );
    }

    #[test]
    fn split_sentences_handles_quotes_and_decimals() {
        let text = "\"We reject it,\" he said. \"It is final.\" Growth was 3.5 percent.";
        assert_eq!(
            sentences(text),
            vec![
                "\"We reject it,\" he said.",
                "\"It is final.\"",
                "Growth was 3.5 percent."
            ]
        );
    }

    #[test]
    fn split_sentences_breaks_at_paragraphs_and_headings() {
        let text =
            "Kabul rejected the plan\n\nIt said no.\nAlso Read: Another story\nNext line here.";
        assert_eq!(
            sentences(text),
            vec![
                "Kabul rejected the plan",
                "It said no.",
                "Also Read: Another story",
                "Next line here."
            ]
        );
    }

    #[test]
    fn split_sentences_joins_wrapped_lines() {
        let text = "The minister said the government would not accept the proposal that was\nmade last week by the opposition parties in the capital city.";
        assert_eq!(sentences(text).len(), 1);
    }

    #[test]
    fn split_sentences_cuts_pathological_runs() {
        let text = "word ".repeat(2000);
        let parts = split_sentences(&text);
        assert!(parts.len() >= 5);
        assert!(parts.iter().all(|(s, e)| e - s <= MAX_SENTENCE_BYTES));
    }
}

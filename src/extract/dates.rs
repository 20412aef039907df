//! Time expressions in a sentence, resolved against the document date: weekday names (the
//! most recent such day up to the document date), "yesterday", "last week", "in August 2021",
//! "four years ago", "on Sept. 5".

use crate::nlp::{month_number, weekday, TokenKind, Tokens};
use chrono::{Datelike, Days, Months, NaiveDate};

/// A time expression: its tokens and the date it fixes (when it can be fixed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
    /// The date when the expression speaks of what is still to come ("will meet on
    /// Monday", "talks on October 25"): the next such day rather than the last.
    pub forward: NaiveDate,
}

fn number_word(norm: &str) -> Option<u32> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if norm == "a" || norm == "an" {
        return Some(1);
    }
    if let Some(p) = WORDS.iter().position(|w| *w == norm) {
        return Some(p as u32);
    }
    match norm {
        "thirty" => Some(30),
        "several" => None,
        _ => norm.parse().ok(),
    }
}

fn year(norm: &str) -> Option<i32> {
    let y: i32 = norm.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn day(norm: &str) -> Option<u32> {
    let digits = norm.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// Token `i` is a weekday or a capitalised month name ("Monday", "August").
pub(crate) fn names_day_or_month(tokens: &Tokens, i: usize) -> bool {
    let w = tokens.norm(i);
    weekday(w).is_some() || (tokens.tokens[i].cap && month_number(w).is_some())
}

/// A cheap test every token must pass to start a time expression below: a number, a
/// capitalised month name, a weekday or relative day word, or a count before "ago". Most
/// tokens fail it, so they skip the month, day and year parsing.
fn may_start_time_expression(tokens: &Tokens, i: usize, w: &str) -> bool {
    tokens.tokens[i].kind == TokenKind::Number
        || names_day_or_month(tokens, i)
        || matches!(
            w,
            "yesterday"
                | "today"
                | "tonight"
                | "overnight"
                | "tomorrow"
                | "last"
                | "this"
                | "next"
                | "earlier"
        )
        || (i + 2 < tokens.len() && tokens.norm(i + 2) == "ago")
}

/// Every time expression of a sentence that can be resolved.
pub fn time_expressions(tokens: &Tokens, doc_date: Option<NaiveDate>) -> Vec<TimeExpr> {
    let n = tokens.len();
    let norm = |i: usize| if i < n { tokens.norm(i) } else { "" };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let w = norm(i);
        if !may_start_time_expression(tokens, i, w) {
            i += 1;
            continue;
        }
        let mut push = |start: usize, end: usize, date: Option<NaiveDate>| -> usize {
            if let Some(date) = date {
                out.push(TimeExpr {
                    start,
                    end,
                    date,
                    forward: date,
                });
            }
            end
        };
        // Month-based: "August 2021", "Sept. 5", "5 September 2021", "September 5, 2021".
        if let Some(month) = month_number(w).filter(|_| tokens.tokens[i].cap) {
            if let Some(y) = year(norm(i + 1)) {
                i = push(i, i + 2, NaiveDate::from_ymd_opt(y, month, 1));
                continue;
            }
            if let Some(d) = day(norm(i + 1)).filter(|_| {
                tokens
                    .tokens
                    .get(i + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number)
            }) {
                let (y, end) = match (norm(i + 2), year(norm(i + 3))) {
                    (",", Some(y)) => (Some(y), i + 4),
                    _ => (
                        year(norm(i + 2)).or_else(|| doc_date.map(|d| d.year())),
                        if year(norm(i + 2)).is_some() {
                            i + 3
                        } else {
                            i + 2
                        },
                    ),
                };
                let date = y
                    .and_then(|y| NaiveDate::from_ymd_opt(y, month, d))
                    .map(|date| {
                        // "March 5" in a February article without a year means last year's,
                        // or, of what is to come, this year's.
                        let yearless = year(norm(i + 2)).is_none() && norm(i + 2) != ",";
                        match doc_date {
                            Some(doc) if yearless && date > doc => {
                                (date.with_year(date.year() - 1).unwrap_or(date), date)
                            }
                            Some(doc) if yearless && date < doc => {
                                (date, date.with_year(date.year() + 1).unwrap_or(date))
                            }
                            _ => (date, date),
                        }
                    });
                i = push(i, end, date.map(|(back, _)| back));
                if let (Some(e), Some((_, forward))) = (out.last_mut(), date) {
                    e.forward = forward;
                }
                continue;
            }
            if i > 0
                && matches!(
                    norm(i - 1),
                    "in" | "since" | "until" | "last" | "early" | "late" | "mid"
                )
            {
                // "in August": the most recent August up to the document date.
                let date = doc_date.and_then(|doc| {
                    let this = NaiveDate::from_ymd_opt(doc.year(), month, 1)?;
                    if this > doc {
                        NaiveDate::from_ymd_opt(doc.year() - 1, month, 1)
                    } else {
                        Some(this)
                    }
                });
                i = push(i, i + 1, date);
                continue;
            }
        }
        if let Some(d) = day(w).filter(|_| tokens.tokens[i].kind == TokenKind::Number) {
            if let Some(month) = month_number(norm(i + 1))
                .filter(|_| tokens.tokens.get(i + 1).is_some_and(|t| t.cap))
            {
                let y = year(norm(i + 2)).or_else(|| doc_date.map(|d| d.year()));
                let end = if year(norm(i + 2)).is_some() {
                    i + 3
                } else {
                    i + 2
                };
                i = push(i, end, y.and_then(|y| NaiveDate::from_ymd_opt(y, month, d)));
                continue;
            }
        }
        if let Some(y) = year(w) {
            if i > 0
                && matches!(norm(i - 1), "in" | "since" | "during")
                && tokens.tokens[i].kind == TokenKind::Number
            {
                i = push(i, i + 1, NaiveDate::from_ymd_opt(y, 1, 1));
                continue;
            }
        }
        let Some(doc) = doc_date else {
            i += 1;
            continue;
        };
        if let Some(day) = weekday(w) {
            let back = (7 + doc.weekday().num_days_from_monday() as i64
                - day.num_days_from_monday() as i64)
                % 7;
            let ahead = (7 - back) % 7;
            let plain = !(i > 0 && matches!(norm(i - 1), "next" | "last"));
            let date = if i > 0 && norm(i - 1) == "next" {
                doc.checked_add_days(Days::new(if ahead == 0 { 7 } else { ahead as u64 }))
            } else if i > 0 && norm(i - 1) == "last" && back == 0 {
                doc.checked_sub_days(Days::new(7))
            } else {
                doc.checked_sub_days(Days::new(back as u64))
            };
            let start = if i > 0 && matches!(norm(i - 1), "on" | "last" | "next" | "this") {
                i - 1
            } else {
                i
            };
            i = push(start, i + 1, date);
            // "will meet on Monday": the coming Monday (only when a date was pushed, so the
            // last expression is this one).
            if let (true, Some(_), Some(e)) = (plain, date, out.last_mut()) {
                e.forward = doc
                    .checked_add_days(Days::new(ahead as u64))
                    .unwrap_or(e.date);
            }
            continue;
        }
        match w {
            "yesterday" => {
                i = push(i, i + 1, doc.checked_sub_days(Days::new(1)));
                continue;
            }
            "today" | "tonight" | "overnight" => {
                i = push(i, i + 1, Some(doc));
                continue;
            }
            "tomorrow" => {
                i = push(i, i + 1, doc.checked_add_days(Days::new(1)));
                continue;
            }
            "last" | "this" | "next" | "earlier" => {
                let unit = norm(i + 1);
                let (unit, end) = if w == "earlier" && unit == "this" {
                    (norm(i + 2), i + 3)
                } else {
                    (unit, i + 2)
                };
                let date = match (w, unit) {
                    ("last", "week") => doc.checked_sub_days(Days::new(7)),
                    ("last", "month") => doc.checked_sub_months(Months::new(1)),
                    ("last", "year") => doc.checked_sub_months(Months::new(12)),
                    ("this" | "earlier", "week" | "month" | "year") => Some(doc),
                    ("next", "week") => doc.checked_add_days(Days::new(7)),
                    ("next", "month") => doc.checked_add_months(Months::new(1)),
                    ("next", "year") => doc.checked_add_months(Months::new(12)),
                    _ => None,
                };
                if date.is_some() {
                    i = push(i, end, date);
                    continue;
                }
            }
            _ => {}
        }
        // "four years ago", "two weeks ago"
        if let (Some(count), "ago") = (number_word(w), norm(i + 2)) {
            let date = match norm(i + 1) {
                "year" | "years" => doc.checked_sub_months(Months::new(12 * count)),
                "month" | "months" => doc.checked_sub_months(Months::new(count)),
                "week" | "weeks" => doc.checked_sub_days(Days::new(7 * count as u64)),
                "day" | "days" => doc.checked_sub_days(Days::new(count as u64)),
                _ => None,
            };
            if date.is_some() {
                i = push(i, i + 3, date);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The date of an event whose verb is at token `head`: the nearest time expression in the
/// sentence, else the document date.
pub fn event_date(
    exprs: &[TimeExpr],
    head: usize,
    doc_date: Option<NaiveDate>,
    future: bool,
) -> Option<NaiveDate> {
    event_date_within(exprs, head, 0..usize::MAX, doc_date, future)
}

/// Like [`event_date`], considering only expressions that start inside `clause` (a token
/// range), so that "four years ago" in a later clause does not date the main verb.
pub fn event_date_within(
    exprs: &[TimeExpr],
    head: usize,
    clause: std::ops::Range<usize>,
    doc_date: Option<NaiveDate>,
    future: bool,
) -> Option<NaiveDate> {
    exprs
        .iter()
        .filter(|e| clause.contains(&e.start))
        .min_by_key(|e| {
            if e.start > head {
                e.start - head
            } else {
                head - e.end.min(head)
            }
        })
        .map(|e| if future { e.forward } else { e.date })
        .or(doc_date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::{analyze, Lexicon};

    fn dates(text: &str, doc: &str) -> Vec<NaiveDate> {
        let tokens = analyze(text, 0, text.len(), Lexicon::builtin());
        let doc = NaiveDate::parse_from_str(doc, "%Y-%m-%d").ok();
        time_expressions(&tokens, doc)
            .into_iter()
            .map(|e| e.date)
            .collect()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekday_resolves_to_most_recent_such_day() {
        // 2025-09-20 is a Saturday.
        assert_eq!(
            dates("The talks ended on Wednesday.", "2025-09-20"),
            vec![d("2025-09-17")]
        );
        assert_eq!(
            dates("They met Saturday.", "2025-09-20"),
            vec![d("2025-09-20")]
        );
        assert_eq!(
            dates("They meet next Monday.", "2025-09-20"),
            vec![d("2025-09-22")]
        );
    }

    #[test]
    fn relative_expressions_count_back_from_the_document_date() {
        assert_eq!(
            dates("It happened yesterday.", "2025-09-20"),
            vec![d("2025-09-19")]
        );
        assert_eq!(
            dates("He spoke last week.", "2025-09-20"),
            vec![d("2025-09-13")]
        );
        assert_eq!(
            dates("It fell four years ago.", "2025-09-20"),
            vec![d("2021-09-20")]
        );
    }

    #[test]
    fn absolute_dates_resolve_without_context() {
        assert_eq!(
            dates(
                "Since seizing control in August 2021, it ruled.",
                "2025-09-20"
            ),
            vec![d("2021-08-01")]
        );
        assert_eq!(
            dates("The deal was signed on Sept. 5 in Doha.", "2025-09-20"),
            vec![d("2025-09-05")]
        );
        assert_eq!(
            dates("They met on 3 March 2024.", "2025-09-20"),
            vec![d("2024-03-03")]
        );
        assert_eq!(
            dates("Talks began in 2019.", "2025-09-20"),
            vec![d("2019-01-01")]
        );
    }

    #[test]
    fn event_date_falls_back_to_document_date_or_none() {
        assert_eq!(
            event_date(&[], 3, Some(d("2025-01-01")), false),
            Some(d("2025-01-01"))
        );
        assert_eq!(event_date(&[], 3, None, false), None);
        assert!(dates("It happened yesterday.", "").is_empty());
    }
}

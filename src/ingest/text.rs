//! Plain text and Markdown: optional header lines or front matter, then the article text.

use super::IngestError;
use crate::model::DocumentMeta;
use chrono::NaiveDate;

/// A text or Markdown document: header lines or front matter, then the text.
pub(super) fn read_text(content: &str, name: &str) -> Result<(String, DocumentMeta), IngestError> {
    let (mut meta, body) = split_header(content);
    let text = body.trim().to_string();
    if text.is_empty() {
        return Err(IngestError::Invalid {
            path: name.to_string(),
            message: "empty document".to_string(),
        });
    }
    meta.origin = Some(name.to_string());
    Ok((text, meta))
}

/// Splits `Key: value` header lines (or a `---` front matter block) from the text.
///
/// Header lines are recognised only at the very top and only for known keys, so an article
/// whose first sentence happens to contain a colon is left alone.
pub fn split_header(content: &str) -> (DocumentMeta, &str) {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut meta = DocumentMeta::default();
    let trimmed = content.trim_start_matches(['\n', '\r']);
    if let Some(rest) = trimmed
        .strip_prefix("---\n")
        .or_else(|| trimmed.strip_prefix("---\r\n"))
    {
        if let Some(end) = find_front_matter_end(rest) {
            for line in rest[..end].lines() {
                apply_header_line(&mut meta, line);
            }
            let after = &rest[end..];
            let body = after.split_once('\n').map(|(_, b)| b).unwrap_or("");
            return (meta, body);
        }
    }
    let mut offset = content.len() - trimmed.len();
    let mut saw_header = false;
    for line in trimmed.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare.trim().is_empty() {
            if saw_header {
                offset += line.len();
            }
            break;
        }
        if !apply_header_line(&mut meta, bare) {
            break;
        }
        saw_header = true;
        offset += line.len();
    }
    if !saw_header {
        return (DocumentMeta::default(), content);
    }
    (meta, &content[offset..])
}

fn find_front_matter_end(rest: &str) -> Option<usize> {
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// Applies one `Key: value` line; false when the line is not a known header.
fn apply_header_line(meta: &mut DocumentMeta, line: &str) -> bool {
    let Some((key, value)) = line.split_once(':') else {
        return false;
    };
    let value = value.trim().trim_matches('"').trim();
    let value = (!value.is_empty()).then(|| value.to_string());
    match key.trim().to_ascii_lowercase().as_str() {
        "title" => meta.title = value,
        "date" | "published" | "pubdate" => meta.date = value.as_deref().and_then(parse_date),
        "source" | "publisher" => meta.source = value,
        "url" | "link" => meta.url = value,
        "id" => meta.id = value,
        _ => return false,
    }
    true
}

/// Parses the date forms articles carry: `2025-09-20`, `2025-09-20T10:00:00Z`, `20250920`,
/// `2025/09/20`, `20 September 2025`, `September 20, 2025`, `Sep 20 2025`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let head: String = text.chars().take(10).collect();
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(date) = NaiveDate::parse_from_str(&head, format) {
            return Some(date);
        }
        if let Ok(date) = NaiveDate::parse_from_str(&head[..head.len().min(8)], format) {
            return Some(date);
        }
    }
    let cleaned: String = text.replace(',', " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    for window in words.windows(3) {
        let (day, month, year) = if window[0].chars().all(|c| c.is_ascii_digit()) {
            (window[0], window[1], window[2])
        } else {
            (window[1], window[0], window[2])
        };
        let month = crate::nlp::month_number(month);
        let day = day
            .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
            .parse()
            .ok();
        let year = year.parse().ok();
        if let (Some(m), Some(d), Some(y)) = (month, day, year) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return Some(date);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_header_reads_known_keys_until_blank_line() {
        let (meta, body) =
            split_header("Title: A\nDate: 2025-09-20\nSource: Wire\n\nFirst sentence.\n");
        assert_eq!(meta.title.as_deref(), Some("A"));
        assert_eq!(meta.date, NaiveDate::from_ymd_opt(2025, 9, 20));
        assert_eq!(meta.source.as_deref(), Some("Wire"));
        assert_eq!(body, "First sentence.\n");
    }

    #[test]
    fn split_header_leaves_text_without_header_alone() {
        let text = "Officials said: the talks failed.\n\nMore.";
        let (meta, body) = split_header(text);
        assert_eq!(meta, DocumentMeta::default());
        assert_eq!(body, text);
    }

    #[test]
    fn split_header_reads_front_matter() {
        let (meta, body) = split_header("---\ntitle: \"X\"\ndate: 2024-01-02\n---\nBody here.");
        assert_eq!(meta.title.as_deref(), Some("X"));
        assert_eq!(meta.date, NaiveDate::from_ymd_opt(2024, 1, 2));
        assert_eq!(body, "Body here.");
    }

    #[test]
    fn parse_date_accepts_common_forms() {
        let want = NaiveDate::from_ymd_opt(2025, 9, 20);
        assert_eq!(parse_date("2025-09-20"), want);
        assert_eq!(parse_date("2025-09-20T08:15:00Z"), want);
        assert_eq!(parse_date("20250920"), want);
        assert_eq!(parse_date("20 September 2025"), want);
        assert_eq!(parse_date("September 20, 2025"), want);
        assert_eq!(parse_date("Sat, 20 Sep 2025 08:00:00 GMT"), want);
        assert_eq!(parse_date("soon"), None);
    }
}

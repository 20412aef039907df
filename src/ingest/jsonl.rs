//! JSON Lines: one article object per line; a malformed line is reported with its number.

use super::{finish, parse_date, IngestError, ReadOptions};
use crate::model::{Document, DocumentMeta};
use serde_json::Value;

pub(super) fn read_jsonl(
    content: &str,
    name: &str,
    options: &ReadOptions,
    sink: &mut dyn FnMut(Result<Document, IngestError>),
) {
    for (index, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        sink(parse_line(line, name, index + 1, options));
    }
}

fn parse_line(
    line: &str,
    name: &str,
    number: usize,
    options: &ReadOptions,
) -> Result<Document, IngestError> {
    let error = |message: String| IngestError::Line {
        path: name.to_string(),
        line: number,
        message,
    };
    let value: Value =
        serde_json::from_str(line).map_err(|e| error(format!("invalid JSON: {e}")))?;
    let object = value
        .as_object()
        .ok_or_else(|| error("expected a JSON object".to_string()))?;
    let field = |key: &str| -> Option<String> {
        match object.get(key)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let text = field("text")
        .or_else(|| field("content"))
        .or_else(|| field("body"))
        .ok_or_else(|| error("missing \"text\" field".to_string()))?;
    let date = match field("date") {
        Some(raw) => Some(parse_date(&raw).ok_or_else(|| error(format!("bad date {raw:?}")))?),
        None => None,
    };
    let meta = DocumentMeta {
        id: field("id"),
        title: field("title"),
        date,
        source: field("source"),
        url: field("url"),
        origin: Some(format!("{name}:{number}")),
    };
    Ok(finish(text, meta, options))
}

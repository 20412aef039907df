//! JSON Lines: one article object per line, read as a stream so memory stays flat however
//! large the file; a malformed line is reported with its number and the rest continues.

use super::{finish, parse_date, IngestError, ReadItem, ReadOptions};
use crate::model::DocumentMeta;
use serde_json::Value;
use std::io::BufRead;

/// Fields that are the document itself; any other field is kept as metadata.
const KNOWN: &[&str] = &[
    "id", "title", "date", "url", "text", "content", "body", "source",
];

pub(super) fn read_jsonl(
    mut reader: Box<dyn BufRead + Send>,
    name: &str,
    gzip: bool,
    options: &ReadOptions,
    sink: &mut dyn FnMut(ReadItem),
) {
    let mut number = 0;
    let mut buffer = Vec::new();
    loop {
        number += 1;
        buffer.clear();
        match read_line_limited(&mut reader, &mut buffer, options.max_line_bytes) {
            Ok(LineRead::Eof) => break,
            Ok(LineRead::TooLong(length)) => {
                sink(ReadItem::Error(IngestError::Line {
                    path: name.to_string(),
                    line: number,
                    message: format!(
                        "line of {length} bytes is longer than the limit of {} bytes, skipped",
                        options.max_line_bytes
                    ),
                }));
                continue;
            }
            Ok(LineRead::Line) => {}
            Err(err) => {
                let message = if gzip {
                    format!(
                        "truncated or corrupt gzip data after line {}: {err}",
                        number - 1
                    )
                } else {
                    format!("read error after line {}: {err}", number - 1)
                };
                sink(ReadItem::Error(IngestError::Invalid {
                    path: name.to_string(),
                    message,
                }));
                return;
            }
        }
        let line = match std::str::from_utf8(&buffer) {
            Ok(line) => line.trim(),
            Err(_) => {
                sink(ReadItem::Error(IngestError::Line {
                    path: name.to_string(),
                    line: number,
                    message: "invalid UTF-8".into(),
                }));
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        match parse_line(line, name, number) {
            Ok((text, meta)) => {
                if let Some(doc) = finish(text, meta, name, options, sink) {
                    sink(ReadItem::Document(doc));
                }
            }
            Err(err) => sink(ReadItem::Error(err)),
        }
    }
}

enum LineRead {
    Line,
    TooLong(usize),
    Eof,
}

/// Reads one line into `buffer`, or skips it when it is longer than `limit`.
fn read_line_limited(
    reader: &mut dyn BufRead,
    buffer: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<LineRead> {
    let mut length = 0usize;
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(if !any {
                LineRead::Eof
            } else if too_long {
                LineRead::TooLong(length)
            } else {
                LineRead::Line
            });
        }
        any = true;
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(p) => (&available[..p], Some(p + 1)),
            None => (available, None),
        };
        length += chunk.len();
        if !too_long && length > limit {
            too_long = true;
            buffer.clear();
        }
        if !too_long {
            buffer.extend_from_slice(chunk);
        }
        let consumed = done.unwrap_or(available.len());
        reader.consume(consumed);
        if done.is_some() {
            return Ok(if too_long {
                LineRead::TooLong(length)
            } else {
                LineRead::Line
            });
        }
    }
}

fn parse_line(
    line: &str,
    name: &str,
    number: usize,
) -> Result<(String, DocumentMeta), IngestError> {
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
    let extra: serde_json::Map<String, Value> = object
        .iter()
        .filter(|(k, _)| !KNOWN.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let meta = DocumentMeta {
        id: field("id"),
        title: field("title"),
        date,
        source: field("source"),
        url: field("url"),
        origin: Some(format!("{name}:{number}")),
        extra: (!extra.is_empty()).then(|| Value::Object(extra).to_string()),
    };
    Ok((text, meta))
}

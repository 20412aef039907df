//! Ingest: turn files, folders and stdin into [`Document`]s.
//!
//! Input: paths (`-` for stdin) and [`ReadOptions`]. Output: a stream of [`ReadItem`]s handed
//! to a callback — documents, warnings and errors, each naming its file (and line) — so a bad
//! file never stops the others. Entry points: [`collect_inputs`] then [`read_input`].
//!
//! Formats: plain text and Markdown (header lines or front matter), HTML, JSON Lines (read
//! line by line, so memory stays flat), RSS and Atom feeds, and gzip-compressed variants.

mod feed;
mod html;
mod jsonl;
mod text;

use crate::model::{Document, DocumentMeta};
use chrono::NaiveDate;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use thiserror::Error;

pub use feed::parse_feed;
pub use html::{decode_entities, html_to_text};
pub use text::{parse_date, split_header};

#[derive(Debug, Error)]
pub enum IngestError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a file or directory")]
    NotFound { path: String },
    #[error("{path}:{line}: {message}")]
    Line {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// How to read an input's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    /// Decide from the file extension and the content.
    #[default]
    Auto,
    /// Plain text with optional `Title:`/`Date:`/`Source:` header lines.
    #[value(alias = "txt")]
    Text,
    /// Markdown: like text, plus YAML-style front matter.
    #[value(alias = "markdown")]
    Md,
    /// An HTML page: its main article text and meta tags.
    #[value(alias = "htm")]
    Html,
    /// JSON Lines: one `{"id","title","date","url","text"}` object per line.
    #[value(alias = "json")]
    Jsonl,
    /// An RSS or Atom feed: one document per item.
    #[value(alias = "atom", alias = "feed")]
    Rss,
}

/// What to do with bytes that are not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InvalidUtf8 {
    /// Replace the bad bytes and keep the document (with a warning).
    #[default]
    Lossy,
    /// Skip the document (reported as failed).
    Skip,
}

/// Defaults and limits applied while reading.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub format: InputFormat,
    pub default_date: Option<NaiveDate>,
    pub default_source: Option<String>,
    pub invalid_utf8: InvalidUtf8,
    /// Longer documents are cut at this many bytes (with a warning).
    pub max_document_bytes: usize,
    /// Longer JSON lines are skipped (with an error naming the line).
    pub max_line_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: InputFormat::Auto,
            default_date: None,
            default_source: None,
            invalid_utf8: InvalidUtf8::Lossy,
            max_document_bytes: 2 * 1024 * 1024,
            max_line_bytes: 64 * 1024 * 1024,
        }
    }
}

/// What reading produced: a document, a warning about one, or an error.
#[derive(Debug)]
pub enum ReadItem {
    Document(Document),
    Warning(String),
    Error(IngestError),
}

/// One thing to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// Expands the command-line paths: directories recursively (sorted), keeping files of a known
/// format or, with `glob`, files whose name or path below the directory matches it.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<Input>, IngestError> {
    collect_inputs_matching(paths, None)
}

pub fn collect_inputs_matching(
    paths: &[PathBuf],
    glob: Option<&str>,
) -> Result<Vec<Input>, IngestError> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut files = Vec::new();
            walk_dir(path, path, glob, &mut files)?;
            files.sort();
            inputs.extend(files.into_iter().map(Input::File));
        } else if path.is_file() {
            inputs.push(Input::File(path.clone()));
        } else {
            return Err(IngestError::NotFound {
                path: path.display().to_string(),
            });
        }
    }
    Ok(inputs)
}

fn walk_dir(
    root: &Path,
    dir: &Path,
    glob: Option<&str>,
    files: &mut Vec<PathBuf>,
) -> Result<(), IngestError> {
    let io_err = |source| IngestError::Io {
        path: dir.display().to_string(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io_err)? {
        let path = entry.map_err(io_err)?.path();
        if path.is_dir() {
            walk_dir(root, &path, glob, files)?;
            continue;
        }
        let keep = match glob {
            Some(pattern) => {
                let relative = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                let file_name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                glob_match(pattern, &relative) || glob_match(pattern, &file_name)
            }
            None => format_from_extension(&path).is_some(),
        };
        if keep {
            files.push(path);
        }
    }
    Ok(())
}

/// Shell-style matching: `*` (not across `/`), `**` (across), `?`, `{a,b}`.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    if let (Some(open), Some(close)) = (pattern.find('{'), pattern.find('}')) {
        if open < close {
            let (head, tail) = (&pattern[..open], &pattern[close + 1..]);
            return pattern[open + 1..close]
                .split(',')
                .any(|alt| glob_match(&format!("{head}{alt}{tail}"), text));
        }
    }
    fn go(p: &[u8], t: &[u8]) -> bool {
        match p.first() {
            None => t.is_empty(),
            Some(b'*') if p.get(1) == Some(&b'*') => {
                let rest = p[2..].strip_prefix(b"/").unwrap_or(&p[2..]);
                (0..=t.len()).any(|i| go(rest, &t[i..]))
            }
            Some(b'*') => (0..=t.len())
                .take_while(|&i| i == 0 || t[i - 1] != b'/')
                .any(|i| go(&p[1..], &t[i..])),
            Some(b'?') => !t.is_empty() && t[0] != b'/' && go(&p[1..], &t[1..]),
            Some(c) => t.first() == Some(c) && go(&p[1..], &t[1..]),
        }
    }
    go(pattern.as_bytes(), text.as_bytes())
}

fn format_from_extension(path: &Path) -> Option<InputFormat> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit('.').next()?;
    match ext {
        "txt" | "text" => Some(InputFormat::Text),
        "md" | "markdown" => Some(InputFormat::Md),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "rss" | "atom" | "xml" => Some(InputFormat::Rss),
        _ => None,
    }
}

/// Decides the format of content whose name said nothing.
fn sniff_format(head: &[u8]) -> InputFormat {
    let text = String::from_utf8_lossy(&head[..head.len().min(2048)]).to_ascii_lowercase();
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') {
        InputFormat::Jsonl
    } else if start.starts_with("<?xml") && (text.contains("<rss") || text.contains("<feed"))
        || start.starts_with("<rss")
        || start.starts_with("<feed")
    {
        InputFormat::Rss
    } else if start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with('<')
    {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

/// Opens an input as a byte stream, decompressing gzip when the name or the bytes say so.
fn open(input: &Input) -> std::io::Result<(Box<dyn BufRead + Send>, bool)> {
    let raw: Box<dyn Read + Send> = match input {
        Input::File(path) => Box::new(std::fs::File::open(path)?),
        Input::Stdin => Box::new(std::io::stdin()),
    };
    let mut reader = BufReader::with_capacity(256 * 1024, raw);
    let magic = reader.fill_buf()?;
    let gzip = magic.len() >= 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    if gzip {
        let decoder = flate2::bufread::MultiGzDecoder::new(reader);
        Ok((
            Box::new(BufReader::with_capacity(256 * 1024, decoder)),
            true,
        ))
    } else {
        Ok((Box::new(reader), false))
    }
}

/// Reads one input and hands each document, warning or error to `sink`.
pub fn read_input(input: &Input, options: &ReadOptions, sink: &mut dyn FnMut(ReadItem)) {
    let name = input.name();
    let (mut reader, gzip) = match open(input) {
        Ok(opened) => opened,
        Err(source) => {
            sink(ReadItem::Error(IngestError::Io { path: name, source }));
            return;
        }
    };
    let by_name = match input {
        Input::File(path) => format_from_extension(path),
        Input::Stdin => None,
    };
    let format = match options.format {
        InputFormat::Auto => match by_name {
            Some(format) => format,
            None => match reader.fill_buf() {
                Ok(head) => sniff_format(head),
                Err(source) => {
                    let message = if gzip {
                        format!("truncated or corrupt gzip data: {source}")
                    } else {
                        source.to_string()
                    };
                    sink(ReadItem::Error(IngestError::Invalid {
                        path: name,
                        message,
                    }));
                    return;
                }
            },
        },
        format => format,
    };
    if format == InputFormat::Jsonl {
        jsonl::read_jsonl(reader, &name, gzip, options, sink);
        return;
    }
    let mut bytes = Vec::new();
    let limit = (options.max_document_bytes as u64)
        .saturating_mul(64)
        .max(64 * 1024 * 1024);
    if let Err(source) = reader.by_ref().take(limit).read_to_end(&mut bytes) {
        let message = if gzip {
            format!("truncated or corrupt gzip data: {source}")
        } else {
            source.to_string()
        };
        sink(ReadItem::Error(IngestError::Invalid {
            path: name,
            message,
        }));
        return;
    }
    let Some(content) = decode(&bytes, &name, options, sink) else {
        return;
    };
    match format {
        InputFormat::Rss => {
            let (items, error) = parse_feed(&content);
            for (i, (body, mut meta)) in items.into_iter().enumerate() {
                meta.origin = Some(format!("{name}#{}", i + 1));
                if let Some(doc) = finish(body, meta, &name, options, sink) {
                    sink(ReadItem::Document(doc));
                }
            }
            if let Some(message) = error {
                sink(ReadItem::Error(IngestError::Invalid {
                    path: name,
                    message,
                }));
            }
        }
        InputFormat::Html => {
            let (body, mut meta) = html_to_text(&content);
            meta.origin = Some(name.clone());
            if body.trim().is_empty() {
                sink(ReadItem::Error(IngestError::Invalid {
                    path: name,
                    message: "no article text found in the HTML".into(),
                }));
                return;
            }
            if let Some(doc) = finish(body, meta, &name, options, sink) {
                sink(ReadItem::Document(doc));
            }
        }
        _ => match text::read_text(&content, &name) {
            Ok((body, meta)) => {
                if let Some(doc) = finish(body, meta, &name, options, sink) {
                    sink(ReadItem::Document(doc));
                }
            }
            Err(err) => sink(ReadItem::Error(err)),
        },
    }
}

/// Checks bytes are text: binary content is an error; invalid UTF-8 is repaired (with a
/// warning) or skipped, as the options say.
fn decode(
    bytes: &[u8],
    name: &str,
    options: &ReadOptions,
    sink: &mut dyn FnMut(ReadItem),
) -> Option<String> {
    if looks_binary(bytes) {
        sink(ReadItem::Error(IngestError::Invalid {
            path: name.to_string(),
            message: "binary content, not text".into(),
        }));
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_string()),
        Err(err) => match options.invalid_utf8 {
            InvalidUtf8::Lossy => {
                sink(ReadItem::Warning(format!(
                    "{name}: invalid UTF-8 at byte {}, bad bytes replaced",
                    err.valid_up_to()
                )));
                Some(String::from_utf8_lossy(bytes).into_owned())
            }
            InvalidUtf8::Skip => {
                sink(ReadItem::Error(IngestError::Invalid {
                    path: name.to_string(),
                    message: format!("invalid UTF-8 at byte {}", err.valid_up_to()),
                }));
                None
            }
        },
    }
}

/// NUL bytes, or mostly control characters, in the first kilobytes.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && control * 10 > head.len()
}

/// Applies defaults and limits to a document's text and metadata.
fn finish(
    mut body: String,
    mut meta: DocumentMeta,
    name: &str,
    options: &ReadOptions,
    sink: &mut dyn FnMut(ReadItem),
) -> Option<Document> {
    if body.trim().is_empty() {
        sink(ReadItem::Error(IngestError::Invalid {
            path: meta.origin.clone().unwrap_or_else(|| name.to_string()),
            message: "empty document".into(),
        }));
        return None;
    }
    if body.len() > options.max_document_bytes {
        let mut cut = options.max_document_bytes;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = body[..cut]
            .rfind(char::is_whitespace)
            .filter(|p| *p > cut / 2)
            .unwrap_or(cut);
        sink(ReadItem::Warning(format!(
            "{}: document of {} bytes cut to the first {} bytes",
            meta.origin.as_deref().unwrap_or(name),
            body.len(),
            cut
        )));
        body.truncate(cut);
    }
    if meta.date.is_none() {
        meta.date = options.default_date;
    }
    if meta.source.is_none() {
        meta.source = options.default_source.clone();
    }
    Some(Document::new(body, meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_file(name: &str, content: &[u8]) -> Vec<ReadItem> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let mut out = Vec::new();
        read_input(&Input::File(path), &ReadOptions::default(), &mut |d| {
            out.push(d)
        });
        out
    }

    fn docs(items: &[ReadItem]) -> Vec<&Document> {
        items
            .iter()
            .filter_map(|i| match i {
                ReadItem::Document(d) => Some(d),
                _ => None,
            })
            .collect()
    }

    fn errors(items: &[ReadItem]) -> Vec<String> {
        items
            .iter()
            .filter_map(|i| match i {
                ReadItem::Error(e) => Some(e.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn collect_inputs_walks_directories_in_sorted_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "B").unwrap();
        std::fs::write(dir.path().join("sub/a.md"), "A").unwrap();
        std::fs::write(dir.path().join("image.png"), "x").unwrap();
        let inputs = collect_inputs(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<String> = inputs.iter().map(|i| i.name()).collect();
        assert_eq!(names.len(), 2);
        assert!(names[0].ends_with("b.txt"));
        assert!(names[1].ends_with("a.md"));
    }

    #[test]
    fn collect_inputs_filters_by_glob() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("2025")).unwrap();
        std::fs::write(dir.path().join("2025/a.html"), "<p>A</p>").unwrap();
        std::fs::write(dir.path().join("b.html"), "<p>B</p>").unwrap();
        std::fs::write(dir.path().join("c.txt"), "C").unwrap();
        let inputs =
            collect_inputs_matching(&[dir.path().to_path_buf()], Some("2025/*.html")).unwrap();
        assert_eq!(inputs.len(), 1);
        let inputs =
            collect_inputs_matching(&[dir.path().to_path_buf()], Some("*.{html,txt}")).unwrap();
        assert_eq!(inputs.len(), 3);
    }

    #[test]
    fn glob_match_handles_stars_and_alternatives() {
        assert!(glob_match("*.txt", "a.txt"));
        assert!(!glob_match("*.txt", "dir/a.txt"));
        assert!(glob_match("**/*.txt", "dir/sub/a.txt"));
        assert!(glob_match("**/*.txt", "a.txt"));
        assert!(glob_match("news-??.{md,txt}", "news-01.md"));
        assert!(!glob_match("news-??.md", "news-1.md"));
    }

    #[test]
    fn collect_inputs_names_a_missing_path() {
        let err = collect_inputs(&[PathBuf::from("no/such/file.txt")]).unwrap_err();
        assert!(err.to_string().contains("no/such/file.txt"));
    }

    #[test]
    fn read_input_reads_text_with_headers() {
        let items = read_file(
            "a.txt",
            b"Title: Talks resume\nDate: 2024-03-05\n\nThe talks resumed.",
        );
        let doc = docs(&items)[0];
        assert_eq!(doc.title.as_deref(), Some("Talks resume"));
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(doc.text, "The talks resumed.");
    }

    #[test]
    fn read_input_reports_bad_json_line_with_its_number() {
        let items = read_file("a.jsonl", b"{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n{\"id\":\"b\",\"text\":\"Two.\",\"lang\":\"en\"}\n");
        let found = docs(&items);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].id, "a");
        assert_eq!(found[1].extra.as_deref(), Some("{\"lang\":\"en\"}"));
        let errs = errors(&items);
        assert!(errs[0].contains("a.jsonl:2"), "{errs:?}");
    }

    #[test]
    fn read_input_reads_gzip_and_reports_truncation() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder
            .write_all(b"{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n")
            .unwrap();
        let gz = encoder.finish().unwrap();
        let items = read_file("a.jsonl.gz", &gz);
        assert_eq!(docs(&items).len(), 2);
        let items = read_file("b.jsonl.gz", &gz[..gz.len() - 12]);
        assert!(
            errors(&items).iter().any(|e| e.contains("gzip")),
            "{:?}",
            errors(&items)
        );
    }

    #[test]
    fn read_input_rejects_binary_and_empty_files() {
        let items = read_file("a.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert!(errors(&items)[0].contains("binary"));
        let items = read_file("b.txt", b"   \n  ");
        assert!(errors(&items)[0].contains("empty document"));
    }

    #[test]
    fn read_input_repairs_invalid_utf8_with_a_warning() {
        let items = read_file("a.txt", b"Kabul said \xff\xfe no.");
        assert_eq!(docs(&items).len(), 1);
        assert!(items
            .iter()
            .any(|i| matches!(i, ReadItem::Warning(w) if w.contains("invalid UTF-8"))));
    }

    #[test]
    fn read_input_cuts_huge_documents() {
        let big = "word ".repeat(1_000_000);
        let items = read_file("big.txt", big.as_bytes());
        let doc = docs(&items)[0];
        assert!(doc.text.len() <= ReadOptions::default().max_document_bytes);
        assert!(items
            .iter()
            .any(|i| matches!(i, ReadItem::Warning(w) if w.contains("cut"))));
    }

    #[test]
    fn read_input_sniffs_html_and_feeds() {
        let items = read_file(
            "page",
            b"<!DOCTYPE html><html><body><article><p>Iran met Qatar.</p></article></body></html>",
        );
        assert_eq!(docs(&items)[0].text, "Iran met Qatar.");
        let items = read_file("feed.xml", b"<rss><channel><item><title>T</title><description>Body one.</description></item></channel></rss>");
        assert_eq!(docs(&items)[0].text, "Body one.");
    }

    #[test]
    fn sniff_format_detects_json_lines() {
        assert_eq!(sniff_format(b"{\"text\": \"x\"}\n"), InputFormat::Jsonl);
        assert_eq!(sniff_format(b"Title: x\n\nBody"), InputFormat::Text);
    }
}

//! Ingest: turn files, folders and stdin into [`Document`]s.
//!
//! Input: paths (`-` for stdin) and [`ReadOptions`]. Output: a stream of
//! `Result<Document, IngestError>` handed to a callback, one per article, so a bad file never
//! stops the others. Entry points: [`collect_inputs`] then [`read_input`].

mod jsonl;
mod text;

use crate::model::{Document, DocumentMeta};
use chrono::NaiveDate;
use std::io::Read;
use std::path::{Path, PathBuf};
use thiserror::Error;

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
    /// Decide from the file extension (and content for stdin).
    #[default]
    Auto,
    /// Plain text with optional `Title:`/`Date:`/`Source:` header lines.
    #[value(alias = "txt")]
    Text,
    /// Markdown: like text, plus YAML-style front matter.
    #[value(alias = "markdown")]
    Md,
    /// JSON Lines: one `{"id","title","date","url","text"}` object per line.
    #[value(alias = "json")]
    Jsonl,
}

/// Defaults applied to documents that do not say otherwise.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub format: InputFormat,
    pub default_date: Option<NaiveDate>,
    pub default_source: Option<String>,
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

/// Expands the command-line paths: directories recursively (sorted, readable extensions only).
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<Input>, IngestError> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut files = Vec::new();
            walk_dir(path, &mut files)?;
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

fn walk_dir(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), IngestError> {
    let io_err = |source| IngestError::Io {
        path: dir.display().to_string(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io_err)? {
        let path = entry.map_err(io_err)?.path();
        if path.is_dir() {
            walk_dir(&path, files)?;
        } else if format_from_extension(&path).is_some() {
            files.push(path);
        }
    }
    Ok(())
}

fn format_from_extension(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(InputFormat::Text),
        "md" | "markdown" => Some(InputFormat::Md),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        _ => None,
    }
}

/// Reads one input and hands each document (or the error that prevented it) to `sink`.
pub fn read_input(
    input: &Input,
    options: &ReadOptions,
    sink: &mut dyn FnMut(Result<Document, IngestError>),
) {
    let name = input.name();
    let bytes = match read_bytes(input) {
        Ok(bytes) => bytes,
        Err(source) => {
            sink(Err(IngestError::Io { path: name, source }));
            return;
        }
    };
    let content = match String::from_utf8(bytes) {
        Ok(content) => content,
        Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
    };
    let format = match (options.format, input) {
        (InputFormat::Auto, Input::File(path)) => {
            format_from_extension(path).unwrap_or_else(|| sniff_format(&content))
        }
        (InputFormat::Auto, Input::Stdin) => sniff_format(&content),
        (format, _) => format,
    };
    match format {
        InputFormat::Jsonl => jsonl::read_jsonl(&content, &name, options, sink),
        InputFormat::Md | InputFormat::Text | InputFormat::Auto => {
            sink(text::read_text(&content, &name, options))
        }
    }
}

fn read_bytes(input: &Input) -> std::io::Result<Vec<u8>> {
    match input {
        Input::File(path) => std::fs::read(path),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().lock().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
    }
}

/// Content that starts with a JSON object on its first line is JSON Lines; anything else is text.
fn sniff_format(content: &str) -> InputFormat {
    let first = content.trim_start().lines().next().unwrap_or("");
    if first.starts_with('{') && first.trim_end().ends_with('}') {
        InputFormat::Jsonl
    } else {
        InputFormat::Text
    }
}

/// Applies the defaults of `options` to the metadata a reader found.
fn finish(text: String, mut meta: DocumentMeta, options: &ReadOptions) -> Document {
    if meta.date.is_none() {
        meta.date = options.default_date;
    }
    if meta.source.is_none() {
        meta.source = options.default_source.clone();
    }
    Document::new(text, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(content: &str, format: InputFormat) -> Vec<Result<Document, IngestError>> {
        let dir = tempfile::tempdir().unwrap();
        let ext = match format {
            InputFormat::Jsonl => "jsonl",
            _ => "txt",
        };
        let path = dir.path().join(format!("input.{ext}"));
        std::fs::write(&path, content).unwrap();
        let mut out = Vec::new();
        read_input(&Input::File(path), &ReadOptions::default(), &mut |d| {
            out.push(d)
        });
        out
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
    fn collect_inputs_names_a_missing_path() {
        let err = collect_inputs(&[PathBuf::from("no/such/file.txt")]).unwrap_err();
        assert!(err.to_string().contains("no/such/file.txt"));
    }

    #[test]
    fn read_input_reads_text_with_headers() {
        let docs = read_str(
            "Title: Talks resume\nDate: 2024-03-05\n\nThe talks resumed.",
            InputFormat::Text,
        );
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.title.as_deref(), Some("Talks resume"));
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(doc.text, "The talks resumed.");
    }

    #[test]
    fn read_input_reports_bad_json_line_with_its_number() {
        let docs = read_str(
            "{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n{\"id\":\"b\",\"text\":\"Two.\"}\n",
            InputFormat::Jsonl,
        );
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[0].as_ref().unwrap().id, "a");
        let err = docs[1].as_ref().unwrap_err().to_string();
        assert!(err.contains("input.jsonl:2"), "{err}");
        assert_eq!(docs[2].as_ref().unwrap().id, "b");
    }

    #[test]
    fn sniff_format_detects_json_lines() {
        assert_eq!(sniff_format("{\"text\": \"x\"}\n"), InputFormat::Jsonl);
        assert_eq!(sniff_format("Title: x\n\nBody"), InputFormat::Text);
    }
}

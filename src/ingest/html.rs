//! HTML articles: the main text without navigation, scripts and boilerplate; title, date,
//! source and URL from meta tags, JSON-LD and `<time>`. Tolerant of broken markup.

use super::text::parse_date;
use crate::model::DocumentMeta;

/// Elements whose whole content is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
    "template",
    "menu",
    "figure",
    "figcaption",
    "head",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "br",
    "tr",
    "td",
    "table",
    "pre",
    "dd",
    "dt",
    "hr",
];

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Class or id words that mark boilerplate containers.
const BOILERPLATE_HINTS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "header",
    "sidebar",
    "comment",
    "share",
    "social",
    "related",
    "advert",
    "promo",
    "cookie",
    "subscribe",
    "newsletter",
    "breadcrumb",
    "byline-share",
    "recommend",
    "popular",
    "most-read",
    "trending",
    "banner",
];

/// A paragraph of text with where it stood.
#[derive(Debug)]
struct Block {
    text: String,
    in_article: bool,
    paragraph: bool,
}

/// Extracts the article text and metadata from an HTML page.
pub fn html_to_text(html: &str) -> (String, DocumentMeta) {
    let mut meta = DocumentMeta::default();
    let mut title_tag = String::new();
    let mut og_title: Option<String> = None;
    let mut blocks: Vec<Block> = Vec::new();
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut current = String::new();
    let mut current_paragraph = false;
    let mut in_title = false;
    let mut article_depth = 0usize;
    let mut skip_depth = 0usize;
    let mut saw_article = false;
    let mut json_ld: Vec<String> = Vec::new();
    let mut i = 0;
    let bytes = html.as_bytes();
    let flush =
        |current: &mut String, blocks: &mut Vec<Block>, in_article: bool, paragraph: bool| {
            let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                blocks.push(Block {
                    text,
                    in_article,
                    paragraph,
                });
            }
            current.clear();
        };
    while i < bytes.len() {
        // A '<' that cannot open a tag ("a < b", "<<<") is text.
        let opens_tag = bytes[i] == b'<'
            && bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
        if !opens_tag {
            let from = if bytes[i] == b'<' { i + 1 } else { i };
            let end = html[from..].find('<').map_or(html.len(), |p| from + p);
            let text = decode_entities(&html[i..end]);
            if in_title {
                title_tag.push_str(&text);
            } else if skip_depth == 0 {
                current.push_str(&text);
            }
            i = end;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(html.len(), |p| i + p + 3);
            continue;
        }
        if html[i..].starts_with("<!") || html[i..].starts_with("<?") {
            i = html[i..].find('>').map_or(html.len(), |p| i + p + 1);
            continue;
        }
        let Some(close) = find_tag_end(html, i) else {
            // An unclosed tag at the end: the rest is not text worth keeping.
            break;
        };
        let tag = &html[i + 1..close];
        i = close + 1;
        let (name, attrs, closing, self_closing) = parse_tag(tag);
        if name.is_empty() {
            continue;
        }
        if closing {
            if BLOCKS.contains(&name.as_str()) {
                flush(
                    &mut current,
                    &mut blocks,
                    article_depth > 0,
                    current_paragraph,
                );
                current_paragraph = false;
            }
            if name == "title" {
                in_title = false;
            }
            if let Some(pos) = stack.iter().rposition(|(n, _)| *n == name) {
                for (popped, skipped) in stack.drain(pos..).rev() {
                    if skipped {
                        skip_depth = skip_depth.saturating_sub(1);
                    }
                    if popped == "article" || popped == "main" {
                        article_depth = article_depth.saturating_sub(1);
                    }
                }
            }
            continue;
        }
        match name.as_str() {
            "meta" => read_meta(&attrs, &mut meta, &mut og_title),
            "link" if attr(&attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(href) = attr(&attrs, "href") {
                    meta.url.get_or_insert(href);
                }
            }
            "time" if meta.date.is_none() => {
                meta.date = attr(&attrs, "datetime").as_deref().and_then(parse_date);
            }
            "title" if !self_closing => in_title = true,
            "script" => {
                // Skip raw script text; keep JSON-LD for its dates and headline.
                let end = find_ci(html, i, "</script").unwrap_or(html.len());
                if attr(&attrs, "type").is_some_and(|t| t.contains("ld+json")) {
                    json_ld.push(html[i..end].to_string());
                }
                i = html[end..].find('>').map_or(html.len(), |p| end + p + 1);
                continue;
            }
            "style" => {
                let end = find_ci(html, i, "</style").unwrap_or(html.len());
                i = html[end..].find('>').map_or(html.len(), |p| end + p + 1);
                continue;
            }
            _ => {}
        }
        if BLOCKS.contains(&name.as_str()) {
            flush(
                &mut current,
                &mut blocks,
                article_depth > 0,
                current_paragraph,
            );
            current_paragraph = matches!(name.as_str(), "p" | "blockquote")
                || name.starts_with('h') && name.len() == 2;
        }
        if VOID.contains(&name.as_str()) || self_closing {
            continue;
        }
        let boilerplate = SKIPPED.contains(&name.as_str()) || has_boilerplate_hint(&attrs);
        if boilerplate {
            skip_depth += 1;
        }
        if name == "article" || name == "main" {
            article_depth += 1;
            saw_article = true;
        }
        stack.push((name, boilerplate));
    }
    flush(
        &mut current,
        &mut blocks,
        article_depth > 0,
        current_paragraph,
    );
    for script in &json_ld {
        read_json_ld(script, &mut meta);
    }
    let chosen: Vec<&Block> = if saw_article && blocks.iter().any(|b| b.in_article) {
        blocks.iter().filter(|b| b.in_article).collect()
    } else if blocks
        .iter()
        .filter(|b| b.paragraph)
        .map(|b| b.text.len())
        .sum::<usize>()
        > 200
    {
        blocks.iter().filter(|b| b.paragraph).collect()
    } else {
        blocks.iter().collect()
    };
    let text = chosen
        .iter()
        .map(|b| b.text.as_str())
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .collect::<Vec<_>>()
        .join("\n\n");
    if meta.title.is_none() {
        let t =
            og_title.unwrap_or_else(|| title_tag.split_whitespace().collect::<Vec<_>>().join(" "));
        meta.title = (!t.is_empty()).then_some(t);
    }
    (text, meta)
}

fn find_tag_end(html: &str, start: usize) -> Option<usize> {
    // A '>' inside a quoted attribute value does not end the tag.
    let bytes = html.as_bytes();
    let mut quote = 0u8;
    for (offset, &b) in bytes[start + 1..].iter().enumerate() {
        let j = start + 1 + offset;
        match (quote, b) {
            (0, b'"') | (0, b'\'') => quote = b,
            (q, c) if q != 0 && c == q => quote = 0,
            (0, b'>') => return Some(j),
            _ => {}
        }
    }
    None
}

fn find_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = &html.as_bytes()[from..];
    let needle = needle.as_bytes();
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// (lowercase name, attributes, is a closing tag, is self-closing)
fn parse_tag(tag: &str) -> (String, Vec<(String, String)>, bool, bool) {
    let tag = tag.trim();
    let (closing, tag) = match tag.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, tag),
    };
    let self_closing = tag.ends_with('/');
    let tag = tag.trim_end_matches('/');
    let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
    let name = tag[..name_end].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut rest = &tag[name_end..];
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            if let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let body = &after[1..];
                let end = body.find(q).unwrap_or(body.len());
                value = decode_entities(&body[..end]);
                rest = body.get(end + 1..).unwrap_or("");
            } else {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                value = decode_entities(&after[..end]);
                rest = &after[end..];
            }
        }
        if !key.is_empty() {
            attrs.push((key, value));
        }
    }
    (name, attrs, closing, self_closing)
}

fn attr(attrs: &[(String, String)], key: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn has_boilerplate_hint(attrs: &[(String, String)]) -> bool {
    attrs
        .iter()
        .filter(|(k, _)| k == "class" || k == "id" || k == "role")
        .any(|(_, v)| {
            let v = v.to_ascii_lowercase();
            v.split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .any(|w| BOILERPLATE_HINTS.contains(&w) || w == "navigation" || w == "banner")
        })
}

fn read_meta(attrs: &[(String, String)], meta: &mut DocumentMeta, og_title: &mut Option<String>) {
    let key = attr(attrs, "property")
        .or_else(|| attr(attrs, "name"))
        .or_else(|| attr(attrs, "itemprop"))
        .map(|k| k.to_ascii_lowercase());
    let (Some(key), Some(content)) = (key, attr(attrs, "content")) else {
        return;
    };
    match key.as_str() {
        "og:title" | "twitter:title" => {
            og_title.get_or_insert(content);
        }
        "article:published_time"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publishdate"
        | "dc.date"
        | "dc.date.issued"
        | "sailthru.date"
        | "parsely-pub-date"
        | "og:published_time"
            if meta.date.is_none() =>
        {
            meta.date = parse_date(&content);
        }
        "og:site_name" | "publisher" | "dc.publisher" => {
            meta.source.get_or_insert(content);
        }
        "og:url" => {
            meta.url.get_or_insert(content);
        }
        _ => {}
    }
}

fn read_json_ld(script: &str, meta: &mut DocumentMeta) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(script.trim()) else {
        return;
    };
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                if meta.date.is_none() {
                    if let Some(d) = map.get("datePublished").and_then(|d| d.as_str()) {
                        meta.date = parse_date(d);
                    }
                }
                if meta.title.is_none() {
                    if let Some(h) = map.get("headline").and_then(|h| h.as_str()) {
                        meta.title = Some(h.trim().to_string());
                    }
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
}

/// Decodes the character references news pages use.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|e| *e <= 10);
        let Some(end) = end else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "hellip" => Some('…'),
            _ if name.starts_with("#x") || name.starts_with("#X") => {
                u32::from_str_radix(&name[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const PAGE: &str = r#"<!DOCTYPE html><html><head>
<title>Kabul rejects plan | Some Site</title>
<meta property="og:title" content="Kabul rejects US plan for air base">
<meta property="article:published_time" content="2025-09-20T08:00:00Z">
<meta property="og:site_name" content="Example Wire">
<link rel="canonical" href="https://example.org/kabul">
<script>var x = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head><body>
<nav><ul><li>Home</li><li>World</li></ul></nav>
<div class="share-bar">Share on X</div>
<article>
<h1>Kabul rejects US plan</h1>
<p>The Taliban government rejected the proposal on Saturday &amp; said it was final.</p>
<p>Officials in Kabul said talks would continue.<br>No date was set.</p>
<aside>Related: other stories</aside>
</article>
<footer>Copyright</footer>
</body></html>"#;

    #[test]
    fn html_to_text_keeps_article_paragraphs_only() {
        let (text, _) = html_to_text(PAGE);
        assert!(text.contains(
            "The Taliban government rejected the proposal on Saturday & said it was final."
        ));
        assert!(text.contains("No date was set."));
        for junk in [
            "Home",
            "Share on X",
            "not text",
            "color",
            "Related",
            "Copyright",
        ] {
            assert!(!text.contains(junk), "{junk} leaked into {text:?}");
        }
    }

    #[test]
    fn html_to_text_reads_meta() {
        let (_, meta) = html_to_text(PAGE);
        assert_eq!(
            meta.title.as_deref(),
            Some("Kabul rejects US plan for air base")
        );
        assert_eq!(meta.date, NaiveDate::from_ymd_opt(2025, 9, 20));
        assert_eq!(meta.source.as_deref(), Some("Example Wire"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/kabul"));
    }

    #[test]
    fn html_to_text_reads_json_ld_and_time() {
        let page = r#"<html><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2024-02-03"}</script><body><p>Text here.</p></body></html>"#;
        let (text, meta) = html_to_text(page);
        assert_eq!(meta.date, NaiveDate::from_ymd_opt(2024, 2, 3));
        assert_eq!(meta.title.as_deref(), Some("H"));
        assert_eq!(text, "Text here.");
        let (_, meta) = html_to_text(r#"<p><time datetime="2023-05-06">May 6</time> Hello.</p>"#);
        assert_eq!(meta.date, NaiveDate::from_ymd_opt(2023, 5, 6));
    }

    #[test]
    fn html_to_text_survives_broken_markup() {
        let (text, _) =
            html_to_text("<p>One <b>two</p><p>three <i>four <div>five</span></p><p>six <");
        assert!(text.contains("One two"), "{text}");
        assert!(text.contains("five"));
        let (text, _) = html_to_text("<<<>>> <p a='>'>x</p> &#x41;&#66;&bogus;");
        assert!(text.contains('x'));
    }

    #[test]
    fn decode_entities_handles_numeric_and_named() {
        assert_eq!(
            decode_entities("a&amp;b &#8217; &#x2014; &nbsp;&lt;"),
            "a&b ’ —  <"
        );
        assert_eq!(decode_entities("R&D & more"), "R&D & more");
    }
}

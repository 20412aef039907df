//! RSS and Atom feeds: each item (entry) becomes a document; its content or description,
//! usually HTML, is turned into text.

use super::html::{decode_entities, html_to_text};
use super::text::parse_date;
use crate::model::DocumentMeta;
use quick_xml::events::Event;
use quick_xml::Reader;

/// One feed item: text and metadata.
pub type FeedItem = (String, DocumentMeta);

#[derive(Default)]
struct ItemFields {
    title: String,
    link: String,
    id: String,
    date: String,
    description: String,
    content: String,
}

/// Parses a feed. A malformed feed yields the items read before the error, and the error.
pub fn parse_feed(xml: &str) -> (Vec<FeedItem>, Option<String>) {
    let mut reader = Reader::from_str(xml);
    let mut items = Vec::new();
    let mut current: Option<ItemFields> = None;
    let mut path: Vec<String> = Vec::new();
    let mut channel_title = String::new();
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(err) => {
                return (
                    items,
                    Some(format!(
                        "malformed feed at byte {}: {err}",
                        reader.buffer_position()
                    )),
                )
            }
        };
        match event {
            Event::Start(start) => {
                let name = local(start.name().as_ref());
                if name == "item" || name == "entry" {
                    current = Some(ItemFields::default());
                }
                if name == "link" {
                    read_link(&start, &mut current);
                }
                path.push(name);
            }
            // Atom: <link href="..."/>
            Event::Empty(start) if local(start.name().as_ref()) == "link" => {
                read_link(&start, &mut current);
            }
            Event::End(end) => {
                let name = local(end.name().as_ref());
                path.pop();
                if name == "item" || name == "entry" {
                    if let Some(item) = current.take() {
                        if let Some(doc) = finish_item(item, &channel_title) {
                            items.push(doc);
                        }
                    }
                }
            }
            Event::Text(text) => {
                let value = text.decode().map(|c| c.into_owned()).unwrap_or_default();
                append(&mut current, &path, &value, &mut channel_title);
            }
            Event::GeneralRef(reference) => {
                let name = reference
                    .decode()
                    .map(|c| c.into_owned())
                    .unwrap_or_default();
                let value = decode_entities(&format!("&{name};"));
                append(&mut current, &path, &value, &mut channel_title);
            }
            Event::CData(data) => {
                let value = data.decode().map(|c| c.into_owned()).unwrap_or_default();
                append(&mut current, &path, &value, &mut channel_title);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (items, None)
}

/// Atom links carry the URL in `href` (the `alternate` one is the article).
fn read_link(start: &quick_xml::events::BytesStart, current: &mut Option<ItemFields>) {
    let Some(item) = current.as_mut() else { return };
    let mut href = None;
    let mut rel = None;
    for a in start.attributes().flatten() {
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_default();
        match local(a.key.as_ref()).as_str() {
            "href" => href = Some(value),
            "rel" => rel = Some(value),
            _ => {}
        }
    }
    if let Some(href) = href.filter(|_| rel.as_deref().is_none_or(|r| r == "alternate")) {
        item.link = href;
    }
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    name.rsplit(':').next().unwrap_or("").to_ascii_lowercase()
}

fn append(
    current: &mut Option<ItemFields>,
    path: &[String],
    value: &str,
    channel_title: &mut String,
) {
    let Some(field) = path.last() else { return };
    let Some(item) = current.as_mut() else {
        if field == "title"
            && path.len() >= 2
            && (path[path.len() - 2] == "channel" || path[path.len() - 2] == "feed")
        {
            channel_title.push_str(value);
        }
        return;
    };
    let target = match field.as_str() {
        "title" => &mut item.title,
        "link" => &mut item.link,
        "guid" | "id" => &mut item.id,
        "pubdate" | "published" | "updated" | "date" => &mut item.date,
        "description" | "summary" => &mut item.description,
        "encoded" | "content" => &mut item.content,
        _ => return,
    };
    target.push_str(value);
}

fn finish_item(item: ItemFields, channel_title: &str) -> Option<FeedItem> {
    let body = if item.content.trim().is_empty() {
        &item.description
    } else {
        &item.content
    };
    let (text, inner) = html_to_text(body);
    let text = if text.trim().is_empty() {
        item.title.trim().to_string()
    } else {
        text
    };
    if text.trim().is_empty() {
        return None;
    }
    let title = item.title.trim();
    let meta = DocumentMeta {
        id: Some(item.id.trim().to_string()).filter(|s| !s.is_empty()),
        title: (!title.is_empty())
            .then(|| title.to_string())
            .or(inner.title),
        date: parse_date(item.date.trim()).or(inner.date),
        source: Some(channel_title.trim().to_string()).filter(|s| !s.is_empty()),
        url: Some(item.link.trim().to_string()).filter(|s| !s.is_empty()),
        ..Default::default()
    };
    Some((text, meta))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn parse_feed_reads_rss_items() {
        let rss = r#"<?xml version="1.0"?><rss><channel><title>Wire</title>
<item><title>Iran rejects offer</title><link>https://x.org/1</link><guid>g1</guid>
<pubDate>Sat, 20 Sep 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Iran rejected the offer &amp;amp; left.&lt;/p&gt;</description></item>
<item><title>Second</title><description><![CDATA[<p>Qatar hosted talks.</p>]]></description></item>
</channel></rss>"#;
        let (items, err) = parse_feed(rss);
        assert!(err.is_none());
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].0, "Iran rejected the offer & left.");
        assert_eq!(items[0].1.date, NaiveDate::from_ymd_opt(2025, 9, 20));
        assert_eq!(items[0].1.url.as_deref(), Some("https://x.org/1"));
        assert_eq!(items[0].1.id.as_deref(), Some("g1"));
        assert_eq!(items[0].1.source.as_deref(), Some("Wire"));
        assert_eq!(items[1].0, "Qatar hosted talks.");
    }

    #[test]
    fn parse_feed_reads_atom_entries() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Talks</title><link href="https://x.org/a" rel="alternate"/><id>urn:1</id>
<published>2024-01-02T00:00:00Z</published><content type="html">&lt;p&gt;Egypt mediated.&lt;/p&gt;</content></entry></feed>"#;
        let (items, _) = parse_feed(atom);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].0, "Egypt mediated.");
        assert_eq!(items[0].1.url.as_deref(), Some("https://x.org/a"));
        assert_eq!(items[0].1.date, NaiveDate::from_ymd_opt(2024, 1, 2));
    }

    #[test]
    fn parse_feed_reports_malformed_xml_and_keeps_earlier_items() {
        let bad = "<rss><channel><item><title>A</title><description>One.</description></item><item><title>B</title></chan";
        let (items, err) = parse_feed(bad);
        assert_eq!(items.len(), 1);
        assert!(err.is_some());
    }
}

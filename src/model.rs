//! The types every stage shares: documents in, coded events out.
//!
//! Stages talk to each other only through these types. The serialised shape of [`Event`] is the
//! public event JSON of DESIGN.md: fields may be added, never renamed or dropped.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// An article as ingested: its text plus whatever metadata the input carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// External id when the input had one (a JSON line's `id`), else the content hash prefix.
    pub id: String,
    /// Hex SHA-256 of the text: the identity used to skip documents already stored.
    pub hash: String,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Where the document was read from (file path, `-` for stdin, `file:line` for JSON Lines).
    pub origin: Option<String>,
    /// Other fields the input carried (a JSON object as text), kept for the user.
    pub extra: Option<String>,
    pub text: String,
}

/// The metadata a reader found besides the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentMeta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub origin: Option<String>,
    pub extra: Option<String>,
}

impl Document {
    /// Builds a document, computing its content hash; the id is the external id when given.
    pub fn new(text: String, meta: DocumentMeta) -> Document {
        let hash = content_hash(&text);
        let id = meta.id.unwrap_or_else(|| hash[..16].to_string());
        Document {
            id,
            hash,
            title: meta.title,
            date: meta.date,
            source: meta.source,
            url: meta.url,
            origin: meta.origin,
            extra: meta.extra,
            text,
        }
    }
}

/// Hex SHA-256 of a text.
pub fn content_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        use std::fmt::Write;
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// A sentence of a document: byte offsets into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub index: usize,
    pub start: usize,
    pub end: usize,
}

impl Sentence {
    pub fn text<'a>(&self, document_text: &'a str) -> &'a str {
        &document_text[self.start..self.end]
    }
}

/// What sort of actor a coded actor is; derived from its code's roles unless a dictionary says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Country,
    Government,
    Military,
    ArmedGroup,
    Opposition,
    Igo,
    Ngo,
    Media,
    Person,
    Organisation,
    Unknown,
}

impl ActorKind {
    pub const ALL: [ActorKind; 11] = [
        ActorKind::Country,
        ActorKind::Government,
        ActorKind::Military,
        ActorKind::ArmedGroup,
        ActorKind::Opposition,
        ActorKind::Igo,
        ActorKind::Ngo,
        ActorKind::Media,
        ActorKind::Person,
        ActorKind::Organisation,
        ActorKind::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Government => "government",
            ActorKind::Military => "military",
            ActorKind::ArmedGroup => "armed_group",
            ActorKind::Opposition => "opposition",
            ActorKind::Igo => "igo",
            ActorKind::Ngo => "ngo",
            ActorKind::Media => "media",
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Unknown => "unknown",
        }
    }

    pub fn parse(text: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A coded actor as it appears in an event: the text that named it and what it resolved to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    /// The words of the sentence that name the actor.
    pub text: Arc<str>,
    /// Canonical name of the actor.
    pub name: Arc<str>,
    /// CAMEO-style code (`USAGOV`, `IGOUNO`); null for an actor known only by its text.
    pub code: Option<Arc<str>>,
    /// ISO 3166 alpha-3; null for IGOs, NGOs and unplaced actors.
    pub country: Option<Arc<str>>,
    /// First role of the code (`GOV`, `MIL`, ...), if any.
    pub sector: Option<Arc<str>>,
    pub kind: ActorKind,
    /// Byte offsets of `text` in the document.
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

impl ActorRef {
    /// The key that identifies the canonical actor in the store and the graph.
    pub fn key(&self) -> String {
        format!("{}|{}", self.code.as_deref().unwrap_or(""), self.name)
    }

    /// Both have the same [`key`](Self::key), compared without building it.
    pub fn same_key(&self, other: &ActorRef) -> bool {
        self.code.as_deref().unwrap_or("") == other.code.as_deref().unwrap_or("")
            && self.name == other.name
    }
}

/// The words that carry the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub text: String,
    pub lemma: String,
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

/// Whether an event is stated as having happened, or only as intended, proposed, ...
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Asserted,
    Future,
    Proposed,
    Threatened,
    Hypothetical,
    Denied,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Proposed => "proposed",
            Modality::Threatened => "threatened",
            Modality::Hypothetical => "hypothetical",
            Modality::Denied => "denied",
        }
    }
}

/// The 16 current PLOVER event types, plus OTHER for coded acts outside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Plover {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
    Other,
}

impl Plover {
    pub const TYPES: [Plover; 16] = [
        Plover::Agree,
        Plover::Consult,
        Plover::Support,
        Plover::Concede,
        Plover::Cooperate,
        Plover::Aid,
        Plover::Retreat,
        Plover::Request,
        Plover::Accuse,
        Plover::Reject,
        Plover::Threaten,
        Plover::Protest,
        Plover::Sanction,
        Plover::Mobilize,
        Plover::Coerce,
        Plover::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Plover::Agree => "AGREE",
            Plover::Consult => "CONSULT",
            Plover::Support => "SUPPORT",
            Plover::Concede => "CONCEDE",
            Plover::Cooperate => "COOPERATE",
            Plover::Aid => "AID",
            Plover::Retreat => "RETREAT",
            Plover::Request => "REQUEST",
            Plover::Accuse => "ACCUSE",
            Plover::Reject => "REJECT",
            Plover::Threaten => "THREATEN",
            Plover::Protest => "PROTEST",
            Plover::Sanction => "SANCTION",
            Plover::Mobilize => "MOBILIZE",
            Plover::Coerce => "COERCE",
            Plover::Assault => "ASSAULT",
            Plover::Other => "OTHER",
        }
    }

    /// Parses a current PLOVER name, or an older (0.5b1) name the gold data still uses.
    pub fn parse(name: &str) -> Option<Plover> {
        let upper = name.trim().to_ascii_uppercase();
        let current = match upper.as_str() {
            "DEMAND" => Some(Plover::Request),
            "DISAPPROVE" | "INVESTIGATE" => Some(Plover::Accuse),
            "FIGHT" => Some(Plover::Assault),
            "COOPERATION" => Some(Plover::Cooperate),
            "OTHER" => Some(Plover::Other),
            _ => None,
        };
        current.or_else(|| Plover::TYPES.into_iter().find(|p| p.as_str() == upper))
    }

    pub fn is_counted(self) -> bool {
        self != Plover::Other
    }
}

impl fmt::Display for Plover {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A coded event, tied to the sentence it came from. Serialises to the DESIGN.md event JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc_id: String,
    pub sentence_index: usize,
    pub sentence: String,
    pub source: ActorRef,
    pub relation: Relation,
    pub target: Option<ActorRef>,
    pub cameo: String,
    pub plover: Plover,
    pub plover_mode: Option<String>,
    pub goldstein: f64,
    pub quad_class: u8,
    pub negated: bool,
    pub modality: Modality,
    pub attributed_to: Option<ActorRef>,
    pub date: Option<NaiveDate>,
    pub location: Option<String>,
    pub confidence: f64,
}

impl Event {
    /// An event that counts in aggregates and scores: one of the 16 types and not negated.
    pub fn is_counted(&self) -> bool {
        self.plover.is_counted() && !self.negated
    }

    /// Appends the event's JSON (exactly what `serde_json` makes of it, which a test checks)
    /// and a newline to `out`. `geokg extract` writes several events per sentence, each
    /// repeating the sentence: the derived serialiser spent a tenth of the command's time
    /// escaping strings byte by byte, where this copies runs that need no escape.
    pub fn write_json_line(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"doc_id\":");
        json_str(out, &self.doc_id);
        out.extend_from_slice(b",\"sentence_index\":");
        out.extend_from_slice(itoa::Buffer::new().format(self.sentence_index).as_bytes());
        out.extend_from_slice(b",\"sentence\":");
        json_str(out, &self.sentence);
        out.extend_from_slice(b",\"source\":");
        json_actor(out, Some(&self.source));
        out.extend_from_slice(b",\"relation\":{\"text\":");
        json_str(out, &self.relation.text);
        out.extend_from_slice(b",\"lemma\":");
        json_str(out, &self.relation.lemma);
        out.extend_from_slice(b"},\"target\":");
        json_actor(out, self.target.as_ref());
        out.extend_from_slice(b",\"cameo\":");
        json_str(out, &self.cameo);
        out.extend_from_slice(b",\"plover\":");
        json_str(out, self.plover.as_str());
        out.extend_from_slice(b",\"plover_mode\":");
        json_opt_str(out, self.plover_mode.as_deref());
        out.extend_from_slice(b",\"goldstein\":");
        json_f64(out, self.goldstein);
        out.extend_from_slice(b",\"quad_class\":");
        out.extend_from_slice(itoa::Buffer::new().format(self.quad_class).as_bytes());
        out.extend_from_slice(if self.negated {
            b",\"negated\":true"
        } else {
            b",\"negated\":false"
        });
        out.extend_from_slice(b",\"modality\":");
        json_str(out, self.modality.as_str());
        out.extend_from_slice(b",\"attributed_to\":");
        json_actor(out, self.attributed_to.as_ref());
        out.extend_from_slice(b",\"date\":");
        match self.date {
            Some(date) => json_date(out, date),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"location\":");
        json_opt_str(out, self.location.as_deref());
        out.extend_from_slice(b",\"confidence\":");
        json_f64(out, self.confidence);
        out.extend_from_slice(b"}\n");
    }
}

fn json_actor(out: &mut Vec<u8>, actor: Option<&ActorRef>) {
    let Some(a) = actor else {
        out.extend_from_slice(b"null");
        return;
    };
    out.extend_from_slice(b"{\"text\":");
    json_str(out, &a.text);
    out.extend_from_slice(b",\"name\":");
    json_str(out, &a.name);
    out.extend_from_slice(b",\"code\":");
    json_opt_str(out, a.code.as_deref());
    out.extend_from_slice(b",\"country\":");
    json_opt_str(out, a.country.as_deref());
    out.extend_from_slice(b",\"sector\":");
    json_opt_str(out, a.sector.as_deref());
    out.extend_from_slice(b",\"kind\":");
    json_str(out, a.kind.as_str());
    out.push(b'}');
}

/// A date as its serde form, "YYYY-MM-DD".
fn json_date(out: &mut Vec<u8>, date: NaiveDate) {
    use chrono::Datelike;
    let year = date.year();
    if !(0..=9999).contains(&year) {
        // Outside four digits chrono adds a sign: leave that to it.
        out.extend_from_slice(format!("\"{date}\"").as_bytes());
        return;
    }
    let digits = |n: u32, width: usize, out: &mut Vec<u8>| {
        let mut buffer = itoa::Buffer::new();
        let s = buffer.format(n);
        out.extend(std::iter::repeat_n(b'0', width.saturating_sub(s.len())));
        out.extend_from_slice(s.as_bytes());
    };
    out.push(b'"');
    digits(year as u32, 4, out);
    out.push(b'-');
    digits(date.month(), 2, out);
    out.push(b'-');
    digits(date.day(), 2, out);
    out.push(b'"');
}

fn json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A number as `serde_json` writes it (shortest round-trip form, `null` if not finite).
fn json_f64(out: &mut Vec<u8>, x: f64) {
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &x);
}

/// A JSON string: quotes, backslashes and control characters escaped as `serde_json` escapes
/// them, everything else (all of UTF-8) copied as is, a run at a time.
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut run = 0;
    while let Some(i) = next_to_escape(bytes, run) {
        out.extend_from_slice(&bytes[run..i]);
        let b = bytes[i];
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(format!("\\u{b:04x}").as_bytes()),
        }
        run = i + 1;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// The first byte from `from` on that a JSON string must escape: a quote, a backslash or a
/// control character. Tests eight bytes at a time (bytes of multi-byte UTF-8 characters are
/// all 0x80 or more, never escaped).
fn next_to_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // Some byte of `x` is below `n` (n <= 0x80): exact as a yes/no.
    let any_below = |x: u64, n: u8| x.wrapping_sub(ONES * n as u64) & !x & HIGHS != 0;
    let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut word = [0; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let x = u64::from_ne_bytes(word);
        if any_below(x, 0x20)
            || any_below(x ^ (ONES * b'"' as u64), 1)
            || any_below(x ^ (ONES * b'\\' as u64), 1)
        {
            break;
        }
        i += 8;
    }
    bytes[i..].iter().position(|&b| escaped(b)).map(|k| i + k)
}

/// One mention of an actor in a sentence (whether or not it takes part in an event).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub sentence_index: usize,
    pub actor: ActorRef,
    /// The words are a name of the actor (not a pronoun or a role noun referring back), so
    /// the store keeps them as an alias.
    pub named: bool,
}

/// Everything extraction produces for one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written JSON of events is the derived serialiser's, byte for byte: on every
    /// event of the bundled sample articles, and on one whose strings need every escape.
    #[test]
    fn event_json_lines_match_the_serde_serialisation() {
        let extractor = crate::Extractor::builtin();
        let mut events = Vec::new();
        for entry in
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples")).unwrap()
        {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            events.extend(
                crate::extract::extract_text(
                    &extractor,
                    "s",
                    &text,
                    NaiveDate::from_ymd_opt(2025, 6, 10),
                )
                .events,
            );
        }
        assert!(events.len() > 50, "{} events", events.len());
        let mut early = events[0].clone();
        early.date = NaiveDate::from_ymd_opt(33, 1, 2);
        let mut odd = events[0].clone();
        odd.sentence = "He said \"no\" \\ back\tslash\r\n\u{1}\u{8}\u{c}\u{1f} é ✓ 😀 end".into();
        odd.doc_id = "quote\"".into();
        odd.source.name = "\u{7f}\u{0}x".into();
        odd.target = None;
        odd.date = None;
        odd.goldstein = -0.1;
        odd.confidence = 1e-7;
        events.push(early);
        events.push(odd);
        let mut line = Vec::new();
        for e in &events {
            line.clear();
            e.write_json_line(&mut line);
            let mut expected = serde_json::to_vec(e).unwrap();
            expected.push(b'\n');
            assert_eq!(
                String::from_utf8_lossy(&line),
                String::from_utf8_lossy(&expected)
            );
        }
    }

    #[test]
    fn escapes_are_found_in_every_position_of_a_word() {
        for len in 0..20 {
            for at in 0..len {
                for special in [b'"', b'\\', 0x00, 0x1f] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = special;
                    assert_eq!(next_to_escape(&bytes, 0), Some(at), "{len} {at} {special}");
                    assert_eq!(next_to_escape(&bytes, at + 1), None);
                }
            }
            let plain: Vec<u8> = "é✓ a~\u{7f}".bytes().cycle().take(len).collect();
            assert_eq!(next_to_escape(&plain, 0), None);
        }
    }

    #[test]
    fn plover_parse_maps_old_names_to_current_types() {
        assert_eq!(Plover::parse("DEMAND"), Some(Plover::Request));
        assert_eq!(Plover::parse("disapprove"), Some(Plover::Accuse));
        assert_eq!(Plover::parse("INVESTIGATE"), Some(Plover::Accuse));
        assert_eq!(Plover::parse("FIGHT"), Some(Plover::Assault));
        assert_eq!(Plover::parse("REJECT"), Some(Plover::Reject));
        assert_eq!(Plover::parse("NONSENSE"), None);
    }

    #[test]
    fn document_id_defaults_to_hash_prefix() {
        let doc = Document::new("Some text.".into(), DocumentMeta::default());
        assert_eq!(doc.hash.len(), 64);
        assert_eq!(doc.id, doc.hash[..16]);
        let named = Document::new(
            "Some text.".into(),
            DocumentMeta {
                id: Some("a-1".into()),
                ..Default::default()
            },
        );
        assert_eq!(named.id, "a-1");
        assert_eq!(named.hash, doc.hash);
    }
}

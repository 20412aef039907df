//! Actor knowledge: countries, named actors with dated codes, role nouns and role codes.
//! Formats: data/README.md (`countries.tsv`, `*.actors`, `agents.tsv`, `roles.tsv`).

use super::{parse_date_bound, DictError};
use crate::model::ActorKind;
use chrono::NaiveDate;
use std::sync::Arc;

/// A code valid from `from` (inclusive) until `until` (exclusive); open ends are `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Title or comment from the dictionary ("spokesman").
    pub note: Option<String>,
}

impl DatedCode {
    pub fn applies_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.until.is_none_or(|u| date < u)
    }
}

/// How an entry's name was used: a country's own name, its adjective, its capital, ...
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// The proper name of a named actor (person, organisation, group).
    Name,
    /// A country's name or alias.
    Country,
    /// A country adjective or demonym ("Afghan", "Emiratis").
    Adjective,
    /// A capital used as a metonym for the government ("Kabul said").
    Capital,
    /// Another seat of government ("the Kremlin"), with its role index in [`ActorDictionary::roles`].
    Seat(u16),
    /// A region, city or feature of a country.
    Place,
}

/// A named actor: canonical name, every name, and codes by date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    pub name: Arc<str>,
    pub codes: Vec<DatedCode>,
    pub kind: Option<ActorKind>,
    /// Country entries carry their ISO3 code here.
    pub iso3: Option<String>,
    /// True for entries from a people/leaders listing (persons rather than institutions).
    pub person: bool,
}

impl ActorEntry {
    /// The code that applies on `date`: the first dated code whose range contains it.
    pub fn code_on(&self, date: NaiveDate) -> Option<&DatedCode> {
        self.codes.iter().find(|c| c.applies_on(date))
    }

    /// A country this entry belongs to according to any of its codes.
    pub fn any_country(&self, is_country: impl Fn(&str) -> bool) -> Option<&str> {
        self.codes
            .iter()
            .map(|c| c.code.get(..3).unwrap_or(""))
            .find(|c| is_country(c))
    }
}

/// One line of `countries.tsv`.
#[derive(Debug, Clone, Default)]
pub struct CountryRecord {
    pub iso3: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
    pub capitals: Vec<String>,
    pub seats: Vec<(String, Option<String>)>,
    pub places: Vec<String>,
}

pub fn parse_countries(content: &str, file: &str) -> Result<Vec<CountryRecord>, DictError> {
    let mut out = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 || fields[0].trim().len() != 3 {
            return Err(DictError::line(
                file,
                n + 1,
                format!("expected `iso3<TAB>name<TAB>...`, got {:?}", truncate(line)),
            ));
        }
        let list = |i: usize| -> Vec<String> {
            fields
                .get(i)
                .map(|f| {
                    f.split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default()
        };
        let seats = list(5)
            .into_iter()
            .map(|s| match s.rsplit_once(':') {
                Some((name, role))
                    if role.len() >= 3 && role.chars().all(|c| c.is_ascii_uppercase()) =>
                {
                    (name.trim().to_string(), Some(role.to_string()))
                }
                _ => (s, None),
            })
            .collect();
        out.push(CountryRecord {
            iso3: fields[0].trim().to_ascii_uppercase(),
            name: fields[1].trim().to_string(),
            aliases: list(2),
            adjectives: list(3),
            capitals: list(4),
            seats,
            places: list(6),
        });
    }
    Ok(out)
}

/// Parses a `*.actors` file into entries with their names.
pub fn parse_actors(
    content: &str,
    file: &str,
) -> Result<Vec<(Vec<String>, ActorEntry)>, DictError> {
    let mut out: Vec<(Vec<String>, ActorEntry)> = Vec::new();
    let mut horizon: Option<NaiveDate> = None;
    let mut person_file = false;
    for (n, raw) in content.lines().enumerate() {
        let line_no = n + 1;
        let (body, comment) = match raw.find('#') {
            Some(p) => (&raw[..p], Some(raw[p + 1..].trim())),
            None => (raw, None),
        };
        if body.trim().is_empty() {
            continue;
        }
        let indented = body.starts_with([' ', '\t']);
        let body = body.trim();
        if let Some(directive) = body.strip_prefix('@') {
            let (key, value) = directive.split_once(' ').unwrap_or((directive, ""));
            match key {
                "horizon" => {
                    horizon = Some(parse_date_bound(value.trim(), false).ok_or_else(|| {
                        DictError::line(file, line_no, format!("bad horizon date {value:?}"))
                    })?)
                }
                "people" => person_file = true,
                _ => {
                    return Err(DictError::line(
                        file,
                        line_no,
                        format!("unknown directive @{key}"),
                    ))
                }
            }
            continue;
        }
        if !indented {
            let names: Vec<String> = body
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            if names.is_empty() {
                return Err(DictError::line(file, line_no, "entry without a name"));
            }
            out.push((
                names.clone(),
                ActorEntry {
                    name: names[0].as_str().into(),
                    codes: Vec::new(),
                    kind: None,
                    iso3: None,
                    person: person_file,
                },
            ));
            continue;
        }
        let Some((_, entry)) = out.last_mut() else {
            return Err(DictError::line(
                file,
                line_no,
                "code line before any entry name",
            ));
        };
        if let Some(kind) = body.strip_prefix("kind:") {
            let kind = kind.trim();
            if kind == "person" {
                entry.person = true;
            }
            entry.kind =
                Some(ActorKind::parse(kind).ok_or_else(|| {
                    DictError::line(file, line_no, format!("unknown kind {kind:?}"))
                })?);
            continue;
        }
        let mut parts = body.split_whitespace();
        let code = parts.next().unwrap_or("");
        if code.len() < 3
            || !code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            return Err(DictError::line(
                file,
                line_no,
                format!("bad actor code {code:?}"),
            ));
        }
        let (from, until) = match parts.next() {
            None => (None, None),
            Some(range) => parse_range(range).ok_or_else(|| {
                DictError::line(file, line_no, format!("bad date range {range:?}"))
            })?,
        };
        let until = until.or(if from.is_some() { horizon } else { None });
        entry.codes.push(DatedCode {
            code: code.to_string(),
            from,
            until,
            note: comment.filter(|c| !c.is_empty()).map(String::from),
        });
    }
    if let Some((names, _)) = out.iter().find(|(_, e)| e.codes.is_empty()) {
        return Err(DictError::Invalid {
            file: file.to_string(),
            message: format!("entry {:?} has no code line", names[0]),
        });
    }
    Ok(out)
}

/// `FROM..UNTIL` with either end open; a bare date means from that date on.
fn parse_range(range: &str) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let (from, until) = range.split_once("..").unwrap_or((range, ""));
    let from = if from.is_empty() {
        None
    } else {
        Some(parse_date_bound(from, false)?)
    };
    let until = if until.is_empty() {
        None
    } else {
        Some(parse_date_bound(until, true)?)
    };
    Some((from, until))
}

/// Parses `agents.tsv`: role nouns → role code.
pub fn parse_agents(content: &str, file: &str) -> Result<Vec<(String, String)>, DictError> {
    let mut out = Vec::new();
    for (n, line) in content.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("");
        if line.trim().is_empty() {
            continue;
        }
        let Some((phrase, role)) = line.split_once('\t') else {
            return Err(DictError::line(
                file,
                n + 1,
                format!("expected `phrase<TAB>ROLE`, got {:?}", truncate(line)),
            ));
        };
        let role = role.trim();
        if role.is_empty() || !role.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(DictError::line(file, n + 1, format!("bad role {role:?}")));
        }
        out.push((phrase.trim().to_string(), role.to_string()));
    }
    Ok(out)
}

/// Parses `roles.tsv`: role code → kind.
pub fn parse_roles(content: &str, file: &str) -> Result<Vec<(String, ActorKind)>, DictError> {
    let mut out = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(role), Some(kind)) = (fields.next(), fields.next()) else {
            return Err(DictError::line(file, n + 1, "expected `ROLE<TAB>kind`"));
        };
        let kind = ActorKind::parse(kind.trim())
            .ok_or_else(|| DictError::line(file, n + 1, format!("unknown kind {kind:?}")))?;
        out.push((role.trim().to_string(), kind));
    }
    Ok(out)
}

fn truncate(line: &str) -> String {
    line.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parse_actors_reads_names_and_dated_codes() {
        let text = "# people\nDonald Trump | Trump | President Trump\n    USAELI ..2017-01-20\n    USAGOV 2017-01-20..2021-01-20  # president\n    USAELI 2021-01-20..2025-01-20\n    USAGOV 2025-01-20..\n";
        let entries = parse_actors(text, "t.actors").unwrap();
        assert_eq!(entries.len(), 1);
        let (names, entry) = &entries[0];
        assert_eq!(names, &["Donald Trump", "Trump", "President Trump"]);
        assert_eq!(entry.code_on(d("2019-05-01")).unwrap().code, "USAGOV");
        assert_eq!(entry.code_on(d("2022-05-01")).unwrap().code, "USAELI");
        assert_eq!(entry.code_on(d("2025-09-20")).unwrap().code, "USAGOV");
        assert_eq!(entry.code_on(d("2017-01-20")).unwrap().code, "USAGOV");
        assert_eq!(
            entry.codes[1].note.as_deref(),
            Some("president"),
            "comment kept as note"
        );
    }

    #[test]
    fn parse_actors_closes_open_ranges_at_the_horizon() {
        let text = "@horizon 2016-12-31\nHamid Karzai | Karzai\n    AFGGOV 2001-12-22..\n";
        let entries = parse_actors(text, "t.actors").unwrap();
        let entry = &entries[0].1;
        assert_eq!(entry.code_on(d("2010-01-01")).unwrap().code, "AFGGOV");
        assert!(entry.code_on(d("2020-01-01")).is_none());
    }

    #[test]
    fn parse_actors_reports_file_and_line_of_errors() {
        let err = parse_actors("Name\n    usagov\n", "mine.actors").unwrap_err();
        assert_eq!(err.to_string(), "mine.actors:2: bad actor code \"usagov\"");
        let err = parse_actors("    USA\n", "mine.actors").unwrap_err();
        assert!(err.to_string().contains("mine.actors:1"));
        let err = parse_actors("Name\n    USA 2020-13-01..\n", "mine.actors").unwrap_err();
        assert!(err.to_string().contains("bad date range"));
    }

    #[test]
    fn parse_countries_reads_columns_and_seat_roles() {
        let text = "# header\nUSA\tUnited States\tUS|U.S.\tAmerican|Americans\tWashington\tWhite House|Pentagon:MIL\tTexas\n";
        let c = &parse_countries(text, "c.tsv").unwrap()[0];
        assert_eq!(c.iso3, "USA");
        assert_eq!(c.aliases, ["US", "U.S."]);
        assert_eq!(
            c.seats[1],
            ("Pentagon".to_string(), Some("MIL".to_string()))
        );
        assert_eq!(c.places, ["Texas"]);
    }
}

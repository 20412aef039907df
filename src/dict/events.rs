//! Event knowledge: the CAMEO code table, verb patterns and nominal events.
//! Formats: data/README.md (`cameo.tsv`, `verbs.txt`, `nouns.txt`).

use super::DictError;
use crate::model::Plover;

/// A CAMEO code with its scores and PLOVER type.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub goldstein: f64,
    pub quad_class: u8,
    pub plover: Plover,
    pub plover_mode: Option<String>,
    pub description: String,
}

pub fn parse_cameo(content: &str, file: &str) -> Result<Vec<CameoCode>, DictError> {
    let mut out = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let err = |m: String| DictError::line(file, n + 1, m);
        if f.len() < 4 {
            return Err(err(format!("expected 6 columns, got {}", f.len())));
        }
        let goldstein = f[1]
            .trim()
            .parse()
            .map_err(|_| err(format!("bad goldstein {:?}", f[1])))?;
        let quad_class = f[2]
            .trim()
            .parse()
            .map_err(|_| err(format!("bad quad class {:?}", f[2])))?;
        let plover =
            Plover::parse(f[3]).ok_or_else(|| err(format!("bad PLOVER type {:?}", f[3])))?;
        out.push(CameoCode {
            code: f[0].trim().to_string(),
            goldstein,
            quad_class,
            plover,
            plover_mode: f
                .get(4)
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(String::from),
            description: f.get(5).map(|s| s.trim().to_string()).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The code part of a pattern or verb: `[src:tgt]` pairs collapse to the source-side code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeSpec {
    /// Not an event (`---`).
    None,
    Code(String),
    /// `A:B`: `A` when the subject is the source; `B` (possibly empty) for the reverse reading.
    Pair(String, String),
}

impl CodeSpec {
    fn parse(text: &str) -> Option<CodeSpec> {
        let text = text.trim();
        if text == "---" || text.is_empty() {
            return Some(CodeSpec::None);
        }
        let valid =
            |c: &str| c.is_empty() || (c.len() <= 4 && c.chars().all(|d| d.is_ascii_digit()));
        match text.split_once(':') {
            Some((a, b)) if valid(a) && valid(b) => {
                Some(CodeSpec::Pair(a.to_string(), b.to_string()))
            }
            None if valid(text) => Some(CodeSpec::Code(text.to_string())),
            _ => None,
        }
    }

    /// The code for the normal reading (subject = source), if any.
    pub fn primary(&self) -> Option<&str> {
        match self {
            CodeSpec::None => None,
            CodeSpec::Code(c) => Some(c),
            CodeSpec::Pair(a, _) if !a.is_empty() => Some(a),
            CodeSpec::Pair(..) => None,
        }
    }
}

/// One element of a verb pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternItem {
    /// A word, matched against the token or its lemma.
    Word(String),
    /// Several words (or synsets) in a row.
    Phrase(Vec<PatternItem>),
    /// A prepositional phrase: the preposition, then its words in order.
    Prep(String, Vec<PatternItem>),
    /// Any word of the synset with this index.
    Synset(usize),
    /// The source actor stands here.
    Source,
    /// The target actor stands here.
    Target,
    /// Skip one noun phrase.
    Skip,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbPattern {
    pub before: Vec<PatternItem>,
    pub after: Vec<PatternItem>,
    pub code: CodeSpec,
    /// Index of the group the pattern belongs to.
    pub group: usize,
    /// `file:line` of the pattern, for `extract --explain`.
    pub origin: String,
}

impl VerbPattern {
    /// How specific the pattern is: more elements win.
    pub fn weight(&self) -> usize {
        fn w(items: &[PatternItem]) -> usize {
            items
                .iter()
                .map(|i| match i {
                    PatternItem::Prep(_, inner) => 1 + w(inner),
                    PatternItem::Phrase(words) => words.len(),
                    PatternItem::Skip => 0,
                    _ => 1,
                })
                .sum()
        }
        w(&self.before) + w(&self.after)
    }
}

/// A verb (or phrasal verb) of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    /// Lemma, then particle words for phrasal verbs ("ask for" → ["ask", "for"]).
    pub words: Vec<String>,
    /// Extra forms the lexicon may not know.
    pub forms: Vec<String>,
    pub code: CodeSpec,
    pub group: usize,
    /// The line gave a code (possibly `---`): it overrides the verb's codes in files loaded
    /// later when no pattern matches.
    pub explicit: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerbFile {
    pub groups: Vec<String>,
    pub verbs: Vec<VerbEntry>,
    pub patterns: Vec<VerbPattern>,
}

/// A named word list used in patterns (`&FOOD`): single words and multi-word phrases.
pub type Synset = (String, Vec<Vec<String>>);

/// The `synset` lines of a verb file.
pub fn parse_synsets(content: &str, file: &str) -> Result<Vec<Synset>, DictError> {
    let mut out = Vec::new();
    for (n, raw) in content.lines().enumerate() {
        let line = strip_comment(raw).trim();
        let Some(rest) = line.strip_prefix("synset ") else {
            continue;
        };
        let (name, words) = rest
            .split_once('=')
            .ok_or_else(|| DictError::line(file, n + 1, "expected `synset &NAME = word | word`"))?;
        let name = name.trim().trim_start_matches('&').to_string();
        let words = words
            .split('|')
            .map(|w| {
                w.trim()
                    .trim_matches(['{', '}'])
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        out.push((name, words));
    }
    Ok(out)
}

/// Parses the verbs and patterns of a verb file; patterns may use any synset of `synsets`
/// (those of every verb file, see [`parse_synsets`]).
pub fn parse_verbs(content: &str, file: &str, synsets: &[Synset]) -> Result<VerbFile, DictError> {
    let mut out = VerbFile::default();
    let mut pending: Vec<(usize, String, usize)> = Vec::new();
    for (n, raw) in content.lines().enumerate() {
        let line_no = n + 1;
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let err = |m: String| DictError::line(file, line_no, m);
        let (keyword, rest) = line.split_once(' ').unwrap_or((line, ""));
        match keyword {
            "group" => out.groups.push(rest.trim().to_string()),
            "synset" => {}
            "verb" => {
                let group = current_group(&mut out, "");
                let (spec, code) = split_code(rest).map_err(err)?;
                let (words_part, forms) = match spec.split_once('(') {
                    Some((w, f)) => (
                        w,
                        f.trim_end_matches(')')
                            .split(',')
                            .map(|s| s.trim().to_lowercase())
                            .filter(|s| !s.is_empty())
                            .collect(),
                    ),
                    None => (spec, Vec::new()),
                };
                let words: Vec<String> = words_part
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .collect();
                if words.is_empty() {
                    return Err(err("verb line without a verb".into()));
                }
                out.verbs.push(VerbEntry {
                    words,
                    forms,
                    code,
                    group,
                    explicit: rest.contains('='),
                });
            }
            "pattern" => {
                let group = current_group(&mut out, "");
                pending.push((group, rest.to_string(), line_no));
            }
            other => return Err(err(format!("unknown line type {other:?}"))),
        }
    }
    for (group, rest, line_no) in pending {
        let mut pattern =
            parse_pattern(&rest, group, synsets).map_err(|m| DictError::line(file, line_no, m))?;
        pattern.origin = format!("{file}:{line_no}");
        out.patterns.push(pattern);
    }
    Ok(out)
}

fn current_group(out: &mut VerbFile, name: &str) -> usize {
    if out.groups.is_empty() {
        out.groups.push(name.to_string());
    }
    out.groups.len() - 1
}

fn strip_comment(line: &str) -> &str {
    line.find('#').map_or(line, |p| &line[..p])
}

fn split_code(text: &str) -> Result<(&str, CodeSpec), String> {
    match text.rsplit_once('=') {
        Some((spec, code)) => {
            let code =
                CodeSpec::parse(code).ok_or_else(|| format!("bad code {:?}", code.trim()))?;
            Ok((spec.trim(), code))
        }
        None => Ok((text.trim(), CodeSpec::None)),
    }
}

fn parse_pattern(text: &str, group: usize, synsets: &[Synset]) -> Result<VerbPattern, String> {
    let (spec, code) = split_code(text)?;
    let items = parse_items(spec, synsets)?;
    let star = items
        .iter()
        .position(|i| matches!(i, Item::Star))
        .ok_or_else(|| format!("pattern without `*`: {spec:?}"))?;
    let convert = |items: &[Item]| -> Result<Vec<PatternItem>, String> {
        items
            .iter()
            .map(|i| match i {
                Item::Star => Err(format!("pattern with two `*`: {spec:?}")),
                Item::Plain(p) => Ok(p.clone()),
            })
            .collect()
    };
    Ok(VerbPattern {
        before: convert(&items[..star])?,
        after: convert(&items[star + 1..])?,
        code,
        group,
        origin: String::new(),
    })
}

enum Item {
    Star,
    Plain(PatternItem),
}

fn parse_items(spec: &str, synsets: &[Synset]) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    let mut chars = spec.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let close = match c {
            '(' => Some(')'),
            '{' => Some('}'),
            _ => None,
        };
        if let Some(close) = close {
            let end = spec[i..]
                .find(close)
                .map(|p| i + p)
                .ok_or_else(|| format!("unbalanced {c:?} in {spec:?}"))?;
            let inner = &spec[i + 1..end];
            if c == '{' {
                let words = parse_items(inner, synsets)?
                    .into_iter()
                    .map(|i| match i {
                        Item::Plain(p @ (PatternItem::Word(_) | PatternItem::Synset(_))) => Ok(p),
                        _ => Err(format!(
                            "only words and synsets may stand inside {{}}: {spec:?}"
                        )),
                    })
                    .collect::<Result<_, _>>()?;
                items.push(Item::Plain(PatternItem::Phrase(words)));
            } else {
                let mut inner_items = parse_items(inner, synsets)?;
                if inner_items.is_empty() {
                    return Err(format!("empty prepositional phrase in {spec:?}"));
                }
                let prep = match inner_items.remove(0) {
                    Item::Plain(PatternItem::Word(w)) => w,
                    _ => {
                        return Err(format!(
                            "prepositional phrase must start with a word: {spec:?}"
                        ))
                    }
                };
                let inner = inner_items
                    .into_iter()
                    .map(|i| match i {
                        Item::Plain(p) => Ok(p),
                        Item::Star => Err(format!("`*` inside a phrase: {spec:?}")),
                    })
                    .collect::<Result<_, _>>()?;
                items.push(Item::Plain(PatternItem::Prep(prep, inner)));
            }
            while chars.peek().is_some_and(|&(j, _)| j <= end) {
                chars.next();
            }
            continue;
        }
        let end = spec[i..]
            .find(|ch: char| ch.is_whitespace() || ch == '(' || ch == '{')
            .map_or(spec.len(), |p| i + p);
        let word = &spec[i..end];
        while chars.peek().is_some_and(|&(j, _)| j < end) {
            chars.next();
        }
        let item = match word {
            "*" => Item::Star,
            "$" => Item::Plain(PatternItem::Source),
            "+" => Item::Plain(PatternItem::Target),
            "^" => Item::Plain(PatternItem::Skip),
            w if w.starts_with('&') => {
                let name = &w[1..];
                let index = synsets
                    .iter()
                    .position(|(n, _)| n.eq_ignore_ascii_case(name))
                    .ok_or_else(|| format!("undefined synset &{name}"))?;
                Item::Plain(PatternItem::Synset(index))
            }
            w => Item::Plain(PatternItem::Word(w.to_lowercase())),
        };
        items.push(item);
    }
    Ok(items)
}

/// A nominal event: "air strike" (195), target after "against" or "on".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounEvent {
    pub words: Vec<String>,
    pub code: String,
    pub target_preps: Vec<String>,
}

pub fn parse_nouns(content: &str, file: &str) -> Result<Vec<NounEvent>, DictError> {
    let mut out = Vec::new();
    for (n, raw) in content.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let err = |m: String| DictError::line(file, n + 1, m);
        let rest = line.strip_prefix("noun ").ok_or_else(|| {
            err(format!(
                "expected `noun phrase = CODE | preps`, got {line:?}"
            ))
        })?;
        let (phrase, tail) = rest
            .split_once('=')
            .ok_or_else(|| err("missing `= CODE`".into()))?;
        let (code, preps) = tail.split_once('|').unwrap_or((tail, ""));
        let code = code.trim();
        if code.is_empty() || code.len() > 4 || !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(err(format!("bad code {code:?}")));
        }
        out.push(NounEvent {
            words: phrase.split_whitespace().map(str::to_lowercase).collect(),
            code: code.to_string(),
            target_preps: preps.split_whitespace().map(str::to_lowercase).collect(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_verbs_reads_groups_verbs_and_patterns() {
        let text = "synset &FOOD = food | {relief supplies}\ngroup ASK\nverb ask = 020\nverb ask for = 020\nverb speed (sped, speeding)\npattern * (for &FOOD) = 0233\npattern prosecutor * + = 173\npattern * ^ (to talks) = 040:050\n";
        let synsets = parse_synsets(text, "v.txt").unwrap();
        let v = parse_verbs(text, "v.txt", &synsets).unwrap();
        assert_eq!(v.groups, ["ASK"]);
        assert_eq!(v.verbs.len(), 3);
        assert_eq!(v.verbs[1].words, ["ask", "for"]);
        assert_eq!(v.verbs[2].forms, ["sped", "speeding"]);
        assert_eq!(v.verbs[2].code, CodeSpec::None);
        assert_eq!(
            v.patterns[0].after,
            vec![PatternItem::Prep(
                "for".into(),
                vec![PatternItem::Synset(0)]
            )]
        );
        assert_eq!(
            v.patterns[1].before,
            vec![PatternItem::Word("prosecutor".into())]
        );
        assert_eq!(v.patterns[1].after, vec![PatternItem::Target]);
        assert_eq!(
            v.patterns[2].code,
            CodeSpec::Pair("040".into(), "050".into())
        );
        assert_eq!(synsets[0].1[1], ["relief", "supplies"]);
    }

    #[test]
    fn parse_verbs_reports_bad_lines() {
        let err = parse_verbs("group X\npattern * (to talks = 040\n", "v.txt", &[]).unwrap_err();
        assert!(err.to_string().starts_with("v.txt:2: unbalanced"), "{err}");
        let err = parse_verbs("group X\npattern * &NOPE = 040\n", "v.txt", &[]).unwrap_err();
        assert!(err.to_string().contains("undefined synset"), "{err}");
        let err = parse_verbs("group X\nverb go = 0x1\n", "v.txt", &[]).unwrap_err();
        assert!(err.to_string().contains("bad code"), "{err}");
    }

    #[test]
    fn parse_nouns_reads_code_and_target_prepositions() {
        let n = parse_nouns(
            "noun air strike = 195 | against on\nnoun ceasefire = 0871\n",
            "n.txt",
        )
        .unwrap();
        assert_eq!(n[0].words, ["air", "strike"]);
        assert_eq!(n[0].target_preps, ["against", "on"]);
        assert!(n[1].target_preps.is_empty());
    }

    #[test]
    fn parse_cameo_reads_scores_and_types() {
        let c = parse_cameo("# h\n112\t-2.0\t3\tACCUSE\t\taccuse\n", "c.tsv").unwrap();
        assert_eq!(c[0].plover, Plover::Accuse);
        assert_eq!(c[0].quad_class, 3);
        assert_eq!(c[0].plover_mode, None);
    }
}

//! Event coding: a verb group (with its particles and what follows it in the clause) matched
//! against the verb dictionary's patterns, giving a CAMEO code and, where the pattern says,
//! which actor is the source or target.

use super::grammar::Analysis;
use crate::dict::compiled::{CItem, CPattern, TokenIds};
use crate::dict::events::{CodeSpec, VerbEntry};
use crate::dict::Dictionaries;
use crate::nlp::{Lexicon, Pos, TokenKind};
use smallvec::SmallVec;
use std::borrow::Cow;

/// How far a pattern element may be from the previous one, in words (a name counts as one).
const MAX_GAP: usize = 6;

#[derive(Debug, Clone)]
pub struct VerbCoding<'d> {
    pub code: &'d str,
    /// Verb lemma plus particles: "reach out", "call for".
    pub lemma: Cow<'d, str>,
    /// The pattern coded the reverse reading (`:B` codes): target acts on source.
    pub swapped: bool,
    pub target: Option<usize>,
    pub source: Option<usize>,
    pub pattern_weight: usize,
    /// `file:line` of the pattern that decided the code, if one did.
    pub pattern: Option<&'d str>,
    /// Last token of the verb and its particles.
    pub verb_end: usize,
}

/// Why a verb group produced no code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoCode {
    /// The verb is not in the dictionary.
    Unknown,
    /// The dictionary says this use is not an event (`---`).
    NotAnEvent,
}

/// What pattern matching needs besides the grammar: the dictionaries and the token ids.
pub struct Matcher<'a> {
    pub dict: &'a Dictionaries,
    pub analysis: &'a Analysis<'a>,
    pub ids: &'a TokenIds,
    /// The agent phrase of a passive verb ("by RSF drones"), as a token range: it names who
    /// acted, so a pattern's object words are not looked for in it.
    pub agent_phrase: std::ops::Range<usize>,
}

/// Codes verb group `g` of `analysis`.
pub fn code_verb<'d>(
    dict: &'d Dictionaries,
    analysis: &Analysis,
    ids: &TokenIds,
    g: usize,
    window_end: usize,
) -> Result<VerbCoding<'d>, NoCode> {
    let tokens = analysis.tokens;
    let group = &analysis.groups[g];
    let head = group.head;
    let norm = tokens.norm(head);
    let mut lemma = tokens.lemma(head);
    if !dict.verbs.is_known(lemma) {
        if let Some(l) = dict.verbs.lemma_of_form(norm) {
            lemma = l;
        } else if let Some(l) = Lexicon::builtin().verb_lemma(norm) {
            lemma = l;
        }
    }
    // Phrasal verbs: the particle words must follow the verb (an adverb may intervene).
    let mut chosen: SmallVec<[(&VerbEntry, usize); 4]> = SmallVec::new();
    for entry in dict.verbs.entries_for(lemma) {
        if entry.words.len() == 1 {
            chosen.push((entry, head + 1));
            continue;
        }
        if let Some(end) = match_particles(analysis, head + 1, &entry.words[1..]) {
            chosen.push((entry, end));
        }
    }
    // Prefer the phrasal reading when it matched.
    let longest = chosen.iter().map(|(e, _)| e.words.len()).max().unwrap_or(1);
    chosen.retain(|(e, _)| e.words.len() == longest);
    let Some(&(first, verb_end)) = chosen.first() else {
        return Err(NoCode::Unknown);
    };
    let matcher = Matcher {
        dict,
        analysis,
        ids,
        agent_phrase: agent_phrase(analysis, g, window_end),
    };
    let clause_start = analysis.clause_start(group.start);
    let mut best: Option<(usize, &CPattern, Option<usize>, Option<usize>)> = None;
    // A verb a group marks as no event (`---`) codes only through that group's patterns: the
    // old dictionary's groups mix senses ("control" sits with travel verbs).
    let silenced = chosen
        .iter()
        .map(|(e, _)| *e)
        .find(|e| e.explicit && matches!(e.code, CodeSpec::None));
    for (entry, after_start) in &chosen {
        if silenced.is_some_and(|s| s.group != entry.group) {
            continue;
        }
        for pattern in dict.verbs.candidates(entry.group, ids) {
            let Some((target, source)) =
                matcher.match_pattern(pattern, group.start, *after_start, clause_start, window_end)
            else {
                continue;
            };
            if best.as_ref().is_none_or(|(w, ..)| pattern.weight > *w) {
                best = Some((pattern.weight, pattern, target, source));
            }
        }
    }
    let full_lemma = match first.words.as_slice() {
        [lemma] => Cow::Borrowed(lemma.as_str()),
        words => Cow::Owned(words.join(" ")),
    };
    let origin = best.as_ref().map(|(_, p, ..)| p.origin.as_str());
    let (spec, weight, target, source) = match best {
        Some((w, p, t, s)) => (&p.code, w, t, s),
        None => {
            // No pattern: the verb's own code (an explicit `---` in a file loaded first says
            // it is no event), or any code of the verb in another group.
            let spec = if let Some(s) = silenced {
                &s.code
            } else if first.explicit {
                &first.code
            } else {
                chosen
                    .iter()
                    .map(|(e, _)| &e.code)
                    .find(|c| !matches!(c, CodeSpec::None))
                    .unwrap_or(&first.code)
            };
            (spec, 0, None, None)
        }
    };
    let (code, swapped) = match spec {
        CodeSpec::None => return Err(NoCode::NotAnEvent),
        CodeSpec::Code(c) => (c.as_str(), false),
        CodeSpec::Pair(a, _) if !a.is_empty() => (a.as_str(), false),
        CodeSpec::Pair(_, b) if !b.is_empty() => (b.as_str(), true),
        CodeSpec::Pair(..) => return Err(NoCode::NotAnEvent),
    };
    Ok(VerbCoding {
        code,
        lemma: full_lemma,
        swapped,
        target,
        source,
        pattern_weight: weight,
        pattern: origin,
        verb_end,
    })
}

/// Matches the particle words of a phrasal verb after `from`; returns the index after them.
fn match_particles(analysis: &Analysis, from: usize, words: &[String]) -> Option<usize> {
    let tokens = analysis.tokens;
    let mut j = from;
    let mut skipped = 0;
    for word in words {
        loop {
            if j >= tokens.len() {
                return None;
            }
            if tokens.norm(j) == word || tokens.lemma(j) == word {
                j += 1;
                break;
            }
            // One adverb or a short object may sit between verb and particle ("called it off").
            if skipped < 2 && matches!(tokens.tokens[j].pos, Pos::Adv | Pos::Pron) {
                skipped += 1;
                j += 1;
                continue;
            }
            return None;
        }
    }
    Some(j)
}

#[derive(Default, Clone, Copy)]
struct Slots {
    target: Option<usize>,
    source: Option<usize>,
}

impl Matcher<'_> {
    /// A pattern's match: (target mention, source mention) as the pattern placed them.
    fn match_pattern(
        &self,
        pattern: &CPattern,
        verb_start: usize,
        after_start: usize,
        clause_start: usize,
        window_end: usize,
    ) -> Option<(Option<usize>, Option<usize>)> {
        let mut slots = Slots::default();
        if !pattern.after.is_empty() {
            self.match_forward(&pattern.after, after_start, window_end, &mut slots)?;
        }
        if !pattern.before.is_empty() {
            self.match_backward(&pattern.before, verb_start, clause_start, &mut slots)?;
        }
        Some((slots.target, slots.source))
    }

    /// Matches items in order from `from`; returns the index after the last matched token.
    fn match_forward(
        &self,
        items: &[CItem],
        from: usize,
        end: usize,
        slots: &mut Slots,
    ) -> Option<usize> {
        let analysis = self.analysis;
        let mut pos = from;
        let tokens = analysis.tokens;
        for (n, item) in items.iter().enumerate() {
            let limit = end.min(gap_limit(analysis, pos, MAX_GAP));
            pos = match item {
                CItem::Word(_) | CItem::Synset(_) => {
                    // A plural pattern word met by its singular as a noun modifier is
                    // another thing: "* powers" (of the president) is not "power station".
                    let modifier = |j: usize| {
                        matches!(item, CItem::Word(ids) if !self.ids.matches(j, &ids[..1]))
                            && tokens.tokens[j].pos == Pos::Noun
                            && tokens.tokens.get(j + 1).is_some_and(|t| t.pos == Pos::Noun)
                            && items
                                .get(n + 1)
                                .is_none_or(|next| !self.item_matches(next, j + 1))
                    };
                    // Nor is the subject of a clause that follows: "said the plan was
                    // underfunded" says nothing of plans.
                    let clause_subject = |j: usize| {
                        let mut k = j + 1;
                        while k < tokens.len() && tokens.tokens[k].pos == Pos::Noun {
                            k += 1;
                        }
                        tokens.tokens[j].pos == Pos::Noun
                            && analysis
                                .group_at
                                .get(k)
                                .copied()
                                .flatten()
                                .is_some_and(|g| {
                                    let group = &analysis.groups[g];
                                    group.start == k
                                        && !group.infinitive
                                        && (!group.participle || tokens.tokens[k].pos == Pos::Aux)
                                })
                    };
                    (pos..limit).find(|&j| {
                        self.item_matches(item, j)
                            && !self.agent_phrase.contains(&j)
                            && !modifier(j)
                            && !clause_subject(j)
                    })? + 1
                }
                CItem::Phrase(words) => (pos..limit).find_map(|j| self.phrase_at(words, j))?,
                CItem::Prep(prep, inner) => (pos..limit).find_map(|j| {
                    if !self.ids.matches(j, prep) || opens_time(tokens, j) {
                        return None;
                    }
                    if inner.is_empty() {
                        return Some(j + 1);
                    }
                    let mut trial = *slots;
                    let after = self.match_forward(inner, j + 1, end, &mut trial)?;
                    *slots = trial;
                    Some(after)
                })?,
                CItem::Target | CItem::Source => {
                    let (k, after) = (pos..limit).find_map(|j| {
                        let k = analysis.mention_at[j]?;
                        let m = &analysis.mentions[k];
                        (m.start == j).then_some((k, m.end))
                    })?;
                    if matches!(item, CItem::Target) {
                        slots.target = Some(k);
                    } else {
                        slots.source = Some(k);
                    }
                    after
                }
                CItem::Skip => {
                    let start =
                        (pos..limit).find(|&j| analysis.tokens.tokens[j].pos.starts_np())?;
                    analysis.np_end(start).max(start + 1)
                }
            };
        }
        Some(pos)
    }

    /// Matches the items before the verb, nearest first, within the clause.
    fn match_backward(
        &self,
        items: &[CItem],
        verb_start: usize,
        clause_start: usize,
        slots: &mut Slots,
    ) -> Option<()> {
        let analysis = self.analysis;
        let mut pos = verb_start;
        for item in items.iter().rev() {
            let low = clause_start.max(pos.saturating_sub(MAX_GAP));
            let found = (low..pos).rev().find_map(|j| match item {
                // A word naming a backer ("the army-backed government") is not the subject.
                CItem::Word(_) | CItem::Synset(_) => (self.item_matches(item, j)
                    && !super::actors::glued_backer(analysis.tokens, j + 1))
                .then_some((j, None)),
                CItem::Phrase(words) => self.phrase_at(words, j).map(|_| (j, None)),
                CItem::Source | CItem::Target => {
                    let k = analysis.mention_at[j]?;
                    Some((analysis.mentions[k].start, Some(k)))
                }
                CItem::Prep(prep, inner) => {
                    if !self.ids.matches(j, prep) {
                        return None;
                    }
                    let mut trial = Slots::default();
                    self.match_forward(inner, j + 1, pos, &mut trial)?;
                    Some((j, trial.target.or(trial.source)))
                }
                CItem::Skip => Some((j, None)),
            })?;
            let (j, mention) = found;
            match (item, mention) {
                (CItem::Source, Some(k)) => slots.source = Some(k),
                (CItem::Target, Some(k)) => slots.target = Some(k),
                _ => {}
            }
            pos = j;
        }
        Some(())
    }

    /// Whether a word or synset item matches token `j` (by form or lemma).
    fn item_matches(&self, item: &CItem, j: usize) -> bool {
        if self.analysis.tokens.tokens[j].kind == TokenKind::Punct {
            return false;
        }
        match item {
            CItem::Word(ids) => self.ids.matches(j, ids),
            CItem::Synset(s) => self
                .dict
                .verbs
                .compiled_synsets
                .get(*s)
                .is_some_and(|synset| self.ids.in_synset(j, synset)),
            _ => false,
        }
    }

    /// A phrase (words or synsets, hyphens skipped) starting at `j`: the index after it.
    fn phrase_at(&self, items: &[CItem], j: usize) -> Option<usize> {
        let tokens = self.analysis.tokens;
        let mut k = j;
        for item in items {
            while k < tokens.len() && tokens.tokens[k].kind == TokenKind::Hyphen {
                k += 1;
            }
            if k >= tokens.len() {
                return None;
            }
            if self.item_matches(item, k) {
                k += 1;
                continue;
            }
            // Multi-word synset members.
            let CItem::Synset(s) = item else { return None };
            let synset = self.dict.verbs.compiled_synsets.get(*s)?;
            if !self.ids.may_start_phrase(k, synset) {
                return None;
            }
            let phrase = synset.phrases.iter().find(|words| {
                words
                    .iter()
                    .enumerate()
                    .all(|(o, w)| k + o < tokens.len() && self.ids.matches(k + o, w))
            })?;
            k += phrase.len();
        }
        Some(k)
    }
}

/// The "by" phrase naming the agent of passive verb group `g` ("was hit by RSF drones"):
/// from "by" to the end of the actor after it; empty for other groups.
fn agent_phrase(analysis: &Analysis, g: usize, window_end: usize) -> std::ops::Range<usize> {
    let group = &analysis.groups[g];
    if !group.passive {
        return 0..0;
    }
    let tokens = analysis.tokens;
    let by = (group.end..window_end.min(tokens.len())).find(|&j| tokens.norm(j) == "by");
    let Some(by) = by else { return 0..0 };
    let agent_end = analysis
        .mention_at
        .get(by + 1)
        .copied()
        .flatten()
        .map_or(by + 1, |k| analysis.mentions[k].end);
    by..agent_end
}

/// The preposition at `j` opens a date or a stretch of time ("on Monday", "in August", "for
/// a fourth day"): a time adjunct, not the particle of "call on" or "hit out for".
fn opens_time(tokens: &crate::nlp::Tokens, j: usize) -> bool {
    const UNITS: &[&str] = &[
        "minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week", "weeks",
        "month", "months", "year", "years", "decade", "decades",
    ];
    let n = tokens.len();
    if j + 1 >= n {
        return false;
    }
    if super::dates::names_day_or_month(tokens, j + 1) {
        return true;
    }
    // Determiners, numbers, ordinals and adjectives ("a fourth", "three more") before a unit
    // of time.
    let ordinal = |k: usize| {
        matches!(
            tokens.norm(k),
            "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "another"
                | "more"
        )
    };
    let mut k = j + 1;
    while k < n.min(j + 5)
        && (matches!(tokens.tokens[k].pos, Pos::Det | Pos::Num | Pos::Adj) || ordinal(k))
    {
        k += 1;
    }
    k < n && UNITS.contains(&tokens.norm(k))
}

/// The index `steps` words after `from`, an actor's name counting as one word ("rejected US
/// President Donald Trump's proposal" puts "proposal" three steps after the verb).
fn gap_limit(analysis: &Analysis, from: usize, steps: usize) -> usize {
    let n = analysis.tokens.len();
    let mut j = from;
    let mut taken = 0;
    while j < n && taken < steps {
        j = match analysis.mention_at[j] {
            Some(k) => analysis.mentions[k].end.max(j + 1),
            None => j + 1,
        };
        taken += 1;
    }
    j
}

//! What a document has said so far about its actors: the most recent ones for pronouns and
//! "the group"-style references, and surnames of people named in full.

use super::actors::{Anaphor, MentionSpan};
use crate::model::{ActorKind, ActorRef};
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Remembered {
    pub actor: ActorRef,
    pub person: bool,
    pub plural: bool,
    /// Sentence the mention was in.
    pub sentence: usize,
    /// It was the object of a preposition (a poorer antecedent than a subject or object).
    pub prep_object: bool,
}

/// The parties a counted noun can name: "the two leaders" people, "both countries" bodies,
/// "the two sides" either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartyNoun {
    Any,
    People,
    Bodies,
}

#[derive(Debug, Default)]
pub struct DocMemory {
    recent: Vec<Remembered>,
    /// The last parties named together as the subject of an act ("Armenia and Azerbaijan
    /// met"), for "the two sides", "both countries".
    parties: Vec<Remembered>,
    /// The last such parties that were bodies, and that were people: "Armenia and Azerbaijan
    /// signed ... Aliyev and Pashinyan shook hands ... the two countries will ...".
    body_parties: Vec<Remembered>,
    people_parties: Vec<Remembered>,
    surnames: Vec<(String, Remembered)>,
    /// The country of the last actor of each sector named with one ("Kenyan police" → COP:
    /// KEN), for a role noun named later without one.
    /// None when the last sentence naming the sector named it for two countries.
    sectors: Vec<(Arc<str>, Option<Arc<str>>)>,
    /// How often each country's actors were named (not referred back to).
    countries: Vec<(Arc<str>, u32)>,
    /// What this sentence adds to `sectors` and `countries`, counted from the next sentence
    /// on: a role noun takes no country from the actors named after it.
    pending: Vec<(Option<Arc<str>>, Arc<str>)>,
    groups: u32,
    sentence: usize,
    /// The country of the place the dateline names.
    dateline_country: Option<Arc<str>>,
}

/// How many namings of its country a dateline counts as.
const DATELINE_WEIGHT: u32 = 2;

impl DocMemory {
    /// Marks the start of the next sentence.
    pub fn next_sentence(&mut self) {
        self.sentence += 1;
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        for (sector, _) in &pending {
            if let Some(sector) = sector {
                self.sectors.retain(|(s, _)| s != sector);
            }
        }
        for (sector, country) in pending {
            if let Some(sector) = sector {
                match self.sectors.iter_mut().find(|(s, _)| *s == sector) {
                    Some((_, seen)) if seen.as_ref() != Some(&country) => *seen = None,
                    Some(_) => {}
                    None => self.sectors.push((sector, Some(country.clone()))),
                }
            }
            match self.countries.iter_mut().find(|(c, _)| *c == country) {
                Some((_, n)) => *n += 1,
                None => self.countries.push((country, 1)),
            }
        }
    }

    pub fn next_group_id(&mut self) -> u32 {
        self.groups += 1;
        self.groups * 1000
    }

    /// Records a mention (resolved ones only: an uncoded role noun is no antecedent).
    pub fn remember(&mut self, mention: &MentionSpan) {
        if mention.agent_only
            || mention.locative
            || mention.actor.kind == ActorKind::Unknown
                && mention.actor.code.is_none()
                && !mention.person
        {
            return;
        }
        // Only countries the text states count: not those referred back to or guessed.
        let stated = !mention.anaphoric && !mention.country_guessed;
        if let (Some(country), true) = (&mention.actor.country, stated) {
            self.pending
                .push((mention.actor.sector.clone(), country.clone()));
        }
        let item = Remembered {
            actor: mention.actor.clone(),
            person: mention.person,
            plural: mention.plural,
            sentence: self.sentence,
            prep_object: mention.prep_object,
        };
        if mention.person && !mention.anaphoric {
            // The surname of a full name ("Zabihullah Mujahid" → "Mujahid").
            let name = &mention.actor.name;
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() >= 2 {
                // The family name comes last, or first in Chinese and Korean names ("Xi
                // Jinping", "Kim Jong Un"): either alone may name the person later.
                for word in [words[words.len() - 1], words[0]] {
                    let surname = word.to_lowercase();
                    self.surnames.retain(|(s, _)| *s != surname);
                    self.surnames.push((surname, item.clone()));
                }
            }
        }
        self.recent.push(item);
        if self.recent.len() > 64 {
            self.recent.drain(..32);
        }
    }

    /// Records parties named together as the subject of an act.
    pub fn remember_parties(&mut self, parties: &[&MentionSpan]) {
        self.parties = parties
            .iter()
            .map(|m| Remembered {
                actor: m.actor.clone(),
                person: m.person,
                plural: m.plural,
                sentence: self.sentence,
                prep_object: false,
            })
            .collect();
        if parties.iter().all(|m| m.person) {
            self.people_parties = self.parties.clone();
        } else if parties.iter().all(|m| !m.person) {
            self.body_parties = self.parties.clone();
        }
    }

    /// The `count` parties last named together, those of the kind the party noun names if
    /// that many were: "both leaders" after "Thailand and Cambodia" are theirs.
    pub fn parties(&self, count: usize, noun: PartyNoun) -> Option<&[Remembered]> {
        let of_kind = match noun {
            PartyNoun::Any => &self.parties,
            PartyNoun::People => &self.people_parties,
            PartyNoun::Bodies => &self.body_parties,
        };
        [of_kind, &self.parties]
            .into_iter()
            .find(|parties| parties.len() == count)
            .map(Vec::as_slice)
    }

    /// The last actor of the current sentence a pronoun can refer to: in "urged Rwanda to
    /// pull its troops out", the one whose act the infinitive tells.
    pub fn resolve_in_sentence_latest(&self, anaphor: Anaphor) -> Option<Remembered> {
        self.recent
            .iter()
            .rev()
            .take_while(|r| r.sentence == self.sentence)
            .find(|r| compatible(r, anaphor))
            .cloned()
    }

    /// The actor a pronoun or definite description refers to: the nearest sentence with a
    /// compatible actor, and in it the first one (subjects come first in English), so that
    /// "Trump hammered Biden for what he calls ..." reads "he" as Trump.
    pub fn resolve(&self, anaphor: Anaphor) -> Option<Remembered> {
        let latest = self.recent.iter().rev().find(|r| compatible(r, anaphor))?;
        let in_sentence = || {
            self.recent
                .iter()
                .filter(|r| r.sentence == latest.sentence && compatible(r, anaphor))
        };
        in_sentence()
            .find(|r| !r.prep_object)
            .or_else(|| in_sentence().next())
            .cloned()
    }

    /// The country a role noun named without one belongs to: that of the last actor of the
    /// same sector ("Kenyan police ... Police arrested"), else the country the document is
    /// about, when its actors were named at least twice and twice as often as any other's.
    pub fn country_for(&self, sector: &str) -> Option<Arc<str>> {
        // Bodies (police, army, courts) are named once with their country and then without;
        // civilians and refugees are anyone's.
        let body = !matches!(sector, "CVL" | "REF");
        if let Some((_, country)) = self.sectors.iter().find(|(s, _)| body && &**s == sector) {
            return country.clone();
        }
        // The country of the dateline counts as two namings, and wins ties: the story
        // happens there, so a foreign government named as often ("the French ambassador",
        // "Paris") does not make the army of a story from Bamako French.
        let mut counts: Vec<(&Arc<str>, u32)> = self
            .countries
            .iter()
            .map(|(c, n)| (c, *n + self.dateline_bonus(c)))
            .collect();
        if let Some(d) = &self.dateline_country {
            if !counts.iter().any(|(c, _)| *c == d) {
                counts.push((d, DATELINE_WEIGHT));
            }
        }
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        match counts.as_slice() {
            [(country, n), rest @ ..]
                if *n >= 2 && rest.first().is_none_or(|(_, m)| *n >= 2 * m) =>
            {
                Some((*country).clone())
            }
            // Among countries named as often, the dateline's.
            [(_, n), ..] => self
                .dateline_country
                .clone()
                .filter(|d| counts.iter().any(|(c, m)| *c == d && m == n)),
            [] => None,
        }
    }

    /// The namings a country's being the dateline's adds to its count.
    fn dateline_bonus(&self, country: &Arc<str>) -> u32 {
        if self.dateline_country.as_ref() == Some(country) {
            DATELINE_WEIGHT
        } else {
            0
        }
    }

    /// Records the country of the place the article's dateline names ("BAMAKO, Mali").
    pub fn set_dateline_country(&mut self, country: Arc<str>) {
        self.dateline_country = Some(country);
    }

    /// An earlier person whose surname is `name` (a single word).
    pub fn surname(&self, name: &str) -> Option<Remembered> {
        if name.contains(' ') {
            return None;
        }
        let lower = name.to_lowercase();
        self.surnames
            .iter()
            .rev()
            .find(|(s, _)| *s == lower)
            .map(|(_, r)| r.clone())
    }
}

fn compatible(r: &Remembered, anaphor: Anaphor) -> bool {
    let kind = r.actor.kind;
    match anaphor {
        Anaphor::Person => r.person,
        Anaphor::Plural => {
            !r.person
                && (r.plural
                    || matches!(
                        kind,
                        ActorKind::ArmedGroup
                            | ActorKind::Organisation
                            | ActorKind::Opposition
                            | ActorKind::Military
                            | ActorKind::Government
                    ))
        }
        Anaphor::Thing => !r.person && !r.plural,
        Anaphor::Group => {
            !r.person
                && matches!(
                    kind,
                    ActorKind::ArmedGroup
                        | ActorKind::Organisation
                        | ActorKind::Opposition
                        | ActorKind::Government
                        | ActorKind::Igo
                        | ActorKind::Ngo
                )
                && r.actor.name.chars().next().is_some_and(char::is_uppercase)
        }
        Anaphor::Fighters => {
            !r.person && matches!(kind, ActorKind::ArmedGroup | ActorKind::Opposition)
        }
        Anaphor::Country => {
            kind == ActorKind::Country
                || (r.actor.country.is_some() && !r.person && kind == ActorKind::Government)
        }
        // Police, courts and legislatures are of the government kind, but "the government"
        // is the executive.
        Anaphor::Government => {
            !r.person
                && kind == ActorKind::Government
                && r.actor.sector.as_deref().is_none_or(|s| s == "GOV")
        }
        Anaphor::Military => !r.person && kind == ActorKind::Military,
        Anaphor::Junta => {
            !r.person
                && kind == ActorKind::Government
                && (r.actor.name.to_lowercase().contains("junta")
                    || r.actor.code.as_deref().is_some_and(|c| c.contains("MIL")))
        }
        Anaphor::Court => {
            !r.person
                && (r.actor.code.as_deref().is_some_and(|c| c.contains("JUD"))
                    || r.actor.name.contains("Court")
                    || r.actor.name.contains("Tribunal"))
        }
    }
}

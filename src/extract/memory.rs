//! What a document has said so far about its actors: the most recent ones for pronouns and
//! "the group"-style references, and surnames of people named in full.

use super::actors::{Anaphor, MentionSpan};
use crate::model::{ActorKind, ActorRef};

#[derive(Debug, Clone)]
pub struct Remembered {
    pub actor: ActorRef,
    pub person: bool,
    pub plural: bool,
}

#[derive(Debug, Default)]
pub struct DocMemory {
    recent: Vec<Remembered>,
    surnames: Vec<(String, Remembered)>,
    groups: u32,
}

impl DocMemory {
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
        let item = Remembered {
            actor: mention.actor.clone(),
            person: mention.person,
            plural: mention.plural,
        };
        if mention.person && !mention.anaphoric {
            // The surname of a full name ("Zabihullah Mujahid" → "Mujahid").
            let name = &mention.actor.name;
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() >= 2 {
                let surname = words[words.len() - 1].to_lowercase();
                self.surnames.retain(|(s, _)| *s != surname);
                self.surnames.push((surname, item.clone()));
            }
        }
        self.recent.push(item);
        if self.recent.len() > 64 {
            self.recent.drain(..32);
        }
    }

    /// The most recent actor compatible with a pronoun or definite description.
    pub fn resolve(&self, anaphor: Anaphor) -> Option<Remembered> {
        self.recent
            .iter()
            .rev()
            .find(|r| compatible(r, anaphor))
            .cloned()
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
        Anaphor::Country => {
            kind == ActorKind::Country
                || (r.actor.country.is_some() && !r.person && kind == ActorKind::Government)
        }
        Anaphor::Government => !r.person && matches!(kind, ActorKind::Government),
    }
}

//! Actor recognition in one sentence: dictionary names (longest match over normalised tokens),
//! role nouns combined with countries and names, unknown capitalised names, pronouns and
//! "the group"-style references resolved against the document's memory.

use super::memory::{DocMemory, PartyNoun};
use crate::dict::actors::NameKind;
use crate::dict::compiled::TokenIds;
use crate::dict::{Dictionaries, NameHit};
use crate::model::{ActorKind, ActorRef};
use crate::nlp::{Pos, TokenKind, Tokens};
use chrono::NaiveDate;
use std::sync::Arc;

/// A recognised actor mention: a token span and what it resolved to.
#[derive(Debug, Clone)]
pub struct MentionSpan {
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    pub actor: ActorRef,
    /// Followed by `'s` ("Trump's proposal").
    pub possessive: bool,
    /// A place name after "in", "at", "near": where something happened.
    pub locative: bool,
    /// Names a place (country, capital, city, region).
    pub place: bool,
    /// A role noun without a country or name ("officials").
    pub agent_only: bool,
    /// Mentions joined by "and" share a group ("Hungarian and Romanian officials").
    pub group: Option<u32>,
    pub person: bool,
    pub plural: bool,
    /// A pronoun or "the group"-style reference resolved from earlier text.
    pub anaphoric: bool,
    /// The object of a preposition ("under the Doha Agreement", "with Iran").
    pub prep_object: bool,
    /// The words name the actor (a known or unknown proper name), so they are an alias.
    pub named: bool,
    /// The country was guessed from the sentence, not stated ("civilians" after a country
    /// named before them).
    pub country_guessed: bool,
}

#[derive(Debug, Clone)]
enum AtomKind {
    Name(Vec<NameHit>),
    Agent(u16),
    Proper,
    Pronoun,
    /// "the group", "the country": a noun that refers back to an earlier actor.
    Definite(Anaphor),
    /// "his country", "their nation": the country of whoever the possessive pronoun (an
    /// anaphor of this kind) refers to.
    OwnCountry(Anaphor),
    /// "the two sides", "both countries", "the three governments": this many parties named
    /// together before.
    Parties(usize),
}

#[derive(Debug, Clone)]
struct Atom {
    start: usize,
    end: usize,
    kind: AtomKind,
}

/// Words that refer back to an earlier actor when used with "the".
const ANAPHORIC_NOUNS: &[(&str, Anaphor)] = &[
    ("group", Anaphor::Group),
    ("groups", Anaphor::Group),
    ("movement", Anaphor::Group),
    ("organisation", Anaphor::Group),
    ("organization", Anaphor::Group),
    ("militants", Anaphor::Fighters),
    ("rebels", Anaphor::Fighters),
    ("insurgents", Anaphor::Fighters),
    ("fighters", Anaphor::Fighters),
    ("militia", Anaphor::Fighters),
    ("country", Anaphor::Country),
    ("nation", Anaphor::Country),
    ("kingdom", Anaphor::Country),
    ("republic", Anaphor::Country),
    ("government", Anaphor::Government),
    ("administration", Anaphor::Government),
    ("regime", Anaphor::Government),
    ("junta", Anaphor::Junta),
    ("authorities", Anaphor::Government),
    ("spokesman", Anaphor::Person),
    ("spokeswoman", Anaphor::Person),
    ("spokesperson", Anaphor::Person),
    ("minister", Anaphor::Person),
    ("president", Anaphor::Person),
    ("leader", Anaphor::Person),
    ("official", Anaphor::Person),
    ("envoy", Anaphor::Person),
    ("premier", Anaphor::Person),
    ("army", Anaphor::Military),
    ("military", Anaphor::Military),
    ("court", Anaphor::Court),
    ("tribunal", Anaphor::Court),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anaphor {
    Person,
    Plural,
    Thing,
    Group,
    /// "the rebels", "the militants": an armed group or armed opposition.
    Fighters,
    Country,
    Government,
    /// "the court", "the tribunal": a court named before.
    Court,
    /// "the army", "the military": armed forces named before.
    Military,
    /// "the junta": a military government named before.
    Junta,
}

/// Recognises actors in sentences of one document, in order.
pub struct ActorRecognizer<'d> {
    dict: &'d Dictionaries,
    date: NaiveDate,
}

impl<'d> ActorRecognizer<'d> {
    pub fn new(dict: &'d Dictionaries, date: NaiveDate) -> Self {
        ActorRecognizer { dict, date }
    }

    /// All actor mentions of a sentence, sorted by position; updates the document memory.
    pub fn recognize(
        &self,
        text: &str,
        tokens: &Tokens,
        token_ids: &TokenIds,
        memory: &mut DocMemory,
    ) -> Vec<MentionSpan> {
        memory.next_sentence();
        let atoms = self.atoms(tokens, token_ids);
        let mut mentions = self.compose(text, tokens, &atoms, memory);
        // "in Nairobi and Kampala": a place joined to a locative place is one too.
        for k in 1..mentions.len() {
            if mentions[k].place
                && mentions[k - 1].locative
                && coordinated_by(tokens, mentions[k - 1].end..mentions[k].start)
            {
                mentions[k].locative = true;
            }
        }
        let before: Vec<bool> = mentions.iter().map(|m| m.agent_only).collect();
        let uncoded: Vec<bool> = mentions.iter().map(|m| m.actor.code.is_none()).collect();
        self.attach_of_and_in(text, tokens, &mut mentions);
        self.resolve_agents_from_sentence(tokens, &mut mentions);
        self.resolve_agents_from_document(tokens, &mut mentions, memory);
        apposed_roles(tokens, &mut mentions);
        for ((m, was_agent_only), was_uncoded) in mentions.iter().zip(before).zip(uncoded) {
            if (was_agent_only && !m.agent_only) || (was_uncoded && m.actor.code.is_some()) {
                memory.remember(m);
            }
        }
        mentions
    }

    /// Dictionary names, role nouns, unknown proper names and pronouns.
    fn atoms(&self, tokens: &Tokens, token_ids: &TokenIds) -> Vec<Atom> {
        let n = tokens.len();
        let headline = title_case(tokens);
        // The key sequence skips joining hyphens: "al-Qaeda" = "al Qaeda".
        let mut seq: Vec<usize> = Vec::with_capacity(n);
        seq.extend((0..n).filter(|&i| tokens.tokens[i].kind != TokenKind::Hyphen));
        let ids: Vec<Option<u32>> = seq
            .iter()
            .map(|&i| match tokens.tokens[i].kind {
                TokenKind::Punct => None,
                _ => token_ids.form(i),
            })
            .collect();
        let mut atoms = Vec::new();
        let mut p = 0;
        while p < seq.len() {
            let i = seq[p];
            let token = &tokens.tokens[i];
            if token.kind != TokenKind::Word && token.kind != TokenKind::Number {
                p += 1;
                continue;
            }
            if let Some(count) = counted_parties(tokens, i) {
                // "the three European countries": the adjective qualifies the parties.
                if atoms
                    .last()
                    .is_some_and(|a: &Atom| a.end == i && i >= 2 && a.start >= i - 1)
                {
                    atoms.pop();
                }
                atoms.push(Atom {
                    start: i,
                    end: i + 1,
                    kind: AtomKind::Parties(count),
                });
                p += 1;
                continue;
            }
            let name = self
                .dict
                .names
                .matches_at(&ids[p..])
                .into_iter()
                .find_map(|m| {
                    let hits: Vec<NameHit> = m
                        .values
                        .iter()
                        .filter(|h| !h.needs_cap || token.cap)
                        .copied()
                        .collect();
                    (!hits.is_empty() && !self.blocked_name(tokens, i, m.len))
                        .then_some((m.len, hits))
                });
            // Right after a country or organisation name a role noun is a noun, whatever the
            // tagger guessed ("Ivory Coast rebels", "US forces").
            let after_name = atoms
                .last()
                .is_some_and(|a: &Atom| a.end == i && matches!(a.kind, AtomKind::Name(_)));
            let agent = self
                .dict
                .agents
                .matches_at(&ids[p..])
                .into_iter()
                .find(|m| after_name || self.agent_ok(tokens, &seq[p..p + m.len]))
                .map(|m| (m.len, m.values[0]));
            let chosen = match (name, agent) {
                (Some((nl, hits)), Some((al, role))) => {
                    if al > nl {
                        Some((al, AtomKind::Agent(role)))
                    } else {
                        Some((nl, AtomKind::Name(hits)))
                    }
                }
                (Some((nl, hits)), None) => Some((nl, AtomKind::Name(hits))),
                (None, Some((al, role))) => Some((al, AtomKind::Agent(role))),
                (None, None) => None,
            };
            if let Some((len, kind)) = chosen {
                let end = seq[p + len - 1] + 1;
                // "the Doha Agreement", "the Geneva Conventions": a place naming a thing.
                let names_a_thing = matches!(kind, AtomKind::Name(_))
                    && tokens.tokens.get(end).is_some_and(|t| {
                        t.cap && NON_ACTOR_HEADS.contains(&tokens.norm(end).trim_end_matches('s'))
                    });
                // "the Russian language": a nationality adjective naming a language.
                let names_a_language = matches!(&kind, AtomKind::Name(hits)
                        if hits.iter().all(|h| h.kind == NameKind::Adjective))
                    && end < tokens.len()
                    && matches!(tokens.norm(end), "language" | "languages");
                if !names_a_thing && !names_a_language {
                    atoms.push(Atom {
                        start: i,
                        end,
                        kind,
                    });
                }
                p += len;
                continue;
            }
            // "the group", "the country": a definite description that refers back.
            let after_the = i > 0 && tokens.norm(i - 1) == "the";
            let definite_anaphor = after_the
                .then(|| ANAPHORIC_NOUNS.iter().find(|(w, _)| *w == tokens.norm(i)))
                .flatten()
                .map(|(_, a)| *a)
                .filter(|_| {
                    after_the
                        && !matches!(
                            tokens.tokens.get(i + 1).map(|t| t.pos),
                            Some(Pos::Noun | Pos::Proper)
                        )
                        && !matches!(
                            tokens.tokens.get(i + 1).map(|_| tokens.norm(i + 1)),
                            Some("of" | "in" | "from" | "for")
                        )
                });
            let own_country = i > 0
                && tokens.tokens[i - 1].pos == Pos::PossPron
                && matches!(tokens.norm(i), "country" | "nation")
                && !matches!(
                    tokens.tokens.get(i + 1).map(|t| t.pos),
                    Some(Pos::Noun | Pos::Proper)
                );
            if let Some(owner) = own_country
                .then(|| pronoun_anaphor(tokens.norm(i - 1)))
                .flatten()
            {
                atoms.push(Atom {
                    start: i - 1,
                    end: i + 1,
                    kind: AtomKind::OwnCountry(owner),
                });
                p += 1;
                continue;
            }
            if let Some(anaphor) = definite_anaphor {
                if !self.dict.agents.has_match_at(&ids[p..]) {
                    atoms.push(Atom {
                        start: i,
                        end: i + 1,
                        kind: AtomKind::Definite(anaphor),
                    });
                    p += 1;
                    continue;
                }
            }
            if token.pos == Pos::Pron
                && pronoun_anaphor(tokens.norm(i)).is_some()
                && !expletive_it(tokens, i)
            {
                atoms.push(Atom {
                    start: i,
                    end: i + 1,
                    kind: AtomKind::Pronoun,
                });
                p += 1;
                continue;
            }
            // "Western Cambodia", "southern Lebanon": a compass word before a known name
            // qualifies it; the name is matched on its own.
            if COMPASS_WORDS.contains(&tokens.norm(i))
                && p + 1 < seq.len()
                && self.dict.names.has_match_at(&ids[p + 1..])
            {
                p += 1;
                continue;
            }
            if let Some(end) = proper_run(tokens, i) {
                // "Free Trade Agreement", "Geneva Convention": names of things, not actors.
                // In a headline every word is capitalised: unknown words there are no names.
                let thing = NON_ACTOR_HEADS.contains(&tokens.norm(end - 1));
                // "the Adre crossing", "the Torkham and Chaman border crossings": an unknown
                // name between a determiner and a common noun modifies the noun.
                let agent_at = |k: usize| {
                    seq.binary_search(&k)
                        .is_ok_and(|q| self.dict.agents.has_match_at(&ids[q..]))
                };
                let modifier = names_a_modifier(tokens, i, end, agent_at);
                if !thing && !headline && !modifier {
                    atoms.push(Atom {
                        start: i,
                        end,
                        kind: AtomKind::Proper,
                    });
                }
                while p < seq.len() && seq[p] < end {
                    p += 1;
                }
                continue;
            }
            p += 1;
        }
        atoms
    }

    /// Name matches that are really something else: a month name longer than three letters
    /// ("June", "August") is never an actor ("May" can be a surname).
    fn blocked_name(&self, tokens: &Tokens, i: usize, len: usize) -> bool {
        let norm = tokens.norm(i);
        len == 1 && crate::nlp::month_number(norm).is_some() && norm.len() > 3
    }

    /// Role nouns match in any case, but a lowercase match of a capitalised name part is
    /// rejected only when it is a verb here ("forces" the verb is not troops).
    fn agent_ok(&self, tokens: &Tokens, span: &[usize]) -> bool {
        // A phrase of several words is a role noun whatever the tagger guessed ("security
        // forces"); a single word must not be a verb here ("Russia forces Ukraine").
        if span.len() > 1 {
            return true;
        }
        let last = *span.last().unwrap_or(&0);
        let t = &tokens.tokens[last];
        // "the international community" is the world's states at large: no one's civilians.
        let world_at_large = tokens.norm(last) == "community"
            && last > 0
            && matches!(tokens.norm(last - 1), "international" | "world" | "global");
        !matches!(t.pos, Pos::Verb | Pos::Aux | Pos::Modal) && !world_at_large
    }

    /// Groups adjacent atoms into mentions and resolves each.
    fn compose(
        &self,
        text: &str,
        tokens: &Tokens,
        atoms: &[Atom],
        memory: &mut DocMemory,
    ) -> Vec<MentionSpan> {
        let mut mentions = Vec::new();
        let mut a = 0;
        let mut next_group = memory.next_group_id();
        while a < atoms.len() {
            // A chain: atoms separated only by glue (adjectives, determiners, 's).
            let mut b = a + 1;
            while b < atoms.len() && glued(tokens, &atoms[b - 1], &atoms[b]) {
                let alone = |k: &AtomKind| {
                    matches!(
                        k,
                        AtomKind::Pronoun
                            | AtomKind::Definite(_)
                            | AtomKind::OwnCountry(_)
                            | AtomKind::Parties(_)
                    )
                };
                if alone(&atoms[b - 1].kind) || alone(&atoms[b].kind) {
                    break;
                }
                b += 1;
            }
            // "the two sides": a mention of each party named together before, over the same
            // words and joined as one group.
            if let AtomKind::Parties(count) = atoms[a].kind {
                let atom = &atoms[a];
                let noun = party_noun(tokens.norm(atom.end - 1));
                let parties = memory
                    .parties(count, noun)
                    .map(<[_]>::to_vec)
                    .unwrap_or_default();
                let group = next_group;
                next_group += 1;
                for party in parties {
                    let Some(mut m) =
                        self.resolve_chain(text, tokens, std::slice::from_ref(atom), memory)
                    else {
                        break;
                    };
                    refer_to(&mut m, party.actor);
                    m.person = party.person;
                    m.anaphoric = true;
                    m.plural = true;
                    m.group = Some(group);
                    mentions.push(m);
                }
                a += 1;
                continue;
            }
            // "Hungarian and Romanian officials": adjectives coordinated before a role noun.
            if let Some((members, end)) = self.coordinated_modifiers(tokens, atoms, a) {
                let group = next_group;
                next_group += 1;
                let head = &atoms[end - 1];
                for &member in &members {
                    let chain = [atoms[member].clone(), head.clone()];
                    if let Some(mut m) = self.resolve_chain(text, tokens, &chain, memory) {
                        m.start = atoms[member].start;
                        m.end = if member == members[members.len() - 1] {
                            head.end
                        } else {
                            atoms[member].end
                        };
                        m.actor.text =
                            text[tokens.tokens[m.start].start..tokens.tokens[m.end - 1].end].into();
                        m.actor.start = tokens.tokens[m.start].start;
                        m.actor.end = tokens.tokens[m.end - 1].end;
                        m.group = Some(group);
                        m.plural = true;
                        memory.remember(&m);
                        mentions.push(m);
                    }
                }
                a = end;
                continue;
            }
            // Split after a possessive unless a role noun heads what follows ("Russia's UN
            // ambassador" is one actor; "Trump's proposal" ends at Trump).
            let mut end = b;
            for k in a..b - 1 {
                let poss = tokens
                    .tokens
                    .get(atoms[k].end)
                    .is_some_and(|t| t.kind == TokenKind::Possessive);
                let head_is_agent = matches!(atoms[b - 1].kind, AtomKind::Agent(_));
                if poss && !head_is_agent {
                    end = k + 1;
                    break;
                }
            }
            let resolved = speakers_pronoun(text, tokens, &atoms[a..end], mentions.last())
                .or_else(|| self.resolve_chain(text, tokens, &atoms[a..end], memory));
            if let Some(m) = resolved {
                // A role noun alone right before a noun is a modifier, not an actor: "military
                // aid", "a naval blockade", "police station".
                let modifier = m.agent_only
                    && tokens.tokens.get(m.end).is_some_and(|t| t.pos == Pos::Noun)
                    && atoms.get(end).is_none_or(|next| next.start != m.end);
                if !modifier {
                    memory.remember(&m);
                    mentions.push(m);
                }
            }
            a = end;
        }
        mentions
    }

    /// Indices of coordinated country adjectives and the end of the chain, when atoms[a..]
    /// reads ADJ (, ADJ)* and ADJ ROLE.
    fn coordinated_modifiers(
        &self,
        tokens: &Tokens,
        atoms: &[Atom],
        a: usize,
    ) -> Option<(Vec<usize>, usize)> {
        let is_adj = |atom: &Atom| matches!(&atom.kind, AtomKind::Name(hits) if hits.iter().any(|h| matches!(h.kind, NameKind::Adjective | NameKind::Country)));
        if !is_adj(&atoms[a]) {
            return None;
        }
        let mut members = vec![a];
        let mut k = a;
        loop {
            let next = k + 1;
            if next >= atoms.len() {
                return None;
            }
            if is_adj(&atoms[next]) && coordinated_by(tokens, atoms[k].end..atoms[next].start) {
                members.push(next);
                k = next;
                continue;
            }
            break;
        }
        if members.len() < 2 {
            return None;
        }
        let last = *members.last()?;
        let head = last + 1;
        if head < atoms.len()
            && matches!(atoms[head].kind, AtomKind::Agent(_))
            && glued(tokens, &atoms[last], &atoms[head])
        {
            return Some((members, head + 1));
        }
        None
    }

    /// Resolves a chain of atoms to one mention.
    fn resolve_chain(
        &self,
        text: &str,
        tokens: &Tokens,
        chain: &[Atom],
        memory: &mut DocMemory,
    ) -> Option<MentionSpan> {
        let mut mention = self.resolve_chain_inner(text, tokens, chain, memory)?;
        // "the Defence Ministry", "the Sovereignty Council": a role noun that names an
        // institution is no person, so "it" can refer to it.
        let last = chain.last()?;
        if mention.person
            && !mention.anaphoric
            && matches!(last.kind, AtomKind::Agent(_))
            && ORGANISATION_WORDS.contains(&tokens.norm(last.end - 1))
        {
            mention.person = false;
        }
        Some(mention)
    }

    fn resolve_chain_inner(
        &self,
        text: &str,
        tokens: &Tokens,
        chain: &[Atom],
        memory: &mut DocMemory,
    ) -> Option<MentionSpan> {
        let first = chain.first()?;
        let last = chain.last()?;
        let (start, end) = (first.start, last.end);
        let span_text: Arc<str> =
            text[tokens.tokens[start].start..tokens.tokens[end - 1].end].into();
        let possessive = tokens
            .tokens
            .get(end)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        // A capital marks a name ("Hamas", "the Philippines"), except on a role noun that
        // opens the sentence ("Soldiers seized power").
        let opens_sentence = end == start + 1
            && matches!(last.kind, AtomKind::Agent(_))
            && (start == 0 || tokens.tokens[start - 1].kind == TokenKind::Punct);
        let plural =
            tokens.norm(end - 1).ends_with('s') && (!tokens.tokens[end - 1].cap || opens_sentence);
        let mut mention = MentionSpan {
            start,
            end,
            actor: ActorRef {
                text: span_text.clone(),
                name: span_text.clone(),
                code: None,
                country: None,
                sector: None,
                kind: ActorKind::Unknown,
                start: tokens.tokens[start].start,
                end: tokens.tokens[end - 1].end,
            },
            possessive,
            locative: false,
            place: false,
            agent_only: false,
            group: None,
            person: false,
            plural,
            anaphoric: false,
            prep_object: preceded_by_preposition(tokens, start),
            named: chain
                .iter()
                .any(|a| matches!(a.kind, AtomKind::Name(_) | AtomKind::Proper)),
            country_guessed: false,
        };
        if let AtomKind::Parties(_) = last.kind {
            return Some(mention);
        }
        if let AtomKind::OwnCountry(owner) = last.kind {
            let country = memory.resolve(owner)?.actor.country?;
            self.fill_code(&mut mention, &country);
            mention.actor.name = self.dict.country_name(&country);
            mention.place = true;
            mention.locative = preceded_by_locative(tokens, start);
            mention.anaphoric = true;
            return Some(mention);
        }
        if let AtomKind::Pronoun | AtomKind::Definite(_) = last.kind {
            let anaphor = match last.kind {
                AtomKind::Definite(a) => a,
                _ => pronoun_anaphor(tokens.norm(start))?,
            };
            let found = memory.resolve(anaphor)?;
            refer_to(&mut mention, found.actor);
            mention.person = found.person;
            mention.plural = found.plural;
            mention.anaphoric = true;
            return Some(mention);
        }
        // "Syrian-backed Amal militia" is Amal's: a name glued to "-backed", "-led" ... says
        // who stands behind, not who it is.
        let backer = |a: &Atom| glued_backer(tokens, a.end);
        // The first role noun gives the sector ("rebel leaders" → REB), unless it names the
        // backer ("the army-backed government" is a government).
        let role = chain
            .iter()
            .filter(|a| !backer(a))
            .chain(chain.iter())
            .find_map(|a| match a.kind {
                AtomKind::Agent(r) => Some(r),
                _ => None,
            });
        let head_is_agent = matches!(last.kind, AtomKind::Agent(_));
        let named = |skip_backers: bool| {
            chain.iter().find_map(|a| match &a.kind {
                AtomKind::Name(hits) if !(skip_backers && backer(a)) => Some(self.pick_hit(hits)),
                _ => None,
            })
        };
        let base = named(true).or_else(|| named(false));
        let head_name = match &last.kind {
            AtomKind::Name(hits) => Some(self.pick_hit(hits)),
            _ => None,
        };
        let unknown_head = matches!(last.kind, AtomKind::Proper);
        // The words of an unknown name at the head.
        let head_text =
            || text[tokens.tokens[last.start].start..tokens.tokens[last.end - 1].end].to_string();
        if let Some(hit) = head_name {
            // The head is a known name: it decides, whatever titles precede it.
            self.fill_from_hit(
                &mut mention,
                hit,
                role.filter(|_| hit.kind == NameKind::Country),
            );
            mention.place = matches!(
                hit.kind,
                NameKind::Place | NameKind::Capital | NameKind::Country
            );
            // "in the Kremlin", "at the White House", "talks at the United Nations": a seat of
            // government, or any institution after "at", names where.
            mention.locative = (mention.place || matches!(hit.kind, NameKind::Seat(_)))
                && preceded_by_locative(tokens, start)
                || preceded_by_at(tokens, start);
            if matches!(hit.kind, NameKind::Adjective) && !possessive {
                mention.plural = span_text.ends_with('s');
            }
            // "U.N. mediator Diego Cordovez", "EU envoy Miroslav Lajcak": a person titled
            // with an international organisation acts for it.
            if mention.person
                && !mention
                    .actor
                    .code
                    .as_deref()
                    .is_some_and(|c| c.starts_with("IGO"))
            {
                let igo = chain[..chain.len() - 1].iter().find_map(|a| match &a.kind {
                    AtomKind::Name(hits) => {
                        let hit = self.pick_hit(hits);
                        let entry = &self.dict.entries[hit.entry as usize];
                        self.dict
                            .entry_code(entry, self.date)
                            .filter(|c| c.starts_with("IGO"))
                    }
                    _ => None,
                });
                if let Some(code) = igo.filter(|_| role.is_some()) {
                    self.fill_code(&mut mention, &code);
                }
            }
            return Some(mention);
        }
        if head_is_agent || unknown_head {
            let role_code = role.map(|r| self.dict.roles[r as usize].clone());
            if let Some(hit) = base {
                let entry = &self.dict.entries[hit.entry as usize];
                let code = match hit.kind {
                    NameKind::Name => self.dict.entry_code(entry, self.date),
                    NameKind::Seat(r) => Some(format!(
                        "{}{}",
                        entry.iso3.clone().unwrap_or_default(),
                        self.dict.roles[r as usize]
                    )),
                    _ => entry
                        .iso3
                        .clone()
                        .map(|c| format!("{c}{}", role_code.clone().unwrap_or_default())),
                };
                if let Some(code) = code {
                    self.fill_code(&mut mention, &code);
                    mention.actor.name = if unknown_head {
                        head_text().into()
                    } else {
                        entry.name.clone()
                    };
                    // "Pakistan's military" is a body, "Pakistan's president" a person.
                    mention.person = unknown_head
                        || (role.is_some()
                            && !plural
                            && !ORGANISATION_WORDS.contains(&tokens.norm(last.end - 1)));
                    // "the Nigerian Union of Teachers" is an organisation of its country.
                    if unknown_head && organisation_name(tokens, last) {
                        mention.person = false;
                        mention.actor.kind = ActorKind::Organisation;
                    }
                    return Some(mention);
                }
            }
            if unknown_head {
                let name = head_text();
                if let Some(found) = memory.surname(&name) {
                    refer_to(&mut mention, found.actor);
                    mention.person = true;
                    return Some(mention);
                }
                // "Ethopia has agreed ...": a country name with a typing slip.
                if let Some(entry) = self
                    .dict
                    .misspelled_country(&name)
                    .filter(|_| role_code.is_none() && chain.len() == 1)
                {
                    let hit = NameHit {
                        entry,
                        kind: NameKind::Country,
                        needs_cap: true,
                    };
                    self.fill_from_hit(&mut mention, hit, None);
                    mention.place = true;
                    mention.locative = preceded_by_locative(tokens, start);
                    return Some(mention);
                }
                mention.actor.name = name.as_str().into();
                if let Some(r) = &role_code {
                    mention.actor.sector = Some(r.as_str().into());
                    mention.actor.kind = self
                        .dict
                        .role_kind(r.get(..3).unwrap_or(r))
                        .unwrap_or(ActorKind::Person);
                    mention.person = true;
                } else {
                    mention.actor.kind = classify_unknown(&name, tokens, start, last);
                    mention.person = mention.actor.kind == ActorKind::Person;
                }
                return Some(mention);
            }
            // A role noun alone: maybe "the militants" referring back, else uncoded.
            let r = role?;
            let role_code = self.dict.roles[r as usize].clone();
            let head_norm = tokens.norm(end - 1);
            // "the president" refers back; "the president of Armenia" does not.
            let qualified = matches!(
                tokens.tokens.get(end).map(|_| tokens.norm(end)),
                Some("of" | "in" | "from" | "for")
            );
            let definite = chain.len() == 1 && !qualified && definite_before(tokens, start);
            if definite {
                if let Some(anaphor) = ANAPHORIC_NOUNS
                    .iter()
                    .find(|(w, _)| *w == head_norm)
                    .map(|(_, a)| *a)
                {
                    if let Some(found) = memory.resolve(anaphor) {
                        refer_to(&mut mention, found.actor);
                        mention.person = found.person;
                        mention.anaphoric = true;
                        return Some(mention);
                    }
                }
            }
            // "its troops", "their forces": the role noun belongs to whoever the pronoun
            // stands for (a country's troops, or the organisation's own).
            let owner = (start > 0 && tokens.tokens[start - 1].pos == Pos::PossPron)
                .then(|| pronoun_anaphor(tokens.norm(start - 1)))
                .flatten()
                .and_then(|a| {
                    // The object of an infinitive ("urged Rwanda to pull its troops out") is
                    // owned by the infinitive's subject, the last actor before it.
                    let infinitive_object = start >= 3
                        && tokens.norm(start - 3) == "to"
                        && tokens.tokens[start - 2].pos == Pos::Verb;
                    infinitive_object
                        .then(|| memory.resolve_in_sentence_latest(a))
                        .flatten()
                        .or_else(|| memory.resolve(a))
                });
            if let Some(found) = owner {
                // A rebel leader's or an armed group's forces are the group itself: "his
                // forces would not withdraw", said of the RSF's commander.
                let non_state = matches!(
                    found.actor.kind,
                    ActorKind::ArmedGroup | ActorKind::Opposition
                ) || found
                    .actor
                    .code
                    .as_deref()
                    .is_some_and(|c| c.ends_with("REB") || c.ends_with("INS"));
                if non_state && matches!(role_code.as_str(), "MIL" | "REB") {
                    refer_to(&mut mention, found.actor);
                    mention.anaphoric = true;
                    return Some(mention);
                }
                match (&found.actor.country, &found.actor.code) {
                    (Some(country), _) => {
                        let code = format!("{country}{role_code}");
                        self.fill_code(&mut mention, &code);
                        mention.actor.name = self.dict.country_name(country);
                        mention.person = false;
                        // The country is referred back to, not stated: it does not make the
                        // country of the role nouns that follow.
                        mention.anaphoric = true;
                        return Some(mention);
                    }
                    (None, Some(_)) => {
                        refer_to(&mut mention, found.actor);
                        mention.anaphoric = true;
                        return Some(mention);
                    }
                    _ => {}
                }
            }
            mention.agent_only = true;
            mention.actor.name = head_norm.into();
            mention.actor.sector = Some(role_code.as_str().into());
            mention.actor.kind = self
                .dict
                .role_kind(role_code.get(..3).unwrap_or(&role_code))
                .unwrap_or(ActorKind::Unknown);
            mention.person = !plural
                && !ORGANISATION_WORDS.contains(&head_norm)
                && matches!(
                    mention.actor.kind,
                    ActorKind::Government | ActorKind::Military | ActorKind::Person
                );
            return Some(mention);
        }
        None
    }

    /// Among several entries for one name: a named actor whose code is valid on the document
    /// date, else a country name, capital or place, else the first entry.
    fn pick_hit(&self, hits: &[NameHit]) -> NameHit {
        let valid_name = hits.iter().copied().find(|h| {
            h.kind == NameKind::Name
                && self.dict.entries[h.entry as usize]
                    .code_on(self.date)
                    .is_some()
        });
        valid_name
            .or_else(|| hits.iter().copied().find(|h| h.kind != NameKind::Name))
            .unwrap_or(hits[0])
    }

    fn fill_from_hit(&self, mention: &mut MentionSpan, hit: NameHit, role: Option<u16>) {
        let entry = &self.dict.entries[hit.entry as usize];
        let iso3 = entry.iso3.clone().unwrap_or_default();
        let code = match hit.kind {
            NameKind::Name => self.dict.entry_code(entry, self.date),
            NameKind::Country => Some(match role {
                Some(r) => format!("{iso3}{}", self.dict.roles[r as usize]),
                None => iso3.clone(),
            }),
            NameKind::Adjective | NameKind::Place => Some(iso3.clone()),
            NameKind::Capital => Some(format!("{iso3}GOV")),
            NameKind::Seat(r) => Some(format!("{iso3}{}", self.dict.roles[r as usize])),
        };
        mention.actor.name = entry.name.clone();
        if let Some(code) = code {
            self.fill_code(mention, &code);
        }
        if entry.person {
            mention.person = true;
        }
        // `kind: person` marks an individual; any other kind overrides the code's when the
        // entry itself is named (Tehran stands for Iran's government, not the country).
        if let Some(kind) = entry.kind.filter(|k| *k != ActorKind::Person) {
            if hit.kind == NameKind::Name || mention.actor.sector.is_none() {
                mention.actor.kind = kind;
            }
        }
    }

    fn fill_code(&self, mention: &mut MentionSpan, code: &str) {
        let info = self.dict.code_info(code);
        mention.actor.code = Some(code.into());
        mention.actor.country = info.country;
        mention.actor.sector = info.sector;
        mention.actor.kind = info.kind;
    }

    /// "the president of Afghanistan", "demonstrators in Baghdad": a role noun alone takes the
    /// country of the place or actor that follows, and each later country of a list after
    /// "of" gets such a role of its own ("the leaders of Germany and France"). "Fighters
    /// linked to al-Qaeda" are the armed group's own; "a spokesman for the army" is the army.
    fn attach_of_and_in(&self, text: &str, tokens: &Tokens, mentions: &mut [MentionSpan]) {
        for k in 0..mentions.len().saturating_sub(1) {
            if !mentions[k].agent_only {
                continue;
            }
            let next = &mentions[k + 1];
            let gap = mentions[k].end..next.start;
            // "fighters linked to al-Qaeda", "militants loyal to the group": its affiliates.
            let affiliated = (2..=3).contains(&gap.len())
                && matches!(
                    tokens.norm(gap.start),
                    "linked" | "loyal" | "affiliated" | "allied" | "aligned"
                )
                && matches!(tokens.norm(gap.start + 1), "to" | "with")
                && (gap.len() == 2 || tokens.tokens[gap.start + 2].pos == Pos::Det);
            if affiliated
                && next.actor.kind == ActorKind::ArmedGroup
                && next.actor.code.is_some()
                && matches!(mentions[k].actor.kind, ActorKind::ArmedGroup)
            {
                let group = next.actor.clone();
                let m = &mut mentions[k];
                refer_to(m, group);
                m.agent_only = false;
                continue;
            }
            let first = (!gap.is_empty()).then(|| tokens.norm(gap.start));
            let linking = matches!(first, Some("of" | "in" | "from" | "for"))
                && gap.len() <= 4
                && (mentions[k].end + 1..next.start).all(|i| {
                    matches!(tokens.tokens[i].pos, Pos::Det | Pos::Num | Pos::Adj)
                        || tokens.tokens[i].kind == TokenKind::Number
                });
            if !linking {
                continue;
            }
            // "a spokesman for the army" speaks for it: he is coded as the army, or takes its
            // sector when the army is yet to be resolved.
            if SPOKESPERSON_NOUNS.contains(&tokens.norm(mentions[k].end - 1)) {
                let body = next.actor.clone();
                let body_unresolved = next.agent_only;
                let m = &mut mentions[k];
                if body_unresolved {
                    m.actor.sector = body.sector;
                    m.actor.kind = body.kind;
                } else {
                    refer_to(m, body);
                    m.agent_only = false;
                }
                continue;
            }
            let Some(country) = next.actor.country.clone() else {
                if first == Some("of") && next.actor.code.is_some() && !next.place {
                    // "leaders of Hamas" → the organisation itself.
                    let (code, name) = (next.actor.code.clone(), next.actor.name.clone());
                    let info = self.dict.code_info(code.as_deref().unwrap_or(""));
                    let m = &mut mentions[k];
                    m.actor.code = code;
                    m.actor.name = name;
                    m.actor.country = info.country;
                    m.actor.kind = info.kind;
                    m.agent_only = false;
                }
                continue;
            };
            let m = &mut mentions[k];
            self.dict.code_in_country(&mut m.actor, &country);
            m.actor.name = self.dict.country_name(&country);
            m.agent_only = false;
            // "the leaders of Germany and France": each country listed has such leaders, and
            // the later ones stand for theirs.
            if first == Some("of") {
                let sector = mentions[k].actor.sector.clone();
                let mut last = k + 1;
                while let Some(next) = mentions.get(last + 1) {
                    let gap: Vec<&str> = (mentions[last].end..next.start)
                        .map(|i| tokens.norm(i))
                        .collect();
                    let joined = matches!(gap.as_slice(), ["and"] | [","] | [",", "and"]);
                    let Some(country) = next.actor.country.clone() else {
                        break;
                    };
                    if !joined || !next.place || next.locative || next.possessive {
                        break;
                    }
                    let listed = &mut mentions[last + 1];
                    listed.actor.sector = sector.clone();
                    self.dict.code_in_country(&mut listed.actor, &country);
                    listed.place = false;
                    last += 1;
                }
            }
        }
        let _ = text;
    }

    /// A role noun the sentence left alone takes the country of an earlier actor of its sector
    /// in the document, or of the country the document is about ([`DocMemory::country_for`]):
    /// "Police arrested more than 200 people" in a story about Kenya.
    fn resolve_agents_from_document(
        &self,
        tokens: &Tokens,
        mentions: &mut [MentionSpan],
        memory: &DocMemory,
    ) {
        for m in mentions.iter_mut() {
            if !m.agent_only || counted(tokens, m) {
                continue;
            }
            let Some(sector) = m.actor.sector.clone() else {
                continue;
            };
            let Some(country) = memory.country_for(&sector) else {
                continue;
            };
            self.dict.code_in_country(&mut m.actor, &country);
            m.actor.name = self.dict.country_name(&country);
            m.country_guessed = true;
            m.agent_only = false;
        }
    }

    /// A role noun still alone takes the country of an earlier actor of the same sentence, or
    /// failing that the country of the place where things happen ("Police arrested twelve
    /// activists in Nairobi": Kenyan police and activists).
    fn resolve_agents_from_sentence(&self, tokens: &Tokens, mentions: &mut [MentionSpan]) {
        // Places in two countries leave it open; with no place, a sentence about one
        // country only ("Judge Alejandro Rivera charged 28 Chilean officials") gives that one.
        fn single(mut iter: impl Iterator<Item = Arc<str>>) -> Option<Arc<str>> {
            let first = iter.next();
            first.filter(|c| iter.all(|other| other == *c))
        }
        let place_country = single(
            mentions
                .iter()
                .filter(|m| m.locative)
                .filter_map(|m| m.actor.country.clone()),
        );
        // Destinations do not count: "the minister went to Moscow" is likely no Russian. Nor
        // do neighbours: "strikes near the border with Burkina Faso" were not Burkinabe.
        let destination = |m: &MentionSpan| {
            let j = super::grammar::modifiers_start(tokens, m.start);
            let neighbour = j > 1
                && tokens.norm(j - 1) == "with"
                && matches!(tokens.norm(j - 2), "border" | "borders" | "frontier");
            neighbour
                || j > 0
                    && matches!(
                        tokens.norm(j - 1),
                        "to" | "into"
                            | "toward"
                            | "towards"
                            | "from"
                            | "visit"
                            | "visited"
                            | "visiting"
                            | "visits"
                    )
        };
        let sentence_country = single(
            mentions
                .iter()
                .filter(|m| !m.agent_only && !m.anaphoric && !destination(m))
                .filter_map(|m| m.actor.country.clone()),
        );
        let mut last_country: Option<Arc<str>> = None;
        let mut placed_organisations: Vec<(Arc<str>, Arc<str>)> = Vec::new();
        for m in mentions.iter_mut() {
            // Peacekeepers with no country or organisation named serve an international
            // mandate: an international force, not the host country's military ("rejected the
            // deployment of a regional peacekeeping force").
            if m.agent_only && m.actor.sector.as_deref() == Some(PEACEKEEPING_ROLE) {
                let code = format!("IGO{PEACEKEEPING_ROLE}");
                let info = self.dict.code_info(&code);
                m.actor.code = Some(code.into());
                m.actor.country = info.country;
                m.actor.kind = info.kind;
                m.agent_only = false;
                continue;
            }
            // A role noun alone, or an unknown name with a title ("former president Carlos
            // Menem"), belongs to the country the sentence is about.
            let titled_unknown = m.actor.code.is_none() && m.actor.sector.is_some() && m.person;
            // So does an unknown party or movement ("the Umma (Nation) party has said it will
            // boycott Algeria's elections"): a political organisation of that country.
            // A pronoun already resolved to it in this sentence ("... party has said it will
            // boycott") takes the same country.
            let political = m.actor.code.is_none()
                && m.actor.kind == ActorKind::Organisation
                && (m.anaphoric && placed_organisations.iter().any(|(n, _)| *n == m.actor.name)
                    || !m.anaphoric
                        && (m.start..m.end)
                            .chain(organisation_noun_after(tokens, m.end))
                            .any(|i| POLITICAL_ORGANISATION_WORDS.contains(&tokens.norm(i))));
            if last_country.is_none()
                && (m.agent_only || (m.person && m.actor.code.is_none()) || political)
            {
                last_country = place_country.clone().or_else(|| sentence_country.clone());
            }
            if political {
                let placed = placed_organisations
                    .iter()
                    .find(|(n, _)| *n == m.actor.name)
                    .map(|(_, c)| c.clone())
                    .or_else(|| last_country.clone());
                if let Some(country) = placed {
                    placed_organisations.push((m.actor.name.clone(), country.clone()));
                    m.actor.code = Some(country.clone());
                    m.actor.country = Some(country);
                }
                continue;
            }
            // "the three governments", "the two countries": a counted, definite role noun
            // refers back to actors named before, not to the country of this sentence.
            // So does "both leaders".
            let counted_back = m.agent_only && counted(tokens, m);
            if (m.agent_only || titled_unknown) && !counted_back {
                // Unnamed rebels belong to the country they fight in, when the sentence places
                // the fighting: "forces retook a village in Cambodia after fighting with
                // guerrillas".
                let insurgent =
                    m.agent_only && matches!(m.actor.sector.as_deref(), Some("REB" | "INS"));
                // So do local officials: "Russian drones struck Kharkiv, the regional governor
                // said".
                let local = (m.start..m.end).any(|i| LOCAL_OFFICE_WORDS.contains(&tokens.norm(i)));
                let country = match &place_country {
                    Some(place) if insurgent || local => Some(place),
                    _ => last_country.as_ref(),
                };
                if let Some(country) = country {
                    self.dict.code_in_country(&mut m.actor, country);
                    m.country_guessed = true;
                    if m.agent_only {
                        m.actor.name = self.dict.country_name(country);
                    }
                    m.agent_only = false;
                }
            } else if let Some(c) = &m.actor.country {
                if !m.locative {
                    last_country = Some(c.clone());
                }
            }
        }
    }
}

/// An unknown name at `start..end` modifies the common noun after it, alone or coordinated
/// with another ("the Adre crossing", "the Torkham and Chaman border crossings"), after a
/// determiner. A role noun after it makes a titled actor instead ("the Wagner fighters").
fn names_a_modifier(
    tokens: &Tokens,
    start: usize,
    end: usize,
    agent_at: impl Fn(usize) -> bool,
) -> bool {
    let coordinator = |k: usize| k < tokens.len() && coordinated_by(tokens, k..k + 1);
    // A noun, or an -ing form the tagger read as a verb with nothing after it ("the Adre
    // crossing.").
    let common_noun = |k: usize| {
        let Some(t) = tokens.tokens.get(k) else {
            return false;
        };
        let noun = t.pos == Pos::Noun
            || (t.form == crate::nlp::VForm::Ger
                && tokens
                    .tokens
                    .get(k + 1)
                    .is_none_or(|n| matches!(n.pos, Pos::Punct | Pos::Prep)));
        noun && !t.cap && t.kind == TokenKind::Word && !agent_at(k)
    };
    // The determiner may stand before a first name coordinated with this one.
    let mut first = start;
    while first >= 2 && coordinator(first - 1) && tokens.tokens[first - 2].pos == Pos::Proper {
        first -= 1;
        while first > 0 && tokens.tokens[first - 1].pos == Pos::Proper {
            first -= 1;
        }
    }
    if first == 0 || !matches!(tokens.norm(first - 1), "the" | "a" | "an") {
        return false;
    }
    common_noun(end) || (coordinator(end) && proper_run(tokens, end + 1).is_some_and(common_noun))
}

/// The word ending before token `end` is glued to "-backed", "-led" ...: it names who stands
/// behind what follows ("Syrian-backed militia", "army-backed government").
pub fn glued_backer(tokens: &Tokens, end: usize) -> bool {
    tokens
        .tokens
        .get(end)
        .is_some_and(|t| t.kind == TokenKind::Hyphen)
        && end + 1 < tokens.len()
        && matches!(
            tokens.norm(end + 1),
            "backed"
                | "led"
                | "supported"
                | "sponsored"
                | "allied"
                | "aligned"
                | "funded"
                | "armed"
                | "trained"
        )
}

/// The tokens between two coordinated items: "and", "or", a comma, or ", and".
fn coordinated_by(tokens: &Tokens, gap: std::ops::Range<usize>) -> bool {
    match gap.len() {
        1 => matches!(tokens.norm(gap.start), "and" | "," | "or"),
        2 => tokens.norm(gap.start) == "," && tokens.norm(gap.start + 1) == "and",
        _ => false,
    }
}

/// A mention that refers back to an earlier actor: the earlier actor, in this mention's words
/// and place.
fn refer_to(mention: &mut MentionSpan, actor: ActorRef) {
    let text = std::mem::take(&mut mention.actor.text);
    mention.actor = ActorRef {
        text,
        start: mention.actor.start,
        end: mention.actor.end,
        ..actor
    };
}

/// "The army said it had killed ...", "Police said they arrested ...": a pronoun right after
/// a statement verb whose subject is a role noun not yet given a country (`speaker`) is that
/// speaker, resolved with it later, not an actor of an earlier sentence.
fn speakers_pronoun(
    text: &str,
    tokens: &Tokens,
    chain: &[Atom],
    speaker: Option<&MentionSpan>,
) -> Option<MentionSpan> {
    let ([atom], Some(speaker)) = (chain, speaker) else {
        return None;
    };
    let verb = atom.start.checked_sub(1)?;
    if !matches!(atom.kind, AtomKind::Pronoun)
        || !speaker.agent_only
        || speaker.end != verb
        || tokens.tokens[verb].pos != Pos::Verb
        || !super::SPEECH_VERBS.contains(&tokens.lemma(verb))
    {
        return None;
    }
    let fits = match tokens.norm(atom.start) {
        "he" | "she" => speaker.person,
        "it" => !speaker.person && !speaker.plural,
        "they" => !speaker.person,
        _ => false,
    };
    fits.then(|| {
        let (start, end) = (
            tokens.tokens[atom.start].start,
            tokens.tokens[atom.end - 1].end,
        );
        let mut m = speaker.clone();
        m.start = atom.start;
        m.end = atom.end;
        m.actor.text = text[start..end].into();
        m.actor.start = start;
        m.actor.end = end;
        m.anaphoric = true;
        m
    })
}

/// "Lina Haddad, Lebanon's leading rights lawyer, said": a person known only by name takes
/// the code of the coded role set off by commas right after the name (the head of the
/// apposition, after any possessive country).
fn apposed_roles(tokens: &Tokens, mentions: &mut [MentionSpan]) {
    for k in 0..mentions.len() {
        let name = &mentions[k];
        if !name.person
            || name.actor.code.is_some()
            || name.anaphoric
            || name.end >= tokens.len()
            || tokens.norm(name.end) != ","
        {
            continue;
        }
        let close = (name.end + 1..tokens.len())
            .find(|&i| matches!(tokens.norm(i), "," | "." | ";" | ")"))
            .unwrap_or(tokens.len());
        let inside = mentions[k + 1..]
            .iter()
            .take_while(|m| m.end <= close)
            .collect::<Vec<_>>();
        let role = inside.last().filter(|role| {
            inside[0].start == name.end + 1
                && role.end == close
                && role.actor.code.is_some()
                && role.actor.sector.is_some()
                && role.actor.kind != ActorKind::Person
                && !role.place
                && !role.anaphoric
        });
        if let Some(actor) = role.map(|r| r.actor.clone()) {
            let m = &mut mentions[k];
            m.actor.code = actor.code;
            m.actor.country = actor.country;
            m.actor.sector = actor.sector;
            m.actor.kind = actor.kind;
        }
    }
}

/// Tokens between two atoms that keep them in one mention.
fn glued(tokens: &Tokens, left: &Atom, right: &Atom) -> bool {
    if right.start < left.end {
        return false;
    }
    let gap = left.end..right.start;
    if gap.len() > 3 {
        return false;
    }
    if matches!(left.kind, AtomKind::Agent(_))
        && matches!(right.kind, AtomKind::Name(ref h) if h.iter().all(|h| h.kind != NameKind::Name))
    {
        // "troops Afghanistan" is two things; "President Trump" is one.
        return false;
    }
    // "the U.N. war crimes court", "Gaza aid workers": common nouns between a name and a role
    // noun say what the role is about.
    let name_then_role =
        matches!(left.kind, AtomKind::Name(_)) && matches!(right.kind, AtomKind::Agent(_));
    gap.clone().all(|i| {
        let t = &tokens.tokens[i];
        match t.kind {
            TokenKind::Possessive | TokenKind::Hyphen => true,
            TokenKind::Word => {
                matches!(t.pos, Pos::Adj)
                    || (name_then_role && t.pos == Pos::Noun && !t.cap)
                    || matches!(
                        tokens.norm(i),
                        "former"
                            | "senior"
                            | "top"
                            | "deputy"
                            | "acting"
                            | "then"
                            | "chief"
                            | "new"
                            | "interim"
                    )
            }
            _ => false,
        }
    })
}

/// A run of unknown capitalised words (with name particles and "of" inside): "Liberation
/// Tigers of Tamil Eelam", "Juvenal Habyarimana", "Abu Mohammed al-Julani".
fn proper_run(tokens: &Tokens, i: usize) -> Option<usize> {
    let is_proper = |j: usize| {
        let t = &tokens.tokens[j];
        t.kind == TokenKind::Word
            && t.pos == Pos::Proper
            && crate::nlp::month_number(tokens.norm(j)).is_none()
    };
    if !is_proper(i) {
        return None;
    }
    let n = tokens.len();
    let mut end = i + 1;
    while end < n {
        let t = &tokens.tokens[end];
        if is_proper(end) {
            end += 1;
        } else if (t.kind == TokenKind::Hyphen
            || matches!(
                tokens.norm(end),
                "of" | "al" | "bin" | "ibn" | "el" | "de" | "van" | "von" | "da" | "du"
            ))
            && end + 1 < n
            && is_proper(end + 1)
        {
            end += 2;
        } else if matches!(tokens.norm(end), "for" | "and" | "of")
            && end + 2 < n
            && tokens.norm(end + 1) == "the"
            && is_proper(end + 2)
            && end - i >= 2
        {
            // "Agency for the Development ...": an organisation's long name.
            end += 3;
        } else if matches!(tokens.norm(end), "for" | "and")
            && end + 1 < n
            && is_proper(end + 1)
            && end - i >= 2
            && (end + 2 >= n
                || is_proper(end + 2)
                || ORGANISATION_WORDS.contains(&tokens.norm(i + 1)))
        {
            end += 2;
        } else {
            break;
        }
    }
    Some(end)
}

/// "It should be recalled that", "it is clear whether", "it's murky whether": an "it" that
/// stands for the clause after it, not for an actor.
fn expletive_it(tokens: &Tokens, i: usize) -> bool {
    if tokens.norm(i) != "it" {
        return false;
    }
    let n = tokens.len();
    let mut j = i + 1;
    let mut saw_be = false;
    while j < n && j <= i + 6 {
        let norm = tokens.norm(j);
        match norm {
            "is" | "was" | "be" | "been" | "'s" | "seems" | "seemed" | "appears" | "remains" => {
                saw_be = true
            }
            "that" | "whether" | "if" | "to" | "how" | "why" | "what" | "who" | "when" => {
                return saw_be
            }
            // Only someone can be willing or ready: "it is willing to withdraw" is an actor.
            "willing" | "unwilling" | "ready" | "prepared" | "determined" | "eager" | "keen"
            | "able" | "unable" | "reluctant" | "committed" | "obliged" | "forced" => return false,
            _ if matches!(
                tokens.tokens[j].pos,
                Pos::Adj | Pos::Adv | Pos::Modal | Pos::Verb | Pos::Neg
            ) => {}
            _ if tokens.tokens[j].kind == TokenKind::Possessive => saw_be = true,
            _ => return false,
        }
        j += 1;
    }
    false
}

/// "the three governments", "the two countries", "both leaders": a counted, definite role
/// noun refers back to actors named before, not to the country of its sentence.
fn counted(tokens: &Tokens, m: &MentionSpan) -> bool {
    m.start >= 2 && tokens.tokens[m.start - 1].pos == Pos::Num && tokens.norm(m.start - 2) == "the"
        || m.start >= 1 && tokens.norm(m.start - 1) == "both"
}

/// "the president", "the former—and now current—president": a definite article opens the
/// phrase before a role noun.
fn definite_before(tokens: &Tokens, start: usize) -> bool {
    let mut j = start;
    let mut steps = 0;
    while j > 0 && steps < 8 {
        j -= 1;
        steps += 1;
        let t = &tokens.tokens[j];
        match tokens.norm(j) {
            "the" | "this" | "that" => return true,
            "a" | "an" => return false,
            "and" | "now" | "then" | "—" | "–" | "-" => continue,
            _ if matches!(t.pos, Pos::Adj | Pos::Noun | Pos::Adv) && !t.cap => continue,
            _ => return false,
        }
    }
    false
}

fn preceded_by_preposition(tokens: &Tokens, start: usize) -> bool {
    let mut j = start;
    while j > 0 {
        j -= 1;
        match tokens.tokens[j].pos {
            Pos::Det | Pos::Adj | Pos::Num | Pos::PossPron => continue,
            Pos::Prep => return true,
            _ => return false,
        }
    }
    false
}

/// Nouns that name the parties of an act when counted: "the two sides", "both countries".
const PARTY_NOUNS: &[&str] = &[
    "sides",
    "parties",
    "countries",
    "nations",
    "governments",
    "leaders",
    "neighbours",
    "neighbors",
    "states",
    "rivals",
    "delegations",
];

/// Which parties a party noun names: "leaders" are people, "countries" are not, "sides"
/// may be either.
fn party_noun(noun: &str) -> PartyNoun {
    match noun {
        "leaders" => PartyNoun::People,
        "countries" | "nations" | "governments" | "neighbours" | "neighbors" | "states" => {
            PartyNoun::Bodies
        }
        _ => PartyNoun::Any,
    }
}

/// How many parties a counted party noun at `i` names: "the two sides" 2, "both countries" 2,
/// "the three governments" 3, "all three countries" 3.
fn counted_parties(tokens: &Tokens, i: usize) -> Option<usize> {
    // An adjective may stand between: "the three European countries".
    let mut j = i.checked_sub(1)?;
    if tokens.tokens[j].pos == Pos::Adj && j > 0 {
        j -= 1;
    }
    let count = match tokens.norm(j) {
        "both" => 2,
        w => {
            let n = match w {
                "two" => 2,
                "three" => 3,
                "four" => 4,
                _ => return None,
            };
            if j == 0 || !matches!(tokens.norm(j - 1), "the" | "all") {
                return None;
            }
            n
        }
    };
    PARTY_NOUNS.contains(&tokens.norm(i)).then_some(count)
}

/// "at" right before `start`, or before "the" there.
fn preceded_by_at(tokens: &Tokens, start: usize) -> bool {
    let before = |k: usize| start.checked_sub(k).map(|i| tokens.norm(i));
    before(1) == Some("at") || before(1) == Some("the") && before(2) == Some("at")
}

fn preceded_by_locative(tokens: &Tokens, start: usize) -> bool {
    let mut j = start;
    while j > 0 {
        j -= 1;
        match tokens.norm(j) {
            w if COMPASS_WORDS.contains(&w) => continue,
            "the" | "city" | "town" | "province" | "of" => continue,
            "in" | "at" | "near" | "outside" | "inside" | "across" | "throughout" | "around" => {
                return true
            }
            _ => return false,
        }
    }
    false
}

/// A headline in title case ("Taliban Reject Trump's Bold Push to Reclaim Bagram"): at least
/// five words, the capitalised ones (function words aside) 80% or more.
fn title_case(tokens: &Tokens) -> bool {
    let mut words = 0;
    let mut capitalised = 0;
    for (i, t) in tokens.tokens.iter().enumerate() {
        let function = matches!(
            t.pos,
            Pos::Det
                | Pos::Pron
                | Pos::PossPron
                | Pos::Prep
                | Pos::To
                | Pos::Conj
                | Pos::Sub
                | Pos::Rel
                | Pos::Aux
                | Pos::Modal
                | Pos::Neg
                | Pos::Part
        );
        if t.kind != TokenKind::Word || function || t.all_caps {
            continue;
        }
        let norm = tokens.norm(i);
        if norm.len() < 3 {
            continue;
        }
        words += 1;
        capitalised += usize::from(t.cap);
    }
    words >= 5 && capitalised * 5 >= words * 4
}

fn pronoun_anaphor(norm: &str) -> Option<Anaphor> {
    Some(match norm {
        "he" | "him" | "his" | "she" | "her" => Anaphor::Person,
        "they" | "them" | "their" => Anaphor::Plural,
        "it" | "its" => Anaphor::Thing,
        _ => return None,
    })
}

/// An unknown capitalised name with an organisation word is no person: in the name ("the
/// Nigerian Union of Teachers") or as the common noun it modifies, a parenthesised gloss
/// allowed between ("the Umma (Nation) party").
fn organisation_name(tokens: &Tokens, atom: &Atom) -> bool {
    (atom.start..atom.end).any(|i| ORGANISATION_WORDS.contains(&tokens.norm(i)))
        || organisation_noun_after(tokens, atom.end).is_some()
}

/// The lowercase organisation noun a name at `..end` modifies, a parenthesised gloss allowed
/// between: "party" in "the Umma (Nation) party".
fn organisation_noun_after(tokens: &Tokens, end: usize) -> Option<usize> {
    let mut next = end;
    if next < tokens.len() && tokens.norm(next) == "(" {
        let close = (next + 1..(next + 6).min(tokens.len())).find(|&i| tokens.norm(i) == ")")?;
        next = close + 1;
    }
    (next < tokens.len()
        && !tokens.tokens[next].cap
        && ORGANISATION_WORDS.contains(&tokens.norm(next)))
    .then_some(next)
}

/// Last words of capitalised names that name documents, events or places, not actors.
const NON_ACTOR_HEADS: &[&str] = &[
    "agreement",
    "treaty",
    "accord",
    "accords",
    "pact",
    "convention",
    "act",
    "law",
    "plan",
    "initiative",
    "resolution",
    "protocol",
    "declaration",
    "charter",
    "memorandum",
    "process",
    "summit",
    "conference",
    "games",
    "cup",
    "day",
    "war",
    "crisis",
    "operation",
    "doctrine",
    "framework",
    "roadmap",
    "deal",
    "talks",
    "forum",
    "street",
    "square",
    "airport",
    "base",
    "bridge",
    "river",
    "sea",
    "ocean",
    "mountains",
    "valley",
    "region",
    "province",
    "district",
    "peninsula",
    "island",
    "islands",
    "strait",
    "gulf",
    "bay",
    "desert",
    "corridor",
    "crossing",
    "hospital",
    "prison",
    "camp",
    "stadium",
    "palace",
    "hotel",
    "museum",
    "mosque",
    "church",
    "cathedral",
    "temple",
    "school",
    "highway",
    "road",
    "zone",
];

const ORGANISATION_WORDS: &[&str] = &[
    "party",
    "union",
    "front",
    "army",
    "council",
    "ministry",
    "committee",
    "association",
    "organization",
    "organisation",
    "group",
    "movement",
    "brigade",
    "brigades",
    "forces",
    "agency",
    "bank",
    "company",
    "corporation",
    "corp",
    "inc",
    "league",
    "alliance",
    "federation",
    "congress",
    "commission",
    "court",
    "tribunal",
    "institute",
    "foundation",
    "fund",
    "office",
    "department",
    "university",
    "network",
    "coalition",
    "authority",
    "assembly",
    "parliament",
    "guard",
    "militia",
    "tigers",
    "battalion",
    "government",
    "cabinet",
    "junta",
    "regime",
    "administration",
    "department",
    "navy",
    "police",
    "military",
    "force",
];

/// Words of a local office, which belongs to the country of the place the sentence names.
const LOCAL_OFFICE_WORDS: &[&str] = &[
    "governor",
    "governors",
    "mayor",
    "mayors",
    "regional",
    "provincial",
    "local",
    "municipal",
    "district",
];

/// Role nouns for whoever speaks for a body: "a spokesman for the army".
const SPOKESPERSON_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "spokeswomen",
    "spokespeople",
];

/// Compass words that qualify a place name: "Western Cambodia", "southern Lebanon".
const COMPASS_WORDS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// The role of peacekeeping forces (data/actors/roles.tsv).
const PEACEKEEPING_ROLE: &str = "PKO";

/// Words naming political organisations: an unknown one belongs to the country its sentence
/// is about.
const POLITICAL_ORGANISATION_WORDS: &[&str] = &[
    "party",
    "front",
    "movement",
    "congress",
    "league",
    "alliance",
    "coalition",
    "union",
];

/// Words that make an unknown organisation's name that of a civil-society body: "the
/// Association of African Jurists", "the Kenya Human Rights Society".
const NGO_WORDS: &[&str] = &["association", "society", "foundation", "institute"];

fn classify_unknown(name: &str, tokens: &Tokens, start: usize, head: &Atom) -> ActorKind {
    if organisation_name(tokens, head) {
        if (head.start..head.end).any(|i| NGO_WORDS.contains(&tokens.norm(i))) {
            return ActorKind::Ngo;
        }
        return ActorKind::Organisation;
    }
    let title_before = start > 0
        && matches!(
            tokens.norm(start - 1),
            "mr" | "mrs" | "ms" | "dr" | "sheikh" | "mullah"
        );
    let words = name.split_whitespace().count();
    if title_before
        || (2..=4).contains(&words) && !name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    {
        ActorKind::Person
    } else {
        ActorKind::Unknown
    }
}

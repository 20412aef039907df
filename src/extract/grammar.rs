//! A shallow grammar over tagged tokens and actor mentions: verb groups with their auxiliaries,
//! negation and voice; clause boundaries; the subject, object and prepositional objects of each
//! verb group. Relative clauses and appositives are stepped over so they do not steal subjects.

use super::actors::MentionSpan;
use crate::nlp::{Pos, TokenKind, Tokens, VForm};
use smallvec::SmallVec;

/// A verb with its auxiliaries: "has not yet been attacked", "will meet", "to resume".
#[derive(Debug, Clone)]
pub struct VerbGroup {
    pub start: usize,
    pub end: usize,
    /// The main verb (or the auxiliary itself when there is no other verb).
    pub head: usize,
    pub negated: bool,
    /// will, would, can, may, shall, must (lemmas).
    pub modal: Option<&'static str>,
    pub passive: bool,
    /// Preceded by the infinitive marker "to".
    pub infinitive: bool,
    /// An -ing or -ed form without auxiliary opening a participle clause (", saying ...").
    pub participle: bool,
}

/// What follows a verb group inside its clause.
#[derive(Debug, Clone, Default)]
pub struct Objects {
    /// The direct object when it is an actor.
    pub direct: Option<usize>,
    /// The owner of a non-actor direct object: "rejected Trump's proposal", "an Indian offer".
    pub owner: Option<usize>,
    /// Token span of the direct object noun phrase, whoever it names.
    pub direct_np: Option<(usize, usize)>,
    /// Prepositional objects that are actors: (preposition token, mention).
    pub preps: Vec<(usize, usize)>,
    /// A to-infinitive verb group that complements this one ("refused to meet").
    pub infinitive: Option<usize>,
    /// A gerund complement ("denied attacking").
    pub gerund: Option<usize>,
    /// First token after the clause window.
    pub window_end: usize,
}

/// The grammar of one sentence.
pub struct Analysis<'a> {
    pub tokens: &'a Tokens,
    pub mentions: &'a [MentionSpan],
    /// Token → mention covering it.
    pub mention_at: Vec<Option<usize>>,
    pub groups: Vec<VerbGroup>,
    /// Token → verb group covering it.
    pub group_at: Vec<Option<usize>>,
    objects_cache: Vec<std::cell::OnceCell<Objects>>,
    subject_cache: Vec<std::cell::OnceCell<Vec<usize>>>,
}

/// Nouns that count or collect what their "of" phrase names: "hundreds of soldiers", "a new
/// package of sanctions", "a wave of strikes".
const COUNTING_NOUNS: &[&str] = &[
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "tens",
    "millions",
    "handful",
    "number",
    "package",
    "round",
    "wave",
    "series",
    "barrage",
    "spate",
    "string",
    "flurry",
];

/// Words that end a sum of money: "120 million euros", "$2 billion".
const MONEY_WORDS: &[&str] = &[
    "million", "billion", "trillion", "dollars", "euros", "pounds", "yuan", "yen", "rupees",
    "francs", "roubles", "rubles", "riyals", "dirhams",
];

const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "overnight",
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "earlier",
    "later",
    "recently",
    "now",
    "ago",
];

impl<'a> Analysis<'a> {
    pub fn new(tokens: &'a Tokens, mentions: &'a [MentionSpan]) -> Analysis<'a> {
        let n = tokens.len();
        let mut mention_at = vec![None; n];
        for (k, m) in mentions.iter().enumerate() {
            for slot in mention_at.iter_mut().take(m.end.min(n)).skip(m.start) {
                *slot = Some(k);
            }
        }
        let mut analysis = Analysis {
            tokens,
            mentions,
            mention_at,
            groups: Vec::new(),
            group_at: vec![None; n],
            objects_cache: Vec::new(),
            subject_cache: Vec::new(),
        };
        analysis.find_verb_groups();
        analysis.objects_cache = (0..analysis.groups.len())
            .map(|_| Default::default())
            .collect();
        analysis.subject_cache = (0..analysis.groups.len())
            .map(|_| Default::default())
            .collect();
        analysis
    }

    fn pos(&self, i: usize) -> Pos {
        self.tokens.tokens[i].pos
    }

    fn norm(&self, i: usize) -> &str {
        self.tokens.norm(i)
    }

    fn is_verbal(&self, i: usize) -> bool {
        self.mention_at[i].is_none() && matches!(self.pos(i), Pos::Verb | Pos::Aux | Pos::Modal)
    }

    fn find_verb_groups(&mut self) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            if !self.is_verbal(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i;
            let mut negated = false;
            let mut modal = None;
            let mut head = None;
            let mut be_aux = false;
            let mut j = i;
            while j < n {
                let pos = self.pos(j);
                let in_mention = self.mention_at[j].is_some();
                match pos {
                    Pos::Modal if !in_mention && head.is_none() => {
                        modal = self.tokens.tokens[j].lemma;
                    }
                    Pos::Aux if !in_mention && head.is_none() => {
                        if self.tokens.lemma(j) == "be" {
                            be_aux = true;
                        }
                    }
                    Pos::Verb if !in_mention => {
                        if head.is_some() {
                            break;
                        }
                        head = Some(j);
                    }
                    Pos::Neg if head.is_none() => negated = true,
                    Pos::Adv if head.is_none() && j + 1 < n => {
                        if matches!(self.norm(j), "never" | "no") {
                            negated = true;
                        }
                        // adverbs inside the group: "has also rejected"
                        if !self.is_verbal(j + 1) && !matches!(self.pos(j + 1), Pos::Adv | Pos::Neg)
                        {
                            break;
                        }
                    }
                    _ => break,
                }
                end = j + 1;
                j += 1;
            }
            if end == start {
                i += 1;
                continue;
            }
            // "Iran never threatened": a negation just before the verb.
            let mut back = start;
            while back > 0 && matches!(self.pos(back - 1), Pos::Adv | Pos::Neg) {
                back -= 1;
                if self.pos(back) == Pos::Neg || matches!(self.norm(back), "never" | "not") {
                    negated = true;
                }
            }
            let head = head.unwrap_or(end - 1);
            let form = self.tokens.tokens[head].form;
            // A base form after "be" is an invariable participle ("was hit", "were cut").
            let passive = be_aux
                && head != start
                && self.pos(head) == Pos::Verb
                && matches!(form, VForm::Past | VForm::Base);
            let infinitive = start > 0 && self.pos(start - 1) == Pos::To
                || start > 1 && self.pos(start - 1) == Pos::Adv && self.pos(start - 2) == Pos::To;
            // "promised to democratize Serbia and establish the rule of law": a base form
            // joined to an infinitive's clause is an infinitive too.
            let infinitive = infinitive
                || (head == start
                    && form == VForm::Base
                    && start > 1
                    && matches!(self.norm(start - 1), "and" | "or")
                    && self.groups.last().is_some_and(|prev| {
                        prev.infinitive
                            && (prev.end..start - 1)
                                .all(|i| !matches!(self.pos(i), Pos::Sub | Pos::Rel | Pos::Punct))
                    }));
            // "-ing" forms without auxiliary open participle clauses (", saying ..."); a bare
            // past form does so only at the very start ("Angered by ..., X said").
            let participle = head == start
                && !infinitive
                && (form == VForm::Ger || (form == VForm::Past && start == 0));
            // A bare past form after a noun is finite ("The army attacked") unless the clause
            // already has its verb ("demanded ... at talks aimed at ending"). A participle
            // clause is no such verb ("the Red Cross operating in Iraq said ..."), unless an
            // agent follows ("a convoy carrying aid seized by gunmen").
            let bare_past_after_noun = self.bare_past_after_noun(start, head, infinitive);
            let reduced_relative = bare_past_after_noun
                && !self.object_follows(end)
                && (self.finite_verb_after_pp(end)
                    || self.groups.last().is_some_and(|prev| {
                        // "Witnesses said officers opened fire": a statement verb takes a
                        // clause without "that"; the noun right after it is its subject.
                        let reported = super::SPEECH_VERBS.contains(&self.tokens.lemma(prev.head))
                            && (self.mention_at[start - 1].is_some_and(|k| {
                                modifiers_start(self.tokens, self.mentions[k].start) == prev.end
                            }) || self.plain_noun_phrase(prev.end, start));
                        !reported
                            && (!prev.participle || (start + 1 < n && self.norm(start + 1) == "by"))
                            && (prev.end..start).all(|i| {
                                // "after Orban hosted Netanyahu" opens a clause.
                                !matches!(self.pos(i), Pos::Sub | Pos::Rel)
                                    && !TEMPORAL_SUBORDINATORS.contains(&self.norm(i))
                                    && (self.pos(i) != Pos::Conj
                                        || self.joins_noun_phrases(i, start))
                                    && !matches!(self.norm(i), "," | ";" | ":" | "\"")
                            })
                    }));
            // "two nationals suspected by the West": a past form between a noun and its agent
            // is passive.
            // ("Trump responded by announcing ...": "by" before a gerund says how, it names
            // no agent.)
            let passive_modifier = bare_past_after_noun
                && end < n
                && self.norm(end) == "by"
                && self
                    .tokens
                    .tokens
                    .get(end + 1)
                    .is_none_or(|t| t.form != VForm::Ger);
            let participle = reduced_relative
                || passive_modifier
                || (participle && !(form == VForm::Past && self.finite_past(start)));
            // "will not use or threaten force": a verb coordinated right after another shares
            // its negation and modal.
            let (negated, modal) = match self.groups.last() {
                Some(prev)
                    if start >= 2
                        && prev.end + 1 == start
                        && matches!(self.norm(start - 1), "or" | "and" | "nor")
                        && modal.is_none()
                        && !negated =>
                {
                    (prev.negated, prev.modal)
                }
                _ => (negated, modal),
            };
            let index = self.groups.len();
            for slot in &mut self.group_at[start..end] {
                *slot = Some(index);
            }
            self.groups.push(VerbGroup {
                start,
                end,
                head,
                negated,
                modal,
                passive,
                infinitive,
                participle,
            });
            i = end;
        }
    }

    /// The closing mark of scare quotes opening at `open`: at most four words, lowercase, no
    /// verb group and no punctuation inside.
    fn scare_quotes(&self, open: usize) -> Option<usize> {
        if !matches!(self.norm(open), "\"" | "“") {
            return None;
        }
        let n = self.tokens.len();
        let close = (open + 1..n.min(open + 6)).find(|&k| matches!(self.norm(k), "\"" | "”"))?;
        // Capitalised words in quotes are a slogan or a title: "Death to America".
        (close > open + 1
            && !self.tokens.tokens[open + 1].cap
            && (open + 1..close).all(|k| self.group_at[k].is_none() && self.pos(k) != Pos::Punct))
        .then_some(close)
    }

    /// Tokens `[from, to)` are a determiner, adjectives and nouns ending in a noun: "the aid",
    /// "the new border crossings".
    fn plain_noun_phrase(&self, from: usize, to: usize) -> bool {
        from < to
            && matches!(self.pos(to - 1), Pos::Noun)
            && (from..to).all(|i| {
                matches!(
                    self.pos(i),
                    Pos::Det | Pos::PossPron | Pos::Adj | Pos::Noun | Pos::Num
                )
            })
    }

    /// A bare past form right after a subject is a finite verb ("The army attacked"), not a
    /// participle clause.
    fn finite_past(&self, start: usize) -> bool {
        if start == 0 {
            return false;
        }
        let prev = start - 1;
        self.mention_at[prev].is_some()
            || matches!(
                self.pos(prev),
                Pos::Noun | Pos::Proper | Pos::Pron | Pos::Adv | Pos::Num
            )
    }

    /// Verb group that governs `g` through "to" (the outer verb of an infinitive chain).
    pub fn governor(&self, g: usize) -> Option<usize> {
        let group = &self.groups[g];
        if !group.infinitive {
            return None;
        }
        let coordinated = matches!(self.norm(group.start - 1), "and" | "or");
        let mut j = group.start;
        while j > 0 {
            j -= 1;
            if let Some(k) = self.group_at[j] {
                if coordinated && self.groups[k].infinitive {
                    return self.governor(k);
                }
                return Some(k);
            }
            if matches!(self.pos(j), Pos::Sub | Pos::Rel | Pos::Punct) && self.norm(j) != "," {
                return None;
            }
        }
        None
    }

    /// The mentions that are the subject of verb group `g`: the actor governing its clause.
    pub fn subject(&self, g: usize) -> &[usize] {
        self.subject_cache[g].get_or_init(|| self.subject_inner(g, 0))
    }

    fn subject_inner(&self, g: usize, depth: usize) -> Vec<usize> {
        if depth > 6 {
            return Vec::new();
        }
        let group = &self.groups[g];
        if group.infinitive {
            // "X agreed to meet": the subject of the governing verb, or its object for
            // "urged X to ..."-type verbs.
            if let Some(outer) = self.governor(g) {
                let objects = self.objects(outer);
                if let Some(direct) = objects.direct {
                    if direct_object_controls(self.tokens.lemma(self.groups[outer].head)) {
                        return vec![direct];
                    }
                }
                return self.subject_inner(outer, depth + 1);
            }
            return Vec::new();
        }
        // A participle clause set off after an appositive speaks of the main clause's subject:
        // "The court issued a warrant for the leader of the Taliban, Hibatullah Akhundzada,
        // accusing him of ...".
        if group.participle
            && group.start >= 2
            && self.norm(group.start - 1) == ","
            && self.mention_at[group.start - 2].is_some()
            && self.skip_parenthetical(group.start - 1).is_some()
        {
            let main = self.main_subject(g, depth);
            if !main.is_empty() {
                return main;
            }
        }
        let mut j = group.start;
        // An actor in an "of"/"for" phrase after a non-actor head: "a camp for Congolese
        // refugees was attacked", "the offices of the Palestinian administrators".
        let mut pp_actor: Option<usize> = None;
        while j > 0 {
            j -= 1;
            if let Some(k) = self.mention_at[j] {
                let m = &self.mentions[k];
                if self.is_prep_object(k) {
                    j = self.skip_pp_left(m.start);
                    // "for" only names the party a passive verb acts on ("access for Darfur
                    // has improved" is nothing Darfur did).
                    let prep_ok = match self.norm(j) {
                        "of" => true,
                        "for" => group.passive,
                        _ => false,
                    };
                    if prep_ok && !m.locative {
                        pp_actor = Some(k);
                    }
                    continue;
                }
                // A possessive ("Trump's team has engaged") stands for what it owns.
                return self.with_compounds(k);
            }
            let pos = self.pos(j);
            let norm = self.norm(j);
            match pos {
                Pos::Adv | Pos::Neg => continue,
                Pos::Punct if norm == "," => match self.skip_parenthetical(j) {
                    Some(before) => {
                        j = before;
                        continue;
                    }
                    None => {
                        if group.participle {
                            return self.main_subject(g, depth);
                        }
                        return Vec::new();
                    }
                },
                Pos::Punct if matches!(norm, ")" | "]") => {
                    while j > 0 && !matches!(self.norm(j), "(" | "[") {
                        j -= 1;
                    }
                    continue;
                }
                Pos::Rel => {
                    // The antecedent of a relative pronoun is the subject of its clause.
                    return self.antecedent(j);
                }
                Pos::Conj => {
                    // "X met Y and signed ...": a coordinated verb shares the subject.
                    if j + 1 == group.start || (j + 2 == group.start && self.pos(j + 1) == Pos::Adv)
                    {
                        // A finite verb shares the subject of the previous finite verb, not
                        // of a participle inside its object ("opened its borders to people
                        // ordered out of X, but was refusing ...").
                        let prev = if group.participle {
                            self.previous_group(j)
                        } else {
                            self.previous_finite_group(j)
                        };
                        if let Some(prev) = prev {
                            return self.subject_inner(prev, depth + 1);
                        }
                    }
                    continue;
                }
                Pos::Prep | Pos::To => continue,
                Pos::Noun
                | Pos::Adj
                | Pos::Det
                | Pos::Num
                | Pos::Proper
                | Pos::Poss
                | Pos::PossPron => {
                    if TIME_WORDS.contains(&norm) || crate::nlp::month_number(norm).is_some() {
                        continue;
                    }
                    // A prepositional phrase ("of the divided island", "for the Darfur
                    // region"): step over it to the noun it modifies.
                    let np_start = self.np_start_through_names(j);
                    // "until the new force arrives": after a temporal subordinator, the noun
                    // phrase right before the verb is its subject, not a preposition's object.
                    let clause_subject = np_start > 0
                        && TEMPORAL_SUBORDINATORS.contains(&self.norm(np_start - 1))
                        && (j + 1..group.start).all(|i| matches!(self.pos(i), Pos::Adv | Pos::Neg));
                    if np_start > 0
                        && matches!(self.pos(np_start - 1), Pos::Prep)
                        && self.norm(np_start - 1) != "like"
                        && !clause_subject
                    {
                        j = np_start - 1;
                        continue;
                    }
                    // "settlers in the West Bank city of Hebron": a place inside a
                    // prepositional phrase names where, not who.
                    if let Some(k) = self.owner_in_np_ending_at(j) {
                        let m = &self.mentions[k];
                        if m.locative && self.is_prep_object(k) {
                            j = self.skip_pp_left(m.start);
                            continue;
                        }
                    }
                    // A non-actor noun phrase heads the clause; an actor inside it may own it
                    // ("Russian air strikes killed ...").
                    return match self.owner_in_np_ending_at(j).or(pp_actor) {
                        Some(k) => self.with_compounds(k),
                        None => Vec::new(),
                    };
                }
                Pos::Pron => return Vec::new(),
                // "The Red Cross operating in Iraq said": step over a participle clause
                // modifying the subject.
                Pos::Verb | Pos::Aux | Pos::Modal => {
                    if let Some(clause) = self
                        .modifying_participle_at(j)
                        .filter(|_| pos == Pos::Verb && !group.participle)
                    {
                        j = clause;
                        continue;
                    }
                    if group.participle {
                        return self.main_subject(g, depth);
                    }
                    return Vec::new();
                }
                _ => {
                    if group.participle {
                        return self.main_subject(g, depth);
                    }
                    return Vec::new();
                }
            }
        }
        if group.participle {
            return self.main_subject(g, depth);
        }
        Vec::new()
    }

    /// For a participle clause, the subject of the nearest finite verb group; or of the act
    /// an accusation names right before it ("accused X of shelling a village, killing a
    /// civilian": X kills).
    fn main_subject(&self, g: usize, depth: usize) -> Vec<usize> {
        if let Some(prev) = g.checked_sub(1).map(|p| &self.groups[p]) {
            if prev.participle && prev.start > 0 && self.norm(prev.start - 1) == "of" {
                let s = self.subject_inner(g - 1, depth + 1);
                if !s.is_empty() {
                    return s;
                }
            }
        }
        let finite = |k: &usize| !self.groups[*k].participle && !self.groups[*k].infinitive;
        let before = (0..g).rev().find(finite);
        let after = (g + 1..self.groups.len()).find(finite);
        for k in before.into_iter().chain(after) {
            let s = self.subject_inner(k, depth + 1);
            if !s.is_empty() {
                return s;
            }
        }
        Vec::new()
    }

    fn previous_group(&self, before: usize) -> Option<usize> {
        (0..before).rev().find_map(|j| self.group_at[j])
    }

    /// The start of a participle clause modifying the noun before it, when token `j` is in one.
    fn modifying_participle_at(&self, j: usize) -> Option<usize> {
        let group = &self.groups[self.group_at[j]?];
        (group.participle
            && group.start > 0
            && matches!(self.pos(group.start - 1), Pos::Noun | Pos::Proper))
        .then_some(group.start)
    }

    fn previous_finite_group(&self, before: usize) -> Option<usize> {
        (0..before)
            .rev()
            .filter_map(|j| self.group_at[j])
            .find(|&k| !self.groups[k].participle && !self.groups[k].infinitive)
    }

    /// The subject mention plus mentions coordinated with it ("X and Y", "X, Y and Z").
    fn with_compounds(&self, k: usize) -> Vec<usize> {
        let mut out = vec![k];
        if let Some(group) = self.mentions[k].group {
            for (other, m) in self.mentions.iter().enumerate() {
                if other != k && m.group == Some(group) {
                    out.push(other);
                }
            }
            out.sort_unstable();
            return out;
        }
        let mut start = self.mentions[k].start;
        loop {
            // "France and the United States", "X and his counterpart": the article or
            // possessive stays outside the mention.
            if start >= 1 && matches!(self.pos(start - 1), Pos::Det | Pos::PossPron) {
                start -= 1;
            }
            if start < 2 {
                break;
            }
            let link = self.norm(start - 1);
            if !matches!(link, "and" | "," | "or") {
                break;
            }
            let Some(prev) = self.mention_at[start - 2] else {
                break;
            };
            let Some(prev) = self.partner_before(prev, k) else {
                break;
            };
            out.push(prev);
            start = self.mentions[prev].start;
        }
        out.sort_unstable();
        out
    }

    /// The mentions coordinated with mention `k` in one noun phrase, `k` among them, in text
    /// order: "called on Israel and Hamas", "accused Germany, France and Britain", "the two
    /// sides" (each party). Commas alone make no list ("struck Kyiv, Ukraine's capital" is
    /// one place), and a mention that starts a new clause is no conjunct ("Iran threatened
    /// Israel and the United States warned ...").
    pub fn conjuncts(&self, k: usize) -> SmallVec<[usize; 4]> {
        if self.mentions[k].group.is_some() {
            return self.with_compounds(k).into();
        }
        // A list has one "and" or "or", before its last member: "X, Y and Z".
        let mut out: SmallVec<[usize; 4]> = smallvec::smallvec![k];
        let mut listed = false;
        let mut start = self.mentions[k].start;
        loop {
            if start >= 1 && matches!(self.pos(start - 1), Pos::Det | Pos::PossPron) {
                start -= 1;
            }
            let mut j = start;
            if j >= 1 && out.len() == 1 && matches!(self.norm(j - 1), "and" | "or") {
                listed = true;
                j -= 1;
            }
            if j >= 1 && self.norm(j - 1) == "," {
                j -= 1;
            }
            if j == start || j == 0 {
                break;
            }
            let Some(prev) = self.mention_at[j - 1].filter(|&m| self.mentions[m].end == j) else {
                break;
            };
            let prev = self.partner_before(prev, k).unwrap_or(prev);
            out.push(prev);
            start = self.mentions[prev].start;
        }
        let mut end = self.mentions[k].end;
        let len = self.tokens.len();
        // "summoned the ambassadors of the United States and Germany", "met the government of
        // Congo and the rebels": the place in the head's "of" phrase is no partner; an actor
        // that is no place after it is.
        let mut after_of_place = false;
        if !listed && end + 1 < len && self.norm(end) == "of" {
            let mut j = end + 1;
            if matches!(self.pos(j), Pos::Det) {
                j += 1;
            }
            if let Some(x) = self.mention_at.get(j).copied().flatten() {
                if self.mentions[x].start == j
                    && self.mentions[x].place
                    && self.of_head(x) == Some(k)
                {
                    end = self.mentions[x].end;
                    after_of_place = true;
                }
            }
        }
        while !listed {
            let mut j = end;
            let mut and = false;
            if j < len && self.norm(j) == "," {
                j += 1;
            }
            if j < len && matches!(self.norm(j), "and" | "or") {
                and = true;
                j += 1;
            }
            if j == end {
                break;
            }
            if j < len && matches!(self.pos(j), Pos::Det | Pos::PossPron) {
                j += 1;
            }
            let next = (j < len)
                .then(|| self.mention_at[j])
                .flatten()
                .filter(|&m| self.mentions[m].start == j);
            let Some(next) = next else {
                break;
            };
            if self.finite_group_at(self.mentions[next].end)
                || (after_of_place && self.mentions[next].place)
            {
                break;
            }
            listed |= and;
            out.push(next);
            end = self.mentions[next].end;
        }
        if !listed {
            return smallvec::smallvec![k];
        }
        out.sort_unstable();
        out
    }

    /// The noun phrase before a relative pronoun: "Israel, which ..." → Israel.
    fn antecedent(&self, rel: usize) -> Vec<usize> {
        let mut j = rel;
        while j > 0 {
            j -= 1;
            if self.norm(j) == "," {
                continue;
            }
            if let Some(k) = self.mention_at[j] {
                // "fighting in eastern Congo that has killed thousands": a place does not
                // act; the clause belongs to the noun phrase before the place's preposition.
                let m = &self.mentions[k];
                if m.locative && matches!(self.norm(rel), "that" | "which" | "who") {
                    let prep = self.skip_pp_left(m.start);
                    return match prep.checked_sub(1) {
                        Some(before) if prep > 0 => self.mention_at[before]
                            .or_else(|| self.owner_in_np_ending_at(before))
                            .into_iter()
                            .collect(),
                        _ => Vec::new(),
                    };
                }
                return vec![k];
            }
            return self.owner_in_np_ending_at(j).into_iter().collect();
        }
        Vec::new()
    }

    /// Whether mention `k` is the object of a preposition (so it cannot be a subject).
    pub fn is_prep_object(&self, k: usize) -> bool {
        let m = &self.mentions[k];
        let mut j = m.start;
        while j > 0 {
            j -= 1;
            match self.pos(j) {
                Pos::Det | Pos::Adj | Pos::Num | Pos::PossPron => continue,
                // "in Christian east Beirut"
                _ if matches!(self.norm(j), "east" | "west" | "north" | "south") => continue,
                // "after a Serbian jet shot down ...": a temporal word before a clause
                // subordinates it; the mention is the clause's subject.
                Pos::Prep
                    if TEMPORAL_SUBORDINATORS.contains(&self.norm(j))
                        && self.finite_group_at(m.end) =>
                {
                    return false
                }
                Pos::Prep => return self.norm(j) != "like",
                _ => return false,
            }
        }
        false
    }

    /// A verb group of one bare past form right after a noun ("troops stationed", "a body
    /// linked"): a finite verb or a participle modifying the noun, as the context decides.
    fn bare_past_after_noun(&self, start: usize, head: usize, infinitive: bool) -> bool {
        self.tokens.tokens[head].form == VForm::Past
            && head == start
            && !infinitive
            && start > 0
            && matches!(self.pos(start - 1), Pos::Noun | Pos::Proper)
    }

    /// A prepositional phrase starts at `i` and a finite verb follows it: the past form
    /// before `i` modifies the noun before it ("a newspaper based in east Beirut has
    /// violated ...", "troops stationed near the border fired ...").
    fn finite_verb_after_pp(&self, i: usize) -> bool {
        if i >= self.tokens.len() || self.pos(i) != Pos::Prep {
            return false;
        }
        for j in i + 1..self.tokens.len() {
            match self.pos(j) {
                Pos::Aux | Pos::Modal => return true,
                // "responded with missiles aimed at Israeli cities": a regular past form
                // followed by a preposition modifies the noun before it.
                Pos::Verb => {
                    let modifier = self.norm(j).ends_with("ed")
                        && j + 1 < self.tokens.len()
                        && self.pos(j + 1) == Pos::Prep;
                    return self.tokens.tokens[j].form != VForm::Ger && !modifier;
                }
                Pos::Det
                | Pos::Adj
                | Pos::Noun
                | Pos::Proper
                | Pos::Num
                | Pos::Prep
                | Pos::Poss
                | Pos::PossPron
                | Pos::Adv => {}
                Pos::Punct if self.tokens.tokens[j].kind == TokenKind::Hyphen => {}
                _ => return false,
            }
        }
        false
    }

    /// A determiner-led noun phrase starts at `i`, after an optional particle: the verb before
    /// has a direct object, so it is active ("a jet shot down a drone"), not a passive
    /// participle modifying the noun before it ("talks aimed at ...").
    fn object_follows(&self, mut i: usize) -> bool {
        if i < self.tokens.len() && self.pos(i) == Pos::Part {
            i += 1;
        }
        i < self.tokens.len() && matches!(self.pos(i), Pos::Det | Pos::PossPron)
    }

    /// The clause of verb group `g` opens with `word`, before its subject or right before
    /// the verb: "whether" in "... whether Trump's team has engaged ...".
    pub fn opened_by(&self, g: usize, word: &str) -> bool {
        let group = &self.groups[g];
        let clause = self.clause_start(group.start);
        let before_subject = self
            .subject(g)
            .first()
            .and_then(|&s| modifiers_start(self.tokens, self.mentions[s].start).checked_sub(1));
        clause
            .checked_sub(1)
            .into_iter()
            .chain(before_subject)
            .any(|i| self.norm(i) == word)
    }

    /// The temporal word opening the clause of verb group `g` when it stands before the
    /// clause's subject: "until" in "until Hamas frees ...".
    pub fn subordinated_by(&self, g: usize) -> Option<&str> {
        self.subordinator_at(g).map(|j| self.norm(j))
    }

    /// Where the word of [`Analysis::subordinated_by`] stands.
    pub fn subordinator_at(&self, g: usize) -> Option<usize> {
        let &subject = self.subject(g).first()?;
        let j = modifiers_start(self.tokens, self.mentions[subject].start).checked_sub(1)?;
        TEMPORAL_SUBORDINATORS.contains(&self.norm(j)).then_some(j)
    }

    /// The conjunction at `i` joins two noun phrases ("the removal of the president and his
    /// party at talks aimed at ..."), not two clauses ("... and a staff member went missing"):
    /// a prepositional phrase separates the second noun phrase from the verb at `verb`.
    fn joins_noun_phrases(&self, i: usize, verb: usize) -> bool {
        i > 0
            && i + 1 < verb
            && (i + 1..verb).any(|j| self.pos(j) == Pos::Prep)
            && matches!(self.pos(i - 1), Pos::Noun | Pos::Proper)
            && matches!(
                self.pos(i + 1),
                Pos::Det | Pos::PossPron | Pos::Adj | Pos::Noun | Pos::Proper | Pos::Num
            )
    }

    /// A finite verb group starts exactly at token `i`.
    pub fn starts_finite_group(&self, i: usize) -> bool {
        self.group_at.get(i).copied().flatten().is_some_and(|g| {
            let group = &self.groups[g];
            group.start == i && !group.participle && !group.infinitive
        })
    }

    /// A finite verb group starts at token `i` (adverbs skipped).
    fn finite_group_at(&self, mut i: usize) -> bool {
        while i < self.tokens.len() && self.pos(i) == Pos::Adv {
            i += 1;
        }
        self.starts_finite_group(i)
    }

    /// The partner of mention `k` when mention `prev` ends right before the "and" joining
    /// them: `prev` itself, or the head of the "of" phrase `prev` ends, or none for another
    /// prepositional phrase.
    fn partner_before(&self, prev: usize, k: usize) -> Option<usize> {
        if !self.is_prep_object(prev) {
            return Some(prev);
        }
        self.of_head(prev)
            .filter(|_| self.place_in_of_phrase(prev, k))
    }

    /// "The government of Congo and the rebels signed": a place (`prev`) in an "of" phrase
    /// is no partner of an actor (`k`) that is no place; the head of the phrase is.
    fn place_in_of_phrase(&self, prev: usize, k: usize) -> bool {
        self.mentions[prev].place && !self.mentions[k].place
    }

    /// The mention an "of" phrase holding mention `k` belongs to: "the government of Congo"
    /// → the government.
    fn of_head(&self, k: usize) -> Option<usize> {
        let of = self.skip_pp_left(self.mentions[k].start);
        if of == 0 || self.norm(of) != "of" {
            return None;
        }
        self.mention_at[of - 1].filter(|&h| self.mentions[h].end == of)
    }

    /// Index just left of the preposition that governs a phrase starting at `start`.
    fn skip_pp_left(&self, start: usize) -> usize {
        let mut j = start;
        while j > 0 {
            j -= 1;
            if self.pos(j) == Pos::Prep {
                return j;
            }
        }
        0
    }

    /// `,` at `j` closes an appositive or a relative clause: the index of its opening comma.
    fn skip_parenthetical(&self, close: usize) -> Option<usize> {
        // A participle clause set off by commas after a noun: "attacks, occurring about once
        // every three days, have killed ...".
        if let Some(open) = (1..close).rev().find(|&c| self.norm(c) == ",") {
            let participle = self.group_at[open + 1]
                .is_some_and(|k| self.groups[k].participle && self.groups[k].start == open + 1);
            let noun_before = self.mention_at[open - 1].is_some()
                || matches!(self.pos(open - 1), Pos::Noun | Pos::Proper);
            if participle
                && noun_before
                && !(open..close).any(|c| matches!(self.norm(c), ";" | ":" | "\""))
            {
                return Some(open);
            }
        }
        let mut j = close;
        let mut saw_verb = false;
        let mut saw_rel = false;
        while j > 0 {
            j -= 1;
            if self.norm(j) == "," {
                let first = j + 1;
                let starts_rel = first < close && matches!(self.pos(first), Pos::Rel);
                if (saw_rel && starts_rel)
                    || !saw_verb
                    || self.appositive_with_modifier(first, close)
                {
                    // Something must stand before the opening comma for this to be an aside.
                    return (j > 0 && self.mention_at[j - 1].is_some()).then_some(j);
                }
                return None;
            }
            if self.group_at[j].is_some() {
                saw_verb = true;
            }
            if self.pos(j) == Pos::Rel {
                saw_rel = true;
            }
            if matches!(self.pos(j), Pos::Sub)
                || matches!(self.norm(j), ";" | ":" | "\"" | "“" | "”")
            {
                return None;
            }
        }
        None
    }

    /// `first..close` is a noun phrase in apposition whose only verbs are past participles
    /// modifying it: ", a body linked to the Organization of African Unity,", ", an
    /// agency based in Geneva,".
    fn appositive_with_modifier(&self, first: usize, close: usize) -> bool {
        first < close
            && matches!(self.pos(first), Pos::Det | Pos::PossPron)
            && (first..close).all(|i| {
                self.group_at[i].is_none_or(|k| {
                    let group = &self.groups[k];
                    group.start > first
                        && self.bare_past_after_noun(group.start, group.head, group.infinitive)
                }) && !matches!(self.pos(i), Pos::Sub | Pos::Rel)
            })
    }

    /// An actor that owns the noun phrase ending at `j`: a possessive or an adjective
    /// modifier ("Trump's approach", "an Indian proposal").
    pub fn owner_in_np_ending_at(&self, j: usize) -> Option<usize> {
        let mut i = j as isize;
        while i >= 0 {
            let t = i as usize;
            if let Some(k) = self.mention_at[t] {
                let m = &self.mentions[k];
                if m.possessive || m.end <= j {
                    return Some(k);
                }
                return None;
            }
            match self.pos(t) {
                Pos::Noun | Pos::Adj | Pos::Num | Pos::Poss | Pos::Proper => i -= 1,
                Pos::Punct if self.tokens.tokens[t].kind == TokenKind::Hyphen => i -= 1,
                // "Hizbollah (Party of God) group": step over the parenthesis.
                Pos::Punct if self.norm(t) == ")" => {
                    let open = (0..t).rev().find(|&x| self.norm(x) == "(")?;
                    i = open as isize - 1;
                }
                _ => return None,
            }
        }
        None
    }

    /// First token of the noun phrase (without actors) ending at `j`.
    fn np_start(&self, j: usize) -> usize {
        let mut i = j;
        while i > 0 {
            let prev = i - 1;
            if self.mention_at[prev].is_some() || self.group_at[prev].is_some() {
                break;
            }
            let t = &self.tokens.tokens[prev];
            let inside = matches!(
                t.pos,
                Pos::Noun | Pos::Adj | Pos::Num | Pos::Proper | Pos::Det | Pos::PossPron
            ) || t.kind == TokenKind::Hyphen;
            if !inside {
                break;
            }
            i = prev;
            if matches!(t.pos, Pos::Det | Pos::PossPron) {
                break;
            }
        }
        i
    }

    /// Like [`Self::np_start`], but through names modifying the head: "the Darfur region"
    /// starts at "the".
    fn np_start_through_names(&self, j: usize) -> usize {
        let mut start = self.np_start(j);
        while start > 0 {
            let Some(k) = self.mention_at[start - 1] else {
                break;
            };
            let m = &self.mentions[k];
            if m.start >= start || self.tokens.tokens[start - 1].kind == TokenKind::Possessive {
                break;
            }
            start = self.np_start(m.start);
        }
        start
    }

    /// The objects of verb group `g` within its clause (computed once).
    pub fn objects(&self, g: usize) -> &Objects {
        self.objects_cache[g].get_or_init(|| self.compute_objects(g))
    }

    fn compute_objects(&self, g: usize) -> Objects {
        let group = &self.groups[g];
        let n = self.tokens.len();
        let mut out = Objects {
            window_end: n,
            ..Default::default()
        };
        let mut j = group.end;
        // Particles right after the verb belong to it ("reach out to").
        while j < n && self.pos(j) == Pos::Part {
            j += 1;
        }
        let mut first_np_done = false;
        let mut after_infinitive = false;
        // Where a preposition governing an object may start.
        let mut floor = group.end;
        while j < n {
            // "struck what it called terrorist camps": the naming clause is an aside, the
            // object is the phrase it names.
            if let Some(end) = self.naming_aside(j) {
                j = end;
                floor = end;
                continue;
            }
            if let Some(k) = self.group_at[j] {
                let other = &self.groups[k];
                if other.infinitive && out.infinitive.is_none() && out.gerund.is_none() {
                    out.infinitive = Some(k);
                    // The noun phrase after it is the infinitive's object: "called on Uganda
                    // to respect the agreement".
                    after_infinitive = true;
                    j = other.end;
                    continue;
                }
                if self.pos(other.head) == Pos::Verb
                    && self.tokens.tokens[other.head].form == VForm::Ger
                    && other.start == j
                    && !first_np_done
                    && out.gerund.is_none()
                {
                    out.gerund = Some(k);
                }
                out.window_end = j;
                break;
            }
            let pos = self.pos(j);
            let norm = self.norm(j);
            // A few quoted words inside the clause are scare quotes, not a quotation: "had
            // taken \"necessary measures\"", "called the move \"reckless\"".
            if let Some(close) = self.scare_quotes(j) {
                j = close + 1;
                continue;
            }
            if matches!(pos, Pos::Sub | Pos::Rel)
                || matches!(norm, ";" | ":" | "\"" | "“" | "”" | "(" | "—" | "–")
            {
                out.window_end = j;
                break;
            }
            if norm == "," {
                // After a comma no direct object starts ("agreed to a ceasefire, Qatar said"),
                // and "NP verb" there is another clause ("..., a spokeswoman for the embassy
                // said").
                first_np_done = true;
                let mut k = j + 1;
                while k < n
                    && (self.mention_at[k].is_some()
                        || self.pos(k).starts_np()
                        || (self.pos(k) == Pos::Prep && k > j + 1))
                {
                    k += 1;
                }
                if k > j + 1 && self.group_at.get(k).copied().flatten().is_some() {
                    out.window_end = j;
                    break;
                }
                j += 1;
                continue;
            }
            if pos == Pos::Conj {
                // "and" before a new clause or verb ends the window; between nouns it does not.
                let next_clause = (j + 1..n.min(j + 6)).any(|x| {
                    self.group_at[x].is_some()
                        && !self.groups[self.group_at[x].unwrap_or(0)].infinitive
                });
                if next_clause {
                    out.window_end = j;
                    break;
                }
                j += 1;
                continue;
            }
            // A prepositional phrase: its noun phrase's actor is a prepositional object.
            if matches!(pos, Pos::Prep) && j + 1 < n && self.mention_at[j].is_none() {
                let (np_end, head, owner) = self.np_span(j + 1);
                if let Some(k) = head.or(owner) {
                    if !self.mentions[k].locative {
                        out.preps.push((j, k));
                    }
                }
                // Quantities are not phrases of their own: "more than 1,000 refugees".
                if norm != "than" {
                    j = np_end.max(j + 1);
                    continue;
                }
            }
            if let Some(k) = self.mention_at[j] {
                let m = &self.mentions[k];
                if let Some(prep) = self.governing_prep(m.start, floor) {
                    if !m.locative && !out.preps.iter().any(|(_, x)| *x == k) {
                        out.preps.push((prep, k));
                    }
                    j = m.end;
                    continue;
                }
            }
            if !first_np_done
                && !after_infinitive
                && (self.mention_at[j].is_some() || (pos.starts_np() && pos != Pos::Pron))
            {
                first_np_done = true;
                let (np_end, head_mention, owner) = self.np_span(j);
                out.direct_np = Some((j, np_end));
                match head_mention {
                    Some(k) => out.direct = Some(k),
                    None => out.owner = owner,
                }
                j = np_end.max(j + 1);
                continue;
            }
            if let Some(k) = self.mention_at[j] {
                j = self.mentions[k].end;
                continue;
            }
            if !first_np_done && pos == Pos::Pron {
                first_np_done = true;
            }
            j += 1;
        }
        out
    }

    /// Verb group `g` is the verb of a naming aside ("struck what the military said were
    /// depots"): it reports no statement of its own.
    pub fn in_naming_aside(&self, g: usize) -> bool {
        let group = &self.groups[g];
        (group.start.saturating_sub(6)..group.start)
            .any(|j| self.naming_aside(j).is_some_and(|end| end >= group.end))
    }

    /// The end of a free relative that names what follows at `at`: "what it called", "what
    /// the ministry described as".
    fn naming_aside(&self, at: usize) -> Option<usize> {
        if self.norm(at) != "what" {
            return None;
        }
        let first = if self.tokens.tokens.get(at + 1)?.pos == Pos::Det {
            at + 2
        } else {
            at + 1
        };
        let speaker = self.mention_at.get(first).copied().flatten()?;
        let verb = self
            .group_at
            .get(self.mentions[speaker].end)
            .copied()
            .flatten()?;
        let group = &self.groups[verb];
        let end = group.end;
        let next = (end < self.tokens.len()).then(|| self.norm(end));
        match self.tokens.lemma(group.head) {
            "call" | "describe" | "term" | "dub" | "label" | "brand" => {
                Some(if next == Some("as") { end + 1 } else { end })
            }
            // "what the military said were weapons depots"
            "say" | "claim" | "allege" | "believe"
                if matches!(next, Some("was" | "were" | "is" | "are")) =>
            {
                Some(end + 1)
            }
            _ => None,
        }
    }

    /// The preposition directly governing a phrase that starts at `start` (after `floor`).
    fn governing_prep(&self, start: usize, floor: usize) -> Option<usize> {
        let mut j = start;
        while j > floor {
            j -= 1;
            if self.tokens.tokens[j].kind == TokenKind::Hyphen {
                continue;
            }
            if self.norm(j) == "than" {
                return None;
            }
            match self.pos(j) {
                Pos::Det | Pos::Adj | Pos::Num | Pos::PossPron | Pos::Noun
                    if self.mention_at[j].is_none() =>
                {
                    continue
                }
                Pos::Prep if self.norm(j) != "of" || j > floor => return Some(j),
                Pos::To => return Some(j),
                _ => return None,
            }
        }
        None
    }

    /// End of the noun phrase continuing at `from` (nouns, adjectives, hyphens, 's).
    pub fn np_end(&self, from: usize) -> usize {
        let n = self.tokens.len();
        let mut j = from;
        while j < n {
            let t = &self.tokens.tokens[j];
            let continues = self.mention_at[j].is_none()
                && self.group_at[j].is_none()
                && (matches!(
                    t.pos,
                    Pos::Noun | Pos::Adj | Pos::Num | Pos::Poss | Pos::Proper | Pos::Det
                ) || t.kind == TokenKind::Hyphen);
            if !continues {
                break;
            }
            // A determiner can only open the phrase.
            if t.pos == Pos::Det && j > from {
                break;
            }
            j += 1;
        }
        j
    }

    /// The noun phrase starting at `from`: its end, the mention that heads it (when an actor
    /// is the head), and otherwise the last actor inside it that owns or modifies the head
    /// ("a US offer", "Trump's proposal", "the Indian proposal").
    pub fn np_span(&self, from: usize) -> (usize, Option<usize>, Option<usize>) {
        let n = self.tokens.len();
        let mut j = from;
        let mut owner = None;
        let mut head_is_mention = false;
        while j < n {
            if let Some(k) = self.mention_at[j] {
                if self.mentions[k].start != j && j != from {
                    break;
                }
                owner = Some(k);
                head_is_mention = true;
                j = self.mentions[k].end;
                if j < n && self.tokens.tokens[j].kind == TokenKind::Possessive {
                    j += 1;
                    head_is_mention = false;
                }
                continue;
            }
            if self.group_at[j].is_some() {
                break;
            }
            let t = &self.tokens.tokens[j];
            // Quantities: "more than 1,000 refugees", "less than half".
            let quantity = t.pos == Pos::Prep
                && self.norm(j) == "than"
                && j > from
                && matches!(self.norm(j - 1), "more" | "less" | "fewer");
            // "hundreds of soldiers", "a handful of protesters": a counting noun before "of"
            // counts the phrase after it, which heads the noun phrase.
            if matches!(t.pos, Pos::Noun | Pos::Num)
                && j + 1 < n
                && self.norm(j + 1) == "of"
                && COUNTING_NOUNS.contains(&self.norm(j))
            {
                head_is_mention = false;
                j += 2;
                continue;
            }
            // "120 million euros in humanitarian assistance", "$2 billion in loans": a sum of
            // money is counted in what it buys.
            if j > from
                && j + 2 < n
                && self.norm(j + 1) == "in"
                && MONEY_WORDS.contains(&self.norm(j))
                && self.mention_at[j + 2].is_none()
            {
                head_is_mention = false;
                j += 2;
                continue;
            }
            let continues = quantity
                || match t.pos {
                    Pos::Noun | Pos::Adj | Pos::Num | Pos::Proper | Pos::Poss => true,
                    Pos::Det | Pos::PossPron => {
                        j == from || matches!(self.norm(j - 1), "than" | "all" | "of")
                    }
                    _ => t.kind == TokenKind::Hyphen,
                };
            if !continues {
                break;
            }
            if matches!(t.pos, Pos::Noun | Pos::Proper | Pos::Num) {
                head_is_mention = false;
            }
            j += 1;
        }
        if head_is_mention {
            (j, owner, None)
        } else {
            (j, None, owner)
        }
    }

    /// The first token of the clause containing token `i`.
    pub fn clause_start(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 {
            let prev = j - 1;
            if matches!(self.pos(prev), Pos::Sub | Pos::Rel)
                || matches!(self.norm(prev), ";" | ":" | "\"" | "“" | "”")
            {
                return j;
            }
            j = prev;
        }
        0
    }
}

/// Temporal words that can open a clause as well as a prepositional phrase.
const TEMPORAL_SUBORDINATORS: &[&str] = &["after", "before", "since", "until"];

/// Where the determiners, adjectives and numbers right before token `i` begin: "a Serbian"
/// before "jet", "fierce" before "fighting".
pub fn modifiers_start(tokens: &Tokens, mut i: usize) -> usize {
    while i > 0 && matches!(tokens.tokens[i - 1].pos, Pos::Det | Pos::Adj | Pos::Num) {
        i -= 1;
    }
    i
}

/// Verbs whose object, not subject, does the infinitive: "urged Iran to resume talks".
fn direct_object_controls(lemma: &str) -> bool {
    matches!(
        lemma,
        "urge"
            | "ask"
            | "call"
            | "tell"
            | "order"
            | "force"
            | "allow"
            | "invite"
            | "press"
            | "persuade"
            | "encourage"
            | "request"
            | "require"
            | "pressure"
            | "push"
            | "compel"
            | "warn"
            | "advise"
            | "implore"
            | "permit"
            | "authorize"
            | "authorise"
            | "want"
            | "prompt"
    )
}

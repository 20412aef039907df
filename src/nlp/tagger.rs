//! Part-of-speech tagging from the lexicon and context rules that tell a verb from a noun
//! ("attacks", "talks", "protests", "calls") and a determiner from a relative pronoun.

use super::lexicon::{class, tag, LexEntry, Lexicon};
use super::tokens::{TokenKind, Tokens};
use std::cell::OnceCell;

/// Coarse part of speech: just what the event grammar needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    Det,
    Pron,
    /// his, her, its, their, our, my, your
    PossPron,
    Prep,
    /// The infinitive marker "to".
    To,
    Conj,
    Sub,
    /// who, whom, whose, which, and relative "that"
    Rel,
    Aux,
    Modal,
    Neg,
    Verb,
    Noun,
    Proper,
    Adj,
    Adv,
    Num,
    /// The possessive `'s`.
    Poss,
    /// A particle after a verb: "reach out", "call off".
    Part,
    Punct,
    Other,
}

impl Pos {
    /// Can this word begin a noun phrase?
    pub fn starts_np(self) -> bool {
        matches!(
            self,
            Pos::Det | Pos::PossPron | Pos::Num | Pos::Proper | Pos::Noun | Pos::Adj | Pos::Pron
        )
    }

    pub fn is_nominal(self) -> bool {
        matches!(self, Pos::Noun | Pos::Proper | Pos::Pron | Pos::Num)
    }
}

/// Verb inflection, enough to find passives, tense and infinitives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VForm {
    None,
    Base,
    /// Past tense or past participle (English does not tell them apart for most verbs).
    Past,
    Ger,
    ThirdSg,
}

const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me", "it", "you"];

/// What the lexicon says about one token, looked up once per sentence.
#[derive(Debug, Clone, Copy, Default)]
struct LexInfo<'l> {
    entry: Option<&'l LexEntry>,
    classes: u16,
    starts_multiword_prep: bool,
}

/// Tags every token in place: `pos`, `form`, `lemma` and where its form is in the lexicon.
pub fn tag_tokens(tokens: &mut Tokens, lexicon: &Lexicon) {
    let n = tokens.len();
    for i in 0..n {
        if tokens.tokens[i].kind == TokenKind::Word {
            tokens.tokens[i].lexicon_index = lexicon.index(tokens.norm(i));
        }
    }
    let lex: Vec<LexInfo> = tokens
        .tokens
        .iter()
        .map(|token| {
            token.lexicon_index.map_or_else(LexInfo::default, |index| {
                let slot = lexicon.slot(index);
                LexInfo {
                    entry: slot.entry.as_ref(),
                    classes: slot.classes,
                    starts_multiword_prep: slot.starts_multiword_prep,
                }
            })
        })
        .collect();
    let mut prev = Pos::Punct;
    let mut prev2 = Pos::Punct;
    let mut seen_verb = false;
    for i in 0..n {
        let kind = tokens.tokens[i].kind;
        let pos = match kind {
            TokenKind::Punct => Pos::Punct,
            TokenKind::Hyphen => Pos::Punct,
            TokenKind::Possessive => Pos::Poss,
            TokenKind::Number => Pos::Num,
            TokenKind::Word => {
                let context = Context {
                    tokens,
                    lexicon,
                    lex: &lex,
                    i,
                    prev,
                    prev2,
                    seen_verb,
                    next_guess: OnceCell::new(),
                };
                context.decide()
            }
        };
        let entry = lex[i].entry;
        let (lemma, form) = {
            let norm = tokens.norm(i);
            match pos {
                Pos::Verb | Pos::Aux => {
                    let lemma = entry.and_then(|e| e.verb_lemma);
                    (lemma, verb_form(norm, lemma))
                }
                Pos::Noun => (entry.and_then(|e| e.noun_lemma), VForm::None),
                Pos::Adj => (entry.and_then(|e| e.adj_lemma), VForm::None),
                Pos::Modal => (modal_lemma(norm), VForm::None),
                _ => (None, VForm::None),
            }
        };
        let token = &mut tokens.tokens[i];
        token.pos = pos;
        token.lemma = lemma;
        token.form = form;
        token.noun_lemma = entry.and_then(|e| e.noun_lemma);
        if pos == Pos::Verb {
            seen_verb = true;
        }
        if !matches!(pos, Pos::Adv) || kind != TokenKind::Word {
            prev2 = prev;
            prev = pos;
        }
        // A new clause has not seen its verb yet: after a sentence mark, or after the "that"
        // of a reported clause ("said that Washington stands with its ally").
        if matches!(pos, Pos::Punct) && matches!(tokens.norm(i), "." | ";" | ":")
            || subordinating_that(tokens, i)
        {
            seen_verb = false;
        }
    }
    repair_verbless_segments(tokens, lexicon);
}

/// A stretch between commas, or a that-clause, with no finite verb usually means a verb was
/// read as a noun ("settlers in Hebron set fire to ...", "demanded that Israel ease
/// restrictions", "that its partners refuse to recognize"): retag the likeliest candidate, a
/// noun that can be a verb right after a noun phrase.
fn repair_verbless_segments(tokens: &mut Tokens, lexicon: &Lexicon) {
    let n = tokens.len();
    let mut start = 0;
    while start < n {
        let mut end = start;
        while end < n && !ends_segment(tokens, end) {
            end += 1;
        }
        let after_that = start > 0 && tokens.norm(start - 1) == "that";
        let has_verb = (start..end).any(|i| {
            matches!(tokens.tokens[i].pos, Pos::Verb | Pos::Aux | Pos::Modal)
                && !(i > 0 && tokens.tokens[i - 1].pos == Pos::To)
        });
        if !has_verb && (end - start >= 4 || after_that && end - start >= 3) {
            let candidates = (start + 1..end.saturating_sub(1)).filter(|&i| {
                let t = &tokens.tokens[i];
                t.pos == Pos::Noun
                    && !t.cap
                    && matches!(tokens.tokens[i - 1].pos, Pos::Noun | Pos::Proper)
                    && lexicon
                        .word(tokens.norm(i))
                        .is_some_and(|e| e.has(tag::VERB))
                    && matches!(
                        tokens.tokens[i + 1].pos,
                        Pos::Noun
                            | Pos::Det
                            | Pos::Proper
                            | Pos::Adj
                            | Pos::Num
                            | Pos::PossPron
                            | Pos::To
                    )
            });
            // "its partners refuse to ...": of two nouns that can be verbs, the one not
            // followed by a noun.
            let candidate = candidates.fold(None, |best: Option<usize>, i| match best {
                Some(b) if tokens.tokens[b + 1].pos != Pos::Noun => Some(b),
                _ => Some(i),
            });
            if let Some(i) = candidate {
                let norm = tokens.norm(i).to_string();
                let lemma = lexicon.verb_lemma(&norm);
                let t = &mut tokens.tokens[i];
                t.pos = Pos::Verb;
                t.lemma = lemma;
                t.form = verb_form(&norm, lemma);
            }
        }
        start = end + 1;
    }
}

/// Token `i` closes a stretch that [`repair_verbless_segments`] checks for a verb: a clause
/// punctuation mark or a subordinating "that".
fn ends_segment(tokens: &Tokens, i: usize) -> bool {
    match tokens.tokens[i].kind {
        // Only punctuation tokens have these forms: the test of the kind saves comparing every
        // word with each mark.
        TokenKind::Punct => matches!(
            tokens.norm(i),
            "," | ";" | ":" | "(" | ")" | "—" | "\"" | "“" | "”" | "."
        ),
        _ => subordinating_that(tokens, i),
    }
}

/// Token `i`, already tagged, is the "that" opening a subordinate clause.
fn subordinating_that(tokens: &Tokens, i: usize) -> bool {
    tokens.tokens[i].pos == Pos::Sub && tokens.norm(i) == "that"
}

/// Adjectives that open a sentence's subject noun phrase without a determiner: "Recent US
/// drone attacks have killed ...".
const OPENING_ADJECTIVES: &[&str] = &[
    "recent",
    "fresh",
    "renewed",
    "repeated",
    "continued",
    "fierce",
    "heavy",
    "deadly",
    "several",
    "further",
];

/// Verbs whose past tense is their base form.
const PAST_IS_BASE: &[&str] = &[
    "cut",
    "hit",
    "set",
    "put",
    "shut",
    "hurt",
    "let",
    "quit",
    "spread",
    "beat",
    "bid",
    "split",
    "cast",
    "burst",
    "thrust",
    "upset",
    "broadcast",
    "cost",
    "shed",
];

fn modal_lemma(norm: &str) -> Option<&'static str> {
    Some(match norm {
        "will" | "'ll" => "will",
        "would" | "'d" => "would",
        "can" | "could" => "can",
        "may" | "might" => "may",
        "shall" | "should" => "shall",
        "must" => "must",
        _ => return None,
    })
}

fn verb_form(norm: &str, lemma: Option<&str>) -> VForm {
    let Some(lemma) = lemma else {
        return if norm.ends_with("ing") {
            VForm::Ger
        } else if norm.ends_with("ed") {
            VForm::Past
        } else {
            VForm::Base
        };
    };
    if norm == lemma {
        // "put", "cut", "hit", "set": the lexicon lists the past as the base; context decides.
        VForm::Base
    } else if norm.ends_with("ing") && !lemma.ends_with("ing") {
        VForm::Ger
    } else if (norm.ends_with('s')
        && (norm.len() == lemma.len() + 1
            || norm.len() == lemma.len() + 2
            || (norm.ends_with("ies") && lemma.ends_with('y')))
        && norm.starts_with(&lemma[..lemma.len().saturating_sub(1)]))
        || matches!(norm, "is" | "has" | "does")
    {
        VForm::ThirdSg
    } else if matches!(norm, "am" | "are" | "be" | "have" | "do") {
        VForm::Base
    } else {
        VForm::Past
    }
}

/// A base form after a singular noun is still a verb when a noun phrase follows it directly
/// ("Iran attack Israel" is ungrammatical, so this only rescues determiners and pronouns).
fn verb_follows_np(next: Option<Pos>) -> bool {
    matches!(next, Some(Pos::Det | Pos::PossPron))
}

struct Context<'a> {
    tokens: &'a Tokens,
    lexicon: &'a Lexicon,
    lex: &'a [LexInfo<'a>],
    i: usize,
    prev: Pos,
    prev2: Pos,
    seen_verb: bool,
    /// The next word's rough role, worked out when a rule first needs it: many words are
    /// decided without it.
    next_guess: OnceCell<Option<Pos>>,
}

impl Context<'_> {
    fn norm(&self, i: usize) -> &str {
        self.tokens.norm(i)
    }

    fn sentence_initial(&self) -> bool {
        self.i == 0
            || (self.i <= 2 && (0..self.i).all(|j| self.tokens.tokens[j].kind == TokenKind::Punct))
    }

    /// The normalised form of the next token, if there is one.
    fn next_norm(&self) -> Option<&str> {
        (self.i + 1 < self.tokens.len()).then(|| self.norm(self.i + 1))
    }

    /// A rough guess at the next word's role, without its own context (worked out once).
    fn next_guess(&self) -> Option<Pos> {
        *self.next_guess.get_or_init(|| self.guess_next())
    }

    fn guess_next(&self) -> Option<Pos> {
        let j = self.i + 1;
        let token = self.tokens.tokens.get(j)?;
        Some(match token.kind {
            TokenKind::Punct | TokenKind::Hyphen => Pos::Punct,
            TokenKind::Possessive => Pos::Poss,
            TokenKind::Number => Pos::Num,
            TokenKind::Word => {
                let norm = self.norm(j);
                let classes = self.lex[j].classes;
                if token.all_caps || (token.cap && classes == 0) {
                    Pos::Proper
                } else if classes & class::DET != 0 {
                    Pos::Det
                } else if classes & class::AUX != 0 {
                    Pos::Aux
                } else if classes & class::MODAL != 0 {
                    Pos::Modal
                } else if classes & class::PRON != 0 {
                    if POSSESSIVE_PRONOUNS.contains(&norm) {
                        Pos::PossPron
                    } else {
                        Pos::Pron
                    }
                } else if classes & class::PREP != 0 {
                    if norm == "to" {
                        Pos::To
                    } else {
                        Pos::Prep
                    }
                } else if classes & (class::CONJ | class::SUB) != 0 {
                    Pos::Conj
                } else if classes & class::NUM != 0 {
                    Pos::Num
                } else {
                    match self.lex[j].entry {
                        Some(e) if e.tags == tag::VERB => Pos::Verb,
                        Some(e) if e.has(tag::ADJ) && !e.has(tag::VERB) => Pos::Adj,
                        Some(e) if e.has(tag::NOUN) && !e.has(tag::VERB) => Pos::Noun,
                        Some(e) if e.has(tag::ADV) && e.tags == tag::ADV => Pos::Adv,
                        Some(_) => Pos::Other,
                        None => Pos::Noun,
                    }
                }
            }
        })
    }

    fn decide(&self) -> Pos {
        let token = &self.tokens.tokens[self.i];
        let norm = self.norm(self.i);
        let classes = self.lex[self.i].classes;
        let entry = self.lex[self.i].entry;
        // Acronyms in capitals are names ("US", "UN", "ISIS"), not "us".
        if token.all_caps && norm.len() >= 2 && classes & (class::AUX | class::MODAL) == 0 {
            return Pos::Proper;
        }
        // "up to 1,000 people": a quantity, not a particle and a preposition.
        let number_at = |j: usize| {
            self.tokens
                .tokens
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Number)
        };
        if (norm == "up" && self.next_norm() == Some("to") && number_at(self.i + 2))
            || (norm == "to"
                && self.i > 0
                && self.norm(self.i - 1) == "up"
                && number_at(self.i + 1))
            || (matches!(norm, "over" | "nearly" | "almost" | "roughly" | "around")
                && number_at(self.i + 1))
            || (norm == "about"
                && number_at(self.i + 1)
                && (self.i == 0
                    || !matches!(self.tokens.tokens[self.i - 1].pos, Pos::Verb | Pos::Noun)))
        {
            return Pos::Adv;
        }
        // "drills west of Luzon", "30 km north of Kabul": a compass word before "of" that
        // follows no determiner says where, it heads no noun phrase ("the west of the
        // country" does).
        if matches!(
            norm,
            "north"
                | "south"
                | "east"
                | "west"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
        ) && self.next_norm() == Some("of")
            && !(self.i > 0 && self.tokens.tokens[self.i - 1].pos == Pos::Det)
        {
            return Pos::Adv;
        }
        // "one U.S. soldier", "one person": a number before a noun phrase, not the pronoun.
        if norm == "one"
            && self.tokens.tokens.get(self.i + 1).is_some_and(|t| {
                t.cap
                    || self.lex[self.i + 1]
                        .entry
                        .is_some_and(|e| e.has(tag::NOUN) && !e.has(tag::VERB))
            })
        {
            return Pos::Num;
        }
        // "made it clear", "make them aware": an object complement after make + pronoun.
        if self.i >= 2
            && self.prev == Pos::Pron
            && entry.is_some_and(|e| e.has(tag::ADJ))
            && matches!(self.norm(self.i - 2), "make" | "makes" | "made" | "making")
        {
            return Pos::Adj;
        }
        // "once again", "once more" are adverbs, not the conjunction.
        if norm == "once" && matches!(self.next_norm(), Some("again" | "more")) {
            return Pos::Adv;
        }
        // Multi-word prepositions: "according to", "ahead of", "instead of".
        if self.lex[self.i].starts_multiword_prep
            && self
                .lexicon
                .multiword_preps(norm)
                .iter()
                .any(|p| p.len() == 2 && Some(p[1]) == self.next_norm())
        {
            return Pos::Prep;
        }
        // "SPLM/A": a capitalised function word joined to a name is the name's last part.
        if classes != 0
            && token.cap
            && self.i >= 2
            && self.tokens.tokens[self.i - 1].kind == TokenKind::Hyphen
            && self.tokens.tokens[self.i - 2].cap
        {
            return Pos::Proper;
        }
        if classes != 0 {
            if let Some(pos) = self.function_word(norm, classes, entry) {
                return pos;
            }
        }
        if token.cap && !self.sentence_initial() {
            let verb_only = entry.is_some_and(|e| e.tags == tag::VERB);
            // Capitalised adjectives of nationality before a noun: "Israeli changes".
            // Inside a name ("Defence Council") a capitalised noun is part of it.
            let adjective = entry.is_some_and(|e| e.has(tag::ADJ))
                && !(self.prev == Pos::Proper && entry.is_some_and(|e| e.has(tag::NOUN)))
                && matches!(self.next_guess(), Some(Pos::Noun | Pos::Adj | Pos::Other))
                && !self.next_is_finite_verb_form();
            if adjective {
                return Pos::Adj;
            }
            if !verb_only {
                return Pos::Proper;
            }
        }
        let Some(entry) = entry else {
            return self.unknown_word(norm, token.cap);
        };
        if token.cap && self.sentence_initial() && entry.tags & !tag::PROPER == 0 {
            return Pos::Proper;
        }
        self.content_word(norm, entry)
    }

    fn unknown_word(&self, norm: &str, cap: bool) -> Pos {
        if cap {
            Pos::Proper
        } else if norm.ends_with("ly") {
            Pos::Adv
        } else if (norm.ends_with("ing") || norm.ends_with("ed")) && norm.len() > 5 {
            Pos::Verb
        } else {
            Pos::Noun
        }
    }

    fn function_word(&self, norm: &str, classes: u16, entry: Option<&LexEntry>) -> Option<Pos> {
        if classes & class::AUX != 0 {
            return Some(Pos::Aux);
        }
        if classes & class::MODAL != 0 {
            // "the will of the people", "a can of fuel"
            if matches!(self.prev, Pos::Det | Pos::Adj | Pos::PossPron) {
                return Some(Pos::Noun);
            }
            if self.tokens.tokens[self.i].cap && !self.sentence_initial() && norm == "may" {
                return Some(Pos::Proper);
            }
            return Some(Pos::Modal);
        }
        if norm == "to" {
            let next_is_verb = self.tokens.tokens.get(self.i + 1).is_some_and(|t| {
                t.kind == TokenKind::Word && {
                    let next_norm = self.norm(self.i + 1);
                    let e = self.lex[self.i + 1].entry;
                    let base = e.and_then(|e| e.verb_lemma) == Some(next_norm);
                    base && self.lex[self.i + 1].classes & (class::DET | class::PRON) == 0 && !t.cap
                }
            });
            let next_in_compound = self
                .tokens
                .tokens
                .get(self.i + 2)
                .is_some_and(|t| t.kind == TokenKind::Hyphen);
            return Some(if next_is_verb && !next_in_compound {
                Pos::To
            } else {
                Pos::Prep
            });
        }
        if norm == "that" {
            // "a resolution that aims to": a verb form after "that" makes it relative.
            let next_is_finite = self
                .tokens
                .tokens
                .get(self.i + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && {
                    let next_norm = self.norm(self.i + 1);
                    self.lex[self.i + 1].entry.is_some_and(|e| {
                        e.has(tag::VERB)
                            && matches!(
                                verb_form(next_norm, e.verb_lemma),
                                VForm::ThirdSg | VForm::Past
                            )
                    })
                };
            if matches!(self.prev, Pos::Noun | Pos::Proper) && next_is_finite {
                return Some(Pos::Rel);
            }
            return Some(match self.prev {
                Pos::Verb | Pos::Adv | Pos::Punct => Pos::Sub,
                Pos::Noun | Pos::Proper | Pos::Num
                    if matches!(
                        self.next_guess(),
                        Some(Pos::Verb | Pos::Aux | Pos::Modal | Pos::Adv)
                    ) =>
                {
                    Pos::Rel
                }
                _ if matches!(self.next_guess(), Some(Pos::Noun | Pos::Adj | Pos::Other)) => {
                    Pos::Det
                }
                _ => Pos::Sub,
            });
        }
        if classes & class::REL != 0 && matches!(norm, "who" | "whom" | "whose" | "which") {
            return Some(Pos::Rel);
        }
        if classes & class::NEG != 0 && norm != "no" {
            return Some(Pos::Neg);
        }
        if classes & class::PRON != 0 {
            if norm == "her" {
                return Some(
                    if matches!(self.next_guess(), Some(Pos::Noun | Pos::Adj | Pos::Other)) {
                        Pos::PossPron
                    } else {
                        Pos::Pron
                    },
                );
            }
            if POSSESSIVE_PRONOUNS.contains(&norm) {
                return Some(Pos::PossPron);
            }
            if OBJECT_PRONOUNS.contains(&norm) || classes & class::DET == 0 {
                return Some(Pos::Pron);
            }
        }
        if classes & class::DET != 0 {
            return Some(Pos::Det);
        }
        // "speeded up the withdrawal", "called off the strike": an adverbial particle right
        // after its verb, whatever follows ("out of", "up to" stay prepositions).
        let adverbial_particle = matches!(
            norm,
            "up" | "out"
                | "off"
                | "down"
                | "back"
                | "away"
                | "aside"
                | "apart"
                | "together"
                | "forward"
                | "ahead"
        );
        let right_after_verb = self.i > 0 && self.tokens.tokens[self.i - 1].pos == Pos::Verb;
        if classes & class::PART != 0
            && adverbial_particle
            && right_after_verb
            && !matches!(self.next_norm(), Some("of" | "to"))
        {
            return Some(Pos::Part);
        }
        if classes & class::PART != 0
            && matches!(self.prev, Pos::Verb)
            && !matches!(
                self.next_guess(),
                Some(Pos::Det | Pos::Proper | Pos::Num | Pos::PossPron)
            )
        {
            return Some(Pos::Part);
        }
        if classes & class::PREP != 0 {
            return Some(Pos::Prep);
        }
        if classes & class::CONJ != 0 {
            return Some(Pos::Conj);
        }
        if classes & class::SUB != 0 {
            return Some(Pos::Sub);
        }
        if classes & class::NUM != 0 {
            return Some(Pos::Num);
        }
        if classes & class::TIME != 0 {
            return Some(Pos::Adv);
        }
        if classes & class::PART != 0 {
            return Some(Pos::Prep);
        }
        let _ = entry;
        None
    }

    /// Joined to the previous word by a hyphen ("war-torn", "US-led"), or to the next one
    /// ("war-torn"): part of a compound modifier, never a verb.
    fn in_hyphen_compound(&self) -> (bool, bool) {
        let after = self.i > 0 && self.tokens.tokens[self.i - 1].kind == TokenKind::Hyphen;
        let before = self
            .tokens
            .tokens
            .get(self.i + 1)
            .is_some_and(|t| t.kind == TokenKind::Hyphen);
        (after, before)
    }

    fn content_word(&self, norm: &str, entry: &LexEntry) -> Pos {
        let (after_hyphen, before_hyphen) = self.in_hyphen_compound();
        if after_hyphen || before_hyphen {
            let noun_like = entry.has(tag::NOUN);
            return if after_hyphen && entry.has(tag::VERB) && !noun_like
                || entry.has(tag::ADJ) && !noun_like
            {
                Pos::Adj
            } else if noun_like {
                Pos::Noun
            } else {
                Pos::Adj
            };
        }
        let tags = entry.tags & !tag::PROPER;
        let noun = tags & tag::NOUN != 0;
        let verb = tags & tag::VERB != 0;
        let adj = tags & tag::ADJ != 0;
        let adv = tags & tag::ADV != 0;
        // Only the rules for words that can be verbs look at the verb form.
        let form = if verb {
            verb_form(norm, entry.verb_lemma)
        } else {
            VForm::None
        };
        let prev = self.prev;
        // "from neighboring Lebanon", "the ruling party": an -ing adjective before a noun.
        // After a possessive no verb can follow, adjective or not: "Algeria's leading activist".
        // Right after a verb too, when the lexicon knows the adjective: "delivered devastating
        // blows".
        if verb
            && (adj || matches!(prev, Pos::Poss | Pos::PossPron | Pos::Det))
            && form == VForm::Ger
            && (matches!(
                prev,
                Pos::Det | Pos::PossPron | Pos::Prep | Pos::Adj | Pos::Poss
            ) || adj && prev == Pos::Verb && self.next_guess() == Some(Pos::Noun))
            && matches!(
                self.next_guess(),
                Some(Pos::Noun | Pos::Proper | Pos::Adj | Pos::Other)
            )
        {
            return Pos::Adj;
        }
        // "stopped attacking shipping in the Red Sea", "agreements on energy, shipping and
        // health": an -ing form with no object of its own, right after another -ing form or
        // between a noun's comma and "and", is a noun.
        if verb
            && form == VForm::Ger
            && self.i > 0
            && !matches!(
                self.next_guess(),
                Some(Pos::Det | Pos::Noun | Pos::Proper | Pos::Adj | Pos::PossPron | Pos::Num)
            )
        {
            let before = &self.tokens.tokens[self.i - 1];
            let after_gerund = before.pos == Pos::Verb && before.form == VForm::Ger;
            let listed = self.norm(self.i - 1) == ","
                && self.i >= 2
                && self.tokens.tokens[self.i - 2].pos == Pos::Noun
                && matches!(self.next_norm(), Some("and" | "or" | ","));
            if after_gerund || listed {
                return Pos::Noun;
            }
        }
        if verb && (noun || adj) {
            return self.noun_or_verb(form, noun, adj, self.next_guess());
        }
        // "an act of war", "a retreat": no finite verb follows an article, so a word the
        // lexicon knows only as a verb is used as a noun there.
        if verb
            && matches!(form, VForm::Base | VForm::ThirdSg)
            && self.i > 0
            && matches!(self.norm(self.i - 1), "a" | "an" | "the")
        {
            return Pos::Noun;
        }
        // "the wounded", "the displaced", "after the signing": a participle standing as a
        // noun after "the".
        if verb
            && matches!(form, VForm::Past | VForm::Ger)
            && matches!(prev, Pos::Det)
            && !matches!(
                self.next_guess(),
                Some(Pos::Noun | Pos::Proper | Pos::Adj | Pos::Other)
            )
        {
            return Pos::Noun;
        }
        // "after fierce fighting with", "heavy shelling of": an -ing form after an adjective,
        // with no object of its own, is a noun.
        if verb
            && form == VForm::Ger
            && self.i > 0
            && self.tokens.tokens[self.i - 1].pos == Pos::Adj
            && !matches!(
                self.next_guess(),
                Some(Pos::Det | Pos::PossPron | Pos::Proper | Pos::Num | Pos::Pron)
            )
        {
            return Pos::Noun;
        }
        if verb {
            // A participle between a determiner (or a verb) and a noun is an adjective: "the
            // proposed changes", "rejected proposed changes", "an armed group".
            // Right after a preposition too: "support of suspected terrorists".
            let modifier_slot = matches!(
                prev,
                Pos::Det | Pos::PossPron | Pos::Poss | Pos::Verb | Pos::Adj
            ) || self.i > 0 && self.tokens.tokens[self.i - 1].pos == Pos::Prep;
            if form == VForm::Past
                && modifier_slot
                && matches!(
                    self.next_guess(),
                    Some(Pos::Noun | Pos::Adj | Pos::Other | Pos::Proper)
                )
            {
                return Pos::Adj;
            }
            return Pos::Verb;
        }
        if noun && adj {
            return if matches!(
                self.next_guess(),
                Some(Pos::Noun | Pos::Proper | Pos::Adj | Pos::Other)
            ) {
                Pos::Adj
            } else {
                Pos::Noun
            };
        }
        if adj && adv {
            return if matches!(self.next_guess(), Some(Pos::Noun | Pos::Adj | Pos::Other)) {
                Pos::Adj
            } else {
                Pos::Adv
            };
        }
        if noun {
            return Pos::Noun;
        }
        if adj {
            return Pos::Adj;
        }
        if adv {
            return Pos::Adv;
        }
        if entry.has(tag::AUX) {
            return Pos::Aux;
        }
        let _ = prev;
        Pos::Noun
    }

    /// The next word can be a verb in the past or third person ("International accused").
    fn next_is_finite_verb_form(&self) -> bool {
        let Some(t) = self.tokens.tokens.get(self.i + 1) else {
            return false;
        };
        if t.kind != TokenKind::Word {
            return false;
        }
        let norm = self.norm(self.i + 1);
        self.lex[self.i + 1].entry.is_some_and(|e| {
            e.has(tag::VERB)
                && matches!(verb_form(norm, e.verb_lemma), VForm::Past | VForm::ThirdSg)
        })
    }

    /// Time words ("on Friday", "last week", "again") follow, then a finite verb form.
    fn verb_after_time_adjunct(&self) -> bool {
        let n = self.tokens.len();
        let mut j = self.i + 1;
        while j < n && j <= self.i + 5 {
            let w = self.norm(j);
            let time = matches!(
                w,
                "on" | "last"
                    | "this"
                    | "again"
                    | "also"
                    | "today"
                    | "yesterday"
                    | "earlier"
                    | "week"
                    | "month"
                    | "year"
            ) || crate::nlp::weekday(w).is_some()
                || crate::nlp::month_number(w).is_some();
            if !time {
                break;
            }
            j += 1;
        }
        if j == self.i + 1 || j >= n {
            return false;
        }
        let w = self.norm(j);
        self.lex[j].classes & (class::AUX | class::MODAL) != 0
            || self.lex[j].entry.is_some_and(|e| {
                e.has(tag::VERB)
                    && !e.has(tag::NOUN)
                    && matches!(verb_form(w, e.verb_lemma), VForm::Past | VForm::ThirdSg)
            })
    }

    /// The next word is a verb particle and a noun phrase starts after it: "shot down a ...",
    /// "blew up the ...".
    fn particle_before_np(&self) -> bool {
        let (Some(_), Some(after)) = (
            self.tokens.tokens.get(self.i + 1),
            self.tokens.tokens.get(self.i + 2),
        ) else {
            return false;
        };
        matches!(self.norm(self.i + 1), "down" | "up" | "off" | "out")
            && (after.kind == TokenKind::Number
                || matches!(
                    self.norm(self.i + 2),
                    "a" | "an" | "the" | "its" | "their" | "his" | "her" | "two" | "three"
                ))
    }

    /// Inside a noun phrase opened by an article or possessive that cannot end yet: "a US
    /// offer", "its nuclear programme" ("the" may close a name: "the United States plans").
    /// The next word is "to" followed by a name, a determiner or a number: a preposition.
    fn to_before_noun_phrase(&self) -> bool {
        let j = self.i + 2;
        self.tokens.tokens.get(j).is_some_and(|t| {
            t.cap
                || t.kind == TokenKind::Number
                || self.lex[j].classes & (class::DET | class::NUM) != 0
        })
    }

    fn in_open_np(&self) -> bool {
        let mut j = self.i;
        let mut skipped = 0;
        while j > 0 {
            j -= 1;
            let t = &self.tokens.tokens[j];
            match t.pos {
                Pos::Adj | Pos::Noun | Pos::Proper | Pos::Num => skipped += 1,
                Pos::Punct if t.kind == TokenKind::Hyphen => {}
                Pos::PossPron | Pos::Poss => return skipped > 0,
                Pos::Det => {
                    return skipped > 0
                        && matches!(
                            self.norm(j),
                            "a" | "an"
                                | "this"
                                | "these"
                                | "those"
                                | "any"
                                | "no"
                                | "each"
                                | "every"
                                | "another"
                        );
                }
                _ => return false,
            }
        }
        // "Recent US drone attacks, ...": a sentence opening with an adjective that premodifies
        // event nouns.
        skipped > 1 && OPENING_ADJECTIVES.contains(&self.norm(0))
    }

    /// The nearest word before this one (adverbs skipped) is a plural noun: "soldiers
    /// (routinely) beat", not "U.S. soldier".
    fn plural_before(&self) -> bool {
        let mut j = self.i;
        while j > 0 {
            j -= 1;
            let t = &self.tokens.tokens[j];
            if t.pos == Pos::Adv {
                continue;
            }
            let norm = self.norm(j);
            if t.all_caps || norm.len() <= 3 || !norm.ends_with('s') {
                return false;
            }
            return self.lex[j]
                .entry
                .is_none_or(|e| e.noun_lemma.is_some_and(|l| l != norm) || e.has(tag::PROPER));
        }
        false
    }

    /// "X and Y" just before the current word.
    fn coordinated_before(&self) -> bool {
        self.i >= 3 && self.norm(self.i - 2) == "and"
    }

    /// "the Turkish and Greek sides", "the Russian attacks": after "the" and capitalised
    /// adjectives of nationality (and "and" between them) a noun follows.
    fn after_the_and_nationalities(&self) -> bool {
        let mut j = self.i;
        let mut adjectives = 0;
        while j > 0 {
            j -= 1;
            let t = &self.tokens.tokens[j];
            let nationality = t.cap
                && self.lex[j]
                    .entry
                    .is_some_and(|e| e.has(tag::ADJ) && e.has(tag::PROPER));
            if nationality {
                adjectives += 1;
            } else if self.norm(j) == "and" && adjectives > 0 {
                continue;
            } else {
                return adjectives > 0 && self.norm(j) == "the";
            }
        }
        false
    }

    fn noun_or_verb(&self, form: VForm, noun: bool, adj: bool, next: Option<Pos>) -> Pos {
        let prev = self.prev;
        // "200 Taliban and allied fighters": a participle joined to a noun phrase, before a
        // noun, modifies it ("attacked and killed soldiers" joins verbs instead).
        if adj
            && form == VForm::Past
            && prev == Pos::Conj
            && next == Some(Pos::Noun)
            && self.i >= 2
            && matches!(self.tokens.tokens[self.i - 2].pos, Pos::Noun | Pos::Proper)
        {
            return Pos::Adj;
        }
        // "Poland on Wednesday ordered the closure": no adjective takes a determiner after
        // it, so a past form there is the verb. Nor a number, unless a determiner comes
        // first: "police on Friday closed six offices" (but "an estimated 200 people").
        let counted_object = next == Some(Pos::Num) && !matches!(prev, Pos::Det | Pos::Adj);
        if adj
            && !noun
            && form == VForm::Past
            && (matches!(next, Some(Pos::Det | Pos::PossPron)) || counted_object)
        {
            return Pos::Verb;
        }
        // "Ivory Coast rebels on Friday again rejected ...": a clear verb after a time
        // adjunct makes this -s form the subject's plural noun.
        if noun
            && form == VForm::ThirdSg
            && matches!(prev, Pos::Noun | Pos::Proper)
            && self.verb_after_time_adjunct()
        {
            return Pos::Noun;
        }
        // "soldiers routinely beat up detainees": a manner adverb between a noun phrase and
        // the word makes it the verb.
        if self.i > 0
            && self.tokens.tokens[self.i - 1].pos == Pos::Adv
            && self.norm(self.i - 1).ends_with("ly")
            && matches!(prev, Pos::Noun | Pos::Proper | Pos::Pron)
            && form != VForm::Ger
        {
            return Pos::Verb;
        }
        let as_noun = if noun { Pos::Noun } else { Pos::Adj };
        // "a jet shot down a helicopter": a past form with a particle before a noun phrase is
        // a phrasal verb, not part of a compound noun.
        if form == VForm::Past
            && matches!(prev, Pos::Noun | Pos::Proper)
            && self.particle_before_np()
        {
            return Pos::Verb;
        }
        if noun && matches!(prev, Pos::Noun | Pos::Proper | Pos::Adj) && self.in_open_np() {
            return Pos::Noun;
        }
        if noun && prev == Pos::Proper && self.after_the_and_nationalities() {
            return Pos::Noun;
        }
        match prev {
            Pos::Det | Pos::PossPron | Pos::Poss | Pos::Num | Pos::Prep => {
                // "the wounded", "the talks"; but "after signing" is a verb.
                if prev == Pos::Prep && form == VForm::Ger {
                    return Pos::Verb;
                }
                return as_noun;
            }
            Pos::Adj => {
                return if form == VForm::Past && !noun {
                    Pos::Verb
                } else {
                    as_noun
                };
            }
            Pos::Pron | Pos::Modal | Pos::To | Pos::Neg | Pos::Rel => return Pos::Verb,
            Pos::Aux => {
                // "was wounded" (passive) or "is talks"? Auxiliaries govern verbs, but "is
                // willing to", "is ready to" are adjectives.
                if adj && (form == VForm::Base || next == Some(Pos::To)) {
                    return Pos::Adj;
                }
                return Pos::Verb;
            }
            _ => {}
        }
        let np_follows = matches!(
            next,
            Some(
                Pos::Det
                    | Pos::Proper
                    | Pos::PossPron
                    | Pos::Num
                    | Pos::Pron
                    | Pos::Adj
                    | Pos::To
                    | Pos::Adv
            )
        );
        let verb_follows = matches!(next, Some(Pos::Verb | Pos::Aux | Pos::Modal));
        match prev {
            Pos::Noun | Pos::Proper => match form {
                VForm::Past => Pos::Verb,
                VForm::Ger => Pos::Verb,
                // A base form after a plural or coordinated subject agrees with it: "the
                // Palestinians reject", "Iran and Iraq sign".
                VForm::Base
                    if (self.plural_before() || self.coordinated_before())
                        && (matches!(
                            next,
                            Some(
                                Pos::Det
                                    | Pos::Proper
                                    | Pos::PossPron
                                    | Pos::Pron
                                    | Pos::Num
                                    | Pos::Adj
                                    | Pos::Adv
                                    | Pos::To
                            )
                        ) || self.next_is_finite_verb_form()) =>
                {
                    Pos::Verb
                }
                // "opposition groups in Zimbabwe", "peace talks in Doha": after a common noun an
                // -s form before a preposition is a plural noun; after a name it is a verb
                // ("Iran calls for").
                // So before "to" and a noun phrase: "cut gas supplies to Ukraine".
                VForm::ThirdSg
                    if prev == Pos::Noun
                        && (matches!(next, Some(Pos::Prep))
                            || next == Some(Pos::To) && self.to_before_noun_phrase()) =>
                {
                    as_noun
                }
                // After a singular noun a base form continues a compound: "food aid to".
                // "Sudan's council cut relations with ...": verbs whose past is their base
                // form, after a singular subject and before a noun phrase, are past verbs.
                VForm::Base
                    if PAST_IS_BASE.contains(&self.norm(self.i))
                        && matches!(
                            next,
                            Some(Pos::Det | Pos::Adj | Pos::PossPron | Pos::Num | Pos::Proper)
                        ) =>
                {
                    Pos::Verb
                }
                VForm::Base if noun && !verb_follows_np(next) => Pos::Noun,
                VForm::ThirdSg | VForm::Base => {
                    if verb_follows {
                        as_noun
                    } else if np_follows || matches!(next, Some(Pos::Prep)) && !self.seen_verb {
                        // "Russia attacks Ukraine", "Iran calls for talks"; but "attacks on"
                        // after a verb already in the clause is a noun.
                        if matches!(next, Some(Pos::Prep)) && self.prev2 == Pos::Adj {
                            as_noun
                        } else {
                            Pos::Verb
                        }
                    } else if self.seen_verb {
                        as_noun
                    } else {
                        Pos::Verb
                    }
                }
                VForm::None => as_noun,
            },
            Pos::Conj | Pos::Punct | Pos::Sub | Pos::Other => {
                // "Haddad, a lawyer, accused the army": a past form after a comma before a
                // noun phrase is the verb of the clause.
                let past_before_np = form == VForm::Past
                    && prev == Pos::Punct
                    && !self.sentence_initial()
                    && matches!(
                        next,
                        Some(Pos::Det | Pos::PossPron | Pos::Proper | Pos::Num | Pos::Pron)
                    );
                if verb_follows {
                    as_noun
                } else if past_before_np || form == VForm::Past && (self.seen_verb || !noun) {
                    Pos::Verb
                } else if self.sentence_initial() || !self.seen_verb {
                    if form == VForm::Ger && np_follows {
                        Pos::Verb
                    } else {
                        as_noun
                    }
                } else if np_follows {
                    Pos::Verb
                } else {
                    as_noun
                }
            }
            Pos::Verb => {
                // "agreed to", "began talks": a second verb after a verb is mostly its object.
                if form == VForm::Ger && np_follows {
                    Pos::Verb
                } else {
                    as_noun
                }
            }
            _ => as_noun,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::tokens::tokenize;

    fn tags(text: &str) -> Vec<(String, Pos)> {
        let mut tokens = tokenize(text, 0, text.len());
        tag_tokens(&mut tokens, Lexicon::builtin());
        (0..tokens.len())
            .map(|i| (tokens.norm(i).to_string(), tokens.tokens[i].pos))
            .collect()
    }

    fn pos_of(text: &str, word: &str) -> Pos {
        tags(text)
            .into_iter()
            .find(|(w, _)| w == word)
            .map(|(_, p)| p)
            .unwrap()
    }

    #[test]
    fn tagger_tells_verb_from_noun_by_context() {
        assert_eq!(
            pos_of("Russia attacks Ukraine again.", "attacks"),
            Pos::Verb
        );
        assert_eq!(
            pos_of("The attacks on Kyiv continued.", "attacks"),
            Pos::Noun
        );
        assert_eq!(pos_of("Talks resumed in Doha.", "talks"), Pos::Noun);
        assert_eq!(pos_of("Iran talks with the agency.", "talks"), Pos::Verb);
        assert_eq!(
            pos_of("Thousands joined the protests.", "protests"),
            Pos::Noun
        );
        assert_eq!(pos_of("He calls for calm.", "calls"), Pos::Verb);
        assert_eq!(pos_of("US forces withdrew.", "forces"), Pos::Noun);
    }

    #[test]
    fn a_past_form_before_a_number_is_the_verb_unless_a_determiner_leads() {
        assert_eq!(
            pos_of("Kosovo police on Friday closed six offices.", "closed"),
            Pos::Verb
        );
        assert_ne!(
            pos_of("The strikes killed an estimated 200 people.", "estimated"),
            Pos::Verb
        );
    }

    #[test]
    fn a_word_known_only_as_a_verb_is_a_noun_after_an_article() {
        // The lexicon knows "act" only as a verb.
        assert_eq!(pos_of("He called it an act of war.", "act"), Pos::Noun);
        assert_eq!(pos_of("They act together.", "act"), Pos::Verb);
    }

    #[test]
    fn a_compass_word_before_of_says_where() {
        assert_eq!(pos_of("They held drills west of Luzon.", "west"), Pos::Adv);
        assert_eq!(
            pos_of("Rebels hold the west of the country.", "west"),
            Pos::Noun
        );
    }

    #[test]
    fn a_reported_clause_starts_without_a_verb() {
        // The verb "said" does not make the reported clause's verb a noun.
        assert_eq!(
            pos_of(
                "The ministry said that Washington stands with its ally.",
                "stands"
            ),
            Pos::Verb
        );
        assert_eq!(
            pos_of("The ministry said that talks with Iran resumed.", "talks"),
            Pos::Noun
        );
    }

    #[test]
    fn tagger_finds_infinitives_and_passives() {
        let t = tags("Kabul refused to meet the envoy, who was attacked by gunmen.");
        let get = |w: &str| t.iter().find(|(x, _)| x == w).unwrap().1;
        assert_eq!(get("refused"), Pos::Verb);
        assert_eq!(get("to"), Pos::To);
        assert_eq!(get("meet"), Pos::Verb);
        assert_eq!(get("who"), Pos::Rel);
        assert_eq!(get("was"), Pos::Aux);
        assert_eq!(get("attacked"), Pos::Verb);
        assert_eq!(get("by"), Pos::Prep);
    }

    #[test]
    fn tagger_reads_capitals_as_names() {
        assert_eq!(pos_of("Officials in Bagram said", "bagram"), Pos::Proper);
        assert_eq!(pos_of("the US said", "us"), Pos::Proper);
        assert_eq!(pos_of("he told us", "us"), Pos::Pron);
    }

    #[test]
    fn tagger_sets_verb_forms_and_lemmas() {
        let text = "The army struck the town and fled.";
        let mut tokens = tokenize(text, 0, text.len());
        tag_tokens(&mut tokens, Lexicon::builtin());
        assert_eq!(tokens.lemma(2), "strike");
        assert_eq!(tokens.tokens[2].form, VForm::Past);
        assert_eq!(tokens.lemma(6), "flee");
    }
}

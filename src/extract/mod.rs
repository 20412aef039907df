//! Extract: coded events from a document — actors, event type, source and target, negation,
//! modality, attribution, date and location.
//!
//! Input: `&Document`. Output: [`Extraction`] (sentences, actor mentions, events).
//! Entry point: [`Extractor::extract`].

pub mod actors;
pub mod coder;
pub mod dates;
pub mod grammar;
pub mod memory;

use crate::dict::compiled::TokenIds;
use crate::dict::events::CameoCode;
use crate::dict::Dictionaries;
use crate::model::{
    ActorKind, ActorRef, Document, Event, Extraction, Mention, Modality, Plover, Relation, Sentence,
};
use crate::nlp::{analyze, split_sentences, Lexicon, Pos, TokenKind, Tokens};
use actors::{ActorRecognizer, MentionSpan};
use chrono::NaiveDate;
use coder::code_verb;
use grammar::Analysis;
use memory::DocMemory;
use std::sync::Arc;

/// Options that do not come from the document.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Date for documents that carry none (`--date`).
    pub default_date: Option<NaiveDate>,
    /// The date dated roles resolve on when a document has no date at all; today if unset.
    pub today: Option<NaiveDate>,
}

/// Turns documents into events using a set of dictionaries.
#[derive(Clone)]
pub struct Extractor {
    dict: Arc<Dictionaries>,
    options: ExtractOptions,
}

/// Statement verbs: their subject is the source the other events are attributed to.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "say",
    "tell",
    "announce",
    "state",
    "declare",
    "add",
    "claim",
    "report",
    "insist",
    "stress",
    "emphasize",
    "emphasise",
    "note",
    "confirm",
    "explain",
    "write",
    "post",
    "tweet",
    "reiterate",
    "argue",
    "allege",
    "assert",
    "contend",
    "maintain",
    "recall",
    "remark",
    "comment",
    "disclose",
    "reveal",
    "acknowledge",
    "admit",
    "suggest",
    "predict",
    "believe",
    "think",
];

/// Nouns whose participle carries their author's act: "a statement condemning", "a
/// resolution demanding".
const COMMUNICATION_NOUNS: &[&str] = &[
    "statement",
    "declaration",
    "resolution",
    "letter",
    "communique",
    "communiqué",
    "report",
    "message",
    "note",
    "speech",
    "appeal",
    "petition",
    "decree",
    "motion",
    "post",
    "video",
    "broadcast",
    "editorial",
    "press",
    "memorandum",
    "proposal",
    "document",
];

/// Nouns of asking whose that-clause states what is asked: "the demand that X withdraw".
const REQUEST_NOUNS: &[&str] = &[
    "demand",
    "call",
    "appeal",
    "request",
    "plea",
    "ultimatum",
    "insistence",
];

/// Verbs whose infinitive complement is an intended (future) act.
const FUTURE_VERBS: &[&str] = &[
    "plan", "intend", "aim", "expect", "prepare", "schedule", "set", "decide", "hope", "want",
    "seek", "mean",
];

/// Verbs of getting ready: with an attack in their infinitive, a show of force.
const READINESS_VERBS: &[&str] = &["prepare", "gear", "mass", "mobilize", "mobilise"];
/// Verbs that promise the act of their infinitive: a promised attack is a threat ("vowed to
/// fight", "swore to avenge"), a promised favour an agreement ("pledged to help").
const PROMISE_VERBS: &[&str] = &["vow", "pledge", "swear", "promise", "commit", "undertake"];
const PROPOSAL_VERBS: &[&str] = &["propose", "suggest", "offer", "float", "consider", "weigh"];

/// Verbs whose passive with no agent reports the act of its subject: forces "have been
/// demobilized" stand down, whoever ordered it.
const SELF_PASSIVE_VERBS: &[&str] = &["demobilize", "demobilise"];

/// Verbs that carry a nominal event as their object without coding one themselves.
const LIGHT_VERBS: &[&str] = &[
    "launch",
    "carry",
    "conduct",
    "hold",
    "stage",
    "begin",
    "start",
    "make",
    "issue",
    "mount",
    "undertake",
    "resume",
    "continue",
    "have",
    "give",
    "take",
    "deliver",
    "perform",
    "unleash",
    "escalate",
    "intensify",
    "step",
    "announce",
    "order",
    "approve",
    "organize",
    "organise",
    "call",
    "declare",
    "impose",
    "adopt",
    "unveil",
    "introduce",
    "slap",
];

impl Extractor {
    pub fn new(dict: Arc<Dictionaries>, options: ExtractOptions) -> Extractor {
        Extractor { dict, options }
    }

    /// An extractor over the built-in dictionaries.
    pub fn builtin() -> Extractor {
        Extractor::new(Dictionaries::builtin(), ExtractOptions::default())
    }

    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dict
    }

    /// Extracts sentences, actor mentions and events from one document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let doc_date = doc.date.or(self.options.default_date);
        let role_date = doc_date
            .or(self.options.today)
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let recognizer = ActorRecognizer::new(&self.dict, role_date);
        let mut memory = DocMemory::default();
        let mut out = Extraction::default();
        let text = doc.text.as_str();
        for (index, (start, end)) in split_sentences(text).into_iter().enumerate() {
            out.sentences.push(Sentence { index, start, end });
            let tokens = self.sentence_tokens(text, (index, start, end), &recognizer, &mut memory);
            if tokens.is_empty() {
                continue;
            }
            let ids = TokenIds::new(&self.dict.vocab, &tokens);
            let mentions = recognizer.recognize(text, &tokens, &ids, &mut memory);
            if mentions.is_empty() {
                continue;
            }
            let analysis = Analysis::new(&tokens, &mentions);
            let context = SentenceContext {
                doc,
                text,
                index,
                sentence: &text[start..end],
                doc_date,
            };
            let mut events = self.sentence_events(&context, &analysis, &ids);
            // After the events, whose subjects are then known.
            remember_parties(&analysis, &mut memory);
            out.events.append(&mut events);
            out.mentions.extend(
                mentions
                    .into_iter()
                    .filter(|m| !m.locative || m.actor.code.is_some())
                    .map(|m| Mention {
                        sentence_index: index,
                        named: m.named && !m.anaphoric,
                        actor: m.actor,
                    }),
            );
        }
        out
    }

    fn sentence_events(
        &self,
        ctx: &SentenceContext,
        analysis: &Analysis,
        ids: &TokenIds,
    ) -> Vec<Event> {
        let tokens = analysis.tokens;
        // Vocabulary ids of the words, for the nominal-event dictionary.
        let forms: Vec<Option<u32>> = (0..tokens.len()).map(|i| ids.form(i)).collect();
        let times = dates::time_expressions(tokens, ctx.doc_date);
        let speech = self.attribution(analysis);
        let conditional = (0..tokens.len())
            .any(|i| matches!(tokens.norm(i), "if" | "unless") && tokens.tokens[i].pos == Pos::Sub);
        let mut events: Vec<Event> = Vec::new();
        let mut coded_groups = vec![false; analysis.groups.len()];
        // Byte spans of subjects a statement rules out ("talks with the rebels were not an
        // option"): what they name is rejected, not done.
        let mut ruled_out: Vec<(usize, usize)> = Vec::new();
        let mut codings = Vec::with_capacity(analysis.groups.len());
        for g in 0..analysis.groups.len() {
            codings.push(self.code_group(analysis, ids, g));
        }
        let (is_demanded, demanded_from) = self.complements(analysis, &codings);
        // Readiness verbs and the attacks they get ready for.
        let mut readying = vec![false; analysis.groups.len()];
        let mut readied = vec![false; analysis.groups.len()];
        for (g, getting_ready) in readying.iter_mut().enumerate() {
            if let Some(act) = self.readied_attack(analysis, &codings, g) {
                *getting_ready = true;
                readied[act] = true;
            }
        }
        // "Hamas did not say when it would hand over the captives": what a statement not made
        // would have said states no act.
        let unsaid_from = analysis.groups.iter().position(|x| {
            x.negated && !x.infinitive && SPEECH_VERBS.contains(&tokens.lemma(x.head))
        });
        for g in 0..analysis.groups.len() {
            let group = &analysis.groups[g];
            if is_demanded[g] || unsaid_from.is_some_and(|u| g > u) {
                continue;
            }
            // "X must withdraw", in someone's statement: the speaker demands it of X.
            if matches!(group.modal, Some("must") | Some("shall"))
                && tokens.norm(group.start) != "shall"
            {
                if let (Some(speaker), Some(&subject)) = (speech, analysis.subject(g).first()) {
                    let relation = relation_over(
                        ctx.text,
                        tokens,
                        group.start..group.head + 1,
                        format!("must {}", tokens.lemma(group.head)),
                    );
                    coded_groups[g] = self.push_speaker_event(
                        ctx,
                        analysis,
                        &mut events,
                        &times,
                        (speaker, Some(subject)),
                        ("100", group.head),
                        relation,
                        group.negated,
                    );
                }
                continue;
            }
            // "(X said) removing the sanctions on Burma is out of the question", "Iran's
            // proposal is unacceptable": the speaker rejects what the subject names.
            if let Some((speaker, end)) = speech.zip(self.rejecting_predicate(analysis, g)) {
                let clause = analysis.clause_start(group.start);
                let rejected = (clause..group.start)
                    .filter_map(|i| analysis.mention_at[i])
                    .find(|&k| k != speaker && usable_actor(&analysis.mentions[k]));
                if clause < group.start {
                    ruled_out.push((
                        tokens.tokens[clause].start,
                        tokens.tokens[group.start - 1].end,
                    ));
                }
                let relation = relation_over(
                    ctx.text,
                    tokens,
                    group.start..end,
                    tokens.lemma(group.head).to_string(),
                );
                coded_groups[g] = self.push_speaker_event(
                    ctx,
                    analysis,
                    &mut events,
                    &times,
                    (speaker, rejected),
                    ("120", group.head),
                    relation,
                    false,
                );
                continue;
            }
            // "Vietnam is committed to opening up its economy", "Iran is willing to resume
            // talks": the subject states an intent (CAMEO 030).
            if let Some(end) = self.intent_predicate(analysis, &codings, g) {
                if let Some(&subject) = analysis.subject(g).first() {
                    let relation = relation_over(
                        ctx.text,
                        tokens,
                        group.start..end,
                        tokens.norm(end - 1).to_string(),
                    );
                    let target = self.pick_target(analysis, analysis.objects(g), &[subject]);
                    coded_groups[g] = self.push_events(
                        ctx,
                        analysis,
                        &mut events,
                        &[subject],
                        target,
                        "030",
                        relation,
                        group.negated,
                        Modality::Asserted,
                        speech.filter(|&k| k != subject),
                        dates::event_date(&times, group.head, ctx.doc_date, false),
                        self.location(analysis, group.head),
                        0.6,
                    );
                    continue;
                }
            }
            // A participle right after a noun modifies it ("lines leading into Kabul",
            // "militiamen armed with machetes"): no event of its own.
            // An -ing participle after an actor reports the actor's act, though: "police
            // dispersed demonstrators protesting the results".
            if group.participle && group.start > 0 && {
                let prev = group.start - 1;
                let communication = COMMUNICATION_NOUNS.contains(&tokens.lemma(prev));
                let actor_acting = analysis.mention_at[prev]
                    .is_some_and(|k| !analysis.mentions[k].locative && !analysis.is_prep_object(k))
                    && tokens.tokens[group.head].form == crate::nlp::VForm::Ger;
                !communication
                    && !actor_acting
                    && (analysis.mention_at[prev].is_some()
                        || matches!(tokens.tokens[prev].pos, Pos::Noun | Pos::Proper))
            } {
                continue;
            }
            let Ok(coding) = &codings[g] else { continue };
            if coding.code == "010" || coding.code == "01" {
                continue;
            }
            // A gerund naming an aim, a reason or a topic is no act: "talks aimed at
            // establishing ties", "arrested for collaborating", "a debate on sending troops",
            // nor is one coordinated with it ("accused Rwanda of arming and commanding").
            let topic_gerund = |g: usize| {
                let group = &analysis.groups[g];
                group.participle
                    && group.start > 0
                    && tokens.tokens[group.head].form == crate::nlp::VForm::Ger
                    && matches!(
                        tokens.norm(group.start - 1),
                        "at" | "for" | "of" | "on" | "about" | "toward" | "towards" | "over"
                    )
            };
            let coordinated_with_topic = g > 0
                && group.participle
                && tokens.tokens[group.head].form == crate::nlp::VForm::Ger
                && analysis.groups[g - 1].end + 1 == group.start
                && matches!(tokens.norm(group.start - 1), "and" | "or")
                && topic_gerund(g - 1);
            if topic_gerund(g) || coordinated_with_topic {
                continue;
            }
            // "(said that) removing the sanctions is out of the question": a gerund clause
            // that is the subject of the next verb names an act, it does not report one.
            if group.participle
                && tokens.tokens[group.head].form == crate::nlp::VForm::Ger
                && analysis.clause_start(group.start) == group.start
                && analysis.starts_finite_group(analysis.objects(g).window_end)
            {
                continue;
            }
            // "because of what it called its involvement": a free relative names, it does not
            // report an act.
            if analysis.subject(g).first().is_some_and(|&s| {
                let start = analysis.mentions[s].start;
                start > 0 && start < group.start && tokens.norm(start - 1) == "what"
            }) {
                continue;
            }
            // The condition of a threat or promise is no event: "... unless the president
            // agrees to step down", "if Israel attacks".
            // So is an awaited act: "... until Hamas frees the hostages", "... before they
            // demobilize".
            // So is one awaited in reported speech: "the campaign would go on until the
            // Houthis stopped attacking shipping".
            let clause = analysis.clause_start(group.start);
            let until = analysis
                .subordinator_at(g)
                .filter(|&j| tokens.norm(j) == "until");
            let awaited_in_reported_future = until.is_some_and(|j| {
                analysis
                    .groups
                    .iter()
                    .rev()
                    .find(|k| k.end <= j && !k.participle && !k.infinitive)
                    .is_some_and(|k| matches!(k.modal, Some("would" | "will")))
            });
            if clause > 0 && matches!(tokens.norm(clause - 1), "if" | "unless")
                || matches!(analysis.subordinated_by(g), Some("until" | "before"))
                    && matches!(
                        tokens.tokens[group.head].form,
                        crate::nlp::VForm::Base | crate::nlp::VForm::ThirdSg
                    )
                || awaited_in_reported_future
            {
                continue;
            }
            let lemma = tokens.lemma(group.head);
            if SPEECH_VERBS.contains(&lemma) && self.dict.plover_of(coding.code) == Plover::Other {
                continue;
            }
            // "claims to be manufacturing weapons": a statement verb before an infinitive
            // reports the infinitive's act; by its own code it accuses no one.
            if SPEECH_VERBS.contains(&lemma)
                && coding.pattern_weight == 0
                && analysis.objects(g).infinitive.is_some()
            {
                continue;
            }
            // Hosting is a visit only when someone is hosted: "hosting military parades" is
            // not.
            if coding.pattern_weight == 0 && lemma == "host" && {
                let objects = analysis.objects(g);
                objects.direct.is_none() && objects.owner.is_none() && objects.direct_np.is_some()
            } {
                continue;
            }
            // "organized a general strike", "declared a ceasefire": a light verb coded by no
            // pattern of its own leaves the act to the noun event it carries.
            if coding.pattern_weight == 0
                && LIGHT_VERBS.contains(&lemma)
                && self.carries_noun_event(analysis, &forms, g)
            {
                continue;
            }
            // A promise of conflict is coded on the act promised, as a threat; readiness for
            // an attack on the attack, as a show of force.
            if readying[g] || self.promised_conflict(analysis, &codings, g).is_some() {
                continue;
            }
            // An infinitive whose governing verb coded an event is part of that event.
            // (The clause a promise of conflict promises counts as governed by the promise.)
            let governor = analysis.governor(g).or_else(|| {
                g.checked_sub(1)
                    .filter(|&p| self.promised_conflict(analysis, &codings, p) == Some(g))
            });
            if let Some(o) = governor {
                let promised = self.promised_conflict(analysis, &codings, o) == Some(g);
                if !promised
                    && !readied[g]
                    && codings[o]
                        .as_ref()
                        .is_ok_and(|c| c.code != "010" && !SPEECH_VERBS.contains(&c.lemma.as_ref()))
                {
                    continue;
                }
            }
            let objects = analysis.objects(g);
            let (mut sources, mut target) = if group.passive {
                let by = objects
                    .preps
                    .iter()
                    .find(|(p, _)| tokens.norm(*p) == "by")
                    .map(|(_, k)| *k);
                let subject = analysis.subject(g);
                if by.is_none() && SELF_PASSIVE_VERBS.contains(&lemma) {
                    // "the guerrillas have been demobilized": they stand down.
                    (subject.to_vec(), None)
                } else {
                    (by.into_iter().collect::<Vec<_>>(), subject.first().copied())
                }
            } else {
                let subject = analysis.subject(g);
                let target = coding
                    .target
                    .or_else(|| self.pick_target(analysis, objects, subject))
                    .or_else(|| self.helped_party(analysis, g))
                    .or(demanded_from[g]);
                (subject.to_vec(), target)
            };
            if let Some(s) = coding.source {
                sources = vec![s];
            }
            // "issued a declaration demanding ...": the author of the statement acts.
            if sources.is_empty() && group.participle {
                sources = self.statement_author(analysis, g).to_vec();
            }
            if coding.swapped {
                let new_source = target;
                target = sources.first().copied();
                sources = new_source.into_iter().collect();
            }
            // A threat is aimed at whoever must meet its condition: "... if the United States
            // goes ahead".
            // So is a refusal that lasts until someone acts: "refused to reopen the crossings
            // until Kabul acts".
            // And one made in the face of someone's pressure: "declined to resign despite
            // pressure from the commission".
            if target.is_none()
                && matches!(
                    self.dict.plover_of(coding.code),
                    Plover::Threaten | Plover::Reject
                )
            {
                target = self
                    .condition_subject(analysis, g)
                    .or_else(|| self.defied_party(analysis, g))
                    .or_else(|| {
                        // Not the source's own side: "Asif warned that Pakistan would strike".
                        let own = |k: usize| {
                            sources.iter().any(|&s| {
                                analysis.mentions[s].actor.country
                                    == analysis.mentions[k].actor.country
                            })
                        };
                        (self.dict.plover_of(coding.code) == Plover::Threaten)
                            .then(|| warned_party(analysis, g))
                            .flatten()
                            .filter(|&k| !own(k))
                    })
                    .filter(|t| !sources.contains(t));
            }
            // Force used on a place: "fired shells at targets in Jericho".
            let forceful = self
                .dict
                .cameo(coding.code)
                .is_some_and(|c| c.quad_class == 4 || c.plover == Plover::Threaten);
            // So is lifting a curfew or emergency imposed on a place (CAMEO 08).
            let forceful = forceful || coding.code.starts_with("08");
            if target.is_none() && forceful {
                target = analysis.mentions.iter().position(|m| {
                    m.locative && m.start > group.head && m.start < objects.window_end
                });
                // Or the place the subject of a passive lies in: "the airport in Port Sudan
                // was hit by drones".
                if target.is_none() && group.passive {
                    let clause = analysis.clause_start(group.start);
                    target = analysis
                        .mentions
                        .iter()
                        .position(|m| m.locative && m.start >= clause && m.end <= group.start);
                }
            }
            // A trip to another country's place is a visit to that country: "the foreign
            // minister arrived in Islamabad".
            if target.is_none()
                && TRAVEL_VERBS.contains(&lemma)
                && self.dict.plover_of(coding.code) == Plover::Consult
            {
                let own = |m: &MentionSpan| {
                    sources
                        .iter()
                        .any(|&s| analysis.mentions[s].actor.country == m.actor.country)
                };
                target = analysis.mentions.iter().position(|m| {
                    m.locative
                        && m.actor.country.is_some()
                        && m.start > group.head
                        && m.start < objects.window_end
                        && !own(m)
                });
            }
            let mut negated = group.negated;
            let mut modality = self.modality(analysis, g, governor, speech.is_some(), conditional);
            if let Some(o) = governor {
                let outer = &analysis.groups[o];
                negated |= outer.negated;
                if tokens.lemma(outer.head) == "deny" {
                    negated = true;
                    modality = Modality::Denied;
                }
            }
            if let Some(o) = self.denying_governor(analysis, g) {
                let _ = o;
                negated = true;
                modality = Modality::Denied;
            }
            // Going, leaving, meeting with no one and nowhere named is no consultation
            // ("a staff member went missing").
            if coding.pattern_weight == 0
                && target.is_none_or(|t| !usable_actor(&analysis.mentions[t]))
                && self.dict.plover_of(coding.code) == Plover::Consult
                && self.location(analysis, group.head).is_none()
                && sources.len() < 2
            {
                continue;
            }
            // Leading, conducting, managing with no partner named is no cooperation: the old
            // dictionary gives such verbs the generic code 060 ("Exxon leads a consortium",
            // "troops were conducting exercises").
            if coding.pattern_weight == 0
                && coding.code == "060"
                && target.is_none_or(|t| !usable_actor(&analysis.mentions[t]))
                && sources.len() < 2
            {
                continue;
            }
            // Not accepting is refusing: "will not accept the plan", "did not agree to talks"
            // are REJECT, an act of their own (DESIGN), not a negated agreement.
            let mut code = coding.code;
            if readied[g] {
                code = "150";
                modality = Modality::Asserted;
            }
            // "to stop supporting the FDLR", "ceased fighting": the verb right before a gerund
            // governs it.
            let governing_verb = g
                .checked_sub(1)
                .map(|p| &analysis.groups[p])
                .filter(|prev| {
                    prev.end == group.start
                        && tokens.tokens[group.head].form == crate::nlp::VForm::Ger
                });
            if let Some(prev) = governing_verb {
                let Some(governed) = governed_code(tokens.lemma(prev.head), code) else {
                    continue;
                };
                code = governed;
            }
            if group.negated
                && modality != Modality::Denied
                && REFUSED_BY_NEGATION.contains(&tokens.lemma(group.head))
                && matches!(
                    self.dict.plover_of(code),
                    Plover::Agree
                        | Plover::Support
                        | Plover::Concede
                        | Plover::Aid
                        | Plover::Retreat
                )
            {
                code = "120";
                negated = false;
                if matches!(modality, Modality::Future | Modality::Hypothetical) {
                    modality = Modality::Asserted;
                }
            }
            // "staged a hunger strike in protest against X", "shut their shops to protest
            // X", "blocked streets in defiance of X": the act is a protest aimed at X.
            if let Some(aimed_at) = self.protest_purpose(analysis, g) {
                if self.dict.plover_of(code) != Plover::Protest {
                    code = "140";
                }
                if aimed_at.is_some() {
                    target = aimed_at;
                }
            }
            let relation_end = coding.verb_end.max(group.head + 1);
            let relation = relation_over(
                ctx.text,
                tokens,
                group.start..relation_end,
                coding.lemma.to_string(),
            );
            let confidence = 0.5
                + if coding.pattern_weight > 0 { 0.2 } else { 0.0 }
                + if target.is_some() { 0.1 } else { 0.0 }
                + if sources.len() == 1 { 0.1 } else { 0.0 };
            let date = dates::event_date_within(
                &times,
                group.head,
                analysis.clause_start(group.start)..objects.window_end,
                ctx.doc_date,
                is_prospective(modality),
            );
            let location = self.location(analysis, group.head);
            // "Turkey and Greece agreed", "the two sides clashed": parties joined as the
            // subject of a mutual act act on each other (unless a direct object or a "with"
            // party says otherwise).
            let reciprocal = sources.len() >= 2
                && sources.len() <= 3
                && !coding.swapped
                && RECIPROCAL_VERBS.contains(&tokens.lemma(group.head))
                && target.is_none_or(|t| {
                    let m = &analysis.mentions[t];
                    m.prep_object
                        && !matches!(
                            tokens.norm(m.start.saturating_sub(1)),
                            "with" | "to" | "between"
                        )
                });
            let made = if reciprocal {
                let mut made = false;
                for &s in &sources {
                    for &t in sources.iter().filter(|&&t| t != s) {
                        made |= self.push_events(
                            ctx,
                            analysis,
                            &mut events,
                            &[s],
                            Some(t),
                            code,
                            relation.clone(),
                            negated,
                            modality,
                            speech,
                            date,
                            location.clone(),
                            confidence,
                        );
                    }
                }
                made
            } else {
                self.push_events(
                    ctx,
                    analysis,
                    &mut events,
                    &sources,
                    target,
                    code,
                    relation,
                    negated,
                    modality,
                    speech,
                    date,
                    location,
                    confidence,
                )
            };
            coded_groups[g] = made;
        }
        // A participle clause adds detail to the main clause's act ("attacked the town, killing
        // five"): when the main clause coded an event, an untargeted participle event is not
        // another one.
        let main_coded = analysis
            .groups
            .iter()
            .zip(&coded_groups)
            .any(|(group, coded)| *coded && !group.participle && !group.infinitive);
        if main_coded {
            let participle_spans: Vec<(usize, usize)> = analysis
                .groups
                .iter()
                .zip(&coded_groups)
                .filter(|(group, coded)| **coded && group.participle)
                .map(|(group, _)| {
                    (
                        tokens.tokens[group.start].start,
                        tokens.tokens[group.end - 1].end,
                    )
                })
                .collect();
            events.retain(|e| {
                e.target.is_some() || !participle_spans.iter().any(|(s, _)| *s == e.relation.start)
            });
        }
        // A verb coded, or demanded by another ("demanded that Iran make a deal", "urged Iran
        // to make a deal"), leaves its object no event of its own.
        let requested = |g: usize| {
            analysis.groups[g].infinitive
                && analysis.governor(g).is_some_and(|o| {
                    codings[o]
                        .as_ref()
                        .is_ok_and(|c| self.dict.plover_of(c.code) == Plover::Request)
                })
        };
        let covered: Vec<bool> = (0..analysis.groups.len())
            .map(|g| coded_groups[g] || is_demanded[g] || requested(g))
            .collect();
        self.noun_events(
            ctx,
            analysis,
            &forms,
            &codings,
            &covered,
            &times,
            speech,
            &mut events,
        );
        events.retain(|e| {
            !ruled_out
                .iter()
                .any(|&(s, end)| e.relation.start >= s && e.relation.end <= end)
        });
        // The same act said twice ("attacked Kyiv, killing five", "threatened to launch an
        // offensive unless Baghdad ..."): keep the one with a target.
        let with_target: Vec<(ActorRef, Plover)> = events
            .iter()
            .filter(|e| e.target.is_some())
            .map(|e| (e.source.clone(), e.plover))
            .collect();
        events.retain(|e| {
            e.target.is_some()
                || !with_target
                    .iter()
                    .any(|(s, p)| *p == e.plover && s.same_key(&e.source))
        });
        events
    }

    /// That-complements: "X demanded that Y withdraw" (Y's withdrawal is what X demands, not
    /// an event, and Y is the demand's target) and "X pledged that it will not use force
    /// against Z" (Z is the pledge's target). Returns which groups are demanded acts and the
    /// target each group takes from its complement.
    fn complements(
        &self,
        analysis: &Analysis,
        codings: &[Result<coder::VerbCoding, coder::NoCode>],
    ) -> (Vec<bool>, Vec<Option<usize>>) {
        let tokens = analysis.tokens;
        let n = analysis.groups.len();
        let mut demanded_from: Vec<Option<usize>> = vec![None; n];
        let mut is_demanded = vec![false; n];
        for (g, _) in analysis.groups.iter().enumerate().skip(1) {
            let p = g - 1;
            let requesting = codings[p]
                .as_ref()
                .is_ok_and(|c| self.dict.plover_of(c.code) == Plover::Request);
            let Some(that) = that_before(analysis, p, g) else {
                continue;
            };
            // "repeated its demand that X withdraw": the noun makes the request.
            let requesting = requesting
                || (analysis.groups[p].end..that)
                    .rev()
                    .find(|&i| tokens.tokens[i].pos != Pos::Adv)
                    .is_some_and(|i| REQUEST_NOUNS.contains(&tokens.lemma(i)));
            if requesting {
                is_demanded[g] = true;
                demanded_from[p] = analysis.subject(g).first().copied();
            } else if codings[p].is_ok() {
                // "pledged that Afghanistan will not allow ...": what is promised is the
                // promise's content, not an act of its own.
                // A promise of conflict, though, is coded on the act promised, as a threat.
                if PROMISE_VERBS.contains(&tokens.lemma(analysis.groups[p].head))
                    && self.promised_conflict(analysis, codings, p) != Some(g)
                {
                    is_demanded[g] = true;
                }
                let inner_subject = analysis.subject(g);
                let mut k = g;
                loop {
                    let objects = analysis.objects(k);
                    let found = self
                        .pick_target(analysis, objects, inner_subject)
                        .filter(|t| !analysis.subject(p).contains(t));
                    if found.is_some() {
                        demanded_from[p] = found;
                        break;
                    }
                    // "will not use or threaten force against X": coordinated verbs share it.
                    let coordinated = analysis.groups.get(k + 1).is_some_and(|next| {
                        next.start == analysis.groups[k].end + 1
                            && matches!(tokens.norm(analysis.groups[k].end), "or" | "and" | "nor")
                    });
                    if !coordinated {
                        break;
                    }
                    k += 1;
                }
            }
        }
        (is_demanded, demanded_from)
    }

    /// "sent warplanes to help defend the junta": whom a helping verb helps, when it names no
    /// one itself, is the object of the act it helps with (its bare or to-infinitive).
    fn helped_party(&self, analysis: &Analysis, g: usize) -> Option<usize> {
        let tokens = analysis.tokens;
        let group = &analysis.groups[g];
        if !matches!(tokens.lemma(group.head), "help" | "assist") {
            return None;
        }
        let bare = analysis
            .group_at
            .get(group.end)
            .copied()
            .flatten()
            .filter(|&h| {
                let helped = &analysis.groups[h];
                helped.start == group.end
                    && tokens.tokens[helped.head].form == crate::nlp::VForm::Base
            });
        let act = bare.or(analysis.objects(g).infinitive)?;
        self.pick_target(analysis, analysis.objects(act), analysis.subject(g))
    }

    /// The target of an active verb with no pattern slot: its direct object, the owner of its
    /// object, a prepositional object, or the target of its complement.
    fn pick_target(
        &self,
        analysis: &Analysis,
        objects: &grammar::Objects,
        subject: &[usize],
    ) -> Option<usize> {
        const TARGET_PREPS: &[&str] = &[
            "with", "against", "to", "on", "at", "toward", "towards", "into", "upon", "over",
            "from", "for", "between", "among", "about", "of", "by",
        ];
        // The subject's own people ("withdrew its troops from Lebanon") are not its target
        // when a prepositional object names another actor; its own places are ("French
        // farmers would blockade Paris").
        let own = |k: usize| {
            let country = &analysis.mentions[k].actor.country;
            country.is_some()
                && subject
                    .iter()
                    .any(|&s| analysis.mentions[s].actor.country == *country)
        };
        // In a civil war the other side is no one's own: "recaptured the palace from the
        // RSF" (a Sudanese army and a Sudanese rebel force).
        let insurgent = |k: usize| {
            matches!(
                analysis.mentions[k].actor.kind,
                ActorKind::ArmedGroup | ActorKind::Opposition
            )
        };
        let armed = |k: usize| {
            insurgent(k)
                || matches!(
                    analysis.mentions[k].actor.kind,
                    ActorKind::Government | ActorKind::Military
                )
        };
        let own_side = |k: usize| {
            let country = &analysis.mentions[k].actor.country;
            country.is_some()
                && subject.iter().any(|&s| {
                    analysis.mentions[s].actor.country == *country
                        && !(armed(k) && insurgent(s) != insurgent(k))
                })
        };
        // "with Oman's foreign minister shuttling between them" is an absolute clause, not a
        // party.
        let absolute = |&(p, k): &(usize, usize)| {
            analysis.tokens.norm(p) == "with"
                && analysis
                    .tokens
                    .tokens
                    .get(analysis.mentions[k].end)
                    .is_some_and(|t| t.pos == Pos::Verb && t.form == crate::nlp::VForm::Ger)
        };
        let prep_target = || {
            objects
                .preps
                .iter()
                .filter(|pk| !absolute(pk))
                .find(|(p, _)| TARGET_PREPS.contains(&analysis.tokens.norm(*p)))
                .map(|(_, k)| *k)
        };
        if let Some(d) = objects.direct {
            // Insurgents of its own country are a state's enemies: "the army killed dozens of
            // militants near the border with Burkina Faso".
            let enemy_within = insurgent(d) && subject.iter().all(|&s| !insurgent(s));
            if !own(d) || enemy_within || analysis.mentions[d].place {
                return Some(d);
            }
            // "fired 300 drones at Kyiv": the subject's own weapons or troops are not its
            // target; another party, or a place of another country, is.
            let other_place = || {
                let after = analysis.mentions[d].end;
                analysis.mentions.iter().position(|m| {
                    m.locative && m.start >= after && m.start < objects.window_end && {
                        let k = analysis.mention_at[m.start].unwrap_or(usize::MAX);
                        k != usize::MAX && !own(k)
                    }
                })
            };
            // Its own people stay its target when no one else is ("police arrested
            // protesters", "rebels in Chad killed three soldiers"); a state's own forces and
            // weapons do not ("North Korea fired a missile into the sea").
            let own_forces = analysis.mentions[d].actor.kind == ActorKind::Military
                && subject.iter().any(|&s| {
                    matches!(
                        analysis.mentions[s].actor.kind,
                        ActorKind::Country | ActorKind::Military
                    )
                });
            return prep_target()
                .filter(|&k| !own_side(k))
                .or_else(other_place)
                .or((!own_forces).then_some(d));
        }
        if let Some(o) = objects.owner {
            // "reimpose United Nations sanctions on Iran": an organisation that authorises
            // the act is not the party it falls on.
            let imposed_on = || {
                objects
                    .preps
                    .iter()
                    .find(|(p, _)| matches!(analysis.tokens.norm(*p), "on" | "against"))
                    .map(|(_, k)| *k)
            };
            if analysis.mentions[o].actor.kind == ActorKind::Igo {
                if let Some(k) = imposed_on() {
                    return Some(k);
                }
            }
            return Some(o);
        }
        if let Some(k) = prep_target() {
            return Some(k);
        }
        // Through a complement only the parties of the act count ("agreed to talk with X"),
        // not what it is about ("agreed to share information on missing people").
        const PARTY_PREPS: &[&str] = &[
            "with", "to", "against", "toward", "towards", "into", "at", "on",
        ];
        for inner in [objects.infinitive, objects.gerund].into_iter().flatten() {
            let inner_objects = analysis.objects(inner);
            let party_prep = || {
                inner_objects
                    .preps
                    .iter()
                    .find(|(p, _)| PARTY_PREPS.contains(&analysis.tokens.norm(*p)))
                    .filter(|(p, k)| {
                        analysis.tokens.norm(*p) != "on"
                            || analysis.mentions[*k].actor.kind != ActorKind::Country
                            || analysis.mentions[*k].actor.sector.is_none()
                    })
                    .map(|(_, k)| *k)
            };
            if let Some(k) = inner_objects
                .direct
                .or(inner_objects.owner)
                .or_else(party_prep)
            {
                return Some(k);
            }
        }
        None
    }

    fn modality(
        &self,
        analysis: &Analysis,
        g: usize,
        governor: Option<usize>,
        reported: bool,
        conditional: bool,
    ) -> Modality {
        let tokens = analysis.tokens;
        let group = &analysis.groups[g];
        // "it is murky whether Trump's team has engaged ...": a clause of "whether" states
        // no fact.
        if analysis.opened_by(g, "whether") {
            return Modality::Hypothetical;
        }
        let modal = group
            .modal
            .or_else(|| governor.and_then(|o| analysis.groups[o].modal));
        // "plans to host talks", coded on "plans" itself: still an intention.
        let own = tokens.lemma(group.head);
        if governor.is_none() && analysis.objects(g).infinitive.is_some() && modal.is_none() {
            if FUTURE_VERBS.contains(&own) {
                return Modality::Future;
            }
            if PROPOSAL_VERBS.contains(&own) {
                return Modality::Proposed;
            }
        }
        if let Some(o) = governor {
            let lemma = tokens.lemma(analysis.groups[o].head);
            let before_to = group.start.checked_sub(2).map(|i| tokens.norm(i));
            if lemma == "be"
                && before_to.is_some_and(|w| {
                    INTENT_ADJECTIVES.contains(&w) || w == "be" || w == "is" || w == "are"
                })
            {
                return Modality::Future;
            }
            if PROPOSAL_VERBS.contains(&lemma) {
                return Modality::Proposed;
            }
            if lemma == "threaten" || PROMISE_VERBS.contains(&lemma) {
                return Modality::Threatened;
            }
            if FUTURE_VERBS.contains(&lemma) {
                return Modality::Future;
            }
        }
        match modal {
            Some("will" | "shall") if conditional => Modality::Threatened,
            Some("would") if conditional => Modality::Threatened,
            Some("will" | "shall") => Modality::Future,
            Some("would") if reported => Modality::Future,
            Some("would" | "can" | "may") if tokens.norm(group.start) != "can" => {
                Modality::Hypothetical
            }
            Some("must") => Modality::Proposed,
            _ => Modality::Asserted,
        }
    }

    /// The infinitive or that-clause of a promise verb (vow, pledge, swear...) at `g` when it
    /// names an act of conflict: "vowed to fight Israel", "vowed that Pakistan would
    /// retaliate".
    fn promised_conflict(
        &self,
        analysis: &Analysis,
        codings: &[Result<coder::VerbCoding, coder::NoCode>],
        g: usize,
    ) -> Option<usize> {
        let inner = infinitive_of(analysis, g, PROMISE_VERBS).or_else(|| {
            let next = g + 1;
            (PROMISE_VERBS.contains(&analysis.tokens.lemma(analysis.groups[g].head))
                && next < analysis.groups.len()
                && that_before(analysis, g, next).is_some())
            .then_some(next)
        })?;
        let code = codings[inner].as_ref().ok()?;
        let cameo = self.dict.cameo(code.code)?;
        (cameo.quad_class >= 3 && cameo.plover != Plover::Other).then_some(inner)
    }

    /// The armed attack that verb group `g` gets ready for: "prepared to resume shelling",
    /// "is gearing up to attack". Such readiness is a show of force (CAMEO 15, PLOVER
    /// MOBILIZE), not yet the attack.
    fn readied_attack(
        &self,
        analysis: &Analysis,
        codings: &[Result<coder::VerbCoding, coder::NoCode>],
        g: usize,
    ) -> Option<usize> {
        let inner = infinitive_of(analysis, g, READINESS_VERBS)?;
        // "to resume shelling", "to launch attacks": the act may sit one step further in.
        let candidates = [Some(inner), analysis.objects(inner).gerund];
        candidates.into_iter().flatten().find(|&a| {
            codings[a]
                .as_ref()
                .is_ok_and(|c| matches!(c.code.get(..2), Some("18" | "19" | "20")))
        })
    }

    /// The subject of the verb whose object is the statement noun right before participle
    /// `g`: "X issued a statement condemning ..." gives X.
    fn statement_author<'a>(&self, analysis: &'a Analysis, g: usize) -> &'a [usize] {
        let tokens = analysis.tokens;
        let start = analysis.groups[g].start;
        // "a statement expressing concern and calling on X": coordinated participles share it.
        if g > 0
            && start > 0
            && tokens.norm(start - 1) == "and"
            && analysis.groups[g - 1].participle
        {
            return self.statement_author(analysis, g - 1);
        }
        if start == 0 || !COMMUNICATION_NOUNS.contains(&tokens.lemma(start - 1)) {
            return &[];
        }
        let noun = start - 1;
        analysis.groups[..g]
            .iter()
            .enumerate()
            .rev()
            .find(|(o, _)| {
                analysis
                    .objects(*o)
                    .direct_np
                    .is_some_and(|(s, e)| s <= noun && noun < e)
            })
            .map_or(&[], |(o, _)| analysis.subject(o))
    }

    /// A protest adjunct after verb group `g` in its clause: "in protest against/at/of X",
    /// "to protest (against) X", "in defiance of X". Returns the mention protested against,
    /// if one is named (the agent of "violations by X" counts).
    fn protest_purpose(&self, analysis: &Analysis, g: usize) -> Option<Option<usize>> {
        let tokens = analysis.tokens;
        let n = tokens.len();
        let ends_clause = |j: usize| {
            matches!(tokens.tokens[j].pos, Pos::Sub | Pos::Rel)
                || matches!(tokens.norm(j), ";" | ":")
                || analysis.group_at[j].is_some_and(|k| k != g && !analysis.groups[k].infinitive)
        };
        let mut j = analysis.groups[g].end;
        let found = loop {
            if j + 1 >= n || ends_clause(j) {
                return None;
            }
            let (w, next) = (tokens.norm(j), tokens.norm(j + 1));
            // ("the right to protest" names a right, not a purpose.)
            if (w == "in" && matches!(next, "protest" | "defiance"))
                || (w == "to" && next == "protest" && !(j > 0 && tokens.norm(j - 1) == "right"))
            {
                break j + 2;
            }
            j += 1;
        };
        let aimed_at = (found..n.min(found + 12))
            .take_while(|&k| !ends_clause(k) && tokens.norm(k) != ",")
            .find_map(|k| analysis.mention_at[k])
            .filter(|&m| usable_actor(&analysis.mentions[m]));
        Some(aimed_at)
    }

    /// The subject of an "if"/"unless" clause after verb group `g`.
    fn condition_subject(&self, analysis: &Analysis, g: usize) -> Option<usize> {
        let tokens = analysis.tokens;
        let start = analysis.groups[g].end;
        let sub =
            (start..tokens.len()).find(|&i| matches!(tokens.norm(i), "if" | "unless" | "until"))?;
        let inner = analysis.groups.iter().position(|x| x.start > sub)?;
        // "until Kabul acts": read as a preposition, "until" leaves the clause without a
        // subject; the actor between it and the verb is the one.
        analysis.subject(inner).first().copied().or_else(|| {
            (sub + 1..analysis.groups[inner].start).find_map(|i| analysis.mention_at[i])
        })
    }

    /// "despite (growing) pressure from X", "in spite of calls by X" after verb group `g`: X.
    fn defied_party(&self, analysis: &Analysis, g: usize) -> Option<usize> {
        let tokens = analysis.tokens;
        let end = analysis.groups[g].end;
        let limit = (end + 12).min(tokens.len());
        let despite = (end..limit).find(|&i| {
            tokens.norm(i) == "despite" || (tokens.norm(i) == "spite" && tokens.norm(i - 1) == "in")
        })?;
        (despite + 1..(despite + 6).min(tokens.len()))
            .find(|&i| matches!(tokens.norm(i), "by" | "from" | "of"))
            .and_then(|p| {
                analysis
                    .mention_at
                    .get(p + 1)
                    .copied()
                    .flatten()
                    .or_else(|| {
                        let det = p + 1 < tokens.len() && tokens.tokens[p + 1].pos == Pos::Det;
                        det.then(|| analysis.mention_at.get(p + 2).copied().flatten())
                            .flatten()
                    })
            })
    }

    /// "denied attacking X", "denied that X attacked Y": the denial governing group `g`.
    fn denying_governor(&self, analysis: &Analysis, g: usize) -> Option<usize> {
        let group = &analysis.groups[g];
        let tokens = analysis.tokens;
        let mut j = group.start;
        let mut steps = 0;
        while j > 0 && steps < 6 {
            j -= 1;
            steps += 1;
            if let Some(k) = analysis.group_at[j] {
                return (tokens.lemma(analysis.groups[k].head) == "deny").then_some(k);
            }
            if !matches!(tokens.norm(j), "that" | "having" | "ever" | "it")
                && analysis.mention_at[j].is_none()
                && !matches!(tokens.tokens[j].pos, Pos::Det | Pos::PossPron)
            {
                return None;
            }
        }
        None
    }

    /// Verb group `g` is a copula whose predicate rules something out: "is out of the
    /// question", "is unacceptable", "is not acceptable". Returns the end of the predicate.
    fn rejecting_predicate(&self, analysis: &Analysis, g: usize) -> Option<usize> {
        let tokens = analysis.tokens;
        let (i, negation_word) = copula_predicate(analysis, g)?;
        let negated = analysis.groups[g].negated || negation_word;
        if i + 4 <= tokens.len()
            && (i..i + 4)
                .map(|j| tokens.norm(j))
                .eq(["out", "of", "the", "question"])
        {
            return Some(i + 4);
        }
        let option_follows = i + 1 < tokens.len() && tokens.norm(i + 1) == "option";
        match tokens.tokens.get(i).map(|_| tokens.norm(i)) {
            Some("unacceptable" | "inadmissible") if !negated => Some(i + 1),
            Some("acceptable" | "negotiable") if negated => Some(i + 1),
            // "is not an option"
            Some("an") if negated && option_follows => Some(i + 2),
            _ => None,
        }
    }

    /// Verb group `g` is a copula with a predicate of intent and its complement: "is
    /// committed to", "are willing to". Returns the end of the predicate. A complement that
    /// codes an act of its own carries the intent itself ("is willing to withdraw its troops"
    /// is the withdrawal, stated as an intent).
    fn intent_predicate(
        &self,
        analysis: &Analysis,
        codings: &[Result<coder::VerbCoding, coder::NoCode>],
        g: usize,
    ) -> Option<usize> {
        let tokens = analysis.tokens;
        let (i, negation_word) = copula_predicate(analysis, g)?;
        let intent = !negation_word
            && i + 1 < tokens.len()
            && matches!(tokens.norm(i), "committed" | "willing")
            && tokens.norm(i + 1) == "to";
        if !intent {
            return None;
        }
        let complement_coded = analysis
            .group_at
            .get(i + 2)
            .copied()
            .flatten()
            .is_some_and(|k| codings[k].is_ok());
        (!complement_coded).then_some(i + 1)
    }

    /// The speaker of the sentence: subject of a statement verb, or "according to X".
    fn attribution(&self, analysis: &Analysis) -> Option<usize> {
        let tokens = analysis.tokens;
        for i in 0..tokens.len().saturating_sub(1) {
            if tokens.norm(i) == "according" && tokens.norm(i + 1) == "to" {
                return analysis
                    .mention_at
                    .get(i + 2)
                    .copied()
                    .flatten()
                    .or_else(|| analysis.mention_at.get(i + 3).copied().flatten());
            }
        }
        for (g, group) in analysis.groups.iter().enumerate() {
            if group.infinitive || analysis.in_naming_aside(g) {
                continue;
            }
            let lemma = tokens.lemma(group.head);
            // "Washington added dozens of companies to a blacklist": adding something is no
            // statement.
            let adds_a_thing = lemma == "add" && analysis.objects(g).direct_np.is_some();
            if SPEECH_VERBS.contains(&lemma) && !adds_a_thing {
                if let Some(&s) = analysis.subject(g).first() {
                    return Some(s);
                }
                // "..., said Mujahid": speaker after the verb.
                if let Some(k) = analysis.mention_at.get(group.end).copied().flatten() {
                    return Some(k);
                }
            }
        }
        None
    }

    fn location(&self, analysis: &Analysis, head: usize) -> Option<String> {
        analysis
            .mentions
            .iter()
            .filter(|m| m.locative)
            .min_by_key(|m| {
                if m.start > head {
                    m.start - head
                } else {
                    2 * (head - m.start)
                }
            })
            .map(|m| {
                let text = &*m.actor.text;
                text.strip_prefix("the ").unwrap_or(text).to_string()
            })
    }

    /// The code of verb group `g`. Naming with no pattern of judgement ("called the protests
    /// \"treasonous\"", where "called it a violation" criticises) makes no call.
    fn code_group<'d>(
        &'d self,
        analysis: &Analysis,
        ids: &TokenIds,
        g: usize,
    ) -> Result<coder::VerbCoding<'d>, coder::NoCode> {
        let coding = code_verb(&self.dict, analysis, ids, g, analysis.objects(g).window_end);
        let bare = coding.as_ref().is_ok_and(|c| c.pattern.is_none());
        if bare && names_its_object(analysis, g) {
            return Err(coder::NoCode::NotAnEvent);
        }
        // "could not accept any enrichment": accepting something, whatever it is, agrees to it
        // (030), so not accepting it refuses it (REFUSED_BY_NEGATION); the old dictionary codes
        // accept only with the objects it lists. Only the negated use is read so.
        let group = &analysis.groups[g];
        if coding.is_err()
            && group.negated
            && analysis.tokens.lemma(group.head) == "accept"
            && analysis.objects(g).direct_np.is_some()
        {
            return Ok(coder::VerbCoding {
                code: "030",
                lemma: std::borrow::Cow::Borrowed("accept"),
                swapped: false,
                target: None,
                source: None,
                pattern_weight: 0,
                pattern: None,
                verb_end: group.head + 1,
            });
        }
        coding
    }

    /// An act of the speaker that a statement's predicate makes ("X must withdraw": a
    /// demand of X; "the plan is unacceptable": a rejection), asserted, dated and placed by
    /// the predicate's verb.
    #[allow(clippy::too_many_arguments)]
    fn push_speaker_event(
        &self,
        ctx: &SentenceContext,
        analysis: &Analysis,
        events: &mut Vec<Event>,
        times: &[dates::TimeExpr],
        (speaker, target): (usize, Option<usize>),
        (code, head): (&str, usize),
        relation: Relation,
        negated: bool,
    ) -> bool {
        self.push_events(
            ctx,
            analysis,
            events,
            &[speaker],
            target,
            code,
            relation,
            negated,
            Modality::Asserted,
            None,
            dates::event_date(times, head, ctx.doc_date, false),
            self.location(analysis, head),
            0.6,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn push_events(
        &self,
        ctx: &SentenceContext,
        analysis: &Analysis,
        events: &mut Vec<Event>,
        sources: &[usize],
        target: Option<usize>,
        code: &str,
        relation: Relation,
        negated: bool,
        modality: Modality,
        speaker: Option<usize>,
        date: Option<NaiveDate>,
        location: Option<String>,
        confidence: f64,
    ) -> bool {
        let Some(mut cameo) = self.dict.cameo(code) else {
            return false;
        };
        // PLOVER: cooperation stated in the future is an intent to cooperate (AGREE); a
        // sanction, coercion or attack announced, or made conditional, is a threat.
        if matches!(modality, Modality::Future | Modality::Threatened) {
            let conditional = modality == Modality::Threatened;
            let converted = if conditional {
                threat_code(&cameo.code, true).or_else(|| intent_code(&cameo.code))
            } else {
                intent_code(&cameo.code).or_else(|| threat_code(&cameo.code, false))
            };
            if let Some(code) = converted.and_then(|c| self.dict.cameo(c)) {
                cameo = code;
            }
        }
        let mut made = false;
        let mut parties: Vec<(Option<usize>, &ActorRef)> = sources
            .iter()
            .filter(|&&s| usable_actor(&analysis.mentions[s]))
            .map(|&s| (Some(s), &analysis.mentions[s].actor))
            .collect();
        let implied = if parties.is_empty() && cameo.quad_class == 4 {
            self.implied_attacker(analysis, &relation)
        } else {
            None
        };
        if let Some(actor) = &implied {
            parties.push((None, actor));
        }
        // A list holding a source names the sources, not whom they act on.
        let conjuncts: smallvec::SmallVec<[usize; 4]> = match target {
            Some(t) => {
                let list = analysis.conjuncts(t);
                if list.iter().any(|k| sources.contains(k)) {
                    smallvec::smallvec![t]
                } else {
                    list
                }
            }
            None => smallvec::SmallVec::new(),
        };
        for (s, source) in parties {
            // "called on Israel and Hamas": an event on each party named together.
            let mut targets: Vec<Option<ActorRef>> = conjuncts
                .iter()
                .filter(|&&t| self.acted_on(analysis, t, s, source, sources, cameo))
                .map(|&t| Some(self.target_actor(analysis, t, source, cameo.quad_class)))
                .collect();
            if targets.is_empty() {
                targets.push(self.implied_target(analysis, source, cameo.plover, &relation));
            }
            let attributed_to = speaker
                .filter(|&k| Some(k) != s)
                .map(|k| analysis.mentions[k].actor.clone())
                .filter(|a| a.code.is_some() || a.kind != ActorKind::Unknown);
            for target_ref in targets {
                let event = Event {
                    doc_id: ctx.doc.id.clone(),
                    sentence_index: ctx.index,
                    sentence: ctx.sentence.to_string(),
                    source: source.clone(),
                    relation: relation.clone(),
                    target: target_ref,
                    cameo: cameo.code.clone(),
                    plover: cameo.plover,
                    plover_mode: cameo.plover_mode.clone(),
                    goldstein: cameo.goldstein,
                    quad_class: cameo.quad_class,
                    negated,
                    modality,
                    attributed_to: attributed_to.clone(),
                    date,
                    location: location.clone(),
                    confidence: (confidence * 100.0).round() / 100.0,
                };
                let duplicate = events.iter().any(|e| {
                    e.source.same_key(&event.source)
                        && e.cameo == event.cameo
                        && match (&e.target, &event.target) {
                            (Some(a), Some(b)) => a.same_key(b),
                            (None, None) => true,
                            _ => false,
                        }
                        && e.negated == event.negated
                });
                if !duplicate {
                    events.push(event);
                    made = true;
                }
            }
        }
        made
    }

    /// Whether target mention `t` is a party that `source` (mention `s`, if named) acts on
    /// with an act of `cameo`.
    fn acted_on(
        &self,
        analysis: &Analysis,
        t: usize,
        s: Option<usize>,
        source: &ActorRef,
        sources: &[usize],
        cameo: &CameoCode,
    ) -> bool {
        use ActorKind::{Country, Government, Military};
        let m = &analysis.mentions[t];
        if Some(t) == s || same_actor(&m.actor, source) || !usable_actor(m) || sources.contains(&t)
        {
            return false;
        }
        // A pronoun standing for the source's own state is no party to its act:
        // "Pyongyang warned it would respond".
        if m.anaphoric
            && analysis.tokens.norm(m.start) == "it"
            && m.actor.country.is_some()
            && m.actor.country == source.country
            && matches!(m.actor.kind, Country | Government)
            && matches!(source.kind, Country | Government | Military)
        {
            return false;
        }
        // Cooperating with one's own government or country, unnamed, is no act on anyone:
        // "Umerov led Kyiv's delegation" (a named body or person of the same code still is).
        // So is one referred back to: "a spokesman for the group urged the international
        // community to respect the country's laws".
        let unnamed_own_state = m.actor.code.is_some()
            && m.actor.code == source.code
            && (m.anaphoric
                || m.actor.country.as_deref().is_some_and(|c| {
                    self.dict
                        .country_entry(c)
                        .is_some_and(|e| e.name == m.actor.name)
                }));
        if cameo.quad_class <= 2 && unnamed_own_state {
            return false;
        }
        // Forces a country moves or mobilises are its own, not whom it acts on (a place of
        // its own it sends them to still is).
        cameo.plover != Plover::Mobilize
            || m.place
            || source.country.is_none()
            || m.actor.country != source.country
    }

    /// The actor of target mention `t` of an act by `source`. Victims whose country was only
    /// guessed from the attacker named before them belong to the other side named before
    /// them: "Pakistan's army said Indian shelling killed five civilians" (Pakistani
    /// civilians), "Thai officials accused Cambodian forces of shelling a village, killing a
    /// civilian".
    fn target_actor(
        &self,
        analysis: &Analysis,
        t: usize,
        source: &ActorRef,
        quad_class: u8,
    ) -> ActorRef {
        let m = &analysis.mentions[t];
        let mut actor = m.actor.clone();
        if quad_class != 4 || !m.country_guessed || m.actor.country != source.country {
            return actor;
        }
        let other = analysis
            .mentions
            .iter()
            .filter(|o| o.end <= m.start && !o.agent_only && !o.locative)
            .filter_map(|o| o.actor.country.clone())
            .rfind(|c| Some(c) != source.country.as_ref());
        if let Some(country) = other {
            self.dict.code_in_country(&mut actor, &country);
            actor.name = self.dict.country_name(&country);
        }
        actor
    }

    /// Who attacked when no one is named but the attack is: "A roadside bombing near Samarra
    /// killed a U.S. soldier" — unidentified armed forces (UAF) of the country where it
    /// happened, as event coders code it. Needs an attack noun before the verb in its clause
    /// and a place in one country.
    fn implied_attacker(&self, analysis: &Analysis, relation: &Relation) -> Option<ActorRef> {
        let tokens = analysis.tokens;
        let verb = (0..tokens.len()).find(|&i| tokens.tokens[i].start == relation.start)?;
        let clause = analysis.clause_start(verb);
        let attack_noun = (clause..verb).any(|i| {
            tokens.tokens[i].pos == Pos::Noun
                && ATTACK_NOUNS.contains(&tokens.tokens[i].noun_lemma.unwrap_or(tokens.norm(i)))
        });
        if !attack_noun
            || (clause..verb)
                .any(|i| analysis.mention_at[i].is_some_and(|k| !analysis.mentions[k].locative))
        {
            return None;
        }
        let mut places = analysis
            .mentions
            .iter()
            .filter(|m| m.locative)
            .filter_map(|m| m.actor.country.clone());
        let country = places.next()?;
        if places.any(|c| c != country) {
            return None;
        }
        Some(self.implied_actor(country, "UAF", relation))
    }

    /// An actor the sentence implies without naming it: country plus role, no words, placed
    /// at the relation.
    fn implied_actor(&self, country: Arc<str>, role: &str, relation: &Relation) -> ActorRef {
        let code = format!("{country}{role}");
        let info = self.dict.code_info(&code);
        let name = self.dict.country_name(&country);
        ActorRef {
            text: "".into(),
            name,
            code: Some(code.into()),
            country: Some(country),
            sector: info.sector,
            kind: info.kind,
            start: relation.start,
            end: relation.start,
        }
    }

    /// The party a domestic act is aimed at when the sentence names none, as event coders
    /// code it: a protest targets the government of the country it happens in ("Egyptian
    /// demonstrators rioted" → EGYGOV); coercion and concessions target that country ("police
    /// imposed a curfew", "Serbia lifted the curfew in Montenegro" → MNE). The country is that
    /// of the nearest place named, else the source's. The actor has no words (empty `text`).
    fn implied_target(
        &self,
        analysis: &Analysis,
        source: &ActorRef,
        plover: Plover,
        relation: &Relation,
    ) -> Option<ActorRef> {
        if !matches!(plover, Plover::Protest | Plover::Coerce | Plover::Concede) {
            return None;
        }
        let place = analysis
            .mentions
            .iter()
            .filter(|m| m.locative && m.actor.country.is_some())
            .min_by_key(|m| m.actor.start.abs_diff(relation.start));
        let country = place
            .and_then(|m| m.actor.country.clone())
            .or_else(|| source.country.clone())?;
        let role = if plover == Plover::Protest { "GOV" } else { "" };
        // A country conceding nothing to anyone named concedes to no one: not to itself.
        Some(self.implied_actor(country, role, relation)).filter(|a| a.code != source.code)
    }

    /// Events stated as nouns: "Russian air strikes on Kyiv", "held talks with X".
    #[allow(clippy::too_many_arguments)]
    fn noun_events(
        &self,
        ctx: &SentenceContext,
        analysis: &Analysis,
        ids: &[Option<u32>],
        codings: &[Result<coder::VerbCoding, coder::NoCode>],
        covered: &[bool],
        times: &[dates::TimeExpr],
        speaker: Option<usize>,
        events: &mut Vec<Event>,
    ) {
        let tokens = analysis.tokens;
        let n = tokens.len();
        let mut i = 0;
        while i < n {
            if analysis.mention_at[i].is_some() || analysis.group_at[i].is_some() {
                i += 1;
                continue;
            }
            let Some(found) = self.dict.nouns.longest_at(&ids[i..]) else {
                i += 1;
                continue;
            };
            let end = i + found.len;
            let last = end - 1;
            // A modifier is not the act: "truce monitors", "war-torn", "strike force".
            let modifier = tokens.tokens.get(end).is_some_and(|t| {
                t.kind == TokenKind::Hyphen
                    || (t.pos == Pos::Noun && analysis.mention_at[end].is_none())
            });
            if !matches!(tokens.tokens[last].pos, Pos::Noun)
                || modifier
                || (i..end).any(|j| analysis.group_at[j].is_some())
            {
                i += 1;
                continue;
            }
            let noun = &self.dict.noun_events[found.values[0] as usize];
            // Is the noun the object of a verb group?
            let governing = analysis.groups.iter().enumerate().rev().find(|(g, group)| {
                group.end <= i
                    && analysis
                        .objects(*g)
                        .direct_np
                        .is_some_and(|(s, e)| s <= i && end <= e)
            });
            let mut sources: Vec<usize> = Vec::new();
            let mut negated = false;
            let mut modality = Modality::Asserted;
            let mut head = i;
            let mut light = false;
            if let Some((g, group)) = governing {
                light = LIGHT_VERBS.contains(&tokens.lemma(group.head));
                if covered[g] || names_its_object(analysis, g) {
                    i = end;
                    continue;
                }
                let verb_codes_other = codings[g]
                    .as_ref()
                    .is_ok_and(|c| self.dict.plover_of(c.code) != Plover::Other);
                let lemma = tokens.lemma(group.head);
                if verb_codes_other && !LIGHT_VERBS.contains(&lemma) {
                    i = end;
                    continue;
                }
                sources = analysis.subject(g).to_vec();
                negated = group.negated;
                modality =
                    self.modality(analysis, g, analysis.governor(g), speaker.is_some(), false);
                head = group.head;
            }
            if sources.is_empty() {
                // "Russian air strikes", "Iran's offensive": the owner of the noun's phrase.
                if let Some(owner) = analysis.owner_in_np_ending_at(last) {
                    sources.push(owner);
                }
            }
            // "strikes by Russia"
            let after = self.prep_mentions_after(analysis, end);
            if sources.is_empty() {
                if let Some((_, k)) = after.iter().find(|(p, _)| *p == "by") {
                    sources.push(*k);
                }
            }
            // "youths threw stones during demonstrations against ...": an event noun in an
            // adjunct of the clause is the act of the clause's subject.
            if sources.is_empty() && governing.is_none() {
                sources = adjunct_subject(analysis, i);
            }
            // "negotiators return to Geneva for talks": a meeting someone travels for is their
            // act, whether or not the other party is named.
            if governing.is_none() && self.dict.plover_of(&noun.code) == Plover::Consult {
                if let Some(g) = travel_purpose(analysis, i) {
                    if sources.is_empty() {
                        sources = analysis.subject(g).to_vec();
                    }
                    light = true;
                    head = analysis.groups[g].head;
                }
            }
            let target = after
                .iter()
                .find(|(p, _)| noun.target_preps.iter().any(|tp| tp == p))
                .map(|(_, k)| *k)
                .or_else(|| self.demanded_of(analysis, noun, end));
            // A noun event needs a party acted on ("strikes on Kyiv", "talks with Iran") unless
            // a light verb makes it the act itself ("held talks", "launched an offensive");
            // "the war", "negotiations" alone are mostly background.
            if target.is_none() && !light {
                i = end;
                continue;
            }
            // "halted arms deliveries": see `governed_code`.
            let mut code = noun.code.as_str();
            if let Some((_, group)) = governing {
                let Some(governed) = governed_code(tokens.lemma(group.head), code) else {
                    i = end;
                    continue;
                };
                code = governed;
            }
            let relation = relation_over(ctx.text, tokens, i..end, noun.words.join(" "));
            let date = dates::event_date(times, head, ctx.doc_date, is_prospective(modality));
            let location = self.location(analysis, head);
            // "Philippine and U.S. forces began joint naval exercises": a joint act of the
            // parties named together is an act of each on the others.
            let joint = target.is_none()
                && (2..=3).contains(&sources.len())
                && (i.saturating_sub(3)..end).any(|k| tokens.norm(k) == "joint");
            let acts: Vec<(Vec<usize>, Option<usize>, f64)> = if joint {
                sources
                    .iter()
                    .flat_map(|&s| {
                        sources
                            .iter()
                            .filter(move |&&t| t != s)
                            .map(move |&t| (vec![s], Some(t), 0.6))
                    })
                    .collect()
            } else {
                let confidence = 0.5 + if target.is_some() { 0.1 } else { 0.0 };
                vec![(sources, target, confidence)]
            };
            for (sources, target, confidence) in acts {
                self.push_events(
                    ctx,
                    analysis,
                    events,
                    &sources,
                    target,
                    code,
                    relation.clone(),
                    negated,
                    modality,
                    speaker,
                    date,
                    location.clone(),
                    confidence,
                );
            }
            i = end;
        }
    }

    /// The direct object of verb group `g` holds a nominal event.
    fn carries_noun_event(&self, analysis: &Analysis, forms: &[Option<u32>], g: usize) -> bool {
        let Some((start, end)) = analysis.objects(g).direct_np else {
            return false;
        };
        (start..end).any(|k| {
            self.dict
                .nouns
                .longest_at(&forms[k..end])
                .is_some_and(|found| {
                    let last = k + found.len - 1;
                    analysis.tokens.tokens[last].pos == Pos::Noun
                })
        })
    }

    /// "its demand (today) that Israel ease ...": a request noun's target is the subject of
    /// its that-clause.
    fn demanded_of(
        &self,
        analysis: &Analysis,
        noun: &crate::dict::events::NounEvent,
        end: usize,
    ) -> Option<usize> {
        let tokens = analysis.tokens;
        if self.dict.plover_of(&noun.code) != Plover::Request {
            return None;
        }
        let that = (end..(end + 3).min(tokens.len()))
            .find(|&i| tokens.norm(i) == "that" && tokens.tokens[i].pos == Pos::Sub)?;
        if (end..that).any(|i| !matches!(tokens.tokens[i].pos, Pos::Adv)) {
            return None;
        }
        let inner = analysis.groups.iter().position(|x| x.start > that)?;
        analysis.subject(inner).first().copied()
    }

    /// Actor mentions in prepositional phrases right after token `from`: (preposition, mention).
    fn prep_mentions_after<'t>(
        &self,
        analysis: &'t Analysis,
        from: usize,
    ) -> Vec<(&'t str, usize)> {
        let tokens = analysis.tokens;
        let mut out = Vec::new();
        let mut j = from;
        let limit = (from + 10).min(tokens.len());
        while j < limit {
            if analysis.group_at[j].is_some() || matches!(tokens.tokens[j].pos, Pos::Sub | Pos::Rel)
            {
                break;
            }
            if matches!(tokens.tokens[j].pos, Pos::Prep | Pos::To) {
                let prep = tokens.norm(j);
                let mut k = j + 1;
                while k < limit
                    && matches!(tokens.tokens[k].pos, Pos::Det | Pos::Adj | Pos::Num)
                    && analysis.mention_at[k].is_none()
                {
                    k += 1;
                }
                // "against the violations by the Israeli military": an actor owning or doing
                // what the phrase names stands for it.
                let m = analysis
                    .mention_at
                    .get(k)
                    .copied()
                    .flatten()
                    .or_else(|| agent_of_np(analysis, k, limit));
                if let Some(m) = m {
                    out.push((prep, m));
                    j = analysis.mentions[m].end;
                    continue;
                }
            }
            j += 1;
        }
        out
    }
}

/// The subject of the clause whose "during"/"amid"/"after" adjunct holds the noun at `noun`.
fn adjunct_subject(analysis: &Analysis, noun: usize) -> Vec<usize> {
    adjunct_verb(analysis, noun, &["during", "amid", "after"])
        .map(|g| analysis.subject(g).to_vec())
        .unwrap_or_default()
}

/// The finite verb group of the clause that the noun phrase at `noun` is an adjunct of, when
/// one of `prepositions` introduces that phrase: "clashed *during* demonstrations", "return
/// to Geneva *for* talks".
fn adjunct_verb(analysis: &Analysis, noun: usize, prepositions: &[&str]) -> Option<usize> {
    let tokens = analysis.tokens;
    let j = grammar::modifiers_start(tokens, noun);
    if j == 0 || !prepositions.contains(&tokens.norm(j - 1)) {
        return None;
    }
    let clause = analysis.clause_start(j - 1);
    analysis
        .groups
        .iter()
        .enumerate()
        .rev()
        .find(|(_, g)| g.end < j && g.start >= clause && !g.infinitive)
        .map(|(g, _)| g)
}

/// Whom a warning is about: the subject of the clause it announces, "warned that Polish
/// diplomats in Moscow would face the same fate".
fn warned_party(analysis: &Analysis, g: usize) -> Option<usize> {
    let tokens = analysis.tokens;
    let that = analysis.groups[g].end;
    if that >= tokens.len() || tokens.norm(that) != "that" {
        return None;
    }
    let inner = (that + 1..tokens.len())
        .find_map(|i| analysis.group_at[i])
        .filter(|&h| !analysis.groups[h].infinitive)?;
    analysis.subject(inner).first().copied().filter(|&k| {
        let m = &analysis.mentions[k];
        usable_actor(m) && !m.locative && m.start > that
    })
}

/// "called the protests \"treasonous\"", "called the decision an act of hysteria": a verb of
/// naming with an object and what it calls it gives a judgement, not a call, and the act its
/// object names is someone else's.
fn names_its_object(analysis: &Analysis, g: usize) -> bool {
    let tokens = analysis.tokens;
    if !matches!(
        tokens.lemma(analysis.groups[g].head),
        "call" | "label" | "brand" | "dub" | "term"
    ) {
        return false;
    }
    let Some((_, end)) = analysis.objects(g).direct_np else {
        return false;
    };
    end < tokens.len()
        && (matches!(tokens.norm(end), "\"" | "\u{201c}" | "a" | "an")
            || tokens.tokens[end].pos == Pos::Adj)
}

/// Verb group `g` is a copula ("is", "were not"): the first token of its predicate, after
/// adverbs and negations, and whether a negation word stands in the group or before the
/// predicate.
fn copula_predicate(analysis: &Analysis, g: usize) -> Option<(usize, bool)> {
    let tokens = analysis.tokens;
    let group = &analysis.groups[g];
    let is_neg = |j: usize| tokens.tokens[j].pos == Pos::Neg;
    let copula = tokens.lemma(group.start) == "be"
        && (group.start..group.end).all(|j| tokens.lemma(j) == "be" || is_neg(j));
    if !copula {
        return None;
    }
    let mut i = group.end;
    while i < tokens.len() && matches!(tokens.tokens[i].pos, Pos::Adv | Pos::Neg) {
        i += 1;
    }
    Some((i, (group.start..i).any(is_neg)))
}

/// The relation spanning tokens `span` of the sentence, with `lemma`.
fn relation_over(
    text: &str,
    tokens: &Tokens,
    span: std::ops::Range<usize>,
    lemma: String,
) -> Relation {
    let start = tokens.tokens[span.start].start;
    let end = tokens.tokens[span.end - 1].end;
    Relation {
        text: text[start..end].to_string(),
        lemma,
        start,
        end,
    }
}

/// The infinitive complement of verb group `g` when its verb is one of `verbs`: "fight" in
/// "vowed to fight".
fn infinitive_of(analysis: &Analysis, g: usize, verbs: &[&str]) -> Option<usize> {
    if !verbs.contains(&analysis.tokens.lemma(analysis.groups[g].head)) {
        return None;
    }
    analysis.objects(g).infinitive
}

/// The subordinating "that" between verb group `p` and the finite group `g` after it: "vowed
/// that Pakistan would retaliate", "demanded that the troops withdraw".
fn that_before(analysis: &Analysis, p: usize, g: usize) -> Option<usize> {
    let tokens = analysis.tokens;
    if analysis.groups[g].infinitive {
        return None;
    }
    (analysis.groups[p].end..analysis.groups[g].start)
        .find(|&i| tokens.norm(i) == "that" && tokens.tokens[i].pos == Pos::Sub)
}

/// Verbs that stop or cut back the act their object names: "halted arms deliveries".
const STOPPING_VERBS: &[&str] = &[
    "halt", "stop", "cut", "suspend", "freeze", "end", "curb", "reduce", "cease", "pause",
];

/// The code of an act of `code` whose verb or noun `governor` governs. Stopping an act is an
/// act of its own: halting aid cuts aid (162), halting attacks de-escalates (087), breaking
/// off talks rejects them (125), ending a protest scales back dissent (082); stopping anything
/// else codes nothing (`None`). Other governors leave the code as it is.
fn governed_code<'a>(governor: &str, code: &'a str) -> Option<&'a str> {
    if !STOPPING_VERBS.contains(&governor) {
        return Some(code);
    }
    Some(match code.get(..2)? {
        "07" => "162",
        "18" | "19" | "20" => "087",
        "04" => "125",
        "14" => "082",
        _ => return None,
    })
}

/// Verbs of travel whose "for" phrase names the purpose of the trip.
const TRAVEL_VERBS: &[&str] = &[
    "return", "travel", "fly", "go", "come", "arrive", "head", "gather", "convene",
];

/// The verb group of travel whose purpose the noun at `noun` names: "return to Geneva (this
/// week) for talks".
fn travel_purpose(analysis: &Analysis, noun: usize) -> Option<usize> {
    adjunct_verb(analysis, noun, &["for"])
        .filter(|&g| TRAVEL_VERBS.contains(&analysis.tokens.lemma(analysis.groups[g].head)))
}

/// The actor in a "by"/"of" phrase right after the common-noun phrase starting at `start`
/// (and ending before `limit`): "violations by the army", "the policies of the government".
fn agent_of_np(analysis: &Analysis, start: usize, limit: usize) -> Option<usize> {
    let tokens = analysis.tokens;
    let mut k = start;
    while k < limit
        && matches!(tokens.tokens[k].pos, Pos::Noun | Pos::Adj)
        && analysis.mention_at[k].is_none()
    {
        k += 1;
    }
    if k == start || k >= limit || !matches!(tokens.norm(k), "by" | "of") {
        return None;
    }
    k += 1;
    while k < limit && matches!(tokens.tokens[k].pos, Pos::Det | Pos::Adj) {
        if analysis.mention_at[k].is_some() {
            break;
        }
        k += 1;
    }
    analysis.mention_at.get(k).copied().flatten()
}

struct SentenceContext<'a> {
    doc: &'a Document,
    text: &'a str,
    index: usize,
    sentence: &'a str,
    doc_date: Option<NaiveDate>,
}

/// Acts still to come: their weekday or yearless date is the next one, not the last.
fn is_prospective(modality: Modality) -> bool {
    matches!(
        modality,
        Modality::Future | Modality::Threatened | Modality::Proposed
    )
}

/// The CAMEO "express intent" code matching a cooperative act (04-08) stated in the future.
fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code.get(..2)? {
        "04" => "036",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        "08" => "035",
        _ => return None,
    })
}

/// The CAMEO threat matching a conflictual act (14, 16-20) announced for the future, or any
/// act but cooperation made conditional ("will withdraw its troops unless ...").
fn threat_code(code: &str, conditional: bool) -> Option<&'static str> {
    Some(match code.get(..2)? {
        "14" => "133",
        "16" => "131",
        "17" => "137",
        "18" | "19" | "20" => "138",
        "08" if conditional => "130",
        _ => return None,
    })
}

/// Nouns that name an attack, so the clause they start reports one even without an attacker.
const ATTACK_NOUNS: &[&str] = &[
    "bombing",
    "explosion",
    "blast",
    "attack",
    "ambush",
    "bomb",
    "mine",
    "landmine",
    "shelling",
    "airstrike",
    "strike",
    "raid",
    "gunfire",
    "rocket",
    "mortar",
    "grenade",
    "shooting",
];

/// Mutual acts: parties joined as their subject act on each other.
const RECIPROCAL_VERBS: &[&str] = &[
    "agree",
    "meet",
    "sign",
    "talk",
    "negotiate",
    "discuss",
    "clash",
    "fight",
    "cooperate",
    "reconcile",
    "exchange",
    "trade",
    "ink",
    "conclude",
    "hold",
    "resume",
    "normalize",
    "normalise",
    "restore",
    "upgrade",
    "establish",
    "initial",
    "pledge",
    "vow",
    "promise",
    "commit",
];

/// Verbs of acceptance whose negation is a refusal.
const REFUSED_BY_NEGATION: &[&str] = &[
    "accept",
    "agree",
    "approve",
    "endorse",
    "allow",
    "permit",
    "recognize",
    "recognise",
    "consent",
    "grant",
    "admit",
    "sign",
    "ratify",
    "release",
    "withdraw",
    "lift",
];

/// Adjectives that, with "to", state an intention: "is willing to withdraw".
const INTENT_ADJECTIVES: &[&str] = &[
    "willing",
    "ready",
    "prepared",
    "determined",
    "eager",
    "keen",
    "set",
    "poised",
    "committed",
    "due",
    "likely",
    "expected",
    "about",
];

/// An actor good enough to be an event's party: coded, or a named entity.
fn usable_actor(m: &MentionSpan) -> bool {
    if m.agent_only {
        return false;
    }
    m.actor.code.is_some()
        || (m.actor.kind != ActorKind::Unknown
            && m.actor.name.chars().next().is_some_and(char::is_uppercase))
}

fn same_actor(a: &ActorRef, b: &ActorRef) -> bool {
    a.code.is_some() && a.code == b.code && a.name == b.name
}

/// Remembers the last parties a sentence names together as the subject of an act ("Armenia
/// and Azerbaijan met"), for "the two sides" in later sentences.
fn remember_parties(analysis: &Analysis, memory: &mut DocMemory) {
    // Parties named together are joined by "and" ("X and Y", "X, Y and Z"): most sentences
    // join none.
    let tokens = analysis.tokens;
    let joined_by_and =
        |w: &[MentionSpan]| w[1].start == w[0].end + 1 && tokens.norm(w[0].end) == "and";
    if !analysis.mentions.windows(2).any(joined_by_and) {
        remember_meeting(analysis, memory);
        return;
    }
    for g in (0..analysis.groups.len()).rev() {
        let parties: Vec<&MentionSpan> = analysis
            .subject(g)
            .iter()
            .map(|&k| &analysis.mentions[k])
            .filter(|m| usable_actor(m))
            .collect();
        if (2..=4).contains(&parties.len()) {
            memory.remember_parties(&parties);
            return;
        }
    }
    // "talks between Israel and Hamas", "a truce between the two neighbours".
    let between = analysis.mentions.windows(2).find(|w| {
        w[0].start > 0
            && tokens.norm(w[0].start - 1) == "between"
            && joined_by_and(w)
            && usable_actor(&w[0])
            && usable_actor(&w[1])
    });
    if let Some(w) = between {
        memory.remember_parties(&[&w[0], &w[1]]);
    }
}

/// Verbs whose direct object is the other side of a meeting.
const MEETING_VERBS: &[&str] = &["meet", "host", "receive", "visit"];

/// Verbs and nouns whose "with" phrase names the other side of a meeting: "talked with",
/// "held talks with", "a planned meeting with".
const MEETING_WITH: &[&str] = &[
    "meet",
    "talk",
    "negotiate",
    "speak",
    "confer",
    "talks",
    "meeting",
    "meetings",
    "summit",
    "call",
    "negotiations",
    "discussions",
];

/// The two sides of a meeting are parties named together too: "Putin arrived for talks with
/// Modi. The two leaders signed ...", "Xi met Takaichi".
fn remember_meeting(analysis: &Analysis, memory: &mut DocMemory) {
    let tokens = analysis.tokens;
    // Most sentences hold no meeting: look only where "with" or a meeting verb is.
    let meeting_verb = |g: &grammar::VerbGroup| MEETING_VERBS.contains(&tokens.lemma(g.head));
    if !(0..tokens.len()).any(|i| tokens.norm(i) == "with")
        && !analysis.groups.iter().any(meeting_verb)
    {
        return;
    }
    for (g, group) in analysis.groups.iter().enumerate() {
        let &[s] = analysis.subject(g) else {
            continue;
        };
        // A meeting told as background ("a day after Xi held talks with Trump") does not
        // make the sides of the story.
        if analysis.subordinated_by(g).is_some() {
            continue;
        }
        let objects = analysis.objects(g);
        let other = objects
            .preps
            .iter()
            .find(|&&(p, _)| {
                tokens.norm(p) == "with"
                    && p > 0
                    && (MEETING_WITH.contains(&tokens.lemma(p - 1))
                        || MEETING_WITH.contains(&tokens.lemma(group.head)))
            })
            .map(|&(_, k)| k)
            .or(objects
                .direct
                .filter(|_| MEETING_VERBS.contains(&tokens.lemma(group.head))));
        let Some(o) = other else {
            continue;
        };
        let (a, b) = (&analysis.mentions[s], &analysis.mentions[o]);
        // Two people or two bodies: "Brazil sent its minister for talks with Ali" names no
        // two sides.
        if usable_actor(a)
            && usable_actor(b)
            && !b.place
            && a.person == b.person
            && !same_actor(&a.actor, &b.actor)
        {
            memory.remember_parties(&[a, b]);
            return;
        }
    }
}

/// Where the words of sentence `index` (`text[start..end]`) start: after the dateline that
/// opens a wire article ("SANAA, Yemen (AP) — "), whose place and agency are no actors.
fn body_start(text: &str, index: usize, start: usize, end: usize) -> usize {
    if index > 0 {
        return start;
    }
    start + crate::nlp::dateline_len(&text[start..end]).unwrap_or(0)
}

/// The country of the place a dateline names: "BAMAKO, Mali (AP) — " → MLI.
fn dateline_country(
    text: &str,
    dateline: std::ops::Range<usize>,
    recognizer: &ActorRecognizer,
    dict: &Dictionaries,
) -> Option<Arc<str>> {
    let tokens = analyze(text, dateline.start, dateline.end, Lexicon::builtin());
    let ids = TokenIds::new(&dict.vocab, &tokens);
    recognizer
        .recognize(text, &tokens, &ids, &mut DocMemory::default())
        .into_iter()
        .find(|m| m.place)
        .and_then(|m| m.actor.country)
}

/// Extracts from a bare text (used by tests and `eval`).
pub fn extract_text(
    extractor: &Extractor,
    id: &str,
    text: &str,
    date: Option<NaiveDate>,
) -> Extraction {
    let doc = Document::new(
        text.to_string(),
        crate::model::DocumentMeta {
            id: Some(id.to_string()),
            date,
            ..Default::default()
        },
    );
    extractor.extract(&doc)
}

#[allow(dead_code)]
fn debug_tokens(tokens: &Tokens) -> String {
    (0..tokens.len())
        .map(|i| format!("{}/{:?}", tokens.norm(i), tokens.tokens[i].pos))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Extractor {
    /// The tagged words of sentence `index` (`text[start..end]`), after the dateline that
    /// may open the first, whose country the document memory then notes.
    fn sentence_tokens(
        &self,
        text: &str,
        (index, start, end): (usize, usize, usize),
        recognizer: &ActorRecognizer,
        memory: &mut DocMemory,
    ) -> Tokens {
        let body = body_start(text, index, start, end);
        if body > start {
            if let Some(country) = dateline_country(text, start..body, recognizer, &self.dict) {
                memory.set_dateline_country(country);
            }
        }
        analyze(text, body, end, Lexicon::builtin())
    }

    /// A human-readable trace of how each sentence was analysed: tokens with their parts of
    /// speech, actor mentions, verb groups with subject, objects and code (`extract --explain`).
    pub fn explain(&self, doc: &Document) -> String {
        use std::fmt::Write;
        let doc_date = doc.date.or(self.options.default_date);
        let role_date = doc_date
            .or(self.options.today)
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let recognizer = ActorRecognizer::new(&self.dict, role_date);
        let mut memory = DocMemory::default();
        let text = doc.text.as_str();
        let mut out = String::new();
        for (index, (start, end)) in split_sentences(text).into_iter().enumerate() {
            let tokens = self.sentence_tokens(text, (index, start, end), &recognizer, &mut memory);
            let ids = TokenIds::new(&self.dict.vocab, &tokens);
            let mentions = recognizer.recognize(text, &tokens, &ids, &mut memory);
            let analysis = Analysis::new(&tokens, &mentions);
            remember_parties(&analysis, &mut memory);
            let _ = writeln!(out, "[{index}] {}", &text[start..end]);
            let tagged: Vec<String> = (0..tokens.len())
                .map(|i| format!("{}/{:?}", tokens.norm(i), tokens.tokens[i].pos))
                .collect();
            let _ = writeln!(out, "  tokens: {}", tagged.join(" "));
            for (k, m) in mentions.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  actor {k}: {:?} -> {} ({}, {}){}{}{}",
                    m.actor.text,
                    m.actor.name,
                    m.actor.code.as_deref().unwrap_or("-"),
                    m.actor.kind,
                    if m.possessive { " possessive" } else { "" },
                    if m.locative { " locative" } else { "" },
                    if m.agent_only { " role-only" } else { "" },
                );
            }
            for (g, group) in analysis.groups.iter().enumerate() {
                let objects = analysis.objects(g);
                let words: Vec<&str> = (group.start..group.end).map(|i| tokens.norm(i)).collect();
                let code = match self.code_group(&analysis, &ids, g) {
                    Ok(c) => format!(
                        "{} {} ({})",
                        c.code,
                        self.dict.plover_of(c.code),
                        match &c.pattern {
                            Some(origin) =>
                                format!("pattern {origin}, weight {}", c.pattern_weight),
                            None => format!("verb {:?}", c.lemma),
                        }
                    ),
                    Err(e) => format!("{e:?}"),
                };
                let _ = writeln!(
                    out,
                    "  verb {g}: {:?} head={} subj={:?} direct={:?} owner={:?} preps={:?} inf={:?}{}{}{}{} -> {code}",
                    words.join(" "),
                    tokens.lemma(group.head),
                    analysis.subject(g),
                    objects.direct,
                    objects.owner,
                    objects.preps.iter().map(|(p, k)| (tokens.norm(*p), *k)).collect::<Vec<_>>(),
                    objects.infinitive,
                    if group.passive { " passive" } else { "" },
                    if group.negated { " negated" } else { "" },
                    if group.infinitive { " infinitive" } else { "" },
                    if group.participle { " participle" } else { "" },
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;

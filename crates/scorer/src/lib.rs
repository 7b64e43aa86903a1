//! Key-unit scoring for Vietnamese reports: label each unit as a result, a
//! shortcoming, a directive or other; pick the key units of each part with the
//! reasons; extract indicators (figures) and tasks (directive clauses).
//!
//! INTERFACE CONTRACT (used by the pipeline): `Scorer::new`, `Scorer::summarize`,
//! `SummaryOptions { method, max_per_part }`, `Method`, `Briefing { parts, picks, indicators, tasks, lead }`,
//! `Part`, `Pick`, `Indicator`, `Task`. Ranges are byte ranges into the text given.
//!
//! How it works:
//! 1. **Parts.** Each unit is analysed with the cue lexicon (`models/scorer-cues.tsv`:
//!    phrases with a part, a weight and a scope), its figures and its form (headings,
//!    captions, bylines, short lines, questions); headings and discourse cues set a context
//!    for the units that follow. A learned linear-chain model (`models/scorer-parts.tsv`,
//!    an averaged structured perceptron trained on the gold reports) scores each part from
//!    these analyses as features (cues, the hand-set scores, section and list structure,
//!    modality, tense, targets, position, the document's kind, the neighbours) and Viterbi
//!    decodes the parts with learned transitions. [`Scorer::hand_labels`] keeps the
//!    hand-set labeller for comparison.
//! 2. **Key units.** Within each part a learned key-unit scorer (`models/scorer-keys.tsv`,
//!    logistic regression) weighs LexRank centrality over TF-IDF vectors of syllables and
//!    syllable pairs, the part margin, key cues (headline figures, overall assessment,
//!    main cause, main tasks), length, and the unit's place in its section, its numbered
//!    list and the part's runs; about a third of each part (`ceil((n + 1) / 3)`, at least
//!    one) is picked with MMR, in document order.
//! 3. **Indicators** are the figures with their name, unit, plan share and change.
//! 4. **Tasks** are the clauses of directive units (not narrative or questions) with who
//!    must act, when that is a body or a person.
//! 5. **Lead**: the title of an official document, the unit that says who met when and for
//!    what, and the decision adopted (one to three units).
//!
//! ```
//! use tomtat_scorer::{Part, Scorer, SummaryOptions};
//! use tomtat_splitter::Splitter;
//! use tomtat_tokenizer::Segmenter;
//! let text = "Thu ngân sách đạt 25,5 tỷ đồng, tăng 5,1% so với cùng kỳ.\n\
//!             Tuy nhiên, tiến độ giải ngân vốn đầu tư công còn chậm.\n\
//!             Thời gian tới, các địa phương cần đẩy nhanh tiến độ giải ngân.";
//! let units = Splitter::new().split(text);
//! let b = Scorer::new().summarize(text, &units, &Segmenter::new(), &SummaryOptions::default());
//! assert_eq!(b.parts, [Part::Result, Part::Shortcoming, Part::Directive]);
//! assert_eq!(b.indicators[0].unit_name, "tỷ đồng");
//! assert_eq!(b.indicators[0].change_percent, Some(5.1));
//! assert_eq!(b.tasks[0].actor.as_deref(), Some("các địa phương"));
//! ```

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod furniture;
mod indicators;
mod lead;
mod lex;
mod lexicon;
mod model;
mod parts;
mod rank;
mod select;
mod tasks;

use tomtat_splitter::Unit;
use tomtat_tokenizer::Segmenter;

use lex::Tok;
use lexicon::Lexicon;
pub use lexicon::LexiconError;
use parts::Analysis;

/// The part of a report a unit belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Result,
    Shortcoming,
    Directive,
    Other,
}

impl Part {
    /// Name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Part::Result => "result",
            Part::Shortcoming => "shortcoming",
            Part::Directive => "directive",
            Part::Other => "other",
        }
    }
}

/// How key units are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// Part labels, cues, centrality, figures, position, MMR.
    #[default]
    Default,
    /// Plain LexRank over the whole document (baseline).
    LexRank,
}

/// Options for [`Scorer::summarize`].
#[derive(Debug, Clone, Copy, Default)]
pub struct SummaryOptions {
    pub method: Method,
    /// `None`: adaptive to each part's size.
    pub max_per_part: Option<usize>,
}

/// A picked key unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub part: Part,
    /// Index of the unit.
    pub unit: usize,
    pub start: usize,
    pub end: usize,
    pub score: f32,
    /// Why it was picked: cues, features, neighbours.
    pub why: Vec<String>,
}

/// A figure reported in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub unit: usize,
    /// What is measured (`tổng thu ngân sách nhà nước`).
    pub name: String,
    pub value: f64,
    /// `đồng`, `tỷ đồng`, `%`, `lượt khách`, ...
    pub unit_name: String,
    /// The figure as written.
    pub raw: String,
    pub start: usize,
    pub end: usize,
    /// Share of plan in percent, where stated (`104,11% dự toán tỉnh giao`).
    pub plan_percent: Option<f64>,
    /// Change in percent, where stated (`tăng 5,1% so với cùng kỳ` gives 5.1).
    pub change_percent: Option<f64>,
    /// What the plan or change is measured against, as written.
    pub basis: Option<String>,
}

/// A task from a directive.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub unit: usize,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Who must act, where stated.
    pub actor: Option<String>,
}

/// The briefing of one document.
#[derive(Debug, Clone, Default)]
pub struct Briefing {
    /// The part of each unit, in unit order.
    pub parts: Vec<Part>,
    /// Picks in document order.
    pub picks: Vec<Pick>,
    pub indicators: Vec<Indicator>,
    pub tasks: Vec<Task>,
    /// The lead: indices of the one to three units that say who met or issued the
    /// document, when and for what, and what was adopted (in document order).
    pub lead: Vec<usize>,
}

fn valid_range(text: &str, u: &Unit) -> bool {
    u.start <= u.end
        && u.end <= text.len()
        && text.is_char_boundary(u.start)
        && text.is_char_boundary(u.end)
}

/// The bundled cue lexicon.
const CUES: &str = include_str!("../models/scorer-cues.tsv");
/// The bundled part model (learned from the gold reports, see `models/README.md`).
const PART_MODEL: &str = include_str!("../models/scorer-parts.tsv");
/// The bundled key-unit model (learned from the gold reports, see `models/README.md`).
const KEY_MODEL: &str = include_str!("../models/scorer-keys.tsv");

/// A part model that cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a tomtat part model (first line must be the version header)")]
    Header,
    #[error("line {0}: {1}")]
    Line(usize, &'static str),
}

/// Tunable weights of the scorer (hand-set from the annotation guidelines, checked by
/// leave-documents-out runs on the development reports).
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct Tuning {
    /// Prior score of each part (result, shortcoming, directive, other).
    pub bias: [f32; 4],
    /// Transition bonus for staying in the same content part.
    pub stay: f32,
    /// Transition bonus for staying in `other`.
    pub stay_other: f32,
    /// Bonus a discourse cue gives its part in the next unit.
    pub switch_carry: f32,
    /// Decay of that bonus per unit.
    pub switch_decay: f32,
    /// Bonus a heading gives its part in the units under it.
    pub heading_carry: f32,
    /// Result score per figure (at most 4).
    pub figure: f32,
    /// `other` score of a short line without a final stop.
    pub no_stop: f32,
    /// Weight kept by a directive cue after `đã` (it then counts for results).
    pub past: f32,
    /// `other` score of a unit of at most 12 words.
    pub short: f32,
    /// `other` score of a unit with neither cues nor figures.
    pub nocue: f32,
    /// `other` score of a unit that opens with a date.
    pub date_start: f32,
    /// Weight kept by the cues before a contrast inside a unit (`tuy ..., nhưng ...`).
    pub contrast: f32,
    /// Cue sums above this count half.
    pub cue_cap: f32,
    /// Share of a part's units picked by default: `ceil(budget * n + budget_add)`.
    pub budget: f32,
    pub budget_add: f32,
    /// Weights of the key-unit score: centrality, part margin, figures, first unit of
    /// the part, cue strength, length.
    pub w_cent: f32,
    pub w_margin: f32,
    pub w_fig: f32,
    pub w_first: f32,
    pub w_cue: f32,
    pub w_len: f32,
    /// Weight of the key cues (main content markers) in the key-unit score.
    pub w_key: f32,
    /// Weight of opening a later run of the part (after units of other parts).
    pub w_run: f32,
    /// Penalty of closing a run of the part (the next unit has another part).
    pub w_last: f32,
    /// Redundancy penalty of MMR.
    pub mmr: f32,
    /// Scale of the learned model's scores to the hand-set scale (for the part margin).
    pub model_scale: f32,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            bias: [0.5, -0.4, -0.2, 0.3],
            stay: 0.8,
            stay_other: 0.6,
            switch_carry: 1.0,
            switch_decay: 0.7,
            heading_carry: 1.5,
            figure: 0.5,
            no_stop: 2.0,
            past: 0.7,
            short: 0.4,
            date_start: 1.2,
            nocue: 0.3,
            cue_cap: 4.0,
            contrast: 0.4,
            budget: 1.0 / 3.0,
            budget_add: 1.0 / 3.0,
            w_cent: 0.375,
            w_margin: 0.625,
            w_fig: 0.0,
            w_first: 0.5,
            w_cue: 0.0,
            w_len: 0.375,
            w_key: 0.3,
            w_run: 0.25,
            w_last: 0.0,
            mmr: 0.3,
            model_scale: 1.0,
        }
    }
}

/// The scorer with its lexicons and weights, loaded once and shared across threads.
#[derive(Debug)]
pub struct Scorer {
    lex: Lexicon,
    tuning: Tuning,
    segmenter_words: bool,
    /// The learned labeller; `None`: the hand-set weights label the parts.
    model: Option<model::PartModel>,
    /// The learned key-unit scorer; `None`: the hand-set key-unit score.
    keys: Option<rank::KeyModel>,
}

#[cfg(feature = "train")]
pub(crate) type KeySink = rank::learn::KeyTrainer;
#[cfg(not(feature = "train"))]
pub(crate) enum KeySink {}
#[cfg(not(feature = "train"))]
impl KeySink {
    fn add(&mut self, _: model::Feats, _: bool) {
        match *self {}
    }
}

impl Default for Scorer {
    fn default() -> Scorer {
        Scorer::new()
    }
}

impl Scorer {
    /// The scorer with the bundled lexicons.
    pub fn new() -> Scorer {
        Scorer::with_tuning(Tuning::default())
    }

    /// The scorer with the bundled lexicons and other weights (for tuning runs).
    #[doc(hidden)]
    pub fn with_tuning(tuning: Tuning) -> Scorer {
        let lex = Lexicon::parse(CUES).expect("bundled cue lexicon is valid");
        let model = model::PartModel::parse(PART_MODEL).expect("bundled part model is valid");
        let keys = rank::KeyModel::parse(KEY_MODEL).expect("bundled key model is valid");
        Scorer {
            lex,
            tuning,
            segmenter_words: false,
            model: Some(model),
            keys: Some(keys),
        }
    }

    /// The scorer with another cue lexicon (TSV, as `models/scorer-cues.tsv`).
    pub fn with_lexicon(tsv: &str) -> Result<Scorer, LexiconError> {
        Ok(Scorer {
            lex: Lexicon::parse(tsv)?,
            ..Scorer::new()
        })
    }

    /// The scorer with another part model (TSV, as `models/scorer-parts.tsv`).
    pub fn with_model(self, tsv: &str) -> Result<Scorer, ModelError> {
        Ok(Scorer {
            model: Some(model::PartModel::parse(tsv)?),
            ..self
        })
    }

    /// The scorer with another key-unit model (TSV, as `models/scorer-keys.tsv`).
    pub fn with_key_model(self, tsv: &str) -> Result<Scorer, ModelError> {
        Ok(Scorer {
            keys: Some(rank::KeyModel::parse(tsv)?),
            ..self
        })
    }

    /// Score key units with the hand-set weights (for comparison runs).
    #[doc(hidden)]
    pub fn hand_keys(self) -> Scorer {
        Scorer { keys: None, ..self }
    }

    /// Label parts with the hand-set weights only (the labeller before the learned model;
    /// for comparison runs).
    #[doc(hidden)]
    pub fn hand_labels(self) -> Scorer {
        Scorer {
            model: None,
            ..self
        }
    }

    /// Compare units by the segmenter's words instead of syllables and syllable pairs
    /// (slower: the segmenter then runs over every unit).
    pub fn with_segmenter_words(mut self, on: bool) -> Scorer {
        self.segmenter_words = on;
        self
    }

    /// Summarize one document: `units` were split from `text`.
    ///
    /// Units whose range is not inside `text` (or not on character boundaries) are
    /// labelled `other` and never picked.
    pub fn summarize(
        &self,
        text: &str,
        units: &[Unit],
        segmenter: &Segmenter,
        options: &SummaryOptions,
    ) -> Briefing {
        self.summarize_inner(text, units, segmenter, options, None)
    }

    /// [`Scorer::summarize`] with the parts given (to measure selection alone).
    #[cfg(feature = "train")]
    pub fn summarize_with_parts(
        &self,
        text: &str,
        units: &[Unit],
        segmenter: &Segmenter,
        options: &SummaryOptions,
        parts: &[Part],
    ) -> Briefing {
        self.summarize_inner(text, units, segmenter, options, Some(parts))
    }

    fn summarize_inner(
        &self,
        text: &str,
        units: &[Unit],
        segmenter: &Segmenter,
        options: &SummaryOptions,
        given: Option<&[Part]>,
    ) -> Briefing {
        let mut valid: Vec<bool> = units.iter().map(|u| valid_range(text, u)).collect();
        let (mut an, indicators) = self.analyse(text, units, &valid);
        let mut no_content = furniture::address_units(text, &an);
        no_content.extend(furniture::basis_units(&an));
        no_content.extend(furniture::closing_units(&an));
        no_content.extend(furniture::bare_label_units(&an));
        no_content.extend((an.iter().enumerate()).filter_map(|(i, a)| a.topic.then_some(i)));
        for i in no_content {
            valid[i] = false;
        }
        // a letter's reference to what it answers: no part or task, but it may be the lead
        let references: Vec<usize> = (furniture::reference_units(&an))
            .chain(furniture::decider_units(&an))
            .filter(|&i| valid[i])
            .collect();
        let lead = lead::lead(text, &an, &valid, &references);
        // the title names the document: it is no part of it and gives no task
        for &i in references.iter().chain(lead.title.iter().flatten()) {
            valid[i] = false;
        }
        let attributes: Vec<usize> = furniture::attribute_units(text, &an).collect();
        for i in attributes {
            an[i].attribute = true;
        }
        let kind = model::doc_kind(&an);
        let mut parts = self.label(&mut an, &valid, kind);
        if let Some(g) = given {
            parts = g.to_vec();
        }
        let vecs = if self.segmenter_words {
            let safe: Vec<Unit> = units
                .iter()
                .zip(&valid)
                .map(|(u, &ok)| {
                    if ok {
                        u.clone()
                    } else {
                        Unit {
                            start: 0,
                            end: 0,
                            ..u.clone()
                        }
                    }
                })
                .collect();
            select::vectors(text, &safe, segmenter)
        } else {
            select::syllable_vectors(&an)
        };
        let picks = match options.method {
            Method::Default => self.pick(&an, &parts, &vecs, units, options, kind, None),
            Method::LexRank => {
                let (p, picks) = self.lexrank_baseline(&parts, &vecs, units, &valid, options);
                parts = p;
                picks
            }
        };
        let mut tasks = Vec::new();
        let mut memo = Vec::new();
        // an effect clause keeps its part (held out, leaving it out of the parts did not
        // help the picks) but gives no task; nor does a line that frames the opinion below
        let effects: Vec<usize> = (furniture::effect_units(&an))
            .chain(furniture::framing_units(&an))
            .collect();
        for (i, u) in units.iter().enumerate() {
            if valid[i] && parts[i] == Part::Directive && !an[i].attribute && !effects.contains(&i)
            {
                let (toks, keys) = (&an[i].toks, &an[i].keys);
                tasks::extract_with(text, u, toks, keys, i, &mut tasks, &mut memo);
            }
        }
        tasks::inherit_actors(text, units, &an, &mut tasks);
        tasks::actors_from_attributes(text, units, &an, &mut tasks);
        tasks::drop_repeats(&mut tasks);
        Briefing {
            parts,
            picks,
            indicators,
            tasks,
            lead: lead.units,
        }
    }

    /// The part of every unit: the learned model if there is one, else the hand-set
    /// weights. Sets `emis` of every unit to the scores the parts were decoded from.
    /// `kind`: the document's kind ([`model::doc_kind`]).
    fn label(&self, an: &mut [Analysis], valid: &[bool], kind: &'static str) -> Vec<Part> {
        let Some(m) = &self.model else {
            return parts::label(an, &self.lex, &self.tuning);
        };
        parts::context(an, &self.lex, &self.tuning);
        let mut emis: Vec<[f32; 4]> = Vec::with_capacity(an.len());
        let mut sink = model::Emit::new(m);
        model::each_features(an, &self.lex, kind, Some(&m.pairs), &mut sink, |i, e| {
            emis.push(if valid[i] {
                e.s
            } else {
                [-1e3, -1e3, -1e3, 1e3]
            })
        });
        let parts = model::viterbi(&emis, &m.trans);
        for (a, e) in an.iter_mut().zip(emis) {
            a.emis = e.map(|x| x * self.tuning.model_scale);
        }
        parts
    }

    /// Tokens, keys, indicators and the labeller's analysis of every unit.
    fn analyse(
        &self,
        text: &str,
        units: &[Unit],
        valid: &[bool],
    ) -> (Vec<Analysis>, Vec<Indicator>) {
        let n = units.len();
        let mut indicators = Vec::new();
        let mut an: Vec<Analysis> = Vec::with_capacity(n);
        // each distinct word's key is computed once (kept per thread, see `lex::KeyCache`)
        let mut scratch = parts::Scratch::default();
        let pairs = self.model.as_ref().map(|m| &m.pairs);
        let mut wi: Vec<u32> = Vec::new();
        // what the lexicon, the part model's pairs and the markers say of each word, looked
        // up once per word the cache holds
        let owners = [
            self.lex.instance,
            pairs.map_or(0, |p| p.instance),
            model::markers_instance(),
        ];
        let look = |k: &str| {
            let code = pairs.map_or(0, |p| p.code(k));
            [self.lex.id(k), code, model::marker_group(k)]
        };
        let none = [lexicon::UNKNOWN, 0, 0];
        lex::KeyCache::with(|cache| {
            for (i, u) in units.iter().enumerate() {
                let mut toks: Vec<Tok> = Vec::new();
                if valid[i] {
                    // about one token per five bytes of Vietnamese
                    toks.reserve((u.end - u.start) / 5 + 4);
                    lex::lex(text, u.start, u.end, &mut toks);
                }
                let notes = &mut scratch.notes;
                let keys = lex::Keyed::with_notes(text, &toks, cache, (owners, look), none, notes);
                let roles = match pairs {
                    Some(p) => (p.instance, notes.iter().map(|n| n[1]).collect()),
                    None => (0, Vec::new()),
                };
                let before = indicators.len();
                indicators::extract(text, &toks, &keys, i, &mut indicators);
                let figures = indicators.len() - before;
                let mut a = Analysis::new(
                    &self.lex,
                    &self.tuning,
                    text,
                    u,
                    (toks, keys, &mut scratch),
                    (i, n),
                    figures,
                );
                if !valid[i] {
                    a.own = [-10.0, -10.0, -10.0, 10.0];
                }
                a.pair_roles = roles;
                a.index_words(&scratch.notes, &mut wi);
                an.push(a);
            }
        });
        parts::line_places(text, units, &mut an);
        (an, indicators)
    }

    /// One line per unit: its part, the scores per part and the cues found (for tuning).
    #[doc(hidden)]
    pub fn explain(&self, text: &str, units: &[Unit]) -> Vec<String> {
        let valid: Vec<bool> = units.iter().map(|u| valid_range(text, u)).collect();
        let (mut an, _) = self.analyse(text, units, &valid);
        let kind = model::doc_kind(&an);
        let parts = self.label(&mut an, &valid, kind);
        an.iter()
            .zip(&parts)
            .map(|(a, p)| {
                let cues: Vec<String> = a
                    .hits
                    .iter()
                    .map(|h| format!("{}:{:.1}", self.lex.cues[h.0 as usize].phrase, h.1))
                    .collect();
                format!(
                    "{} own[{:.1} {:.1} {:.1} {:.1}] emis[{:.1} {:.1} {:.1} {:.1}] {} {:?}",
                    &p.name()[..3],
                    a.own[0],
                    a.own[1],
                    a.own[2],
                    a.own[3],
                    a.emis[0],
                    a.emis[1],
                    a.emis[2],
                    a.emis[3],
                    cues.join(","),
                    a.form
                )
            })
            .collect()
    }
}

/// The analysis of every document of the bundled `corpus/` by `scorer` (for tests that
/// compare two ways of scoring it), with each unit valid.
#[cfg(test)]
pub(crate) fn corpus_analyses(scorer: &Scorer) -> Vec<Vec<parts::Analysis>> {
    let dir = format!("{}/../../corpus", env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("corpus").flatten() {
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let units = tomtat_splitter::Splitter::new().split(&text);
        let valid = vec![true; units.len()];
        out.push(scorer.analyse(&text, &units, &valid).0);
    }
    out
}

#[cfg(test)]
mod line_tests {
    use super::*;

    /// The place of each sentence in its line; a line of more than twelve sentences (a body
    /// run together on one line) gives none.
    #[test]
    fn line_places_count_sentences_per_line() {
        let scorer = Scorer::new();
        let places = |text: &str| -> Vec<Option<usize>> {
            let units = tomtat_splitter::Splitter::new().split(text);
            let valid = vec![true; units.len()];
            let (an, _) = scorer.analyse(text, &units, &valid);
            an.iter().map(|a| a.line_pos).collect()
        };
        let text = "Tỉnh đã hoàn thành kế hoạch. Thu ngân sách tăng 12%.\n\
                    - Tăng cường kiểm tra. Xử lý nghiêm vi phạm.\nGiao Sở Tài chính chủ trì.";
        let want = [Some(0), Some(1), Some(0), Some(1), Some(0)];
        assert_eq!(places(text), want);
        let long = "Hội nghị đã thảo luận kỹ các nội dung. ".repeat(13);
        assert_eq!(places(&long), vec![None; 13]);
    }
}

/// Training of the part model from gold (the `train` feature; used by
/// `examples/train_parts.rs`).
#[cfg(feature = "train")]
pub mod train {
    use super::*;

    /// Collects documents with gold parts and trains the part model.
    pub struct Trainer(model::learn::Trainer, rank::learn::KeyTrainer);

    impl Default for Trainer {
        fn default() -> Trainer {
            Trainer::new()
        }
    }

    impl Trainer {
        pub fn new() -> Trainer {
            Trainer(model::learn::Trainer::new(), Default::default())
        }

        /// Add a document: its units and the gold part of each.
        pub fn add(&mut self, scorer: &Scorer, text: &str, units: &[Unit], gold: &[Part]) {
            let valid: Vec<bool> = units.iter().map(|u| valid_range(text, u)).collect();
            let (mut an, _) = scorer.analyse(text, units, &valid);
            parts::context(&mut an, &scorer.lex, &scorer.tuning);
            let feats = model::features(&an, &scorer.lex, model::doc_kind(&an));
            self.0.add(feats, gold);
        }

        /// Add a document to the key-unit trainer: units with their gold parts and
        /// whether each is key. The part margins come from `scorer`'s labeller.
        pub fn add_keys(
            &mut self,
            scorer: &Scorer,
            text: &str,
            units: &[Unit],
            gold: &[Part],
            keys: &[bool],
        ) {
            let valid: Vec<bool> = units.iter().map(|u| valid_range(text, u)).collect();
            let (mut an, _) = scorer.analyse(text, units, &valid);
            let kind = model::doc_kind(&an);
            scorer.label(&mut an, &valid, kind);
            let vecs = select::syllable_vectors(&an);
            let options = SummaryOptions::default();
            let sink = Some((&mut self.1, keys));
            scorer.pick(&an, gold, &vecs, units, &options, kind, sink);
        }

        /// Train the key-unit scorer; the model as TSV.
        pub fn train_keys(&self, epochs: usize) -> String {
            self.1.train(epochs)
        }

        /// Documents added.
        pub fn len(&self) -> usize {
            self.0.seqs.len()
        }

        pub fn is_empty(&self) -> bool {
            self.0.seqs.is_empty()
        }

        /// Train (averaged structured perceptron, `epochs` passes); the model as TSV.
        pub fn train(&self, epochs: usize) -> String {
            self.0.train(epochs)
        }
    }

    /// The gold part of each unit: the part of the gold sentence that holds most of its
    /// non-space characters. `sentences` are the gold sentences in order, which together
    /// hold the non-space characters of `text` in order.
    pub fn align(
        text: &str,
        units: &[Unit],
        sentences: &[(&str, Part, bool)],
    ) -> Vec<(Part, bool)> {
        // gold sentence of each non-space char of text, by byte offset
        let mut owner: Vec<(usize, usize)> = Vec::new(); // (byte offset, sentence)
        let gold: Vec<(char, usize)> = sentences
            .iter()
            .enumerate()
            .flat_map(|(k, (s, _, _))| {
                s.chars()
                    .filter(|c| !c.is_whitespace())
                    .map(move |c| (c, k))
            })
            .collect();
        let mut g = 0;
        for (off, c) in text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            // resynchronise on a mismatch within a short window
            let mut j = g;
            while j < gold.len() && j < g + 8 && gold[j].0 != c {
                j += 1;
            }
            if j < gold.len() && gold[j].0 == c {
                owner.push((off, gold[j].1));
                g = j + 1;
            }
        }
        units
            .iter()
            .map(|u| {
                let lo = owner.partition_point(|x| x.0 < u.start);
                let hi = owner.partition_point(|x| x.0 < u.end);
                let mut count = [0usize; 4];
                let mut key = 0usize;
                for &(_, k) in &owner[lo..hi] {
                    count[parts::idx(sentences[k].1)] += 1;
                    key += sentences[k].2 as usize;
                }
                let best = (0..4).max_by_key(|&p| (count[p], std::cmp::Reverse(p)));
                let part = match best {
                    Some(p) if count[p] > 0 => parts::PARTS[p],
                    _ => Part::Other,
                };
                (part, 2 * key > hi - lo)
            })
            .collect()
    }
}

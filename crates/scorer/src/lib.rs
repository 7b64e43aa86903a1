//! Key-unit scoring for Vietnamese reports: label each unit as a result, a
//! shortcoming, a directive or other; pick the key units of each part with the
//! reasons; extract indicators (figures) and tasks (directive clauses).
//!
//! INTERFACE CONTRACT (used by the pipeline): `Scorer::new`, `Scorer::summarize`,
//! `SummaryOptions { method, max_per_part }`, `Method`, `Briefing { parts, picks, indicators, tasks }`,
//! `Part`, `Pick`, `Indicator`, `Task`. Ranges are byte ranges into the text given.

use tomtat_splitter::Unit;
use tomtat_tokenizer::Segmenter;

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
}

/// The scorer with its lexicons and weights, loaded once and shared across threads.
#[derive(Debug, Default)]
pub struct Scorer {}

impl Scorer {
    /// The scorer with the bundled lexicons.
    pub fn new() -> Scorer {
        Scorer {}
    }

    /// Summarize one document: `units` were split from `text`.
    pub fn summarize(
        &self,
        text: &str,
        units: &[Unit],
        _segmenter: &Segmenter,
        options: &SummaryOptions,
    ) -> Briefing {
        // Placeholder: first unit of the document as a result.
        let _ = (text, options);
        let parts = vec![Part::Other; units.len()];
        let picks = units
            .first()
            .map(|u| Pick {
                part: Part::Result,
                unit: 0,
                start: u.start,
                end: u.end,
                score: 1.0,
                why: vec!["first".into()],
            })
            .into_iter()
            .collect();
        Briefing {
            parts,
            picks,
            indicators: Vec::new(),
            tasks: Vec::new(),
        }
    }
}

//! Output records: what `tomtat summarize` writes, one per input document.
//!
//! The JSON contract (see `docs/schema.md`): a document gives
//! `{"id","source","units","results","shortcomings","directives","indicators","tasks"}`
//! and a failed input gives `{"id","source","error"}`. Byte ranges point at the source.

use serde::{Deserialize, Serialize};
use tomtat_scorer::{Briefing, Part};
use tomtat_splitter::Unit;
use tomtat_text::Text;

/// One line of output: a summary or an error.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Record {
    Summary(Box<Summary>),
    Error(ErrorRecord),
}

impl Record {
    /// The document id.
    pub fn id(&self) -> &str {
        match self {
            Record::Summary(s) => &s.id,
            Record::Error(e) => &e.id,
        }
    }

    /// Whether the input failed.
    pub fn is_error(&self) -> bool {
        matches!(self, Record::Error(_))
    }
}

/// An input that could not be summarized, and why.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorRecord {
    pub id: String,
    pub source: String,
    pub error: String,
}

/// The briefing of one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub source: String,
    /// Encoding the source was decoded from.
    pub encoding: String,
    /// Number of units (sentences, headings, list items, ...).
    pub units: usize,
    /// Number of units per part.
    pub part_sizes: PartSizes,
    /// The lead: the one to three units that say who met or issued the document, when, for
    /// what, and what was adopted.
    #[serde(default)]
    pub lead: Vec<LeadOut>,
    pub results: Vec<PickOut>,
    pub shortcomings: Vec<PickOut>,
    pub directives: Vec<PickOut>,
    pub indicators: Vec<IndicatorOut>,
    pub tasks: Vec<TaskOut>,
    /// Document metadata: body, level, province, kind, code, date, period (ranges in source bytes).
    #[serde(default)]
    pub meta: tomtat_meta::Meta,
}

/// Units per part.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct PartSizes {
    pub result: usize,
    pub shortcoming: usize,
    pub directive: usize,
    pub other: usize,
}

/// A key unit.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PickOut {
    pub text: String,
    /// Source byte range.
    pub start: usize,
    pub end: usize,
    /// Index of the unit in the document.
    pub unit: usize,
    pub score: f32,
    pub why: Vec<String>,
}

/// A unit of the lead.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LeadOut {
    pub text: String,
    /// Source byte range.
    pub start: usize,
    pub end: usize,
    /// Index of the unit in the document.
    pub unit: usize,
}

/// A figure.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndicatorOut {
    pub name: String,
    pub value: f64,
    /// Unit of measure (`đồng`, `%`, `lượt khách`).
    pub unit: String,
    pub raw: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_percent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_percent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// Index of the unit it was found in.
    pub unit_index: usize,
    pub start: usize,
    pub end: usize,
}

/// A task from a directive.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TaskOut {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    pub unit: usize,
    pub start: usize,
    pub end: usize,
}

impl Summary {
    /// Assemble the output of one document, mapping ranges back to the source.
    pub fn build(
        id: &str,
        source: &str,
        text: &Text,
        units: &[Unit],
        briefing: &Briefing,
    ) -> Summary {
        let s = text.as_str();
        let mut part_sizes = PartSizes::default();
        for part in &briefing.parts {
            match part {
                Part::Result => part_sizes.result += 1,
                Part::Shortcoming => part_sizes.shortcoming += 1,
                Part::Directive => part_sizes.directive += 1,
                Part::Other => part_sizes.other += 1,
            }
        }
        let (mut results, mut shortcomings, mut directives) = (Vec::new(), Vec::new(), Vec::new());
        for pick in &briefing.picks {
            let range = text.source_range(pick.start..pick.end);
            let out = PickOut {
                text: s[pick.start..pick.end].to_string(),
                start: range.start,
                end: range.end,
                unit: pick.unit,
                score: pick.score,
                why: pick.why.clone(),
            };
            match pick.part {
                Part::Result => results.push(out),
                Part::Shortcoming => shortcomings.push(out),
                Part::Directive => directives.push(out),
                Part::Other => {}
            }
        }
        let indicators = briefing
            .indicators
            .iter()
            .map(|i| {
                let range = text.source_range(i.start..i.end);
                IndicatorOut {
                    name: i.name.clone(),
                    value: i.value,
                    unit: i.unit_name.clone(),
                    raw: i.raw.clone(),
                    plan_percent: i.plan_percent,
                    change_percent: i.change_percent,
                    basis: i.basis.clone(),
                    unit_index: i.unit,
                    start: range.start,
                    end: range.end,
                }
            })
            .collect();
        let tasks = briefing
            .tasks
            .iter()
            .map(|t| {
                let range = text.source_range(t.start..t.end);
                TaskOut {
                    text: t.text.clone(),
                    actor: t.actor.clone(),
                    unit: t.unit,
                    start: range.start,
                    end: range.end,
                }
            })
            .collect();
        let mut meta = tomtat_meta::extract(s);
        meta.map_ranges(|[a, b]| {
            let r = text.source_range(a..b);
            [r.start, r.end]
        });
        let lead = briefing
            .lead
            .iter()
            .filter_map(|&u| units.get(u).map(|x| (u, x)))
            .map(|(u, x)| {
                let range = text.source_range(x.start..x.end);
                LeadOut {
                    text: s[x.start..x.end].to_string(),
                    start: range.start,
                    end: range.end,
                    unit: u,
                }
            })
            .collect();
        Summary {
            meta,
            id: id.into(),
            source: source.into(),
            encoding: text.encoding().name().to_string(),
            units: units.len(),
            part_sizes,
            results,
            shortcomings,
            directives,
            indicators,
            tasks,
            lead,
        }
    }
}

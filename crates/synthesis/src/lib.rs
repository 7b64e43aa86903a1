//! A synthesis (tổng hợp) of many report briefings: the documents grouped by province, body and
//! period; **recurring content** (clusters of similar key units across documents, per part);
//! **indicators side by side** (one normalised indicator name across documents and periods);
//! and **follow-up** (each directive of a body's earlier period with the later period's results
//! that answer it).
//!
//! Streaming: each document is reduced to a [`DocInput`] (metadata, its key units as word counts
//! with their ranges and a short text, its indicators) which can be built in parallel; the
//! [`Synthesizer`] keeps only those, never the document texts, so memory grows with the number
//! of key units, not with the size of the archive's text.
//!
//! Similarity is cosine over TF-IDF of the segmenter's words. Candidate pairs come from an
//! inverted index on each unit's rarest words, where each unit is compared only with the few
//! units before it in each posting list (not quadratic), then checked exactly; similar units are
//! joined with union-find.
#![forbid(unsafe_code)]

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod render;

pub use render::{html, indicators_csv, markdown};

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use tomtat::scorer::Part;
use tomtat::splitter::Unit;
use tomtat::text::Text;
use tomtat::tokenizer::Segmenter;
use tomtat::{Pipeline, Summary};

/// The parts that carry recurring content.
pub const PARTS: [&str; 3] = ["result", "shortcoming", "directive"];

/// Tuning of the synthesis.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Cosine similarity (TF-IDF) at which two units are joined.
    pub threshold: f32,
    /// Cosine to the cluster's centroid below which a member is dropped (single links chain).
    pub prune: f32,
    /// Rarest words of a unit that enter the inverted index.
    pub index_terms: usize,
    /// Earlier units of a posting list each unit is compared with.
    pub window: usize,
    /// Key units kept per part and document (picks first, then other units of that part).
    pub units_per_part: usize,
    /// Cosine at which a later result answers an earlier directive.
    pub follow_threshold: f32,
    /// Longest unit text kept (bytes).
    pub max_text: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: 0.3,
            prune: 0.4,
            index_terms: 6,
            window: 12,
            units_per_part: 12,
            follow_threshold: 0.15,
            max_text: 400,
        }
    }
}

/// What the synthesis keeps of one document.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocInfo {
    pub id: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_key: Option<String>,
}

/// A key unit of one document, as words.
#[derive(Debug, Clone)]
pub struct KeyUnit {
    pub part: &'static str,
    pub unit: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Lower-cased words of the segmenter.
    pub words: Vec<String>,
}

/// An indicator of one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndicatorIn {
    pub name: String,
    pub value: f64,
    pub unit: String,
    pub raw: String,
    pub unit_index: usize,
    pub start: usize,
    pub end: usize,
}

/// One document reduced for the synthesis.
#[derive(Debug, Clone)]
pub struct DocInput {
    pub info: DocInfo,
    pub units: Vec<KeyUnit>,
    pub indicators: Vec<IndicatorIn>,
}

fn info_of(s: &Summary) -> DocInfo {
    let m = &s.meta;
    DocInfo {
        id: s.id.clone(),
        source: s.source.clone(),
        body: m.body.clone(),
        level: m.level.clone(),
        province: m.province.clone(),
        kind: m.kind.clone(),
        date: m.date.clone(),
        period: m.period.clone(),
        period_key: m.period_key.clone(),
    }
}

fn short(text: &str, max: usize) -> String {
    let t = text.trim();
    if t.len() <= max {
        return t.to_string();
    }
    let mut i = max;
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    format!("{}…", &t[..i])
}

fn words_of(segmenter: &Segmenter, text: &str) -> Vec<String> {
    segmenter
        .segment_str(text)
        .into_iter()
        .filter(|w| w.chars().any(char::is_alphabetic) && w.chars().count() > 1)
        .map(|w| w.to_lowercase())
        .collect()
}

impl DocInput {
    /// From a per-document record (`tomtat summarize` output): its picks are the key units.
    pub fn from_summary(s: &Summary, segmenter: &Segmenter, options: &Options) -> DocInput {
        let mut units = Vec::new();
        for (part, picks) in PARTS
            .iter()
            .zip([&s.results, &s.shortcomings, &s.directives])
        {
            for p in picks.iter().take(options.units_per_part) {
                units.push(KeyUnit {
                    part,
                    unit: p.unit,
                    start: p.start,
                    end: p.end,
                    text: short(tomtat::brief::bullet_text(&p.text), options.max_text),
                    words: words_of(segmenter, &p.text),
                });
            }
        }
        DocInput {
            info: info_of(s),
            units,
            indicators: indicators_of(s),
        }
    }

    /// Run the pipeline on a decoded document and keep its key units: the picks of each part,
    /// then its other units labelled with that part, up to `units_per_part`. Returns the
    /// per-document summary as well.
    pub fn from_text(
        pipeline: &Pipeline,
        id: &str,
        source: &str,
        text: &Text,
        options: &Options,
    ) -> (DocInput, Summary) {
        let s = text.as_str();
        let units: Vec<Unit> = pipeline.splitter.split(s);
        let briefing =
            pipeline
                .scorer
                .summarize(s, &units, &pipeline.segmenter, &pipeline.options.summary);
        let summary = Summary::build(id, source, text, &units, &briefing);
        let mut chosen: Vec<(usize, Part)> = Vec::new();
        for part in [Part::Result, Part::Shortcoming, Part::Directive] {
            let mut these: Vec<usize> = briefing
                .picks
                .iter()
                .filter(|p| p.part == part)
                .map(|p| p.unit)
                .collect();
            for (i, p) in briefing.parts.iter().enumerate() {
                if *p == part && !these.contains(&i) {
                    these.push(i);
                }
            }
            these.truncate(options.units_per_part);
            chosen.extend(these.into_iter().map(|i| (i, part)));
        }
        chosen.sort_by_key(|c| c.0);
        let key_units = chosen
            .into_iter()
            .filter(|(i, _)| *i < units.len())
            .map(|(i, part)| {
                let u = &units[i];
                let t = &s[u.start..u.end];
                let r = text.source_range(u.start..u.end);
                KeyUnit {
                    part: part.name(),
                    unit: i,
                    start: r.start,
                    end: r.end,
                    text: short(t, options.max_text),
                    words: words_of(&pipeline.segmenter, t),
                }
            })
            .collect();
        (
            DocInput {
                info: info_of(&summary),
                units: key_units,
                indicators: indicators_of(&summary),
            },
            summary,
        )
    }
}

fn indicators_of(s: &Summary) -> Vec<IndicatorIn> {
    s.indicators
        .iter()
        .map(|i| IndicatorIn {
            name: i.name.clone(),
            value: i.value,
            unit: i.unit.clone(),
            raw: i.raw.clone(),
            unit_index: i.unit_index,
            start: i.start,
            end: i.end,
        })
        .collect()
}

/// Indicator names too vague to line up across documents.
const GENERIC_INDICATORS: &[&str] = &[
    "tỷ lệ",
    "kế hoạch",
    "dự toán",
    "cùng kỳ",
    "chỉ tiêu",
    "tăng",
    "giảm",
];

/// Normalise an indicator name so that variants meet: lower case, leading `tổng`/`tổng số`/
/// `ước`/`giá trị` and trailing `trên địa bàn …`/`đạt`/`ước đạt` dropped, spaces collapsed.
///
/// ```
/// use tomtat_synthesis::normalize_indicator;
/// assert_eq!(normalize_indicator("Tổng thu ngân sách nhà nước"), normalize_indicator("thu ngân sách nhà nước"));
/// assert_eq!(normalize_indicator("tổng thu ngân sách trên địa bàn huyện"), "thu ngân sách");
/// ```
pub fn normalize_indicator(name: &str) -> String {
    let lower = name.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(i) = words
        .windows(2)
        .position(|w| w == ["trên", "địa"] || w == ["so", "với"] || w == ["ước", "đạt"])
    {
        words.truncate(i);
    }
    loop {
        let before = words.len();
        for lead in [
            &["tổng", "số"][..],
            &["tổng"],
            &["ước"],
            &["giá", "trị"],
            &["đạt"],
        ] {
            if words.len() > lead.len() && words.starts_with(lead) {
                words.drain(..lead.len());
            }
        }
        while matches!(words.last(), Some(&("đạt" | "ước" | "là" | "được"))) {
            words.pop();
        }
        if words.len() == before {
            break;
        }
    }
    words.join(" ")
}

#[derive(Debug)]
struct StoredUnit {
    doc: u32,
    part: u8,
    unit: usize,
    start: usize,
    end: usize,
    text: String,
    /// (term id, count), sorted by term id.
    terms: Vec<(u32, u16)>,
}

/// Collects documents one at a time and builds the synthesis at the end.
#[derive(Debug, Default)]
pub struct Synthesizer {
    options: Options,
    vocab: HashMap<String, u32>,
    /// Number of units each term occurs in.
    df: Vec<u32>,
    docs: Vec<DocInfo>,
    units: Vec<StoredUnit>,
    indicators: Vec<(u32, IndicatorIn)>,
}

/// The result: see `docs/schema.md` (section "Synthesis").
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Synthesis {
    pub documents: Vec<DocInfo>,
    /// Document ids grouped by the `--by` key (`issuer`, `province` or `period`).
    pub groups: Vec<Group>,
    pub clusters: Vec<Cluster>,
    pub indicators: Vec<IndicatorSeries>,
    pub follow_up: Vec<FollowUp>,
}

/// Documents sharing a province, body or period.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Group {
    pub by: String,
    pub key: String,
    pub documents: Vec<String>,
}

/// Similar key units from several documents.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Cluster {
    pub part: String,
    pub representative: String,
    /// Number of distinct documents.
    pub documents: usize,
    pub members: Vec<Member>,
}

/// A unit of a document: `id` is the document id, `unit` the unit index, `start`/`end` the
/// source byte range (as in the per-document records).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Member {
    pub id: String,
    pub unit: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Cosine similarity to the representative (1 for the representative).
    pub similarity: f32,
}

/// One indicator across documents and periods.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndicatorSeries {
    /// Normalised name.
    pub name: String,
    /// Unit of measure.
    pub unit: String,
    pub rows: Vec<IndicatorRow>,
}

/// A value of an indicator in one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndicatorRow {
    pub id: String,
    /// The name as written.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub value: f64,
    pub raw: String,
    pub unit: usize,
    pub start: usize,
    pub end: usize,
}

/// A body's directives of one period and the answers of its next period.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FollowUp {
    pub body: String,
    pub earlier: PeriodDoc,
    pub later: PeriodDoc,
    pub items: Vec<FollowItem>,
}

/// A document of a period.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PeriodDoc {
    pub id: String,
    pub period: String,
}

/// A directive and what answers it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FollowItem {
    pub directive: Member,
    /// `reported` or `not reported`.
    pub status: String,
    pub answers: Vec<Member>,
}

/// How documents are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum By {
    #[default]
    Province,
    Issuer,
    Period,
}

impl std::str::FromStr for By {
    type Err = String;
    fn from_str(s: &str) -> Result<By, String> {
        match s {
            "province" => Ok(By::Province),
            "issuer" | "body" => Ok(By::Issuer),
            "period" => Ok(By::Period),
            _ => Err(format!("unknown grouping `{s}` (issuer, province, period)")),
        }
    }
}

struct UnionFind(Vec<u32>);

impl UnionFind {
    fn find(&mut self, mut i: u32) -> u32 {
        while self.0[i as usize] != i {
            let p = self.0[self.0[i as usize] as usize];
            self.0[i as usize] = p;
            i = p;
        }
        i
    }
    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b) as usize] = a.min(b);
        }
    }
}

fn part_index(p: &str) -> u8 {
    PARTS.iter().position(|x| *x == p).unwrap_or(0) as u8
}

/// The normalised sum of some vectors.
fn centroid(members: &[usize], vectors: &[Vec<(u32, f32)>]) -> Vec<(u32, f32)> {
    let mut sum: HashMap<u32, f32> = HashMap::new();
    for &i in members {
        for &(t, w) in &vectors[i] {
            *sum.entry(t).or_default() += w;
        }
    }
    let mut c: Vec<(u32, f32)> = sum.into_iter().collect();
    c.sort_by_key(|x| x.0);
    let norm = c.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-9);
    c.iter_mut().for_each(|x| x.1 /= norm);
    c
}

/// Cosine of two sparse vectors sorted by term id.
fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

impl Synthesizer {
    pub fn new(options: Options) -> Synthesizer {
        Synthesizer {
            options,
            ..Synthesizer::default()
        }
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Add one document (its texts are not kept beyond the key units' short texts).
    pub fn add(&mut self, doc: DocInput) {
        let d = self.docs.len() as u32;
        for u in doc.units {
            let mut counts: BTreeMap<u32, u16> = BTreeMap::new();
            for w in &u.words {
                let next = self.vocab.len() as u32;
                let id = *self.vocab.entry(w.clone()).or_insert(next);
                if id as usize == self.df.len() {
                    self.df.push(0);
                }
                *counts.entry(id).or_default() += 1;
            }
            for id in counts.keys() {
                self.df[*id as usize] += 1;
            }
            self.units.push(StoredUnit {
                doc: d,
                part: part_index(u.part),
                unit: u.unit,
                start: u.start,
                end: u.end,
                text: u.text,
                terms: counts.into_iter().collect(),
            });
        }
        self.indicators
            .extend(doc.indicators.into_iter().map(|i| (d, i)));
        self.docs.push(doc.info);
    }

    fn vectors(&self) -> Vec<Vec<(u32, f32)>> {
        let n = self.units.len().max(1) as f32;
        self.units
            .iter()
            .map(|u| {
                let mut v: Vec<(u32, f32)> = u
                    .terms
                    .iter()
                    .map(|&(t, c)| {
                        let df = self.df[t as usize] as f32;
                        (t, (1.0 + (c as f32).ln()) * (n / df).ln().max(0.0))
                    })
                    .collect();
                let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
                if norm > 0.0 {
                    v.iter_mut().for_each(|x| x.1 /= norm);
                }
                v
            })
            .collect()
    }

    fn member(&self, i: usize, similarity: f32) -> Member {
        let u = &self.units[i];
        Member {
            id: self.docs[u.doc as usize].id.clone(),
            unit: u.unit,
            start: u.start,
            end: u.end,
            text: u.text.clone(),
            similarity,
        }
    }

    /// Build the synthesis, grouping documents `by` a key.
    pub fn finish(self, by: By) -> Synthesis {
        let vectors = self.vectors();
        let clusters = self.clusters(&vectors);
        let indicators = self.indicator_series();
        let follow_up = self.follow_up(&vectors);
        let groups = self.groups(by);
        Synthesis {
            documents: self.docs,
            groups,
            clusters,
            indicators,
            follow_up,
        }
    }

    fn clusters(&self, vectors: &[Vec<(u32, f32)>]) -> Vec<Cluster> {
        let o = &self.options;
        let n_units = self.units.len();
        // Inverted index on each unit's rarest words (terms in at least two units), per part.
        let mut postings: HashMap<(u8, u32), Vec<u32>> = HashMap::new();
        for (i, u) in self.units.iter().enumerate() {
            let mut terms: Vec<(u32, u32)> = u
                .terms
                .iter()
                .map(|&(t, _)| (self.df[t as usize], t))
                .filter(|&(df, _)| df >= 2)
                .collect();
            terms.sort();
            for &(_, t) in terms.iter().take(o.index_terms) {
                postings.entry((u.part, t)).or_default().push(i as u32);
            }
        }
        let mut uf = UnionFind((0..n_units as u32).collect());
        let mut keys: Vec<_> = postings.keys().copied().collect();
        keys.sort();
        for key in keys {
            let list = &postings[&key];
            for (k, &i) in list.iter().enumerate() {
                let lo = k.saturating_sub(o.window);
                for &j in &list[lo..k] {
                    let (ui, uj) = (&self.units[i as usize], &self.units[j as usize]);
                    if ui.doc == uj.doc || uf.find(i) == uf.find(j) {
                        continue;
                    }
                    if cosine(&vectors[i as usize], &vectors[j as usize]) >= o.threshold {
                        uf.union(i, j);
                    }
                }
            }
        }
        let mut comps: HashMap<u32, Vec<usize>> = HashMap::new();
        for i in 0..n_units {
            comps.entry(uf.find(i as u32)).or_default().push(i);
        }
        let mut out = Vec::new();
        let mut comps: Vec<Vec<usize>> = comps.into_values().filter(|m| m.len() > 1).collect();
        comps.sort();
        for mut members in comps {
            // Single links chain: keep the members close to the centroid (twice, as it moves).
            let mut c = centroid(&members, vectors);
            for _ in 0..2 {
                members.retain(|&i| cosine(&vectors[i], &c) >= o.prune);
                if members.is_empty() {
                    break;
                }
                c = centroid(&members, vectors);
            }
            let mut docs: Vec<u32> = members.iter().map(|&i| self.units[i].doc).collect();
            docs.sort_unstable();
            docs.dedup();
            if docs.len() < 2 {
                continue;
            }
            // Representative: the member closest to the centroid.
            let rep = *members
                .iter()
                .max_by(|&&a, &&b| {
                    cosine(&vectors[a], &c)
                        .total_cmp(&cosine(&vectors[b], &c))
                        .then(b.cmp(&a))
                })
                .unwrap();
            let mut ms: Vec<Member> = members
                .iter()
                .map(|&i| {
                    let s = if i == rep {
                        1.0
                    } else {
                        cosine(&vectors[i], &vectors[rep])
                    };
                    self.member(i, (s * 1000.0).round() / 1000.0)
                })
                .collect();
            ms.sort_by(|a, b| a.id.cmp(&b.id).then(a.unit.cmp(&b.unit)));
            out.push(Cluster {
                part: PARTS[self.units[rep].part as usize].into(),
                representative: self.units[rep].text.clone(),
                documents: docs.len(),
                members: ms,
            });
        }
        out.sort_by(|a, b| {
            b.documents
                .cmp(&a.documents)
                .then(part_index(&a.part).cmp(&part_index(&b.part)))
                .then(a.members[0].id.cmp(&b.members[0].id))
                .then(a.members[0].unit.cmp(&b.members[0].unit))
        });
        out
    }

    fn indicator_series(&self) -> Vec<IndicatorSeries> {
        let mut by: BTreeMap<(String, String), Vec<IndicatorRow>> = BTreeMap::new();
        for (d, i) in &self.indicators {
            let name = normalize_indicator(&i.name);
            // Names that say what is compared, not what is measured, and bare counts whose
            // name is the counted noun alone (`478 nhiệm vụ`, `63 dự án`: which tasks or
            // projects, the name does not say).
            let bare_count = name == normalize_indicator(&i.unit);
            if name.is_empty() || GENERIC_INDICATORS.contains(&name.as_str()) || bare_count {
                continue;
            }
            let doc = &self.docs[*d as usize];
            by.entry((name, i.unit.clone()))
                .or_default()
                .push(IndicatorRow {
                    id: doc.id.clone(),
                    name: i.name.clone(),
                    province: doc.province.clone(),
                    period: doc.period.clone(),
                    value: i.value,
                    raw: i.raw.clone(),
                    unit: i.unit_index,
                    start: i.start,
                    end: i.end,
                });
        }
        let mut out: Vec<IndicatorSeries> = by
            .into_iter()
            .filter(|(_, rows)| {
                let mut ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
                ids.dedup();
                ids.len() >= 2
            })
            .map(|((name, unit), rows)| IndicatorSeries { name, unit, rows })
            .collect();
        out.sort_by(|a, b| b.rows.len().cmp(&a.rows.len()).then(a.name.cmp(&b.name)));
        out
    }

    fn follow_up(&self, vectors: &[Vec<(u32, f32)>]) -> Vec<FollowUp> {
        // Documents of one body (body + province) with a period, in period order.
        let mut bodies: BTreeMap<(String, String), Vec<(String, u32)>> = BTreeMap::new();
        for (d, doc) in self.docs.iter().enumerate() {
            if let (Some(b), Some(p)) = (&doc.body, &doc.period_key) {
                let key = (
                    tomtat::meta::fold(b),
                    doc.province.clone().unwrap_or_default(),
                );
                bodies.entry(key).or_default().push((p.clone(), d as u32));
            }
        }
        let mut by_doc: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, u) in self.units.iter().enumerate() {
            by_doc.entry(u.doc).or_default().push(i);
        }
        let mut out = Vec::new();
        for ((_, _), mut list) in bodies {
            list.sort();
            list.dedup_by(|a, b| a.0 == b.0);
            for pair in list.windows(2) {
                let (e, l) = (pair[0].1, pair[1].1);
                let later: Vec<usize> = by_doc
                    .get(&l)
                    .map(|v| {
                        v.iter()
                            .copied()
                            .filter(|&i| self.units[i].part == 0)
                            .collect()
                    })
                    .unwrap_or_default();
                let mut items = Vec::new();
                for &i in by_doc.get(&e).into_iter().flatten() {
                    if self.units[i].part != 2 {
                        continue;
                    }
                    let mut answers: Vec<(f32, usize)> = later
                        .iter()
                        .map(|&j| (cosine(&vectors[i], &vectors[j]), j))
                        .filter(|x| x.0 >= self.options.follow_threshold)
                        .collect();
                    answers.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                    answers.truncate(3);
                    items.push(FollowItem {
                        directive: self.member(i, 1.0),
                        status: if answers.is_empty() {
                            "not reported".into()
                        } else {
                            "reported".into()
                        },
                        answers: answers
                            .into_iter()
                            .map(|(s, j)| self.member(j, (s * 1000.0).round() / 1000.0))
                            .collect(),
                    });
                }
                if items.is_empty() {
                    continue;
                }
                let (ed, ld) = (&self.docs[e as usize], &self.docs[l as usize]);
                out.push(FollowUp {
                    body: ed.body.clone().unwrap_or_default(),
                    earlier: PeriodDoc {
                        id: ed.id.clone(),
                        period: ed.period.clone().unwrap_or_default(),
                    },
                    later: PeriodDoc {
                        id: ld.id.clone(),
                        period: ld.period.clone().unwrap_or_default(),
                    },
                    items,
                });
            }
        }
        out
    }

    fn groups(&self, by: By) -> Vec<Group> {
        let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for d in &self.docs {
            let key = match by {
                By::Province => d.province.clone().or_else(|| {
                    (d.level.as_deref() == Some("national")).then(|| "Trung ương (national)".into())
                }),
                By::Issuer => d.body.clone(),
                By::Period => d.period.clone(),
            }
            .unwrap_or_else(|| "(không rõ)".into());
            m.entry(key).or_default().push(d.id.clone());
        }
        let name = match by {
            By::Province => "province",
            By::Issuer => "issuer",
            By::Period => "period",
        };
        m.into_iter()
            .map(|(key, documents)| Group {
                by: name.into(),
                key,
                documents,
            })
            .collect()
    }
}

//! The learned key-unit scorer: within each part, how likely a unit is one of the key
//! units of the briefing (logistic regression, averaged SGD). Features: centrality, part
//! margin, figures, key cues, length, place in the part's runs, in the section (units
//! since the heading), in numbered lists (lead-in, first items) and in its line (the
//! opening sentence of a paragraph), place in the document, the document's kind. The
//! weights are data (`models/scorer-keys.tsv`).

use crate::lex::FnvMap;
use crate::lexicon::{CuePart, Lexicon};
use crate::model::{self, feat, short, Name, Sink};
use crate::parts::{idx, Analysis};
use crate::{ModelError, Part};

const HEADER: &str = "# tomtat scorer key model, version 1";

/// Where each unit sits in the document's structure.
pub(crate) struct Layout {
    /// Units since the last heading (0: the heading itself or no heading yet before).
    pub since_heading: Vec<usize>,
    /// Section number (counts headings).
    pub section: Vec<usize>,
    /// Index of the unit in a run of list items (0: not an item).
    pub item: Vec<usize>,
    /// The document's kind (from its first units).
    pub kind: &'static str,
    /// Numbered group of each unit: a new group starts at a heading, at a unit with a
    /// top-level marker (`1.`, `2.1`, `II.`) and after a lead-in (`...:`).
    pub group: Vec<usize>,
    /// Place of the unit in its group (0: the unit that opens it).
    pub gpos: Vec<usize>,
}

impl Layout {
    /// The layout of the units `an` of a document of kind `kind` ([`model::doc_kind`]).
    pub fn new(an: &[Analysis], kind: &'static str) -> Layout {
        let n = an.len();
        let mut l = Layout {
            since_heading: vec![0; n],
            section: vec![0; n],
            item: vec![0; n],
            kind,
            group: vec![0; n],
            gpos: vec![0; n],
        };
        l.groups(an);
        let (mut since, mut sec, mut item) = (usize::MAX / 2, 0, 0);
        for (i, a) in an.iter().enumerate() {
            if a.heading.is_some() {
                since = 0;
                sec += 1;
            } else {
                since += 1;
            }
            if a.numbered && a.heading.is_none() {
                item += 1;
            } else if i > 0 && an[i - 1].terminal == Some(":") {
                // an item without a marker right after a lead-in
                item = 1;
            } else {
                item = 0;
            }
            l.since_heading[i] = since.min(1000);
            l.section[i] = sec;
            l.item[i] = item;
        }
        l
    }

    /// Fill `group` and `gpos`.
    fn groups(&mut self, an: &[Analysis]) {
        let (mut g, mut pos) = (0, 0);
        for (i, a) in an.iter().enumerate() {
            let opens = i == 0 || a.heading.is_some() || a.top || an[i - 1].terminal == Some(":");
            if opens && i > 0 {
                g += 1;
                pos = 0;
            } else if i > 0 {
                pos += 1;
            }
            self.group[i] = g;
            self.gpos[i] = pos;
        }
    }
}

/// Per-unit inputs of the key features computed by the selection.
pub(crate) struct KeyInput {
    /// Centrality relative to the part's most central unit.
    pub cent: f32,
    /// Part margin (0-1).
    pub margin: f32,
    /// Index among the part's units, and their count.
    pub member: usize,
    pub members: usize,
}

/// Features of unit `i` as a candidate key unit of `part`, into `f` (cleared first).
#[allow(clippy::too_many_arguments)]
pub(crate) fn features(
    f: &mut impl Sink,
    lex: &Lexicon,
    an: &[Analysis],
    parts: &[Part],
    layout: &Layout,
    part: Part,
    i: usize,
    k: &KeyInput,
) {
    let a = &an[i];
    let n = an.len();
    let p = short(part);
    let kind = layout.kind;
    f.clear();
    feat!(f; "b:", p);
    feat!(f; "doc=", kind, ":", p);
    feat!(f, v = k.cent; "cent:", p);
    feat!(f, v = k.margin; "margin:", p);
    feat!(f, v = (a.nwords as f32 / 40.0).min(1.0); "len:", p);
    feat!(f; "lenb:", model::len_bucket(a.nwords), ":", p);
    if part == Part::Result {
        feat!(f, v = a.figures.min(3) as f32 / 3.0; "fig:", p);
    }
    feat!(f, v = (a.key[idx(part)] / 2.0).min(1.0); "keyw:", p);
    for &c in &a.key_cues {
        let cue = &lex.cues[c as usize];
        if matches!(cue.part, CuePart::Part(q) if q == part) {
            feat!(f; "k:", cue.phrase, ":", p);
        }
    }
    let cues = a.cue_parts.iter().filter(|x| x.1 == part && !x.2).count();
    feat!(f; "cues:", cues.min(3), ":", p);
    // place in the part and its runs
    let first = k.member == 0;
    let opens = i == 0 || parts[i - 1] != part;
    let closes = i + 1 >= n || parts[i + 1] != part;
    feat!(f; "first:", first, ":", p);
    feat!(f; "opens:", opens, ":", p);
    feat!(f; "closes:", closes, ":", p);
    let mut run = 0;
    while run < 4 && i > run && parts[i - run - 1] == part {
        run += 1;
    }
    feat!(f; "runpos:", run, ":", p);
    let size = match k.members {
        0..=1 => 0,
        2..=3 => 1,
        4..=8 => 2,
        9..=20 => 3,
        _ => 4,
    };
    feat!(f; "size:", size, ":", p);
    let rel = 4 * k.member / k.members.max(1);
    feat!(f; "rpart:", rel, ":", p);
    feat!(f; "rp:", 5 * i / n.max(1), ":", p);
    // sections and lists
    let sh = match layout.since_heading[i] {
        0..=3 => layout.since_heading[i],
        4..=8 => 4,
        _ => 5,
    };
    feat!(f; "sh:", sh, ":", p);
    // first unit of the part in its section
    let sec_first = (0..i)
        .rev()
        .take_while(|&j| layout.section[j] == layout.section[i])
        .all(|j| parts[j] != part);
    feat!(f; "secfirst:", sec_first, ":", p);
    feat!(f; "item:", layout.item[i].min(4), ":", p);
    match a.line_pos {
        Some(k) => feat!(f; "lp:", k.min(3), ":", p),
        None => feat!(f; "lp:none:", p),
    }
    group_features(f, an, parts, layout, part, i);
    // the same places for news items and for the other documents apart: a news item's key
    // sentence tends to open its paragraph, a plan's or a resolution's its numbered group
    let family = if kind == "news" { "news" } else { "doc" };
    feat!(f; "kfirst:", family, ":", first, ":", p);
    feat!(f; "ksecfirst:", family, ":", sec_first, ":", p);
    feat!(f; "kgpos:", family, ":", layout.gpos[i].min(3), ":", p);
    match a.line_pos {
        Some(k) => feat!(f; "klp:", family, ":", k.min(2), ":", p),
        None => feat!(f; "klp:", family, ":none:", p),
    }
    feat!(f; "num:", a.numbered, ":", p);
    feat!(f; "end:", a.terminal.unwrap_or("none"), ":", p);
    if i > 0 && an[i - 1].terminal == Some(":") {
        feat!(f; "pcolon:", p);
    }
    if let Some((q, _, _)) = &a.context {
        feat!(f; "ctx:", *q == part, ":", p);
    }
    for r in &a.form {
        feat!(f; "f:", r, ":", p);
    }
    if let Some(w1) = a.lead_word(0) {
        feat!(f; "w1:", w1, ":", p);
        if a.opens_with_act {
            feat!(f; "act1:", p);
        }
    }
    for &(k, _) in &a.marks {
        feat!(f; "m:", model::MARKERS[k], ":", p);
    }
}

/// The unit's place in its numbered group: its position, whether it is the group's first
/// unit of `part`, and the size of the group.
fn group_features(
    f: &mut impl Sink,
    an: &[Analysis],
    parts: &[Part],
    layout: &Layout,
    part: Part,
    i: usize,
) {
    let p = short(part);
    let g = layout.group[i];
    feat!(f; "gpos:", layout.gpos[i].min(4), ":", p);
    let gfirst = (0..i)
        .rev()
        .take_while(|&j| layout.group[j] == g)
        .all(|j| parts[j] != part);
    feat!(f; "gfirst:", gfirst, ":", p);
    let size = layout.group[i..].iter().take_while(|&&x| x == g).count() + layout.gpos[i];
    let size = match size {
        1 => 0,
        2..=3 => 1,
        4..=8 => 2,
        _ => 3,
    };
    feat!(f; "gsize:", size, ":", p);
    feat!(f; "gtop:", an[i].top, ":", p);
    let head = an[i].heading.is_some() || (an[i].top && an[i].terminal.is_none());
    feat!(f; "head:", head, ":", p);
    if head {
        feat!(f; "head:", model::len_bucket(an[i].nwords), ":", p);
    }
}

/// Weights of the key scorer.
#[derive(Debug, Default)]
pub(crate) struct KeyModel {
    weights: model::Weights<f32>,
}

impl KeyModel {
    /// Parse the TSV model (`name \t weight` lines under the version header).
    pub fn parse(tsv: &str) -> Result<KeyModel, ModelError> {
        let mut weights: FnvMap<u64, f32> = FnvMap::default();
        for (n, line) in crate::model::data_lines(tsv, HEADER)? {
            let (name, w) = line
                .rsplit_once('\t')
                .ok_or(ModelError::Line(n + 1, "expected 2 fields"))?;
            let w: f32 = w
                .parse()
                .map_err(|_| ModelError::Line(n + 1, "bad weight"))?;
            weights.insert(model::hash(name), w);
        }
        Ok(KeyModel {
            weights: model::Weights::new(&weights),
        })
    }

    /// A sink that scores a unit's features as they come ([`KeyEmit::score`]).
    pub fn emit(&self) -> KeyEmit<'_> {
        KeyEmit {
            weights: &self.weights,
            s: 0.0,
        }
    }

    /// Probability that the unit is key.
    #[cfg(test)]
    pub fn score(&self, f: &model::Feats) -> f32 {
        let s: f32 = f
            .hashes
            .iter()
            .zip(&f.vals)
            .filter_map(|(h, v)| self.weights.get(*h).map(|w| w * v))
            .sum();
        1.0 / (1.0 + (-s).exp())
    }
}

/// The key model's sum over a unit's features, added up as they come: the sum
/// [`KeyModel::score`] takes over the unit's [`Feats`](model::Feats), in the same order (it may start
/// from the other zero, which the logistic makes the same).
pub(crate) struct KeyEmit<'a> {
    weights: &'a model::Weights<f32>,
    s: f32,
}

impl KeyEmit<'_> {
    /// Probability that the unit is key.
    pub fn score(&self) -> f32 {
        1.0 / (1.0 + (-self.s).exp())
    }
}

impl Sink for KeyEmit<'_> {
    fn clear(&mut self) {
        self.s = 0.0;
    }
    #[inline(always)]
    fn name_from(&self, h: u64, _: &str) -> Name {
        Name::bare(h)
    }
    #[inline(always)]
    fn push(&mut self, _: u8, v: f32, name: Name) {
        if let Some(w) = self.weights.get(name.hash()) {
            self.s += w * v;
        }
    }
    fn keeps_names(&self) -> bool {
        false
    }
}

/// Training of the key scorer (logistic regression, averaged SGD).
#[cfg(feature = "train")]
pub(crate) mod learn {
    use super::*;
    use std::fmt::Write;

    #[derive(Default)]
    pub struct KeyTrainer {
        names: Vec<String>,
        ids: std::collections::HashMap<String, u32>,
        rows: Vec<(Vec<(u32, f32)>, bool)>,
    }

    impl KeyTrainer {
        pub fn add(&mut self, f: model::Feats, key: bool) {
            let mut row = Vec::new();
            for (name, v) in f.names.unwrap_or_default().into_iter().zip(f.vals) {
                let next = self.names.len() as u32;
                let id = *self.ids.entry(name.clone()).or_insert_with(|| {
                    self.names.push(name);
                    next
                });
                row.push((id, v));
            }
            self.rows.push((row, key));
        }

        pub fn train(&self, epochs: usize) -> String {
            let nf = self.names.len();
            let mut w = vec![0f32; nf];
            let mut sum = vec![0f64; nf];
            let mut steps = 0f64;
            let lr = 0.05f32;
            let l2 = 1e-4f32;
            let mut order: Vec<usize> = (0..self.rows.len()).collect();
            let mut rng = 0x2545f4914f6cdd1du64;
            for _ in 0..epochs {
                crate::model::learn::shuffle(&mut order, &mut rng);
                for &r in &order {
                    let (row, y) = &self.rows[r];
                    let s: f32 = row.iter().map(|&(f, v)| w[f as usize] * v).sum();
                    let p = 1.0 / (1.0 + (-s).exp());
                    let g = (*y as u8 as f32) - p;
                    for &(f, v) in row {
                        let wf = &mut w[f as usize];
                        *wf += lr * (g * v - l2 * *wf);
                    }
                    for (s, x) in sum.iter_mut().zip(&w) {
                        *s += *x as f64;
                    }
                    steps += 1.0;
                }
            }
            let mut out = String::new();
            out.push_str(HEADER);
            out.push('\n');
            let mut rows: Vec<(usize, f32)> = (0..nf)
                .map(|f| (f, (sum[f] / steps.max(1.0)) as f32))
                .filter(|x| x.1.abs() >= 0.0005)
                .collect();
            rows.sort_by(|a, b| self.names[a.0].cmp(&self.names[b.0]));
            for (f, x) in rows {
                let _ = writeln!(out, "{}\t{x:.4}", self.names[f]);
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key score added up as the features come is that of the list of features.
    #[test]
    fn emit_scores_as_the_feature_list() {
        let scorer = crate::Scorer::new();
        let km = scorer.keys.as_ref().expect("bundled key model");
        let mut seen = 0;
        for mut an in crate::corpus_analyses(&scorer) {
            let valid = vec![true; an.len()];
            let kind = model::doc_kind(&an);
            let parts = scorer.label(&mut an, &valid, kind);
            let layout = Layout::new(&an, kind);
            let mut f = model::Feats::new(false);
            for i in 0..an.len() {
                let input = KeyInput {
                    cent: 0.1 * (i % 7) as f32,
                    margin: 0.3,
                    member: i % 5,
                    members: 5,
                };
                features(
                    &mut f,
                    &scorer.lex,
                    &an,
                    &parts,
                    &layout,
                    parts[i],
                    i,
                    &input,
                );
                let mut emit = km.emit();
                features(
                    &mut emit,
                    &scorer.lex,
                    &an,
                    &parts,
                    &layout,
                    parts[i],
                    i,
                    &input,
                );
                assert_eq!(km.score(&f).to_bits(), emit.score().to_bits());
                seen += 1;
            }
        }
        assert!(seen > 100);
    }
}

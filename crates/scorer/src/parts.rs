//! Part labelling: cue features per unit, heading and discourse context, and a Viterbi
//! pass with a preference for staying in the same part.

use std::rc::Rc;

use tomtat_splitter::{Unit, UnitKind};

use crate::lex::{Keyed, Tk, Tok};
use crate::lexicon::{CuePart, Hit, Lexicon, Pass, Scope, NUMERIC};
use crate::{Part, Tuning};

pub(crate) const PARTS: [Part; 4] = [
    Part::Result,
    Part::Shortcoming,
    Part::Directive,
    Part::Other,
];

pub(crate) fn idx(p: Part) -> usize {
    match p {
        Part::Result => 0,
        Part::Shortcoming => 1,
        Part::Directive => 2,
        Part::Other => 3,
    }
}

/// What the labeller found in one unit.
#[derive(Debug, Clone, Default)]
pub(crate) struct Analysis {
    /// Tokens of the unit (absolute ranges).
    pub toks: Vec<Tok>,
    /// Their match keys.
    pub keys: Keyed,
    /// Number of word tokens.
    pub nwords: usize,
    /// Cues found: (cue index, weight that counted).
    pub hits: Vec<(u32, f32)>,
    /// Score of each part from the unit alone (cues, figures, form).
    pub own: [f32; 4],
    /// Score with the context bonus, as given to the Viterbi pass.
    pub emis: [f32; 4],
    /// A discourse cue that sets the part of what follows.
    pub switch: Option<(Part, u32)>,
    /// Heading: `Some(part it opens)`.
    pub heading: Option<Option<Part>>,
    /// A numbered or upper-case heading (a section of a report): its part holds until
    /// the next heading; other headings (news subtitles) carry their part like a cue.
    pub section: bool,
    /// A topic heading written as a sentence ([`topic_heading`]): `1. Giải pháp về vốn.`
    pub topic: bool,
    /// Key-cue weight per part (main content markers).
    pub key: [f32; 4],
    /// The key cues found.
    pub key_cues: Vec<u32>,
    /// Number of figures (indicators) in the unit.
    pub figures: usize,
    /// Context that applied: (part, bonus, what set it).
    pub context: Option<(Part, f32, Rc<str>)>,
    /// Reasons from the unit's form.
    pub form: Vec<&'static str>,
    /// The part of the `other` score that only says the unit is short or plain
    /// (cancelled under a heading that names a part).
    pub weak_other: f32,
    /// Cues found with the part they counted for (after `đã`, `chưa` and remedies), and
    /// whether they stand before a contrast (`tuy ..., nhưng ...`: the minor clause).
    pub cue_parts: Vec<(u32, Part, bool)>,
    /// A task's attribute line (`- Đơn vị chủ trì: ...`): never a key unit
    /// ([`furniture::attribute_units`](crate::furniture::attribute_units)).
    pub attribute: bool,
    /// Index of the first token after a list or heading marker.
    pub skip: usize,
    /// Opens with a list or heading marker (`1.`, `a)`, `II-`).
    pub numbered: bool,
    /// Place of the unit in its line of the text (0: it opens the line), `None` in a line
    /// of more than [`LONG_LINE`] units (a text whose paragraphs were run together); see
    /// [`line_places`].
    pub line_pos: Option<usize>,
    /// The last punctuation of the unit (`.`, `:`, `;`, ...), if it ends with one.
    pub terminal: Option<&'static str>,
    /// Opens with a top-level marker (`1.`, `2.1`, `II-`), not an item marker (`a)`, `-`):
    /// it starts a numbered group.
    pub top: bool,
    /// The [`MARKERS`](crate::model::MARKERS) found in the unit's words, each with whether
    /// it is among the first words (see [`markers`](crate::model::markers)).
    pub marks: Vec<(usize, bool)>,
    /// Token indices of the first two words after the marker ([`NO_WORD`]: none).
    pub lead_words: [u32; 2],
    /// Whether those two words are an assignment verb or a kept modal
    /// ([`is_assignment_verb`](crate::tasks::is_assignment_verb)): an instruction.
    pub opens_with_act: bool,
    /// The code of each token among the word pairs of the part model whose pairs'
    /// [`instance`](crate::lex::instance) is the first ([`Pairs::code`](crate::model::Pairs::code));
    /// none known: empty.
    pub pair_roles: (u64, Vec<u32>),
}

/// What the analysis of a document's units keeps from unit to unit: the lexicon's ids of
/// its keys, and lists reused for each unit.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Per token of the unit: the lexicon's syllable id, the pair code and the marker
    /// group of its key (the caller's, see [`Keyed::with_notes`]).
    pub notes: Vec<[u32; 3]>,
    syls: Vec<u32>,
    punct_after: Vec<bool>,
    hits: Vec<Hit>,
    key_hits: Vec<Hit>,
}

/// A line of more units than this is not a paragraph (see [`Analysis::line_pos`]).
const LONG_LINE: usize = 12;

/// Fill each unit's [`Analysis::line_pos`]: a unit opens a line when a line break stands
/// between it and the unit before (units that overlap or come out of order, not the
/// splitter's, open none).
pub(crate) fn line_places(text: &str, units: &[Unit], an: &mut [Analysis]) {
    let opens = |i: usize| {
        i == units.len()
            || (text.get(units[i - 1].end..units[i].start)).is_some_and(|gap| gap.contains('\n'))
    };
    let mut start = 0;
    for i in 1..=an.len() {
        if opens(i) {
            let paragraph = i - start <= LONG_LINE;
            for (k, a) in an[start..i].iter_mut().enumerate() {
                a.line_pos = paragraph.then_some(k);
            }
            start = i;
        }
    }
}

/// No word (in [`Analysis::lead_words`]).
pub(crate) const NO_WORD: u32 = u32::MAX;

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Whether no letter of the token `t` of `text` is lower-case (a lower-case ASCII byte,
/// as nearly always the first or second, settles it without decoding).
#[inline]
fn no_lowercase(text: &str, t: &Tok) -> bool {
    let b = &text.as_bytes()[t.start..t.end];
    !b.iter().any(|b| b.is_ascii_lowercase())
        && text[t.start..t.end].chars().all(|c| !c.is_lowercase())
}

/// Whether the unit opens with a top-level marker: a number or a dotted number (`1.`, `2.1`,
/// `3-`) or a roman numeral (`II.`), not a letter or a bullet.
fn top_marker(text: &str, toks: &[Tok]) -> bool {
    let Some(t0) = toks.first() else {
        return false;
    };
    let s = &text[t0.start..t0.end];
    let sep = toks.get(1).map(|t| (t.kind, &text[t.start..t.end]));
    let marked = matches!(sep, Some((Tk::Punct, "." | "-" | ")" | "–" | "/")));
    match t0.kind {
        Tk::Number => {
            let parts: Vec<&str> = s.split('.').collect();
            parts.iter().all(|p| (1..=2).contains(&p.len()))
                && (marked || (parts.len() > 1 && matches!(sep, Some((Tk::Word, _)))))
        }
        Tk::Word => is_roman(s) && marked,
        _ => false,
    }
}

/// Index of the first token after a list or heading marker (`1-`, `II.`, `a)`, `-`, `•`).
fn marker_len(text: &str, toks: &[Tok]) -> (usize, bool) {
    let t = |i: usize| &text[toks[i].start..toks[i].end];
    let mut i = 0;
    let mut numbered = false;
    while i < toks.len() && toks[i].kind == Tk::Punct && i < 2 {
        i += 1;
    }
    if i + 1 < toks.len() && toks[i + 1].kind == Tk::Punct {
        let s = t(i);
        let sep = t(i + 1);
        let label = toks[i].kind == Tk::Number && s.len() <= 2
            || is_roman(s)
            || (toks[i].kind == Tk::Word && s.chars().count() == 1 && sep == ")");
        if label && matches!(sep, "." | "-" | ")" | "–" | "/") {
            i += 2;
            numbered = true;
        }
    }
    (i, numbered)
}

/// What a topic heading opens with after its marker: it names what the section is about
/// (`1. Giải pháp về đất đai.`, `a) Mục tiêu:`, `2. Về sản phẩm:`, `8. Tổ chức thực
/// hiện.`), not what was done or is asked.
const TOPIC_OPENERS: &[&str] = &[
    "về",
    "đối với",
    "giải pháp",
    "nhiệm vụ",
    "mục tiêu",
    "phương hướng",
    "định hướng",
    "quan điểm",
    "chính sách",
    "tổ chức thực hiện",
    "phân kỳ",
    "một số",
    "phương án",
    "yêu cầu",
    "sự cần thiết",
    "nội dung",
    "phạm vi",
    "đối tượng",
    "kết quả",
    "tình hình",
];

/// Words after the marker of a topic heading, at most.
const TOPIC_WORDS: usize = 10;

/// A short line that ends at its period or colon and opens with a topic word
/// ([`TOPIC_OPENERS`]) after its marker: a heading written as a sentence.
///
/// `1. Giải pháp về qui hoạch.` is one; `1. Tăng cường công tác kiểm tra:` (a task) and
/// `2. Mục tiêu: đến năm 2015 trồng 20.000 ha` (a target) are not.
fn topic_heading(a: &Analysis) -> bool {
    if !matches!(a.terminal, Some("." | ":")) {
        return false;
    }
    let w = crate::model::words(a);
    let s = a.words_before_skip();
    let n = w.len().saturating_sub(s);
    (1..=TOPIC_WORDS).contains(&n) && TOPIC_OPENERS.iter().any(|o| crate::model::has_at(&w, s, o))
}

impl Analysis {
    /// Find the markers and the first words once (the part and key features both use
    /// them).
    /// `notes`: each token's notes ([`Scratch::notes`]: the third is its
    /// [`marker_group`](crate::model::marker_group), any value for other than words);
    /// `wi`: room for the word tokens' indices.
    pub fn index_words(&mut self, notes: &[[u32; 3]], wi: &mut Vec<u32>) {
        wi.clear();
        wi.extend(
            (self.toks.iter().enumerate())
                .filter(|(_, t)| t.kind == Tk::Word)
                .map(|(i, _)| i as u32),
        );
        let first = self.words_before_skip();
        let keys = &self.keys;
        let marks = crate::model::markers_by(
            wi.len(),
            |j| keys.key(wi[j] as usize),
            |j| notes[wi[j] as usize][2],
            first,
        );
        self.marks = marks;
        self.lead_words = [NO_WORD; 2];
        let mut k = 0;
        for (i, t) in self.toks.iter().enumerate().skip(self.skip) {
            if k == 2 {
                break;
            }
            if t.kind == Tk::Word {
                self.lead_words[k] = i as u32;
                k += 1;
            }
        }
        self.opens_with_act = match (self.lead_word(0), self.lead_word(1)) {
            (Some(a), Some(b)) => crate::tasks::is_assignment_verb(a, b),
            _ => false,
        };
    }

    /// Word tokens before token `skip` (the index of the first word after the marker
    /// among the unit's words).
    pub fn words_before_skip(&self) -> usize {
        self.toks[..self.skip.min(self.toks.len())]
            .iter()
            .filter(|t| t.kind == Tk::Word)
            .count()
    }

    /// The key of the `k`-th word after the marker (0 or 1).
    pub fn lead_word(&self, k: usize) -> Option<&str> {
        match self.lead_words[k] {
            NO_WORD => None,
            i => Some(self.keys.key(i as usize)),
        }
    }

    /// Analyse unit `index` of `count`: tokens, cues, form. `figures` comes from
    /// indicator extraction.
    pub fn new(
        lex: &Lexicon,
        tuning: &Tuning,
        text: &str,
        unit: &Unit,
        (toks, keys, scratch): (Vec<Tok>, Keyed, &mut Scratch),
        (index, count): (usize, usize),
        figures: usize,
    ) -> Analysis {
        let mut a = Analysis {
            figures,
            toks,
            keys,
            ..Default::default()
        };
        let (skip, numbered) = marker_len(text, &a.toks);
        a.skip = skip;
        a.top = top_marker(text, &a.toks);
        a.numbered = numbered
            || a.toks.first().is_some_and(|t| {
                t.kind == Tk::Punct && matches!(&text[t.start..t.end], "-" | "–" | "+" | "•" | "*")
            });
        // syllable ids over the unit's own words
        let Scratch {
            notes,
            syls,
            punct_after,
            hits,
            key_hits,
        } = scratch;
        syls.clear();
        punct_after.clear();
        let mut first = 0;
        let mut upper = 0usize;
        for (i, t) in a.toks.iter().enumerate() {
            match t.kind {
                Tk::Word => {
                    if no_lowercase(text, t) {
                        upper += 1;
                    }
                    a.nwords += 1;
                    if i == skip {
                        first = syls.len();
                    }
                    syls.push(notes[i][0]);
                    punct_after.push(false);
                }
                Tk::Punct => {
                    if let Some(p) = punct_after.last_mut() {
                        *p = true;
                    }
                }
                _ => {
                    if i == skip {
                        first = syls.len();
                    }
                    syls.push(NUMERIC);
                    punct_after.push(false);
                }
            }
        }
        if let Some(p) = punct_after.last_mut() {
            *p = true;
        }
        let last = a
            .toks
            .iter()
            .rev()
            .find(|t| {
                t.kind != Tk::Punct
                    || !matches!(&text[t.start..t.end], "\"" | "”" | "’" | ")" | "*")
            })
            .map(|t| &text[t.start..t.end]);
        // an ellipsis ends a unit like a period, whether one character or three dots (legacy
        // encodings have no `…`: the same text must give the same features)
        let last = last.map(|s| if s == "…" || s == "..." { "." } else { s });
        let terminal = matches!(last, Some("." | "!" | "?" | ";" | ":"));
        a.terminal = match last {
            Some(".") => Some("."),
            Some(":") => Some(":"),
            Some(";") => Some(";"),
            Some("?") => Some("?"),
            Some("!") => Some("!"),
            Some(",") => Some(","),
            _ => None,
        };
        let all_caps = a.nwords >= 2 && upper * 10 >= a.nwords * 8;
        a.topic = numbered && figures == 0 && topic_heading(&a);
        let heading_form = matches!(unit.kind, UnitKind::Heading)
            || (!terminal && a.nwords <= 16 && (numbered || all_caps))
            || a.topic;

        if heading_form {
            a.heading_part(lex, syls, punct_after, first, hits);
            a.section = numbered || all_caps;
        }
        a.score_cues(lex, tuning, (syls, punct_after, first), (key_hits, hits));
        a.score_form(
            tuning,
            text,
            unit,
            (terminal, last),
            (index, count),
            figures,
        );
        a
    }

    /// The part a heading names, from the heading cues.
    fn heading_part(
        &mut self,
        lex: &Lexicon,
        syls: &[u32],
        punct_after: &[bool],
        first: usize,
        hits: &mut Vec<Hit>,
    ) {
        hits.clear();
        lex.find(syls, punct_after, first, Pass::Heading, hits);
        let mut found = [0f32; 4];
        for h in hits.iter() {
            let c = &lex.cues[h.cue as usize];
            if let (Scope::Heading, CuePart::Part(p)) = (c.scope, c.part) {
                found[idx(p)] += c.weight;
            }
        }
        let best = (0..4).max_by(|&x, &y| found[x].total_cmp(&found[y]).then(y.cmp(&x)));
        let part =
            best.filter(|&b| found[b] > 0.0 && (0..4).all(|q| q == b || found[q] < found[b]));
        self.heading = Some(part.map(|b| PARTS[b]));
    }

    /// Key cues and part cues: `own`, `hits`, `cue_parts`, `switch`, `key`.
    fn score_cues(
        &mut self,
        lex: &Lexicon,
        tuning: &Tuning,
        (syls, punct_after, first): (&[u32], &[bool], usize),
        (key_hits, hits): (&mut Vec<Hit>, &mut Vec<Hit>),
    ) {
        let a = self;
        key_hits.clear();
        hits.clear();
        lex.find_key_and_parts(syls, punct_after, first, key_hits, hits);
        for h in key_hits.iter() {
            let c = &lex.cues[h.cue as usize];
            if let CuePart::Part(p) = c.part {
                a.key[idx(p)] += c.weight;
                a.key_cues.push(h.cue);
            }
        }
        // one allocation each at most (a cue adds at most one entry to each)
        if !hits.is_empty() {
            a.hits.reserve_exact(hits.len());
            a.cue_parts.reserve_exact(hits.len());
        }
        let contrast = contrast_at(lex, syls, punct_after, first);
        let mut suppress_until = 0usize;
        let past = lex.words.da;
        let (not_yet, not) = (lex.words.chua, lex.words.khong);
        for h in hits.iter() {
            let c = &lex.cues[h.cue as usize];
            if c.scope == Scope::Heading {
                continue;
            }
            let mut w = c.weight;
            // `tuy X, nhưng Y`: the clause after the contrast carries the main content
            let minor = contrast.is_some_and(|at| h.pos + c.syls.len() <= at);
            if minor {
                w *= tuning.contrast;
            }
            match c.part {
                CuePart::None => continue,
                CuePart::Remedy => {
                    suppress_until = h.pos + c.syls.len() + 6;
                    a.own[idx(Part::Directive)] += w;
                    a.cue_parts.push((h.cue, Part::Directive, minor));
                }
                CuePart::Part(mut p) => {
                    if p == Part::Shortcoming && h.pos < suppress_until {
                        w = 0.0;
                    }
                    // `đã tập trung`, `đã chủ động`: a directive verb in the past is a result
                    if p == Part::Directive
                        && c.scope != Scope::Switch
                        && h.pos > 0
                        && syls[h.pos - 1] == past
                    {
                        p = Part::Result;
                        w *= tuning.past;
                    }
                    // `chưa hoàn thành`, `không đạt`: a negated result is a shortcoming
                    if p == Part::Result
                        && h.pos > 0
                        && syls[h.pos - 1] != crate::lexicon::UNKNOWN
                        && (syls[h.pos - 1] == not_yet || syls[h.pos - 1] == not)
                    {
                        p = Part::Shortcoming;
                    }
                    a.own[idx(p)] += w;
                    if w > 0.0 {
                        a.cue_parts.push((h.cue, p, minor));
                    }
                    if c.scope == Scope::Switch && a.switch.is_none() && w > 0.0 {
                        a.switch = Some((p, h.cue));
                    }
                }
            }
            a.hits.push((h.cue, w));
        }
        // diminishing returns for long units with many cues
        for p in 0..3 {
            let s = a.own[p];
            if s > tuning.cue_cap {
                a.own[p] = tuning.cue_cap + (s - tuning.cue_cap) * 0.5;
            }
        }
    }

    /// Figures, form (captions, headings, lines without a stop, short units, dates,
    /// questions) and the part priors.
    #[allow(clippy::too_many_arguments)]
    fn score_form(
        &mut self,
        tuning: &Tuning,
        text: &str,
        unit: &Unit,
        (terminal, last): (bool, Option<&str>),
        (index, count): (usize, usize),
        figures: usize,
    ) {
        let a = self;
        // figures are results (unless the unit is a target: directive cues then win)
        a.own[0] += tuning.figure * (figures.min(4) as f32);

        // form
        let o = idx(Part::Other);
        if matches!(unit.kind, UnitKind::Caption | UnitKind::Byline) {
            a.own[o] += 4.0;
            a.form.push("form: caption or byline");
        }
        if a.heading.is_some() {
            a.own[o] += 4.0;
            a.form.push("form: heading");
        } else if !terminal && (a.nwords <= 15 || index == 0) {
            a.own[o] += tuning.no_stop;
            a.form.push("form: line without final stop");
            if index == 0 || index + 1 == count {
                a.own[o] += 1.5;
            }
        }
        if a.nwords <= 12 {
            a.own[o] += tuning.short;
            a.weak_other += tuning.short;
        }
        // `Ngày 22/6, ...`, `Chiều 23/6, ...`: the date and organiser
        let date_early = a.toks.iter().take(4).any(|t| {
            t.kind == Tk::Other
                && text[t.start..t.end].contains('/')
                && text[t.start..t.end]
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_digit())
        });
        if date_early {
            a.own[o] += tuning.date_start;
            a.form.push("form: opens with a date");
        }
        if a.nwords <= 3 {
            a.own[o] += 2.5;
            a.form.push("form: very short");
        }
        if last == Some("?") {
            a.own[o] += 3.0;
            a.form.push("form: question");
        }
        let content: f32 = a.hits.iter().map(|h| h.1).sum();
        if content < 0.3 && figures == 0 {
            a.own[o] += tuning.nocue;
            a.weak_other += tuning.nocue;
            a.form.push("form: no cue, no figure");
        }
        for (p, b) in tuning.bias.iter().enumerate() {
            a.own[p] += b;
        }
    }
}

/// Position of the last contrast inside a unit (`nhưng`, `, song`, `tuy nhiên` after the
/// opening words and before the last few): the clause after it is the main one.
fn contrast_at(lex: &Lexicon, syls: &[u32], punct_after: &[bool], first: usize) -> Option<usize> {
    let (nhung, song, tuy, nhien) = (
        lex.words.nhung,
        lex.words.song,
        lex.words.tuy,
        lex.words.nhien,
    );
    if [nhung, song, tuy, nhien].contains(&crate::lexicon::UNKNOWN) {
        return None;
    }
    let hi = syls.len().saturating_sub(3);
    (first + 3..hi).rev().find(|&i| {
        let s = syls[i];
        s == nhung
            || (s == song && punct_after[i - 1] && syls.get(i + 1) != Some(&song))
            || (s == tuy && syls.get(i + 1) == Some(&nhien))
    })
}

/// Label units with the hand-set weights: context from headings and discourse cues,
/// then Viterbi.
pub(crate) fn label(an: &mut [Analysis], lex: &Lexicon, tuning: &Tuning) -> Vec<Part> {
    context(an, lex, tuning);
    viterbi(an, tuning)
}

/// Context from headings and discourse cues: sets `emis` and `context` of every unit.
pub(crate) fn context(an: &mut [Analysis], lex: &Lexicon, tuning: &Tuning) {
    // what set the context is shared by the units it applies to
    let mut ctx: Option<(Part, f32, Rc<str>)> = None;
    let mut heading_ctx = false;
    for (i, a) in an.iter_mut().enumerate() {
        a.emis = a.own;
        let first = i == 0;
        if let Some(h) = a.heading {
            if let (true, Some(p)) = (a.section, h) {
                ctx = Some((p, tuning.heading_carry, "heading".into()));
                heading_ctx = true;
            } else if a.section {
                // a sub-heading that names no part (`1. Về kinh tế`) keeps the section's
            } else if let (Some(p), false) = (h, first) {
                // a subtitle (not the title) carries its part like a discourse cue
                ctx = Some((p, tuning.switch_carry, "subtitle".into()));
                heading_ctx = false;
            } else if let Some((p, cue)) = a.switch {
                // a heading-like line with a discourse cue (`Nơi nhận:`) sets what follows
                let phrase = &lex.cues[cue as usize].phrase;
                ctx = Some((
                    p,
                    tuning.switch_carry,
                    format!("cue `{phrase}` before").into(),
                ));
                heading_ctx = false;
            }
            continue;
        }
        if let Some((p, b, why)) = &ctx {
            a.emis[idx(*p)] += *b;
            if heading_ctx {
                a.emis[3] -= a.weak_other;
            }
            a.context = Some((*p, *b, why.clone()));
        }
        if let Some((p, cue)) = a.switch {
            let phrase = &lex.cues[cue as usize].phrase;
            ctx = Some((
                p,
                tuning.switch_carry,
                format!("cue `{phrase}` before").into(),
            ));
            heading_ctx = false;
        } else if let Some((p, b, why)) = ctx.take() {
            let b = if heading_ctx {
                b
            } else {
                b * tuning.switch_decay
            };
            if b > 0.05 {
                ctx = Some((p, b, why));
            }
        }
    }
}

fn viterbi(an: &[Analysis], tuning: &Tuning) -> Vec<Part> {
    let n = an.len();
    if n == 0 {
        return Vec::new();
    }
    let trans = |a: usize, b: usize| -> f32 {
        if a == b {
            if a == 3 {
                tuning.stay_other
            } else {
                tuning.stay
            }
        } else {
            0.0
        }
    };
    let mut score = vec![[0f32; 4]; n];
    let mut back = vec![[0u8; 4]; n];
    score[0] = an[0].emis;
    for i in 1..n {
        for b in 0..4 {
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
            for (a, prev) in score[i - 1].iter().enumerate() {
                let s = prev + trans(a, b);
                if s > best {
                    best = s;
                    arg = a;
                }
            }
            score[i][b] = best + an[i].emis[b];
            back[i][b] = arg as u8;
        }
    }
    let mut p = (0..4)
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]).then(b.cmp(&a)))
        .unwrap_or(3);
    let mut out = vec![Part::Other; n];
    for i in (0..n).rev() {
        out[i] = PARTS[p];
        p = back[i][p] as usize;
    }
    out
}

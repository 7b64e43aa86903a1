//! Indicators: the figures of a unit with what they measure, their unit, and where
//! stated the share of plan and the change.

use tomtat_tokenizer::token::parse_number;
use tomtat_tokenizer::Segmenter;

use crate::lex::{Keyed, Phrases, Tk, Tok};
use crate::Indicator;

/// The bundled indicator word lists (`models/scorer-indicators.txt`).
const LISTS_TXT: &str = include_str!("../models/scorer-indicators.txt");

/// One word list, with its phrases indexed for matching at a token.
#[derive(Default)]
struct List {
    words: Vec<&'static str>,
    index: Phrases,
    /// The number of words of each phrase of `words`.
    lens: Vec<usize>,
}

impl List {
    /// The phrases with their numbers of words.
    fn with_lens(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        self.words.iter().copied().zip(self.lens.iter().copied())
    }
}

impl std::ops::Deref for List {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        &self.words
    }
}

/// The word lists of [`LISTS_TXT`], by section.
struct Lists {
    multipliers: List,
    measures: List,
    time_after: List,
    name_before: List,
    link_before: List,
    approx: List,
    plan_words: List,
    stop_unit: List,
    count_verbs: List,
    qualifiers: List,
    name_trim: List,
    name_cut: List,
    name_heads: List,
    object_verbs: List,
    non_count: List,
    captions: List,
    /// Names with a number inside, the number written `*` (`chính quyền * cấp`): the words
    /// before it, how many they are, and the words after it.
    named_counts: Vec<(&'static str, usize, &'static str)>,
}

/// Parse the sections of the list file (unknown sections are an error).
fn parse_lists(src: &'static str) -> Result<Lists, String> {
    let mut l = Lists {
        multipliers: List::default(),
        measures: List::default(),
        time_after: List::default(),
        name_before: List::default(),
        link_before: List::default(),
        approx: List::default(),
        plan_words: List::default(),
        stop_unit: List::default(),
        count_verbs: List::default(),
        qualifiers: List::default(),
        name_trim: List::default(),
        name_cut: List::default(),
        name_heads: List::default(),
        object_verbs: List::default(),
        non_count: List::default(),
        captions: List::default(),
        named_counts: Vec::new(),
    };
    let mut named_counts: Vec<&'static str> = Vec::new();
    let mut cur: Option<&mut Vec<&'static str>> = None;
    for (n, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
            cur = Some(match name {
                "multipliers" => &mut l.multipliers.words,
                "measures" => &mut l.measures.words,
                "time_after" => &mut l.time_after.words,
                "name_before" => &mut l.name_before.words,
                "link_before" => &mut l.link_before.words,
                "approx" => &mut l.approx.words,
                "plan_words" => &mut l.plan_words.words,
                "stop_unit" => &mut l.stop_unit.words,
                "count_verbs" => &mut l.count_verbs.words,
                "qualifiers" => &mut l.qualifiers.words,
                "name_trim" => &mut l.name_trim.words,
                "name_cut" => &mut l.name_cut.words,
                "name_heads" => &mut l.name_heads.words,
                "object_verbs" => &mut l.object_verbs.words,
                "non_count" => &mut l.non_count.words,
                "captions" => &mut l.captions.words,
                "named_counts" => &mut named_counts,
                _ => return Err(format!("line {}: unknown section [{name}]", n + 1)),
            });
            continue;
        }
        match cur.as_mut() {
            Some(v) => v.push(line),
            None => return Err(format!("line {}: entry before any section", n + 1)),
        }
    }
    for list in [
        &mut l.multipliers,
        &mut l.measures,
        &mut l.time_after,
        &mut l.name_before,
        &mut l.link_before,
        &mut l.approx,
        &mut l.plan_words,
        &mut l.stop_unit,
        &mut l.count_verbs,
        &mut l.qualifiers,
        &mut l.name_trim,
        &mut l.name_cut,
        &mut l.name_heads,
        &mut l.object_verbs,
        &mut l.non_count,
        &mut l.captions,
    ] {
        list.index = Phrases::new(&list.words);
        list.lens = list
            .words
            .iter()
            .map(|p| p.split_whitespace().count())
            .collect();
    }
    for (n, entry) in named_counts.into_iter().enumerate() {
        let pair = entry.split_once(" * ");
        let (before, after) =
            pair.ok_or_else(|| format!("[named_counts] entry {}: no ` * `", n + 1))?;
        l.named_counts
            .push((before, before.split_whitespace().count(), after));
    }
    Ok(l)
}

fn lists() -> &'static Lists {
    static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| parse_lists(LISTS_TXT).expect("bundled indicator lists are valid"))
}

struct W<'a> {
    toks: &'a [Tok],
    text: &'a str,
    keys: &'a Keyed,
}

impl W<'_> {
    fn key(&self, i: usize) -> &str {
        self.keys.key(i)
    }
    fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == Tk::Word
    }
    fn raw(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }
    /// A word written in title case (`Đồng`, not `USD` or `tỉnh`).
    fn is_title_word(&self, i: usize) -> bool {
        let mut cs = self.raw(i).chars();
        self.is_word(i)
            && cs.next().is_some_and(char::is_uppercase)
            && cs.next().is_some_and(char::is_lowercase)
    }
    /// Whether the words right before token `i` (`i` > 1) end a proper name: a capitalised
    /// word, or a title-case word and the lower-case syllable of its name (`Đề án 06`, `Quốc
    /// lộ 32`, not the first word of the unit, nor `Nghệ An có 50`) before a bare number.
    fn names_before(&self, wl: &Lists, i: usize) -> bool {
        let starts = |k: usize, case: fn(char) -> bool| {
            self.is_word(k) && self.raw(k).chars().next().is_some_and(case)
        };
        let function_word = |k: usize| {
            let key = self.key(k);
            wl.stop_unit.contains(&key) || wl.name_trim.contains(&key)
        };
        if starts(i - 1, char::is_uppercase) {
            return true;
        }
        let first_word = (0..i).find(|&k| self.is_word(k)).unwrap_or(i);
        let bare = !starts(i + 1, char::is_lowercase) || function_word(i + 1);
        i - 2 > first_word
            && self.is_title_word(i - 2)
            && starts(i - 1, char::is_lowercase)
            && !function_word(i - 1)
            && bare
    }
    /// Match a phrase of words starting at token `i`; returns the token after it.
    fn phrase_at(&self, i: usize, phrase: &str) -> Option<usize> {
        crate::lex::phrase_at(self.keys, self.toks, i, phrase)
    }
    fn any_phrase_at(&self, i: usize, list: &List) -> Option<usize> {
        list.index.longest_at(self.keys, 0, self.toks, i)
    }
    /// The start of the longest phrase of `list` that ends right before token `end`, not
    /// before token `from`.
    fn phrase_ending_at(&self, from: usize, end: usize, list: &List) -> Option<usize> {
        (from..end).find(|&s| list.index.ends_at(self.keys, 0, self.toks, s, end))
    }
    /// Tokens `s..e` without the function words at either end (`name_trim`).
    fn trim_name(&self, mut s: usize, mut e: usize) -> (usize, usize) {
        let wl = lists();
        while let Some(k) = self.any_phrase_at(s, &wl.name_trim).filter(|&k| k <= e) {
            s = k;
        }
        while let Some(k) = self.phrase_ending_at(s, e, &wl.name_trim) {
            e = k;
        }
        (s, e)
    }
    /// What a count counts: the measure noun from token `m0` and the words after it, up to a
    /// function word or punctuation (`lượt khách`, `người tham gia BHXH bắt buộc`).
    /// The end of the run of words from token `from` (before token `limit` at most) that
    /// stops at a unit stop word, a name-trimming phrase or a time word.
    fn words_before_stop(&self, from: usize, limit: usize) -> usize {
        let wl = lists();
        let mut e = from;
        while e < limit
            && self.is_word(e)
            && !wl.stop_unit.contains(&self.key(e))
            && self.any_phrase_at(e, &wl.name_trim).is_none()
            && !wl.time_after.contains(&self.key(e))
        {
            e += 1;
        }
        e
    }

    fn measure_phrase(&self, m0: usize, end_tok: usize) -> Option<String> {
        if m0 >= end_tok || !self.is_word(m0) {
            return None;
        }
        let e = self.words_before_stop(end_tok, m0 + 6);
        Some(self.text[self.toks[m0].start..self.toks[e - 1].end].to_string())
    }
}

#[derive(PartialEq)]
enum Role {
    Plain,
    Plan,
    Change(f64),
}

/// Extract the indicators of unit `unit` from its tokens: each number or percentage that is
/// a figure, with its measure, its role (a plan share or a change is attached to the figure
/// just before it) and the name of what it measures.
pub(crate) fn extract(
    text: &str,
    toks: &[Tok],
    keys: &Keyed,
    unit: usize,
    out: &mut Vec<Indicator>,
) {
    let w = W { toks, text, keys };
    let wl = lists();
    let first_here = out.len();
    // token index where the last indicator of this unit ends
    let mut last_end_tok: Option<usize> = None;
    let named = quoted_names(text, toks);
    for i in 0..toks.len() {
        let t = toks[i];
        let raw = &text[t.start..t.end];
        let glued = (t.kind == Tk::Other)
            .then(|| glued_measure(raw))
            .flatten()
            .filter(|(_, unit)| is_glued_unit(wl, unit));
        if t.kind != Tk::Number && t.kind != Tk::Percent && glued.is_none() {
            continue;
        }
        if named.iter().any(|r| r.contains(&i)) {
            continue;
        }
        let number = glued.map_or(raw, |(n, _)| n);
        let Some(value) = parse_number(number.trim_end_matches('%')) else {
            continue;
        };
        let percent = t.kind == Tk::Percent;
        if !percent && w.not_a_figure(wl, i, value) {
            continue;
        }
        let m = match glued {
            Some((_, unit)) => Measure {
                start: i + 1,
                end: i + 1,
                name: unit.to_string(),
            },
            None => w.measure(wl, i, percent),
        };
        let (b, role) = w.role(wl, i, value, percent, m.end);
        let (basis, basis_end) = w.basis(m.end, &role);
        if role != Role::Plain {
            if let Some(le) = last_end_tok {
                // only punctuation between the figure (or its last basis) and this one
                let near = le <= b
                    && out.len() > first_here
                    && toks[le..b].iter().all(|t| {
                        t.kind == Tk::Punct && !matches!(&text[t.start..t.end], "." | "!" | "?")
                    });
                if near {
                    attach(out.last_mut().expect("indicator"), &role, value, basis);
                    last_end_tok = Some(basis_end);
                    continue;
                }
            }
        }
        let prev_end = last_end_tok.filter(|_| out.len() > first_here);
        last_end_tok = Some(basis_end);
        let Some(name) = w.name(wl, i, b, &m, percent, prev_end) else {
            continue;
        };
        // the qualifier right before the figure stays with it (`trên 170.000 lượt khách`)
        let q_start = wl
            .qualifiers
            .with_lens()
            .filter(|&(q, k)| i >= k && w.phrase_at(i - k, q) == Some(i))
            .map(|(_, k)| toks[i - k].start)
            .min()
            .unwrap_or(t.start);
        let end = if m.end > i + 1 {
            toks[m.end - 1].end
        } else {
            t.end
        };
        let (plan_percent, change_percent) = match role {
            Role::Plan => (Some(value), None),
            Role::Change(c) => (None, Some(c)),
            Role::Plain => (None, None),
        };
        out.push(Indicator {
            unit,
            name,
            value,
            unit_name: m.name,
            raw: text[q_start..end].to_string(),
            start: q_start,
            end,
            plan_percent,
            change_percent,
            basis,
        });
    }
}

/// The tokens inside short quotations (eight words at most): names and slogans
/// (`“3 ca, 4 kíp”`, `Chương trình “1 triệu ha lúa”`), whose numbers are not figures. A longer
/// quotation is reported speech, whose figures are.
fn quoted_names(text: &str, toks: &[Tok]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Tk::Punct {
            continue;
        }
        match (&text[t.start..t.end], open) {
            ("“", _) | ("\"", None) => open = Some(i),
            ("”" | "\"", Some(o)) => {
                let words = toks[o + 1..i].iter().filter(|t| t.kind == Tk::Word).count();
                if words <= 8 {
                    out.push(o + 1..i);
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// A plan share or a change given right after a figure completes it.
fn attach(prev: &mut Indicator, role: &Role, value: f64, basis: Option<String>) {
    match *role {
        Role::Plan if prev.plan_percent.is_none() => {
            prev.plan_percent = Some(value);
            if prev.basis.is_none() {
                prev.basis = basis;
            }
        }
        Role::Change(c) if prev.change_percent.is_none() => {
            prev.change_percent = Some(c);
            if basis.is_some() {
                prev.basis = basis;
            }
        }
        _ => {}
    }
}

/// The measure after a figure: tokens `start..end` (multipliers before it), and its name
/// (`%`, `tỷ đồng`, `km`).
struct Measure {
    start: usize,
    end: usize,
    name: String,
}

impl W<'_> {
    /// A number (not a percentage) at token `i` that is no figure: a list label, a time, a
    /// name's number (`Nghị quyết số 57`, `Vành đai 2`), a clock time, a year.
    fn not_a_figure(&self, wl: &Lists, i: usize, value: f64) -> bool {
        let (toks, text) = (self.toks, self.text);
        let raw_num = self.raw(i);
        // a list or heading label (`1.`, `2)`, `3-`) at the start of the unit
        let lead = toks[..i].iter().all(|x| x.kind == Tk::Punct) && i < 2;
        if lead
            && value < 100.0
            && toks.get(i + 1).is_some_and(|n| {
                n.kind == Tk::Punct && matches!(&text[n.start..n.end], "." | ")" | "-" | "/")
            })
        {
            return true;
        }
        if self.is_word(i + 1) && wl.time_after.contains(&self.key(i + 1)) {
            return true;
        }
        // `Nghị quyết số 57`, `lần thứ 19` (but `tổng số 28.843` is a figure)
        if i > 0
            && self.is_word(i - 1)
            && wl.name_before.contains(&self.key(i - 1))
            && !(self.key(i - 1) == "số" && raw_num.len() > 3)
        {
            return true;
        }
        // clock times (`21:27`)
        let colon = |k: usize| toks.get(k).is_some_and(|x| &text[x.start..x.end] == ":");
        if (colon(i + 1) && toks.get(i + 2).is_some_and(|x| x.kind == Tk::Number))
            || (i >= 2 && colon(i - 1) && toks[i - 2].kind == Tk::Number)
        {
            return true;
        }
        // a number inside a name (`mô hình chính quyền địa phương 02 cấp`)
        let named = |&(before, n, after): &(&str, usize, &str)| {
            i >= n
                && self.phrase_at(i - n, before) == Some(i)
                && self.phrase_at(i + 1, after).is_some()
        };
        if wl.named_counts.iter().any(named) {
            return true;
        }
        // a number in a proper name (`đường Đông – Tây 4`, `Vành đai 2`, `Đề án 06`), also
        // when a place follows (`Nhơn Trạch 4 tỉnh Đồng Nai`: not a count of provinces)
        if i > 1 && value < 1000.0 && self.names_before(wl, i) {
            let measured = self.any_phrase_at(i + 1, &wl.measures);
            let multiplied = self.is_word(i + 1) && wl.multipliers.contains(&self.key(i + 1));
            if !multiplied && measured.is_none_or(|e| self.is_title_word(e)) {
                return true;
            }
        }
        let digits_only = raw_num.bytes().all(|b| b.is_ascii_digit());
        if digits_only && raw_num.len() == 4 && (1900.0..2101.0).contains(&value) {
            return true;
        }
        // list labels and figures in parentheses like (1)
        i > 0
            && toks[i - 1].kind == Tk::Punct
            && i + 1 < toks.len()
            && toks[i + 1].kind == Tk::Punct
            && value < 10.0
    }

    /// The unit of measure after the figure at token `i`.
    fn measure(&self, wl: &Lists, i: usize, percent: bool) -> Measure {
        let mut j = i + 1;
        if percent {
            return Measure {
                start: j,
                end: j,
                name: "%".to_string(),
            };
        }
        let mut mult = Vec::new();
        while self.is_word(j) && wl.multipliers.contains(&self.key(j)) && mult.len() < 2 {
            mult.push(self.raw(j).to_string());
            j += 1;
        }
        let start = j;
        let mut parts = mult;
        if let Some(e) = self.any_phrase_at(j, &wl.measures) {
            parts.push(self.text[self.toks[j].start..self.toks[e - 1].end].to_string());
            j = e;
        } else if j < self.toks.len() && is_area_or_volume(self.raw(j)) {
            parts.push(self.raw(j).to_string());
            j += 1;
        } else if parts.is_empty()
            && self.is_word(j)
            && !wl.stop_unit.contains(&self.key(j))
            && !wl.name_trim.contains(&self.key(j))
            && self.raw(j).chars().next().is_some_and(|c| c.is_lowercase())
        {
            // an unlisted measure word: one syllable, or two where a dictionary lists them
            // as one word (`01 vị trí`, `30 cán bộ`)
            let two = self.is_word(j + 1)
                && !wl.stop_unit.contains(&self.key(j + 1))
                && Segmenter::bundled().is_dictionary_word(&[self.raw(j), self.raw(j + 1)]);
            let e = j + 1 + usize::from(two);
            parts.push(self.text[self.toks[j].start..self.toks[e - 1].end].to_string());
            j = e;
        }
        Measure {
            start,
            end: j,
            name: parts.join(" "),
        }
    }

    /// The figure's role from the link words before it (`tăng`, `giảm`, `đạt`) and the plan
    /// words after its measure, and the token where those link words start.
    fn role(
        &self,
        wl: &Lists,
        i: usize,
        value: f64,
        percent: bool,
        end_tok: usize,
    ) -> (usize, Role) {
        let mut b = i;
        let mut verbs = Vec::new();
        // link words and bounds, nearest first (`đạt tối thiểu 20%`: `tối thiểu`, `đạt`)
        while i - b < 4 {
            let Some(s) = self.phrase_ending_at(b.saturating_sub(2), b, &wl.link_before) else {
                break;
            };
            let words: Vec<&str> = (s..b).map(|k| self.key(k)).collect();
            verbs.push(words.join(" "));
            b = s;
        }
        // the verb nearest the figure, past approximations
        let verb = verbs
            .iter()
            .find(|v| !wl.approx.contains(&v.as_str()))
            .map(|v| v.as_str());
        let role = if percent && matches!(verb, Some("tăng" | "giảm")) {
            let sign = if verb == Some("giảm") { -1.0 } else { 1.0 };
            Role::Change(sign * value)
        } else if percent
            && (self.any_phrase_at(end_tok, &wl.plan_words).is_some()
                || (self.phrase_at(end_tok, "so với").is_some()
                    && self.any_phrase_at(end_tok + 2, &wl.plan_words).is_some()))
        {
            Role::Plan
        } else {
            Role::Plain
        };
        (b, role)
    }

    /// What a plan share or a change is measured against: the words after the measure, and
    /// the token after them.
    fn basis(&self, end_tok: usize, role: &Role) -> (Option<String>, usize) {
        if *role == Role::Plain {
            return (None, end_tok);
        }
        let toks = self.toks;
        let mut basis_end = end_tok;
        while basis_end < toks.len() && toks[basis_end].kind == Tk::Word && basis_end - end_tok < 10
        {
            basis_end += 1;
        }
        let basis = (basis_end > end_tok)
            .then(|| self.text[toks[end_tok].start..toks[basis_end - 1].end].to_string());
        (basis, basis_end)
    }

    /// The name of what the figure at token `i` measures (its link words start at `b`), or
    /// `None` when the text does not say (or the figure is a photo number). `prev_end` is the
    /// end of the unit's previous figure, which the name does not reach back into.
    fn name(
        &self,
        wl: &Lists,
        i: usize,
        b: usize,
        m: &Measure,
        percent: bool,
        prev_end: Option<usize>,
    ) -> Option<String> {
        let (nb, ne, dangling) = self.name_span(wl, b, prev_end);
        let (toks, text, end_tok) = (self.toks, self.text, m.end);
        let counted =
            !percent && end_tok > m.start && !wl.non_count.contains(&self.key(end_tok - 1));
        // `cứng hóa được trên 28 km đường GTNT`: after a verb, the words after the measure
        let after = || {
            let e = self.words_before_stop(end_tok, end_tok + 5);
            (e > end_tok).then(|| text[toks[end_tok].start..toks[e - 1].end].to_string())
        };
        let mut name = if (nb >= ne || dangling) && counted {
            self.measure_phrase(m.start, end_tok).unwrap_or_default()
        } else if let Some(a) = (dangling && !percent && !m.name.is_empty())
            .then(after)
            .flatten()
        {
            a
        } else if nb < ne {
            text[toks[nb].start..toks[ne - 1].end].to_string()
        } else {
            String::new()
        };
        // `ảnh 1`: a photo number
        if m.name.is_empty() && nb + 1 == ne && wl.captions.contains(&self.key(nb)) {
            return None;
        }
        // `thông qua 02 dự thảo Chương trình ...`: the verb's object names what is counted
        let verb_before = !percent
            && b == i
            && (wl.count_verbs.with_lens())
                .any(|(v, k)| i >= k && self.phrase_at(i - k, v) == Some(i));
        if verb_before {
            let mut e = end_tok;
            while self.is_word(e) && !wl.stop_unit.contains(&self.key(e)) && e - end_tok < 4 {
                e += 1;
            }
            // at least two words (`07 nhóm nhiệm vụ`, not `42 đảng viên mới`)
            if e > end_tok + 1 {
                name = text[toks[end_tok].start..toks[e - 1].end].to_string();
            }
        }
        // `chiếm 8% về tổng số vụ`: a share named after it (but `so với ...` is a basis)
        if name.is_empty() && percent && self.phrase_at(end_tok, "so với").is_none() {
            let mut e = end_tok;
            while e < toks.len() && toks[e].kind == Tk::Word && e - end_tok < 6 {
                e += 1;
            }
            let (s0, e0) = self.trim_name(end_tok, e);
            if s0 < e0 {
                name = text[toks[s0].start..toks[e0 - 1].end].to_string();
            }
        }
        // a figure with nothing said about what it measures
        (!name.is_empty()).then_some(name)
    }

    /// The name before a figure whose link words start at `b`: tokens `nb..ne`, back to
    /// punctuation or a non-word, and whether it ends in a verb or a function word (it then
    /// leaves the figure's object unnamed).
    fn name_span(&self, wl: &Lists, b: usize, prev_end: Option<usize>) -> (usize, usize, bool) {
        let toks = self.toks;
        let mut nb = b;
        // where the name starts after the first hyphen crossed (see below)
        let mut after_hyphen = None;
        while nb > 0 && b - nb < 12 {
            // words, and periods such as `6 tháng đầu năm` inside the name
            let period = toks[nb - 1].kind == Tk::Number
                && self.is_word(nb)
                && wl.time_after.contains(&self.key(nb))
                && nb < b;
            // `kinh tế - xã hội`, `tuyến Châu Đốc - Cần Thơ - Sóc Trăng`: a hyphen between
            // words, two of them at least before the figure (`TS Nguyễn Hữu Hà - ảnh 1` is a
            // caption)
            let hyphen = nb >= 2
                && nb + 2 <= b
                && self.is_word(nb - 2)
                && self.is_word(nb)
                && self.is_word(nb + 1)
                && toks[nb - 1].kind == Tk::Punct
                && matches!(self.raw(nb - 1), "-" | "–");
            if !self.is_word(nb - 1) && !period && !hyphen {
                break;
            }
            let k = if period { "" } else { self.key(nb - 1) };
            if nb < b && (k == "đạt" || k == "là") {
                break;
            }
            if hyphen && after_hyphen.is_none() {
                after_hyphen = Some(nb);
            }
            nb -= 1;
        }
        // cut by the length limit (the loop stops inside the name only there), a name across
        // a hyphen may start inside a word (`... cáo kinh tế - kỹ thuật`): it then starts
        // after the hyphen
        let cut = nb > 0 && b - nb >= 12;
        if let Some(h) = after_hyphen.filter(|_| cut) {
            nb = h;
        }
        // not back into the previous figure and its measure (`12.823 triệu đồng và xử phạt ...`)
        if let Some(le) = prev_end {
            nb = nb.max(le.min(b));
        }
        while nb < b && !self.is_word(nb) {
            nb += 1;
        }
        // `Tập đoàn Dầu khí Việt Nam có tổng giá trị vốn chủ sở hữu`: the quantity named after
        // `có` / `với` is the name
        if let Some(k) = (nb + 1..b).rev().find(|&k| {
            matches!(self.key(k - 1), "có" | "với")
                && self.any_phrase_at(k, &wl.name_heads).is_some()
        }) {
            nb = k;
        }
        // what is measured, not who measured it: start after the last `đã`, `cho biết`
        // (unless the name already starts with `số`, `tổng`, `tỷ lệ`)
        let mut ne = b;
        if self.any_phrase_at(nb, &wl.name_heads).is_none() {
            let mut k = ne;
            while k > nb {
                k -= 1;
                if let Some(e) = self.any_phrase_at(k, &wl.name_cut).filter(|&e| e <= ne) {
                    nb = e;
                    break;
                }
            }
        }
        let dangling = self.phrase_ending_at(nb, ne, &wl.object_verbs).is_some()
            || self.phrase_ending_at(nb, ne, &wl.name_trim).is_some();
        loop {
            while nb < ne && !self.is_word(nb) {
                nb += 1;
            }
            match self.any_phrase_at(nb, &wl.name_trim).filter(|&e| e <= ne) {
                Some(e) => nb = e,
                None => break,
            }
        }
        while let Some(s) = self.phrase_ending_at(nb, ne, &wl.name_trim) {
            ne = s;
        }
        while ne > nb && !self.is_word(ne - 1) {
            ne -= 1;
        }
        (nb, ne, dangling)
    }
}

/// A figure written with its unit of measure in one token (`14km`, `1.087ha`, `3,5m`,
/// `17.000.000.000đ`, `120m2`): the number and the unit. The lexer keeps such a token whole
/// (`Other`, like a code); a clock time (`8h`, `14h30`) and a code (`5G`) are none.
///
/// ```text
/// "1.087ha" → Some(("1.087", "ha"))    "14h30" → None    "F0" → None
/// ```
fn glued_measure(raw: &str) -> Option<(&str, &str)> {
    let cut = raw.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
    let (number, unit) = raw.split_at(cut);
    let letters = unit.trim_end_matches(['2', '3']);
    let clock = letters == "h" && number.len() <= 2;
    let plain = number.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && number.bytes().last().is_some_and(|b| b.is_ascii_digit());
    let lower_word = letters.chars().next().is_some_and(char::is_lowercase)
        && letters.chars().all(char::is_alphabetic);
    (plain && lower_word && !clock).then_some((number, unit))
}

/// Whether `unit`, glued to a number, is a unit of measure, with or without its power: a
/// listed measure (`km`, `ha`, `kV`, `km2`) or a metric unit of length, mass or volume, or
/// the đồng (`mm2`); not a letter of a form's number (`mẫu 10a`) or a word run into a number
/// by a typing slip (`113biên`).
fn is_glued_unit(wl: &Lists, unit: &str) -> bool {
    const METRIC: &[&str] = &["m", "cm", "mm", "dm", "g", "mg", "l", "ml", "đ"];
    let key = tomtat_text::match_key(unit);
    let bare = key.trim_end_matches(['2', '3']);
    wl.measures.contains(&bare) || METRIC.contains(&bare)
}

/// A unit of area or volume written with its power (`m2`, `km2`, `m3`): one token of
/// letters and a digit, which the word lists (words only) cannot hold.
fn is_area_or_volume(raw: &str) -> bool {
    let Some(unit) = raw.strip_suffix(['2', '3']) else {
        return false;
    };
    matches!(unit, "m" | "km" | "cm" | "dm" | "mm" | "M" | "KM")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<Indicator> {
        let mut toks = Vec::new();
        crate::lex::lex(s, 0, s.len(), &mut toks);
        let mut out = Vec::new();
        let keys = Keyed::new(s, &toks);
        extract(s, &toks, &keys, 0, &mut out);
        out
    }

    #[test]
    fn bundled_lists_parse_and_bad_sections_fail() {
        let l = lists();
        assert!(l.measures.contains(&"dự thảo"));
        assert!(l.count_verbs.contains(&"thông qua"));
        assert!(parse_lists("[measures]\nha\n[nope]\nx\n").is_err());
        assert!(parse_lists("ha\n").is_err());
        // a named count says where its number stands
        assert!(parse_lists("[named_counts]\nchính quyền cấp\n").is_err());
        let l = parse_lists("[named_counts]\nchính quyền * cấp\n").expect("valid");
        assert_eq!(l.named_counts, vec![("chính quyền", 2, "cấp")]);
    }

    #[test]
    fn verb_objects_name_counts() {
        let v = run("Hội nghị đã thông qua 02 dự thảo Chương trình hành động của Huyện ủy.");
        assert_eq!(v[0].unit_name, "dự thảo");
        assert_eq!(v[0].name, "Chương trình hành động");
        let v = run("Các đại biểu đã thảo luận và thống nhất 05 nhóm giải pháp trọng tâm.");
        assert_eq!(v[0].unit_name, "nhóm");
        assert_eq!(v[0].name, "giải pháp trọng tâm");
    }

    #[test]
    fn units_in_capitals_and_with_a_power() {
        let v = run("Tổng công suất đạt 1.500 MW; đã thi công xong bồn chứa dung tích 75.000 m3.");
        let units: Vec<&str> = v.iter().map(|x| x.unit_name.as_str()).collect();
        assert_eq!(units, ["MW", "m3"], "{v:#?}");
        assert_eq!(v[1].value, 75000.0);
        assert!(is_area_or_volume("km2") && !is_area_or_volume("m4") && !is_area_or_volume("2"));
        assert!(!is_area_or_volume("vị") && !is_area_or_volume(""));
    }

    #[test]
    fn budget_with_plan_share() {
        let s = "tính đến ngày 30/6/2024 tổng thu ngân sách nhà nước đạt 832.270.966.973 đồng (đạt 104,11% dự toán tỉnh giao; đạt 100,26% dự toán của huyện); thu cân đối ngân sách trên địa bàn 41.360.691.533 đồng (đạt 60,82% dự toán tỉnh giao).";
        let v = run(s);
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].name, "tổng thu ngân sách nhà nước");
        assert_eq!(v[0].value, 832270966973.0);
        assert_eq!(v[0].unit_name, "đồng");
        assert_eq!(v[0].plan_percent, Some(104.11));
        assert_eq!(v[0].basis.as_deref(), Some("dự toán tỉnh giao"));
        assert_eq!(&s[v[0].start..v[0].end], "832.270.966.973 đồng");
        assert_eq!(v[1].name, "thu cân đối ngân sách trên địa bàn");
        assert_eq!(v[1].plan_percent, Some(60.82));
    }

    #[test]
    fn value_plan_and_change() {
        let s = "tổng giá trị sản xuất ước đạt 3.807,927 tỷ đồng, (đạt 46,4% kế hoạch, tăng 5,1% so với cùng kỳ năm trước)";
        let v = run(s);
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].name, "tổng giá trị sản xuất");
        assert_eq!(v[0].value, 3807.927);
        assert_eq!(v[0].unit_name, "tỷ đồng");
        assert_eq!(v[0].plan_percent, Some(46.4));
        assert_eq!(v[0].change_percent, Some(5.1));
        assert_eq!(v[0].basis.as_deref(), Some("so với cùng kỳ năm trước"));
    }

    #[test]
    fn counts_and_skips_dates() {
        let v = run("Trong 6 tháng đầu năm 2024, huyện đón trên 170.000 lượt khách; Nghị quyết số 43-NQ/TW.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].value, 170000.0);
        assert_eq!(v[0].unit_name, "lượt khách");
        assert_eq!(v[0].name, "lượt khách");
        assert_eq!(v[0].raw, "trên 170.000 lượt khách");
    }

    #[test]
    fn comrades_are_counted_and_shares_named_after() {
        let v = run("Ban Bí thư thi hành kỷ luật 4 đồng chí, chiếm 8% về tổng số vụ.");
        assert_eq!(v[0].unit_name, "đồng chí", "{v:#?}");
        assert_eq!(v[1].name, "tổng số vụ");
    }

    #[test]
    fn names_are_what_is_measured() {
        let v = run("Từ đầu năm đến nay toàn Đảng bộ đã kết nạp được 42 đảng viên mới nâng tổng số đảng viên lên 4.100 đảng viên.");
        assert_eq!(v[0].name, "đảng viên mới", "{v:#?}");
        let v = run("Trong năm đã hình thành mới 33 mô hình, 2 HTX, 18 DN; ảnh 1 cho thấy.");
        assert_eq!(v.len(), 3, "{v:#?}");
        assert_eq!(v[1].name, "HTX");
        assert_eq!(v[2].name, "DN");
        let v = run("Tập đoàn Dầu khí Việt Nam có tổng giá trị vốn chủ sở hữu gần 90.000 tỷ đồng.");
        assert_eq!(v[0].name, "tổng giá trị vốn chủ sở hữu", "{v:#?}");
        let v = run("phát hiện sai phạm 12.823 triệu đồng và xử phạt hành chính 306 trường hợp.");
        assert_eq!(v[1].name, "xử phạt hành chính", "{v:#?}");
        let v = run("Toàn huyện đã cứng hóa được trên 28 km đường GTNT.");
        assert_eq!(v[0].name, "đường GTNT", "{v:#?}");
        let v = run("DA đường Đông – Tây 4 đi cảng Nghi Sơn; tỷ lệ bao phủ đạt khoảng 90%.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].raw, "khoảng 90%");
    }

    #[test]
    fn names_go_on_across_a_hyphen_between_words() {
        let v = run("Sản lượng đạt 82%; tuyến Châu Đốc - Cần Thơ - Sóc Trăng đạt 45%.");
        assert_eq!(v[1].name, "tuyến Châu Đốc - Cần Thơ - Sóc Trăng", "{v:#?}");
        let v = run("Trong tổng số 28 chỉ tiêu kinh tế - xã hội của huyện có 18 chỉ tiêu đạt.");
        assert!(
            v.iter()
                .any(|i| i.name == "chỉ tiêu kinh tế - xã hội của huyện"),
            "{v:#?}"
        );
        // a caption after a hyphen is no name
        let v = run("TS Nguyễn Hữu Hà - ảnh 1.");
        assert!(v.is_empty(), "{v:#?}");
    }

    #[test]
    fn numbers_in_short_quotations_are_names() {
        let v = run("Tổ chức thi công \"3 ca, 4 kíp\", sản lượng đạt 82% giá trị hợp đồng.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].value, 82.0);
        let v = run("Triển khai Đề án “1 triệu ha lúa chất lượng cao” tại 12 tỉnh.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].value, 12.0);
        // reported speech keeps its figures
        let v = run("Ông cho biết: “Năm nay toàn tỉnh đã giải ngân được 95% vốn đầu tư công được giao, cao nhất từ trước tới nay”.");
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn numbers_inside_names_are_not_figures() {
        let v = run("Sau 04 tháng vận hành mô hình chính quyền địa phương 02 cấp, 98% hồ sơ được giải quyết đúng hạn.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].value, 98.0);
        let v =
            run("Bộ máy chính quyền 2 cấp hoạt động thông suốt; toàn tỉnh có 3 cấp hành chính.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].value, 3.0);
    }

    #[test]
    fn units_glued_to_the_number() {
        let got = run("Toàn huyện đã cứng hóa được 14km rãnh thoát nước, thu hồi 1.087ha đất; lúc 14h30, 8h và mạng 5G.");
        let seen: Vec<(&str, f64, &str)> = got
            .iter()
            .map(|x| (x.name.as_str(), x.value, x.unit_name.as_str()))
            .collect();
        assert_eq!(
            seen,
            [("rãnh thoát nước", 14.0, "km"), ("thu hồi", 1087.0, "ha")]
        );
        let labels = run("Tổng hợp theo mẫu 10a, gồm 113biên chế, 30o góc, đường dây 220kV.");
        assert!(labels.is_empty(), "{labels:?}");
        assert_eq!(glued_measure("120m2"), Some(("120", "m2")));
        assert_eq!(
            glued_measure("17.000.000.000đ"),
            Some(("17.000.000.000", "đ"))
        );
        for raw in ["14h30", "8h", "5G", "30/6km", "F0", "2020-2025"] {
            assert_eq!(glued_measure(raw), None, "{raw}");
        }
    }

    #[test]
    fn a_conjunction_is_no_measure() {
        let v =
            run("Mặt hàng thuộc nhóm 85.27 hoặc 85.28 được miễn kiểm tra; kích thước 28 x 10 cm.");
        assert!(
            v.iter()
                .all(|i| !matches!(i.unit_name.as_str(), "hoặc" | "x")),
            "{v:#?}"
        );
        // nor does it name what is counted
        let v = run("Mỗi nhóm lớp có 05 hoặc 07 thành viên.");
        assert!(v.iter().all(|i| i.name != "hoặc"), "{v:#?}");
    }

    #[test]
    fn table_labels_are_not_figures() {
        let v = run("Phụ biểu 01 và Bảng 2 kèm theo; diện tích tăng 15 ha.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].value, 15.0);
    }

    #[test]
    fn list_labels_are_not_figures() {
        let v = run("2. Phấn đấu thu ngân sách đạt 110% dự toán.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].value, 110.0);
    }

    #[test]
    fn names_span_periods_and_bare_numbers_are_skipped() {
        let v =
            run("Thu ngân sách trên địa bàn 6 tháng đầu năm đạt gần 69 tỷ đồng. 21:27 27/06/2020");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].name, "Thu ngân sách trên địa bàn 6 tháng đầu năm");
        let v = run("số vụ việc đã thi hành xong là 17.586 vụ việc trên tổng số 28.843 vụ việc có điều kiện; ban hành 20 quyết định.");
        assert_eq!(v.len(), 3, "{v:#?}");
        assert_eq!(v[1].value, 28843.0);
        assert_eq!(v[2].unit_name, "quyết định");
    }

    #[test]
    fn standalone_percent_and_decrease() {
        let v = run("tỷ lệ hộ nghèo giảm xuống còn 4,6%, doanh thu giảm 3,2% so với cùng kỳ.");
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].name, "tỷ lệ hộ nghèo");
        assert_eq!(v[0].unit_name, "%");
        assert_eq!(v[1].change_percent, Some(-3.2));
    }

    #[test]
    fn numbers_in_names_are_no_figures() {
        // a name of two syllables, capitalised on the first, before a bare number
        let v = run("Các sở cập nhật kết quả triển khai Đề án 06 trước ngày 20 hằng tháng.");
        assert!(v.is_empty(), "{v:#?}");
        // a place after the measure word: the number belongs to the name before it
        let v = run(
            "Phó Thủ tướng làm việc tại Nhà máy điện Nhơn Trạch 3 và Nhơn Trạch 4 tỉnh Đồng Nai.",
        );
        assert!(v.is_empty(), "{v:#?}");
        // but a count after a name and a verb, or after a conjunction, stays a figure
        let v = run(
            "Theo quy hoạch trên địa bàn Nghệ An có 50 CCN; toàn trường có 3 GV và 28 HS giỏi.",
        );
        let values: Vec<f64> = v.iter().map(|i| i.value).collect();
        assert_eq!(values, [50.0, 3.0, 28.0], "{v:#?}");
        // an appendix, a chapter, a step, a school grade
        let v = run("Lập biên bản theo mẫu tại Phụ lục 01 ban hành kèm theo; học sinh lớp 5 hoàn thành bước 2 trong chương 3.");
        assert!(v.is_empty(), "{v:#?}");
    }

    #[test]
    fn measures_of_two_syllables_a_dictionary_lists() {
        let v = run("Cửa sông Mã: lấy mẫu 01 vị trí tại khu vực nước cấp cho 03 vùng nuôi tôm.");
        assert_eq!(v[0].unit_name, "vị trí", "{v:#?}");
        assert_eq!(v[1].unit_name, "vùng", "{v:#?}");
        let v = run("Huyện đã tuyển dụng 30 cán bộ và đào tạo 12 người mới.");
        assert_eq!(v[0].unit_name, "cán bộ", "{v:#?}");
        assert_eq!(v[1].unit_name, "người", "{v:#?}");
    }
}

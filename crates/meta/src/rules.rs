//! The extraction rules, one step per field: the body by pattern, the level from cue phrases
//! and the places named, the province by votes of the places, then code, date, period and kind
//! by patterns over the head or the first matches.

use crate::gazetteer::{fold, fold_into, Gazetteer, Tier};
use crate::matchers::{DateCaps, Matchers, PeriodKind, PeriodMatch};
use crate::places::{bare_places, find_places, Mention, HCM, TPHCM, TRIGGERS};
use crate::words::{Words, W};
use crate::Meta;
use std::collections::HashMap;
use std::sync::OnceLock;
use tomtat_text::all_capitals;

/// Bytes at the start of a document that hold its title, header and lead.
pub(crate) const HEAD: usize = 600;

/// A folded word of 1 to 8 bytes as one number, 0 for any other word: distinct words of at most
/// 8 bytes, distinct numbers (the phrases below are compared word by word as numbers).
pub(crate) const fn pack(word: &str) -> u64 {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return 0;
    }
    let mut v = 0u64;
    let mut k = 0;
    while k < b.len() {
        v |= (b[k] as u64) << (8 * k);
        k += 1;
    }
    v
}

/// The trigger phrases and level cues that open with one word, in their lists' order.
#[derive(Debug, Default)]
pub(crate) struct Opener {
    /// Packed words of the phrase and its index in [`TRIGGERS`].
    pub triggers: Vec<(Vec<u64>, usize)>,
    /// Packed words of the phrase, level and weight, as in [`LEVEL_CUES`].
    pub cues: Vec<(Vec<u64>, usize, f32)>,
}

/// The words of the trigger phrases, level cues and titles, and the phrases each opens: it is
/// asked of every lower-case word (the others are dropped), so the words sit in an
/// open-addressing table keyed by their packed form, and most words are passed over at once.
pub(crate) struct Openers {
    /// (packed word, index in `of` or [`Openers::NONE`]); 0 marks an empty slot.
    slots: Vec<(u64, usize)>,
    of: Vec<Opener>,
}

impl Openers {
    const SLOTS: usize = 256;
    /// The slot value of a word that opens no phrase.
    const NONE: usize = usize::MAX;

    fn new() -> Openers {
        let words = |p: &[&str]| -> Vec<u64> { p.iter().map(|w| pack(w)).collect() };
        let mut map: std::collections::BTreeMap<u64, Opener> = Default::default();
        for (t, (p, _)) in TRIGGERS.iter().enumerate() {
            map.entry(pack(p[0]))
                .or_default()
                .triggers
                .push((words(p), t));
        }
        for (p, lvl, w) in LEVEL_CUES {
            map.entry(pack(p[0]))
                .or_default()
                .cues
                .push((words(p), *lvl, *w));
        }
        let mut others: Vec<u64> = TRIGGERS
            .iter()
            .flat_map(|(p, _)| &p[1..])
            .map(|w| pack(w))
            .collect();
        others.extend(
            LEVEL_CUES
                .iter()
                .flat_map(|(p, _, _)| &p[1..])
                .map(|w| pack(w)),
        );
        others.extend(TITLES);
        others.extend([TPHCM, HCM]);
        others.retain(|k| !map.contains_key(k));
        others.sort_unstable();
        others.dedup();
        assert!(
            !map.contains_key(&0) && !others.contains(&0),
            "a phrase word longer than 8 bytes"
        );
        let mut t = Openers {
            slots: vec![(0, 0); Self::SLOTS],
            of: Vec::new(),
        };
        let words = map.into_iter().map(|(k, o)| (k, Some(o)));
        for (k, opener) in words.chain(others.into_iter().map(|k| (k, None))) {
            let mut s = Self::slot(k);
            while t.slots[s].0 != 0 {
                s = (s + 1) % Self::SLOTS;
            }
            t.slots[s] = match opener {
                Some(o) => {
                    t.of.push(o);
                    (k, t.of.len() - 1)
                }
                None => (k, Self::NONE),
            };
        }
        t
    }

    fn slot(packed: u64) -> usize {
        (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize % Self::SLOTS
    }

    /// The table, built once.
    pub fn get() -> &'static Openers {
        static OPENERS: OnceLock<Openers> = OnceLock::new();
        OPENERS.get_or_init(Openers::new)
    }

    /// Whether the packed word is a word of a phrase or title, and the phrases it opens.
    #[inline]
    pub fn find(&self, packed: u64) -> (bool, Option<&Opener>) {
        if packed == 0 {
            return (false, None);
        }
        let mut s = Self::slot(packed);
        loop {
            match self.slots[s] {
                (0, _) => return (false, None),
                (k, i) if k == packed => return (true, self.of.get(i)),
                _ => s = (s + 1) % Self::SLOTS,
            }
        }
    }
}

/// Whether the words of the text from kept word `i` are the packed `phrase`, unbroken by
/// punctuation.
pub(crate) fn seq_is(ws: &[W], i: usize, phrase: &[u64]) -> bool {
    phrase.len() + i <= ws.len()
        && phrase.iter().enumerate().all(|(k, p)| {
            ws[i + k].packed == *p
                && (k == 0 || !ws[i + k].broken && ws[i + k].num == ws[i].num + k)
        })
}

/// Words before a level cue that make it a person's title (`Ủy viên Bộ Chính trị`).
const TITLES: [u64; 4] = [pack("viên"), pack("thư"), pack("tich"), pack("chu")];

/// Cue phrases (folded) for the level of the document's subject, with weights.
const LEVEL_CUES: &[(&[&str], usize, f32)] = &[
    // 0 national
    (&["bô", "chinh", "tri"], 0, 2.0),
    (&["ban", "bi", "thư"], 0, 2.0),
    (&["trung", "ương"], 0, 1.0),
    (&["thu", "tương"], 0, 2.0),
    (&["chinh", "phu"], 0, 1.5),
    (&["quôc", "hôi"], 0, 1.5),
    (&["bô", "trương"], 0, 1.5),
    (&["tông", "bi", "thư"], 0, 1.0),
    (&["ca", "nươc"], 0, 1.5),
    (&["toan", "quôc"], 0, 1.5),
    (&["cac", "bô"], 0, 1.0),
    (&["bô", "nganh"], 0, 1.0),
    (&["toan", "nganh"], 0, 1.5),
    (&["tâp", "đoan"], 0, 1.0),
    // 1 province
    (&["tinh", "uy"], 1, 2.0),
    (&["thanh", "uy"], 1, 1.5),
    (&["ubnd", "tinh"], 1, 2.0),
    (&["ubnd", "thanh", "phô"], 1, 1.0),
    (&["uy", "ban", "nhân", "dân", "tinh"], 1, 2.0),
    (&["uy", "ban", "nhân", "dân", "thanh", "phô"], 1, 1.0),
    (&["hđnd", "tinh"], 1, 2.0),
    (&["đang", "bô", "tinh"], 1, 2.0),
    (&["toan", "tinh"], 1, 1.5),
    (&["tinh"], 1, 0.5),
    (&["sơ"], 1, 0.3),
    (&["thanh", "phô"], 1, 0.3),
    (&["toan", "thanh", "phô"], 1, 1.0),
    // 2 district
    (&["huyên", "uy"], 2, 2.0),
    (&["quân", "uy"], 2, 2.0),
    (&["thi", "uy"], 2, 2.0),
    (&["ubnd", "huyên"], 2, 2.0),
    (&["ubnd", "quân"], 2, 2.0),
    (&["uy", "ban", "nhân", "dân", "huyên"], 2, 2.0),
    (&["đang", "bô", "huyên"], 2, 2.0),
    (&["toan", "huyên"], 2, 1.5),
    (&["huyên"], 2, 0.5),
    (&["quân"], 2, 0.3),
    (&["thi", "xa"], 2, 0.5),
    // 3 commune
    (&["đang", "uy", "xa"], 3, 2.0),
    (&["đang", "bô", "xa"], 3, 2.0),
    (&["đang", "uy", "phương"], 3, 2.0),
    (&["đang", "bô", "phương"], 3, 2.0),
    (&["ubnd", "xa"], 3, 2.0),
    (&["toan", "xa"], 3, 1.5),
    (&["xa"], 3, 0.4),
    (&["phương"], 3, 0.4),
    (&["thi", "trân"], 3, 0.4),
];

const LEVELS: [&str; 4] = ["national", "province", "district", "commune"];

fn weight_at(pos: usize) -> f32 {
    if pos < HEAD {
        3.0
    } else {
        1.0
    }
}

/// Extract the metadata of one document (normalized text; ranges are byte ranges of `text`).
pub fn extract(text: &str) -> Meta {
    let g = Gazetteer::get();
    let ws = Words::scan(text);
    let pats = Matchers::get();
    let kind = kind_of(text);
    let mut meta = Meta::default();
    let issuer = read_body(text, pats, &mut meta);
    let places = all_places(text, &ws, g);
    let level_score = read_level(text, &ws, &places, issuer, &mut meta);
    read_province(&places, &level_score, kind.0, issuer, g, &mut meta);
    read_code(text, pats, &mut meta);
    let day_month = read_date(text, pats, &mut meta);
    read_period(text, pats, &mut meta);
    if meta.date.is_none() {
        read_day_month_date(text, pats, day_month, &mut meta);
    }
    meta.kind = Some(kind.0.into());
    if let Some(r) = kind.1 {
        meta.ranges.insert("kind".into(), r);
    }
    meta
}

/// Body: the issuer of an official letterhead, else the first one named (in the head when
/// there is one there). True when the body is a letterhead's issuer.
fn read_body(text: &str, pats: &Matchers, meta: &mut Meta) -> bool {
    if let Some((b, range)) = crate::letterhead::issuer(text, pats) {
        meta.ranges.insert("body".into(), range);
        meta.body = Some(b);
        return true;
    }
    if let Some(m) = pats.body(before_recipients(text)) {
        let b = text[m.clone()].trim_end().to_string();
        meta.ranges
            .insert("body".into(), [m.start, m.start + b.len()]);
        meta.body = Some(b);
    }
    false
}

/// The text before its list of recipients (`Nơi nhận:` and the bodies under it, which
/// receive the document and did not issue it).
fn before_recipients(text: &str) -> &str {
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if ["Nơi nhận", "NƠI NHẬN"].iter().any(|m| t.starts_with(m)) {
            return &text[..pos];
        }
        pos += line.len();
    }
    text
}

/// The places named after unit-type words or alone, and the districts and communes of the
/// explicit provinces named alone in the head, by position.
fn all_places(text: &str, ws: &Words, g: &Gazetteer) -> Vec<Mention> {
    let mut places = find_places(text, ws, g);
    let known: Vec<&str> = places
        .iter()
        .filter(|m| m.tier == Tier::Province)
        .map(|m| m.provinces[0].0.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let bare = bare_places(text, ws, g, &known, &places);
    places.extend(bare);
    places.sort_by_key(|m| m.start);
    places
}

fn tier_level(tier: Tier) -> usize {
    match tier {
        Tier::Province => 1,
        Tier::District => 2,
        _ => 3,
    }
}

/// Level: cue phrases weighted by position, with the body and the places counted again.
/// Returns the score of each level.
fn read_level(text: &str, ws: &[W], places: &[Mention], issuer: bool, meta: &mut Meta) -> [f32; 4] {
    let mut level_score = [0f32; 4];
    for (i, op) in ws
        .iter()
        .enumerate()
        .filter_map(|(i, w)| Some((i, w.opener?)))
    {
        for (phrase, lvl, w) in &op.cues {
            if seq_is(ws, i, phrase) {
                // `Ủy viên Bộ Chính trị`, `Bí thư Tỉnh ủy`: a person's title, not the subject.
                let title =
                    i > 0 && ws[i - 1].num + 1 == ws[i].num && TITLES.contains(&ws[i - 1].packed);
                let w = if title { w * 0.2 } else { *w };
                level_score[*lvl] += w * weight_at(ws[i].start);
            }
        }
    }
    let named_level = meta.body.as_deref().and_then(body_level);
    if let Some(l) = named_level {
        level_score[l] += 4.0;
    }
    // The subject named in the title (first line): its most specific unit.
    let title_end = text.find('\n').unwrap_or(text.len()).min(300);
    if let Some(l) = places
        .iter()
        .filter(|m| m.start < title_end)
        .map(|m| tier_level(m.tier))
        .max()
    {
        level_score[l] += 12.0;
    }
    for m in places {
        level_score[tier_level(m.tier)] += 0.5 * weight_at(m.start);
    }
    let (best, score) = level_score
        .iter()
        .enumerate()
        .fold((0, 0f32), |a, (i, &s)| if s > a.1 { (i, s) } else { a });
    // A letterhead's issuer sets the level of what it issues, however many communes the
    // text names (a plan of a province for its communes); a body named in the text only leans.
    match named_level {
        Some(l) if issuer => meta.level = Some(LEVELS[l].into()),
        _ if score > 0.0 => meta.level = Some(LEVELS[best].into()),
        _ => {}
    }
    level_score
}

/// The province votes: explicit provinces first; units vote for the provinces they may be in,
/// limited to the explicit ones when they agree with one.
struct Votes<'m> {
    score: HashMap<String, f32>,
    first_range: HashMap<String, [usize; 2]>,
    /// The district or commune most likely the subject.
    locality: Option<&'m Mention>,
}

fn province_votes(places: &[Mention]) -> Votes<'_> {
    let mut explicit: HashMap<&str, f32> = HashMap::new();
    for m in places.iter().filter(|m| m.tier == Tier::Province) {
        *explicit.entry(m.provinces[0].0.as_str()).or_default() += 3.0 * weight_at(m.start);
    }
    let mut score: HashMap<String, f32> =
        explicit.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    let mut first_range: HashMap<String, [usize; 2]> = HashMap::new();
    let mut locality: Option<(&Mention, f32)> = None;
    for m in places {
        let cands: Vec<&str> = match m.tier {
            Tier::Province => vec![m.provinces[0].0.as_str()],
            _ => {
                let known: Vec<&str> = m
                    .provinces
                    .iter()
                    .flat_map(|(a, b)| [a.as_str(), b.as_str()])
                    .filter(|p| explicit.contains_key(p))
                    .collect();
                if known.is_empty() {
                    m.provinces.iter().map(|(a, _)| a.as_str()).collect()
                } else {
                    known
                }
            }
        };
        let base = match m.tier {
            Tier::Province => 0.0,
            Tier::District => 2.0,
            _ => 1.0,
        };
        let n = cands.len() as f32;
        for c in &cands {
            *score.entry(c.to_string()).or_default() += base * weight_at(m.start) / n;
            first_range.entry(c.to_string()).or_insert([m.start, m.end]);
        }
        if m.tier != Tier::Province && cands.len() == 1 {
            let w = weight_at(m.start) / (1.0 + m.start as f32 / 10_000.0);
            if locality.is_none_or(|(_, lw)| w > lw) {
                locality = Some((m, w));
            }
        }
    }
    Votes {
        score,
        first_range,
        locality: locality.map(|(m, _)| m),
    }
}

/// The province with the most votes (ties to the first name).
fn top(score: &HashMap<String, f32>) -> Option<(&String, &f32)> {
    score
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
}

/// Province, its 2025 successor and the locality, from the votes of the places; news of a
/// national body working in one province becomes that province's (not a letterhead's issue:
/// a ministry's letter to a company of the province stays national).
fn read_province(
    places: &[Mention],
    level_score: &[f32; 4],
    kind: &str,
    issuer: bool,
    g: &Gazetteer,
    meta: &mut Meta,
) {
    let Votes {
        mut score,
        first_range,
        locality,
    } = province_votes(places);
    if std::env::var_os("TOMTAT_META_DEBUG").is_some() {
        eprintln!("levels {level_score:?} provinces {score:?}");
    }
    let mut national = meta.level.as_deref() == Some("national");
    if let Some((p, s)) = top(&score) {
        let triggered = places
            .iter()
            .any(|m| m.triggered && m.provinces.iter().any(|x| &x.0 == p));
        // A national body working in one province (`Đoàn công tác của Bộ Chính trị ... tại Cà Mau`)
        // is that province's news.
        let total: f32 = score.values().sum();
        let dominant = *s >= 0.6 * total;
        let news = kind == "news-report" && !issuer;
        if national
            && news
            && triggered
            && dominant
            && *s >= 15.0
            && level_score[1] >= 0.4 * level_score[0]
        {
            meta.level = Some("province".into());
            national = false;
        }
        if national && !(triggered && dominant) {
            score.clear();
        }
    }
    if let Some((p, s)) = top(&score) {
        // A national body mentioning a province in passing has no province; one working in a
        // province named in the head does. A tie is no answer: `xã Tân An` alone is a commune
        // of twelve provinces.
        let head_named = first_range.get(p).is_some_and(|r| r[0] < HEAD);
        let tied = score.iter().filter(|(_, v)| **v >= *s - 1e-4).count() > 1;
        if (!national || head_named) && !tied {
            meta.province = Some(p.clone());
            if let Some(r) = first_range.get(p) {
                meta.ranges.insert("province".into(), *r);
            }
            let folded = fold(p.trim_start_matches("TP "));
            if let Some(i) = g.province_index(&folded) {
                meta.province_2025 = Some(g.display(g.successor(i)));
            }
        }
    }
    if let Some(m) = locality {
        if meta.level.as_deref() != Some("province") && !national {
            meta.locality = Some(m.label.clone());
            meta.ranges.insert("locality".into(), [m.start, m.end]);
        }
    }
}

/// The first `HEAD` bytes and the first `2 * HEAD` bytes (cut at character boundaries).
fn lead_and_head(text: &str) -> (&str, &str) {
    let lead = &text[..floor_char(text, HEAD.min(text.len()))];
    let head = &text[..floor_char(text, (HEAD * 2).min(text.len()))];
    (lead, head)
}

/// Code: after `Số` in the head, else the first in the lead.
fn read_code(text: &str, pats: &Matchers, meta: &mut Meta) {
    let (lead, head) = lead_and_head(text);
    let after_so = |m: &std::ops::Range<usize>| {
        let before = head[..m.start].trim_end().trim_end_matches(':').trim_end();
        before.ends_with("Số") || before.ends_with("số")
    };
    if let Some(m) = pats
        .codes(head)
        .find(after_so)
        .or_else(|| pats.codes(lead).next())
    {
        meta.code = Some(text[m.clone()].into());
        meta.ranges.insert("code".into(), [m.start, m.end]);
    }
}

/// The first full date (`ngày 22 tháng 11 năm 2025` or `22/11/2025`) of `hay` that is the
/// document's own ([`not_its_date`]).
fn full_date(pats: &Matchers, hay: &str) -> Option<DateCaps> {
    first_own_date(pats, hay, |rest| {
        let a = pats.date_words(rest);
        // The numeric date counts only when it starts first: it is sought no further.
        let b = pats.date_full_until(rest, a.as_ref().map_or(rest.len(), |a| a.whole.start));
        match (a, b) {
            (Some(a), Some(b)) => Some(if a.whole.start <= b.whole.start { a } else { b }),
            (a, b) => a.or(b),
        }
    })
}

/// The first date `find` finds in `hay` (searched again after each one) that is the
/// document's own ([`not_its_date`]).
fn first_own_date(
    pats: &Matchers,
    hay: &str,
    find: impl Fn(&str) -> Option<DateCaps>,
) -> Option<DateCaps> {
    let mut from = 0;
    while from < hay.len() {
        let found = find(&hay[from..])?;
        let at = |r: &std::ops::Range<usize>| r.start + from..r.end + from;
        let date = DateCaps {
            whole: at(&found.whole),
            a: at(&found.a),
            b: at(&found.b),
            y: at(&found.y),
        };
        if !not_its_date(pats, hay, date.whole.start) {
            return Some(date);
        }
        from = date.whole.end;
    }
    None
}

/// Names of documents whose date a citation gives after them (`Luật Tổ chức Hội đồng nhân
/// dân và Ủy ban nhân dân ngày 26/11/2003`).
const CITED_NAMES: [&str; 11] = [
    "Luật",
    "Bộ luật",
    "Hiến pháp",
    "Pháp lệnh",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Quy chế",
    "Công văn",
];

/// Whether the date at `start` of `text` is not the document's own: the date of a document
/// it cites (on a legal-basis line `Căn cứ ...`, right after a document's number: `Quyết
/// định số 167/2008/QĐ-TTg ngày 12/12/2008`, or in a clause that opens with a document's
/// name), the start of a span (`từ ngày 1-1-2017 đến ngày 14-6-2017`), a deadline
/// (`trước ngày 30/6/2025`) or a letter's own date and receipt (`Đơn đề nghị ... đề ngày
/// 15/9/2025 (nhận ngày 18/9/2025)`). On the first line (the document's own title) only a
/// legal basis, a span or a deadline counts.
///
/// ```text
/// Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;          cited
/// Hà Nội, ngày 21 tháng 11 năm 2025                           own
/// ```
fn not_its_date(pats: &Matchers, text: &str, start: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |k| k + 1);
    let line = text[line_start..start].trim_start_matches(|c: char| !c.is_alphanumeric());
    let before = words_before_date(line);
    let not_own = ["từ", "trước", "chậm nhất", "trong", "đề", "(nhận"]
        .iter()
        .any(|w| (before.strip_suffix(w)).is_some_and(|r| !r.ends_with(char::is_alphanumeric)));
    if not_own || line.starts_with("Căn cứ") || line.starts_with("căn cứ") {
        return true;
    }
    let title_line = text[..line_start].trim().is_empty();
    !title_line && (after_document_number(pats, before) || in_clause_naming_a_document(line))
}

/// What stands before a date on its line, without the month's day and `ngày` (`... số
/// 26/2016/TT-BXD ngày 26 tháng 10 năm 2016` gives `... số 26/2016/TT-BXD`).
fn words_before_date(line: &str) -> &str {
    let before = line
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit());
    let before = before.trim_end();
    ["ngày", "Ngày", "NGÀY"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before)
        .trim_end()
}

/// Whether `before` ends with a document's number, then at most `ban hành` or a comma
/// (`Quyết định số 58/2016/QĐ-TTg`, `Chỉ thị 06-CT/TU,`).
fn after_document_number(pats: &Matchers, before: &str) -> bool {
    pats.codes(before).last().is_some_and(|code| {
        // the rest of the code's token (`QĐ-TTg`)
        let rest = before.get(code.end..).unwrap_or("");
        let rest = rest.trim_start_matches(|c: char| !c.is_whitespace() && c != ',');
        (rest.replace("ban hành", ""))
            .trim_matches(|c: char| c.is_whitespace() || c == ',')
            .is_empty()
    })
}

/// Whether the last clause of `line` opens with a document's name (`Luật Tổ chức HĐND và
/// UBND`, after `Thực hiện` or `Theo`).
fn in_clause_naming_a_document(line: &str) -> bool {
    let clause = line
        .rsplit([';', '.', ':', '(', ','])
        .next()
        .unwrap_or(line);
    let clause = clause.trim_start();
    let clause = ["Thực hiện ", "Theo "]
        .iter()
        .find_map(|w| clause.strip_prefix(w))
        .unwrap_or(clause);
    CITED_NAMES
        .iter()
        .any(|n| (clause.strip_prefix(n)).is_some_and(|r| r.starts_with(char::is_whitespace)))
}

/// A day and month without a year at the lead (`Ngày 9/6, ...`): day, month and range.
#[derive(Clone, Copy)]
struct DayMonth {
    day: u32,
    month: u32,
    range: [usize; 2],
}

fn day_month_at_lead(text: &str, pats: &Matchers) -> Option<DayMonth> {
    let (lead, _) = lead_and_head(text);
    pats.day_months(lead)
        .find(|c| {
            let rest = &lead[c.whole.end..];
            !(rest.starts_with('/')
                || rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
        })
        .map(|c| DayMonth {
            day: num(&lead[c.a]),
            month: num(&lead[c.b]),
            range: [c.whole.start, c.whole.end],
        })
}

/// Date: a full date in the head, else the first full date, else a month; none of these when a
/// day and month at the lead comes first (returned for [`read_day_month_date`]).
fn read_date(text: &str, pats: &Matchers, meta: &mut Meta) -> Option<DayMonth> {
    let (_, head) = lead_and_head(text);
    let head_full = full_date(pats, head);
    let day_month = day_month_at_lead(text, pats);
    let first_day_month = day_month.map(|d| d.range[0]);
    // A day and month at the lead (`Ngày 9/6, ...`) comes before a full date cited later.
    let date = match (&head_full, first_day_month) {
        (Some(f), Some(dm)) if dm < f.whole.start => None,
        _ => head_full.or_else(|| {
            if first_day_month.is_some() {
                None
            } else {
                full_date(pats, text)
            }
        }),
    };
    if let Some(c) = date {
        let (d, m, y) = (num(&text[c.a]), num(&text[c.b]), &text[c.y]);
        if (1..=31).contains(&d) && (1..=12).contains(&m) {
            meta.date = Some(format!("{y}-{m:02}-{d:02}"));
            meta.ranges
                .insert("date".into(), [c.whole.start, c.whole.end]);
        }
    }
    if meta.date.is_none() && first_day_month.is_none() {
        if let Some(c) = first_own_date(pats, text, |rest| pats.month(rest)) {
            let m = num(&text[c.a]);
            if (1..=12).contains(&m) {
                meta.date = Some(format!("{}-{m:02}", &text[c.y]));
                meta.ranges
                    .insert("date".into(), [c.whole.start, c.whole.end]);
            }
        }
    }
    day_month
}

/// Period: the most specific one among the first few.
fn read_period(text: &str, pats: &Matchers, meta: &mut Meta) {
    let mut best: Option<(u8, usize, usize, String)> = None;
    for c in periods(text, pats).take(12) {
        let r = c.whole.clone();
        if is_deadline(&text[..r.start]) {
            continue;
        }
        let (rank, key, shown_start) = period_of(text, &c);
        let head_bonus = if r.start < HEAD { 10 } else { 0 };
        let rank = rank + head_bonus;
        if best.as_ref().is_none_or(|b| rank > b.0) {
            best = Some((rank, shown_start, r.end, key));
        }
    }
    if let Some((_, s, e, key)) = best {
        meta.period = Some(text[s..e].to_string());
        meta.period_key = Some(key);
        meta.ranges.insert("period".into(), [s, e]);
    }
}

/// Whether a period after `before` is a deadline (`báo cáo Bộ Chính trị vào quý IV năm
/// 2009`, `trước quý III`, `chậm nhất trong năm 2026`), not the period the document covers.
fn is_deadline(before: &str) -> bool {
    let mut words = before.split_whitespace().rev().map(str::to_lowercase);
    match words.next().as_deref() {
        Some("vào" | "trước") => true,
        Some("trong") => words.next().is_some_and(|w| w == "nhất"),
        Some("nhất") => words.next().is_some_and(|w| w == "chậm" || w == "muộn"),
        _ => false,
    }
}

/// The successive non-overlapping matches of the period pattern: it is tried anchored only
/// where one of its literal openings (`năm `, `quý `, `nhiệm kỳ `, ...) starts at a word
/// boundary, shortly before a year.
pub(crate) fn periods<'t>(
    text: &'t str,
    pats: &'t Matchers,
) -> impl Iterator<Item = PeriodMatch> + 't {
    let mut at = 0;
    std::iter::from_fn(move || {
        let m = pats.period_from(text, at)?;
        at = m.whole.end;
        Some(m)
    })
}

/// The rank, key and start of what is shown of one period match.
fn period_of(text: &str, c: &PeriodMatch) -> (u8, String, usize) {
    let start = c.whole.start;
    let t = |r: &std::ops::Range<usize>| &text[r.clone()];
    match &c.kind {
        PeriodKind::Half { hw, hy } => {
            let half = if t(hw).to_lowercase() == "đầu" {
                "H1"
            } else {
                "H2"
            };
            (5, format!("{}-{half}", t(hy)), start)
        }
        PeriodKind::Nine { ny } => (4, format!("{}-9M", t(ny)), start),
        PeriodKind::Quarter { q, qy } => {
            let q = match t(q).to_uppercase().as_str() {
                "I" | "1" => 1,
                "II" | "2" => 2,
                "III" | "3" => 3,
                _ => 4,
            };
            (4, format!("{}-Q{q}", t(qy)), start)
        }
        PeriodKind::Term { t1, t2 } => (3, format!("{}-{}", t(t1), t(t2)), start),
        // Only the `năm YYYY` at the end.
        PeriodKind::Year { y } => (2, t(y).to_string(), y.start - "năm ".len()),
    }
}

/// A day and month without a year (`Ngày 9/7, ...` in news): the year of the period, else
/// the latest year the text names as past or present ([`latest_past_year`]).
fn read_day_month_date(text: &str, pats: &Matchers, day_month: Option<DayMonth>, meta: &mut Meta) {
    let Some(DayMonth { day, month, range }) = day_month else {
        return;
    };
    if !((1..=31).contains(&day) && (1..=12).contains(&month)) {
        return;
    }
    let year = meta
        .period_key
        .as_ref()
        .map(|k| k[..4].to_string())
        .or_else(|| latest_past_year(text, pats).map(str::to_string));
    if let Some(y) = year {
        meta.date = Some(format!("{y}-{month:02}-{day:02}"));
        meta.ranges.insert("date".into(), range);
    }
}

/// The latest year `text` names that is not a target or a deadline (`đến năm 2030`, the end
/// of `2021-2025`, `tầm nhìn 2045`): a news item is not older than what it reports, and its
/// own year is often the latest it names (`6 tháng đầu năm 2017`).
fn latest_past_year<'t>(text: &'t str, pats: &Matchers) -> Option<&'t str> {
    pats.years(text)
        .filter(|y| {
            let before = text[..y.start].trim_end();
            let before = before.strip_suffix("năm").unwrap_or(before).trim_end();
            !(before.ends_with('-')
                || before.ends_with('–')
                || ["đến", "tới", "trước", "nhìn", "đoạn"]
                    .iter()
                    .any(|w| before.ends_with(w)))
        })
        .map(|y| &text[y])
        .max()
}

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The level a body belongs to.
fn body_level(body: &str) -> Option<usize> {
    let f = fold(body);
    let has = |w: &str| f.split(' ').any(|x| x == w);
    if f.contains("trung ương")
        || f.starts_with("bô ")
        || f.contains("chinh phu")
        || f.contains("quôc hôi")
        || f.contains("ban bi thư")
        || f.starts_with("ban chi đao")
    {
        Some(0)
    } else if f.starts_with("tinh uy") || f.contains(" tinh uy") || has("tinh") {
        Some(1)
    } else if f.contains("huyên")
        || f.contains("quân")
        || f.contains("thi uy")
        || f.contains("thi xa")
    {
        Some(2)
    } else if has("xa") || f.contains("phương") || f.contains("thi trân") {
        Some(3)
    } else if f.contains("thanh uy") || f.contains("thanh phô") || f.contains(" tp") {
        Some(1)
    } else {
        None
    }
}

/// Document kind from the title (first line) and header lines.
fn kind_of(text: &str) -> (&'static str, Option<[usize; 2]>) {
    // The kinds of the gold annotation: reports and conclusion notices are official
    // reports; other official documents (decisions, decrees, telegrams, letters) and
    // speeches are `other`.
    const KINDS: &[(&str, &str)] = &[
        ("nghi quyêt", "resolution"),
        ("chi thi", "directive"),
        ("kê hoach", "plan"),
        ("chương trinh hanh đông", "plan"),
        ("thông bao", "official-report"),
        ("bao cao", "official-report"),
        ("phat biêu", "other"),
        ("diên văn", "other"),
        ("quyêt đinh", "other"),
        ("nghi đinh", "other"),
        ("thông tư", "other"),
        ("công điên", "other"),
        ("tơ trinh", "other"),
    ];
    let mut pos = 0;
    for line in text.split_inclusive('\n').take(12) {
        let start = pos;
        pos += line.len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        // The fold of the line's first 32 bytes or more decides every `starts_with` below
        // (the longest cue has 26 bytes); lines are often whole paragraphs.
        let mut f = String::new();
        fold_into(t, &mut f, 32);
        // the title's first words in capitals (`NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ về ...`)
        let caps_head = || t.split_whitespace().take(2).all(all_capitals);
        let plan_decision = || {
            let f = fold(t);
            f.contains("kê hoach") || f.contains("đê an")
        };
        let first = start == 0;
        // an official letter's subject line (`V/v hướng dẫn thủ tục hải quan`)
        if f.split(' ').next() == Some("v/v") {
            let s = start + line.len() - line.trim_start().len();
            return ("other", Some([s, s + t.len()]));
        }
        for (k, kind) in KINDS {
            let hit = (f.starts_with(k) && (first || caps_head()))
                || (first && *kind == "plan" && f.starts_with("quyêt đinh") && plan_decision());
            if hit {
                let lead = line.len() - line.trim_start().len();
                let s = start + lead;
                return (kind, Some([s, s + t.len()]));
            }
        }
        if start > HEAD {
            break;
        }
    }
    ("news-report", None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn province_from_a_district_alone() {
        let m = extract("Hội nghị Ban Chấp hành Đảng bộ huyện Thanh Miện lần thứ 5. Huyện tập trung giải phóng mặt bằng.");
        assert_eq!(m.level.as_deref(), Some("district"));
        assert_eq!(m.province.as_deref(), Some("Hải Dương"));
        // Hải Dương went into Hải Phòng on 1 July 2025.
        assert_eq!(m.province_2025.as_deref(), Some("Hải Phòng"));
        assert_eq!(m.locality.as_deref(), Some("huyện Thanh Miện"));
        let r = m.ranges["province"];
        assert!(r[0] < r[1]);
    }

    #[test]
    fn a_deadline_is_not_the_period() {
        let m = extract(
            "Sơ kết 6 tháng đầu năm 2009. Giao Ban cán sự đảng báo cáo Bộ Chính trị vào quý IV năm 2009.",
        );
        assert_eq!(m.period.as_deref(), Some("6 tháng đầu năm 2009"));
        let m = extract("Các bộ báo cáo Thủ tướng Chính phủ trước quý III năm 2026.");
        assert_eq!(m.period, None);
    }

    #[test]
    fn a_recipient_is_not_the_body() {
        let m = extract(
            "Ngày 5/3, huyện tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.\n\
             Nơi nhận:\n- Ban Thường vụ Tỉnh ủy Bắc Giang;\n- Lưu VT.",
        );
        assert_eq!(m.body, None);
    }

    #[test]
    fn a_place_of_many_provinces_gives_none() {
        // twelve provinces have a `xã Tân An`: a guess would be wrong eleven times in twelve
        let m = extract("Đảng ủy xã Tân An tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.");
        assert_eq!(m.level.as_deref(), Some("commune"));
        assert_eq!(m.province, None);
        let m = extract("Đảng ủy xã Tân An, tỉnh Bắc Giang tổ chức hội nghị sơ kết 6 tháng.");
        assert_eq!(m.province.as_deref(), Some("Bắc Giang"));
    }

    #[test]
    fn province_after_2025_merger() {
        let m = extract(
            "Đảng bộ xã Dân Chủ, tỉnh Phú Thọ tổ chức Đại hội lần thứ I nhiệm kỳ 2025 - 2030.",
        );
        assert_eq!(m.level.as_deref(), Some("commune"));
        assert_eq!(m.province.as_deref(), Some("Phú Thọ"));
        assert_eq!(m.period.as_deref(), Some("nhiệm kỳ 2025 - 2030"));
        assert_eq!(m.period_key.as_deref(), Some("2025-2030"));
    }

    #[test]
    fn letterhead_issuer_sets_the_level() {
        // A province's plan for its communes stays the province's.
        let communes = "- Xã Tân Tiến: lấy mẫu 01 vị trí.\n".repeat(3)
            + &"- Phường Ngọc Sơn, xã Hoa Lộc, xã Vạn Lộc: lấy mẫu 02 vị trí.\n".repeat(12);
        let t = format!("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 235/KH-UBND\nThanh Hóa, ngày 18 tháng 11 năm 2025\nKẾ HOẠCH\nQUAN TRẮC MÔI TRƯỜNG NUÔI TRỒNG THỦY SẢN\n{communes}");
        assert_eq!(extract(&t).level.as_deref(), Some("province"));
        // A ministry's letter to a company of one province stays national.
        let t = "BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 5470/CT-CS\nV/v chính sách thuế GTGT\nHà Nội, ngày 24 tháng 11 năm 2025\nKính gửi: Công ty TNHH Cornerstone Vina (KCN Đình Trám, phường Nếnh, tỉnh Bắc Ninh).\nCục Thuế nhận được văn bản của Công ty tại tỉnh Bắc Ninh, tỉnh Bắc Ninh, tỉnh Bắc Ninh.";
        assert_eq!(extract(t).level.as_deref(), Some("national"));
    }

    #[test]
    fn kinds_of_the_gold_annotation() {
        let kind = |t: &str| extract(t).kind;
        let letter =
            "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 5330/CT-CS\nV/v\nChính sách thuế TNCN\nKính gửi: Bà Hằng.";
        assert_eq!(kind(letter).as_deref(), Some("other"));
        let telegram =
            "THỦ TƯỚNG CHÍNH PHỦ\nSố: 217/CĐ-TTg\nCÔNG ĐIỆN\nV/V CHỦ ĐỘNG ỨNG PHÓ MƯA LŨ";
        assert_eq!(kind(telegram).as_deref(), Some("other"));
        let report = "BÁO CÁO\nKết quả thực hiện nhiệm vụ 6 tháng đầu năm 2025";
        assert_eq!(kind(report).as_deref(), Some("official-report"));
        let news = "Sáng 22/6, Tỉnh ủy tổ chức Hội nghị lần thứ 11.";
        assert_eq!(kind(news).as_deref(), Some("news-report"));
    }

    #[test]
    fn the_date_of_a_cited_document_is_not_the_documents() {
        let cases = [
            ("NGHỊ QUYẾT\nCăn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;\nHội đồng nhân dân tỉnh quyết nghị thông qua kế hoạch năm 2009.", None),
            ("BÁO CÁO\nThực hiện theo Quyết định số 58/2016/QĐ-TTg ngày 28/12/2016, tỉnh đã sắp xếp doanh nghiệp.", None),
            // on its first line, the title of the document itself
            ("Thông tư số 08/2012/TT-BGTVT Hướng dẫn vận tải đường thủy ngày 23/03/2012 của Bộ Giao thông vận tải\nĐiều 1. Phạm vi điều chỉnh", Some("2012-03-23")),
            // a deadline, a letter's own date and receipt, and a word that only ends like a
            // deadline (`thống nhất`)
            ("KẾ HOẠCH\nCác sở hoàn thành chậm nhất ngày 30/6/2025, báo cáo trước ngày 15/7/2025.", None),
            ("THÔNG BÁO\nTrên cơ sở Đơn đề nghị số 08-1 đề ngày 15/9/2025 (nhận ngày 18/9/2025) của Công ty;", None),
            ("THÔNG BÁO\nHội nghị thống nhất ngày 12/5/2025 là ngày khởi công.", Some("2025-05-12")),
            ("Theo báo cáo, từ ngày 1-1-2017 đến ngày 14-6-2017, UBND TP đã giải quyết 98 hồ sơ.", Some("2017-06-14")),
            // the document's own date line, with a citation after it on another line
            ("Số: 12/QĐ-UBND\nHà Nội, ngày 5 tháng 6 năm 2025\nCăn cứ Nghị định số 08/2015/NĐ-CP ngày 21 tháng 01 năm 2015;", Some("2025-06-05")),
        ];
        for (text, want) in cases {
            assert_eq!(extract(text).date.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_day_and_month_take_the_latest_year_named_as_past() {
        let t = "Chiều 21/6, Hội thảo về công tác cán bộ nữ đã diễn ra. Nghị quyết số 11-NQ/TW ngày 27/4/2007 đã đạt kết quả; phấn đấu đến năm 2020 đạt 30%. Năm 2016 tỷ lệ đạt 25%, 6 tháng đầu năm 2017 đạt 27%.";
        assert_eq!(extract(t).date.as_deref(), Some("2017-06-21"));
    }

    #[test]
    fn national_notice_with_code_and_date() {
        let t = "VĂN PHÒNG CHÍNH PHỦ\nSố: 634/TB-VPCP\nHà Nội, ngày 22 tháng 11 năm 2025\n\nTHÔNG BÁO\n\nKẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ\nThủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương thực hiện.";
        let m = extract(t);
        assert_eq!(m.level.as_deref(), Some("national"));
        assert_eq!(m.code.as_deref(), Some("634/TB-VPCP"));
        assert_eq!(m.date.as_deref(), Some("2025-11-22"));
        assert_eq!(m.kind.as_deref(), Some("official-report"));
        assert_eq!(m.body.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(m.province, None);
        let r = m.ranges["code"];
        assert_eq!(&t[r[0]..r[1]], "634/TB-VPCP");
    }

    #[test]
    fn the_prime_ministers_code_keeps_its_lower_case() {
        let t = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 223/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nCÔNG ĐIỆN";
        assert_eq!(extract(t).code.as_deref(), Some("223/CĐ-TTg"));
    }

    #[test]
    fn hcm_abbreviation_and_resolution_kind() {
        let m = extract(
            "Nghị quyết về kế hoạch đầu tư của TP.HCM năm 2024\nHĐND Thành phố quyết nghị.",
        );
        assert_eq!(m.kind.as_deref(), Some("resolution"));
        assert_eq!(m.province.as_deref(), Some("TP Hồ Chí Minh"));
    }

    #[test]
    fn kind_from_a_title_under_a_letterhead_that_opens_in_capitals() {
        let m = extract(
            "BAN CHẤP HÀNH TRUNG ƯƠNG\n\nSố 71-NQ/TW\n\nNGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ về đột phá phát triển giáo dục\n\nTrong quá trình phát triển đất nước ...",
        );
        assert_eq!(m.kind.as_deref(), Some("resolution"));
        // a sentence further down that names a resolution is no title
        let m = extract("Hội nghị Tỉnh ủy lần thứ 5\nNghị quyết của Tỉnh ủy được quán triệt.");
        assert_eq!(m.kind.as_deref(), Some("news-report"));
    }

    #[test]
    fn empty_text_has_no_fields_but_kind() {
        let m = extract("");
        assert_eq!(m.level, None);
        assert_eq!(m.province, None);
        assert_eq!(m.kind.as_deref(), Some("news-report"));
    }
}

//! The extraction rules: a word scan with folded keys, cue phrases for level and body,
//! gazetteer look-ups after unit-type words, and patterns for code, date, period and kind.

use crate::gazetteer::{fold, Gazetteer, Tier};
use crate::Meta;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Bytes at the start of a document that hold its title, header and lead.
const HEAD: usize = 600;

#[derive(Debug, Clone)]
struct W {
    start: usize,
    end: usize,
    key: String,
    upper: bool,
    digit: bool,
    /// Something other than spaces and hyphens separates it from the previous word.
    broken: bool,
}

fn words(text: &str) -> Vec<W> {
    let mut out: Vec<W> = Vec::new();
    let mut start = None;
    let mut last_end = 0;
    let push = |out: &mut Vec<W>, s: usize, e: usize, last_end: usize| {
        let w = &text[s..e];
        let first = w.chars().next().unwrap_or(' ');
        let gap = &text[last_end..s];
        out.push(W {
            start: s,
            end: e,
            key: fold(w),
            upper: first.is_uppercase(),
            digit: first.is_ascii_digit(),
            broken: out.is_empty() || gap.chars().any(|c| !(c == ' ' || c == '-' || c == '–')),
        });
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push(&mut out, s, i, last_end);
            last_end = i;
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len(), last_end);
    }
    out
}

/// The first words of the trigger and level-cue phrases: a word that opens none of them is
/// passed over without comparing it with every phrase.
fn opens_a_phrase(key: &str) -> bool {
    static FIRST: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    FIRST
        .get_or_init(|| {
            let triggers = TRIGGERS.iter().map(|(p, _)| p[0]);
            triggers
                .chain(LEVEL_CUES.iter().map(|(p, _, _)| p[0]))
                .collect()
        })
        .contains(key)
}

fn seq_is(ws: &[W], i: usize, phrase: &[&str]) -> bool {
    phrase.len() + i <= ws.len()
        && phrase
            .iter()
            .enumerate()
            .all(|(k, p)| ws[i + k].key == *p && (k == 0 || !ws[i + k].broken))
}

/// What a unit-type word announces.
#[derive(Clone, Copy, PartialEq)]
enum Expect {
    Province,
    /// `thành phố`, `TP`: a province-level city or a district-level one.
    City,
    District,
    Commune,
}

const TRIGGERS: &[(&[&str], Expect)] = &[
    (&["thi", "xa"], Expect::District),
    (&["thi", "trân"], Expect::Commune),
    (&["thanh", "phô"], Expect::City),
    (&["thanh", "uy"], Expect::City),
    (&["tinh", "uy"], Expect::Province),
    (&["huyên", "uy"], Expect::District),
    (&["quân", "uy"], Expect::District),
    (&["thi", "uy"], Expect::District),
    (&["đăc", "khu"], Expect::Commune),
    (&["tinh"], Expect::Province),
    (&["tp"], Expect::City),
    (&["huyên"], Expect::District),
    (&["quân"], Expect::District),
    (&["xa"], Expect::Commune),
    (&["phương"], Expect::Commune),
];

/// A place named in the text.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    tier: Tier,
    /// Candidate (province name 2024-or-2025, province name 2025) pairs.
    provinces: Vec<(String, String)>,
    /// `huyện Chư Prông`
    label: String,
    /// Named after a unit-type word (`tỉnh`, `huyện`, `Tỉnh ủy`), not alone.
    triggered: bool,
}

fn province_pair(g: &Gazetteer, i: u16) -> (String, String) {
    (g.display(i), g.display(g.successor(i)))
}

fn find_places(text: &str, ws: &[W], g: &Gazetteer) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        // Ho Chi Minh City abbreviations.
        if ws[i].key == "tphcm" || ws[i].key == "hcm" {
            let p = g.province_index(&fold("Hồ Chí Minh")).unwrap_or(0);
            out.push(Mention {
                start: ws[i].start,
                end: ws[i].end,
                tier: Tier::Province,
                provinces: vec![province_pair(g, p)],
                label: "TP Hồ Chí Minh".into(),
                triggered: true,
            });
            i += 1;
            continue;
        }
        let trig = opens_a_phrase(&ws[i].key)
            .then(|| TRIGGERS.iter().find(|(p, _)| seq_is(ws, i, p)))
            .flatten();
        let Some(&(phrase, expect)) = trig else {
            // A province named alone (two or more capitalised words, or `Huế`).
            if ws[i].upper && (i == 0 || !ws[i - 1].upper || ws[i].broken) {
                if let Some((len, p)) = (1..=4).rev().find_map(|n| {
                    let name = name_at(ws, i, n)?;
                    let p = g.province_index(&name)?;
                    (n >= 2 || name == "huê").then_some((n, p))
                }) {
                    out.push(Mention {
                        start: ws[i].start,
                        end: ws[i + len - 1].end,
                        tier: Tier::Province,
                        provinces: vec![province_pair(g, p)],
                        label: g.display(p),
                        triggered: false,
                    });
                    i += len;
                    continue;
                }
            }
            i += 1;
            continue;
        };
        let j = i + phrase.len();
        let mut found = None;
        for n in (1..=4).rev() {
            let Some(name) = name_at(ws, j, n) else {
                continue;
            };
            if !(ws[j].upper || ws[j].digit) {
                break;
            }
            let as_province = matches!(expect, Expect::Province | Expect::City)
                .then(|| g.province_index(&name))
                .flatten();
            if let Some(p) = as_province {
                found = Some((n, Tier::Province, vec![province_pair(g, p)], g.display(p)));
                break;
            }
            let tiers: &[Tier] = match expect {
                Expect::Province => &[],
                Expect::City | Expect::District => &[Tier::District],
                Expect::Commune => &[Tier::Commune2024, Tier::Commune2025],
            };
            let places: Vec<_> = g
                .places(&name)
                .iter()
                .filter(|p| tiers.contains(&p.tier))
                .filter(|p| {
                    let t = g.type_name(p);
                    match phrase[0] {
                        "tinh" => false,
                        "huyên" => t == "huyện",
                        "quân" => t == "quận",
                        "xa" => t == "xã",
                        "phương" => t == "phường",
                        "thi" if phrase[1] == "xa" => t == "thị xã",
                        "thi" if phrase[1] == "trân" => t == "thị trấn",
                        "thanh" | "tp" => t == "thành phố",
                        _ => true,
                    }
                })
                .collect();
            if !places.is_empty() {
                let tier = places[0].tier;
                let mut provinces: Vec<(String, String)> = places
                    .iter()
                    .map(|p| match p.province_2024 {
                        Some(i) => (g.display(i), g.display(p.province_2025)),
                        None => (g.display(p.province_2025), g.display(p.province_2025)),
                    })
                    .collect();
                provinces.sort();
                provinces.dedup();
                let label = format!(
                    "{} {}",
                    g.type_name(places[0]),
                    &text[ws[j].start..ws[j + n - 1].end]
                );
                found = Some((n, tier, provinces, label));
                break;
            }
        }
        match found {
            Some((n, tier, provinces, label)) => {
                out.push(Mention {
                    start: ws[i].start,
                    end: ws[j + n - 1].end,
                    tier,
                    provinces,
                    label,
                    triggered: true,
                });
                i = j + n;
            }
            None => i += 1,
        }
    }
    // `Hà Nội, ngày 22 tháng 11 năm 2025`: the place of signature, not the subject.
    out.retain(|m| {
        let after = text[m.end..].trim_start_matches([',', ' ']);
        !(m.tier == Tier::Province && !m.triggered && after.to_lowercase().starts_with("ngày"))
    });
    out
}

/// Districts and communes named alone (`Xanh, sạch, đẹp ở Ba Vì`) in the head, kept only when
/// one of their provinces is named explicitly.
fn bare_places(
    text: &str,
    ws: &[W],
    g: &Gazetteer,
    known: &[&str],
    taken: &[Mention],
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() && ws[i].start < HEAD {
        let free = !taken
            .iter()
            .any(|m| ws[i].start >= m.start && ws[i].start < m.end);
        let starts = ws[i].upper && (i == 0 || ws[i].broken || !ws[i - 1].upper);
        if !(free && starts) {
            i += 1;
            continue;
        }
        let hit = (2..=4).rev().find_map(|n| {
            let name = name_at(ws, i, n)?;
            if i + n < ws.len() && ws[i + n].upper && !ws[i + n].broken {
                return None;
            }
            let places: Vec<_> = g
                .places(&name)
                .iter()
                .filter(|p| {
                    let a = p.province_2024.map(|x| g.display(x));
                    let b = g.display(p.province_2025);
                    known.iter().any(|k| a.as_deref() == Some(*k) || b == *k)
                })
                .copied()
                .collect();
            // The broadest unit so named: a district before a commune.
            let best = places.iter().min_by_key(|p| match p.tier {
                Tier::District => 0,
                _ => 1,
            })?;
            let prov = best
                .province_2024
                .map_or_else(|| g.display(best.province_2025), |x| g.display(x));
            Some((n, best.tier, (prov, g.display(best.province_2025))))
        });
        match hit {
            Some((n, tier, pair)) => {
                out.push(Mention {
                    start: ws[i].start,
                    end: ws[i + n - 1].end,
                    tier,
                    provinces: vec![pair],
                    label: text[ws[i].start..ws[i + n - 1].end].to_string(),
                    triggered: false,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// The folded name of `n` capitalised (or numeric) words from `j`, unbroken by punctuation.
fn name_at(ws: &[W], j: usize, n: usize) -> Option<String> {
    if j + n > ws.len() {
        return None;
    }
    let mut name = String::new();
    for (k, w) in ws[j..j + n].iter().enumerate() {
        if !(w.upper || w.digit) || (k > 0 && w.broken) {
            return None;
        }
        if k > 0 {
            name.push(' ');
        }
        name.push_str(&w.key);
    }
    Some(name)
}

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

struct Patterns {
    body: Regex,
    code: Regex,
    date_full: Regex,
    date_words: Regex,
    month: Regex,
    day_month: Regex,
    year: Regex,
    period: Regex,
}

/// A pattern with a lazy-DFA cache large enough for its Unicode classes: with the default
/// (2 MB) the cache of the body and period patterns is cleared again and again, and the
/// search spends its time rebuilding states.
fn build(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(64 << 20)
        .build()
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let name = r"(?:\s+(?:[\p{Lu}\d][\p{L}\d]*)(?:[\s-]+[\p{Lu}\d][\p{L}\d]*){0,3})?";
        let body = format!(
            r"(?:Ban Chấp hành Đảng bộ (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn){name}|Ban Chấp hành Trung ương(?: Đảng)?|Ban Thường vụ (?:Tỉnh|Thành|Huyện|Quận|Thị) [uủ]y{name}|(?:Tỉnh|Thành|Huyện|Quận|Thị) [uủ]y{name}|Đảng [uủ]y (?:xã|phường|thị trấn|khối){name}|(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn){name}|Bộ Chính trị|Ban Bí thư|Văn phòng Chính phủ|Thủ tướng Chính phủ|Chính phủ|Quốc hội|Ủy ban Kiểm tra Trung ương|Ban Kinh tế Trung ương|Ban Tổ chức Trung ương|Ban Chỉ đạo [\p{{Lu}}][\p{{L}}]*(?: [\p{{L}}]+){{0,3}}|Bộ (?:Công Thương|Tài chính|Kế hoạch và Đầu tư|Nội vụ|Giáo dục và Đào tạo|Y tế|Quốc phòng|Công an|Tư pháp|Xây dựng|Giao thông vận tải|Nông nghiệp và Phát triển nông thôn|Nông nghiệp và Môi trường|Tài nguyên và Môi trường|Lao động - Thương binh và Xã hội|Văn hóa, Thể thao và Du lịch|Khoa học và Công nghệ|Thông tin và Truyền thông|Ngoại giao|Dân tộc và Tôn giáo))"
        );
        Patterns {
            body: build(&body).unwrap(),
            code: build(r"(?-u:\b)\d{1,5}(?:/\d{4})?[-/](?:[A-ZĐ]{1,6})(?:[-/][A-ZĐ]{1,8}\d?){0,3}(?-u:\b)").unwrap(),
            date_full: build(r"(?-u:\b)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?-u:\b)").unwrap(),
            date_words: build(r"(?i)(?-u:\b)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})(?-u:\b)").unwrap(),
            day_month: build(r"(?i)(?-u:\b)(?:ngày|sáng|chiều|tối|trưa)\s+(?:ngày\s+)?(\d{1,2})\s*[/.]\s*(\d{1,2})(?-u:\b)").unwrap(),
            year: build(r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)").unwrap(),
            month: build(r"(?i)(?-u:\b)tháng\s+(\d{1,2})\s*(?:/|năm)\s*((?:19|20)\d{2})(?-u:\b)").unwrap(),
            period: build(r"(?i)(?-u:\b)(?:(?P<h>6|sáu) tháng (?P<hw>đầu|cuối) năm (?P<hy>(?:19|20)\d{2})|(?P<n9>9) tháng (?:đầu )?năm (?P<ny>(?:19|20)\d{2})|quý (?P<q>I{1,3}|IV|[1-4])(?:\s*/\s*|\s+năm\s+)(?P<qy>(?:19|20)\d{2})|(?P<tw>nhiệm kỳ|giai đoạn) (?P<t1>(?:19|20)\d{2})\s*[-–—]\s*(?P<t2>(?:19|20)\d{2})|(?P<yw>tổng kết|kết quả|năm) (?:[\p{L} ,]{0,60}?)năm (?P<y>(?:19|20)\d{2}))(?-u:\b)").unwrap(),
        }
    })
}

/// Extract the metadata of one document (normalized text; ranges are byte ranges of `text`).
pub fn extract(text: &str) -> Meta {
    let g = Gazetteer::get();
    let ws = words(text);
    let mut meta = Meta::default();
    let pats = patterns();

    // Body: the first one in the head, else the first one at all.
    if let Some(m) = pats.body.find_iter(text).min_by_key(|m| {
        let head = m.start() < HEAD;
        (!head, if head { 0 } else { m.start() })
    }) {
        let m = pats
            .body
            .find_iter(text)
            .find(|x| x.start() < HEAD)
            .unwrap_or(m);
        let b = m.as_str().trim_end().to_string();
        meta.ranges
            .insert("body".into(), [m.start(), m.start() + b.len()]);
        meta.body = Some(b);
    }

    // Level: cue phrases weighted by position, with the body counted again.
    let mut level_score = [0f32; 4];
    for i in (0..ws.len()).filter(|&i| opens_a_phrase(&ws[i].key)) {
        for (phrase, lvl, w) in LEVEL_CUES {
            if seq_is(&ws, i, phrase) {
                // `Ủy viên Bộ Chính trị`, `Bí thư Tỉnh ủy`: a person's title, not the subject.
                let title =
                    i > 0 && matches!(ws[i - 1].key.as_str(), "viên" | "thư" | "tich" | "chu");
                let w = if title { w * 0.2 } else { *w };
                level_score[*lvl] += w * weight_at(ws[i].start);
            }
        }
    }
    if let Some(b) = &meta.body {
        let bl = body_level(b);
        if let Some(l) = bl {
            level_score[l] += 4.0;
        }
    }
    let mut places = find_places(text, &ws, g);
    let known: Vec<&str> = places
        .iter()
        .filter(|m| m.tier == Tier::Province)
        .map(|m| m.provinces[0].0.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let bare = bare_places(text, &ws, g, &known, &places);
    places.extend(bare);
    places.sort_by_key(|m| m.start);
    // The subject named in the title (first line): its most specific unit.
    let title_end = text.find('\n').unwrap_or(text.len()).min(300);
    if let Some(l) = places
        .iter()
        .filter(|m| m.start < title_end)
        .map(|m| match m.tier {
            Tier::Province => 1,
            Tier::District => 2,
            _ => 3,
        })
        .max()
    {
        level_score[l] += 12.0;
    }
    for m in &places {
        let l = match m.tier {
            Tier::Province => 1,
            Tier::District => 2,
            _ => 3,
        };
        level_score[l] += 0.5 * weight_at(m.start);
    }
    let (best, score) = level_score
        .iter()
        .enumerate()
        .fold((0, 0f32), |a, (i, &s)| if s > a.1 { (i, s) } else { a });
    if score > 0.0 {
        meta.level = Some(LEVELS[best].into());
    }

    // Province: explicit provinces first; units vote for the provinces they may be in, limited to
    // the explicit ones when they agree with one.
    let mut explicit: HashMap<&str, f32> = HashMap::new();
    for m in places.iter().filter(|m| m.tier == Tier::Province) {
        *explicit.entry(m.provinces[0].0.as_str()).or_default() += 3.0 * weight_at(m.start);
    }
    let mut score: HashMap<String, f32> =
        explicit.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    let mut first_range: HashMap<String, [usize; 2]> = HashMap::new();
    let mut locality: Option<(&Mention, f32)> = None;
    for m in &places {
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
    if std::env::var_os("TOMTAT_META_DEBUG").is_some() {
        eprintln!("levels {level_score:?} provinces {score:?}");
    }
    let mut national = meta.level.as_deref() == Some("national");
    if let Some((p, s)) = score
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
    {
        let triggered = places
            .iter()
            .any(|m| m.triggered && m.provinces.iter().any(|x| &x.0 == p));
        // A national body working in one province (`Đoàn công tác của Bộ Chính trị ... tại Cà Mau`)
        // is that province's news.
        let total: f32 = score.values().sum();
        let dominant = *s >= 0.6 * total;
        let news = kind_of(text).0 == "news-report";
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
    if let Some((p, _)) = score
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
    {
        // A national body mentioning a province in passing has no province; one working in a
        // province named in the head does.
        let head_named = first_range.get(p).is_some_and(|r| r[0] < HEAD);
        if !national || head_named {
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
    if let Some((m, _)) = locality {
        if meta.level.as_deref() != Some("province") && !national {
            meta.locality = Some(m.label.clone());
            meta.ranges.insert("locality".into(), [m.start, m.end]);
        }
    }

    // Code: after `Số` in the head, else the first in the head.
    let head_end = floor_char(text, (HEAD * 2).min(text.len()));
    let head = &text[..head_end];
    if let Some(m) = pats
        .code
        .find_iter(head)
        .find(|m| {
            let before = &head[..m.start()];
            before
                .trim_end()
                .trim_end_matches(':')
                .trim_end()
                .ends_with("Số")
                || before
                    .trim_end()
                    .trim_end_matches(':')
                    .trim_end()
                    .ends_with("số")
        })
        .or_else(|| {
            pats.code
                .find_iter(&text[..floor_char(text, HEAD.min(text.len()))])
                .next()
        })
    {
        meta.code = Some(m.as_str().into());
        meta.ranges.insert("code".into(), [m.start(), m.end()]);
    }

    // Date: a full date in the head, else the first full date, else a month.
    fn full<'t>(pats: &Patterns, hay: &'t str) -> Option<regex::Captures<'t>> {
        let a = pats.date_words.captures_iter(hay).next();
        let b = pats.date_full.captures_iter(hay).next();
        match (a, b) {
            (Some(a), Some(b)) => Some(if a.get(0).unwrap().start() <= b.get(0).unwrap().start() {
                a
            } else {
                b
            }),
            (a, b) => a.or(b),
        }
    }
    let head_full = full(pats, head);
    let first_day_month = {
        let lead = &text[..floor_char(text, HEAD.min(text.len()))];
        pats.day_month
            .captures_iter(lead)
            .find(|c| {
                let rest = &lead[c.get(0).unwrap().end()..];
                !(rest.starts_with('/')
                    || rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
            })
            .map(|c| c.get(0).unwrap().start())
    };
    // A day and month at the lead (`Ngày 9/6, ...`) comes before a full date cited later.
    let date = match (&head_full, first_day_month) {
        (Some(f), Some(dm)) if dm < f.get(0).unwrap().start() => None,
        _ => head_full.or_else(|| {
            if first_day_month.is_some() {
                None
            } else {
                full(pats, text)
            }
        }),
    };
    if let Some(c) = date {
        let (d, m, y) = (num(&c[1]), num(&c[2]), &c[3]);
        if (1..=31).contains(&d) && (1..=12).contains(&m) {
            let r = c.get(0).unwrap();
            meta.date = Some(format!("{y}-{m:02}-{d:02}"));
            meta.ranges.insert("date".into(), [r.start(), r.end()]);
        }
    }
    if meta.date.is_none() && first_day_month.is_none() {
        if let Some(c) = pats.month.captures_iter(text).next() {
            let m = num(&c[1]);
            if (1..=12).contains(&m) {
                let r = c.get(0).unwrap();
                meta.date = Some(format!("{}-{m:02}", &c[2]));
                meta.ranges.insert("date".into(), [r.start(), r.end()]);
            }
        }
    }

    // Period: the most specific one among the first few.
    let mut best: Option<(u8, usize, usize, String, String)> = None;
    for c in pats.period.captures_iter(text).take(12) {
        let r = c.get(0).unwrap();
        let (rank, key, shown_start) = if let Some(y) = c.name("hy") {
            let half = if c["hw"].to_lowercase() == "đầu" {
                "H1"
            } else {
                "H2"
            };
            (5, format!("{}-{half}", y.as_str()), r.start())
        } else if let Some(y) = c.name("ny") {
            (4, format!("{}-9M", y.as_str()), r.start())
        } else if let Some(y) = c.name("qy") {
            let q = match c["q"].to_uppercase().as_str() {
                "I" | "1" => 1,
                "II" | "2" => 2,
                "III" | "3" => 3,
                _ => 4,
            };
            (4, format!("{}-Q{q}", y.as_str()), r.start())
        } else if let Some(a) = c.name("t1") {
            (3, format!("{}-{}", a.as_str(), &c["t2"]), r.start())
        } else if let Some(y) = c.name("y") {
            // Only the `năm YYYY` at the end.
            let s = c.name("y").unwrap().start() - "năm ".len();
            (2, y.as_str().to_string(), s)
        } else {
            continue;
        };
        let shown = text[shown_start..r.end()].to_string();
        let head_bonus = if r.start() < HEAD { 10 } else { 0 };
        let rank = rank + head_bonus;
        if best.as_ref().is_none_or(|b| rank > b.0) {
            best = Some((rank, shown_start, r.end(), shown, key));
        }
    }
    if let Some((_, s, e, shown, key)) = best {
        meta.period = Some(shown);
        meta.period_key = Some(key);
        meta.ranges.insert("period".into(), [s, e]);
    }

    // A day and month without a year (`Ngày 9/7, ...` in news): the year of the period, else
    // the year the text names most.
    if meta.date.is_none() {
        let head = &text[..floor_char(text, HEAD.min(text.len()))];
        let hit = pats.day_month.captures_iter(head).find(|c| {
            let end = c.get(0).unwrap().end();
            let rest = &head[end..];
            !(rest.starts_with('/')
                || rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
        });
        if let Some(c) = hit {
            let (d, m) = (num(&c[1]), num(&c[2]));
            let year = meta
                .period_key
                .as_ref()
                .map(|k| k[..4].to_string())
                .or_else(|| {
                    let mut counts: HashMap<&str, usize> = HashMap::new();
                    for y in pats.year.find_iter(text) {
                        *counts.entry(y.as_str()).or_default() += 1;
                    }
                    counts
                        .into_iter()
                        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                        .map(|x| x.0.to_string())
                });
            if let (Some(y), true) = (year, (1..=31).contains(&d) && (1..=12).contains(&m)) {
                let r = c.get(0).unwrap();
                meta.date = Some(format!("{y}-{m:02}-{d:02}"));
                meta.ranges.insert("date".into(), [r.start(), r.end()]);
            }
        }
    }

    // Kind: from the title and the header lines.
    let (kind, range) = kind_of(text);
    meta.kind = Some(kind.into());
    if let Some(r) = range {
        meta.ranges.insert("kind".into(), r);
    }
    meta
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
    const KINDS: &[(&str, &str)] = &[
        ("nghi quyêt", "resolution"),
        ("chi thi", "directive"),
        ("kê hoach", "plan"),
        ("chương trinh hanh đông", "plan"),
        ("thông bao", "notice"),
        ("bao cao", "report"),
        ("phat biêu", "speech"),
        ("diên văn", "speech"),
    ];
    let mut pos = 0;
    for line in text.split_inclusive('\n').take(12) {
        let start = pos;
        pos += line.len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let f = fold(t);
        let all_caps = t
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
        let first = start == 0;
        for (k, kind) in KINDS {
            let hit = (f.starts_with(k) && (first || all_caps))
                || (first
                    && f.starts_with("quyêt đinh")
                    && (f.contains("kê hoach") || f.contains("đê an"))
                    && *kind == "plan");
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
    fn national_notice_with_code_and_date() {
        let t = "VĂN PHÒNG CHÍNH PHỦ\nSố: 634/TB-VPCP\nHà Nội, ngày 22 tháng 11 năm 2025\n\nTHÔNG BÁO\n\nKẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ\nThủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương thực hiện.";
        let m = extract(t);
        assert_eq!(m.level.as_deref(), Some("national"));
        assert_eq!(m.code.as_deref(), Some("634/TB-VPCP"));
        assert_eq!(m.date.as_deref(), Some("2025-11-22"));
        assert_eq!(m.kind.as_deref(), Some("notice"));
        assert_eq!(m.body.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(m.province, None);
        let r = m.ranges["code"];
        assert_eq!(&t[r[0]..r[1]], "634/TB-VPCP");
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
    fn empty_text_has_no_fields_but_kind() {
        let m = extract("");
        assert_eq!(m.level, None);
        assert_eq!(m.province, None);
        assert_eq!(m.kind.as_deref(), Some("news-report"));
    }
}

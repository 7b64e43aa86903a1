//! What a leader's page shows, shared by the Markdown, HTML and Word briefings: the key units
//! of each part, the headline indicators, the main tasks, and the reasons in Vietnamese.

use crate::output::{IndicatorOut, PickOut, Summary, TaskOut};
use crate::render::{number, signed_percent};

/// Key units per part on a leader's page.
pub const KEY_UNITS: usize = 3;
/// Indicators on a leader's page.
pub const HEADLINE_INDICATORS: usize = 6;
/// Tasks on a leader's page.
pub const MAIN_TASKS: usize = 5;

/// The three parts: key, Vietnamese title, `data-part` value.
pub const PARTS: [(&str, &str); 3] = [
    ("results", "Kết quả đạt được"),
    ("shortcomings", "Hạn chế, yếu kém"),
    ("directives", "Nhiệm vụ, chỉ đạo"),
];

/// The picks of each part, in the order of [`PARTS`], with their `data-part` value.
pub fn parts(s: &Summary) -> [(&'static str, &'static str, &[PickOut]); 3] {
    [
        ("result", PARTS[0].1, &s.results),
        ("shortcoming", PARTS[1].1, &s.shortcomings),
        ("directive", PARTS[2].1, &s.directives),
    ]
}

/// Longest text of one bullet on the Markdown leader's page, in characters.
pub const BULLET_CHARS: usize = 320;

/// A long unit shortened for a one-screen page: cut at the last `;` (else `,`, else space)
/// before `max` characters, past half of it, with ` …` after; a short unit is whole. The
/// whole text stays in the JSON record and in the HTML and Word briefings.
///
/// ```
/// use tomtat::brief::excerpt;
/// assert_eq!(excerpt("Thu ngân sách đạt 25,5 tỷ đồng.", 320), "Thu ngân sách đạt 25,5 tỷ đồng.");
/// assert_eq!(excerpt("a b; c d e f g", 10), "a b; c d …");
/// ```
pub fn excerpt(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let Some((limit, _)) = text.char_indices().nth(max) else {
        return text.into();
    };
    let head = &text[..limit];
    let half = head.char_indices().nth(max / 2).map_or(0, |(i, _)| i);
    let cut = [';', ',', ' ']
        .iter()
        .find_map(|&c| head.rfind(c).filter(|&i| i >= half))
        .unwrap_or(limit);
    let kept = head[..cut].trim_end_matches([';', ',', ' ']);
    format!("{kept} …").into()
}

/// A unit's text as the item of a bulleted list: without the source's own bullet (`- `,
/// `+ `, `• `), which the list draws again (`- - Tiếp tục ...` otherwise); a numbered
/// marker (`1.`, `a)`) says where the unit stands and stays.
///
/// ```
/// use tomtat::brief::bullet_text;
/// assert_eq!(bullet_text("- Tiếp tục rà soát."), "Tiếp tục rà soát.");
/// assert_eq!(bullet_text("2. Đẩy mạnh cải cách."), "2. Đẩy mạnh cải cách.");
/// assert_eq!(bullet_text("-5% so với cùng kỳ"), "-5% so với cùng kỳ");
/// ```
pub fn bullet_text(text: &str) -> &str {
    let t = text.trim_start();
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some('-' | '+' | '•' | '–' | '—' | '*' | '·' | '○' | '▪'), Some(c))
            if c.is_whitespace() =>
        {
            chars.as_str().trim_start()
        }
        _ => text,
    }
}

/// The lead's units as one line: a title's pieces and a subject going on in lower case are
/// joined by a space, other units by ` — ` where the one before ends without punctuation
/// (the title runs into the opening sentence otherwise).
///
/// ```
/// use tomtat::brief::lead_line;
/// let lead = ["THÔNG BÁO", "KẾT LUẬN CỦA BỘ CHÍNH TRỊ", "về nông nghiệp", "Ngày 10/4, Bộ Chính trị đã họp."];
/// assert_eq!(
///     lead_line(&lead),
///     "THÔNG BÁO KẾT LUẬN CỦA BỘ CHÍNH TRỊ về nông nghiệp — Ngày 10/4, Bộ Chính trị đã họp."
/// );
/// ```
pub fn lead_line<S: AsRef<str>>(units: &[S]) -> String {
    let mut out = String::new();
    for (i, u) in units.iter().map(AsRef::as_ref).enumerate() {
        if i > 0 {
            let prev = units[i - 1].as_ref().trim_end();
            let ended = prev.ends_with(['.', ':', ';', '!', '?', ',']);
            let goes_on = u.chars().next().is_some_and(char::is_lowercase)
                || (tomtat_text::all_capitals(prev) && tomtat_text::all_capitals(u));
            out.push_str(if ended || goes_on { " " } else { " — " });
        }
        out.push_str(u);
    }
    out
}

/// At most `n` key units of a part, in document order: the part's first pick (it opens the
/// part) and then the best scored.
pub fn key_picks(picks: &[PickOut], n: usize) -> Vec<&PickOut> {
    if picks.len() <= n {
        return picks.iter().collect();
    }
    let mut idx: Vec<usize> = (1..picks.len()).collect();
    idx.sort_by(|&a, &b| picks[b].score.total_cmp(&picks[a].score).then(a.cmp(&b)));
    let mut keep: Vec<usize> = std::iter::once(0)
        .chain(idx.into_iter().take(n.saturating_sub(1)))
        .collect();
    keep.sort_unstable();
    keep.into_iter().map(|i| &picks[i]).collect()
}

/// Whether an indicator's name says what is measured (not empty, not one function word).
pub fn named(i: &IndicatorOut) -> bool {
    let name = i.name.trim();
    !name.is_empty() && name.chars().any(char::is_alphabetic)
}

/// At most `n` headline indicators, in document order: named ones with a share of plan or
/// a change first.
pub fn headline_indicators(s: &Summary, n: usize) -> Vec<&IndicatorOut> {
    let weight = |i: &IndicatorOut| {
        let mut w = 0;
        if i.plan_percent.is_some() {
            w += 2;
        }
        if i.change_percent.is_some() {
            w += 2;
        }
        if i.name.split_whitespace().count() >= 2 {
            w += 1;
        }
        if i.unit.contains("đồng") {
            w += 1;
        }
        w
    };
    let mut idx: Vec<usize> = (0..s.indicators.len())
        .filter(|&k| named(&s.indicators[k]))
        .collect();
    idx.sort_by(|&a, &b| {
        weight(&s.indicators[b])
            .cmp(&weight(&s.indicators[a]))
            .then(a.cmp(&b))
    });
    idx.truncate(n);
    idx.sort_unstable();
    idx.into_iter().map(|k| &s.indicators[k]).collect()
}

/// At most `n` main tasks, in document order: those naming who acts first.
pub fn main_tasks(s: &Summary, n: usize) -> Vec<&TaskOut> {
    let mut idx: Vec<usize> = (0..s.tasks.len()).collect();
    idx.sort_by_key(|&k| (s.tasks[k].actor.is_none(), k));
    idx.truncate(n);
    idx.sort_unstable();
    idx.into_iter().map(|k| &s.tasks[k]).collect()
}

/// What a percentage is measured against, without the `so với`: `kế hoạch`, `cùng kỳ năm trước`.
pub fn basis(i: &IndicatorOut) -> String {
    let b = i.basis.as_deref().unwrap_or("").trim();
    let lower = b.to_lowercase();
    for p in ["so với ", "so "] {
        if lower.starts_with(p) {
            return b[p.len()..].trim().to_string();
        }
    }
    b.to_string()
}

/// The figure as written, with its qualifier (`trên 170.000 lượt khách`).
pub fn figure(i: &IndicatorOut) -> String {
    if i.raw.trim().is_empty() {
        format!("{} {}", number(i.value), i.unit).trim().to_string()
    } else {
        i.raw.clone()
    }
}

/// Share of plan and change, in words: `104,11% dự toán tỉnh giao; +5,1% so với cùng kỳ`.
pub fn comparison(i: &IndicatorOut) -> String {
    let b = basis(i);
    let mut out = Vec::new();
    if let Some(p) = i.plan_percent {
        let against = if i.change_percent.is_none() && !b.is_empty() {
            b.as_str()
        } else {
            "kế hoạch"
        };
        out.push(format!("{}% {against}", number(p)));
    }
    if let Some(c) = i.change_percent {
        let against = if b.is_empty() {
            "cùng kỳ"
        } else {
            b.as_str()
        };
        out.push(format!("{} so với {against}", signed_percent(c)));
    }
    out.join("; ")
}

/// Part names in Vietnamese, for reasons.
fn part_vi(p: &str) -> &str {
    match p.trim() {
        "result" => "kết quả",
        "shortcoming" => "hạn chế",
        "directive" => "chỉ đạo",
        "other" => "khác",
        other => other,
    }
}

/// One reason of the scorer, in Vietnamese (`centrality 0.74 (rank 3/11)` → `độ trung tâm
/// 0,74 (hạng 3/11)`); reasons it does not know are kept as written.
pub fn reason_vi(why: &str) -> String {
    let decimal = |s: &str| s.replace('.', ",");
    if let Some(rest) = why.strip_prefix("cue: ") {
        if let Some((phrase, part)) = rest.rsplit_once(" → ") {
            return format!("cụm từ “{phrase}” → {}", part_vi(part));
        }
        return format!("cụm từ “{rest}”");
    }
    if let Some(rest) = why.strip_prefix("main content: ") {
        return format!("nội dung chính: {rest}");
    }
    if let Some(rest) = why.strip_prefix("context: ") {
        return format!("ngữ cảnh: {}", decimal(rest));
    }
    if let Some(rest) = why.strip_prefix("figures: ") {
        return format!("số liệu: {rest}");
    }
    if let Some(rest) = why.strip_prefix("centrality ") {
        return format!("độ trung tâm {}", decimal(&rest.replace("rank", "hạng")));
    }
    if let Some(rest) = why.strip_prefix("lexrank ") {
        return format!("LexRank {}", decimal(&rest.replace("rank", "hạng")));
    }
    if let Some(rest) = why.strip_prefix("first ") {
        if let Some(p) = rest.strip_suffix(" unit") {
            return format!("câu {} đầu tiên", part_vi(p));
        }
    }
    if let Some(rest) = why.strip_prefix("opens a run of ") {
        if let Some(p) = rest.strip_suffix(" units") {
            return format!("mở đầu một đoạn {}", part_vi(p));
        }
    }
    if why == "neighbours: inside a run of the part" {
        return "nằm giữa một đoạn cùng phần".into();
    }
    why.to_string()
}

/// All reasons of a pick in Vietnamese, with its place and score.
pub fn reasons_vi(p: &PickOut) -> String {
    let mut v = vec![format!(
        "câu {}, byte {}–{}, điểm {}",
        p.unit,
        p.start,
        p.end,
        format!("{:.2}", p.score).replace('.', ",")
    )];
    v.extend(p.why.iter().map(|w| reason_vi(w)));
    v.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(unit: usize, score: f32) -> PickOut {
        PickOut {
            text: format!("u{unit}"),
            start: 0,
            end: 0,
            unit,
            score,
            why: vec![],
        }
    }

    proptest::proptest! {
        /// A bullet is dropped at most once, and only from the front: the text is a tail of
        /// the unit's, and a text without a leading bullet comes back whole.
        #[test]
        fn bullet_text_is_a_tail_of_the_unit(t in "[-+•* ]{0,3}[a-zđ0-9 .:-]{0,20}") {
            let b = bullet_text(&t);
            proptest::prop_assert!(t.ends_with(b));
            if !t.trim_start().starts_with(['-', '+', '•', '*']) {
                proptest::prop_assert_eq!(b, t.as_str());
            }
        }
    }

    #[test]
    fn key_picks_keep_the_first_and_the_best_in_order() {
        let picks = vec![pick(1, 0.1), pick(4, 0.9), pick(7, 0.2), pick(9, 0.8)];
        let k: Vec<usize> = key_picks(&picks, 3).iter().map(|p| p.unit).collect();
        assert_eq!(k, vec![1, 4, 9]);
        assert_eq!(key_picks(&picks[..2], 3).len(), 2);
    }

    #[test]
    fn reasons_are_in_vietnamese() {
        assert_eq!(
            reason_vi("cue: đã đạt được → result"),
            "cụm từ “đã đạt được” → kết quả"
        );
        assert_eq!(
            reason_vi("centrality 0.74 (rank 3/11)"),
            "độ trung tâm 0,74 (hạng 3/11)"
        );
        assert_eq!(reason_vi("first result unit"), "câu kết quả đầu tiên");
        assert_eq!(reason_vi("figures: 2"), "số liệu: 2");
        assert_eq!(
            reason_vi("main content: doanh nghiệp"),
            "nội dung chính: doanh nghiệp"
        );
    }
}

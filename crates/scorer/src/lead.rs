//! The lead of a briefing: the one to three units that say who met or issued the
//! document, when and for what, and what was adopted.
//!
//! Among the first units of the document (the first eighth, at least 12, at most 40)
//! it takes, in document order:
//! - the **title** of an official document (`Nghị quyết về ...`, `Chỉ thị về ...`,
//!   `Thông báo kết luận ...`), or a letter's subject line (`V/v thành lập Mạng lưới quan
//!   trắc ...`), when the first lines hold one;
//! - the **occasion**: the first unit (among the first six, or later when it also says
//!   what was adopted) that names a meeting, a working session or an issuing body with a
//!   date or a meeting word (`Ngày 22/6, Tỉnh ủy tổ chức Hội nghị
//!   ...`, `Tại kỳ họp thứ 13 ...`), or the letter a reply answers (`Trả lời công văn số
//!   ... của Công ty ...`, one of the `references`), or the request line that names who
//!   decides (`Xét Tờ trình ..., Phó Thủ tướng Chính phủ ... có ý kiến như sau:`);
//! - the **decision**: the first unit that says what was adopted or issued
//!   (`thông qua 02 dự thảo ...`, `ban hành Nghị quyết`, `Quyết nghị`, `nhất trí`).
//!
//! Letterhead, recipient, legal-basis and signature lines (`Kính gửi`, `Căn cứ`,
//! `Số: ...`, `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`) are never taken. When nothing matches
//! and the document has a unit of eight words or more, the first such unit is the lead.

use crate::lex::{FirstWords, Phrases};
use crate::model::{has_at, words};
use crate::parts::Analysis;

/// The names of official documents: a title opens with one (`Nghị quyết về ...`).
pub(crate) const DOCUMENT_NAMES: &[&str] = &[
    "nghị quyết",
    "chỉ thị",
    "kế hoạch",
    "thông báo",
    "kết luận",
    "báo cáo",
    "quyết định",
    "chương trình",
    "đề án",
    "thông tư",
    "công văn",
    "công điện",
    "nghị định",
    "tờ trình",
    "thông tri",
    "quy chế",
];

/// A meeting, a working session or an event with its organiser.
const OCCASION: &[&str] = &[
    "hội nghị",
    "kỳ họp",
    "cuộc họp",
    "phiên họp",
    "họp",
    "buổi làm việc",
    "làm việc với",
    "làm việc tại",
    "đại hội",
    "tổ chức hội nghị",
    "chủ trì",
    "hội thảo",
    "tọa đàm",
    "tổng kết",
    "sơ kết",
    "giao ban",
];

/// What was adopted or issued.
const DECISION: &[&str] = &[
    "thông qua",
    "ban hành",
    "quyết nghị",
    "nhất trí",
    "biểu quyết",
    "phê duyệt",
];

/// Lines that are never a lead.
const FURNITURE: &[&str] = &[
    "kính gửi",
    "căn cứ",
    "cộng hòa xã hội chủ nghĩa",
    "cộng hoà xã hội chủ nghĩa",
    "độc lập tự do hạnh phúc",
    "nơi nhận",
    "số",
    "ảnh",
    "tm",
    "kt",
    "sau khi xem xét",
    "xét đề nghị",
    "xét tờ trình",
];

/// The lists of this module indexed by first word (a phrase matches only where its first
/// word is).
struct Lists {
    title: Phrases,
    occasion: Phrases,
    decision: Phrases,
    furniture: Phrases,
    /// The first words of `decision` ([`DECIDES`]) and `occasion` ([`MEETS`]).
    first: FirstWords,
}

/// Bits of [`Lists::first`].
const DECIDES: u32 = 1;
const MEETS: u32 = 2;

fn lists() -> &'static Lists {
    static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| {
        let (occasion, decision) = (Phrases::new(OCCASION), Phrases::new(DECISION));
        let first = FirstWords::new(&[(&decision, DECIDES), (&occasion, MEETS)]);
        Lists {
            title: Phrases::new(DOCUMENT_NAMES),
            occasion,
            decision,
            furniture: Phrases::new(FURNITURE),
            first,
        }
    })
}

/// Whether a phrase of `list` starts at word `i`.
pub(crate) fn any_at(w: &[&str], i: usize, list: &Phrases) -> bool {
    w.get(i)
        .is_some_and(|k| list.candidates(k).iter().any(|p| has_at(w, i, p)))
}

/// Whether the words `w` say what was adopted (a phrase of `decision` not after `được`)
/// and whether they name a meeting (a phrase of `occasion`): one look at each word's first
/// words.
fn decides_meets(w: &[&str], l: &Lists) -> (bool, bool) {
    let (mut decides, mut meets) = (false, false);
    for (j, k) in w.iter().enumerate() {
        let bits = l.first.of(k);
        if bits == 0 {
            continue;
        }
        decides = decides
            || (bits & DECIDES != 0 && (j == 0 || w[j - 1] != "được") && any_at(w, j, &l.decision));
        meets = meets || (bits & MEETS != 0 && any_at(w, j, &l.occasion));
        if decides && meets {
            break;
        }
    }
    (decides, meets)
}

/// The lead of a document, and which of its units are the title.
pub(crate) struct Lead {
    /// Indices of the lead units, in document order (empty for an empty document).
    pub units: Vec<usize>,
    /// The title line and the subject line(s) under it: they name the document, they are not
    /// its content (`other` in the annotation guidelines), so no part or task is read from
    /// them.
    pub title: [Option<usize>; 3],
}

/// The lead units among `an` (units not `valid` are passed over; `references` are the
/// letter references, which may be the occasion).
pub(crate) fn lead(text: &str, an: &[Analysis], valid: &[bool], references: &[usize]) -> Lead {
    let n = an.len();
    let l = lists();
    let window = (n / 8).clamp(12, 40).min(n);
    let mut title = None;
    // the subject line under a title line that is the document's name alone (`THÔNG BÁO` /
    // `VỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ`)
    let mut subject = None;
    let mut occasion = None;
    let mut decision = None;
    let mut fallback = None;
    // units read so far that are not letterhead: the window counts only these
    let mut seen = 0usize;
    let mut body_started = false;
    // unit `i + 1`, when it can be the subject line of a title at `i`
    let subject_after =
        |i: usize| (an.get(i + 1).is_some_and(is_subject) && valid[i + 1]).then_some(i + 1);
    for i in 0..n {
        if seen >= window {
            break;
        }
        if !valid[i] {
            continue;
        }
        let a = &an[i];
        let w = words(a);
        let skip = a.words_before_skip();
        // still in the letterhead: no line of eight words or more read yet
        let early = i < 6 || !body_started;
        if title.is_none() && early && is_bare_title(&w, skip, l) {
            // taken with its subject only: the document's name alone says little
            if let Some(s) = subject_after(i) {
                title = Some(i);
                subject = Some(s);
            }
            continue;
        }
        if w.len() < 3 || subject == Some(i) {
            continue;
        }
        if title.is_none() && early && is_letter_subject(text, a) {
            title = Some(i);
            continue;
        }
        if occasion.is_none() && references.contains(&i) {
            occasion = Some(i);
            continue;
        }
        if any_at(&w, skip, &l.furniture) || a.form.contains(&"form: caption or byline") {
            continue;
        }
        seen += 1;
        body_started |= w.len() >= 8;
        // a title: one of the first lines, opening with the document's name, not a sentence
        if title.is_none() && early && a.terminal != Some(".") && any_at(&w, skip, &l.title) {
            title = Some(i);
            // `Nghị định số 69/2010/NĐ-CP` / `Về an toàn sinh học ...`: its subject line
            subject = subject_after(i).filter(|&s| an[s].lead_word(0) == Some("về"));
            continue;
        }
        let heading = a.heading.is_some();
        let (decides, meets) = decides_meets(&w, l);
        if occasion.is_none() && !heading && !a.numbered && w.len() >= 6 {
            let dated = a.form.contains(&"form: opens with a date");
            // early, or later when it also says what the meeting adopted
            if (seen <= 6 && (meets || (dated && i < 4))) || (meets && decides) {
                occasion = Some(i);
                if decides {
                    decision = Some(i);
                }
                continue;
            }
        }
        // `Điều 1: Nhất trí thông qua ...`, or close after the occasion or the title
        let near = [occasion, title].into_iter().flatten().any(|k| i <= k + 4);
        let article = has_at(&w, skip, "điều 1");
        if decision.is_none() && !heading && w.len() >= 5 && decides && (near || article) {
            decision = Some(i);
            continue;
        }
        if fallback.is_none() && !heading && w.len() >= 8 {
            fallback = Some(i);
        }
    }
    // a subject broken over two lines (`KẾT LUẬN CỦA BỘ CHÍNH TRỊ` / `về tình hình thực
    // hiện Nghị quyết ...`): both lines lead, in place of the document's name alone
    let subject_more = subject
        .and_then(subject_after)
        .filter(|&s| an[s].lead_word(0) == Some("về") && an[s].terminal != Some("."));
    let bare = subject_more.and(title);
    let mut out: Vec<usize> = [title, subject, subject_more, occasion, decision]
        .into_iter()
        .flatten()
        .filter(|&i| Some(i) != bare)
        .collect();
    out.sort_unstable();
    out.dedup();
    out.truncate(3);
    if out.is_empty() {
        out.extend(fallback);
    }
    Lead {
        units: out,
        title: [title, subject, subject_more],
    }
}

/// A title line that is the document's name alone (`THÔNG BÁO`, `Quyết định`), after the
/// `skip` words of its marker.
fn is_bare_title(w: &[&str], skip: usize, l: &Lists) -> bool {
    let rest = w.get(skip..).unwrap_or_default();
    rest.first().is_some_and(|k| {
        (l.title.candidates(k).iter())
            .any(|t| t.split(' ').count() == rest.len() && has_at(rest, 0, t))
    })
}

/// The subject line under a bare title line (`VỀ VIỆC ...`, `KẾT LUẬN CỦA THỦ TƯỚNG ...`):
/// the next unit, when it is short enough to be one.
fn is_subject(a: &Analysis) -> bool {
    (2..=60).contains(&a.nwords)
}

/// A letter's subject line: `V/v thành lập Mạng lưới quan trắc ...` (the abbreviation of
/// `Về việc`, one token).
fn is_letter_subject(text: &str, a: &Analysis) -> bool {
    a.toks
        .first()
        .and_then(|t| text.get(t.start..t.end))
        .is_some_and(|k| k.eq_ignore_ascii_case("v/v"))
}

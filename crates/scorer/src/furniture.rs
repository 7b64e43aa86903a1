//! Document furniture: units that carry no content of their own.
//!
//! - **Address blocks**: the recipients listed under `Kính gửi:`, under a telegram's
//!   `THỦ TƯỚNG CHÍNH PHỦ điện:` or under `Nơi nhận:`: no part, task or lead is read from
//!   them (the annotation guidelines label them `other`).
//! - **Task attributes**: the lines of a plan's task table that only name who leads, who
//!   helps or when (`- Đơn vị chủ trì: Sở Khoa học và Công nghệ.`, `- Thời gian thực
//!   hiện: Năm 2026.`): they keep their part (a directive's, by the guidelines) but are
//!   never key; the task itself is the line before.
//! - **Legal basis and requests of a preamble**: `Căn cứ Luật ...;`, `Căn cứ khoản 3 Điều
//!   18 Thông tư ...`, `Xét đề nghị của ...`, `Xét báo cáo và đề xuất của ...`: no part, task
//!   or lead either (`other` in the guidelines, never key).
//! - **An effect clause**: `Chỉ thị này có hiệu lực thi hành sau 10 ngày, kể từ ngày ký
//!   ban hành.`: no task.
//! - **Bare labels**: a unit that is only its marker (`Điều 1.`, `II.`, `a)`), whose text
//!   a flattened PDF put on the next line: no part, task or lead.
//! - **A letter's reference and its closing formula**: `Trả lời công văn số ... của ...`,
//!   `Cục Thuế nhận được công văn số ... về ...` (no part or task, but a lead: it says what
//!   the letter answers) and `Văn phòng Chính phủ thông báo để ... biết, thực hiện./.`,
//!   `Cục Thuế trả lời để ... được biết.` (no part, task or lead).

use crate::lex::Tk;
use crate::model::{has_at, words};
use crate::parts::Analysis;

/// Labels of a task's attribute lines.
const ATTRIBUTES: &[&str] = &[
    "đơn vị chủ trì",
    "đơn vị phối hợp",
    "cơ quan chủ trì",
    "cơ quan phối hợp",
    "thời gian thực hiện",
    "thời gian hoàn thành",
    "thời hạn hoàn thành",
];

/// What a preamble's request line opens with: the request or report the document answers.
const REQUESTS: &[&str] = &[
    "xét đề nghị",
    "xét đề xuất",
    "xét tờ trình",
    "xét báo cáo",
    "xét văn bản",
    "xét kiến nghị",
    "theo đề nghị",
    "sau khi xem xét",
];

/// Legal-basis lines (`Căn cứ` and a document's name, or an article, clause or point of
/// one) and request lines (`Xét đề nghị`, `Theo đề nghị`, `Xét tờ trình`).
pub(crate) fn basis_units(an: &[Analysis]) -> impl Iterator<Item = usize> + '_ {
    an.iter().enumerate().filter_map(|(i, a)| {
        let first = a.lead_word(0)?;
        if !matches!(
            (first, a.lead_word(1)?),
            ("căn", "cứ")
                | ("xét", "đề" | "tờ" | "báo" | "văn" | "kiến")
                | ("theo", "đề")
                | ("sau", "khi")
        ) {
            return None;
        }
        let w = words(a);
        let s = a.words_before_skip();
        let named = |j: usize| {
            crate::tasks::document_name_at(&w, j)
                || matches!(w.get(j), Some(&("khoản" | "điều" | "điểm")))
        };
        let basis = has_at(&w, s, "căn cứ") && named(s + 2);
        let request = is_request(&w, s) && !names_decider(&w);
        (basis || request).then_some(i)
    })
}

/// Whether words `w` open a request line at word `s` ([`REQUESTS`]).
fn is_request(w: &[&str], s: usize) -> bool {
    REQUESTS.iter().any(|r| has_at(w, s, r))
}

/// What a request line ends with when it names who decides (`Xét Tờ trình số 226/TTr-BKHCN
/// ..., Phó Thủ tướng Chính phủ Nguyễn Chí Dũng có ý kiến như sau:`): then it says who
/// gave the letter's opinion, and it may be the lead.
const DECIDES: &[&str] = &["ý kiến", "chỉ đạo", "kết luận", "quyết định"];

/// Whether the unit's words end with a decider's verb and `như sau`.
fn names_decider(w: &[&str]) -> bool {
    let n = w.len();
    n >= 4 && has_at(w, n - 2, "như sau") && DECIDES.iter().any(|d| has_at(w, n - 4, d))
}

/// Lines that frame what follows as someone's opinion or conclusions (`Để hoàn thành ...,
/// Chủ tịch Ủy ban nhân dân Thành phố có ý kiến chỉ đạo như sau:`, `Xét Tờ trình ..., Phó
/// Thủ tướng ... có ý kiến như sau:`): the tasks are the items under them, not the line.
pub(crate) fn framing_units(an: &[Analysis]) -> impl Iterator<Item = usize> + '_ {
    (an.iter().enumerate())
        .filter(|(_, a)| a.terminal == Some(":") && a.nwords <= 80 && names_decider(&words(a)))
        .map(|(i, _)| i)
}

/// Request lines that name who decides (`Xét Tờ trình ..., Phó Thủ tướng ... có ý kiến
/// như sau:`): no part or task, but the lead may take them.
pub(crate) fn decider_units(an: &[Analysis]) -> impl Iterator<Item = usize> + '_ {
    an.iter().enumerate().filter_map(|(i, a)| {
        let first = a.lead_word(0)?;
        if !matches!(first, "xét" | "theo" | "sau") {
            return None;
        }
        let w = words(a);
        let s = a.words_before_skip();
        (is_request(&w, s) && names_decider(&w)).then_some(i)
    })
}

/// The units of an address block: its opening line (`Kính gửi: Bộ trưởng Bộ Xây dựng.`,
/// `Nơi nhận:`, a telegram's `THỦ TƯỚNG CHÍNH PHỦ điện:`) and the recipients listed under
/// it (`- Các Bộ: ...;`, `(Địa chỉ: ...)`) up to the first unit that is not such an item;
/// under an opening line that ends at its colon, the next unit is a recipient even
/// without a dash (`Kính gửi:` / `Chủ tịch Ủy ban nhân dân các tỉnh: ...`). They name whom
/// the document goes to, not what it says: no part, task or lead is read from them.
pub(crate) fn address_units(text: &str, an: &[Analysis]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut open = false;
    // the previous unit opened a block and ended at its colon
    let mut bare_opening = false;
    for (i, a) in an.iter().enumerate() {
        let first = a.toks.first().map(|t| (t.kind, &text[t.start..t.end]));
        let last = a.toks.last().map(|t| &text[t.start..t.end]);
        let item = matches!(first, Some((Tk::Punct, "-" | "–" | "+" | "•")))
            || (matches!(first, Some((Tk::Punct, "("))) && last == Some(")"));
        if open && (item || std::mem::take(&mut bare_opening)) {
            out.push(i);
            continue;
        }
        let may_open =
            matches!(a.lead_word(0), Some("kính" | "nơi")) || (a.terminal == Some(":") && i < 12);
        open = may_open && {
            let w = words(a);
            let opening = has_at(&w, 0, "kính gửi") || has_at(&w, 0, "nơi nhận");
            bare_opening = opening && w.len() == 2 && a.terminal == Some(":");
            opening || (a.terminal == Some(":") && w.last() == Some(&"điện"))
        };
        if open {
            out.push(i);
        }
    }
    out
}

/// Task attribute lines: a label of [`ATTRIBUTES`] and a colon after the marker, and a
/// short value (a body, a date).
pub(crate) fn attribute_units<'a>(
    text: &'a str,
    an: &'a [Analysis],
) -> impl Iterator<Item = usize> + 'a {
    an.iter().enumerate().filter_map(|(i, a)| {
        let first = a.lead_word(0)?;
        let second = a.lead_word(1)?;
        let opens = matches!(
            (first, second),
            ("đơn", "vị") | ("cơ", "quan") | ("thời", "gian" | "hạn")
        );
        if !opens || a.nwords > 24 {
            return None;
        }
        let w = words(a);
        let skip = a.words_before_skip();
        let label = ATTRIBUTES.iter().find(|p| has_at(&w, skip, p))?;
        // the unit's first colon comes right after the label, and not at its end
        let colon = a.toks.iter().position(|t| &text[t.start..t.end] == ":")?;
        let before = a.toks[..colon]
            .iter()
            .filter(|t| t.kind == Tk::Word)
            .count();
        (before == skip + label.split(' ').count() && a.terminal != Some(":")).then_some(i)
    })
}

/// What a letter's closing formula says it does before `để`: `thông báo để ... biết`.
const CLOSING_VERBS: &[&str] = &["thông báo", "trả lời", "có ý kiến", "hướng dẫn"];

/// A letter's closing formula: a short unit that says the body informs, answers or gives
/// its opinion so that the recipients know (`Văn phòng Chính phủ xin thông báo để các bộ,
/// ngành ... biết, thực hiện./.`, `Cục Thuế trả lời để Thuế tỉnh Gia Lai được biết.`).
/// The guidelines label it `other`: it carries no content of its own.
pub(crate) fn closing_units(an: &[Analysis]) -> impl Iterator<Item = usize> + '_ {
    an.iter().enumerate().filter_map(|(i, a)| {
        if a.nwords > 40 {
            return None;
        }
        let w = words(a);
        let to = w.iter().position(|&k| k == "để")?;
        let said = CLOSING_VERBS.iter().any(|v| {
            let n = v.split(' ').count();
            to >= n && has_at(&w, to - n, v)
        });
        (said && w[to..].contains(&"biết")).then_some(i)
    })
}

/// A letter's reference to what it answers: `Trả lời công văn số 107/2025 ... của Công ty
/// ...`, `Cục Thuế nhận được công văn số 286/GLA-CNTK ... của Thuế tỉnh Gia Lai về ...`
/// (a numbered document, or a question, after `trả lời` at the start or after `nhận được`
/// among the first six words; not `Khi nhận được quyết định giao rừng, ...`). No part or
/// task is read from it; it may be the lead.
pub(crate) fn reference_units(an: &[Analysis]) -> impl Iterator<Item = usize> + '_ {
    an.iter().enumerate().filter_map(|(i, a)| {
        let w = words(a);
        let s = a.words_before_skip();
        let numbered = |j: usize| w.iter().skip(j + 1).take(3).any(|&k| k == "số");
        let names = |j: usize| {
            (crate::tasks::document_name_at(&w, j) && numbered(j)) || has_at(&w, j, "câu hỏi")
        };
        let answers = has_at(&w, s, "trả lời") && names(s + 2);
        let received =
            (s..(s + 6).min(w.len())).any(|j| has_at(&w, j, "nhận được") && names(j + 2));
        (answers || received).then_some(i)
    })
}

/// Units that are only a list or article marker (`Điều 1.`, `Chương II`, `II.`, `a)`): no
/// word after the marker.
pub(crate) fn bare_label_units(an: &[Analysis]) -> impl Iterator<Item = usize> + '_ {
    let article = |a: &Analysis| {
        a.nwords == 1
            && a.toks.len() <= 3
            && matches!(a.lead_word(0), Some("điều" | "chương" | "mục" | "phần"))
            && a.toks.get(1).is_some_and(|t| t.kind != Tk::Punct)
    };
    (an.iter().enumerate())
        .filter(move |(_, a)| (a.numbered && a.nwords <= a.words_before_skip()) || article(a))
        .map(|(i, _)| i)
}

/// Effect clauses: a document's name and `này` open the unit, which says when it takes
/// effect (`Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.`).
pub(crate) fn effect_units(an: &[Analysis]) -> impl Iterator<Item = usize> + '_ {
    an.iter().enumerate().filter_map(|(i, a)| {
        if a.nwords > 30 {
            return None;
        }
        let w = words(a);
        let s = a.words_before_skip();
        let this = (s + 1..(s + 4).min(w.len())).find(|&j| w[j] == "này")?;
        let named = crate::tasks::document_name_at(&w, s);
        let effect = (this..w.len()).any(|j| has_at(&w, j, "có hiệu lực"));
        (named && effect).then_some(i)
    })
}

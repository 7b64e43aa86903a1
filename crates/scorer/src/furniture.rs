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
//!   18 Thông tư ...`, `Xét đề nghị của ...`: no part, task or lead either (`other` in the
//!   guidelines, never key).

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

/// Legal-basis lines (`Căn cứ` and a document's name, or an article, clause or point of
/// one) and request lines (`Xét đề nghị`, `Theo đề nghị`, `Xét tờ trình`).
pub(crate) fn basis_units(an: &[Analysis]) -> impl Iterator<Item = usize> + '_ {
    an.iter().enumerate().filter_map(|(i, a)| {
        let first = a.lead_word(0)?;
        if !matches!(
            (first, a.lead_word(1)?),
            ("căn", "cứ") | ("xét" | "theo", "đề" | "tờ")
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
        let request = has_at(&w, s, "xét đề nghị")
            || has_at(&w, s, "theo đề nghị")
            || has_at(&w, s, "xét tờ trình");
        (basis || request).then_some(i)
    })
}

/// The units of an address block: the recipients listed under `Kính gửi:`, under a
/// telegram's `THỦ TƯỚNG CHÍNH PHỦ điện:` or under `Nơi nhận:` (`- Các Bộ: ...;`,
/// `(Địa chỉ: ...)`), up to the first unit that is not such an item. They name whom the
/// document goes to, not what it says: no part, task or lead is read from them.
pub(crate) fn address_units(text: &str, an: &[Analysis]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut open = false;
    for (i, a) in an.iter().enumerate() {
        let first = a.toks.first().map(|t| (t.kind, &text[t.start..t.end]));
        let last = a.toks.last().map(|t| &text[t.start..t.end]);
        let item = matches!(first, Some((Tk::Punct, "-" | "–" | "+" | "•")))
            || (matches!(first, Some((Tk::Punct, "("))) && last == Some(")"));
        if open && item {
            out.push(i);
            continue;
        }
        let may_open =
            matches!(a.lead_word(0), Some("kính" | "nơi")) || (a.terminal == Some(":") && i < 12);
        open = may_open && {
            let w = words(a);
            has_at(&w, 0, "kính gửi")
                || has_at(&w, 0, "nơi nhận")
                || (a.terminal == Some(":") && w.last() == Some(&"điện"))
        };
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

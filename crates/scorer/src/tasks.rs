//! Tasks: the clauses of directive units, with who must act where stated.

use tomtat_splitter::Unit;

use crate::lex::{Keyed, Tk, Tok};
use crate::Task;

/// Words after which the actor is named (`yêu cầu các cấp ủy ...`).
const ASK: &[&str] = &[
    "yêu cầu",
    "đề nghị",
    "giao",
    "chỉ đạo",
    "kêu gọi",
    "mong muốn",
];
/// Words before which the actor is named (`các địa phương cần ...`).
const MODAL: &[&str] = &[
    "cần phải",
    "cần",
    "phải",
    "sẽ",
    "tập trung",
    "tiếp tục",
    "chủ động",
    "khẩn trương",
];
/// Leading connectors dropped from a task.
const LEAD: &[&str] = &[
    "đồng thời",
    "bên cạnh đó",
    "ngoài ra",
    "trong đó",
    "theo đó",
    "từ đó",
    "qua đó",
    "cùng với đó",
    "thứ nhất là",
    "thứ hai là",
    "thứ ba là",
    "thứ nhất",
    "thứ hai",
    "thứ ba",
    "đặc biệt là",
    "đặc biệt",
    "trước hết",
    "và",
    "nhất là",
    "là",
];
/// Words that cannot start an actor phrase.
const NOT_ACTOR: &[&str] = &[
    "thời", "trong", "để", "khi", "với", "đây", "nhằm", "tuy", "nhưng", "đồng",
];

struct Clause {
    toks: Vec<Tok>,
    keys: Keyed,
}

impl Clause {
    fn words_at(&self, i: usize, phrase: &str) -> Option<usize> {
        crate::lex::phrase_at(&self.keys, &self.toks, i, phrase)
    }
    fn any_at(&self, i: usize, list: &[&str]) -> Option<usize> {
        list.iter().filter_map(|p| self.words_at(i, p)).max()
    }
    fn key(&self, i: usize) -> &str {
        self.keys.key(i)
    }
}

/// Clause ranges of a unit: the splitter's, else `;`-separated pieces.
fn clause_ranges(text: &str, unit: &Unit) -> Vec<(usize, usize)> {
    if !unit.clauses.is_empty() {
        return unit.clauses.iter().map(|c| (c.start, c.end)).collect();
    }
    let mut out = Vec::new();
    let mut s = unit.start;
    for (i, b) in text[unit.start..unit.end].bytes().enumerate() {
        if b == b';' {
            out.push((s, unit.start + i));
            s = unit.start + i + 1;
        }
    }
    out.push((s, unit.end));
    out
}

/// Tasks of a directive unit.
pub(crate) fn extract(text: &str, unit: &Unit, index: usize, out: &mut Vec<Task>) {
    let mut actor: Option<String> = None;
    for (cs, ce) in clause_ranges(text, unit) {
        if cs >= ce || ce > text.len() || !text.is_char_boundary(cs) || !text.is_char_boundary(ce) {
            continue;
        }
        let mut toks = Vec::new();
        crate::lex::lex(text, cs, ce, &mut toks);
        let keys = Keyed::new(text, &toks);
        let c = Clause { toks, keys };
        let n = c.toks.len();
        // the task starts after the last request verb or modal that names an actor
        let mut begin = 0;
        let mut found_actor = None;
        for i in 0..n {
            if let Some(e) = c.any_at(i, ASK) {
                // actor: the words after the request verb up to a modal, a comma or 12 words
                let mut j = e;
                while j < n
                    && c.toks[j].kind == Tk::Punct
                    && matches!(&text[c.toks[j].start..c.toks[j].end], ":" | ",")
                {
                    j += 1;
                }
                let a0 = j;
                let mut k = j;
                let mut modal = None;
                while k < n && k - a0 < 18 {
                    if let Some(m) = c.any_at(k, MODAL) {
                        modal = Some(m);
                        break;
                    }
                    let t = c.toks[k];
                    if t.kind == Tk::Punct && &text[t.start..t.end] != "," {
                        break;
                    }
                    k += 1;
                }
                let mut ke = k;
                while ke > a0 && c.toks[ke - 1].kind == Tk::Punct {
                    ke -= 1;
                }
                match modal {
                    Some(m) if ke > a0 => {
                        found_actor = Some(text[c.toks[a0].start..c.toks[ke - 1].end].to_string());
                        let keep = c.words_at(k, "tập trung").is_some()
                            || c.words_at(k, "tiếp tục").is_some()
                            || c.words_at(k, "chủ động").is_some()
                            || c.words_at(k, "khẩn trương").is_some();
                        begin = if keep { k } else { m };
                    }
                    _ => begin = a0,
                }
                break;
            }
        }
        if found_actor.is_none() {
            // `X cần ...`: the actor is the words (and commas) before the modal
            for i in 1..n.min(24) {
                let Some(e) = c.any_at(i, &MODAL[..4]) else {
                    continue;
                };
                let mut a0 = i;
                while a0 > 0
                    && (c.toks[a0 - 1].kind == Tk::Word
                        || (c.toks[a0 - 1].kind == Tk::Punct
                            && &text[c.toks[a0 - 1].start..c.toks[a0 - 1].end] == ","))
                {
                    a0 -= 1;
                }
                // drop leading comma-separated pieces that are not the actor
                // (`Thời gian tới, tỉnh cần`, `Đồng thời, các ngành cần`)
                loop {
                    while a0 < i && c.toks[a0].kind == Tk::Punct {
                        a0 += 1;
                    }
                    let lead_piece = a0 < i
                        && (NOT_ACTOR.contains(&c.key(a0))
                            || c.any_at(a0, LEAD).is_some()
                            || c.toks[a0].kind != Tk::Word);
                    let next_comma = (a0..i).find(|&k| c.toks[k].kind == Tk::Punct);
                    match next_comma {
                        Some(k) if lead_piece => a0 = k + 1,
                        _ => break,
                    }
                }
                if a0 < i
                    && c.toks[a0].kind == Tk::Word
                    && !NOT_ACTOR.contains(&c.key(a0))
                    && c.any_at(a0, LEAD).is_none()
                    && c.toks[a0..i].iter().filter(|t| t.kind == Tk::Word).count() <= 14
                {
                    found_actor = Some(text[c.toks[a0].start..c.toks[i - 1].end].to_string());
                    begin = e;
                }
                break;
            }
        }
        if found_actor.is_some() {
            actor = found_actor;
        }
        // drop leading connectors and markers (`-`, `1.`, `a)`, `II-`)
        let mut b = begin;
        loop {
            while b < n && c.toks[b].kind == Tk::Punct {
                b += 1;
            }
            if b + 1 < n
                && c.toks[b + 1].kind == Tk::Punct
                && matches!(
                    &text[c.toks[b + 1].start..c.toks[b + 1].end],
                    "." | ")" | "-"
                )
                && (c.toks[b].kind == Tk::Number
                    || (c.toks[b].kind == Tk::Word && c.toks[b].end - c.toks[b].start <= 3))
                && c.toks[b].end - c.toks[b].start <= 4
            {
                b += 2;
                continue;
            }
            match c.any_at(b, LEAD) {
                Some(e) => b = e,
                None => break,
            }
        }
        let mut e = n;
        while e > b
            && c.toks[e - 1].kind == Tk::Punct
            && !matches!(
                &text[c.toks[e - 1].start..c.toks[e - 1].end],
                ")" | "\"" | "”"
            )
        {
            e -= 1;
        }
        if e <= b {
            continue;
        }
        let words = c.toks[b..e].iter().filter(|t| t.kind == Tk::Word).count();
        if words < 3 {
            continue;
        }
        let (start, end) = (c.toks[b].start, c.toks[e - 1].end);
        out.push(Task {
            unit: index,
            text: text[start..end].to_string(),
            start,
            end,
            actor: actor.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tomtat_splitter::UnitKind;

    fn run(s: &str) -> Vec<Task> {
        let unit = Unit {
            kind: UnitKind::Sentence,
            start: 0,
            end: s.len(),
            clauses: Vec::new(),
        };
        let mut out = Vec::new();
        extract(s, &unit, 0, &mut out);
        out
    }

    #[test]
    fn actor_after_request() {
        let v = run("Đồng thời, đồng chí yêu cầu các địa phương, cơ quan, đơn vị trong huyện cần nâng cao hiệu quả quản lý; tăng cường trách nhiệm; đẩy nhanh tiến độ giải phóng mặt bằng, thi công các dự án trọng điểm trên địa bàn.");
        assert_eq!(v.len(), 3, "{v:#?}");
        assert_eq!(
            v[0].actor.as_deref(),
            Some("các địa phương, cơ quan, đơn vị trong huyện")
        );
        assert_eq!(
            v[2].text,
            "đẩy nhanh tiến độ giải phóng mặt bằng, thi công các dự án trọng điểm trên địa bàn"
        );
        assert_eq!(
            v[2].actor.as_deref(),
            Some("các địa phương, cơ quan, đơn vị trong huyện")
        );
    }

    #[test]
    fn list_marker_and_actor_with_commas() {
        let v = run("2. Các cấp ủy, chính quyền cần tăng cường kiểm tra, giám sát; nâng cao hiệu quả cải cách hành chính.");
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].actor.as_deref(), Some("Các cấp ủy, chính quyền"));
        assert_eq!(v[0].text, "tăng cường kiểm tra, giám sát");
        let v = run("1. Tập trung đẩy nhanh tiến độ giải phóng mặt bằng.");
        assert_eq!(v[0].text, "Tập trung đẩy nhanh tiến độ giải phóng mặt bằng");
        assert_eq!(v[0].actor, None);
    }

    #[test]
    fn actor_before_modal() {
        let v = run("Thời gian tới, tỉnh cần tập trung đánh giá đúng việc thực hiện Nghị quyết.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].actor.as_deref(), Some("tỉnh"));
        assert_eq!(
            v[0].text,
            "tập trung đánh giá đúng việc thực hiện Nghị quyết"
        );
    }
}

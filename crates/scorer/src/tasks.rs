//! Tasks: the clauses of directive units, with who must act where stated.

use tomtat_splitter::Unit;

use crate::lex::{Keyed, Tk, Tok};
use crate::Task;

/// Words after which the actor is named (`yêu cầu các cấp ủy ...`).
const ASK: &[&str] = &["yêu cầu", "đề nghị", "kêu gọi", "mong muốn", "giao cho"];
/// Words before which the actor is named (`các địa phương cần ...`); the first four name
/// an actor before them, the others are kept in the task.
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
/// Speech verbs: the actor is after them (`Bí thư nhấn mạnh, các cấp cần ...`).
const SPEAKER: &[&str] = &[
    "nhấn mạnh",
    "cho biết",
    "cho rằng",
    "nêu rõ",
    "khẳng định",
    "lưu ý",
    "chỉ rõ",
    "nói",
];
/// Time phrases dropped at the start of an actor.
const TIME_LEAD: &[&str] = &[
    "trong thời gian tới",
    "thời gian tới",
    "trong năm tới",
    "năm tới",
    "sắp tới",
    "tới đây",
    "trước mắt",
];
/// Words dropped at the end of an actor.
const TRAIL: &[&str] = &["cũng", "còn", "đều", "sẽ", "đã", "thì", "vẫn"];
/// Leading connectors dropped from a task.
const LEAD: &[&str] = &[
    "do đó",
    "vì vậy",
    "vì thế",
    "trên cơ sở đó",
    "tuy nhiên",
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
    "tới", "năm", "tháng", "dự", "khi", "nếu", "về", "theo", "sau", "trước", "qua", "từ", "riêng",
    "còn", "cũng", "ngày", "thời", "trong", "để", "khi", "với", "đây", "nhằm", "tuy", "nhưng",
    "đồng",
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
fn is_punct(text: &str, t: &Tok, p: &str) -> bool {
    t.kind == Tk::Punct && &text[t.start..t.end] == p
}

/// The actor among tokens `a..b` of a clause: after the last speech verb, without the
/// leading comma-separated pieces that are not the actor (`Thời gian tới, tỉnh`) and the
/// trailing adverbs (`các địa phương cũng`).
fn clean_actor(text: &str, c: &Clause, mut a: usize, mut b: usize) -> Option<String> {
    if let Some(e) = (a..b).filter_map(|i| c.any_at(i, SPEAKER)).max() {
        a = e;
    }
    loop {
        while a < b && c.toks[a].kind == Tk::Punct {
            a += 1;
        }
        if a >= b {
            return None;
        }
        // a leading time phrase (`thời gian tới các sở, ngành`)
        if let Some(e) = c.any_at(a, TIME_LEAD) {
            a = e;
            continue;
        }
        let lead = c.toks[a].kind != Tk::Word
            || NOT_ACTOR.contains(&c.key(a))
            || c.any_at(a, LEAD).is_some()
            || c.any_at(a, ASK).is_some();
        if !lead {
            break;
        }
        a = (a..b).find(|&k| is_punct(text, &c.toks[k], ","))? + 1;
    }
    while b > a && (c.toks[b - 1].kind == Tk::Punct || TRAIL.contains(&c.key(b - 1))) {
        b -= 1;
    }
    let words = c.toks[a..b].iter().filter(|t| t.kind == Tk::Word).count();
    (words > 0 && words <= 14).then(|| text[c.toks[a].start..c.toks[b - 1].end].to_string())
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
        // the task starts after the request verb and its addressee, or after the modal
        let mut begin = 0;
        let mut found_actor = None;
        let ask = (0..n).find_map(|i| c.any_at(i, ASK));
        if let Some(e) = ask {
            let mut a0 = e;
            while a0 < n && (is_punct(text, &c.toks[a0], ":") || is_punct(text, &c.toks[a0], ",")) {
                a0 += 1;
            }
            let mut k = a0;
            let mut modal = None;
            while k < n && k - a0 < 18 {
                if let Some(m) = c.any_at(k, MODAL) {
                    modal = Some(m);
                    break;
                }
                if c.toks[k].kind == Tk::Punct && !is_punct(text, &c.toks[k], ",") {
                    break;
                }
                k += 1;
            }
            begin = a0;
            if let Some(m) = modal {
                found_actor = clean_actor(text, &c, a0, k);
                if found_actor.is_some() {
                    let keep = c.any_at(k, &MODAL[4..]).is_some();
                    begin = if keep { k } else { m };
                }
            }
        } else {
            // `X cần ...`: the actor is the words (numbers and commas too) before the modal
            let modal = (1..n.min(30)).find_map(|i| {
                let e = c.any_at(i, &MODAL[..4])?;
                let thiet = c.toks.get(e).is_some_and(|_| c.key(e) == "thiết");
                (!thiet).then_some((i, e))
            });
            if let Some((i, e)) = modal {
                let mut a0 = i;
                while a0 > 0
                    && (c.toks[a0 - 1].kind != Tk::Punct || is_punct(text, &c.toks[a0 - 1], ","))
                {
                    a0 -= 1;
                }
                found_actor = clean_actor(text, &c, a0, i);
                // `X nhấn mạnh phải ...`: the task follows the modal even without an actor
                let spoken = (a0..i).any(|k| c.any_at(k, SPEAKER).is_some_and(|x| x == i));
                if found_actor.is_some() || spoken {
                    begin = e;
                }
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

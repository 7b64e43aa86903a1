//! The issuer an official letterhead names in capitals, left of the national motto
//! (`ỦY BAN NHÂN DÂN` / `THÀNH PHỐ CẦN THƠ` / `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`): its words
//! are given back their usual case (`Ủy ban nhân dân thành phố Cần Thơ`) and read by the body
//! pattern, as a body named in the text would be.

use crate::gazetteer::{fold, Gazetteer};
use crate::matchers::{
    Matchers, BODY_COMMITTEES, BODY_COUNCILS, BODY_FIXED, BODY_MINISTRIES, BODY_UNITS_STATE,
};
use std::sync::OnceLock;
use tomtat_text::all_capitals;

/// Lines looked at for a letterhead.
const LINES: usize = 10;

/// Where the motto starts: the national one, or the Party's.
const MOTTOS: &[&str] = &["CỘNG HÒA", "CỘNG HOÀ", "ĐẢNG CỘNG SẢN", "ĐỘC LẬP"];

/// A name (or unit word) whose case is known: its words as spelled and folded.
type Spelling = (Vec<String>, Vec<String>);

/// The names (and unit words) whose case is known, longest first.
fn spellings() -> &'static [Spelling] {
    static SPELLINGS: OnceLock<Vec<Spelling>> = OnceLock::new();
    SPELLINGS.get_or_init(|| {
        // the names the body pattern spells out (`Ủy ban nhân dân`, `Tỉnh ủy`, `Bộ Tài chính`)
        // and the unit words it wants in lower case (`thành phố`)
        let party = [
            "Ban Chấp hành Trung ương",
            "Ban Chấp hành Đảng bộ",
            "Ban Thường vụ",
            "Đảng ủy",
        ];
        let committees = BODY_COMMITTEES.iter().map(|c| format!("{c} ủy"));
        let ministries = BODY_MINISTRIES.iter().map(|m| format!("Bộ {m}"));
        let spelled =
            (BODY_COUNCILS.iter().chain(&party).chain(BODY_FIXED)).chain(BODY_UNITS_STATE);
        let mut all: Vec<Spelling> = spelled
            .map(|s| s.to_string())
            .chain(committees)
            .chain(ministries)
            .map(|s| {
                let words: Vec<String> = s.split(' ').map(str::to_string).collect();
                let folded = words.iter().map(|w| fold(w)).collect();
                (words, folded)
            })
            .collect();
        all.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        all
    })
}

/// `words` (in capitals) in their usual case: known names as they are spelled, unit words in
/// lower case, any other word (a place's) capitalised.
fn restore(words: &[&str]) -> String {
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let known = spellings().iter().find(|(_, f)| {
            folded
                .get(i..i + f.len())
                .is_some_and(|here| here == f.as_slice())
        });
        if let Some((spelled, f)) = known {
            out.extend(spelled.iter().cloned());
            i += f.len();
            continue;
        }
        let lower = words[i].to_lowercase();
        let mut cs = lower.chars();
        out.push(
            cs.next()
                .map_or(String::new(), |c| c.to_uppercase().chain(cs).collect()),
        );
        i += 1;
    }
    let joined = out.join(" ");
    let mut cs = joined.chars();
    cs.next()
        .map_or(String::new(), |c| c.to_uppercase().chain(cs).collect())
}

/// The issuer named in the letterhead of `text`, and the byte range of the lines naming it;
/// `None` when the first lines hold no motto, or nothing in capitals before it, or no body the
/// body pattern knows.
///
/// ```text
/// ỦY BAN NHÂN DÂN
/// THÀNH PHỐ CẦN THƠ         →  Ủy ban nhân dân thành phố Cần Thơ
/// CỘNG HÒA XÃ HỘI
/// ```
pub(crate) fn issuer(text: &str, pats: &Matchers) -> Option<(String, [usize; 2])> {
    let pieces = pieces(text)?;
    let groups = groups(&pieces);
    // the last body named: the issuer stands under the body it belongs to (`ĐẢNG BỘ TỈNH
    // BẮC GIANG` / `ĐẢNG ỦY XÃ TÂN AN`, `UBND HUYỆN LỤC NAM` / `UBND XÃ TÂN AN`); failing
    // that, the lines read as one, broken elsewhere (`BỘ TÀI` / `CHÍNH CỤC HẢI QUAN`, `VĂN
    // PHÒNG` / `CHÍNH PHỦ`)
    let name = (1..=groups.len())
        .rev()
        .find_map(|j| name_ending_at(pats, &groups[..j]))
        .or_else(|| body_in(pats, &restore(&groups.concat())))?;
    let (first, last) = (pieces[0], pieces[pieces.len() - 1]);
    Some((name, [first.0, last.0 + last.1.len()]))
}

/// The body named by the last of `groups`: a name broken across it and the group before
/// when that names none alone (`VĂN PHÒNG` / `CHÍNH PHỦ`), else one in the group alone.
fn name_ending_at(pats: &Matchers, groups: &[Vec<&str>]) -> Option<String> {
    let (last, before) = groups.split_last()?;
    let prev = before
        .last()
        .filter(|prev| pats.body(&restore(prev)).is_none());
    if let Some(prev) = prev {
        let joined = restore(&[prev.as_slice(), last.as_slice()].concat());
        let words_to = |at: usize| joined[..at].split_whitespace().count();
        if let Some(r) = pats.body(&joined) {
            if words_to(r.start) < prev.len() && words_to(r.end) > prev.len() {
                return Some(joined[r].trim_end().to_string());
            }
        }
    }
    body_in(pats, &restore(last))
}

/// The first body the body pattern reads in `s`.
fn body_in(pats: &Matchers, s: &str) -> Option<String> {
    pats.body(s).map(|r| s[r].trim_end().to_string())
}

/// The pieces of the first lines in capitals before the motto, each with where it starts;
/// `None` without a motto, or with a line not in capitals before it.
fn pieces(text: &str) -> Option<Vec<(usize, &str)>> {
    let mut pieces = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n').take(LINES) {
        let start = pos;
        pos += line.len();
        let t = line.trim();
        // a rule (`*`, `-----`), or the document's number set under the issuer (`Số
        // 45-BC/ĐU`) before the motto
        let number = t
            .strip_prefix("Số")
            .is_some_and(|r| r.starts_with([' ', ':']));
        if number || t.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        // letterhead lines and the motto open with a word in capitals: most texts stop here
        if !t.split_whitespace().next().is_some_and(all_capitals) {
            return None;
        }
        let cut = MOTTOS.iter().filter_map(|m| t.find(m)).min();
        let piece = t[..cut.unwrap_or(t.len())].trim();
        if !piece.is_empty() {
            if !all_capitals(piece) {
                return None;
            }
            pieces.push((start + (line.len() - line.trim_start().len()), piece));
        }
        if cut.is_some() {
            return (!pieces.is_empty()).then_some(pieces);
        }
    }
    None
}

/// The words of the pieces, grouped by the body each names. A line that opens with a unit
/// word or holds one word goes on with the line before (`ỦY BAN NHÂN DÂN` / `THÀNH PHỐ CẦN
/// THƠ`, `VĂN PHÒNG CHÍNH` / `PHỦ`), and so does the end of a place's name (`UBND THÀNH PHỐ
/// HÀ` / `NỘI SỞ GIÁO DỤC`); other lines name bodies of their own (`BỘ TÀI CHÍNH` / `CỤC
/// THUẾ`).
fn groups<'t>(pieces: &[(usize, &'t str)]) -> Vec<Vec<&'t str>> {
    let gazetteer = Gazetteer::get();
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for (_, piece) in pieces {
        let mut words: Vec<&str> = piece.split_whitespace().collect();
        let first = fold(words[0]);
        if let Some(group) = groups.last_mut() {
            let pair = format!(
                "{} {first}",
                group.last().map_or(String::new(), |w| fold(w))
            );
            let place =
                !gazetteer.provinces_named(&pair).is_empty() || !gazetteer.places(&pair).is_empty();
            let unit = BODY_UNITS_STATE
                .iter()
                .any(|u| fold(u).split(' ').next() == Some(&first));
            if place {
                group.push(words.remove(0));
            } else if unit || words.len() == 1 {
                group.append(&mut words);
            }
        }
        if !words.is_empty() {
            groups.push(words);
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issuer_of(text: &str) -> Option<String> {
        issuer(text, Matchers::get()).map(|(name, _)| name)
    }

    #[test]
    fn letterheads_give_their_issuer() {
        let cases = [
            (
                "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                "Ủy ban nhân dân thành phố Cần Thơ",
            ),
            (
                "UỶ BAN NHÂN DÂN\nTỈNH CAO BẰNG\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM",
                "Ủy ban nhân dân tỉnh Cao Bằng",
            ),
            (
                "VĂN PHÒNG CHÍNH\nPHỦ CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nSố: 653/TB-VPCP",
                "Văn phòng Chính phủ",
            ),
            (
                "BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM",
                "Bộ Tài chính",
            ),
            (
                "BAN CHẤP HÀNH TRUNG ƯƠNG\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 71-NQ/TW",
                "Ban Chấp hành Trung ương",
            ),
            (
                "TỈNH ỦY QUẢNG TRỊ\nBAN TUYÊN GIÁO\nĐẢNG CỘNG SẢN VIỆT NAM",
                "Tỉnh ủy Quảng Trị",
            ),
            (
                "BỘ TÀI\nCHÍNH CỤC HẢI QUAN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Bộ Tài chính",
            ),
            // the issuer under the body it belongs to
            (
                "ĐẢNG BỘ TỈNH BẮC GIANG\nĐẢNG ỦY XÃ TÂN AN\n*\nSố 45-BC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM",
                "Đảng ủy xã Tân An",
            ),
            (
                "UBND HUYỆN LỤC NAM\nUBND XÃ TÂN AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "UBND xã Tân An",
            ),
            ("VĂN PHÒNG\nCHÍNH PHỦ\nCỘNG HÒA", "Văn phòng Chính phủ"),
            ("UBND TỈNH ĐỒNG NAI\nCỘNG HÒA XÃ HỘI", "UBND tỉnh Đồng Nai"),
            (
                "UBND THÀNH PHỐ HÀ\nNỘI SỞ GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI",
                "UBND thành phố Hà Nội",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(issuer_of(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn no_letterhead_no_issuer() {
        // a news item, a motto with nothing before it, a line not in capitals before it
        for text in [
            "Chiều 22/6, Tỉnh ủy tổ chức Hội nghị lần thứ 11.\nCỘNG HÒA XÃ HỘI",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
            "Ủy ban nhân dân tỉnh Cao Bằng\nCỘNG HÒA XÃ HỘI",
            "",
        ] {
            assert_eq!(issuer_of(text), None, "{text}");
        }
    }
}

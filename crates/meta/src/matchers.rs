//! Hand-written matchers for the patterns of the rules. Each is equal to the regular expression
//! written above it: it tries the same choices in the same order as a backtracking engine, so it
//! finds the match `regex` finds (leftmost start, then leftmost-first priority), with the same
//! Unicode classes, taken from `regex-syntax` (`\s`, `\d` = `\p{Nd}`, `\p{L}`, `\p{Lu}`, and the
//! simple case folding of `(?i)`: `ſ` is an `s`, the Kelvin sign a `k`). The tests run the
//! regular expressions beside them as the oracle, on the corpus and on generated text.
//!
//! Why not the regular expressions: compiling them cost about 200 M instructions in every
//! process, and in a fresh process their lazy DFAs spent most of the time building states for
//! the Unicode classes (the body and period patterns): `tomtat summarize -j 1` over `corpus/`
//! spent 73% of its instructions in them. A scan here looks only at the few bytes a pattern
//! can start with and needs no warm-up.

use regex_syntax::hir::{Class as HirClass, HirKind};
use std::ops::Range;
use std::sync::OnceLock;

/// A set of characters: ASCII by bitmap, the rest by sorted ranges.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Class {
    ascii: u128,
    /// Non-ASCII ranges, sorted, inclusive.
    ranges: Vec<(u32, u32)>,
}

impl Class {
    /// The class a pattern of one class or one literal character denotes.
    fn parse(pattern: &str) -> Class {
        let hir = regex_syntax::parse(pattern).expect("a valid class");
        let ranges: Vec<(u32, u32)> = match hir.kind() {
            HirKind::Class(HirClass::Unicode(c)) => c
                .ranges()
                .iter()
                .map(|r| (r.start() as u32, r.end() as u32))
                .collect(),
            HirKind::Literal(l) => {
                let s = std::str::from_utf8(&l.0).expect("UTF-8 literal");
                let mut cs = s.chars();
                let c = cs.next().expect("one character") as u32;
                assert!(cs.next().is_none(), "one character: {pattern}");
                vec![(c, c)]
            }
            k => panic!("not a class: {pattern} ({k:?})"),
        };
        let mut class = Class {
            ascii: 0,
            ranges: Vec::new(),
        };
        for (a, b) in ranges {
            for u in a..=b.min(127) {
                class.ascii |= 1 << u;
            }
            if b >= 128 {
                class.ranges.push((a.max(128), b));
            }
        }
        class
    }

    #[inline]
    pub fn has(&self, c: char) -> bool {
        let u = c as u32;
        if u < 128 {
            return self.ascii >> u & 1 == 1;
        }
        let r = &self.ranges;
        // The last range starting at or before `u`.
        let i = r.partition_point(|&(a, _)| a <= u);
        i > 0 && u <= r[i - 1].1
    }

    /// The first UTF-8 byte of each member.
    fn lead_bytes(&self, table: &mut [bool; 256]) {
        for (b, slot) in table.iter_mut().enumerate().take(128) {
            *slot |= self.ascii >> b & 1 == 1;
        }
        for &(a, b) in &self.ranges {
            for u in a..=b {
                if let Some(c) = char::from_u32(u) {
                    let mut buf = [0u8; 4];
                    table[c.encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
                }
            }
        }
    }
}

/// A literal matched case-insensitively (`(?i)`): the fold class of each character.
#[derive(Debug)]
struct Ci(Vec<Class>);

impl Ci {
    fn new(lit: &str) -> Ci {
        Ci(lit
            .chars()
            .map(|c| Class::parse(&format!("(?i){}", regex_syntax::escape(&c.to_string()))))
            .collect())
    }

    /// The end of the literal when `h` has it at `i`.
    #[inline]
    fn at(&self, h: &str, mut i: usize) -> Option<usize> {
        for class in &self.0 {
            let (c, e) = next(h, i)?;
            if !class.has(c) {
                return None;
            }
            i = e;
        }
        Some(i)
    }
}

/// Case-insensitive literals tried in order at one place, most places passed over at once:
/// by a table of the first byte (a bit per literal that may start there) and one of the byte
/// after the first character.
#[derive(Debug)]
struct Lits {
    lits: Vec<Ci>,
    first: [u16; 256],
    /// A bit per literal whose second character may start with the byte.
    second: [u16; 256],
}

impl Lits {
    fn new(words: &[&str]) -> Lits {
        assert!(words.len() <= 16);
        let lits: Vec<Ci> = words.iter().map(|w| Ci::new(w)).collect();
        let mut first = [0u16; 256];
        let mut second = [0u16; 256];
        for (k, l) in lits.iter().enumerate() {
            for (table, class) in [(&mut first, &l.0[0]), (&mut second, &l.0[1])] {
                let mut t = [false; 256];
                class.lead_bytes(&mut t);
                for (b, on) in t.iter().enumerate() {
                    if *on {
                        table[b] |= 1 << k;
                    }
                }
            }
        }
        Lits {
            lits,
            first,
            second,
        }
    }

    /// The bytes a literal may start with.
    fn starts(&self) -> [bool; 256] {
        self.first.map(|m| m != 0)
    }

    /// The literals that match at `s`, in order: their index and end.
    #[inline(always)]
    fn at<'a>(&'a self, h: &'a str, s: usize) -> impl Iterator<Item = (usize, usize)> + 'a {
        let b0 = byte(h, s);
        let mut mask = self.first[b0 as usize];
        if mask != 0 {
            // An ASCII byte is its character: the first table is exact for it.
            let e = if b0 < 128 {
                s + 1
            } else {
                let (c, e) = next(h, s).unwrap_or(('\0', s));
                let mut m = mask;
                while m != 0 {
                    let k = m.trailing_zeros();
                    m &= m - 1;
                    if !self.lits[k as usize].0[0].has(c) {
                        mask &= !(1 << k);
                    }
                }
                e
            };
            mask &= self.second[byte(h, e) as usize];
        }
        std::iter::from_fn(move || {
            while mask != 0 {
                let k = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                if let Some(end) = self.lits[k].at(h, s) {
                    return Some((k, end));
                }
            }
            None
        })
    }
}

/// Where a `\d` (`\p{Nd}`) character starts, decided from its first two bytes in most cases:
/// a character of two bytes by a table, one of three bytes by its block of 64 (the Vietnamese
/// letters' blocks hold no digit).
#[derive(Debug)]
struct DigitStarts {
    /// What the first byte tells: [`NO_DIGIT`] for a byte that starts no digit (most ASCII
    /// bytes, continuation bytes, the leads of blocks without digits), else how to decide.
    lead: [u8; 256],
    /// U+0080 to U+07FF.
    two: Vec<bool>,
    /// Blocks of 64 of U+0800 to U+FFFF that hold a digit.
    three: Vec<bool>,
}

const NO_DIGIT: u8 = 0;
const ASCII_DIGIT: u8 = 1;
const TWO: u8 = 2;
const THREE: u8 = 3;
const FOUR: u8 = 4;

impl DigitStarts {
    fn new(nd: &Class) -> DigitStarts {
        let mut two = vec![false; 0x800 - 0x80];
        let mut three = vec![false; 1024];
        let mut lead = [NO_DIGIT; 256];
        lead[b'0' as usize..=b'9' as usize].fill(ASCII_DIGIT);
        for &(a, z) in &nd.ranges {
            for u in a..=z {
                let Some(c) = char::from_u32(u) else { continue };
                let mut buf = [0u8; 4];
                let first = c.encode_utf8(&mut buf).as_bytes()[0] as usize;
                match u {
                    0x80..=0x7FF => {
                        two[u as usize - 0x80] = true;
                        lead[first] = TWO;
                    }
                    0x800..=0xFFFF => {
                        three[u as usize / 64] = true;
                        lead[first] = THREE;
                    }
                    _ => lead[first] = FOUR,
                }
            }
        }
        DigitStarts { lead, two, three }
    }

    /// The first position from `at` where a digit starts.
    #[inline]
    fn next(&self, h: &str, nd: &Class, mut s: usize) -> Option<usize> {
        let b = h.as_bytes();
        while s < b.len() {
            let x = b[s];
            let digit = match self.lead[x as usize] {
                NO_DIGIT => false,
                ASCII_DIGIT => true,
                TWO => self.two[(((x as usize & 0x1F) << 6) | (b[s + 1] as usize & 0x3F)) - 0x80],
                THREE => {
                    self.three[((x as usize & 0x0F) << 6) | (b[s + 1] as usize & 0x3F)]
                        && next(h, s).is_some_and(|(c, _)| nd.has(c))
                }
                _ => next(h, s).is_some_and(|(c, _)| nd.has(c)),
            };
            if digit {
                return Some(s);
            }
            s += 1;
        }
        None
    }
}

/// The start of the run of characters with `in_run` that ends at `p`.
#[inline]
fn run_back(h: &str, p: usize, in_run: impl Fn(char) -> bool) -> usize {
    let mut s = p;
    while let Some(c) = h[..s].chars().next_back() {
        if !in_run(c) {
            break;
        }
        s -= c.len_utf8();
    }
    s
}

/// The character at byte `i` of `h` (a boundary) and the byte after it.
#[inline]
fn next(h: &str, i: usize) -> Option<(char, usize)> {
    let b = *h.as_bytes().get(i)?;
    if b < 128 {
        return Some((b as char, i + 1));
    }
    let c = h[i..].chars().next()?;
    Some((c, i + c.len_utf8()))
}

#[inline]
fn byte(h: &str, i: usize) -> u8 {
    h.as_bytes().get(i).copied().unwrap_or(0)
}

/// `(?-u:\b)`: an ASCII word boundary at byte `i`.
#[inline]
fn wb(h: &str, i: usize) -> bool {
    let w = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let b = h.as_bytes();
    let before = i > 0 && w(b[i - 1]);
    let after = i < b.len() && w(b[i]);
    before != after
}

/// The ends of 1 to `max` (at most 8) characters of a class from `i`: `ends[k]` after `k` of them.
struct Run {
    ends: [usize; 9],
    n: usize,
}

#[inline]
fn run(h: &str, i: usize, max: usize, class: &Class) -> Run {
    let mut r = Run { ends: [i; 9], n: 0 };
    let mut p = i;
    while r.n < max {
        match next(h, p) {
            Some((c, e)) if class.has(c) => {
                p = e;
                r.n += 1;
                r.ends[r.n] = p;
            }
            _ => break,
        }
    }
    r
}

/// The end of the longest run of a class from `i`.
#[inline]
fn span(h: &str, mut i: usize, class: &Class) -> usize {
    while let Some((c, e)) = next(h, i) {
        if !class.has(c) {
            break;
        }
        i = e;
    }
    i
}

/// The captures of a date: whole match, day, month, year (the order of the groups).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateCaps {
    pub whole: Range<usize>,
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub y: Range<usize>,
}

/// One match of the period pattern and which alternative gave it, with its groups.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PeriodMatch {
    pub whole: Range<usize>,
    pub kind: PeriodKind,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PeriodKind {
    /// `6 tháng đầu năm 2024`: `hw` (đầu/cuối), `hy`.
    Half { hw: Range<usize>, hy: Range<usize> },
    /// `9 tháng năm 2024`: `ny`.
    Nine { ny: Range<usize> },
    /// `quý III/2024`: `q`, `qy`.
    Quarter { q: Range<usize>, qy: Range<usize> },
    /// `nhiệm kỳ 2020 - 2025`: `t1`, `t2`.
    Term { t1: Range<usize>, t2: Range<usize> },
    /// `tổng kết ... năm 2024`: `y`.
    Year { y: Range<usize> },
}

/// The classes and literals of every pattern, built once.
pub(crate) struct Matchers {
    ws: Class,
    nd: Class,
    lu_nd: Class,
    l_nd: Class,
    ws_dash: Class,
    lu: Class,
    l: Class,
    /// `(?i)[\p{L} ,]`
    gap: Class,
    /// `[A-ZĐ]`
    code_letter: Class,
    body_first: [bool; 256],
    digits: DigitStarts,
    ngay: Ci,
    thang: Ci,
    nam: Ci,
    /// The keywords of `day_month`, in order.
    day_words: Lits,
    day_first: [bool; 256],
    /// The literals of `period_start`, in order.
    starts: Lits,
    start_first: [bool; 256],
    dau: Ci,
    cuoi: Ci,
    dau_sp: Ci,
    q_i: Ci,
    q_v: Ci,
    nhiem_ky: Ci,
    giai_doan: Ci,
    tong_ket: Ci,
    ket_qua: Ci,
}

impl Matchers {
    pub fn get() -> &'static Matchers {
        static M: OnceLock<Matchers> = OnceLock::new();
        M.get_or_init(Matchers::new)
    }

    fn new() -> Matchers {
        let nd = Class::parse(r"\d");
        let starts = Lits::new(&[
            "6 tháng ",
            "sáu tháng ",
            "9 tháng ",
            "quý ",
            "nhiệm kỳ ",
            "giai đoạn ",
            "tổng kết ",
            "kết quả ",
            "năm ",
        ]);
        let day_words = Lits::new(&["ngày", "sáng", "chiều", "tối", "trưa"]);
        let mut body_first = [false; 256];
        for lit in BODY_FIRST {
            body_first[lit.as_bytes()[0] as usize] = true;
        }
        Matchers {
            ws: Class::parse(r"\s"),
            lu_nd: Class::parse(r"[\p{Lu}\d]"),
            l_nd: Class::parse(r"[\p{L}\d]"),
            ws_dash: Class::parse(r"[\s-]"),
            lu: Class::parse(r"\p{Lu}"),
            l: Class::parse(r"\p{L}"),
            // `(?i)[\p{L} ,]` is `\p{L}`, space, comma and U+0345 (which folds to `ι`); its
            // parse folds every letter, so it is written out (a test checks it is the same).
            gap: Class::parse(r"[\p{L} ,\x{345}]"),
            code_letter: Class::parse(r"[A-ZĐ]"),
            body_first,
            digits: DigitStarts::new(&nd),
            day_first: day_words.starts(),
            start_first: starts.starts(),
            nd,
            ngay: Ci::new("ngày"),
            thang: Ci::new("tháng"),
            nam: Ci::new("năm"),
            day_words,
            starts,
            dau: Ci::new("đầu"),
            cuoi: Ci::new("cuối"),
            dau_sp: Ci::new("đầu "),
            q_i: Ci::new("I"),
            q_v: Ci::new("V"),
            nhiem_ky: Ci::new("nhiệm kỳ"),
            giai_doan: Ci::new("giai đoạn"),
            tong_ket: Ci::new("tổng kết"),
            ket_qua: Ci::new("kết quả"),
        }
    }

    // ---- body ----------------------------------------------------------------------------

    /// The first match of the body pattern (see `rules::BODY`).
    pub fn body(&self, h: &str) -> Option<Range<usize>> {
        let b = h.as_bytes();
        let mut s = 0;
        while s < b.len() {
            // `Ủ` is the only letter of its lead byte (shared by `ạ`, `ả`, `ấ`, …) that opens one.
            let lead = self.body_first[b[s] as usize]
                && (b[s] != 0xE1 || b.get(s + 1..s + 3) == Some("Ủ".as_bytes()[1..].as_ref()));
            if lead {
                if let Some(e) = self.body_at(h, s) {
                    return Some(s..e);
                }
            }
            s += 1;
        }
        None
    }

    /// `name`: `(?:\s+(?:[\p{Lu}\d][\p{L}\d]*)(?:[\s-]+[\p{Lu}\d][\p{L}\d]*){0,3})?`, greedy:
    /// every part after the first word is optional, so the longest reading is the match.
    /// A name does not go on past a line break (`Ủy ban nhân dân tỉnh` / `Căn cứ ...`).
    fn name(&self, h: &str, p: usize) -> usize {
        let q = span(h, p, &self.ws);
        if q == p || h[p..q].contains('\n') {
            return p;
        }
        let word = |i: usize| match next(h, i) {
            Some((c, e)) if self.lu_nd.has(c) => Some(span(h, e, &self.l_nd)),
            _ => None,
        };
        let Some(mut end) = word(q) else {
            return p;
        };
        for _ in 0..3 {
            let t = span(h, end, &self.ws_dash);
            if t == end || h[end..t].contains('\n') {
                break;
            }
            match word(t) {
                Some(e) => end = e,
                None => break,
            }
        }
        end
    }

    /// The alternatives of the body pattern at `s`, in order; the first that matches.
    fn body_at(&self, h: &str, s: usize) -> Option<usize> {
        let rest = &h[s..];
        let lit = |p: usize, l: &str| h[p..].starts_with(l).then_some(p + l.len());
        let one_of = |p: usize, ls: &[&str]| ls.iter().find_map(|l| lit(p, l));
        let uy = |p: usize| one_of(p, &["uy", "ủy"]);
        if rest.starts_with("Ban ") {
            // Ban Chấp hành Đảng bộ (tỉnh|…){name}
            if let Some(p) = lit(s, "Ban Chấp hành Đảng bộ ") {
                if let Some(p) = one_of(p, BODY_UNITS_PARTY) {
                    return Some(self.name(h, p));
                }
            }
            // Ban Chấp hành Trung ương(?: Đảng)?
            if let Some(p) = lit(s, "Ban Chấp hành Trung ương") {
                return Some(lit(p, " Đảng").unwrap_or(p));
            }
            // Ban Thường vụ (Tỉnh|Thành|Huyện|Quận|Thị) [uủ]y{name}
            if let Some(p) = lit(s, "Ban Thường vụ ") {
                let p = one_of(p, BODY_COMMITTEES).and_then(|p| lit(p, " "));
                if let Some(p) = p.and_then(uy) {
                    return Some(self.name(h, p));
                }
            }
        }
        // (Tỉnh|Thành|Huyện|Quận|Thị) [uủ]y{name}
        if let Some(p) = one_of(s, BODY_COMMITTEES)
            .and_then(|p| lit(p, " "))
            .and_then(uy)
        {
            return Some(self.name(h, p));
        }
        // Đảng [uủ]y (xã|phường|thị trấn|khối){name}
        if let Some(p) = lit(s, "Đảng ")
            .and_then(uy)
            .and_then(|p| lit(p, " "))
            .and_then(|p| one_of(p, &["xã", "phường", "thị trấn", "khối"]))
        {
            return Some(self.name(h, p));
        }
        // (UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (tỉnh|…|TP\.?|…){name}
        if let Some(p) = one_of(s, BODY_COUNCILS).and_then(|p| lit(p, " ")) {
            for unit in BODY_UNITS_STATE {
                if let Some(mut p) = lit(p, unit) {
                    if *unit == "TP" {
                        p = lit(p, ".").unwrap_or(p);
                    }
                    return Some(self.name(h, p));
                }
            }
        }
        if let Some(p) = one_of(s, BODY_FIXED) {
            return Some(p);
        }
        // Ban Chỉ đạo [\p{Lu}][\p{L}]*(?: [\p{L}]+){0,3}
        if let Some(p) = lit(s, "Ban Chỉ đạo ") {
            if let Some((c, e)) = next(h, p) {
                if self.lu.has(c) {
                    let mut end = span(h, e, &self.l);
                    for _ in 0..3 {
                        let t = match lit(end, " ") {
                            Some(t) => span(h, t, &self.l),
                            None => break,
                        };
                        if t == end + 1 {
                            break;
                        }
                        end = t;
                    }
                    return Some(end);
                }
            }
        }
        // Bộ (Công Thương|…)
        lit(s, "Bộ ").and_then(|p| one_of(p, BODY_MINISTRIES))
    }

    // ---- code ----------------------------------------------------------------------------

    /// The successive matches of
    /// `(?-u:\b)\d{1,5}(?:/\d{4})?[-/](?:[A-ZĐ]{1,6})(?:[-/][A-ZĐ]{1,8}[a-z]{0,2}\d?){0,3}(?-u:\b)`.
    pub fn codes<'a>(&'a self, h: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            let m = self.code_from(h, at)?;
            at = m.end;
            Some(m)
        })
    }

    /// The first code from `at`. A code is digits and `/` up to a `-` or `/` before a capital:
    /// those are found first (by `memchr`), and the places tried, in order, are those of the
    /// run of digits and `/` before each.
    fn code_from(&self, h: &str, at: usize) -> Option<Range<usize>> {
        let b = h.as_bytes();
        // Places before `tried` were tried (or cannot start a code).
        let mut tried = at;
        let mut from = at;
        while let Some(k) = memchr::memchr2(b'-', b'/', &b[from..]) {
            let q = from + k;
            from = q + 1;
            if !next(h, q + 1).is_some_and(|(c, _)| self.code_letter.has(c)) {
                continue;
            }
            let mut s = run_back(h, q, |c| c == '/' || self.nd.has(c)).max(tried);
            while let Some(d) = self.digits.next(h, &self.nd, s).filter(|&d| d < q) {
                if wb(h, d) {
                    if let Some(m) = self.code_at(h, d) {
                        return Some(m);
                    }
                }
                s = d + 1;
            }
            tried = q;
        }
        None
    }

    /// The first match from `at` (leftmost start) of a matcher tried at the character
    /// boundaries whose first byte is in `first`.
    #[inline]
    fn first<T>(
        &self,
        h: &str,
        at: usize,
        first: &[bool; 256],
        mut try_at: impl FnMut(usize) -> Option<T>,
    ) -> Option<T> {
        let b = h.as_bytes();
        let mut s = at;
        while s < b.len() {
            if first[b[s] as usize] {
                if let Some(m) = try_at(s) {
                    return Some(m);
                }
            }
            s += 1;
        }
        None
    }

    /// Whether a run of ASCII digits at `s` ends before a byte in `then` (a non-ASCII byte
    /// also passes, as it may be a digit or a space): when not, no pattern that reads 1 to
    /// `max` digits then one of `then` (or spaces) can match at `s`.
    #[inline]
    fn digits_then(h: &str, s: usize, then: &[u8]) -> bool {
        let b = h.as_bytes();
        let mut e = s;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        e == s || e >= b.len() || b[e] >= 128 || then.contains(&b[e])
    }

    fn code_at(&self, h: &str, s: usize) -> Option<Range<usize>> {
        // `\d{1,5}` is followed by `/` or `-`.
        if !wb(h, s) || !Self::digits_then(h, s, b"-/") {
            return None;
        }
        let d = run(h, s, 5, &self.nd);
        for k in (1..=d.n).rev() {
            let p = d.ends[k];
            // (?:/\d{4})? tried with, then without.
            let with = (byte(h, p) == b'/')
                .then(|| run(h, p + 1, 4, &self.nd))
                .filter(|y| y.n == 4)
                .map(|y| y.ends[4]);
            for q in [with, Some(p)].into_iter().flatten() {
                if !matches!(byte(h, q), b'-' | b'/') {
                    continue;
                }
                let a = run(h, q + 1, 6, &self.code_letter);
                for j in (1..=a.n).rev() {
                    if let Some(e) = self.code_parts(h, a.ends[j], 0) {
                        return Some(s..e);
                    }
                }
            }
        }
        None
    }

    /// `(?:[-/][A-ZĐ]{1,8}[a-z]{0,2}\d?){0,3}(?-u:\b)` from `p`, `done` parts already read
    /// (`[a-z]{0,2}`: `123/QĐ-TTg`, the Prime Minister's code).
    fn code_parts(&self, h: &str, p: usize, done: usize) -> Option<usize> {
        if done < 3 && matches!(byte(h, p), b'-' | b'/') {
            let a = run(h, p + 1, 8, &self.code_letter);
            // the lower-case letters after each run of capitals, most first (as the regex
            // backtracks)
            let lower = |q: usize| {
                let b = h.as_bytes().get(q..).unwrap_or_default();
                b.iter()
                    .take(2)
                    .take_while(|c| c.is_ascii_lowercase())
                    .count()
            };
            let ends = (1..=a.n).rev().flat_map(|j| {
                let q = a.ends[j];
                (0..=lower(q)).rev().map(move |k| q + k)
            });
            for q in ends {
                if let Some((c, e)) = next(h, q) {
                    if self.nd.has(c) {
                        if let Some(r) = self.code_parts(h, e, done + 1) {
                            return Some(r);
                        }
                    }
                }
                if let Some(r) = self.code_parts(h, q, done + 1) {
                    return Some(r);
                }
            }
        }
        wb(h, p).then_some(p)
    }

    // ---- dates ---------------------------------------------------------------------------

    /// `(?:19|20)\d{2}(?-u:\b)` at `p`: its end.
    #[inline]
    fn year_at(&self, h: &str, p: usize) -> Option<usize> {
        let b = h.as_bytes();
        if !(b.get(p..p + 2) == Some(b"19") || b.get(p..p + 2) == Some(b"20")) {
            return None;
        }
        let r = run(h, p + 2, 2, &self.nd);
        (r.n == 2 && wb(h, r.ends[2])).then_some(r.ends[2])
    }

    /// The successive matches of `(?-u:\b)(?:19|20)\d{2}(?-u:\b)`.
    pub fn years<'a>(&'a self, h: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        let mut at = 0;
        let b = h.as_bytes();
        std::iter::from_fn(move || {
            while let Some(k) = memchr::memchr2(b'1', b'2', &b[at..]) {
                let s = at + k;
                if let Some(e) = wb(h, s).then(|| self.year_at(h, s)).flatten() {
                    at = e;
                    return Some(s..e);
                }
                at = s + 1;
            }
            at = b.len();
            None
        })
    }

    /// The first match of
    /// `(?-u:\b)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?-u:\b)`.
    #[cfg(test)]
    pub fn date_full(&self, h: &str) -> Option<DateCaps> {
        self.date_full_until(h, h.len())
    }

    /// [`Matchers::date_full`] among the matches that start at or before `last`. A match is
    /// digits, spaces and separators up to its year: the years are found first (by `memchr`),
    /// and the places tried, in order, are those of the run of such characters before each.
    pub fn date_full_until(&self, h: &str, last: usize) -> Option<DateCaps> {
        let b = h.as_bytes();
        // Places before `tried` were tried (or cannot start a match).
        let mut tried = 0;
        let mut at = 0;
        while let Some(k) = memchr::memchr2(b'1', b'2', &b[at..]) {
            let p = at + k;
            at = p + 1;
            if self.year_at(h, p).is_none() {
                continue;
            }
            let in_run = |c| matches!(c, '/' | '.' | '-') || self.ws.has(c) || self.nd.has(c);
            let mut s = run_back(h, p, in_run).max(tried);
            // `p` starts a digit: the search stops there.
            while let Some(d) = self.digits.next(h, &self.nd, s).filter(|&d| d < p) {
                if d > last {
                    return None;
                }
                if wb(h, d) {
                    if let Some(m) = self.date_full_at(h, d) {
                        return Some(m);
                    }
                }
                s = d + 1;
            }
            tried = p;
        }
        None
    }

    fn date_full_at(&self, h: &str, s: usize) -> Option<DateCaps> {
        // `\d{1,2}` is followed by spaces or a separator.
        if !wb(h, s) || !Self::digits_then(h, s, b"/.- \t\n\x0B\x0C\r") {
            return None;
        }
        let sep = |p: usize| {
            let p = span(h, p, &self.ws);
            matches!(byte(h, p), b'/' | b'.' | b'-').then(|| span(h, p + 1, &self.ws))
        };
        let year = |p: usize| sep(p).and_then(|q| Some((q, self.year_at(h, q)?)));
        self.two_numbers(h, s, s, sep, year)
    }

    /// `(\d{1,2}) SEP (\d{1,2}) TAIL` from `p`, tried as the regex does (longer digit runs
    /// first), for a match opening at `s`: `sep` maps the end of the first run to the start
    /// of the second, `tail` the end of the second to the range of the last group (`None`:
    /// no match there).
    fn two_numbers(
        &self,
        h: &str,
        s: usize,
        p: usize,
        sep: impl Fn(usize) -> Option<usize>,
        tail: impl Fn(usize) -> Option<(usize, usize)>,
    ) -> Option<DateCaps> {
        let d1 = run(h, p, 2, &self.nd);
        for k in (1..=d1.n).rev() {
            let Some(q) = sep(d1.ends[k]) else { continue };
            let d2 = run(h, q, 2, &self.nd);
            for j in (1..=d2.n).rev() {
                if let Some((r, e)) = tail(d2.ends[j]) {
                    return Some(DateCaps {
                        whole: s..e,
                        a: p..d1.ends[k],
                        b: q..d2.ends[j],
                        y: r..e,
                    });
                }
            }
        }
        None
    }

    /// The first match of
    /// `(?i)(?-u:\b)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})(?-u:\b)`.
    pub fn date_words(&self, h: &str) -> Option<DateCaps> {
        // The fold classes of `n`, `g` and `à` are `n`, `N`, `g`, `G` and `à`, `À`: a match
        // opens with `[nN][gG]\xC3[\xA0\x80]`, found from its `g` (rarer than `n`).
        let b = h.as_bytes();
        let mut at = 1;
        while at < b.len() {
            let g = at + memchr::memchr2(b'g', b'G', &b[at..])?;
            let opens = b[g - 1] | 0x20 == b'n'
                && b.get(g + 1) == Some(&0xC3)
                && matches!(b.get(g + 2), Some(0xA0 | 0x80));
            if opens {
                if let Some(m) = self.date_words_at(h, g - 1) {
                    return Some(m);
                }
            }
            at = g + 1;
        }
        None
    }

    /// `\s+` from `p`: its end when there is at least one.
    #[inline]
    fn ws1(&self, h: &str, p: usize) -> Option<usize> {
        let e = span(h, p, &self.ws);
        (e > p).then_some(e)
    }

    fn date_words_at(&self, h: &str, s: usize) -> Option<DateCaps> {
        if !wb(h, s) {
            return None;
        }
        let p = self.ngay.at(h, s).and_then(|p| self.ws1(h, p))?;
        let month = |q: usize| {
            let q = self.ws1(h, q)?;
            self.ws1(h, self.thang.at(h, q)?)
        };
        let year = |r: usize| {
            let r = self.ws1(h, r)?;
            let r = self.ws1(h, self.nam.at(h, r)?)?;
            Some((r, self.year_at(h, r)?))
        };
        self.two_numbers(h, s, p, month, year)
    }

    /// The successive matches of
    /// `(?i)(?-u:\b)(?:ngày|sáng|chiều|tối|trưa)\s+(?:ngày\s+)?(\d{1,2})\s*[/.]\s*(\d{1,2})(?-u:\b)`
    /// (`y` is unused: an empty range at the end).
    pub fn day_months<'a>(&'a self, h: &'a str) -> impl Iterator<Item = DateCaps> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            let m = self.first(h, at, &self.day_first, |s| self.day_month_at(h, s))?;
            at = m.whole.end;
            Some(m)
        })
    }

    fn day_month_at(&self, h: &str, s: usize) -> Option<DateCaps> {
        if !wb(h, s) {
            return None;
        }
        for (_, p) in self.day_words.at(h, s) {
            let Some(p) = self.ws1(h, p) else {
                continue;
            };
            // (?:ngày\s+)? tried with, then without.
            let with = self.ngay.at(h, p).and_then(|p| self.ws1(h, p));
            let sep = |q: usize| {
                let q = span(h, q, &self.ws);
                matches!(byte(h, q), b'/' | b'.').then(|| span(h, q + 1, &self.ws))
            };
            let end = |e: usize| wb(h, e).then_some((e, e));
            for p in [with, Some(p)].into_iter().flatten() {
                if let Some(m) = self.two_numbers(h, s, p, sep, end) {
                    return Some(m);
                }
            }
        }
        None
    }

    /// The first match of `(?i)(?-u:\b)tháng\s+(\d{1,2})\s*(?:/|năm)\s*((?:19|20)\d{2})(?-u:\b)`
    /// (`b` is unused: an empty range at the start).
    pub fn month(&self, h: &str) -> Option<DateCaps> {
        // The fold classes of `t` and `h` are `t`, `T` and `h`, `H`.
        first_after_pair(h, b't', b'h', |s| self.month_at(h, s))
    }

    fn month_at(&self, h: &str, s: usize) -> Option<DateCaps> {
        if !wb(h, s) {
            return None;
        }
        let p = self.thang.at(h, s).and_then(|p| self.ws1(h, p))?;
        let d = run(h, p, 2, &self.nd);
        for k in (1..=d.n).rev() {
            let q = span(h, d.ends[k], &self.ws);
            let seps = [(byte(h, q) == b'/').then_some(q + 1), self.nam.at(h, q)];
            for q in seps.into_iter().flatten() {
                let r = span(h, q, &self.ws);
                if let Some(e) = self.year_at(h, r) {
                    return Some(DateCaps {
                        whole: s..e,
                        a: p..d.ends[k],
                        b: s..s,
                        y: r..e,
                    });
                }
            }
        }
        None
    }

    // ---- period --------------------------------------------------------------------------

    /// The start of the first match from `at` of
    /// `(?i)6 tháng |sáu tháng |9 tháng |quý |nhiệm kỳ |giai đoạn |tổng kết |kết quả |năm `
    /// (the tests' view of [`Matchers::period_candidate`]).
    #[cfg(test)]
    pub fn period_start(&self, h: &str, at: usize) -> Option<usize> {
        self.first(h, at, &self.start_first, |s| {
            self.starts.at(h, s).next().map(|_| s)
        })
    }

    /// The first match of [`Matchers::period_at`] from `at`. Every match holds a year (its
    /// first one within 80 characters other than spaces from its start): the years are found
    /// first (by `memchr`), and the places tried, in order, are those before each.
    pub fn period_from(&self, h: &str, at: usize) -> Option<PeriodMatch> {
        let b = h.as_bytes();
        // Places before `tried` were tried (or cannot start a match).
        let mut tried = at;
        let mut from = at;
        while let Some(k) = memchr::memchr2(b'1', b'2', &b[from..]) {
            let p = from + k;
            from = p + 1;
            if self.year_at(h, p).is_none() {
                continue;
            }
            let mut s = self.before(h, p, 80, tried);
            while let Some(c) = self.period_candidate(h, s, p) {
                if let Some(m) = self.period_at(h, c) {
                    return Some(m);
                }
                s = c + h[c..].chars().next().map_or(1, char::len_utf8);
            }
            tried = p;
        }
        None
    }

    /// The start of the `n` characters other than `\s` before `p` (with the spaces among and
    /// before them), not before `floor` (a character boundary).
    fn before(&self, h: &str, p: usize, n: usize, floor: usize) -> usize {
        let mut s = p;
        let mut count = 0;
        while s > floor {
            let Some(c) = h[floor..s].chars().next_back() else {
                break;
            };
            if !self.ws.has(c) {
                if count == n {
                    break;
                }
                count += 1;
            }
            s -= c.len_utf8();
        }
        s
    }

    /// The first place in `at..end` where [`Matchers::period_at`] may match: a start of
    /// [`Matchers::period_start`] at an ASCII word boundary (which `period_at` asks for first).
    pub fn period_candidate(&self, h: &str, at: usize, end: usize) -> Option<usize> {
        let b = &h.as_bytes()[..end];
        let mut s = at;
        loop {
            while s < b.len() && !self.start_first[b[s] as usize] {
                s += 1;
            }
            if s >= b.len() {
                return None;
            }
            // An ASCII first byte is its character: then the literals that may start here, by
            // it and the next byte, are those `Lits::at` tries (most `n`, `t`, `g` are passed).
            let x = b[s];
            let maybe = x >= 128
                || self.starts.first[x as usize] & self.starts.second[byte(h, s + 1) as usize] != 0;
            if maybe && wb(h, s) && self.starts.at(h, s).next().is_some() {
                return Some(s);
            }
            s += 1;
        }
    }

    /// The period pattern matched anchored at `s`:
    /// ```text
    /// (?i)(?-u:\b)(?:(?P<h>6|sáu) tháng (?P<hw>đầu|cuối) năm (?P<hy>(?:19|20)\d{2})
    ///   |(?P<n9>9) tháng (?:đầu )?năm (?P<ny>(?:19|20)\d{2})
    ///   |quý (?P<q>I{1,3}|IV|[1-4])(?:\s*/\s*|\s+năm\s+)(?P<qy>(?:19|20)\d{2})
    ///   |(?P<tw>nhiệm kỳ|giai đoạn) (?P<t1>(?:19|20)\d{2})\s*[-–—]\s*(?P<t2>(?:19|20)\d{2})
    ///   |(?P<yw>tổng kết|kết quả|năm) (?:[\p{L} ,]{0,60}?)năm (?P<y>(?:19|20)\d{2}))(?-u:\b)
    /// ```
    pub fn period_at(&self, h: &str, s: usize) -> Option<PeriodMatch> {
        if !wb(h, s) {
            return None;
        }
        let sp = |p: usize| (byte(h, p) == b' ').then_some(p + 1);
        let found = |e: usize, kind: PeriodKind| Some(PeriodMatch { whole: s..e, kind });
        // (6|sáu) tháng (đầu|cuối) năm YEAR
        let six = self.starts.lits[0]
            .at(h, s)
            .or_else(|| self.starts.lits[1].at(h, s));
        if let Some(p) = six {
            let hw = self.dau.at(h, p).or_else(|| self.cuoi.at(h, p));
            if let Some(q) = hw.and_then(sp).and_then(|q| self.nam.at(h, q)).and_then(sp) {
                if let Some(e) = self.year_at(h, q) {
                    return found(
                        e,
                        PeriodKind::Half {
                            hw: p..hw.unwrap_or(p),
                            hy: q..e,
                        },
                    );
                }
            }
        }
        // 9 tháng (đầu )?năm YEAR
        if let Some(p) = self.starts.lits[2].at(h, s) {
            for p in [self.dau_sp.at(h, p), Some(p)].into_iter().flatten() {
                if let Some(q) = self.nam.at(h, p).and_then(sp) {
                    if let Some(e) = self.year_at(h, q) {
                        return found(e, PeriodKind::Nine { ny: q..e });
                    }
                }
            }
        }
        // quý (I{1,3}|IV|[1-4])(\s*/\s*|\s+năm\s+)YEAR
        if let Some(p) = self.starts.lits[3].at(h, s) {
            let mut qs: Vec<usize> = Vec::with_capacity(5);
            let mut i = p;
            for _ in 0..3 {
                match self.q_i.at(h, i) {
                    Some(e) => {
                        i = e;
                        qs.push(e);
                    }
                    None => break,
                }
            }
            qs.reverse();
            if let Some(e) = self.q_i.at(h, p).and_then(|e| self.q_v.at(h, e)) {
                qs.push(e);
            }
            if matches!(byte(h, p), b'1'..=b'4') {
                qs.push(p + 1);
            }
            for q in qs {
                let slash = {
                    let t = span(h, q, &self.ws);
                    (byte(h, t) == b'/').then(|| span(h, t + 1, &self.ws))
                };
                let word = self
                    .ws1(h, q)
                    .and_then(|t| self.nam.at(h, t))
                    .and_then(|t| self.ws1(h, t));
                for r in [slash, word].into_iter().flatten() {
                    if let Some(e) = self.year_at(h, r) {
                        return found(e, PeriodKind::Quarter { q: p..q, qy: r..e });
                    }
                }
            }
        }
        // (nhiệm kỳ|giai đoạn) YEAR\s*[-–—]\s*YEAR
        let term = self
            .nhiem_ky
            .at(h, s)
            .or_else(|| self.giai_doan.at(h, s))
            .and_then(sp);
        if let Some(p) = term {
            if let Some(a) = self.year_at_open(h, p) {
                let t = span(h, a, &self.ws);
                let dash = ["-", "–", "—"]
                    .iter()
                    .find_map(|d| h[t..].starts_with(d).then_some(t + d.len()));
                if let Some(t) = dash {
                    let r = span(h, t, &self.ws);
                    if let Some(e) = self.year_at(h, r) {
                        return found(e, PeriodKind::Term { t1: p..a, t2: r..e });
                    }
                }
            }
        }
        // (tổng kết|kết quả|năm) [\p{L} ,]{0,60}?năm YEAR
        let yw = self
            .tong_ket
            .at(h, s)
            .or_else(|| self.ket_qua.at(h, s))
            .or_else(|| self.nam.at(h, s))
            .and_then(sp);
        if let Some(mut p) = yw {
            for k in 0..=60 {
                if let Some(q) = self.nam.at(h, p).and_then(sp) {
                    if let Some(e) = self.year_at(h, q) {
                        return found(e, PeriodKind::Year { y: q..e });
                    }
                }
                if k == 60 {
                    break;
                }
                match next(h, p) {
                    Some((c, e)) if self.gap.has(c) => p = e,
                    _ => break,
                }
            }
        }
        None
    }

    /// `(?:19|20)\d{2}` at `p` with no boundary after it: its end.
    fn year_at_open(&self, h: &str, p: usize) -> Option<usize> {
        let b = h.as_bytes();
        if !(b.get(p..p + 2) == Some(b"19") || b.get(p..p + 2) == Some(b"20")) {
            return None;
        }
        let r = run(h, p + 2, 2, &self.nd);
        (r.n == 2).then_some(r.ends[2])
    }
}

/// The first bytes of the body pattern's alternatives.
const BODY_FIRST: &[&str] = &["B", "T", "H", "Q", "Đ", "U", "Ủ", "V", "C"];

const BODY_UNITS_PARTY: &[&str] = &[
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
];

pub(crate) const BODY_COMMITTEES: &[&str] = &["Tỉnh", "Thành", "Huyện", "Quận", "Thị"];

pub(crate) const BODY_COUNCILS: &[&str] = &[
    "UBND",
    "HĐND",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Hội đồng nhân dân",
];

pub(crate) const BODY_UNITS_STATE: &[&str] = &[
    "tỉnh",
    "thành phố",
    "TP",
    "huyện",
    "quận",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
];

/// `Bộ Chính trị` to `Ban Tổ chức Trung ương`: the bodies named in full, in the pattern's order.
pub(crate) const BODY_FIXED: &[&str] = &[
    "Bộ Chính trị",
    "Ban Bí thư",
    "Văn phòng Chính phủ",
    "Thủ tướng Chính phủ",
    "Chính phủ",
    "Quốc hội",
    "Ủy ban Kiểm tra Trung ương",
    "Ban Kinh tế Trung ương",
    "Ban Tổ chức Trung ương",
];

pub(crate) const BODY_MINISTRIES: &[&str] = &[
    "Công Thương",
    "Tài chính",
    "Kế hoạch và Đầu tư",
    "Nội vụ",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Quốc phòng",
    "Công an",
    "Tư pháp",
    "Xây dựng",
    "Giao thông vận tải",
    "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường",
    "Tài nguyên và Môi trường",
    "Lao động - Thương binh và Xã hội",
    "Văn hóa, Thể thao và Du lịch",
    "Khoa học và Công nghệ",
    "Thông tin và Truyền thông",
    "Ngoại giao",
    "Dân tộc và Tôn giáo",
];

/// The first match `try_at` finds at a place where the ASCII letters `first` and `second`
/// (lower case; either case matches) stand side by side: the literal opening of a pattern
/// whose letters fold only to themselves.
fn first_after_pair<T>(
    h: &str,
    first: u8,
    second: u8,
    mut try_at: impl FnMut(usize) -> Option<T>,
) -> Option<T> {
    let b = h.as_bytes();
    let mut at = 0;
    while let Some(k) = memchr::memchr2(first, first.to_ascii_uppercase(), &b[at..]) {
        let s = at + k;
        if b.get(s + 1).is_some_and(|x| x | 0x20 == second) {
            if let Some(found) = try_at(s) {
                return Some(found);
            }
        }
        at = s + 1;
    }
    None
}

#[cfg(test)]
#[path = "matchers_tests.rs"]
mod tests;

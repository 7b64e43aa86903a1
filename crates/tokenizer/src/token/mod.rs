//! Typed tokens: a hand-written scanner that cuts normalized (NFC) text into
//! [`Token`]s, each with a [`TokenKind`] and a byte range.
//!
//! The scanner reads a *chunk* of letter/digit runs joined by single
//! connectors (`. , / - : &`, no space), then takes the longest prefix of it
//! that forms a compound (document code, date, ratio, number, dotted or
//! hyphenated abbreviation, URL); otherwise the first run alone is a token and
//! the connector becomes a punctuation token. So a figure, a date or a code
//! is never cut into pieces, and a `.` inside one is never a token of its own.
//!
//! Conventions (documented choices):
//! - `tháng 5/2017`, `quý I/2025`: the word is a [`TokenKind::Syllable`] and
//!   `5/2017`, `I/2025` a [`TokenKind::Date`]. Day/month without a year
//!   (`30/6`: a valid day 1–31 / month 1–12 joined by `/`) is a date when
//!   the first number is not smaller than the second or a date word
//!   precedes (`ngày 3/7`, `sáng 3/7`, `đến 1/4`); otherwise `1/3`, `2/3`
//!   are fractions, [`TokenKind::Ratio`], like `15/18`. With a hyphen,
//!   `30-4` is a date only after `ngày`, `sáng`... (`từ 10-12` is a range:
//!   number, dash, number). ISO `2024-06-30` and times (`14:30`, `14:30:05`,
//!   `8h30`, `8h`) are dates too; other numbers joined by `:` (`1:1.000`) are
//!   ratios.
//! - A number followed by a lower-case unit (`4.435m`, `99km`, `1038,5ha`) is
//!   a Number and then a word (`m2`, `km2`: Foreign).
//! - Mixed letters and digits (`5G`, `F0`, `TW4`, `H5N1`, `COVID-19`,
//!   `SARS-CoV-2`) are [`TokenKind::Code`], like `43-NQ/TW`.
//! - Upper-case words: a Roman numeral of I, V, X, L (`XIII`, `IV`, also a
//!   lone `I`) is Roman; a word that has the shape of a Vietnamese syllable is
//!   a Syllable when it carries a vowel mark or has 3+ letters (`BÁO`, `BAN`,
//!   headings in capitals), otherwise (`UBND`, `TW`, `AI`, `TU`) an
//!   Abbreviation. Mixed case with 2+ capitals and no more small letters
//!   than capitals (`TTg`, `ThS`, `MHz`) is an Abbreviation (`PlayStation`
//!   is Foreign). `TP.`, `TS.`, `PGS.`... keep their dot (known dotted
//!   abbreviations); `T.Ư`, `TP.HCM`, `PGS.TS.`, `v.v.`, `KT-XH`, `GD&ĐT`,
//!   `NQ/TW`, `Đ/c` are one Abbreviation.
//! - Whitespace ([`is_space`]) separates tokens but a Period (`2020 - 2025`)
//!   or a Percent (`5,1 %`) may contain spaces.

mod number;
mod syllable;

pub use number::{parse_number, parse_percent};
pub use syllable::is_vietnamese_syllable;

use crate::memo::{BytesKey, SLOTS};
use std::cell::RefCell;
use syllable::{is_combining_mark, vn_letter, Shape, DD};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A Vietnamese syllable (`Ban`, `chấp`, `BÁO`).
    Syllable,
    /// A word that is not a Vietnamese syllable (foreign words, units like `km`).
    Foreign,
    /// `832.270.966.973`, `3.807,927`, `07`; also section numbers `1.2.3`.
    Number,
    /// `104,11%`, `5,1 %`.
    Percent,
    /// `419/419`, `45.799/36.875`.
    Ratio,
    /// `30/6/2024`, `29-1-2021`, `22.12.2024`, `5/2017`, `I/2025`, `30/6`, `14:30`.
    Date,
    /// Years: `2020-2025`, `2020 - 2025`, `2021–2025`, `1968/69`.
    Period,
    /// `43-NQ/TW`, `19/2017/NQ-CP`, `COVID-19`, `5G`.
    Code,
    /// `XIII`, `IV`.
    Roman,
    /// `UBND`, `TP.`, `KT-XH`, `Đ/c`.
    Abbreviation,
    /// `https://...`, `www.x.vn`, `thanhuy.gov.vn`.
    Url,
    /// `ten@dangbo.vn`.
    Email,
    /// One punctuation mark; `...` (a run of dots) and `./.` are one token.
    Punct,
    /// `+`, `=`, `§`, `%` alone, currency and other symbols.
    Symbol,
}

impl TokenKind {
    /// Lower-case name used in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            TokenKind::Syllable => "syllable",
            TokenKind::Foreign => "foreign",
            TokenKind::Number => "number",
            TokenKind::Percent => "percent",
            TokenKind::Ratio => "ratio",
            TokenKind::Date => "date",
            TokenKind::Period => "period",
            TokenKind::Code => "code",
            TokenKind::Roman => "roman",
            TokenKind::Abbreviation => "abbreviation",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
        }
    }

    /// A word made of letters: syllable, foreign word, abbreviation, Roman numeral.
    pub fn is_word_like(self) -> bool {
        matches!(
            self,
            TokenKind::Syllable | TokenKind::Foreign | TokenKind::Abbreviation | TokenKind::Roman
        )
    }

    /// A figure: number, percent, ratio, date or period.
    pub fn is_figure(self) -> bool {
        matches!(
            self,
            TokenKind::Number
                | TokenKind::Percent
                | TokenKind::Ratio
                | TokenKind::Date
                | TokenKind::Period
        )
    }

    /// Anything but punctuation and symbols: the token carries content.
    pub fn is_content(self) -> bool {
        !matches!(self, TokenKind::Punct | TokenKind::Symbol)
    }

    /// A token whose text may contain a `.` that is *not* a sentence end
    /// (`3.807`, `22.12.2024`, `TP.`, `T.Ư`, URLs, e-mail addresses).
    /// A sentence-ending dot is always a [`TokenKind::Punct`] token of its own.
    pub fn may_contain_dot(self) -> bool {
        !matches!(
            self,
            TokenKind::Syllable | TokenKind::Foreign | TokenKind::Punct | TokenKind::Symbol
        )
    }
}

/// A token: its kind and byte range in the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// The value of a Number (`3.807,927` → 3807.927) or a Percent
    /// (`104,11%` → 104.11), see [`parse_number`]; `None` for other kinds.
    pub fn value(&self, text: &str) -> Option<f64> {
        match self.kind {
            TokenKind::Number => parse_number(self.text(text)),
            TokenKind::Percent => parse_percent(self.text(text)),
            _ => None,
        }
    }

    /// A punctuation token that can end a sentence: `.`, `?`, `!`, `...`,
    /// `…`, `./.` (the closing mark of Vietnamese official documents).
    pub fn is_sentence_end(&self, text: &str) -> bool {
        self.kind == TokenKind::Punct
            && matches!(self.text(text).chars().next(), Some('.' | '?' | '!' | '…'))
    }
}

/// Whitespace between tokens: Unicode White_Space plus the zero-width
/// characters (U+200B..U+200D, U+2060, U+FEFF).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Cut `text` into typed tokens.
///
/// ```
/// use tomtat_tokenizer::{tokenize, TokenKind};
/// let text = "Ngày 30/6/2024, UBND đạt 104,11% (43-NQ/TW).";
/// let kinds: Vec<_> = tokenize(text).iter().map(|t| (t.text(text), t.kind)).collect();
/// assert_eq!(kinds[1], ("30/6/2024", TokenKind::Date));
/// assert_eq!(kinds[3], ("UBND", TokenKind::Abbreviation));
/// assert_eq!(kinds[5], ("104,11%", TokenKind::Percent));
/// assert_eq!(kinds[7], ("43-NQ/TW", TokenKind::Code));
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Cut `text` into typed tokens, appending to `out` (reuse the buffer across
/// calls). Allocates only when `out` grows, and once per thread the memo of the
/// kinds of the words met (by their bytes; it never changes a token).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    thread_local! {
        static MEMO: RefCell<KindMemo> = RefCell::new(KindMemo::default());
    }
    MEMO.with(|cell| match cell.try_borrow_mut() {
        Ok(mut memo) => scan(text, out, &mut memo),
        Err(_) => scan(text, out, &mut KindMemo::default()),
    });
}

fn scan(text: &str, out: &mut Vec<Token>, memo: &mut KindMemo) {
    let base = out.len();
    let mut s = Scanner {
        text,
        b: text.as_bytes(),
        out,
        base,
        memo,
    };
    s.run();
}

/// The [`Scanner::word_kind`] of lone runs by their bytes ([`crate::memo`]): a
/// word's kind depends on its letters only, and running text repeats its words.
#[derive(Debug, Default)]
struct KindMemo {
    slots: Vec<(BytesKey, TokenKind)>,
}

struct Scanner<'t, 'o> {
    text: &'t str,
    b: &'t [u8],
    out: &'o mut Vec<Token>,
    /// Length of `out` before this text: tokens below it are not ours.
    base: usize,
    memo: &'o mut KindMemo,
}

/// A run of letters and digits (with combining marks).
#[derive(Debug, Clone, Copy, Default)]
struct Atom {
    start: usize,
    end: usize,
    /// End of the leading run of ASCII digits (`start` when it starts with a letter).
    lead: usize,
    /// Chars, not counting combining marks.
    chars: u32,
    digits: u32,
    upper: u32,
    lower: u32,
    /// Letters outside the Vietnamese alphabet, non-ASCII digits.
    foreign: bool,
    /// A vowel with a diacritic (not counting đ).
    marked: bool,
    first_upper: bool,
    /// The letters, for the syllable-shape check.
    shape: Shape,
}

impl Atom {
    fn len(&self) -> usize {
        self.end - self.start
    }
    fn all_digits(&self) -> bool {
        self.lead == self.end
    }
    fn digit_first(&self) -> bool {
        self.lead > self.start
    }
    fn no_digit(&self) -> bool {
        self.digits == 0
    }
    /// Only cased letters, all upper case.
    fn all_caps(&self) -> bool {
        self.digits == 0 && self.lower == 0 && self.upper == self.chars
    }
}

/// Connectors that may join runs inside one chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Sep {
    #[default]
    Dot,
    Comma,
    Slash,
    Hyphen,
    Colon,
    Amp,
}

const MAX_ATOMS: usize = 24;

/// A chunk: `n` runs joined by single connectors; `seps[k]` follows
/// `atoms[k]` (`seps[n - 1]` means nothing).
struct Chunk<'c> {
    atoms: &'c [Atom],
    seps: &'c [Sep],
    n: usize,
}

/// The atoms of a chunk read as numbers: `pure(k)`, `dlen(k)`, `val(k)` of atom `k`.
struct Digits<'a, 'c> {
    b: &'a [u8],
    ch: &'a Chunk<'c>,
}

impl Digits<'_, '_> {
    /// Whether atom `k` exists and is all digits.
    fn pure(&self, k: usize) -> bool {
        k < self.ch.n && self.ch.atoms[k].all_digits()
    }
    fn dlen(&self, k: usize) -> usize {
        self.ch.atoms[k].len()
    }
    fn val(&self, k: usize) -> u32 {
        digits_value(&self.b[self.ch.atoms[k].start..self.ch.atoms[k].end])
    }
}

fn day_month(d: u32, m: u32) -> bool {
    (1..=31).contains(&d) && (1..=12).contains(&m)
}

/// Abbreviations written with a trailing dot.
const DOTTED: [&str; 23] = [
    "TP", "Tp", "tp", "TX", "Tx", "TT", "TS", "Ts", "ThS", "Ths", "PGS", "GS", "BS", "KS", "NXB",
    "Th", "Tr", "tr", "Mr", "Mrs", "Ms", "Dr", "St",
];

/// Words announcing a date: the first 7 announce a day for sure (`ngày 30-4`),
/// the others a day or a range (`từ 1/4`, `từ 10-12`).
const CUES: [&str; 17] = [
    "ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "từ", "đến", "tới", "đầu", "cuối",
    "giữa", "trước", "sau", "lúc", "vào",
];

/// Top-level domains that make `a.b.vn` a URL.
const TLDS: [&str; 9] = ["vn", "com", "net", "org", "gov", "edu", "info", "int", "io"];

fn is_alnum_char(c: char) -> bool {
    vn_letter(c).is_some() || c.is_alphanumeric() || is_combining_mark(c)
}

/// The char starting at byte `i` of valid UTF-8 (`i` on a char boundary).
#[inline]
fn decode(b: &[u8], i: usize) -> char {
    let c0 = b[i] as u32;
    let cp = if c0 < 0x80 {
        c0
    } else if c0 < 0xE0 {
        ((c0 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F)
    } else if c0 < 0xF0 {
        ((c0 & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F)
    } else {
        ((c0 & 0x07) << 18)
            | ((b[i + 1] as u32 & 0x3F) << 12)
            | ((b[i + 2] as u32 & 0x3F) << 6)
            | (b[i + 3] as u32 & 0x3F)
    };
    char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Value of a few ASCII digits.
fn digits_value(s: &[u8]) -> u32 {
    s.iter().fold(0u32, |v, &d| {
        v.saturating_mul(10).saturating_add((d - b'0') as u32)
    })
}

/// A Roman numeral of I, V, X, L in canonical form (2..=89, or a lone I, V, X).
///
/// Stricter than the splitter's heading check, which takes any run of I, V, X, L
/// up to six letters (`IIII`, `VX`); the two give different verdicts, so they
/// stay apart until a measured change (issue 14).
fn is_roman(s: &[u8]) -> bool {
    if s == b"L" || !s.iter().all(|c| matches!(c, b'I' | b'V' | b'X' | b'L')) {
        return false;
    }
    const TENS: [&[u8]; 9] = [
        b"LXXX", b"LXX", b"LX", b"XXX", b"XL", b"XX", b"L", b"X", b"",
    ];
    const UNITS: [&[u8]; 10] = [
        b"VIII", b"VII", b"III", b"IV", b"IX", b"VI", b"II", b"V", b"I", b"",
    ];
    !s.is_empty()
        && TENS
            .iter()
            .any(|t| s.starts_with(t) && UNITS.iter().any(|u| &s[t.len()..] == *u))
}

impl Scanner<'_, '_> {
    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.out.push(Token { kind, start, end });
    }

    fn char_at(&self, i: usize) -> char {
        decode(self.b, i)
    }

    /// Whether a letter or digit starts at `i`.
    fn alnum_at(&self, i: usize) -> bool {
        match self.b.get(i) {
            Some(&c) if c < 0x80 => c.is_ascii_alphanumeric(),
            Some(_) => is_alnum_char(self.char_at(i)),
            None => false,
        }
    }

    fn run(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            let c = self.b[i];
            i = if c < 0x80 {
                match c {
                    b' ' | b'\t'..=b'\r' => i + 1,
                    b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => self.chunk(i),
                    b'@' => self.at_sign(i),
                    _ => self.punct(i),
                }
            } else {
                let ch = self.char_at(i);
                if is_space(ch) {
                    i + ch.len_utf8()
                } else if is_alnum_char(ch) {
                    self.chunk(i)
                } else {
                    self.punct(i)
                }
            };
        }
    }

    fn scan_atom(&self, i: usize) -> Atom {
        let b = self.b;
        let mut a = Atom {
            start: i,
            lead: i,
            ..Atom::default()
        };
        let mut j = i;
        let mut leading = true;
        while j < b.len() {
            let c = b[j];
            if c < 0x80 {
                match c {
                    b'0'..=b'9' => {
                        a.shape.push_other();
                        a.digits += 1;
                        j += 1;
                        if leading {
                            a.lead = j;
                        }
                    }
                    b'a'..=b'z' => {
                        leading = false;
                        a.lower += 1;
                        a.foreign |= matches!(c, b'f' | b'j' | b'w' | b'z');
                        a.shape.push_ascii(c);
                        j += 1;
                    }
                    b'A'..=b'Z' => {
                        leading = false;
                        if a.chars == 0 {
                            a.first_upper = true;
                        }
                        a.upper += 1;
                        a.foreign |= matches!(c, b'F' | b'J' | b'W' | b'Z');
                        a.shape.push_ascii(c);
                        j += 1;
                    }
                    _ => break,
                }
            } else {
                let ch = decode(b, j);
                if let Some(v) = vn_letter(ch) {
                    a.shape.push_vn(v);
                    if v.upper {
                        if a.chars == 0 {
                            a.first_upper = true;
                        }
                        a.upper += 1;
                    } else {
                        a.lower += 1;
                    }
                    a.marked |= v.base != DD;
                } else if is_combining_mark(ch) {
                    // Part of the previous letter: not counted as a char.
                    a.shape.push_mark(ch);
                    a.marked = true;
                    leading = false;
                    j += ch.len_utf8();
                    continue;
                } else if ch.is_alphanumeric() {
                    a.shape.push_other();
                    a.foreign = true;
                    if ch.is_uppercase() {
                        if a.chars == 0 {
                            a.first_upper = true;
                        }
                        a.upper += 1;
                    } else if ch.is_lowercase() {
                        a.lower += 1;
                    }
                } else {
                    break;
                }
                leading = false;
                j += ch.len_utf8();
            }
            a.chars += 1;
        }
        a.end = j;
        a
    }

    /// The connector at `i` and its length in bytes, if a letter or digit
    /// follows it. U+2010 and U+2011 (non-breaking hyphen) are hyphens.
    fn sep_at(&self, i: usize) -> Option<(Sep, usize)> {
        let (sep, len) = match *self.b.get(i)? {
            b'.' => (Sep::Dot, 1),
            b',' => (Sep::Comma, 1),
            b'/' => (Sep::Slash, 1),
            b'-' => (Sep::Hyphen, 1),
            b':' => (Sep::Colon, 1),
            b'&' => (Sep::Amp, 1),
            0xE2 if matches!(self.b.get(i + 1..i + 3), Some([0x80, 0x90 | 0x91])) => {
                (Sep::Hyphen, 3)
            }
            _ => return None,
        };
        self.alnum_at(i + len).then_some((sep, len))
    }

    /// Scan runs and connectors after the first run `a0` into the arrays;
    /// return how many runs.
    fn gather(
        &self,
        a0: Atom,
        atoms: &mut [Atom; MAX_ATOMS],
        seps: &mut [Sep; MAX_ATOMS],
    ) -> usize {
        let mut a = a0;
        let mut n = 0;
        loop {
            atoms[n] = a;
            n += 1;
            if n == MAX_ATOMS {
                return n;
            }
            match self.sep_at(a.end) {
                Some((s, len)) => {
                    seps[n - 1] = s;
                    a = self.scan_atom(a.end + len);
                }
                None => return n,
            }
        }
    }

    /// Scan the chunk starting at `i` (a letter or digit), push its token,
    /// return where scanning resumes.
    fn chunk(&mut self, i: usize) -> usize {
        let first = self.b[i];
        if first.is_ascii_digit() {
            if let Some(e) = self.period(i) {
                self.push(TokenKind::Period, i, e);
                return e;
            }
        } else if matches!(first, b'h' | b'H' | b'w' | b'W' | b'f' | b'F') {
            if let Some(e) = self.url_prefix(i) {
                self.push(TokenKind::Url, i, e);
                return e;
            }
        }
        if !first.is_ascii_digit() {
            // Fast path: a lone run starting with a letter (most words), its kind
            // remembered by its bytes; the run is scanned in full only when needed.
            let end = self.atom_end(i);
            if self.sep_at(end).is_none() {
                let (kind, end) = self.lone_word(i, end);
                self.push(kind, i, end);
                return end;
            }
        }
        let a0 = self.scan_atom(i);
        let (kind, end) = if self.sep_at(a0.end).is_none() {
            let ch = Chunk {
                atoms: &[a0],
                seps: &[Sep::Dot],
                n: 1,
            };
            self.classify(&ch)
        } else {
            let mut atoms = [Atom::default(); MAX_ATOMS];
            let mut seps = [Sep::Dot; MAX_ATOMS];
            let n = self.gather(a0, &mut atoms, &mut seps);
            let ch = Chunk {
                atoms: &atoms,
                seps: &seps,
                n,
            };
            self.classify(&ch)
        };
        self.push(kind, i, end);
        end
    }

    fn classify(&self, ch: &Chunk) -> (TokenKind, usize) {
        if ch.atoms[0].digit_first() {
            self.digit_chunk(ch)
        } else {
            self.letter_chunk(ch)
        }
    }

    fn digit_chunk(&self, ch: &Chunk) -> (TokenKind, usize) {
        let a0 = ch.atoms[0];
        if !a0.all_digits() && self.is_clock_hours(ch) {
            return (TokenKind::Date, a0.end);
        }
        if let Some(e) = self.code(ch) {
            return (TokenKind::Code, e);
        }
        if !a0.all_digits() {
            // `5G`, `9A`: digits then a capital is a code; `99km` is a number then a unit.
            if self.char_at(a0.lead).is_uppercase() {
                return (TokenKind::Code, a0.end);
            }
            return self.with_percent(a0.lead);
        }
        let d = Digits { b: self.b, ch };
        self.three_part_date(&d)
            .or_else(|| self.two_part_date(&d))
            .or_else(|| self.season(&d))
            .unwrap_or_else(|| self.ratio_or_number(ch))
    }

    /// `14h30`, `8h`: a time (the first atom is digits then `h`).
    fn is_clock_hours(&self, ch: &Chunk) -> bool {
        let (a0, b) = (ch.atoms[0], self.b);
        let rest = &b[a0.lead..a0.end];
        let minutes =
            |m: &[u8]| m.len() == 2 && m.iter().all(u8::is_ascii_digit) && digits_value(m) < 60;
        a0.lead - a0.start <= 2
            && digits_value(&b[a0.start..a0.lead]) <= 24
            && (rest == b"h" || rest.len() == 3 && rest[0] == b'h' && minutes(&rest[1..]))
            && !self.continues_figure(ch, 1)
    }

    /// Day/month/year, ISO dates and times with seconds: three numbers.
    fn three_part_date(&self, d: &Digits) -> Option<(TokenKind, usize)> {
        let ch = d.ch;
        let (pure, dlen, val) = (|k| d.pure(k), |k| d.dlen(k), |k| d.val(k));
        // Day/month/year with one separator.
        if pure(1)
            && pure(2)
            && ch.seps[0] == ch.seps[1]
            && dlen(0) <= 2
            && dlen(1) <= 2
            && match ch.seps[0] {
                Sep::Slash | Sep::Hyphen => matches!(dlen(2), 2 | 4),
                Sep::Dot => dlen(2) == 4,
                _ => false,
            }
            && day_month(val(0), val(1))
            && !self.continues_figure(ch, 3)
        {
            return Some((TokenKind::Date, ch.atoms[2].end));
        }
        // ISO `2024-06-30`.
        if pure(1)
            && pure(2)
            && ch.seps[0] == ch.seps[1]
            && matches!(ch.seps[0], Sep::Slash | Sep::Hyphen | Sep::Dot)
            && dlen(0) == 4
            && dlen(1) <= 2
            && dlen(2) <= 2
            && (1000..3000).contains(&val(0))
            && day_month(val(2), val(1))
            && !self.continues_figure(ch, 3)
        {
            return Some((TokenKind::Date, ch.atoms[2].end));
        }
        // Time with seconds `14:30:05`.
        if pure(1)
            && pure(2)
            && ch.seps[0] == Sep::Colon
            && ch.seps[1] == Sep::Colon
            && dlen(0) <= 2
            && dlen(1) == 2
            && dlen(2) == 2
            && val(0) <= 24
            && val(1) < 60
            && val(2) < 60
        {
            return Some((TokenKind::Date, ch.atoms[2].end));
        }
        None
    }

    /// Times, month/year and day/month: two numbers, the first of at most two digits.
    fn two_part_date(&self, d: &Digits) -> Option<(TokenKind, usize)> {
        let ch = d.ch;
        let (pure, dlen, val) = (|k| d.pure(k), |k| d.dlen(k), |k| d.val(k));
        if !(pure(1) && dlen(0) <= 2 && !self.continues_figure(ch, 2)) {
            return None;
        }
        // Time `14:30`.
        if ch.seps[0] == Sep::Colon && dlen(1) == 2 && val(0) <= 24 && val(1) < 60 {
            return Some((TokenKind::Date, ch.atoms[1].end));
        }
        // Month/year `5/2017`, `6.2024`.
        if matches!(ch.seps[0], Sep::Slash | Sep::Hyphen | Sep::Dot)
            && dlen(1) == 4
            && (1..=12).contains(&val(0))
            && (1000..3000).contains(&val(1))
        {
            return Some((TokenKind::Date, ch.atoms[1].end));
        }
        // Day/month `30/6`; `1/3` is a fraction unless a date word precedes.
        if ch.seps[0] == Sep::Slash
            && dlen(1) <= 2
            && day_month(val(0), val(1))
            && (val(0) >= val(1) || self.after_date_word(CUES.len()))
        {
            return Some((TokenKind::Date, ch.atoms[1].end));
        }
        // `ngày 30-4`: with a hyphen only after a date word (`10-12` is a range).
        if ch.seps[0] == Sep::Hyphen
            && dlen(1) <= 2
            && day_month(val(0), val(1))
            && self.after_date_word(7)
        {
            return Some((TokenKind::Date, ch.atoms[1].end));
        }
        None
    }

    /// Seasons `1968/69`, `2010-11`: a period.
    fn season(&self, d: &Digits) -> Option<(TokenKind, usize)> {
        let ch = d.ch;
        let (pure, dlen, val) = (|k| d.pure(k), |k| d.dlen(k), |k| d.val(k));
        if pure(1)
            && dlen(0) == 4
            && dlen(1) == 2
            && matches!(ch.seps[0], Sep::Slash | Sep::Hyphen)
            && (1000..3000).contains(&val(0))
            && val(1) == (val(0) + 1) % 100
            && !self.continues_figure(ch, 2)
        {
            return Some((TokenKind::Period, ch.atoms[1].end));
        }
        None
    }

    /// Numbers joined by `/` (or `:`, `1:1.000`) are a ratio; else a number, with its
    /// percent sign.
    fn ratio_or_number(&self, ch: &Chunk) -> (TokenKind, usize) {
        let (mut end, mut k) = self.number_chain(ch, 0);
        let mut parts = 1;
        let rsep = ch.seps[k - 1];
        while k < ch.n
            && end == ch.atoms[k - 1].end
            && matches!(rsep, Sep::Slash | Sep::Colon)
            && ch.seps[k - 1] == rsep
            && ch.atoms[k].digit_first()
        {
            (end, k) = self.number_chain(ch, k);
            parts += 1;
        }
        if parts > 1 {
            return (TokenKind::Ratio, end);
        }
        self.with_percent(end)
    }

    /// Whether atom `k` continues the figure before it (a connector, not a
    /// hyphen, then a digit).
    fn continues_figure(&self, ch: &Chunk, k: usize) -> bool {
        k < ch.n && ch.atoms[k].digit_first() && ch.seps[k - 1] != Sep::Hyphen
    }

    /// Digits joined by `.` or `,` from atom `k`: (end byte, index of the
    /// first atom not taken). A unit glued to the last digits is left out.
    fn number_chain(&self, ch: &Chunk, k: usize) -> (usize, usize) {
        let mut k = k;
        loop {
            let a = ch.atoms[k];
            if !a.all_digits() {
                return (a.lead, k + 1);
            }
            if k + 1 < ch.n
                && matches!(ch.seps[k], Sep::Dot | Sep::Comma)
                && ch.atoms[k + 1].digit_first()
            {
                k += 1;
            } else {
                return (a.end, k + 1);
            }
        }
    }

    /// A number ending at `end`, made a Percent if `%` follows (maybe after
    /// one space or no-break space).
    fn with_percent(&self, end: usize) -> (TokenKind, usize) {
        let b = self.b;
        if b.get(end) == Some(&b'%') {
            (TokenKind::Percent, end + 1)
        } else if b.get(end) == Some(&b' ') && b.get(end + 1) == Some(&b'%') {
            (TokenKind::Percent, end + 2)
        } else if b.get(end..end + 3) == Some(&[0xC2, 0xA0, b'%']) {
            // No-break space.
            (TokenKind::Percent, end + 3)
        } else {
            (TokenKind::Number, end)
        }
    }

    /// Years joined by a dash, the second later: `2020-2025`, `2020 - 2025`, `2021–2025`.
    fn period(&self, i: usize) -> Option<usize> {
        let b = self.b;
        let four = |j: usize| {
            b.get(j..j + 4)
                .filter(|d| d.iter().all(u8::is_ascii_digit))
                .map(digits_value)
                .filter(|_| !b.get(j + 4).is_some_and(u8::is_ascii_digit))
        };
        let y1 = four(i)?;
        let mut j = i + 4;
        let spaces = |j: &mut usize| {
            let mut k = 0;
            while k < 2 && b.get(*j) == Some(&b' ') {
                *j += 1;
                k += 1;
            }
        };
        spaces(&mut j);
        if b.get(j) == Some(&b'-') {
            j += 1;
        } else if matches!(b.get(j..j + 3), Some([0xE2, 0x80, 0x93 | 0x94])) {
            j += 3;
        } else {
            return None;
        }
        spaces(&mut j);
        let y2 = four(j)?;
        let e = j + 4;
        if !(1000..3000).contains(&y1) || y2 <= y1 || y2 >= 3000 || self.alnum_at(e) {
            return None;
        }
        if matches!(b.get(e), Some(b'.' | b',' | b'/'))
            && b.get(e + 1).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        Some(e)
    }

    /// A document code: runs joined by `/`, `-`, `&` with at least one digit
    /// and one capital letter (`43-NQ/TW`, `19/2017/NQ-CP`, `COVID-19`).
    fn code(&self, ch: &Chunk) -> Option<usize> {
        let code_atom = |a: &Atom| {
            !a.no_digit() || a.first_upper && (a.all_caps() || a.upper >= 2 || a.chars <= 3)
        };
        let mut k = 0;
        let mut digit = false;
        let mut caps = false;
        while k < ch.n && code_atom(&ch.atoms[k]) {
            let a = &ch.atoms[k];
            digit |= !a.no_digit();
            caps |= a.upper > 0;
            k += 1;
            if !matches!(ch.seps[k - 1], Sep::Slash | Sep::Hyphen | Sep::Amp) {
                break;
            }
        }
        if k < 2 || !digit || !caps {
            return None;
        }
        Some(ch.atoms[k - 1].end)
    }

    fn letter_chunk(&self, ch: &Chunk) -> (TokenKind, usize) {
        let a0 = ch.atoms[0];
        let b = self.b;
        let w0 = &b[a0.start..a0.end];
        if ch.n >= 2 {
            let a1 = ch.atoms[1];
            // Quarter/year `I/2025`, `Q1/2025`.
            if matches!(ch.seps[0], Sep::Slash | Sep::Hyphen)
                && a1.all_digits()
                && a1.len() == 4
                && (is_roman(w0) || matches!(w0, [b'Q', b'1'..=b'4']))
                && !self.continues_figure(ch, 2)
            {
                return (TokenKind::Date, a1.end);
            }
            if let Some(e) = self.domain(ch) {
                return (TokenKind::Url, e);
            }
            if let Some(e) = self.code(ch) {
                return (TokenKind::Code, e);
            }
            if let Some(e) = self.dotted_abbreviation(ch) {
                return (TokenKind::Abbreviation, e);
            }
            // `KT-XH`, `GD&ĐT`, `NQ/TW`.
            let mut k = 0;
            while k < ch.n
                && (k == 0 || matches!(ch.seps[k - 1], Sep::Hyphen | Sep::Amp | Sep::Slash))
                && self.abbreviation_atom(&ch.atoms[k])
            {
                k += 1;
            }
            if k >= 2 {
                return (TokenKind::Abbreviation, ch.atoms[k - 1].end);
            }
            // `Đ/c`, `đ/c`.
            if ch.seps[0] == Sep::Slash
                && a0.no_digit()
                && a1.no_digit()
                && a0.chars <= 2
                && a1.chars <= 2
                && !(ch.n > 2 && matches!(ch.seps[1], Sep::Slash | Sep::Hyphen))
            {
                return (TokenKind::Abbreviation, a1.end);
            }
        }
        self.lone_atom(&a0, self.word_kind(&a0))
    }

    /// The token of a lone run `a0` that starts with a letter, whose
    /// [`Scanner::word_kind`] is `kind`: `TP.` keeps its dot, `AN NINH` in a
    /// heading in capitals is syllables.
    fn lone_atom(&self, a0: &Atom, mut kind: TokenKind) -> (TokenKind, usize) {
        let w0 = &self.b[a0.start..a0.end];
        if self.final_dot(a0.end) && DOTTED.iter().any(|d| d.as_bytes() == w0) {
            return (TokenKind::Abbreviation, a0.end + 1);
        }
        if kind == TokenKind::Abbreviation
            && a0.chars == 2
            && a0.shape.is_syllable()
            && self.in_capital_heading(a0)
        {
            // `AN NINH`, `CA MAU` in a heading written in capitals.
            kind = TokenKind::Syllable;
        }
        (kind, a0.end)
    }

    /// [`Scanner::lone_atom`] of the run `start..end` (a letter first, no connector
    /// after it), with its kind remembered by its bytes: the run is scanned into an
    /// [`Atom`] when its kind is not remembered, or is an abbreviation.
    #[inline]
    fn lone_word(&mut self, start: usize, end: usize) -> (TokenKind, usize) {
        let bytes = BytesKey::of(self.b, start, end);
        if let Some(bytes) = bytes {
            if self.memo.slots.is_empty() {
                self.memo.slots = vec![(BytesKey::default(), TokenKind::Syllable); SLOTS];
            }
            let (k, kind) = self.memo.slots[bytes.slot()];
            if k == bytes && kind != TokenKind::Abbreviation {
                let w0 = &self.b[start..end];
                if self.final_dot(end) && DOTTED.iter().any(|d| d.as_bytes() == w0) {
                    return (TokenKind::Abbreviation, end + 1);
                }
                return (kind, end);
            }
        }
        let a0 = self.scan_atom(start);
        debug_assert_eq!(a0.end, end);
        let kind = self.word_kind(&a0);
        if let Some(bytes) = bytes {
            self.memo.slots[bytes.slot()] = (bytes, kind);
        }
        self.lone_atom(&a0, kind)
    }

    /// The end of the run of letters and digits at `i`: where [`Scanner::scan_atom`]
    /// stops, found without counting.
    #[inline]
    fn atom_end(&self, i: usize) -> usize {
        let b = self.b;
        let mut j = i;
        while j < b.len() {
            let c = b[j];
            if c < 0x80 {
                if c.is_ascii_alphanumeric() {
                    j += 1;
                } else {
                    break;
                }
            } else {
                let ch = decode(b, j);
                if vn_letter(ch).is_some() || is_combining_mark(ch) || ch.is_alphanumeric() {
                    j += ch.len_utf8();
                } else {
                    break;
                }
            }
        }
        j
    }

    /// Whether the word before `a` (a syllable token) or the word after it
    /// is a Vietnamese syllable written in capitals (`QUỐC PHÒNG - AN NINH`).
    fn in_capital_heading(&self, a: &Atom) -> bool {
        if let Some(prev) = self.out[self.base..].last() {
            let t = prev.text(self.text);
            let between = &self.text[prev.end..a.start];
            if prev.kind == TokenKind::Syllable
                && t.chars().count() >= 2
                && !t.chars().any(char::is_lowercase)
                && between.chars().all(is_space)
            {
                return true;
            }
        }
        // The next word, after spaces or one hyphen.
        let mut j = a.end;
        while j < self.b.len() && matches!(self.b[j], b' ' | b'-') {
            j += 1;
        }
        if j == a.end || !self.alnum_at(j) {
            return false;
        }
        let next = self.scan_atom(j);
        next.all_caps() && next.shape.is_syllable() && (next.marked || next.chars >= 3)
    }

    /// The kind of a single run that starts with a letter.
    fn word_kind(&self, a: &Atom) -> TokenKind {
        let w = &self.text[a.start..a.end];
        if !a.no_digit() {
            // `m2`, `km3`: a unit; `F0`, `TW4`, `H5N1`: a code.
            let bytes = w.as_bytes();
            let last = bytes[bytes.len() - 1];
            if a.upper == 0 && a.digits == 1 && matches!(last, b'2' | b'3') {
                return TokenKind::Foreign;
            }
            return TokenKind::Code;
        }
        if a.upper == 0 || a.upper == 1 && a.first_upper && a.chars > 1 {
            return if a.foreign {
                TokenKind::Foreign
            } else if a.shape.is_syllable() {
                TokenKind::Syllable
            } else if DOTTED.contains(&w) {
                TokenKind::Abbreviation
            } else {
                TokenKind::Foreign
            };
        }
        if a.all_caps() {
            if is_roman(w.as_bytes()) {
                return TokenKind::Roman;
            }
            if a.shape.is_syllable() && (a.marked || a.chars != 2) {
                return TokenKind::Syllable;
            }
            if a.chars == 1 {
                return TokenKind::Foreign;
            }
            return TokenKind::Abbreviation;
        }
        // `TTg`, `ThS`, `MHz` are abbreviations, `PlayStation` is a word,
        // `TỉNH` a syllable typed with odd capitals.
        if a.marked && a.shape.is_syllable() {
            TokenKind::Syllable
        } else if a.first_upper && a.lower <= a.upper {
            TokenKind::Abbreviation
        } else {
            TokenKind::Foreign
        }
    }

    /// A single `.` at `i` that an abbreviation may take (not the start of
    /// `...` or `./.`).
    fn final_dot(&self, i: usize) -> bool {
        self.b.get(i) == Some(&b'.') && !matches!(self.b.get(i + 1), Some(b'.' | b'/'))
    }

    /// Whether the token before is one of the first `cues` words of [`CUES`]
    /// (`ngày 3/7`, `Sáng 3/7`, `đến 1/4`), or `30/4-` before `1/5`.
    fn after_date_word(&self, cues: usize) -> bool {
        let ours = &self.out[self.base..];
        let Some(prev) = ours.last() else {
            return false;
        };
        if prev.kind == TokenKind::Punct && matches!(prev.text(self.text), "-" | "–") {
            // `30/4-1/5`: the end of a range of dates.
            return ours.len() >= 2 && ours[ours.len() - 2].kind == TokenKind::Date;
        }
        if prev.kind != TokenKind::Syllable {
            return false;
        }
        let t = prev.text(self.text);
        CUES[..cues]
            .iter()
            .any(|c| t.chars().flat_map(char::to_lowercase).eq(c.chars()))
    }

    /// A run that may be part of a hyphenated or dotted abbreviation.
    fn abbreviation_atom(&self, a: &Atom) -> bool {
        a.no_digit()
            && a.first_upper
            && (a.chars == 1 && a.all_caps() || self.word_kind(a) == TokenKind::Abbreviation)
    }

    /// `T.Ư`, `TP.HCM`, `PGS.TS.`, `C.T.V`, `v.v.`.
    fn dotted_abbreviation(&self, ch: &Chunk) -> Option<usize> {
        let dotted = |a: &Atom| DOTTED.contains(&&self.text[a.start..a.end]);
        // `v.v.`, `e.g.`: single lower-case ASCII letters.
        let single_lower = |a: &Atom| a.len() == 1 && a.lower == 1;
        let mut k = 0;
        while k < ch.n && (k == 0 || ch.seps[k - 1] == Sep::Dot) && single_lower(&ch.atoms[k]) {
            k += 1;
        }
        if k >= 2 {
            let e = ch.atoms[k - 1].end;
            return Some(if self.final_dot(e) { e + 1 } else { e });
        }
        let mut k = 0;
        while k < ch.n
            && (k == 0 || ch.seps[k - 1] == Sep::Dot)
            && (self.abbreviation_atom(&ch.atoms[k]) || dotted(&ch.atoms[k]))
        {
            k += 1;
        }
        if k < 2 {
            return None;
        }
        let last = &ch.atoms[k - 1];
        Some(if self.final_dot(last.end) && dotted(last) {
            last.end + 1
        } else {
            last.end
        })
    }

    /// `thanhuy.gov.vn`, `baochinhphu.vn/...`: ASCII runs joined by `.`/`-`
    /// ending with a known top-level domain.
    fn domain(&self, ch: &Chunk) -> Option<usize> {
        let mut end = None;
        for k in 0..ch.n {
            let a = &ch.atoms[k];
            if self.b[a.start..a.end]
                .iter()
                .any(|c| !c.is_ascii_alphanumeric())
            {
                break;
            }
            if k > 0 {
                if !matches!(ch.seps[k - 1], Sep::Dot | Sep::Hyphen) {
                    break;
                }
                if ch.seps[k - 1] == Sep::Dot && TLDS.contains(&&self.text[a.start..a.end]) {
                    end = Some(a.end);
                }
            }
        }
        let e = end?;
        if self.b.get(e) == Some(&b'/')
            && self.b.get(e + 1).is_some_and(|c| !c.is_ascii_whitespace())
        {
            return Some(self.url_end(e));
        }
        Some(e)
    }

    /// `http://`, `https://`, `ftp://`, `www.`: the URL's end.
    fn url_prefix(&self, i: usize) -> Option<usize> {
        let rest = &self.b[i..];
        // Quick reject: `ht`, `ww`, `ft`.
        if !matches!(rest.get(1).map(|c| c | 0x20), Some(b't' | b'w')) {
            return None;
        }
        let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        let body = if starts(b"https://") {
            8
        } else if starts(b"http://") {
            7
        } else if starts(b"ftp://") {
            6
        } else if starts(b"www.") {
            4
        } else {
            return None;
        };
        if !self.alnum_at(i + body) {
            return None;
        }
        Some(self.url_end(i + body))
    }

    /// Extend a URL from `i` to the next space or quote, without trailing punctuation.
    fn url_end(&self, i: usize) -> usize {
        let t = self.text;
        let mut e = t[i..]
            .char_indices()
            .find(|&(_, c)| {
                is_space(c)
                    || matches!(
                        c,
                        '"' | '<' | '>' | '“' | '”' | '‘' | '’' | '«' | '»' | '\''
                    )
            })
            .map_or(t.len(), |(k, _)| i + k);
        let mut open = t[i..e].matches('(').count();
        let mut close = t[i..e].matches(')').count();
        while let Some(c) = t[i..e].chars().next_back() {
            let trim = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | ']' | '}' | '…' => true,
                // An unbalanced closing parenthesis is not part of the URL.
                ')' => open < close,
                _ => false,
            };
            if !trim {
                break;
            }
            if c == ')' {
                close -= 1;
            } else if c == '(' {
                open -= 1;
            }
            e -= c.len_utf8();
        }
        e
    }

    /// `@`: an e-mail address if a local part precedes it and a domain
    /// follows; the tokens of the local part are replaced.
    fn at_sign(&mut self, i: usize) -> usize {
        let b = self.b;
        let local =
            |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut s = i;
        while s > 0 && local(b[s - 1]) {
            s -= 1;
        }
        // Tokens entirely inside the local part are replaced; one that
        // straddles its start stays and the local part begins after it.
        let mut keep = self.out.len();
        while keep > self.base && self.out[keep - 1].start >= s {
            keep -= 1;
        }
        if keep > self.base && self.out[keep - 1].end > s {
            s = self.out[keep - 1].end;
        }
        while s < i && matches!(b[s], b'.' | b'-') {
            s += 1;
        }
        // Domain: labels of [A-Za-z0-9-] joined by dots, at least two.
        let mut j = i + 1;
        let mut labels = 0;
        let mut last_label = j;
        loop {
            let start = j;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
                j += 1;
            }
            if j == start {
                break;
            }
            labels += 1;
            last_label = start;
            if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_alphanumeric() {
                j += 1;
            } else {
                break;
            }
        }
        let tld_ok = labels >= 2
            && j - last_label >= 2
            && b[last_label..j].iter().all(u8::is_ascii_alphabetic);
        if s < i && tld_ok && !self.alnum_at(j) {
            // Tokens from `keep` on start inside the local part, except
            // leading dots skipped above, which stay.
            while self.out.len() > keep && self.out[keep].start < s {
                keep += 1;
            }
            self.out.truncate(keep);
            self.push(TokenKind::Email, s, j);
            return j;
        }
        self.push(TokenKind::Symbol, i, i + 1);
        i + 1
    }

    /// One punctuation mark or symbol at `i`.
    fn punct(&mut self, i: usize) -> usize {
        let b = self.b;
        let c = b[i];
        if c < 0x80 {
            let kind = match c {
                b'.' => {
                    let e = if b.get(i + 1..i + 3) == Some(b"/.") {
                        i + 3
                    } else {
                        let mut e = i + 1;
                        while b.get(e) == Some(&b'.') {
                            e += 1;
                        }
                        e
                    };
                    self.push(TokenKind::Punct, i, e);
                    return e;
                }
                b'!' | b'"' | b'\'' | b'(' | b')' | b',' | b'-' | b'/' | b':' | b';' | b'?'
                | b'[' | b']' | b'_' | b'{' | b'}' | b'\\' => TokenKind::Punct,
                _ => TokenKind::Symbol,
            };
            self.push(kind, i, i + 1);
            return i + 1;
        }
        let ch = self.char_at(i);
        let kind = match ch {
            '\u{A1}'
            | '\u{AB}'
            | '\u{B7}'
            | '\u{BB}'
            | '\u{BF}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}'
            | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF1F}' => TokenKind::Punct,
            _ => TokenKind::Symbol,
        };
        let e = i + ch.len_utf8();
        self.push(kind, i, e);
        e
    }
}

#[cfg(test)]
mod tests;

//! The Vietnamese alphabet and a cheap syllable-shape check.

// Letter codes: consonants are their ASCII lower-case byte; vowels and đ
// get small codes (Telex names), so a nucleus of up to 3 vowels is a number
// below 13^3.
pub(crate) const A: u8 = 1;
pub(crate) const AW: u8 = 2; // ă
pub(crate) const AA: u8 = 3; // â
pub(crate) const E: u8 = 4;
pub(crate) const EE: u8 = 5; // ê
pub(crate) const I: u8 = 6;
pub(crate) const O: u8 = 7;
pub(crate) const OO: u8 = 8; // ô
pub(crate) const OW: u8 = 9; // ơ
pub(crate) const U: u8 = 10;
pub(crate) const UW: u8 = 11; // ư
pub(crate) const Y: u8 = 12;
pub(crate) const DD: u8 = 13; // đ

/// A Vietnamese letter: its base letter code (tone removed), tone
/// (0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng) and case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VnLetter {
    pub base: u8,
    pub tone: u8,
    pub upper: bool,
}

/// Lower-case letters of U+1EA0..=U+1EF9 (upper at even, lower at odd code
/// points), as (base, tone).
const EXT_ADDITIONAL: [(u8, u8); 45] = [
    (A, 5),  // ạ
    (A, 3),  // ả
    (AA, 2), // ấ
    (AA, 1), // ầ
    (AA, 3), // ẩ
    (AA, 4), // ẫ
    (AA, 5), // ậ
    (AW, 2), // ắ
    (AW, 1), // ằ
    (AW, 3), // ẳ
    (AW, 4), // ẵ
    (AW, 5), // ặ
    (E, 5),  // ẹ
    (E, 3),  // ẻ
    (E, 4),  // ẽ
    (EE, 2), // ế
    (EE, 1), // ề
    (EE, 3), // ể
    (EE, 4), // ễ
    (EE, 5), // ệ
    (I, 3),  // ỉ
    (I, 5),  // ị
    (O, 5),  // ọ
    (O, 3),  // ỏ
    (OO, 2), // ố
    (OO, 1), // ồ
    (OO, 3), // ổ
    (OO, 4), // ỗ
    (OO, 5), // ộ
    (OW, 2), // ớ
    (OW, 1), // ờ
    (OW, 3), // ở
    (OW, 4), // ỡ
    (OW, 5), // ợ
    (U, 5),  // ụ
    (U, 3),  // ủ
    (UW, 2), // ứ
    (UW, 1), // ừ
    (UW, 3), // ử
    (UW, 4), // ữ
    (UW, 5), // ự
    (Y, 1),  // ỳ
    (Y, 5),  // ỵ
    (Y, 3),  // ỷ
    (Y, 4),  // ỹ
];

/// The non-ASCII letters of the Vietnamese alphabet (precomposed, NFC).
/// ASCII letters are handled by the caller.
#[inline]
pub(crate) fn vn_letter(c: char) -> Option<VnLetter> {
    let cp = c as u32;
    let (base, tone, upper) = match cp {
        0xC0..=0xFD => {
            let upper = cp < 0xE0;
            let (base, tone) = match cp | 0x20 {
                0xE0 => (A, 1),
                0xE1 => (A, 2),
                0xE2 => (AA, 0),
                0xE3 => (A, 4),
                0xE8 => (E, 1),
                0xE9 => (E, 2),
                0xEA => (EE, 0),
                0xEC => (I, 1),
                0xED => (I, 2),
                0xF2 => (O, 1),
                0xF3 => (O, 2),
                0xF4 => (OO, 0),
                0xF5 => (O, 4),
                0xF9 => (U, 1),
                0xFA => (U, 2),
                0xFD => (Y, 2),
                // Ð/ð (eth) typed for Đ/đ in legacy documents.
                0xF0 => (DD, 0),
                _ => return None,
            };
            (base, tone, upper)
        }
        0x102 | 0x103 => (AW, 0, cp == 0x102),
        0x110 | 0x111 => (DD, 0, cp == 0x110),
        0x128 | 0x129 => (I, 4, cp == 0x128),
        0x168 | 0x169 => (U, 4, cp == 0x168),
        0x1A0 | 0x1A1 => (OW, 0, cp == 0x1A0),
        0x1AF | 0x1B0 => (UW, 0, cp == 0x1AF),
        0x1EA0..=0x1EF9 => {
            let (base, tone) = EXT_ADDITIONAL[((cp - 0x1EA0) / 2) as usize];
            (base, tone, cp & 1 == 0)
        }
        _ => return None,
    };
    Some(VnLetter { base, tone, upper })
}

/// Combining marks that may survive normalization (U+0300..U+036F and the
/// other combining-diacritic blocks).
#[inline]
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[inline]
fn is_vowel(code: u8) -> bool {
    (A..=Y).contains(&code)
}

/// A word reduced to letter codes and one tone, built char by char, then
/// checked by [`Shape::is_syllable`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Shape {
    codes: [u8; 7],
    n: u8,
    tone: u8,
    /// Not a syllable whatever follows (foreign letter, 2 tones, too long).
    bad: bool,
}

impl Shape {
    #[inline]
    fn push(&mut self, code: u8) {
        if (self.n as usize) < self.codes.len() {
            self.codes[self.n as usize] = code;
            self.n += 1;
        } else {
            // Longest syllables have 7 letters (`nghiêng`).
            self.bad = true;
        }
    }

    /// An ASCII letter (any case).
    #[inline]
    pub(crate) fn push_ascii(&mut self, b: u8) {
        let code = match b | 0x20 {
            b'a' => A,
            b'e' => E,
            b'i' => I,
            b'o' => O,
            b'u' => U,
            b'y' => Y,
            b'f' | b'j' | b'w' | b'z' => {
                self.bad = true;
                return;
            }
            l => l,
        };
        self.push(code);
    }

    /// A precomposed Vietnamese letter.
    #[inline]
    pub(crate) fn push_vn(&mut self, v: VnLetter) {
        if v.tone != 0 {
            self.bad |= self.tone != 0;
            self.tone = v.tone;
        }
        self.push(v.base);
    }

    /// A combining mark: a tone, or a breve/circumflex/horn on the previous letter.
    pub(crate) fn push_mark(&mut self, c: char) {
        let Some(prev) = (self.n as usize).checked_sub(1).map(|k| &mut self.codes[k]) else {
            self.bad = true;
            return;
        };
        let tone = match c {
            '\u{300}' => 1,
            '\u{301}' => 2,
            '\u{309}' => 3,
            '\u{303}' => 4,
            '\u{323}' => 5,
            _ => 0,
        };
        if tone != 0 {
            self.bad |= self.tone != 0 || !is_vowel(*prev);
            self.tone = tone;
            return;
        }
        *prev = match (c, *prev) {
            ('\u{302}', A) => AA,
            ('\u{302}', E) => EE,
            ('\u{302}', O) => OO,
            ('\u{306}', A) => AW,
            ('\u{31B}', O) => OW,
            ('\u{31B}', U) => UW,
            _ => {
                self.bad = true;
                return;
            }
        };
    }

    /// Anything that is not a letter.
    #[inline]
    pub(crate) fn push_other(&mut self) {
        self.bad = true;
    }

    /// Whether the letters have the shape of one Vietnamese syllable.
    ///
    /// Not `tomtat_text::detect`'s check: this one is fed letter by letter while
    /// scanning (no allocation on the hot path); unifying the two waits for a
    /// before/after comparison of their verdicts (issue 14).
    pub(crate) fn is_syllable(&self) -> bool {
        if self.bad {
            return false;
        }
        let c = &self.codes[..self.n as usize];
        let onset = match c {
            [b'n', b'g', b'h', ..] => 3,
            [b'n', b'g' | b'h', ..]
            | [b'c' | b'g' | b'k' | b'p' | b't', b'h', ..]
            | [b'g', I, ..]
            | [b't', b'r', ..]
            | [b'q', U, ..] => 2,
            [b'b' | b'c' | b'd' | DD | b'g' | b'h' | b'k' | b'l' | b'm' | b'n' | b'p' | b'r'
            | b's' | b't' | b'v' | b'x', ..] => 1,
            _ => 0,
        };
        let mut rest = &c[onset..];
        let first = rest.first().copied().unwrap_or(0);
        if c.starts_with(&[b'g', I]) && !is_vowel(first) {
            // `gì`, `gìn`: the i is the nucleus (onset g).
            rest = &c[1..];
        } else {
            let front = matches!(first, I | E | EE);
            let spelling_ok = match &c[..onset] {
                [b'k'] | [b'g', b'h'] | [b'n', b'g', b'h'] => front || first == Y,
                [b'c'] | [b'n', b'g'] => !front,
                [b'g'] => !matches!(first, E | EE),
                [b'q', U] => !rest.is_empty(),
                _ => true,
            };
            if !spelling_ok {
                return false;
            }
        }
        let nv = rest.iter().take_while(|&&v| is_vowel(v)).count();
        if nv == 0 || nv > 3 {
            return false;
        }
        let (vowels, coda) = rest.split_at(nv);
        let key = vowels
            .iter()
            .rev()
            .fold(0usize, |k, &v| k * 13 + v as usize);
        let class = NUCLEUS[key];
        match coda {
            [] => class & CLOSED_ONLY == 0 && class != 0,
            [b'm']
            | [b'n']
            | [b'n', b'g']
            | [b'c']
            | [b'c', b'h']
            | [b'n', b'h']
            | [b'p']
            | [b't'] => {
                if class & OPEN_ONLY != 0 || class == 0 {
                    return false;
                }
                if matches!(coda, [b'c'] | [b'c', b'h'] | [b'p'] | [b't'])
                    && !matches!(self.tone, 2 | 5)
                {
                    return false;
                }
                match coda {
                    [b'c' | b'n', b'h'] => {
                        matches!(vowels, [A] | [EE] | [I] | [Y] | [O, A] | [U, EE] | [U, Y])
                    }
                    [b'c'] | [b'n', b'g'] => !matches!(vowels, [I] | [Y] | [U, Y]),
                    _ => true,
                }
            }
            _ => false,
        }
    }
}

/// Whether `word` has the shape of one Vietnamese syllable, in any case:
/// only letters of the Vietnamese alphabet (no f, j, w, z), at most one tone
/// mark, an onset from the Vietnamese list, a vowel nucleus from the
/// Vietnamese list and a final from {c, ch, m, n, ng, nh, p, t}, with the
/// tone rule (a syllable ending in c, ch, p, t takes sắc or nặng).
/// Combining tone marks and modifiers (breve, circumflex, horn) are accepted.
///
/// This is a shape check, not a dictionary: `ban`, `nghiêng`, `Quốc` pass,
/// `UBND`, `covid`, `top`, `Ngyuễn` fail, but `ca` or `tin` pass whatever
/// they mean.
///
/// ```
/// use tomtat_tokenizer::token::is_vietnamese_syllable;
/// assert!(is_vietnamese_syllable("Nghiêng"));
/// assert!(is_vietnamese_syllable("QUỐC"));
/// assert!(!is_vietnamese_syllable("UBND"));
/// assert!(!is_vietnamese_syllable("online"));
/// ```
pub fn is_vietnamese_syllable(word: &str) -> bool {
    let mut shape = Shape::default();
    for c in word.chars() {
        if c.is_ascii_alphabetic() {
            shape.push_ascii(c as u8);
        } else if let Some(v) = vn_letter(c) {
            shape.push_vn(v);
        } else if is_combining_mark(c) {
            shape.push_mark(c);
        } else {
            shape.push_other();
        }
        if shape.bad {
            return false;
        }
    }
    shape.is_syllable()
}

const OPEN_ONLY: u8 = 1;
const CLOSED_ONLY: u8 = 2;
const EITHER: u8 = 4;

/// Vowel nuclei (with medial and glide) and whether they take a final.
const NUCLEI: [(&str, u8); 56] = [
    ("a", EITHER),
    ("e", EITHER),
    ("ê", EITHER),
    ("i", EITHER),
    ("o", EITHER),
    ("ô", EITHER),
    ("ơ", EITHER),
    ("u", EITHER),
    ("ư", EITHER),
    ("y", EITHER),
    ("oa", EITHER),
    ("oe", EITHER),
    ("uê", EITHER),
    ("uy", EITHER),
    ("uơ", EITHER),
    ("ă", CLOSED_ONLY),
    ("â", CLOSED_ONLY),
    ("iê", CLOSED_ONLY),
    ("yê", CLOSED_ONLY),
    ("uô", CLOSED_ONLY),
    ("ươ", CLOSED_ONLY),
    ("oă", CLOSED_ONLY),
    ("uâ", CLOSED_ONLY),
    ("uyê", CLOSED_ONLY),
    ("oo", CLOSED_ONLY),
    ("ai", OPEN_ONLY),
    ("ao", OPEN_ONLY),
    ("au", OPEN_ONLY),
    ("ay", OPEN_ONLY),
    ("âu", OPEN_ONLY),
    ("ây", OPEN_ONLY),
    ("eo", OPEN_ONLY),
    ("êu", OPEN_ONLY),
    ("ia", OPEN_ONLY),
    ("iu", OPEN_ONLY),
    ("oi", OPEN_ONLY),
    ("ôi", OPEN_ONLY),
    ("ơi", OPEN_ONLY),
    ("ua", OPEN_ONLY),
    ("ui", OPEN_ONLY),
    ("ưa", OPEN_ONLY),
    ("ưi", OPEN_ONLY),
    ("ưu", OPEN_ONLY),
    ("iêu", OPEN_ONLY),
    ("yêu", OPEN_ONLY),
    ("oai", OPEN_ONLY),
    ("oay", OPEN_ONLY),
    ("oao", OPEN_ONLY),
    ("oeo", OPEN_ONLY),
    ("uây", OPEN_ONLY),
    ("uôi", OPEN_ONLY),
    ("ươi", OPEN_ONLY),
    ("ươu", OPEN_ONLY),
    ("uyu", OPEN_ONLY),
    ("uya", OPEN_ONLY),
    ("ơu", OPEN_ONLY),
];

/// Vowel code of a (lower-case, toneless) vowel code point.
const fn vowel_code(cp: u32) -> usize {
    (match cp {
        0x61 => A,
        0x103 => AW,
        0xE2 => AA,
        0x65 => E,
        0xEA => EE,
        0x69 => I,
        0x6F => O,
        0xF4 => OO,
        0x1A1 => OW,
        0x75 => U,
        0x1B0 => UW,
        0x79 => Y,
        _ => panic!("not a vowel"),
    }) as usize
}

/// [`NUCLEI`] indexed by `v0 + 13 v1 + 169 v2` (vowel codes).
static NUCLEUS: [u8; 13 * 13 * 13] = {
    let mut table = [0u8; 13 * 13 * 13];
    let mut k = 0;
    while k < NUCLEI.len() {
        let (s, class) = NUCLEI[k];
        let b = s.as_bytes();
        let (mut i, mut key, mut mul) = (0, 0, 1);
        while i < b.len() {
            // Vowels are 1 or 2 bytes in UTF-8.
            let (cp, len) = if b[i] < 0x80 {
                (b[i] as u32, 1)
            } else {
                ((((b[i] & 0x1F) as u32) << 6) | (b[i + 1] & 0x3F) as u32, 2)
            };
            key += vowel_code(cp) * mul;
            mul *= 13;
            i += len;
        }
        table[key] = class;
        k += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_pass() {
        for w in [
            "a",
            "ban",
            "ke",
            "giếng",
            "Chấp",
            "hành",
            "Đảng",
            "nghiêng",
            "người",
            "Quốc",
            "quyết",
            "khuya",
            "Nguyễn",
            "Ðịnh",
            "giữ",
            "gì",
            "gìn",
            "thuở",
            "hươu",
            "kỳ",
            "huỳnh",
            "oanh",
            "xoong",
            "ĐẢNG",
            "BÁO",
            "CÁO",
            "uớc",
            "thuỷ",
            "thủy",
            "hoà",
            "hòa",
            "tích",
            "cực",
            "đồng",
            "ưu",
            "yêu",
            "tỷ",
            "trưởng",
            "khắc",
            "phục",
            "ủy",
            "Ủy",
            "giải",
            "quyền",
            "nhiễm",
            "ngoằn",
        ] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn non_syllables_fail() {
        for w in [
            "",
            "UBND",
            "HĐND",
            "covid",
            "COVID",
            "online",
            "top",
            "Framework",
            "km",
            "m",
            "b",
            "TW",
            "BCH",
            "MTTQ",
            "TUV",
            "zalo",
            "ăn'",
            "aa",
            "ci",
            "qu",
            "hànhh",
            "nghành",
            "Ngyuễn",
            "tiêu1",
            "ăă",
            "anhh",
            "hoàá",
            "ing",
            "gem",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn combining_marks() {
        // "hành" with a combining grave, "Việt" decomposed (e + circumflex + dot below).
        assert!(is_vietnamese_syllable("ha\u{300}nh"));
        assert!(is_vietnamese_syllable("Vie\u{302}\u{323}t"));
        assert!(!is_vietnamese_syllable("ha\u{300}\u{301}nh"));
        assert!(!is_vietnamese_syllable("\u{300}a"));
    }

    #[test]
    fn letters_table() {
        assert_eq!(
            vn_letter('ệ'),
            Some(VnLetter {
                base: EE,
                tone: 5,
                upper: false
            })
        );
        assert_eq!(
            vn_letter('Ỹ'),
            Some(VnLetter {
                base: Y,
                tone: 4,
                upper: true
            })
        );
        assert_eq!(vn_letter('Đ').map(|v| v.upper), Some(true));
        assert_eq!(vn_letter('ç'), None);
        assert_eq!(vn_letter('Ð').map(|v| (v.base, v.upper)), Some((DD, true)));
        assert_eq!(vn_letter('ö'), None);
        // Every entry of the extended block round-trips through lower case.
        for cp in 0x1EA0u32..=0x1EF9 {
            let c = char::from_u32(cp).unwrap();
            let v = vn_letter(c).unwrap();
            assert_eq!(v.upper, c.is_uppercase(), "{c}");
            let lower = c.to_lowercase().next().unwrap();
            assert_eq!(vn_letter(lower).unwrap().base, v.base);
        }
    }
}

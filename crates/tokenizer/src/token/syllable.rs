//! The Vietnamese alphabet and a cheap syllable-shape check.

/// A Vietnamese letter: its base letter (lower case, tone removed), tone
/// (0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng) and case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VnLetter {
    pub base: char,
    pub tone: u8,
    pub upper: bool,
}

/// Lower-case letters of U+1EA0..=U+1EF9 (upper at even, lower at odd code
/// points), as (base, tone).
const EXT_ADDITIONAL: [(char, u8); 45] = [
    ('a', 5),
    ('a', 3),
    ('â', 2),
    ('â', 1),
    ('â', 3),
    ('â', 4),
    ('â', 5),
    ('ă', 2),
    ('ă', 1),
    ('ă', 3),
    ('ă', 4),
    ('ă', 5),
    ('e', 5),
    ('e', 3),
    ('e', 4),
    ('ê', 2),
    ('ê', 1),
    ('ê', 3),
    ('ê', 4),
    ('ê', 5),
    ('i', 3),
    ('i', 5),
    ('o', 5),
    ('o', 3),
    ('ô', 2),
    ('ô', 1),
    ('ô', 3),
    ('ô', 4),
    ('ô', 5),
    ('ơ', 2),
    ('ơ', 1),
    ('ơ', 3),
    ('ơ', 4),
    ('ơ', 5),
    ('u', 5),
    ('u', 3),
    ('ư', 2),
    ('ư', 1),
    ('ư', 3),
    ('ư', 4),
    ('ư', 5),
    ('y', 1),
    ('y', 5),
    ('y', 3),
    ('y', 4),
];

/// The non-ASCII letters of the Vietnamese alphabet (precomposed, NFC).
/// ASCII letters are handled by the caller.
pub(crate) fn vn_letter(c: char) -> Option<VnLetter> {
    let cp = c as u32;
    let (base, tone, upper) = match cp {
        0xC0..=0xFD => {
            let upper = cp < 0xE0;
            let (base, tone) = match cp | 0x20 {
                0xE0 => ('a', 1),
                0xE1 => ('a', 2),
                0xE2 => ('â', 0),
                0xE3 => ('a', 4),
                0xE8 => ('e', 1),
                0xE9 => ('e', 2),
                0xEA => ('ê', 0),
                0xEC => ('i', 1),
                0xED => ('i', 2),
                0xF2 => ('o', 1),
                0xF3 => ('o', 2),
                0xF4 => ('ô', 0),
                0xF5 => ('o', 4),
                0xF9 => ('u', 1),
                0xFA => ('u', 2),
                0xFD => ('y', 2),
                // Ð/ð (eth) typed for Đ/đ in legacy documents.
                0xF0 => ('đ', 0),
                _ => return None,
            };
            (base, tone, upper)
        }
        0x102 | 0x103 => ('ă', 0, cp == 0x102),
        0x110 | 0x111 => ('đ', 0, cp == 0x110),
        0x128 | 0x129 => ('i', 4, cp == 0x128),
        0x168 | 0x169 => ('u', 4, cp == 0x168),
        0x1A0 | 0x1A1 => ('ơ', 0, cp == 0x1A0),
        0x1AF | 0x1B0 => ('ư', 0, cp == 0x1AF),
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
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
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
    // Longest syllables have 7 letters (`nghiêng`).
    let mut bases = ['\0'; 7];
    let mut n = 0;
    let mut tone = 0u8;
    for c in word.chars() {
        let base = if c.is_ascii_alphabetic() {
            let l = c.to_ascii_lowercase();
            if matches!(l, 'f' | 'j' | 'w' | 'z') {
                return false;
            }
            l
        } else if let Some(v) = vn_letter(c) {
            if v.tone != 0 {
                if tone != 0 {
                    return false;
                }
                tone = v.tone;
            }
            v.base
        } else {
            // A combining mark modifies the previous letter.
            if n == 0 {
                return false;
            }
            let prev = &mut bases[n - 1];
            let t = match c {
                '\u{300}' => 1,
                '\u{301}' => 2,
                '\u{309}' => 3,
                '\u{303}' => 4,
                '\u{323}' => 5,
                _ => 0,
            };
            if t != 0 {
                if tone != 0 || !is_vowel(*prev) {
                    return false;
                }
                tone = t;
            } else {
                *prev = match (c, *prev) {
                    ('\u{302}', 'a') => 'â',
                    ('\u{302}', 'e') => 'ê',
                    ('\u{302}', 'o') => 'ô',
                    ('\u{306}', 'a') => 'ă',
                    ('\u{31B}', 'o') => 'ơ',
                    ('\u{31B}', 'u') => 'ư',
                    _ => return false,
                };
            }
            continue;
        };
        if n == bases.len() {
            return false;
        }
        bases[n] = base;
        n += 1;
    }
    let mut buf = [0u8; 14];
    let mut len = 0;
    for &c in &bases[..n] {
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    // The buffer holds whole chars encoded above.
    let s = match std::str::from_utf8(&buf[..len]) {
        Ok(s) => s,
        Err(_) => return false,
    };
    shape_ok(s, tone)
}

/// Onsets, longest first.
const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

#[derive(PartialEq, Eq)]
enum Nucleus {
    /// Takes no final (`ai`, `iêu`).
    Open,
    /// Needs a final (`ă`, `iê`).
    Closed,
    /// Either.
    Both,
}

fn nucleus(v: &str) -> Option<Nucleus> {
    use Nucleus::*;
    Some(match v {
        "a" | "e" | "ê" | "i" | "o" | "ô" | "ơ" | "u" | "ư" | "y" | "oa" | "oe" | "uê" | "uy"
        | "uơ" => Both,
        "ă" | "â" | "iê" | "yê" | "uô" | "ươ" | "oă" | "uâ" | "uyê" | "oo" => Closed,
        "ai" | "ao" | "au" | "ay" | "âu" | "ây" | "eo" | "êu" | "ia" | "iu" | "oi" | "ôi"
        | "ơi" | "ua" | "ui" | "ưa" | "ưi" | "ưu" | "iêu" | "yêu" | "oai" | "oay" | "oeo"
        | "uây" | "uôi" | "ươi" | "ươu" | "uyu" | "uya" | "ơu" => Open,
        _ => return None,
    })
}

fn shape_ok(s: &str, tone: u8) -> bool {
    let onset = ONSETS
        .iter()
        .copied()
        .find(|o| s.starts_with(o))
        .unwrap_or("");
    let mut rest = &s[onset.len()..];
    let first_vowel = |r: &str| r.chars().next().is_some_and(is_vowel);
    if onset == "gi" && !first_vowel(rest) {
        // `gì`, `gìn`: the i is the nucleus (onset g).
        rest = &s[1..];
    } else {
        let front = rest.starts_with(['i', 'e', 'ê']);
        match onset {
            "k" | "gh" | "ngh" if !rest.starts_with(['i', 'e', 'ê', 'y']) => return false,
            "c" | "ng" if front => return false,
            "g" if rest.starts_with(['e', 'ê']) => return false,
            "qu" if rest.is_empty() => return false,
            _ => {}
        }
    }
    let split = rest
        .char_indices()
        .find(|&(_, c)| !is_vowel(c))
        .map_or(rest.len(), |(i, _)| i);
    let (vowels, coda) = rest.split_at(split);
    let Some(kind) = nucleus(vowels) else {
        return false;
    };
    match coda {
        "" => kind != Nucleus::Closed,
        "m" | "n" | "ng" | "c" | "ch" | "nh" | "p" | "t" => {
            if kind == Nucleus::Open {
                return false;
            }
            if matches!(coda, "c" | "ch" | "p" | "t") && !matches!(tone, 2 | 5) {
                return false;
            }
            match coda {
                "ch" | "nh" => matches!(vowels, "a" | "ê" | "i" | "y" | "oa" | "uê" | "uy"),
                "c" | "ng" => !matches!(vowels, "i" | "y" | "uy"),
                _ => true,
            }
        }
        _ => false,
    }
}

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
                base: 'ê',
                tone: 5,
                upper: false
            })
        );
        assert_eq!(
            vn_letter('Ỹ'),
            Some(VnLetter {
                base: 'y',
                tone: 4,
                upper: true
            })
        );
        assert_eq!(vn_letter('Đ').map(|v| v.upper), Some(true));
        assert_eq!(vn_letter('ç'), None);
        assert_eq!(vn_letter('Ð').map(|v| (v.base, v.upper)), Some(('đ', true)));
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

//! Vietnamese vowel letters and tone-mark placement.
//!
//! Every Vietnamese vowel letter is a base (`a ă â e ê i o ô ơ u ư y`) plus one of six
//! tones (none, grave `à`, acute `á`, hook `ả`, tilde `ã`, dot below `ạ`). The two
//! spelling styles differ only in syllables that end in the vowel pairs `oa`, `oe`,
//! `uy` with nothing after them: the new style (*dấu mới*) marks the second vowel
//! (`hoà`, `khoẻ`, `thuỷ`), the old style (*dấu cũ*) the first (`hòa`, `khỏe`, `thủy`).
//! In `hoàn`, `hoàng`, `quý`, `quỳnh`, `khuya` both styles agree.

use crate::ToneStyle;
use std::sync::OnceLock;

/// Tone numbers used throughout the crate.
pub(crate) const NO_TONE: u8 = 0;
pub(crate) const GRAVE: u8 = 1;
pub(crate) const ACUTE: u8 = 2;
pub(crate) const HOOK: u8 = 3;
pub(crate) const TILDE: u8 = 4;
pub(crate) const DOT: u8 = 5;

/// Vowel bases `a ă â e ê i o ô ơ u ư y`, numbered in the order of [`TONED`].
pub(crate) const B_A: u8 = 0;
pub(crate) const B_AW: u8 = 1;
pub(crate) const B_AA: u8 = 2;
pub(crate) const B_E: u8 = 3;
pub(crate) const B_EE: u8 = 4;
pub(crate) const B_I: u8 = 5;
pub(crate) const B_O: u8 = 6;
pub(crate) const B_OO: u8 = 7;
pub(crate) const B_OW: u8 = 8;
pub(crate) const B_U: u8 = 9;
pub(crate) const B_UW: u8 = 10;
pub(crate) const B_Y: u8 = 11;

/// Each base with its tones: none, grave, acute, hook, tilde, dot below.
const TONED: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];

/// A vowel letter taken apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Vowel {
    /// Index of the base (`a ă â e ê i o ô ơ u ư y`).
    pub base: u8,
    /// 0 none, 1 grave, 2 acute, 3 hook, 4 tilde, 5 dot below.
    pub tone: u8,
    pub upper: bool,
}

struct Tables {
    /// `[upper][base][tone]`.
    chars: [[[char; 6]; 12]; 2],
    /// Packed `Vowel` for U+0000..U+01C0 (`0xFF` = not a vowel).
    low: [u8; 0x1C0],
    /// Packed `Vowel` for U+1EA0..U+1F00.
    ext: [u8; 0x60],
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Tables {
            chars: [[['\0'; 6]; 12]; 2],
            low: [0xFF; 0x1C0],
            ext: [0xFF; 0x60],
        };
        for (b, row) in TONED.iter().enumerate() {
            for (tone, c) in row.chars().enumerate() {
                let up = c.to_uppercase().next().unwrap_or(c);
                for (upper, ch) in [(0usize, c), (1, up)] {
                    t.chars[upper][b][tone] = ch;
                    let packed = (b * 6 + tone) as u8 | ((upper as u8) << 7);
                    let cp = ch as usize;
                    if cp < 0x1C0 {
                        t.low[cp] = packed;
                    } else if (0x1EA0..0x1F00).contains(&cp) {
                        t.ext[cp - 0x1EA0] = packed;
                    } else {
                        unreachable!("vowel {ch} outside the tables");
                    }
                }
            }
        }
        t
    })
}

/// Takes a vowel letter apart; `None` for anything else.
#[inline]
pub(crate) fn vowel(c: char) -> Option<Vowel> {
    let cp = c as usize;
    let packed = if cp < 0x1C0 {
        tables().low[cp]
    } else if (0x1EA0..0x1F00).contains(&cp) {
        tables().ext[cp - 0x1EA0]
    } else {
        return None;
    };
    if packed == 0xFF {
        return None;
    }
    let v = packed & 0x7F;
    Some(Vowel {
        base: v / 6,
        tone: v % 6,
        upper: packed & 0x80 != 0,
    })
}

/// The vowel letter with this base, tone and case.
#[inline]
pub(crate) fn vowel_char(base: u8, tone: u8, upper: bool) -> char {
    tables().chars[upper as usize][base as usize][tone as usize]
}

/// True for the 134 non-ASCII Vietnamese letters and the ASCII letters.
pub(crate) fn is_vietnamese_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'đ' | 'Đ') || vowel(c).is_some()
}

/// All 134 non-ASCII Vietnamese letters (67 lower case, then 67 upper case).
pub fn vietnamese_letters() -> Vec<char> {
    let mut v = Vec::with_capacity(134);
    for upper in [false, true] {
        for b in 0..12u8 {
            for tone in 0..6u8 {
                let c = vowel_char(b, tone, upper);
                if !c.is_ascii() {
                    v.push(c);
                }
            }
        }
        v.push(if upper { 'Đ' } else { 'đ' });
    }
    v
}

/// Finds the `oa`, `oe` or `uy` of a syllable: consonants, the pair, then nothing or
/// a final consonant. Returns the pair's char index, its vowels and whether a final
/// consonant follows.
fn restyle_pair(chars: &[char]) -> Option<(usize, Vowel, Vowel, bool)> {
    let i = chars.iter().position(|&c| vowel(c).is_some())?;
    if i + 2 > chars.len() {
        return None;
    }
    let v1 = vowel(chars[i])?;
    let v2 = vowel(chars[i + 1])?;
    let pair = matches!((v1.base, v2.base), (B_O, B_A) | (B_O, B_E) | (B_U, B_Y));
    if !pair || (v1.tone == NO_TONE && v2.tone == NO_TONE) {
        return None;
    }
    // Only consonants before the pair, and `qu` + `y` is the vowel y alone.
    if chars[..i].iter().any(|c| !c.is_alphabetic()) {
        return None;
    }
    if v1.base == B_U && i >= 1 && matches!(chars[i - 1], 'q' | 'Q') {
        return None;
    }
    let coda = &chars[i + 2..];
    let mut lower = [0u8; 2];
    for (k, c) in coda.iter().enumerate() {
        if k == 2 || !c.is_ascii_alphabetic() {
            return None;
        }
        lower[k] = c.to_ascii_lowercase() as u8;
    }
    let coda_ok = matches!(
        &lower[..coda.len()],
        b"" | b"c" | b"ch" | b"m" | b"n" | b"ng" | b"nh" | b"p" | b"t"
    );
    coda_ok.then_some((i, v1, v2, !coda.is_empty()))
}

/// Writes `word` (NFC letters) in tone `style` to `out`; returns false, writing
/// nothing, when the word is already in that style.
///
/// With a final consonant (`hoàn`, `huỳnh`) the tone belongs on the second vowel in
/// both styles, so a misplaced `hòan` is corrected too.
pub(crate) fn restyle_word(word: &str, style: ToneStyle, out: &mut String) -> bool {
    if style == ToneStyle::Keep || word.len() < 2 || word.len() > 24 {
        return false;
    }
    let mut buf = ['\0'; 7];
    let mut n = 0;
    for c in word.chars() {
        if n == buf.len() {
            return false;
        }
        buf[n] = c;
        n += 1;
    }
    let chars = &buf[..n];
    let Some((i, v1, v2, coda)) = restyle_pair(chars) else {
        return false;
    };
    if v1.tone != NO_TONE && v2.tone != NO_TONE {
        return false;
    }
    let tone = v1.tone.max(v2.tone);
    let (t1, t2) = match style {
        _ if coda => (NO_TONE, tone),
        ToneStyle::New => (NO_TONE, tone),
        ToneStyle::Old => (tone, NO_TONE),
        ToneStyle::Keep => return false,
    };
    if (t1, t2) == (v1.tone, v2.tone) {
        return false;
    }
    out.extend(&chars[..i]);
    out.push(vowel_char(v1.base, t1, v1.upper));
    out.push(vowel_char(v2.base, t2, v2.upper));
    out.extend(&chars[i + 2..]);
    true
}

/// Quick test used by the scanners: could the letter `c` at `b[i..i + c.len_utf8()]`
/// (UTF-8 text) be part of an `oa`, `oe` or `uy` with a tone to move?
#[inline]
pub(crate) fn restyle_candidate(b: &[u8], i: usize, c: char) -> bool {
    let Some(v) = vowel(c) else {
        return false;
    };
    if v.tone == NO_TONE {
        return false;
    }
    let len = c.len_utf8();
    let ends = |p: usize| {
        b.get(p)
            .is_none_or(|&x| x >= 0x80 || !x.is_ascii_alphabetic())
    };
    let prev = if i > 0 { b[i - 1] | 0x20 } else { 0 };
    let next = b.get(i + len).map_or(0, |&x| x | 0x20);
    match v.base {
        B_A | B_E => prev == b'o' && ends(i + len),
        B_Y => prev == b'u' && ends(i + len),
        // A tone on the first vowel moves with or without a final consonant.
        B_O => matches!(next, b'a' | b'e'),
        B_U => next == b'y',
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restyle(w: &str, s: ToneStyle) -> String {
        let mut out = String::new();
        if restyle_word(w, s, &mut out) {
            out
        } else {
            w.to_string()
        }
    }

    #[test]
    fn table_round_trips() {
        let letters = vietnamese_letters();
        assert_eq!(letters.len(), 134);
        let mut seen = std::collections::HashSet::new();
        for &c in &letters {
            assert!(seen.insert(c), "{c} twice");
            if let Some(v) = vowel(c) {
                assert_eq!(vowel_char(v.base, v.tone, v.upper), c);
                assert_eq!(v.upper, c.is_uppercase());
            } else {
                assert!(matches!(c, 'đ' | 'Đ'));
            }
        }
        assert_eq!(
            vowel('ậ'),
            Some(Vowel {
                base: B_AA,
                tone: DOT,
                upper: false
            })
        );
        assert_eq!(
            vowel('Ữ').map(|v| (v.base, v.tone, v.upper)),
            Some((B_UW, TILDE, true))
        );
        assert_eq!(vowel('b'), None);
        assert_eq!(vowel('Ð'), None);
        let _ = (GRAVE, ACUTE, HOOK, B_AW, B_E, B_EE, B_I, B_OO, B_OW);
    }

    #[test]
    fn styles() {
        use ToneStyle::*;
        for (new, old) in [
            ("hoà", "hòa"),
            ("thuỷ", "thủy"),
            ("khoẻ", "khỏe"),
            ("HOÀ", "HÒA"),
            ("Thuỵ", "Thụy"),
            ("toả", "tỏa"),
            ("uỷ", "ủy"),
            ("oà", "òa"),
        ] {
            assert_eq!(restyle(old, New), new);
            assert_eq!(restyle(new, Old), old);
            assert_eq!(restyle(new, New), new);
            assert_eq!(restyle(old, Old), old);
            assert_eq!(restyle(old, Keep), old);
        }
        for same in [
            "hoàn", "hoàng", "quý", "quỳnh", "khuya", "hoài", "thuyền", "giày", "quả",
        ] {
            assert_eq!(restyle(same, New), same);
            assert_eq!(restyle(same, Old), same);
        }
    }
}

//! Syllable keys independent of case and tone-mark placement.
//!
//! A syllable's key hashes its letters lower-cased with the tone mark taken off,
//! then the tone: `hoà`, `hòa`, `HOÀ` and `Hoà` share one key, so the old and new
//! tone-mark styles (and decomposed input) segment alike.

use std::sync::OnceLock;
use unicode_normalization::char::{compose, decompose_canonical};

const FIRST: u32 = 0xC0;
const LAST: u32 = 0x1F00;

/// Letter-class bits of a [`table`] entry (of the character itself, not folded).
const ALPHA: u32 = 1 << 28;
const UPPER: u32 = 1 << 29;
const LOWER: u32 = 1 << 30;
/// The folded part of a [`table`] entry.
const FOLD: u32 = (1 << 28) - 1;

/// `(toneless lower-case char) << 3 | tone`, and the letter-class bits, for the
/// characters U+00C0..U+1EFF.
fn table() -> &'static [u32] {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (FIRST..LAST)
            .map(|cp| {
                let Some(c) = char::from_u32(cp) else {
                    return 0;
                };
                let lower = c.to_lowercase().next().unwrap_or(c);
                let mut parts = Vec::with_capacity(4);
                decompose_canonical(lower, |d| parts.push(d));
                let mut tone = 0;
                let mut base: Option<char> = None;
                for d in parts {
                    match tone_of(d) {
                        0 => {
                            base = Some(match base {
                                None => d,
                                Some(b) => compose(b, d).unwrap_or(b),
                            })
                        }
                        t => tone = t,
                    }
                }
                let mut flags = 0;
                if c.is_alphabetic() {
                    flags |= ALPHA;
                }
                if c.is_uppercase() {
                    flags |= UPPER;
                }
                if c.is_lowercase() {
                    flags |= LOWER;
                }
                ((base.unwrap_or(lower) as u32) << 3) | tone | flags
            })
            .collect()
    })
}

/// Tone number of a combining tone mark, 0 for anything else.
fn tone_of(c: char) -> u32 {
    match c {
        '\u{300}' | '\u{340}' => 1,
        '\u{301}' | '\u{341}' => 2,
        '\u{309}' => 3,
        '\u{303}' => 4,
        '\u{323}' => 5,
        _ => 0,
    }
}

/// Mix two 64-bit values (deterministic on every platform).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let mut x = a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^= x >> 32;
    x = x.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    x ^= x >> 32;
    x = x.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    x ^ (x >> 32)
}

/// The `b` of `mix(a, b)`: [`mix`] is a bijection of its second argument.
pub fn unmix(a: u64, mixed: u64) -> u64 {
    const INV1: u64 = 0xF1DE_83E1_9937_733D; // 0x9E37_79B9_7F4A_7C15⁻¹ mod 2⁶⁴
    const INV2: u64 = 0xCFEE_444D_8B59_A89B; // 0xD6E8_FEB8_6659_FD93⁻¹ mod 2⁶⁴
    let mut x = mixed;
    x ^= x >> 32;
    x = x.wrapping_mul(INV2);
    x ^= x >> 32;
    x = x.wrapping_mul(INV2);
    x ^= x >> 32;
    (x ^ a).wrapping_mul(INV1)
}

/// Fold one character for [`syllable_key`]: `Ok(code << 3 | tone)` for a letter or other
/// character, `Err(tone)` for a combining tone mark (which only sets the syllable's tone).
#[inline(always)]
fn fold_char(c: char, table: &[u32]) -> Result<u32, u32> {
    let cp = c as u32;
    if cp < 0x80 {
        Ok((c.to_ascii_lowercase() as u32) << 3)
    } else if (0x300..0x370).contains(&cp) {
        match tone_of(c) {
            0 => Ok(cp << 3),
            t => Err(t),
        }
    } else if (FIRST..LAST).contains(&cp) {
        Ok(table[(cp - FIRST) as usize] & FOLD)
    } else {
        match tone_of(c) {
            0 => Ok((c.to_lowercase().next().unwrap_or(c) as u32) << 3),
            t => Err(t),
        }
    }
}

/// FNV-1a multiplier of [`KeyHasher`].
const FNV_PRIME: u64 = 0x0000_0100_0000_01B3;

/// Consonant letters (lower-case, toneless) after which a final `y` is spelled `i` as well.
#[inline(always)]
fn is_consonant(c: u32) -> bool {
    ((0x61..=0x7A).contains(&c) && !matches!(c, 0x61 | 0x65 | 0x69 | 0x6F | 0x75 | 0x79))
        || c == 0x111
}

/// The running hash of [`syllable_key`]: folded letters in order (FNV-1a), the tone apart.
/// A `y` that directly follows a consonant and ends the syllable is hashed as `i`
/// (`lý` = `lí`, `kỹ` = `kĩ`, `hy` = `hi`), the two spellings of the same syllable; `y`
/// after a vowel (`uy`, `ay`) or before another letter (`yê`) is kept.
struct KeyHasher {
    h: u64,
    tone: u32,
    /// The last letter hashed is a consonant.
    after_consonant: bool,
    /// A `y` after a consonant is held back until we know whether it ends the syllable.
    pending_y: bool,
}

impl KeyHasher {
    #[inline(always)]
    fn new() -> KeyHasher {
        KeyHasher {
            h: 0xCBF2_9CE4_8422_2325,
            tone: 0,
            after_consonant: false,
            pending_y: false,
        }
    }

    /// Add the result of [`fold_char`].
    #[inline(always)]
    fn add(&mut self, folded: Result<u32, u32>) {
        match folded {
            Ok(folded) => {
                if folded & 7 != 0 {
                    self.tone = folded & 7;
                }
                let c = folded >> 3;
                if self.pending_y {
                    self.pending_y = false;
                    self.h = (self.h ^ u64::from(b'y')).wrapping_mul(FNV_PRIME);
                }
                if c == u32::from(b'y') && self.after_consonant {
                    self.pending_y = true;
                    self.after_consonant = false;
                    return;
                }
                self.after_consonant = is_consonant(c);
                self.h = (self.h ^ u64::from(c)).wrapping_mul(FNV_PRIME);
            }
            Err(tone) => self.tone = tone,
        }
    }

    #[inline(always)]
    fn finish(&self) -> u64 {
        let h = if self.pending_y {
            (self.h ^ u64::from(b'i')).wrapping_mul(FNV_PRIME)
        } else {
            self.h
        };
        mix(h, u64::from(self.tone) + 1)
    }
}

/// Case- and tone-style-independent hash of a syllable.
pub fn syllable_key(s: &str) -> u64 {
    let table = table();
    let mut key = KeyHasher::new();
    for c in s.chars() {
        key.add(fold_char(c, table));
    }
    key.finish()
}

/// [`syllable_key`] and [`shape`] of `s` in one pass over its characters.
pub fn key_shape(s: &str) -> (u64, u8) {
    let table = table();
    let mut key = KeyHasher::new();
    let (mut upper, mut lower, mut other) = (0u32, 0u32, 0u32);
    // shape of the first character: None (empty), Some(letter class bits)
    let mut first: Option<u32> = None;
    for c in s.chars() {
        let cp = c as u32;
        let (entry, class) = if cp < 0x80 {
            let class = if c.is_ascii_uppercase() {
                ALPHA | UPPER
            } else if c.is_ascii_lowercase() {
                ALPHA | LOWER
            } else {
                0
            };
            ((c.to_ascii_lowercase() as u32) << 3, class)
        } else if (FIRST..LAST).contains(&cp) {
            let e = table[(cp - FIRST) as usize];
            (e & FOLD, e & !FOLD)
        } else {
            let mut class = 0;
            if c.is_alphabetic() {
                class |= ALPHA;
            }
            if c.is_uppercase() {
                class |= UPPER;
            }
            if c.is_lowercase() {
                class |= LOWER;
            }
            (0, class)
        };
        if first.is_none() {
            first = Some(class);
        } else if class & UPPER != 0 {
            upper += 1;
        } else if class & LOWER != 0 {
            lower += 1;
        } else if !(0x300..=0x36F).contains(&cp) {
            other += 1;
        }
        key.add(
            if cp < 0x80 || ((FIRST..LAST).contains(&cp) && !(0x300..0x370).contains(&cp)) {
                Ok(entry)
            } else {
                fold_char(c, table)
            },
        );
    }
    let shape = match first {
        Some(f) if f & ALPHA != 0 => {
            if other > 0 {
                3
            } else if f & LOWER != 0 {
                if upper == 0 {
                    0
                } else {
                    3
                }
            } else if lower == 0 && upper > 0 {
                2
            } else if upper == 0 {
                1
            } else {
                3
            }
        }
        _ => 3,
    };
    (key.finish(), shape)
}

/// Letter-case shape: 0 lower, 1 Title, 2 UPPER (two letters or more), 3 other.
pub fn shape(s: &str) -> u8 {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return 3 };
    if !first.is_alphabetic() {
        return 3;
    }
    let (mut upper, mut lower, mut other) = (0, 0, 0);
    for c in chars {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        } else if !('\u{300}'..='\u{36F}').contains(&c) {
            other += 1;
        }
    }
    if other > 0 {
        3
    } else if first.is_lowercase() {
        if upper == 0 {
            0
        } else {
            3
        }
    } else if lower == 0 && upper > 0 {
        2
    } else if upper == 0 {
        1
    } else {
        3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_style_and_case_fold() {
        assert_eq!(syllable_key("hoà"), syllable_key("hòa"));
        assert_eq!(syllable_key("HOÀ"), syllable_key("hòa"));
        assert_eq!(syllable_key("thuỷ"), syllable_key("thủy"));
        assert_eq!(syllable_key("khoẻ"), syllable_key("khỏe"));
        // decomposed input
        assert_eq!(syllable_key("ho\u{300}a"), syllable_key("hoà"));
        assert_ne!(syllable_key("hoà"), syllable_key("hoa"));
        assert_ne!(syllable_key("hoà"), syllable_key("hoá"));
        assert_ne!(syllable_key("tâm"), syllable_key("tam"));
        assert_ne!(syllable_key("đa"), syllable_key("da"));
    }

    #[test]
    fn i_y_fold_after_consonants() {
        for (a, b) in [
            ("lý", "lí"),
            ("kỹ", "kĩ"),
            ("Mỹ", "mĩ"),
            ("sỹ", "sĩ"),
            ("hy", "hi"),
            ("kỷ", "kỉ"),
            ("ty", "ti"),
            ("LÝ", "lí"),
            ("ly\u{301}", "lí"),
            ("Đỹ", "đĩ"),
        ] {
            assert_eq!(syllable_key(a), syllable_key(b), "{a} {b}");
            assert_eq!(key_shape(a).0, key_shape(b).0, "{a} {b}");
        }
        // not after a vowel, not before another letter, not alone; tone still counts
        for (a, b) in [
            ("quý", "quí"),
            ("tuy", "tui"),
            ("tay", "tai"),
            ("yên", "iên"),
            ("y", "i"),
            ("Kyo", "Kio"),
            ("lý", "li"),
            ("lý", "lỳ"),
        ] {
            assert_ne!(syllable_key(a), syllable_key(b), "{a} {b}");
        }
    }

    #[test]
    fn key_shape_is_key_and_shape() {
        let words = [
            "",
            "a",
            "A",
            "Đảng",
            "UBND",
            "iPhone",
            "hoà",
            "HOÀ",
            "ho\u{300}a",
            "\u{300}",
            "\u{301}a",
            "x\u{345}",
            "Ωμέγα",
            "ΣΟΦ",
            "中文",
            "A1",
            "1A",
            "Ǆa",
            "ǅ",
            "ß",
            "İi",
            "Xinmei",
            "Muay",
            "ﬁ",
            "a\u{300}\u{301}",
            "ĐẢNG",
            "ĐảNG",
            "q-u",
            "e\u{1F00}",
        ];
        for w in words {
            assert_eq!(key_shape(w), (syllable_key(w), shape(w)), "{w:?}");
        }
        for cp in 0..0x3_0000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for w in [
                c.to_string(),
                format!("a{c}"),
                format!("{c}A"),
                format!("{c}b"),
            ] {
                assert_eq!(key_shape(&w), (syllable_key(&w), shape(&w)), "{w:?}");
            }
        }
    }

    #[test]
    fn unmix_inverts_mix() {
        for (a, b) in [
            (0, 0),
            (2, 1),
            (15, u64::MAX),
            (0xB05, 0x1234_5678_9ABC_DEF0),
        ] {
            assert_eq!(unmix(a, mix(a, b)), b);
        }
        assert_ne!(unmix(3, mix(2, 77)), 77);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("ban"), 0);
        assert_eq!(shape("Đảng"), 1);
        assert_eq!(shape("UBND"), 2);
        assert_eq!(shape("iPhone"), 3);
        assert_eq!(shape("A"), 1);
    }
}

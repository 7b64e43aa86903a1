//! Encoding detection.
//!
//! A BOM wins. Bytes that are valid UTF-8 are UTF-8 (pure ASCII is VIQR only when
//! a large share of its words become valid Vietnamese syllables with diacritics).
//! Otherwise each legacy decoding of a sample is scored by how Vietnamese it looks:
//! words with diacritics that are valid syllables count for it, invalid ones and
//! stray symbols or control characters (mojibake) against it.

use crate::decode::{self, utf::UTF8_BOM};
use crate::tone::{self, ACUTE, DOT, NO_TONE};
use crate::Encoding;

/// The detected encoding of some bytes, with a confidence in `0.0..=1.0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    pub encoding: Encoding,
    pub confidence: f32,
}

/// How much of the input is decoded to score a legacy candidate.
const SAMPLE: usize = 16 * 1024;
/// How much valid UTF-8 is scored (only for the confidence).
const UTF8_SAMPLE: usize = 4 * 1024;

/// Detects the encoding of `bytes`.
///
/// ```
/// use tomtat_text::{detect, Encoding};
/// // "Việt Nam" in TCVN3: ệ is the single byte 0xD6.
/// let d = detect(b"Vi\xD6t Nam \xAE\xE3ng g\xF3p");
/// assert_eq!(d.encoding, Encoding::Tcvn3);
/// assert_eq!(detect("Việt Nam".as_bytes()).encoding, Encoding::Utf8);
/// assert_eq!(detect(b"Vie^.t Nam ddo^.c la^.p").encoding, Encoding::Viqr);
/// ```
pub fn detect(bytes: &[u8]) -> Detection {
    detect_inner(bytes).0
}

/// What detection learnt about the input besides its encoding.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Found<'a> {
    /// Nothing: decode the bytes.
    Bytes,
    /// Valid UTF-8 without a BOM (no need to validate it again).
    Utf8(&'a str),
    /// Valid UTF-8 whose characters are the bytes of a legacy font (TCVN3 or VNI text
    /// typed in `.VnTime`/`VNI-Times` and saved as Unicode): decode those bytes.
    FontBytes(&'a str),
}

/// [`detect`], also telling how to read the input.
pub(crate) fn detect_inner(bytes: &[u8]) -> (Detection, Found<'_>) {
    let det = |encoding, confidence| Detection {
        encoding,
        confidence,
    };
    if bytes.starts_with(UTF8_BOM) {
        return (det(Encoding::Utf8, 1.0), Found::Bytes);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return (det(Encoding::Utf16Le, 1.0), Found::Bytes);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return (det(Encoding::Utf16Be, 1.0), Found::Bytes);
    }
    if let Some(d) = utf16_without_bom(bytes) {
        return (d, Found::Bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) if s.is_ascii() => {
            let (viqr, density) = viqr_evidence(&bytes[..bytes.len().min(SAMPLE)]);
            if viqr_wins(&viqr, density) {
                (
                    det(Encoding::Viqr, (0.5 + density).min(1.0) * viqr.ratio()),
                    Found::Bytes,
                )
            } else {
                (det(Encoding::Utf8, 1.0 - density.min(0.5)), Found::Utf8(s))
            }
        }
        Ok(s) => {
            // Valid UTF-8 with non-ASCII text is UTF-8; the confidence only reflects
            // how much of the non-ASCII text is Vietnamese letters.
            let mut end = s.len().min(UTF8_SAMPLE);
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            let (mut vi, mut other) = (0usize, 0usize);
            for c in s[..end].chars().filter(|c| !c.is_ascii()) {
                if tone::is_vietnamese_letter(c) || common_symbol(c) {
                    vi += 1;
                } else {
                    other += 1;
                }
            }
            if vi * 50 < end {
                // Hardly any Vietnamese letters: maybe VIQR with a few UTF-8 symbols.
                let (viqr, density) = viqr_evidence(&bytes[..end]);
                if viqr_wins(&viqr, density) {
                    let c = (0.5 + density).min(1.0) * viqr.ratio();
                    return (det(Encoding::Viqr, c), Found::Bytes);
                }
            }
            if other > vi {
                if let Some(d) = font_text(s) {
                    return (d, Found::FontBytes(s));
                }
            }
            let share = if vi + other == 0 {
                1.0
            } else {
                vi as f32 / (vi + other) as f32
            };
            (det(Encoding::Utf8, 0.9 + 0.1 * share), Found::Utf8(s))
        }
        Err(_) => (legacy(&bytes[..bytes.len().min(SAMPLE)]), Found::Bytes),
    }
}

/// Is the Unicode text `s` a legacy font's bytes? Only when all of it maps to font
/// bytes, its Unicode reading has little Vietnamese and TCVN3 or VNI reads it well.
fn font_text(s: &str) -> Option<Detection> {
    let mut end = s.len().min(SAMPLE);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    if !s.chars().all(|c| decode::font_byte(c).is_some()) {
        return None;
    }
    let (bytes, _) = decode::font_bytes(&s[..end])?;
    let as_unicode = score(&s[..end]);
    let d = legacy(&bytes);
    let font = score(&decode::decode(&bytes, d.encoding, true).ok()?.text);
    let strong = matches!(d.encoding, Encoding::Tcvn3 | Encoding::Vni)
        && d.confidence >= 0.7
        && font.good >= 3
        && font.good >= 3 * as_unicode.good;
    strong.then_some(d)
}

/// UTF-16 without a BOM shows as NUL bytes in every other position.
fn utf16_without_bom(bytes: &[u8]) -> Option<Detection> {
    let sample = &bytes[..bytes.len().min(4096) / 2 * 2];
    let pairs = sample.len() / 2;
    if pairs < 4 || bytes.len() % 2 == 1 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for p in sample.chunks_exact(2) {
        even += (p[0] == 0) as usize;
        odd += (p[1] == 0) as usize;
    }
    let encoding = if odd * 10 >= pairs * 3 && even * 20 <= pairs {
        crate::Encoding::Utf16Le
    } else if even * 10 >= pairs * 3 && odd * 20 <= pairs {
        crate::Encoding::Utf16Be
    } else {
        return None;
    };
    decode::utf::decode_utf16(sample, encoding).ok()?;
    Some(Detection {
        encoding,
        confidence: 0.9,
    })
}

/// Picks the best of the legacy decodings (and lossy UTF-8) of `sample`.
fn legacy(sample: &[u8]) -> Detection {
    let candidates = [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Cp1258,
        Encoding::Utf8,
    ];
    let mut scores: Vec<(Encoding, Score)> = candidates
        .iter()
        .map(|&e| {
            let d = decode::decode(sample, e, true).expect("legacy decoders never fail");
            let text = match e {
                // Score cp1258 after composition, as it will be read.
                Encoding::Cp1258 => crate::normalize::normalize(&d.text, crate::ToneStyle::Keep)
                    .0
                    .into_owned(),
                _ => d.text.into_owned(),
            };
            let mut s = score(&text);
            if e == Encoding::Vni {
                // Mark bytes with no letter before them are VNI gone wrong.
                s.weird += decode::vni::lone_marks(sample);
            }
            if e == Encoding::Utf8 {
                // A cut multi-byte sequence at the end of the sample is no evidence.
                s.weird = s.weird.saturating_sub(1);
            }
            (e, s)
        })
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.1.value()));
    let (best, s) = scores[0];
    let second = scores[1].1.value().max(0);
    let value = s.value();
    if value < 0 || s.good == 0 {
        // No Vietnamese evidence: Windows-1258 reads Western text too.
        return Detection {
            encoding: Encoding::Cp1258,
            confidence: 0.2,
        };
    }
    let separation = if value > 0 {
        (value - second) as f32 / value as f32
    } else {
        0.0
    };
    Detection {
        encoding: best,
        confidence: (s.ratio() * (0.5 + 0.5 * separation)).clamp(0.0, 1.0),
    }
}

/// Evidence that a text is Vietnamese.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Score {
    /// Words with diacritics that are valid syllables.
    pub good: usize,
    /// Words with non-ASCII letters that are not valid syllables.
    pub bad: usize,
    /// Symbols, control characters and foreign letters typical of mojibake.
    pub weird: usize,
    /// All words (runs of letters).
    pub words: usize,
}

impl Score {
    fn value(&self) -> i64 {
        self.good as i64 - self.bad as i64 - 2 * self.weird as i64
    }

    /// Share of the evidence that is for Vietnamese.
    pub(crate) fn ratio(&self) -> f32 {
        let all = self.good + self.bad + self.weird;
        if all == 0 {
            0.0
        } else {
            self.good as f32 / all as f32
        }
    }
}

/// The score of the VIQR reading of `sample` and the share of its words that are
/// syllables with diacritics.
fn viqr_evidence(sample: &[u8]) -> (Score, f32) {
    let viqr = score(&decode::viqr::decode(sample).text);
    let density = viqr.good as f32 / viqr.words.max(1) as f32;
    (viqr, density)
}

/// VIQR needs many marked syllables and few words spoiled by marks (English `it's`,
/// `see?` spoil words; Vietnamese `Vie^.t` makes a syllable).
fn viqr_wins(viqr: &Score, density: f32) -> bool {
    viqr.good >= 2 && viqr.good >= 2 * viqr.bad && density >= 0.2
}

/// Punctuation that real Vietnamese documents use outside ASCII.
fn common_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{2013}'
            | '\u{2014}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2026}'
            | '\u{2022}'
            | '\u{00A0}'
            | '\u{00B0}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2212}'
            | '\u{FEFF}'
    ) || ('\u{0300}'..='\u{0323}').contains(&c)
}

/// Scores `text` for Vietnamese.
pub(crate) fn score(text: &str) -> Score {
    let mut s = Score::default();
    let mut word = String::new();
    let mut word_non_ascii = false;
    let end_word = |word: &mut String, non_ascii: &mut bool, s: &mut Score| {
        s.words += 1;
        if *non_ascii {
            if is_syllable(word) {
                s.good += 1;
            } else {
                s.bad += 1;
            }
        }
        word.clear();
        *non_ascii = false;
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            if !c.is_ascii() {
                word_non_ascii = true;
                if !tone::is_vietnamese_letter(c) {
                    s.weird += 1;
                }
            }
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            end_word(&mut word, &mut word_non_ascii, &mut s);
        }
        let weird = if c.is_ascii() {
            c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')
        } else {
            !common_symbol(c)
        };
        s.weird += weird as usize;
    }
    if !word.is_empty() {
        end_word(&mut word, &mut word_non_ascii, &mut s);
    }
    s
}

/// Onsets, longest first; `kr pr pl bl dr` occur in Central Highlands place names
/// (Krông, Prông, Pleiku).
const ONSETS: [&str; 32] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "kr", "pr", "pl", "bl",
    "dr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

const NUCLEI: [&str; 55] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "yêu", "oai", "oao", "oay", "oeo",
    "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
];

const CODAS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// True if `word` (letters, any case) spells one Vietnamese syllable.
pub(crate) fn is_syllable(word: &str) -> bool {
    // The word without tones, lower case, on the stack.
    let mut buf = [0u8; 32];
    let mut len = 0;
    let mut tone = NO_TONE;
    let mut tone_at = 0;
    let mut push = |c: char| -> bool {
        if len + c.len_utf8() > buf.len() {
            return false;
        }
        len += c.encode_utf8(&mut buf[len..]).len();
        true
    };
    for (k, c) in word.chars().enumerate() {
        if let Some(v) = tone::vowel(c) {
            if v.tone != NO_TONE {
                if tone != NO_TONE {
                    return false;
                }
                tone = v.tone;
                tone_at = k;
            }
            if !push(tone::vowel_char(v.base, NO_TONE, false)) {
                return false;
            }
        } else if c == 'đ' || c == 'Đ' {
            if !push('đ') {
                return false;
            }
        } else if c.is_ascii_alphabetic() {
            if !push(c.to_ascii_lowercase()) {
                return false;
            }
        } else {
            return false;
        }
    }
    let plain = std::str::from_utf8(&buf[..len]).expect("UTF-8 written");
    let is_vowel = |c: char| tone::vowel(c).is_some();
    let starts_with_vowel = |s: &str| s.chars().next().is_some_and(is_vowel);
    let mut rest = plain;
    for onset in ONSETS {
        if let Some(r) = rest.strip_prefix(onset) {
            if starts_with_vowel(r) {
                rest = r;
                break;
            }
            if onset == "qu" {
                return false;
            }
        }
    }
    let nucleus_len = rest
        .char_indices()
        .find(|&(_, c)| !is_vowel(c))
        .map_or(rest.len(), |(i, _)| i);
    let (nucleus, coda) = rest.split_at(nucleus_len);
    if !NUCLEI.contains(&nucleus) || !CODAS.contains(&coda) {
        return false;
    }
    if matches!(coda, "c" | "ch" | "p" | "t") && !matches!(tone, ACUTE | DOT) {
        return false;
    }
    if tone == NO_TONE {
        return true;
    }
    // Where the tone mark sits in the nucleus.
    let onset_chars = plain[..plain.len() - rest.len()].chars().count();
    let Some(pos) = tone_at.checked_sub(onset_chars) else {
        return false;
    };
    match nucleus.chars().count() {
        1 => true,
        2 => match nucleus {
            "oa" | "oe" | "uy" => true,
            "uê" | "uơ" | "uâ" | "oă" | "iê" | "yê" | "uô" | "ươ" => pos == 1,
            _ => pos == usize::from(!coda.is_empty()),
        },
        _ => pos == if nucleus == "uyê" { 2 } else { 1 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        for w in [
            "Việt",
            "nghiêng",
            "quyết",
            "giữa",
            "gì",
            "khuỷu",
            "ĐƯỜNG",
            "thuở",
            "hoà",
            "hòa",
            "a",
            "ươn",
            "yêu",
            "quý",
            "gìn",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "người", "khuyến", "chuyện", "giữa", "của", "cửa", "mía", "toàn", "khuỷu", "thuế",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "Vieọt", "viưt", "cña", "hoàt", "xyz", "aá", "quá̀", "bánhs", "caỷ", "heọ", "cuả",
            "ngưòi",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn ascii_english_is_not_viqr() {
        let text = b"It's a nice day. We'll go to the sea. Don't you see? I'm here. \
            The address is added to the list of oddities, and he said so.";
        assert_eq!(detect(text).encoding, Encoding::Utf8);
    }

    #[test]
    fn confidence_is_a_share() {
        // A tie of good and bad evidence once divided by zero (found by fuzzing).
        for bytes in [
            &b"Ch\xFD Pr\xF4ng \xFF"[..],
            b"\xE0",
            b"a\xEC\xEC",
            b"",
            b"\x80\x81",
        ] {
            let c = detect(bytes).confidence;
            assert!((0.0..=1.0).contains(&c), "{bytes:?}: {c}");
        }
    }

    #[test]
    fn bom_wins() {
        assert_eq!(detect(b"\xEF\xBB\xBFabc").encoding, Encoding::Utf8);
        assert_eq!(detect(b"\xFF\xFEa\0").encoding, Encoding::Utf16Le);
        assert_eq!(detect(b"\xFE\xFF\0a").encoding, Encoding::Utf16Be);
        let le: Vec<u8> = "Việt Nam hôm nay"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(detect(&le).encoding, Encoding::Utf16Le);
    }
}

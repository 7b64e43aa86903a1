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
use std::sync::OnceLock;

/// The detected encoding of some bytes, with a confidence in `0.0..=1.0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    pub encoding: Encoding,
    pub confidence: f32,
}

/// How much of the input is decoded to score a legacy candidate.
const SAMPLE: usize = 16 * 1024;
/// How much valid UTF-8 is looked at (only for the confidence, and for VIQR or
/// legacy-font text saved as Unicode).
const UTF8_SAMPLE: usize = 2 * 1024;

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
    if pairs < 4 || bytes.len() % 2 == 1 || !sample.contains(&0) {
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
            // (The cp1258 decoder composes Vietnamese letters itself.)
            let mut s = score(&d.text);
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

/// A letter of a word being scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Letter {
    /// A vowel: base (as in [`tone::vowel`]) and tone.
    V(u8, u8),
    /// A consonant: its lower-case ASCII byte, `D` for đ, 0 for a foreign letter.
    C(u8),
}

/// The longest word scored letter by letter; longer ones are not syllables.
const MAX_LETTERS: usize = 8;

#[inline]
fn letter(c: char) -> Option<Letter> {
    if c.is_ascii() {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        let b = c as u8 | 0x20;
        return Some(match b {
            b'a' => Letter::V(tone::B_A, NO_TONE),
            b'e' => Letter::V(tone::B_E, NO_TONE),
            b'i' => Letter::V(tone::B_I, NO_TONE),
            b'o' => Letter::V(tone::B_O, NO_TONE),
            b'u' => Letter::V(tone::B_U, NO_TONE),
            b'y' => Letter::V(tone::B_Y, NO_TONE),
            _ => Letter::C(b),
        });
    }
    if let Some(v) = tone::vowel(c) {
        return Some(Letter::V(v.base, v.tone));
    }
    let alphabetic = match c as u32 {
        // Latin-1 and Latin Extended-A/B without the table lookup.
        0x80..=0xBF => matches!(c, 'ª' | 'µ' | 'º'),
        0xC0..=0xFF => !matches!(c, '×' | '÷'),
        0x100..=0x24F => true,
        // Combining marks, punctuation and symbols, the replacement character.
        0x300..=0x36F | 0x2000..=0x2BFF | 0xFFFD => false,
        _ => c.is_alphabetic(),
    };
    match c {
        'đ' | 'Đ' => Some(Letter::C(b'D')),
        _ if alphabetic => Some(Letter::C(0)),
        _ => None,
    }
}

/// Scores `text` for Vietnamese.
pub(crate) fn score(text: &str) -> Score {
    let mut s = Score::default();
    let mut word = [Letter::C(0); MAX_LETTERS];
    let mut len = 0;
    let mut non_ascii = false;
    let mut end_word = |word: &[Letter; MAX_LETTERS], len: &mut usize, non_ascii: &mut bool| {
        if *len == 0 {
            return;
        }
        s.words += 1;
        if *non_ascii {
            if *len <= MAX_LETTERS && syllable(&word[..*len]) {
                s.good += 1;
            } else {
                s.bad += 1;
            }
        }
        *len = 0;
        *non_ascii = false;
    };
    let mut weird = 0;
    for c in text.chars() {
        match letter(c) {
            Some(l) => {
                if !c.is_ascii() {
                    non_ascii = true;
                    weird += (l == Letter::C(0)) as usize;
                }
                if len < MAX_LETTERS {
                    word[len] = l;
                }
                len += 1;
            }
            None => {
                end_word(&word, &mut len, &mut non_ascii);
                weird += if c.is_ascii() {
                    (c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')) as usize
                } else {
                    !common_symbol(c) as usize
                };
            }
        }
    }
    end_word(&word, &mut len, &mut non_ascii);
    s.weird += weird;
    s
}

/// Vowel groups (with their glides and final semivowels) and where they take the tone.
const NUCLEI: [(&str, Rule); 55] = {
    use Rule::*;
    [
        ("a", Any),
        ("ă", Any),
        ("â", Any),
        ("e", Any),
        ("ê", Any),
        ("i", Any),
        ("o", Any),
        ("ô", Any),
        ("ơ", Any),
        ("u", Any),
        ("ư", Any),
        ("y", Any),
        ("ai", ByCoda),
        ("ao", ByCoda),
        ("au", ByCoda),
        ("ay", ByCoda),
        ("âu", ByCoda),
        ("ây", ByCoda),
        ("eo", ByCoda),
        ("êu", ByCoda),
        ("ia", ByCoda),
        ("iu", ByCoda),
        ("oi", ByCoda),
        ("oo", ByCoda),
        ("ôi", ByCoda),
        ("ơi", ByCoda),
        ("ua", ByCoda),
        ("ui", ByCoda),
        ("ưa", ByCoda),
        ("ưi", ByCoda),
        ("ưu", ByCoda),
        ("oa", Any),
        ("oe", Any),
        ("uy", Any),
        ("iê", Second),
        ("yê", Second),
        ("oă", Second),
        ("uâ", Second),
        ("uê", Second),
        ("uô", Second),
        ("uơ", Second),
        ("ươ", Second),
        ("iêu", Second),
        ("yêu", Second),
        ("oai", Second),
        ("oao", Second),
        ("oay", Second),
        ("oeo", Second),
        ("uây", Second),
        ("uôi", Second),
        ("uya", Second),
        ("uyu", Second),
        ("ươi", Second),
        ("ươu", Second),
        ("uyê", Third),
    ]
};

/// Where a vowel group takes its tone mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    Invalid,
    /// Any of its vowels (single vowels; `oa oe uy` in either style).
    Any,
    /// The first vowel, or the second before a final consonant (`mía`, `tiến`).
    ByCoda,
    /// The second vowel (`tiến`, `người`).
    Second,
    /// The third (`khuyến`).
    Third,
}

/// Tone rule by vowel group, indexed by the bases: `12 * 12 * (a + 1) + 12 * (b + 1) + c`
/// style codes for one to three vowels.
fn nucleus_rule(bases: &[u8]) -> Rule {
    static T: OnceLock<Vec<Rule>> = OnceLock::new();
    let table = T.get_or_init(|| {
        let mut t = vec![Rule::Invalid; 13 * 13 * 13];
        for (n, rule) in NUCLEI {
            let bases: Vec<u8> = n.chars().map(|c| tone::vowel(c).unwrap().base).collect();
            t[nucleus_index(&bases)] = rule;
        }
        t
    });
    if bases.is_empty() || bases.len() > 3 {
        return Rule::Invalid;
    }
    table[nucleus_index(bases)]
}

fn nucleus_index(bases: &[u8]) -> usize {
    bases.iter().fold(0, |acc, &b| acc * 13 + b as usize + 1)
}

/// True if `word` (letters, any case) spells one Vietnamese syllable.
#[cfg(test)]
pub(crate) fn is_syllable(word: &str) -> bool {
    let letters: Option<Vec<Letter>> = word.chars().map(letter).collect();
    letters.is_some_and(|l| l.len() <= MAX_LETTERS && syllable(&l))
}

/// The onsets of a syllable (with `qu` and `gi`, and the clusters of minority-language
/// names: `kr`, `pr`, `pl`, `bl`, `dr`); `D` is `đ`.
const ONSETS: &[&[u8]] = &[
    b"", b"b", b"c", b"ch", b"d", b"D", b"g", b"gh", b"gi", b"h", b"k", b"kh", b"l", b"m", b"n",
    b"ng", b"ngh", b"nh", b"p", b"ph", b"qu", b"r", b"s", b"t", b"th", b"tr", b"v", b"x", b"kr",
    b"pr", b"pl", b"bl", b"dr",
];

/// True if the letters spell one Vietnamese syllable: onset, vowel group, final
/// consonant, at most one tone, placed where the group takes it, and only acute or
/// dot below before a stop (`c ch p t`).
fn syllable(word: &[Letter]) -> bool {
    let mut tone = NO_TONE;
    let mut tone_at = 0;
    for (k, l) in word.iter().enumerate() {
        if let Letter::V(_, t) = *l {
            if t != NO_TONE {
                if tone != NO_TONE {
                    return false;
                }
                tone = t;
                tone_at = k;
            }
        }
    }
    let Some(first_v) = word.iter().position(|l| matches!(l, Letter::V(..))) else {
        return false;
    };
    let nucleus_end = word[first_v..]
        .iter()
        .position(|l| matches!(l, Letter::C(_)))
        .map_or(word.len(), |p| first_v + p);
    let mut onset = [0u8; 3];
    if first_v > 3 {
        return false;
    }
    for (k, l) in word[..first_v].iter().enumerate() {
        let Letter::C(b) = *l else { unreachable!() };
        onset[k] = b;
    }
    let mut onset = &onset[..first_v];
    let mut bases = [0u8; 3];
    let n = nucleus_end - first_v;
    if n > 3 {
        return false;
    }
    for (k, l) in word[first_v..nucleus_end].iter().enumerate() {
        let Letter::V(b, _) = *l else { unreachable!() };
        bases[k] = b;
    }
    let mut nucleus = &bases[..n];
    let mut nucleus_start = first_v;
    // `qu` and `gi` take the u or i of the vowel group.
    if (onset == b"q" && nucleus[0] == tone::B_U || onset == b"g" && nucleus[0] == tone::B_I)
        && n > 1
    {
        onset = if onset == b"q" { b"qu" } else { b"gi" };
        nucleus = &nucleus[1..];
        nucleus_start += 1;
    }
    let onset_ok = ONSETS.contains(&onset);
    if !onset_ok {
        return false;
    }
    let mut coda = [0u8; 2];
    let coda_len = word.len() - nucleus_end;
    if coda_len > 2 {
        return false;
    }
    for (k, l) in word[nucleus_end..].iter().enumerate() {
        match *l {
            Letter::C(b) => coda[k] = b,
            Letter::V(..) => return false,
        }
    }
    let coda = &coda[..coda_len];
    if !matches!(
        coda,
        b"" | b"c" | b"ch" | b"m" | b"n" | b"ng" | b"nh" | b"p" | b"t"
    ) {
        return false;
    }
    if matches!(coda, b"c" | b"ch" | b"p" | b"t") && !matches!(tone, ACUTE | DOT) {
        return false;
    }
    let rule = nucleus_rule(nucleus);
    if rule == Rule::Invalid {
        return false;
    }
    if tone == NO_TONE {
        return true;
    }
    let Some(pos) = tone_at.checked_sub(nucleus_start) else {
        return false;
    };
    match rule {
        Rule::Any => true,
        Rule::ByCoda => pos == usize::from(!coda.is_empty()),
        Rule::Second => pos == 1,
        Rule::Third => pos == 2,
        Rule::Invalid => false,
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

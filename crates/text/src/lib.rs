//! Vietnamese text: decode bytes in any encoding found in Vietnamese archives,
//! normalize to NFC with one tone-mark style, and keep a map from every byte of
//! the normalized text back to the source bytes.
//!
//! Stages, one module each:
//! - [`detect`](detect()): which encoding (BOM, UTF-8 validity, then scoring of the
//!   legacy decodings by how Vietnamese they look);
//! - `decode`: UTF-8, UTF-16, Windows-1258, TCVN3 (ABC), VNI-Windows, VIQR;
//! - `normalize`: NFC, `Ð`→`Đ`, invisible characters dropped, odd spaces to ASCII
//!   space, CRLF/CR to LF, tone marks in one [`ToneStyle`]; and [`match_key`];
//! - `offsets`: sparse maps from the normalized text back to the source bytes
//!   (nothing for unchanged UTF-8; about 12 bytes per changed letter otherwise).
//!
//! Detection also recognizes TCVN3 or VNI text typed in a legacy font and saved as
//! Unicode ("B¸o c¸o", "Baùo caùo") and reads it through the font's bytes, with offsets
//! into the UTF-8 source. TCVN3 stores most toned capitals in lower case; the decoder
//! returns what the bytes say, and [`Text::restore_capitals`] brings back those of
//! headings in capitals and sentence starts.
//!
//! ```
//! use tomtat_text::{Encoding, Options, Text, ToneStyle};
//! let text = Text::from_bytes("Hoà bình".as_bytes(), &Options::default()).unwrap();
//! assert_eq!(text.as_str(), "Hoà bình");
//! assert_eq!(text.source_range(0..4), 0..4);
//!
//! // TCVN3 bytes, detected, with old-style tone marks asked for.
//! let opts = Options { encoding: None, tone_style: ToneStyle::Old };
//! let text = Text::from_bytes(b"Ho\xB5 b\xDDnh", &opts).unwrap();
//! assert_eq!(text.encoding(), Encoding::Tcvn3);
//! assert_eq!(text.as_str(), "Hòa bính");
//! assert_eq!(text.source_range(0..4), 0..3); // "Hòa" is 3 source bytes
//! ```
//!
//! INTERFACE CONTRACT (used by the other crates; keep these names and signatures):
//! `Encoding` (+ `FromStr` with the CLI names), `ToneStyle` (+ `FromStr`),
//! `Options { encoding: Option<Encoding>, tone_style: ToneStyle }`,
//! `Text::from_bytes`, `Text::from_str_with`, `Text::as_str`, `Text::source_range`,
//! `Text::encoding`, `Text::into_string`, `DecodeError`, `match_key`.

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod decode;
mod detect;
mod normalize;
mod offsets;
mod tone;

pub use decode::cp1252_char;
pub use detect::{detect, Detection};
pub use normalize::{match_key, match_key_into};
pub use tone::vietnamese_letters;

/// Whether `s` has letters and all of them in capitals: a letterhead or title line
/// (`THÔNG BÁO`, `ĐẢNG ỦY XÃ TÂN AN`).
///
/// ```
/// use tomtat_text::all_capitals;
/// assert!(all_capitals("KẾT LUẬN CỦA BỘ CHÍNH TRỊ"));
/// assert!(all_capitals("Số 45-BC/ĐU".to_uppercase().as_str()));
/// assert!(!all_capitals("Ngày 10/4") && !all_capitals("2025 - *"));
/// ```
pub fn all_capitals(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

use offsets::SourceMap;
use std::borrow::Cow;
use std::ops::Range;
use std::str::FromStr;

/// Encodings the decoder understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8, with or without a BOM.
    Utf8,
    /// UTF-16 little endian (a BOM, if present, decides the byte order).
    Utf16Le,
    /// UTF-16 big endian.
    Utf16Be,
    /// Windows-1258: base letters plus combining tone bytes.
    Cp1258,
    /// TCVN 5712:1993 VN3 ("ABC", `.VnTime` fonts): one byte a letter.
    Tcvn3,
    /// VNI-Windows (`VNI-Times` fonts): letter byte plus mark byte.
    Vni,
    /// VIQR (RFC 1456) ASCII mnemonics: `Vie^.t Nam`.
    Viqr,
}

impl Encoding {
    /// Every encoding, in the order of the CLI's list.
    ///
    /// ```
    /// assert_eq!(tomtat_text::Encoding::ALL.len(), 7);
    /// ```
    pub const ALL: [Encoding; 7] = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Cp1258,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viqr,
    ];

    /// The name used on the command line and in output.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf8",
            Encoding::Utf16Le => "utf16le",
            Encoding::Utf16Be => "utf16be",
            Encoding::Cp1258 => "cp1258",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viqr => "viqr",
        }
    }
}

/// Parses the CLI names `utf8 utf16 utf16le utf16be cp1258 tcvn3 vni viqr`, case and
/// `-`/`_` ignored, plus the aliases `windows-1258`, `tcvn`, `abc`, `vni-windows`.
impl FromStr for Encoding {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(
            match s.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
                "utf8" => Encoding::Utf8,
                "utf16" | "utf16le" => Encoding::Utf16Le,
                "utf16be" => Encoding::Utf16Be,
                "cp1258" | "windows1258" => Encoding::Cp1258,
                "tcvn3" | "tcvn" | "abc" => Encoding::Tcvn3,
                "vni" | "vniwindows" => Encoding::Vni,
                "viqr" => Encoding::Viqr,
                other => return Err(format!("unknown encoding `{other}`")),
            },
        )
    }
}

/// Where tone marks go on the vowel pairs oa, oe, uy: `New` gives hoà, thuỷ, khoẻ;
/// `Old` gives hòa, thủy, khỏe; `Keep` leaves the text as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ToneStyle {
    /// *Dấu mới*: `hoà`, `thuỷ`, `khoẻ`.
    New,
    /// *Dấu cũ*: `hòa`, `thủy`, `khỏe`.
    Old,
    /// As written.
    #[default]
    Keep,
}

/// Parses `new`, `old`, `keep` (any case).
impl FromStr for ToneStyle {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "new" => Ok(ToneStyle::New),
            "old" => Ok(ToneStyle::Old),
            "keep" => Ok(ToneStyle::Keep),
            other => Err(format!("unknown tone style `{other}` (new, old or keep)")),
        }
    }
}

/// How to decode and normalize.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// `None` detects the encoding.
    pub encoding: Option<Encoding>,
    /// Where tone marks go on `oa`, `oe`, `uy`.
    pub tone_style: ToneStyle,
}

/// Why bytes could not become text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte (or, in UTF-16, a NUL character) at this source byte offset.
    #[error("binary data (NUL byte at offset {0}), not text")]
    Binary(usize),
    /// The bytes are not valid in the (forced or detected) encoding.
    #[error("not valid {encoding} at byte {offset}")]
    Invalid {
        encoding: &'static str,
        offset: usize,
    },
    /// Inputs of 2 GiB or more are not supported (offsets are 32-bit).
    #[error("input of {0} bytes is too large (limit 2 GiB)")]
    TooLarge(usize),
}

/// Normalized text with a map back to the source bytes.
#[derive(Debug, Clone)]
pub struct Text {
    text: String,
    /// Maps from the normalized text back to the source, applied in order
    /// (normalization, decoding, and for legacy-font text stored as Unicode, the
    /// font bytes to the UTF-8 source). Empty when the text is its source.
    maps: Vec<SourceMap>,
    source_len: usize,
    detection: Detection,
}

/// Words of a line: (start, end) byte ranges of runs of letters.
fn letter_runs(line: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, line.len()));
    }
    runs
}

/// Whether a word after `before` (the line up to it) begins a sentence: nothing but
/// bullets, numbering and spaces before it on the line, or a sentence end.
fn starts_sentence(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '\t', '(', '"', '“', '\'', '‘']);
    match trimmed.chars().next_back() {
        None => true,
        Some('.' | '!' | '?' | '…') => !trimmed.ends_with("..") || trimmed.ends_with("..."),
        _ => !trimmed.chars().any(char::is_alphabetic) && trimmed.chars().count() <= 4,
    }
}

/// [`Text::restore_capitals`] for one line, appended to `out`.
fn restore_line_capitals(line: &str, out: &mut String) -> usize {
    // Per word: capitals, lower-case letters that TCVN3 could have written in capitals,
    // and lower-case toned vowels (which it could not).
    let lowered = |c: char| tone::vowel(c).is_some_and(|v| v.tone != 0 && !v.upper);
    let runs = letter_runs(line);
    let stats: Vec<(usize, usize, usize)> = runs
        .iter()
        .map(|&(s, e)| {
            let w = &line[s..e];
            let upper = w.chars().filter(|c| c.is_uppercase()).count();
            let low = w.chars().filter(|&c| lowered(c)).count();
            let plain_lower = w.chars().filter(|c| c.is_lowercase()).count() - low;
            (upper, plain_lower, low)
        })
        .collect();
    let caps_words = stats
        .iter()
        .filter(|s| s.0 >= 1 && s.1 == 0 && s.0 + s.2 >= 2)
        .count();
    let mixed_words = stats.iter().filter(|s| s.1 > 0).count();
    let caps_line = caps_words > mixed_words;
    let mut changed = 0;
    let mut last = 0;
    for (&(s, e), &(upper, plain_lower, low)) in runs.iter().zip(&stats) {
        let word_caps = low > 0 && plain_lower == 0 && (upper >= 2 || (upper == 1 && caps_line));
        // A sentence that starts with a toned vowel: its first letter.
        let first = line[s..e].chars().next().expect("a letter");
        let sentence_start = upper == 0 && lowered(first) && starts_sentence(&line[..s]);
        if !word_caps && !sentence_start {
            continue;
        }
        out.push_str(&line[last..s]);
        for (k, c) in line[s..e].chars().enumerate() {
            if lowered(c) && (word_caps || k == 0) {
                let v = tone::vowel(c).expect("a vowel");
                out.push(tone::vowel_char(v.base, v.tone, true));
                changed += 1;
            } else {
                out.push(c);
            }
        }
        last = e;
    }
    out.push_str(&line[last..]);
    changed
}

/// Offset of the first NUL byte.
fn find_nul(bytes: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for c in chunks.by_ref() {
        let w = u64::from_le_bytes(c.try_into().unwrap());
        if w.wrapping_sub(LO) & !w & HI != 0 {
            break;
        }
        base += 8;
    }
    bytes[base..].iter().position(|&b| b == 0).map(|p| p + base)
}

impl Text {
    /// Decodes `bytes` (detecting the encoding unless `options.encoding` is set) and
    /// normalizes them. Empty input gives empty text.
    ///
    /// ```
    /// use tomtat_text::{DecodeError, Encoding, Options, Text, ToneStyle};
    /// let opts = Options { encoding: Some(Encoding::Viqr), tone_style: ToneStyle::New };
    /// let t = Text::from_bytes(b"Vie^.t Nam ho`a bi`nh", &opts).unwrap();
    /// assert_eq!(t.as_str(), "Việt Nam hoà bình");
    /// assert_eq!(&b"Vie^.t Nam ho`a bi`nh"[t.source_range(0..6)], b"Vie^.t");
    /// assert_eq!(
    ///     Text::from_bytes(b"PK\x03\x04\x00", &Options::default()).unwrap_err(),
    ///     DecodeError::Binary(4)
    /// );
    /// ```
    pub fn from_bytes(bytes: &[u8], options: &Options) -> Result<Text, DecodeError> {
        if bytes.len() >= 1 << 31 {
            return Err(DecodeError::TooLarge(bytes.len()));
        }
        let (detection, found) = match options.encoding {
            Some(encoding) => (
                Detection {
                    encoding,
                    confidence: 1.0,
                },
                detect::Found::Bytes,
            ),
            None => detect::detect_inner(bytes),
        };
        if !matches!(detection.encoding, Encoding::Utf16Le | Encoding::Utf16Be) {
            if let Some(pos) = find_nul(bytes) {
                return Err(DecodeError::Binary(pos));
            }
        }
        let mut maps = Vec::new();
        let font_bytes;
        let decoded = match found {
            // Detection already validated it.
            detect::Found::Utf8(s) => decode::Decoded {
                text: Cow::Borrowed(s),
                map: None,
                encoding: Encoding::Utf8,
            },
            detect::Found::FontBytes(s) => {
                let (b, map) = decode::font_bytes(s).expect("checked by detection");
                font_bytes = b;
                maps.push(map);
                decode::decode(&font_bytes, detection.encoding, false)?
            }
            detect::Found::Bytes => {
                decode::decode(bytes, detection.encoding, options.encoding.is_none())?
            }
        };
        maps.extend(decoded.map);
        let (normalized, norm_map) = match normalize::normalize(&decoded.text, options.tone_style) {
            (Cow::Owned(s), m) => (Some(s), m),
            (Cow::Borrowed(_), m) => (None, m),
        };
        maps.extend(norm_map);
        maps.reverse();
        let text = normalized.unwrap_or_else(|| decoded.text.into_owned());
        Ok(Text {
            text,
            maps,
            source_len: bytes.len(),
            detection: Detection {
                encoding: decoded.encoding,
                ..detection
            },
        })
    }

    /// Normalizes text that is already Unicode; source offsets are offsets into `s`.
    ///
    /// ```
    /// use tomtat_text::{Options, Text, ToneStyle};
    /// let opts = Options { encoding: None, tone_style: ToneStyle::New };
    /// let t = Text::from_str_with("Thủy\u{00A0}lợi\r\n", &opts);
    /// assert_eq!(t.as_str(), "Thuỷ lợi\n");
    /// assert_eq!(t.source_range(6..7), 6..8); // the space was a 2-byte NBSP
    /// ```
    pub fn from_str_with(s: &str, options: &Options) -> Text {
        let (text, norm_map) = match normalize::normalize(s, options.tone_style) {
            (Cow::Owned(t), m) => (t, m),
            (Cow::Borrowed(t), m) => (t.to_owned(), m),
        };
        Text {
            text,
            maps: norm_map.into_iter().collect(),
            source_len: s.len(),
            detection: Detection {
                encoding: Encoding::Utf8,
                confidence: 1.0,
            },
        }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Consume into the normalized string.
    pub fn into_string(self) -> String {
        self.text
    }

    /// The encoding the source was decoded from.
    pub fn encoding(&self) -> Encoding {
        self.detection.encoding
    }

    /// The encoding with the detector's confidence (1.0 when the encoding was given).
    pub fn detection(&self) -> Detection {
        self.detection
    }

    /// Upper-cases the toned vowels that TCVN3 (`.VnTime`) could only store in lower
    /// case (`BáO CáO` becomes `BÁO CÁO`): in words whose other letters are capitals
    /// (one-capital words like `Bá` only when most words of the line are in capitals),
    /// and the first letter of a sentence (`. ủy ban` becomes `. Ủy ban`). Returns how many letters changed. Not done by [`Text::from_bytes`]
    /// (a decoder must return what the bytes say); call it for display or for
    /// heading detection. Lengths do not change, so offsets stay valid.
    ///
    /// ```
    /// use tomtat_text::{Encoding, Options, Text};
    /// let opts = Options { encoding: Some(Encoding::Tcvn3), ..Default::default() };
    /// let mut t = Text::from_bytes(b"B\xB8O C\xB8O T\xD7NH H\xD7NH\nBa B\xB8 \xB8", &opts).unwrap();
    /// assert_eq!(t.as_str(), "BáO CáO TìNH HìNH\nBa Bá á");
    /// assert_eq!(t.restore_capitals(), 4);
    /// assert_eq!(t.as_str(), "BÁO CÁO TÌNH HÌNH\nBa Bá á");
    /// ```
    pub fn restore_capitals(&mut self) -> usize {
        let mut out = String::with_capacity(self.text.len());
        let mut changed = 0;
        for line in self.text.split_inclusive('\n') {
            changed += restore_line_capitals(line, &mut out);
        }
        if changed > 0 {
            debug_assert_eq!(out.len(), self.text.len());
            self.text = out;
        }
        changed
    }

    /// Bytes of memory held by the offset maps (0 for unchanged UTF-8 text).
    pub fn map_bytes(&self) -> usize {
        self.maps.iter().map(|m| 12 * m.anchors()).sum()
    }

    /// Length of the source in bytes.
    pub fn source_len(&self) -> usize {
        self.source_len
    }

    /// Maps a byte range of the normalized text to the byte range of the source it came
    /// from. The result covers every source byte that produced the range (a range
    /// inside one decoded letter widens to the whole letter), lies within the source
    /// and is monotone in both ends. Out-of-range input is clamped.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let end = range.end.min(self.text.len());
        let start = range.start.min(end);
        self.maps
            .iter()
            .fold(start..end, |r, m| m.floor(r.start)..m.ceil(r.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forced(encoding: Encoding) -> Options {
        Options {
            encoding: Some(encoding),
            tone_style: ToneStyle::Keep,
        }
    }

    #[test]
    fn empty_input_is_empty_text() {
        let t = Text::from_bytes(b"", &Options::default()).unwrap();
        assert_eq!(t.as_str(), "");
        assert_eq!(t.source_range(0..0), 0..0);
        for e in Encoding::ALL {
            let t = Text::from_bytes(b"", &forced(e)).unwrap();
            assert_eq!(t.as_str(), "");
            assert_eq!(t.encoding(), e);
        }
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            Text::from_bytes(b"abc\0def", &Options::default()).unwrap_err(),
            DecodeError::Binary(3)
        );
        assert_eq!(
            Text::from_bytes(b"ab\xC3(", &forced(Encoding::Utf8)).unwrap_err(),
            DecodeError::Invalid {
                encoding: "utf8",
                offset: 2
            }
        );
        assert_eq!(
            Text::from_bytes(b"\xFF\xFEa\0b", &Options::default()).unwrap_err(),
            DecodeError::Invalid {
                encoding: "utf16le",
                offset: 4
            }
        );
        assert_eq!(
            Text::from_bytes(b"\xFF\xFEa\0\0\0", &Options::default()).unwrap_err(),
            DecodeError::Binary(4)
        );
        // A lone surrogate.
        assert!(matches!(
            Text::from_bytes(b"\x00\xD8a\x00", &forced(Encoding::Utf16Le)),
            Err(DecodeError::Invalid { offset: 0, .. })
        ));
        let msg = DecodeError::Binary(7).to_string();
        assert!(msg.contains("NUL") && msg.contains('7'), "{msg}");
    }

    #[test]
    fn truncated_utf8_is_still_utf8() {
        let mut bytes = "Báo cáo kết quả thực hiện nhiệm vụ năm 2024 của Đảng bộ"
            .as_bytes()
            .to_vec();
        bytes.pop(); // cut "ộ" in half
        let t = Text::from_bytes(&bytes, &Options::default()).unwrap();
        assert_eq!(t.encoding(), Encoding::Utf8);
        assert!(t.as_str().starts_with("Báo cáo kết quả"));
        assert!(t.as_str().ends_with("Đảng b\u{FFFD}"));
    }

    #[test]
    fn bom_is_skipped_in_offsets() {
        let t = Text::from_bytes("\u{FEFF}Việt".as_bytes(), &Options::default()).unwrap();
        assert_eq!(t.as_str(), "Việt");
        assert_eq!(t.source_range(0..t.as_str().len()), 3..3 + "Việt".len());
        let mut le = vec![0xFF, 0xFE];
        le.extend("Việt Nam".encode_utf16().flat_map(|u| u.to_le_bytes()));
        let t = Text::from_bytes(&le, &Options::default()).unwrap();
        assert_eq!(t.as_str(), "Việt Nam");
        assert_eq!(t.source_range(0..6), 2..10); // "Việt" is 4 UTF-16 units
        assert_eq!(t.source_range(7..10), 12..18);
        assert_eq!(t.source_range(3..5), 6..8); // inside "ệ": the whole unit
    }

    #[test]
    fn names_parse() {
        for e in Encoding::ALL {
            assert_eq!(e.name().parse::<Encoding>(), Ok(e));
        }
        assert_eq!("UTF-8".parse(), Ok(Encoding::Utf8));
        assert_eq!("utf16".parse(), Ok(Encoding::Utf16Le));
        assert_eq!("Windows-1258".parse(), Ok(Encoding::Cp1258));
        assert!("latin1".parse::<Encoding>().is_err());
        assert_eq!("Old".parse(), Ok(ToneStyle::Old));
        assert!("newest".parse::<ToneStyle>().is_err());
    }
}

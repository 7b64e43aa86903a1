//! Decoders: bytes in one encoding to Unicode, with a map back to the bytes.
//!
//! Decoders compose the Vietnamese letters they know; any other combining sequence
//! is left to NFC in [`crate::normalize`].

pub(crate) mod cp1258;
pub(crate) mod tcvn3;
pub(crate) mod utf;
pub(crate) mod viqr;
pub(crate) mod vni;

use crate::offsets::{MapBuilder, SourceMap};
use crate::{DecodeError, Encoding};
use std::borrow::Cow;

/// Decoded text and where each of its bytes came from.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// `None` when `text` is exactly the input bytes.
    pub map: Option<SourceMap>,
    /// The encoding actually used (a BOM can override a forced UTF-16 byte order).
    pub encoding: Encoding,
}

/// Decodes `bytes` as `encoding`. `lossy` lets invalid UTF-8 become U+FFFD.
pub(crate) fn decode(
    bytes: &[u8],
    encoding: Encoding,
    lossy: bool,
) -> Result<Decoded<'_>, DecodeError> {
    match encoding {
        Encoding::Utf8 => utf::decode_utf8(bytes, lossy),
        Encoding::Utf16Le | Encoding::Utf16Be => utf::decode_utf16(bytes, encoding),
        Encoding::Cp1258 => Ok(cp1258::decode(bytes)),
        Encoding::Tcvn3 => Ok(single_byte(bytes, encoding, tcvn3::table())),
        Encoding::Vni => Ok(vni::decode(bytes)),
        Encoding::Viqr => Ok(viqr::decode(bytes)),
    }
}

/// Output of a decoder under construction.
pub(crate) struct Out {
    pub text: String,
    pub map: MapBuilder,
}

impl Out {
    pub(crate) fn new(capacity: usize, slope: u32) -> Out {
        Out {
            text: String::with_capacity(capacity),
            map: MapBuilder::new(slope),
        }
    }

    /// Copies ASCII (or UTF-8) input as it is.
    #[inline]
    pub(crate) fn copy(&mut self, s: &str) {
        self.text.push_str(s);
        self.map.copy(s.len());
    }

    /// `c` made from `src_len` input bytes. A character as long as its source (VIQR
    /// `a^'` for `ấ`) is mapped as a copy: its boundaries map exactly either way, and
    /// the map stays small.
    #[inline]
    pub(crate) fn change(&mut self, c: char, src_len: usize) {
        self.text.push(c);
        self.map.char_from(c.len_utf8(), src_len);
    }

    pub(crate) fn finish(self, encoding: Encoding) -> Decoded<'static> {
        Decoded {
            text: Cow::Owned(self.text),
            map: Some(self.map.finish()),
            encoding,
        }
    }
}

/// Length of the run of ASCII bytes at the start of `b`.
#[inline]
pub(crate) fn ascii_run(b: &[u8]) -> usize {
    let mut i = 0;
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
        if w & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && b[i] < 0x80 {
        i += 1;
    }
    i
}

/// ASCII bytes as a `&str`.
#[inline]
pub(crate) fn ascii_str(b: &[u8]) -> &str {
    std::str::from_utf8(b).expect("ASCII")
}

/// Decodes an encoding that maps every byte to one character (TCVN3).
fn single_byte(bytes: &[u8], encoding: Encoding, high: &[char; 128]) -> Decoded<'static> {
    let mut out = Out::new(bytes.len() + bytes.len() / 2, 1);
    let mut i = 0;
    while i < bytes.len() {
        let run = ascii_run(&bytes[i..]);
        if run > 0 {
            out.copy(ascii_str(&bytes[i..i + run]));
            i += run;
            continue;
        }
        out.change(high[(bytes[i] - 0x80) as usize], 1);
        i += 1;
    }
    out.finish(encoding)
}

/// Windows-1252 for bytes 0x80..0xA0 (undefined bytes as the C1 control of that
/// number), as Windows editors wrote punctuation into TCVN3 and VNI files.
pub(crate) const CP1252_C1: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// One Windows-1252 byte as a character: 0x80..0xA0 from the Windows-1252 table (the five undefined
/// bytes as the C1 control of that number), every other byte as Latin-1.
///
/// ```
/// assert_eq!(tomtat_text::cp1252_char(0x93), '\u{201C}');
/// assert_eq!(tomtat_text::cp1252_char(0xE0), 'à');
/// assert_eq!(tomtat_text::cp1252_char(0x81), '\u{81}');
/// ```
pub fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_C1[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Table for 0x80..0x100: Windows-1252 punctuation, then Latin-1.
pub(crate) fn latin_base() -> [char; 128] {
    let mut t = ['\0'; 128];
    for (i, c) in t.iter_mut().enumerate() {
        *c = cp1252_char(0x80 + i as u8);
    }
    t
}

/// The byte a legacy 8-bit font drew a character from, when text typed in a `.VnTime`
/// or `VNI-Times` font was saved as Unicode: Latin-1 as itself, Windows-1252
/// punctuation as its byte.
pub(crate) fn font_byte(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp < 0x80 || (0xA0..0x100).contains(&cp) {
        return Some(cp as u8);
    }
    CP1252_C1
        .iter()
        .position(|&k| k == c && (k as u32) >= 0x100)
        .map(|i| 0x80 + i as u8)
}

/// `s` as the bytes of a legacy font, with a map from those bytes back to `s`.
pub(crate) fn font_bytes(s: &str) -> Option<(Vec<u8>, SourceMap)> {
    let mut bytes = Vec::with_capacity(s.len());
    let mut map = MapBuilder::new(1);
    for c in s.chars() {
        bytes.push(font_byte(c)?);
        map.char_from(1, c.len_utf8());
    }
    Some((bytes, map.finish()))
}

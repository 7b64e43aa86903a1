//! Windows-1258: Latin-1 based; â ă ê ô ơ ư đ are precomposed bytes and the five
//! tones are combining bytes written after the base letter (0xCC grave, 0xEC acute,
//! 0xD2 hook, 0xDE tilde, 0xF2 dot below). A vowel followed by a tone byte is
//! composed here; other combining sequences are left to NFC.

use super::{ascii_run, ascii_str, Decoded, Out};
use crate::tone::{self, ACUTE, DOT, GRAVE, HOOK, NO_TONE, TILDE};
use crate::Encoding;
use std::sync::OnceLock;

/// Where Windows-1258 differs from Latin-1 in 0xC0..0x100.
const DIFF: &[(u8, char)] = &[
    (0xC3, 'Ă'),
    (0xCC, '\u{0300}'),
    (0xD0, 'Đ'),
    (0xD2, '\u{0309}'),
    (0xD5, 'Ơ'),
    (0xDD, 'Ư'),
    (0xDE, '\u{0303}'),
    (0xE3, 'ă'),
    (0xEC, '\u{0301}'),
    (0xF0, 'đ'),
    (0xF2, '\u{0323}'),
    (0xF5, 'ơ'),
    (0xFD, 'ư'),
    (0xFE, '₫'),
];

/// Characters for bytes 0x80..0x100 (the bytes Windows-1258 leaves undefined give the
/// C1 control of that number).
pub(crate) fn table() -> &'static [char; 128] {
    static T: OnceLock<[char; 128]> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = super::latin_base();
        for b in [0x8Au8, 0x8E, 0x9A, 0x9E] {
            t[b as usize - 0x80] = char::from_u32(b as u32).unwrap();
        }
        for &(b, c) in DIFF {
            t[b as usize - 0x80] = c;
        }
        t
    })
}

/// The tone of a combining tone byte.
#[inline]
fn tone_byte(b: u8) -> Option<u8> {
    Some(match b {
        0xCC => GRAVE,
        0xEC => ACUTE,
        0xD2 => HOOK,
        0xDE => TILDE,
        0xF2 => DOT,
        _ => return None,
    })
}

pub(crate) fn decode(bytes: &[u8]) -> Decoded<'static> {
    let t = table();
    let char_of = |b: u8| -> char {
        if b < 0x80 {
            b as char
        } else {
            t[(b - 0x80) as usize]
        }
    };
    let mut out = Out::new(bytes.len() + bytes.len() / 2, 1);
    let mut i = 0;
    while i < bytes.len() {
        let mut run = ascii_run(&bytes[i..]);
        // A vowel right before a tone byte is composed with it.
        if run > 0 && bytes.get(i + run).copied().and_then(tone_byte).is_some() {
            run -= 1;
        }
        if run > 0 {
            out.copy(ascii_str(&bytes[i..i + run]));
            i += run;
            continue;
        }
        let c = char_of(bytes[i]);
        if let (Some(v), Some(tone)) = (
            tone::vowel(c),
            bytes.get(i + 1).copied().and_then(tone_byte),
        ) {
            if v.tone == NO_TONE {
                out.change(tone::vowel_char(v.base, tone, v.upper), 2);
                i += 2;
                continue;
            }
        }
        if bytes[i] < 0x80 {
            out.copy(ascii_str(&bytes[i..i + 1]));
        } else {
            out.change(c, 1);
        }
        i += 1;
    }
    out.finish(Encoding::Cp1258)
}

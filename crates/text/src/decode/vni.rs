//! VNI-Windows (the VNI-Times fonts): a base letter followed by a mark byte.
//!
//! Bases are the ASCII vowels and ơ (0xF4) / Ơ (0xD4), ư (0xF6) / Ư (0xD6). The mark
//! byte carries the tone, the shape (circumflex, breve) or both; upper-case letters
//! take the upper-case mark bytes (0x20 lower), but either case is accepted. đ, the
//! toned i and ỵ are single bytes. A mark byte with no base before it is read as
//! Latin-1, bytes 0x80..0xA0 as Windows-1252 punctuation.

use super::{ascii_run, ascii_str, Decoded, Out};
use crate::tone::{self, ACUTE, B_A, B_AA, B_AW, B_E, B_EE, B_I, B_O, B_OO, B_OW, B_U, B_UW, B_Y};
use crate::tone::{DOT, GRAVE, HOOK, NO_TONE, TILDE};
use crate::Encoding;
use std::sync::OnceLock;

/// Shape carried by a mark byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    None,
    Circumflex,
    Breve,
}

/// Lower-case mark bytes: (byte, shape, tone).
const MARKS: &[(u8, Shape, u8)] = &[
    (0xF9, Shape::None, ACUTE),
    (0xF8, Shape::None, GRAVE),
    (0xFB, Shape::None, HOOK),
    (0xF5, Shape::None, TILDE),
    (0xEF, Shape::None, DOT),
    (0xE2, Shape::Circumflex, NO_TONE),
    (0xE1, Shape::Circumflex, ACUTE),
    (0xE0, Shape::Circumflex, GRAVE),
    (0xE5, Shape::Circumflex, HOOK),
    (0xE3, Shape::Circumflex, TILDE),
    (0xE4, Shape::Circumflex, DOT),
    (0xEA, Shape::Breve, NO_TONE),
    (0xE9, Shape::Breve, ACUTE),
    (0xE8, Shape::Breve, GRAVE),
    (0xFA, Shape::Breve, HOOK),
    (0xFC, Shape::Breve, TILDE),
    (0xEB, Shape::Breve, DOT),
];

/// Lower-case single-byte letters (upper case is the byte 0x20 lower).
const SINGLE: &[(u8, char)] = &[
    (0xF1, 'đ'),
    (0xF4, 'ơ'),
    (0xF6, 'ư'),
    (0xED, 'í'),
    (0xEC, 'ì'),
    (0xE6, 'ỉ'),
    (0xF3, 'ĩ'),
    (0xF2, 'ị'),
    (0xEE, 'ỵ'),
];

struct Tables {
    /// Byte to (shape, tone) for mark bytes of either case.
    marks: [Option<(Shape, u8)>; 256],
    /// Characters for bytes 0x80..0x100 standing alone.
    high: [char; 128],
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Tables {
            marks: [None; 256],
            high: super::latin_base(),
        };
        for &(b, shape, tone) in MARKS {
            t.marks[b as usize] = Some((shape, tone));
            t.marks[b as usize - 0x20] = Some((shape, tone));
        }
        for &(b, c) in SINGLE {
            t.high[b as usize - 0x80] = c;
            t.high[b as usize - 0xA0] = c.to_uppercase().next().unwrap();
        }
        t
    })
}

/// The vowel base of a byte that can take a mark, with its case.
#[inline]
fn base(b: u8) -> Option<(u8, bool)> {
    Some(match b {
        b'a' => (B_A, false),
        b'e' => (B_E, false),
        b'i' => (B_I, false),
        b'o' => (B_O, false),
        b'u' => (B_U, false),
        b'y' => (B_Y, false),
        b'A' => (B_A, true),
        b'E' => (B_E, true),
        b'I' => (B_I, true),
        b'O' => (B_O, true),
        b'U' => (B_U, true),
        b'Y' => (B_Y, true),
        0xF4 => (B_OW, false),
        0xD4 => (B_OW, true),
        0xF6 => (B_UW, false),
        0xD6 => (B_UW, true),
        _ => return None,
    })
}

/// The letter made of a base and a mark byte, if the mark fits the base.
#[inline]
fn combine(b: u8, m: u8) -> Option<char> {
    let (base, upper) = base(b)?;
    let (shape, tone) = tables().marks[m as usize]?;
    let base = match (shape, base) {
        (Shape::None, b) => b,
        (Shape::Circumflex, B_A) => B_AA,
        (Shape::Circumflex, B_E) => B_EE,
        (Shape::Circumflex, B_O) => B_OO,
        (Shape::Breve, B_A) => B_AW,
        _ => return None,
    };
    Some(tone::vowel_char(base, tone, upper))
}

pub(crate) fn decode(bytes: &[u8]) -> Decoded<'static> {
    let t = tables();
    let mut out = Out::new(bytes.len() + bytes.len() / 4, 1);
    let mut i = 0;
    while i < bytes.len() {
        let run = ascii_run(&bytes[i..]);
        // An ASCII vowel right before a mark byte belongs to the mark.
        let run = if run > 0 && i + run < bytes.len() && t.marks[bytes[i + run] as usize].is_some()
        {
            run - 1
        } else {
            run
        };
        if run > 0 {
            out.copy(ascii_str(&bytes[i..i + run]));
            i += run;
            continue;
        }
        let b = bytes[i];
        if let Some(&m) = bytes.get(i + 1) {
            if let Some(c) = combine(b, m) {
                out.change(c, 2);
                i += 2;
                continue;
            }
        }
        if b < 0x80 {
            out.copy(ascii_str(&bytes[i..i + 1]));
        } else {
            out.change(t.high[(b - 0x80) as usize], 1);
        }
        i += 1;
    }
    out.finish(Encoding::Vni)
}

/// How many mark bytes in `bytes` do not follow a letter they fit.
pub(crate) fn lone_marks(bytes: &[u8]) -> usize {
    let t = tables();
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        if i + 1 < bytes.len() && combine(bytes[i], bytes[i + 1]).is_some() {
            i += 2;
            continue;
        }
        n += t.marks[bytes[i] as usize].is_some() as usize;
        i += 1;
    }
    n
}

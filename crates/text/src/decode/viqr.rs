//! VIQR (RFC 1456): ASCII mnemonics. A vowel may be followed by a shape mark valid for
//! it (`(` breve on a, `^` circumflex on a e o, `+` horn on o u), then by a tone
//! (`'` acute, `` ` `` grave, `?` hook, `~` tilde, `.` dot below). `dd` is đ (the
//! first letter sets the case). A backslash before a mark character, `d`, `D` or a
//! backslash makes that character literal; other backslashes are kept.
//!
//! Bytes outside ASCII are read as UTF-8 if the whole input is valid UTF-8, else as
//! Windows-1252/Latin-1.

use super::{Decoded, Out};
use crate::tone::{self, ACUTE, B_A, B_AA, B_AW, B_E, B_EE, B_I, B_O, B_OO, B_OW, B_U, B_UW, B_Y};
use crate::tone::{DOT, GRAVE, HOOK, NO_TONE, TILDE};
use crate::Encoding;

#[inline]
fn vowel_base(b: u8) -> Option<u8> {
    Some(match b | 0x20 {
        b'a' => B_A,
        b'e' => B_E,
        b'i' => B_I,
        b'o' => B_O,
        b'u' => B_U,
        b'y' => B_Y,
        _ => return None,
    })
}

#[inline]
fn shaped(base: u8, mark: u8) -> Option<u8> {
    Some(match (base, mark) {
        (B_A, b'(') => B_AW,
        (B_A, b'^') => B_AA,
        (B_E, b'^') => B_EE,
        (B_O, b'^') => B_OO,
        (B_O, b'+') => B_OW,
        (B_U, b'+') => B_UW,
        _ => return None,
    })
}

#[inline]
pub(crate) fn tone_of(mark: u8) -> Option<u8> {
    Some(match mark {
        b'\'' => ACUTE,
        b'`' => GRAVE,
        b'?' => HOOK,
        b'~' => TILDE,
        b'.' => DOT,
        _ => return None,
    })
}

/// Characters a backslash can escape.
#[inline]
fn escapable(b: u8) -> bool {
    matches!(
        b,
        b'(' | b'^' | b'+' | b'\'' | b'`' | b'?' | b'~' | b'.' | b'd' | b'D' | b'\\'
    )
}

/// Reads one VIQR letter at the start of `b`: the character and how many bytes it
/// used, or `None` for a byte that stands for itself.
#[inline]
pub(crate) fn letter(b: &[u8]) -> Option<(char, usize)> {
    let first = *b.first()?;
    if let Some(mut base) = vowel_base(first) {
        let upper = first.is_ascii_uppercase();
        let mut n = 1;
        if let Some(s) = b.get(1).and_then(|&m| shaped(base, m)) {
            base = s;
            n = 2;
        }
        let mut t = NO_TONE;
        if let Some(tone) = b.get(n).and_then(|&m| tone_of(m)) {
            t = tone;
            n += 1;
        }
        if n == 1 {
            return None;
        }
        return Some((tone::vowel_char(base, t, upper), n));
    }
    if (first | 0x20) == b'd' && b.get(1).is_some_and(|&s| (s | 0x20) == b'd') {
        return Some((if first == b'D' { 'Đ' } else { 'đ' }, 2));
    }
    None
}

pub(crate) fn decode(bytes: &[u8]) -> Decoded<'static> {
    let utf8 = std::str::from_utf8(bytes).ok();
    let high = super::latin_base();
    let mut out = Out::new(bytes.len(), 1);
    let mut i = 0;
    let mut copy_from = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x80 {
            if let Some(s) = utf8 {
                let len = s[i..].chars().next().map_or(1, char::len_utf8);
                i += len;
            } else {
                out.copy(super::ascii_str(&bytes[copy_from..i]));
                out.change(high[(b - 0x80) as usize], 1);
                i += 1;
                copy_from = i;
            }
            continue;
        }
        let special = if b == b'\\' {
            bytes
                .get(i + 1)
                .filter(|&&e| escapable(e))
                .map(|&e| (e as char, 2))
        } else {
            letter(&bytes[i..])
        };
        match special {
            Some((c, n)) => {
                flush(&mut out, bytes, copy_from, i, utf8);
                out.change(c, n);
                i += n;
                copy_from = i;
            }
            None => i += 1,
        }
    }
    flush(&mut out, bytes, copy_from, bytes.len(), utf8);
    out.finish(Encoding::Viqr)
}

/// Copies `bytes[from..to]` (ASCII, or UTF-8 when the input is valid UTF-8).
fn flush(out: &mut Out, bytes: &[u8], from: usize, to: usize, utf8: Option<&str>) {
    if from < to {
        match utf8 {
            Some(s) => out.copy(&s[from..to]),
            None => out.copy(super::ascii_str(&bytes[from..to])),
        }
    }
}

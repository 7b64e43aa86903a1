//! UTF-8 (with or without BOM) and UTF-16 (either byte order).

use super::{Decoded, Out};
use crate::offsets::MapBuilder;
use crate::{DecodeError, Encoding};
use std::borrow::Cow;

pub(crate) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// UTF-8; a leading BOM is dropped. Invalid bytes are an error unless `lossy`, when
/// each invalid sequence becomes U+FFFD.
pub(crate) fn decode_utf8(bytes: &[u8], lossy: bool) -> Result<Decoded<'_>, DecodeError> {
    let bom = if bytes.starts_with(UTF8_BOM) { 3 } else { 0 };
    let body = &bytes[bom..];
    match std::str::from_utf8(body) {
        Ok(s) => {
            let map = (bom > 0).then(|| {
                let mut m = MapBuilder::new(1);
                m.change(0, bom);
                m.copy(s.len());
                m.finish()
            });
            Ok(Decoded {
                text: Cow::Borrowed(s),
                map,
                encoding: Encoding::Utf8,
            })
        }
        Err(e) if !lossy => Err(DecodeError::Invalid {
            encoding: "utf8",
            offset: bom + e.valid_up_to(),
        }),
        Err(_) => {
            let mut out = Out::new(body.len() + 8, 1);
            out.map.change(0, bom);
            for chunk in body.utf8_chunks() {
                out.copy(chunk.valid());
                if !chunk.invalid().is_empty() {
                    out.change('\u{FFFD}', chunk.invalid().len());
                }
            }
            Ok(out.finish(Encoding::Utf8))
        }
    }
}

/// UTF-16 in the byte order of `encoding`, unless a BOM says otherwise. U+0000 is
/// binary data; an unpaired surrogate or an odd trailing byte is invalid.
pub(crate) fn decode_utf16(bytes: &[u8], encoding: Encoding) -> Result<Decoded<'_>, DecodeError> {
    let (le, bom) = match bytes {
        [0xFF, 0xFE, ..] => (true, 2),
        [0xFE, 0xFF, ..] => (false, 2),
        _ => (encoding == Encoding::Utf16Le, 0),
    };
    let encoding = if le {
        Encoding::Utf16Le
    } else {
        Encoding::Utf16Be
    };
    let name = encoding.name();
    let body = &bytes[bom..];
    let mut out = Out::new(body.len() / 2 + body.len() / 4, 2);
    out.map.change(0, bom);
    let unit = |i: usize| -> u16 {
        let pair = [body[i], body[i + 1]];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    };
    let n = body.len() / 2 * 2;
    let mut i = 0;
    let mut ascii_buf = [0u8; 64];
    while i < n {
        // Runs of ASCII are copied in blocks.
        let mut k = 0;
        while i < n && k < ascii_buf.len() {
            let u = unit(i);
            if u == 0 || u >= 0x80 {
                break;
            }
            ascii_buf[k] = u as u8;
            k += 1;
            i += 2;
        }
        if k > 0 {
            out.copy(super::ascii_str(&ascii_buf[..k]));
            continue;
        }
        let u = unit(i);
        if u == 0 {
            return Err(DecodeError::Binary(bom + i));
        }
        if (0xD800..0xDC00).contains(&u) {
            if i + 4 <= n {
                let lo = unit(i + 2);
                if (0xDC00..0xE000).contains(&lo) {
                    let c = 0x10000 + (((u as u32) - 0xD800) << 10) + (lo as u32 - 0xDC00);
                    out.change(char::from_u32(c).expect("valid pair"), 4);
                    i += 4;
                    continue;
                }
            }
            return Err(DecodeError::Invalid {
                encoding: name,
                offset: bom + i,
            });
        }
        match char::from_u32(u as u32) {
            Some(c) => out.change(c, 2),
            None => {
                return Err(DecodeError::Invalid {
                    encoding: name,
                    offset: bom + i,
                })
            }
        }
        i += 2;
    }
    if body.len() % 2 == 1 {
        return Err(DecodeError::Invalid {
            encoding: name,
            offset: bytes.len() - 1,
        });
    }
    Ok(out.finish(encoding))
}

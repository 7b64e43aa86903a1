//! Windows-1258: Latin-1 based; â ă ê ô ơ ư đ are precomposed bytes and the five
//! tones are combining bytes written after the base letter (0xCC grave, 0xEC acute,
//! 0xD2 hook, 0xDE tilde, 0xF2 dot below).

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

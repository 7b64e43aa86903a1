//! TCVN3 (TCVN 5712:1993 VN3, "ABC", the `.VnTime` fonts): one byte a letter.
//!
//! Only Ă Â Ê Ô Ơ Ư Đ have upper-case codes; other capitals were drawn by the
//! `.VnTimeH` fonts from the lower-case codes, so they decode to lower case.
//! Bytes 0x80..0xA0 are read as Windows-1252 punctuation, unused bytes as Latin-1.

use std::sync::OnceLock;

/// Letters by byte: the seven letters with their own capitals, then each vowel's five
/// toned forms in the order grave, hook, tilde, acute, dot below.
const LETTERS: &[(u8, &str)] = &[
    (0xA1, "ĂÂÊÔƠƯĐăâêôơưđ"),
    (0xB5, "àảãáạ"),
    (0xBB, "ằẳẵắ"),
    (0xC6, "ặầẩẫấậè"),
    (0xCE, "ẻẽéẹềểễếệìỉ"),
    (0xDC, "ĩíịò"),
    (0xE1, "ỏõóọồổỗốộờởỡớợù"),
    (0xF1, "ủũúụừửữứựỳỷỹýỵ"),
];

/// Characters for bytes 0x80..0x100.
pub(crate) fn table() -> &'static [char; 128] {
    static T: OnceLock<[char; 128]> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = super::latin_base();
        for &(start, letters) in LETTERS {
            for (i, c) in letters.chars().enumerate() {
                t[start as usize - 0x80 + i] = c;
            }
        }
        t
    })
}

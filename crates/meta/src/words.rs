//! The word scan: maximal runs of letters and digits, each with its folded key (see
//! [`fold`](crate::fold)). The keys of a document are written one after another into one buffer,
//! so the scan allocates twice per document, not once per word.

use crate::gazetteer::{push_folded, LatinTable};
use crate::rules::{Opener, Openers};

/// One word of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct W<'k> {
    pub start: usize,
    pub end: usize,
    /// The folded word (`Huyện` → `huyên`).
    pub key: &'k str,
    /// The key as a number when it has at most 8 bytes, else 0 (see `rules::pack`).
    pub packed: u64,
    /// The trigger phrases and level cues it opens.
    pub opener: Option<&'static Opener>,
    pub upper: bool,
    pub digit: bool,
    /// Something other than spaces and hyphens separates it from the previous word.
    pub broken: bool,
}

/// A word before its key is borrowed from the finished buffer.
#[derive(Debug, Clone, Copy)]
struct Raw {
    start: usize,
    end: usize,
    key: (usize, usize),
    packed: u64,
    opener: Option<&'static Opener>,
    upper: bool,
    digit: bool,
    broken: bool,
}

/// The scanned words of a document and the buffer of their keys.
#[derive(Debug, Default)]
pub(crate) struct Words {
    keys: String,
    raw: Vec<Raw>,
}

/// No word is open.
const NONE: usize = usize::MAX;

impl Words {
    /// Scan `text`.
    pub fn scan(text: &str) -> Words {
        let mut w = Words {
            keys: String::with_capacity(text.len()),
            raw: Vec::with_capacity(text.len() / 6),
        };
        let (latin, openers) = (LatinTable::get(), Openers::get());
        let bytes = text.as_bytes();
        // The open word: its start (or NONE), key start, case and digit.
        let (mut start, mut key, mut upper, mut digit) = (NONE, 0, false, false);
        let mut last_end = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                // A run of ASCII letters and digits is copied and lowered at once.
                let run = bytes[i..]
                    .iter()
                    .position(|x| !x.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |n| i + n);
                if start == NONE {
                    (start, key, upper, digit) =
                        (i, w.keys.len(), b.is_ascii_uppercase(), b.is_ascii_digit());
                }
                let k = w.keys.len();
                w.keys.push_str(&text[i..run]);
                w.keys[k..].make_ascii_lowercase();
                i = run;
                continue;
            }
            let (c, len) = if b.is_ascii() {
                (b as char, 1)
            } else {
                let c = text[i..].chars().next().unwrap_or('\0');
                (c, c.len_utf8())
            };
            let (alphanumeric, up, folded) = class(latin, c);
            if alphanumeric {
                if start == NONE {
                    (start, key, upper, digit) = (i, w.keys.len(), up, false);
                }
                match folded {
                    Some(f) => w.keys.push(f),
                    None => push_folded(c, &mut w.keys),
                }
            } else if start != NONE {
                w.close(openers, text, [start, i], [key, last_end], upper, digit);
                (start, last_end) = (NONE, i);
            }
            i += len;
        }
        if start != NONE {
            w.close(
                openers,
                text,
                [start, text.len()],
                [key, last_end],
                upper,
                digit,
            );
        }
        w
    }

    /// Record the word at `span` whose key starts at `key` in the buffer.
    /// `[key, last_end]`: where its key starts in the buffer, where the previous word ended.
    fn close(
        &mut self,
        openers: &'static Openers,
        text: &str,
        [start, end]: [usize; 2],
        [key, last_end]: [usize; 2],
        upper: bool,
        digit: bool,
    ) {
        let packed = pack_bytes(&self.keys.as_bytes()[key..]);
        self.raw.push(Raw {
            start,
            end,
            key: (key, self.keys.len()),
            packed,
            opener: openers.find(packed),
            upper,
            digit,
            broken: self.raw.is_empty() || broken(&text[last_end..start]),
        });
    }

    /// The words, their keys borrowed from the buffer.
    pub fn list(&self) -> Vec<W<'_>> {
        self.raw
            .iter()
            .map(|r| W {
                start: r.start,
                end: r.end,
                key: &self.keys[r.key.0..r.key.1],
                packed: r.packed,
                opener: r.opener,
                upper: r.upper,
                digit: r.digit,
                broken: r.broken,
            })
            .collect()
    }
}

/// [`pack`] of a key's bytes.
#[inline]
fn pack_bytes(b: &[u8]) -> u64 {
    if b.is_empty() || b.len() > 8 {
        return 0;
    }
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    u64::from_le_bytes(buf)
}

/// Whether `c` (not an ASCII letter or digit) is a letter or digit, whether it is upper case,
/// and its one-letter fold when the table has it.
#[inline]
fn class(latin: &LatinTable, c: char) -> (bool, bool, Option<char>) {
    if c.is_ascii() {
        (false, false, None)
    } else if let Some(l) = latin.entry(c) {
        (l.alphanumeric, l.upper, l.folded)
    } else {
        (c.is_alphanumeric(), c.is_uppercase(), None)
    }
}

/// Whether the gap between two words holds anything but spaces and hyphens.
fn broken(gap: &str) -> bool {
    if gap.bytes().all(|b| b == b' ' || b == b'-') {
        return false;
    }
    gap.chars().any(|c| !(c == ' ' || c == '-' || c == '–'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold;

    #[test]
    fn packed_keys_are_pack() {
        for w in ["", "a", "huyên", "phương", "nghiêng", "thanh phô"] {
            assert_eq!(pack_bytes(w.as_bytes()), crate::rules::pack(w), "{w}");
        }
    }

    #[test]
    fn keys_are_the_folded_words() {
        let text = "Huyện ủy Chư Prông, xã Ia-Drăng – TP.HCM 2024 İstanbul Σίσυφος";
        let words = Words::scan(text);
        let ws = words.list();
        for w in &ws {
            assert_eq!(w.key, fold(&text[w.start..w.end]));
        }
        let keys: Vec<_> = ws.iter().map(|w| w.key).collect();
        assert_eq!(&keys[..6], ["huyên", "uy", "chư", "prông", "xa", "ia"]);
        assert!(ws[4].broken && !ws[5].broken && !ws[6].broken);
        assert!(ws[0].upper && !ws[1].upper && ws[9].digit);
    }
}

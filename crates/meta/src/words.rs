//! The word scan: maximal runs of letters and digits, each with its folded key (see
//! [`fold`](crate::fold)). Only the words the rules read are kept: capitalised and numeric
//! words and the words of the trigger phrases and level cues, each with its number in the text
//! (so the rules can tell which kept words are neighbours). The keys of a document are written
//! one after another into one buffer, so the scan allocates twice per document, not once per
//! word.

use crate::gazetteer::{push_folded, LatinTable};
use crate::rules::{Opener, Openers};
use std::sync::OnceLock;

/// One word of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct W {
    /// Its number among all the words of the text, kept or not.
    pub num: usize,
    pub start: usize,
    pub end: usize,
    /// The folded word (`Huyện` → `huyên`): its range in the keys of [`Words`] (see
    /// [`Words::key`]).
    key: (usize, usize),
    /// The key as a number when it has at most 8 bytes, else 0 (see `rules::pack`).
    pub packed: u64,
    /// The trigger phrases and level cues it opens.
    pub opener: Option<&'static Opener>,
    pub upper: bool,
    pub digit: bool,
    /// Something other than spaces and hyphens separates it from the previous word.
    pub broken: bool,
}

/// Whether kept word `i + k` is the `k`-th word of the text after kept word `i` (`k` > 0).
#[inline]
pub(crate) fn follows(ws: &[W], i: usize, k: usize) -> bool {
    ws.get(i + k).is_some_and(|w| w.num == ws[i].num + k)
}

/// Whether the word of the text just before kept word `i` is capitalised.
#[inline]
pub(crate) fn after_upper(ws: &[W], i: usize) -> bool {
    i > 0 && ws[i - 1].upper && ws[i - 1].num + 1 == ws[i].num
}

/// Byte classes of the scan: not a word byte, lower-case letter or digit, upper-case letter,
/// first byte of a non-ASCII character.
const OTHER: u8 = 0;
const NON_ASCII: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 3;
const BYTE: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        t[b] = if x >= 128 {
            NON_ASCII
        } else if x.is_ascii_uppercase() {
            UPPER
        } else if x.is_ascii_alphanumeric() {
            LOWER
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Bytes the key buffer keeps past what is written: room for a letter's fold and for reading
/// any key as 8 bytes.
const SLACK: usize = 16;

/// The room the keys of the rest of a text may take, from `rest` bytes of it: a letter's fold
/// kept in [`Letter`] has at most 4 bytes, at most twice the letter's (of 2 bytes or more), and
/// an ASCII byte gives one.
#[inline]
fn room(rest: usize) -> usize {
    2 * rest + SLACK
}

/// The scanned words of a document and the buffer of their keys.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// The folded words kept, each followed by a space.
    keys: String,
    list: Vec<W>,
}

impl std::ops::Deref for Words {
    type Target = [W];

    fn deref(&self) -> &[W] {
        &self.list
    }
}

impl Words {
    /// Scan `text`: one pass over its bytes, ASCII letters and the Vietnamese letters (through
    /// [`Letters`]) without decoding a `char`, each key byte written once into one buffer, and
    /// each word packed and looked up among the phrase words as it ends; a lower-case word
    /// that is none of them is dropped there (its key space is reused).
    pub fn scan(text: &str) -> Words {
        let letters = Letters::get();
        let openers = Openers::get();
        let b = text.as_bytes();
        let n = b.len();
        // Kept at least `room` of the rest of the text longer than the keys so far (a fold
        // longer than 4 bytes grows it again), so the letters are written without a check.
        let mut keys: Vec<u8> = vec![0; room(n)];
        let mut kp = 0;
        // Reports have about one word in 6 bytes, and most are dropped: room for one kept word
        // in 16 bytes saves growing the list most of the time.
        let mut list: Vec<W> = Vec::with_capacity(n / 16 + 1);
        let mut last_end = 0;
        let mut num = 0;
        let mut i = 0;
        while i < n {
            // Pass over what is not a word; at a word, its first character's case and digit.
            let x = b[i];
            let (upper, digit) = match BYTE[x as usize] {
                OTHER => {
                    i += 1;
                    continue;
                }
                NON_ASCII => {
                    let (l, len) = letters.at(text, i);
                    if !l.alphanumeric {
                        i += len;
                        continue;
                    }
                    (l.upper, false)
                }
                class => (class == UPPER, x.is_ascii_digit()),
            };
            let start = i;
            let a = kp;
            loop {
                // A run of ASCII letters and digits, lowered byte by byte (`| 0x20` lowers a
                // letter and keeps a digit).
                while i < n && BYTE[b[i] as usize] >= LOWER {
                    keys[kp] = b[i] | 0x20;
                    kp += 1;
                    i += 1;
                }
                if i < n && b[i] >= 128 {
                    let (l, len) = letters.at(text, i);
                    if l.alphanumeric {
                        kp = l.write_key(text, i, len, &mut keys, kp);
                        i += len;
                        continue;
                    }
                }
                break;
            }
            let len = kp - a;
            let packed = match len {
                1..=8 => {
                    let eight: [u8; 8] = keys[a..a + 8].try_into().unwrap_or([0; 8]);
                    u64::from_le_bytes(eight) & (u64::MAX >> (64 - 8 * len))
                }
                _ => 0,
            };
            let (phrase, opener) = openers.find(packed);
            if upper || digit || phrase {
                list.push(W {
                    num,
                    start,
                    end: i,
                    key: (a, kp),
                    packed,
                    opener,
                    upper,
                    digit,
                    broken: num == 0 || broken(&b[last_end..start]),
                });
                // One space after each kept key: the keys of neighbouring words read as one
                // name (see `Words::keys_of`). A word is followed by a byte of no key, so
                // `room` still holds.
                keys[kp] = b' ';
                kp += 1;
            } else {
                kp = a;
            }
            num += 1;
            last_end = i;
        }
        keys.truncate(kp);
        let keys = String::from_utf8(keys).expect("keys are whole characters");
        Words { keys, list }
    }

    /// The folded word `i` as text.
    pub fn key(&self, i: usize) -> &str {
        let (a, z) = self.list[i].key;
        &self.keys[a..z]
    }

    /// The folded words `j` to `j + n - 1` (`n` > 0, neighbours in the text) joined by spaces.
    pub fn keys_of(&self, j: usize, n: usize) -> &str {
        &self.keys[self.list[j].key.0..self.list[j + n - 1].key.1]
    }
}

/// [`pack`](crate::rules::pack) of a key's bytes.
#[cfg(test)]
fn pack_bytes(b: &[u8]) -> u64 {
    if b.is_empty() || b.len() > 8 {
        return 0;
    }
    b.iter()
        .enumerate()
        .fold(0, |v, (k, &x)| v | (x as u64) << (8 * k))
}

/// What the scan needs of a non-ASCII character: whether it is a letter or digit, whether it
/// is upper case, and its fold (lower case, tone removed) as UTF-8 bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Letter {
    alphanumeric: bool,
    upper: bool,
    /// Length of `fold`; 0 when the fold is longer than 4 bytes (then folded on the spot).
    len: u8,
    fold: [u8; 4],
}

impl Letter {
    fn of(c: char) -> Letter {
        let (alphanumeric, upper, folded) = class(LatinTable::get(), c);
        let mut f = String::new();
        match folded {
            Some(x) => f.push(x),
            None => push_folded(c, &mut f),
        }
        let mut l = Letter {
            alphanumeric,
            upper,
            ..Letter::default()
        };
        if f.len() <= 4 {
            l.len = f.len() as u8;
            l.fold[..f.len()].copy_from_slice(f.as_bytes());
        }
        l
    }

    /// Write the fold of the character at `i` (`len` bytes) at `kp` in `keys` (which has at
    /// least [`room`] of the text from `i` past `kp`, and keeps it); the end of what was written.
    #[inline]
    fn write_key(&self, text: &str, i: usize, len: usize, keys: &mut Vec<u8>, kp: usize) -> usize {
        if self.len == 0 {
            return Self::write_long(text, i, len, keys, kp);
        }
        keys[kp..kp + 4].copy_from_slice(&self.fold);
        kp + self.len as usize
    }

    #[cold]
    fn write_long(text: &str, i: usize, len: usize, keys: &mut Vec<u8>, kp: usize) -> usize {
        let mut f = String::new();
        push_folded(text[i..i + len].chars().next().unwrap_or('\0'), &mut f);
        let need = kp + f.len() + room(text.len() - i - len);
        if keys.len() < need {
            keys.resize(need, 0);
        }
        keys[kp..kp + f.len()].copy_from_slice(f.as_bytes());
        kp + f.len()
    }
}

/// [`Letter`] of every character of two bytes in UTF-8 (U+0080 to U+07FF) and of the Latin
/// Extended Additional block (U+1E00 to U+1EFF: `ạ`, `ả`, `ấ`, …, `ỹ`); others are looked up
/// when met.
struct Letters {
    two: Vec<Letter>,
    extended: Vec<Letter>,
    /// General Punctuation (U+2000 to U+206F: `–`, `“`, `…`).
    punctuation: Vec<Letter>,
}

impl Letters {
    fn get() -> &'static Letters {
        static L: OnceLock<Letters> = OnceLock::new();
        L.get_or_init(|| Letters {
            two: (0x80..0x800)
                .map(|u| Letter::of(char::from_u32(u).unwrap_or('\0')))
                .collect(),
            extended: (0x1E00..0x1F00)
                .map(|u| Letter::of(char::from_u32(u).unwrap_or('\0')))
                .collect(),
            punctuation: (0x2000..0x2070)
                .map(|u| Letter::of(char::from_u32(u).unwrap_or('\0')))
                .collect(),
        })
    }

    /// The letter at byte `i` of `text` (a non-ASCII character) and its length in bytes.
    #[inline(always)]
    fn at(&self, text: &str, i: usize) -> (Letter, usize) {
        let b = text.as_bytes();
        let x = b[i];
        if x < 0xE0 {
            let u = ((x as usize & 0x1F) << 6) | (b[i + 1] as usize & 0x3F);
            return (self.two[u - 0x80], 2);
        }
        if x == 0xE1 || x == 0xE2 {
            let u = ((x as usize & 0x0F) << 12)
                | ((b[i + 1] as usize & 0x3F) << 6)
                | (b[i + 2] as usize & 0x3F);
            if (0x1E00..0x1F00).contains(&u) {
                return (self.extended[u - 0x1E00], 3);
            }
            if (0x2000..0x2070).contains(&u) {
                return (self.punctuation[u - 0x2000], 3);
            }
        }
        Self::other(text, i)
    }

    #[cold]
    fn other(text: &str, i: usize) -> (Letter, usize) {
        let c = text[i..].chars().next().unwrap_or('\0');
        (Letter::of(c), c.len_utf8())
    }
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

/// Whether the gap between two words holds anything but spaces and hyphens (`-`, `–`).
fn broken(gap: &[u8]) -> bool {
    let mut j = 0;
    while j < gap.len() {
        match gap[j] {
            b' ' | b'-' => j += 1,
            0xE2 if gap[j..].starts_with("–".as_bytes()) => j += 3,
            _ => return true,
        }
    }
    false
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

    /// The words by the definition: maximal runs of letters and digits, decoded char by char.
    fn reference(text: &str) -> Vec<(usize, usize, String, bool, bool, bool)> {
        let latin = LatinTable::get();
        let mut out: Vec<(usize, usize, String, bool, bool, bool)> = Vec::new();
        let mut cur: Option<(usize, String, bool, bool)> = None;
        let mut last_end = 0;
        let mut close = |cur: &mut Option<(usize, String, bool, bool)>,
                         end: usize,
                         out: &mut Vec<_>| {
            if let Some((start, key, upper, digit)) = cur.take() {
                let gap = &text[last_end..start];
                let broken = out.is_empty() || gap.chars().any(|c| !matches!(c, ' ' | '-' | '–'));
                out.push((start, end, key, upper, digit, broken));
                last_end = end;
            }
        };
        for (i, c) in text.char_indices() {
            let (alnum, up, folded) = if c.is_ascii() {
                (
                    c.is_ascii_alphanumeric(),
                    c.is_ascii_uppercase(),
                    Some(c.to_ascii_lowercase()),
                )
            } else {
                class(latin, c)
            };
            if !alnum {
                close(&mut cur, i, &mut out);
                continue;
            }
            let w = cur.get_or_insert_with(|| (i, String::new(), up, c.is_ascii_digit()));
            match folded {
                Some(f) => w.1.push(f),
                None => push_folded(c, &mut w.1),
            }
        }
        close(&mut cur, text.len(), &mut out);
        out
    }

    fn same_as_reference(text: &str) {
        let words = Words::scan(text);
        let got: Vec<_> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                assert_eq!(w.packed, crate::rules::pack(words.key(i)));
                let op = Openers::get().find(w.packed).1;
                assert_eq!(op.map(|o| o as *const _), w.opener.map(|o| o as *const _));
                let key = words.key(i).to_string();
                (w.num, (w.start, w.end, key, w.upper, w.digit, w.broken))
            })
            .collect();
        let kept: Vec<_> = reference(text)
            .into_iter()
            .enumerate()
            .filter(|(_, w)| w.3 || w.4 || Openers::get().find(crate::rules::pack(&w.2)).0)
            .collect();
        assert_eq!(got, kept, "{text:?}");
    }

    #[test]
    fn scan_is_the_reference_on_the_corpus() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        for e in std::fs::read_dir(dir).expect("corpus/").flatten() {
            if let Ok(text) = std::fs::read_to_string(e.path()) {
                same_as_reference(&text);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn scan_is_the_reference(pieces in proptest::collection::vec(proptest::sample::select(vec![
            " ", "-", "–", " – ", ",", "\n", "a", "Ab", "HUYỆN", "ủy", "Đắk", "Lắk", "x9", "2024",
            "İ", "ŉ", "Σίσυφος", "ΣΑ", "Москва", "中文", "\u{301}", "e\u{301}", "ǅ", "Ǆ", "ß", "ẞ",
            "ﬁ", "Ⅳ", "①", "٣", "_", "tỉnh", "Thừa Thiên-Huế", "\u{a0}", "’", "ǈ", "ꞵ", "𝐀",
        ]), 0..30)) {
            same_as_reference(&pieces.concat());
        }
    }

    #[test]
    fn keys_are_the_folded_words() {
        let text = "Huyện ủy Chư Prông, xã Ia-Drăng – TP.HCM 2024 İstanbul Σίσυφος";
        let words = Words::scan(text);
        let ws = &words;
        for (i, w) in ws.iter().enumerate() {
            assert_eq!(ws.key(i), fold(&text[w.start..w.end]));
        }
        let keys: Vec<_> = (0..ws.len()).map(|i| ws.key(i)).collect();
        assert_eq!(&keys[..6], ["huyên", "uy", "chư", "prông", "xa", "ia"]);
        assert!(ws[4].broken && !ws[5].broken && !ws[6].broken);
        assert!(ws[0].upper && !ws[1].upper && ws[9].digit);
        assert!(follows(ws, 5, 1) && after_upper(ws, 6));
        assert_eq!(ws.keys_of(2, 2), "chư prông");
        // `tổ` and `chức` are dropped: lower case and in no phrase.
        let ws = Words::scan("Huyện ủy tổ chức Hội nghị");
        let nums: Vec<_> = ws.iter().map(|w| w.num).collect();
        assert_eq!(nums, [0, 1, 4]);
        assert!(follows(&ws, 0, 1) && !follows(&ws, 1, 1) && !after_upper(&ws, 2));
    }
}

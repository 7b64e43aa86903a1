//! A light lexer for unit text (words, numbers, percents, dates and codes, punctuation)
//! and the match keys of its words. The cue lexicon is in `lexicon.rs`.

use std::collections::HashMap;

/// What a token of unit text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
    /// A run of letters (a syllable or a foreign word).
    Word,
    /// `832.270.966.973`, `3.807,927`, `07`.
    Number,
    /// `104,11%`.
    Percent,
    /// Dates, codes, ratios, mixed letters and digits (`30/6/2024`, `43-NQ/TW`, `116/134`).
    Other,
    /// One punctuation or symbol character.
    Punct,
}

/// A token with its byte range in the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub kind: Tk,
    pub start: usize,
    pub end: usize,
}

#[inline]
fn alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        // Latin-1 letters, Latin Extended-A/B, Latin Extended Additional: the Vietnamese letters
        0xd7 | 0xf7 => false,
        0xc0..=0x24f | 0x1e00..=0x1eff => true,
        _ => c.is_alphanumeric(),
    }
}

/// A fast hasher for short keys (FNV-1a).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
    // Integer keys (syllable ids, feature hashes that are already FNV hashes) are mixed
    // with one multiply instead of eight byte steps: only the maps' bucket choice
    // changes, never what [`hash`](crate::model::hash) gives a feature name.
    #[inline]
    fn write_u32(&mut self, x: u32) {
        self.write_u64(x as u64)
    }
    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64)
    }
}

/// A hash map with [`Fnv`].
pub(crate) type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// A hash map for string keys that are looked up per word: `rustc-hash` reads eight bytes
/// a step where FNV reads one (FNV stays the feature hash, whose values the models hold).
pub(crate) type StrMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;

/// Whether `phrase` (words separated by single spaces) matches the keys from token `i`;
/// returns the token after it.
#[inline]
pub(crate) fn phrase_at(keys: &Keyed, toks: &[Tok], i: usize, phrase: &str) -> Option<usize> {
    phrase_at_in(keys, 0, toks, i, phrase)
}

/// [`phrase_at`] over `toks`, a slice of the tokens `keys` was built from that starts at
/// token `off` (a clause of a unit).
pub(crate) fn phrase_at_in(
    keys: &Keyed,
    off: usize,
    toks: &[Tok],
    i: usize,
    phrase: &str,
) -> Option<usize> {
    let mut j = i;
    let mut rest = phrase.as_bytes();
    loop {
        if toks.get(j)?.kind != Tk::Word {
            return None;
        }
        let k = keys.key(off + j).as_bytes();
        if !starts_with(rest, k) {
            return None;
        }
        rest = &rest[k.len()..];
        j += 1;
        if rest.is_empty() {
            return Some(j);
        }
        rest = rest.strip_prefix(b" ")?;
    }
}

/// A list of phrases (words separated by single spaces) indexed by their first word, so
/// that matching the list at a token looks only at the phrases that can match there.
#[derive(Debug, Clone, Default)]
pub(crate) struct Phrases {
    /// The phrases, grouped by first word.
    sorted: Vec<&'static str>,
    /// First word to its group in `sorted`.
    groups: StrMap<&'static str, (u32, u32)>,
    /// Bits over the first words' [`sketch`]: most words are no phrase's first word and
    /// stop at one bit.
    filter: Vec<u64>,
}

/// A cheap digest of a word (length, first two bytes, last byte) for [`Phrases`]' filter.
/// The bytes are taken with one test of the length (0 past the end).
#[inline(always)]
fn sketch(w: &str) -> usize {
    let b = w.as_bytes();
    let (first, second, last) = match *b {
        [] => (0, 0, 0),
        [x] => (x, 0, x),
        [x, y] => (x, y, y),
        [x, y, .., z] => (x, y, z),
    };
    let (first, second, last) = (first as usize, second as usize, last as usize);
    (((b.len() & 0xf) << 12) ^ (first << 4) ^ (second * 0x9e5) ^ (last << 7)) & 0xffff
}

/// The first word of a phrase: what the key of the token where it starts must be.
fn first_word(p: &str) -> &str {
    p.split(' ').next().unwrap_or("")
}

impl Phrases {
    pub fn new(list: &[&'static str]) -> Phrases {
        let mut sorted = list.to_vec();
        sorted.sort_by_key(|p| first_word(p));
        let mut groups = StrMap::default();
        let mut filter = vec![0u64; 1 << 10];
        let mut k = 0;
        while k < sorted.len() {
            let w: &'static str = first_word(sorted[k]);
            let e = k + sorted[k..]
                .iter()
                .take_while(|p| first_word(p) == w)
                .count();
            groups.insert(w, (k as u32, e as u32));
            let h = sketch(w);
            filter[h >> 6] |= 1 << (h & 63);
            k = e;
        }
        Phrases {
            sorted,
            groups,
            filter,
        }
    }

    /// The phrases that can match a word whose key is `key`: those whose first word it
    /// is (a phrase matches only where its first word is the key).
    #[inline(always)]
    pub fn candidates(&self, key: &str) -> &[&'static str] {
        &self.sorted[self.group(key)]
    }

    /// Where [`Phrases::candidates`] are in [`Phrases::sorted`].
    /// Inlined up to the filter, which most words stop at.
    #[inline(always)]
    pub fn group(&self, key: &str) -> std::ops::Range<usize> {
        let h = sketch(key);
        if self.filter[h >> 6] & (1 << (h & 63)) == 0 {
            return 0..0;
        }
        self.group_of(key)
    }

    /// [`Phrases::group`] of a word that passed the filter.
    #[inline(never)]
    fn group_of(&self, key: &str) -> std::ops::Range<usize> {
        match self.groups.get(key) {
            Some(&(a, b)) => a as usize..b as usize,
            None => 0..0,
        }
    }

    /// The phrases of the list, grouped by first word.
    pub fn sorted(&self) -> &[&'static str] {
        &self.sorted
    }

    /// The end of the longest phrase of the list that matches from token `i` (as
    /// `list.iter().filter_map(|p| phrase_at_in(keys, off, toks, i, p)).max()`).
    #[inline]
    pub fn longest_at(&self, keys: &Keyed, off: usize, toks: &[Tok], i: usize) -> Option<usize> {
        if toks.get(i)?.kind != Tk::Word {
            return None;
        }
        self.candidates(keys.key(off + i))
            .iter()
            .filter_map(|p| phrase_at_in(keys, off, toks, i, p))
            .max()
    }

    /// Whether a phrase of the list matches from token `i` and ends right before token
    /// `end`.
    #[inline]
    pub fn ends_at(&self, keys: &Keyed, off: usize, toks: &[Tok], i: usize, end: usize) -> bool {
        if toks.get(i).is_none_or(|t| t.kind != Tk::Word) {
            return false;
        }
        self.candidates(keys.key(off + i))
            .iter()
            .any(|p| phrase_at_in(keys, off, toks, i, p) == Some(end))
    }
}

/// The first words of several phrase lists: for a key, which lists have a phrase that
/// starts with it (the bits of those lists), with one filter test for most words.
#[derive(Debug, Clone, Default)]
pub(crate) struct FirstWords {
    bits: StrMap<&'static str, u32>,
    /// Bits over the first words' [`sketch`], as in [`Phrases`].
    filter: Vec<u64>,
}

impl FirstWords {
    /// The index of `lists`, each with its bit.
    pub fn new(lists: &[(&Phrases, u32)]) -> FirstWords {
        let mut f = FirstWords {
            bits: StrMap::default(),
            filter: vec![0u64; 1 << 10],
        };
        for &(list, bit) in lists {
            for p in list.sorted() {
                let w = first_word(p);
                *f.bits.entry(w).or_default() |= bit;
                let h = sketch(w);
                f.filter[h >> 6] |= 1 << (h & 63);
            }
        }
        f
    }

    /// The lists that have a phrase starting with `key` (a list's
    /// [`Phrases::candidates`] of `key` are not empty exactly when its bit is set).
    #[inline]
    pub fn of(&self, key: &str) -> u32 {
        let h = sketch(key);
        if self.filter[h >> 6] & (1 << (h & 63)) == 0 {
            return 0;
        }
        self.bits.get(key).copied().unwrap_or(0)
    }
}

/// Whether `s` starts with `p`, byte by byte: words are short, and most candidates fail
/// on the first byte, where a call to `memcmp` would cost more than the comparison.
#[inline]
pub(crate) fn starts_with(s: &[u8], p: &[u8]) -> bool {
    p.len() <= s.len() && p.iter().zip(s).all(|(a, b)| a == b)
}

/// Cut `text[start..end]` into tokens (ranges are absolute).
///
/// Byte by byte: ASCII spaces, letters, digits and punctuation and the Vietnamese letters
/// (see [`letter_run`]) are told from their bytes; other characters are decoded.
pub(crate) fn lex(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let s = &text[start..end];
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        // `char::is_whitespace` of ASCII: tab, line feed, vertical tab, form feed, CR, space
        if c == b' ' || (b'\t'..=b'\r').contains(&c) {
            i += 1;
            continue;
        }
        let run = letter_run(b, i);
        let (state, j) = if run > 0 {
            // most words end at a space or punctuation: after a letter only `/` and `-`
            // can join (see `token_end`)
            let j = i + run;
            let ends = |c: &u8| *c < 0x80 && !c.is_ascii_digit() && !matches!(c, b'/' | b'-');
            if b.get(j).is_none_or(ends) {
                out.push(Tok {
                    kind: Tk::Word,
                    start: start + i,
                    end: start + j,
                });
                // and the space between words
                i = j + (b.get(j) == Some(&b' ')) as usize;
                continue;
            }
            (Run::LETTERS, j)
        } else if c.is_ascii_digit() {
            (Run::DIGITS, i + 1)
        } else if c < 0x80 {
            // ASCII letters are in `letter_run`: the rest is punctuation
            out.push(Tok {
                kind: Tk::Punct,
                start: start + i,
                end: start + i + 1,
            });
            i += 1;
            continue;
        } else {
            let Some(ch) = s[i..].chars().next() else {
                break;
            };
            let cl = ch.len_utf8();
            if ch.is_whitespace() {
                i += cl;
                continue;
            }
            if !alnum(ch) {
                out.push(Tok {
                    kind: Tk::Punct,
                    start: start + i,
                    end: start + i + cl,
                });
                i += cl;
                continue;
            }
            // not an ASCII digit: counts as a letter
            (Run::LETTERS, i + cl)
        };
        let (kind, j) = token_end(s, j, state);
        out.push(Tok {
            kind,
            start: start + i,
            end: start + j,
        });
        i = j;
    }
}

/// What a token has seen so far (in [`token_end`]).
#[derive(Clone, Copy)]
struct Run {
    letters: bool,
    digits: bool,
    inner_slash: bool,
    /// The last character is a digit (else a letter or a joining mark).
    prev_digit: bool,
}

impl Run {
    const LETTERS: Run = Run {
        letters: true,
        digits: false,
        inner_slash: false,
        prev_digit: false,
    };
    const DIGITS: Run = Run {
        letters: false,
        digits: true,
        inner_slash: false,
        prev_digit: true,
    };
}

/// Whether the character at byte `i` of `s` (a boundary) is [`alnum`], from its first
/// byte when ASCII.
#[inline]
fn alnum_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => false,
        Some(&c) if c < 0x80 => c.is_ascii_alphanumeric(),
        Some(_) => s[i..].chars().next().is_some_and(alnum),
    }
}

/// The kind and end of the token of `s` whose first character ends at byte `j`, with
/// what that character was in `r`.
#[inline]
fn token_end(s: &str, mut j: usize, mut r: Run) -> (Tk, usize) {
    let b = s.as_bytes();
    loop {
        let run = letter_run(b, j);
        if run > 0 {
            r.letters = true;
            r.prev_digit = false;
            j += run;
        }
        let Some(&c) = b.get(j) else {
            break;
        };
        if c.is_ascii_digit() {
            r.digits = true;
            r.prev_digit = true;
            j += 1;
            continue;
        }
        if c >= 0x80 {
            let Some(ch) = s[j..].chars().next() else {
                break;
            };
            if !alnum(ch) {
                break;
            }
            r.letters = true;
            r.prev_digit = false;
            j += ch.len_utf8();
            continue;
        }
        // ASCII letters are in `letter_run`: only these join a token (see `internal`)
        let joins = match c {
            b'.' | b',' => r.prev_digit && b.get(j + 1).is_some_and(u8::is_ascii_digit),
            // the previous character is alphanumeric (a token never ends with a mark)
            b'/' | b'-' => alnum_at(s, j + 1),
            _ => false,
        };
        if !joins {
            break;
        }
        r.inner_slash |= c == b'/' || c == b'-';
        r.prev_digit = false;
        j += 1;
    }
    let mut kind = if r.inner_slash || (r.letters && r.digits) {
        Tk::Other
    } else if r.digits {
        Tk::Number
    } else {
        Tk::Word
    };
    if kind == Tk::Number && b.get(j) == Some(&b'%') {
        kind = Tk::Percent;
        j += 1;
    }
    (kind, j)
}

/// The length in bytes of the run of letters at byte `i` of `b` (a character boundary)
/// that are quick to tell from their bytes: ASCII letters, the Latin-1 and Latin Extended
/// letters, the Latin Extended Additional block (the Vietnamese letters with tones). 0 at
/// any other character; [`alnum`] holds for all of them and none is a digit.
#[inline]
fn letter_run(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while let Some(&c) = b.get(j) {
        let len = match LEAD[c as usize] {
            ASCII_LETTER => 1,
            // U+0100..U+023F
            LEAD_LATIN => 2,
            // U+00C0..U+00FF but × and ÷
            LEAD_C3 if !matches!(b[j + 1], 0x97 | 0xb7) => 2,
            // U+0240..U+024F
            LEAD_C9 if b[j + 1] < 0x90 => 2,
            // U+1E00..U+1EFF
            LEAD_E1 if matches!(b[j + 1], 0xb8..=0xbb) => 3,
            _ => break,
        };
        j += len;
    }
    j - i
}

/// Classes of the first byte of a character for [`letter_run`].
const ASCII_LETTER: u8 = 1;
const LEAD_LATIN: u8 = 2;
const LEAD_C3: u8 = 3;
const LEAD_C9: u8 = 4;
const LEAD_E1: u8 = 5;

/// The class of each byte for [`letter_run`] (0: no letter starts with it).
static LEAD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = match c as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => ASCII_LETTER,
            0xc4..=0xc8 => LEAD_LATIN,
            0xc3 => LEAD_C3,
            0xc9 => LEAD_C9,
            0xe1 => LEAD_E1,
            _ => 0,
        };
        c += 1;
    }
    t
};

/// The match keys of the word tokens of a unit, in one buffer.
#[derive(Debug, Default, Clone)]
pub(crate) struct Keyed {
    buf: String,
    /// Per token: the range of its key in `buf` (empty for other than words).
    ranges: Vec<(u32, u32)>,
    /// Per token: the id of its key in the document (ids in order of first appearance,
    /// from the [`KeyCache`] it was built with; [`NO_KEY`] for other than words); empty
    /// when built without one.
    ids: Vec<u32>,
}

/// The key id of a token that is not a word.
pub(crate) const NO_KEY: u32 = u32::MAX;

/// The match keys of words, computed once per distinct word and kept across the
/// documents a thread scores (Vietnamese has a few thousand syllables: after the first
/// documents nearly every word is known). A document's keys get ids in order of their
/// first appearance in it, so what the scorer computes never depends on the documents
/// scored before. With each key the cache keeps what three tables give it (see
/// [`Keyed::with_notes`]).
#[derive(Debug, Default)]
pub(crate) struct KeyCache {
    /// Word as written to its key's id in the cache: words of at most 15 bytes (nearly
    /// all), and the others.
    short: ShortWords,
    by_word: StrMap<Box<str>, u32>,
    /// Key to its id in the cache.
    by_key: StrMap<Box<str>, u32>,
    /// By cache id: the key's place, its id in the current document, its notes.
    entries: Vec<Entry>,
    keys: String,
    scratch: String,
    /// The current document (0: none yet).
    doc: u32,
    /// Keys of the current document so far.
    doc_keys: u32,
    /// The [`instance`]s of the tables the entries' notes are from.
    owners: [u64; 3],
}

/// Words of at most 15 bytes by their bytes ([`pack`]) to their cache ids: an open
/// addressing table, where a word costs a multiply and a compare.
#[derive(Debug, Default)]
struct ShortWords {
    /// Packed word and its cache id; 0: empty (a packed word has its length in the last
    /// byte).
    slots: Vec<(u128, u32)>,
    len: usize,
}

/// The word `b[start..end]` as a number (its bytes, zero-padded, with its length in the
/// last byte) when it has 1 to 15 bytes. Read with one sixteen-byte load where the text
/// goes on for 16 bytes.
#[inline]
fn pack(b: &[u8], start: usize, end: usize) -> Option<u128> {
    let n = end - start;
    if n == 0 || n > 15 {
        return None;
    }
    let w = match b.get(start..start + 16) {
        Some(s) => {
            let mut e = [0u8; 16];
            e.copy_from_slice(s);
            u128::from_le_bytes(e)
        }
        None => (b[start..end].iter().enumerate()).fold(0, |w, (k, &c)| w | (c as u128) << (8 * k)),
    };
    // the bytes past the word are cleared
    Some((w & ((1u128 << (8 * n)) - 1)) | (n as u128) << 120)
}

impl ShortWords {
    #[inline]
    fn slot(&self, k: u128) -> usize {
        let h =
            ((k as u64) ^ ((k >> 64) as u64).rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    #[inline]
    fn get(&self, k: u128) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        loop {
            let (w, id) = self.slots[i];
            if w == k {
                return Some(id);
            }
            if w == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Add a word that is not in the table.
    fn insert(&mut self, k: u128, id: u32) {
        if 2 * (self.len + 1) > self.slots.len() {
            let size = (2 * self.slots.len()).max(1024);
            let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
            for (w, id) in old.into_iter().filter(|s| s.0 != 0) {
                self.put(w, id);
            }
        }
        self.put(k, id);
        self.len += 1;
    }

    fn put(&mut self, k: u128, id: u32) {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        while self.slots[i].0 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (k, id);
    }
}

/// What a [`KeyCache`] keeps of a key.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The key's range in [`KeyCache::keys`].
    span: (u32, u32),
    /// The last document that had the key (0: none), and the key's id in it.
    doc: u32,
    local: u32,
    /// What the tables give the key, when `noted`.
    notes: [u32; 3],
    noted: bool,
}

/// A number for a table that no other table of the process shares (for the notes of a
/// [`KeyCache`]).
pub(crate) fn instance() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Distinct words kept at most; the cache starts again beyond that.
const KEY_CACHE_WORDS: usize = 1 << 17;

thread_local! {
    static KEY_CACHE: std::cell::RefCell<KeyCache> = std::cell::RefCell::new(KeyCache::default());
}

impl KeyCache {
    /// Run `f` with this thread's cache, opened for a new document.
    pub fn with<R>(f: impl FnOnce(&mut KeyCache) -> R) -> R {
        KEY_CACHE.with(|c| match c.try_borrow_mut() {
            Ok(mut cache) => {
                cache.open_document();
                f(&mut cache)
            }
            // not reached (the scorer does not call itself); a fresh cache is as good
            Err(_) => {
                let mut cache = KeyCache::default();
                cache.open_document();
                f(&mut cache)
            }
        })
    }

    fn open_document(&mut self) {
        if self.by_word.len() + self.short.len > KEY_CACHE_WORDS || self.doc == u32::MAX {
            *self = KeyCache::default();
        }
        self.doc += 1;
        self.doc_keys = 0;
    }

    /// The cache id of the key of the word `text[start..end]` (computing the key the first
    /// time the word is seen).
    #[inline]
    fn cache_id(&mut self, text: &str, start: usize, end: usize) -> u32 {
        match pack(text.as_bytes(), start, end) {
            Some(k) => match self.short.get(k) {
                Some(id) => id,
                None => {
                    let id = self.add_word(&text[start..end]);
                    self.short.insert(k, id);
                    id
                }
            },
            None => match self.by_word.get(&text[start..end]) {
                Some(&id) => id,
                None => {
                    let word = &text[start..end];
                    let id = self.add_word(word);
                    self.by_word.insert(word.into(), id);
                    id
                }
            },
        }
    }

    /// The cache id of the key of a word not seen yet.
    #[inline(never)]
    fn add_word(&mut self, word: &str) -> u32 {
        tomtat_text::match_key_into(word, &mut self.scratch);
        match self.by_key.get(self.scratch.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.entries.len() as u32;
                let a = self.keys.len() as u32;
                self.keys.push_str(&self.scratch);
                self.entries.push(Entry {
                    span: (a, self.keys.len() as u32),
                    doc: 0,
                    local: 0,
                    notes: [0; 3],
                    noted: false,
                });
                self.by_key.insert(self.scratch.as_str().into(), id);
                id
            }
        }
    }

    /// Keep notes from the tables `owners` ([`instance`]s) from now on (forgetting those
    /// of other tables).
    fn note_for(&mut self, owners: [u64; 3]) {
        if self.owners != owners {
            self.owners = owners;
            for e in &mut self.entries {
                e.noted = false;
            }
        }
    }

    /// The key of the word `text[start..end]`, its id in the current document and its notes (`look(key)`, called
    /// once per key while the cache and its tables last).
    #[inline]
    fn key_noted(
        &mut self,
        (text, start, end): (&str, usize, usize),
        look: impl Fn(&str) -> [u32; 3],
    ) -> (&str, u32, [u32; 3]) {
        let id = self.cache_id(text, start, end);
        let KeyCache {
            entries,
            keys,
            doc,
            doc_keys,
            ..
        } = self;
        let e = &mut entries[id as usize];
        if e.doc != *doc {
            e.doc = *doc;
            e.local = *doc_keys;
            *doc_keys += 1;
        }
        let key = &keys[e.span.0 as usize..e.span.1 as usize];
        if !e.noted {
            e.notes = look(key);
            e.noted = true;
        }
        (key, e.local, e.notes)
    }
}

impl Keyed {
    pub fn new(text: &str, toks: &[Tok]) -> Keyed {
        let mut k = Keyed {
            buf: String::with_capacity(toks.len() * 6),
            ranges: Vec::with_capacity(toks.len()),
            ids: Vec::new(),
        };
        let mut scratch = String::new();
        for t in toks {
            let a = k.buf.len() as u32;
            if t.kind == Tk::Word {
                tomtat_text::match_key_into(&text[t.start..t.end], &mut scratch);
                k.buf.push_str(&scratch);
            }
            k.ranges.push((a, k.buf.len() as u32));
        }
        k
    }

    /// [`Keyed::new`] with the keys taken from (and added to) a document's cache; the
    /// keys also get their document-wide ids ([`Keyed::id`]).
    #[cfg(test)]
    pub fn with_cache(text: &str, toks: &[Tok], cache: &mut KeyCache) -> Keyed {
        let look = |_: &str| [0; 3];
        Keyed::with_notes(text, toks, cache, ([0; 3], look), [0; 3], &mut Vec::new())
    }

    /// [`Keyed::with_cache`], with what three tables give each token's key in `notes`:
    /// `tables` are their [`instance`]s and the look-up of a key in them, done once per
    /// key while the cache lasts; `none`: the notes of other tokens than words.
    pub fn with_notes(
        text: &str,
        toks: &[Tok],
        cache: &mut KeyCache,
        (owners, look): ([u64; 3], impl Fn(&str) -> [u32; 3] + Copy),
        none: [u32; 3],
        notes: &mut Vec<[u32; 3]>,
    ) -> Keyed {
        let mut k = Keyed {
            buf: String::with_capacity(toks.len() * 6),
            ranges: Vec::with_capacity(toks.len()),
            ids: Vec::with_capacity(toks.len()),
        };
        cache.note_for(owners);
        notes.clear();
        for t in toks {
            let a = k.buf.len() as u32;
            let (id, n) = if t.kind == Tk::Word {
                let (key, id, n) = cache.key_noted((text, t.start, t.end), look);
                k.buf.push_str(key);
                (id, n)
            } else {
                (NO_KEY, none)
            };
            k.ranges.push((a, k.buf.len() as u32));
            k.ids.push(id);
            notes.push(n);
        }
        k
    }

    /// The key of token `i` (empty for other than words).
    #[inline]
    pub fn key(&self, i: usize) -> &str {
        let (a, b) = self.ranges[i];
        &self.buf[a as usize..b as usize]
    }

    /// The document-wide key ids of the tokens, when built with a [`KeyCache`].
    pub fn ids(&self) -> Option<&[u32]> {
        (self.ids.len() == self.ranges.len()).then_some(&self.ids[..])
    }
}

/// Lower-cased, tone-style-independent keys of the words of a phrase.
pub(crate) fn syllable_keys(phrase: &str) -> Vec<String> {
    let mut toks = Vec::new();
    lex(phrase, 0, phrase.len(), &mut toks);
    toks.iter()
        .filter(|t| t.kind == Tk::Word)
        .map(|t| tomtat_text::match_key(&phrase[t.start..t.end]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The phrase matcher before the byte-level one (the reference).
    fn phrase_at_ref(keys: &Keyed, toks: &[Tok], i: usize, phrase: &str) -> Option<usize> {
        let mut j = i;
        let mut rest = phrase;
        loop {
            if j >= toks.len() || toks[j].kind != Tk::Word {
                return None;
            }
            rest = rest.strip_prefix(keys.key(j))?;
            j += 1;
            if rest.is_empty() {
                return Some(j);
            }
            rest = rest.strip_prefix(' ')?;
        }
    }

    /// Text from a small alphabet, so that words, phrases and figures repeat.
    fn small_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("tăng"),
                Just("Tăng"),
                Just("so"),
                Just("với"),
                Just("đã"),
                Just("ĐÃ"),
                Just("năm"),
                Just(" "),
                Just(", "),
                Just("; "),
                Just("5,1"),
                Just("%"),
                Just("30/6"),
                Just("-"),
                Just("."),
                Just("a"),
                Just("\n"),
            ],
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    const PHRASES: &[&str] = &[
        "tăng",
        "so với",
        "tăng so với",
        "đã tăng",
        "năm",
        "a",
        "",
        " a",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn phrase_matching_agrees_with_the_reference(text in small_text()) {
            let mut toks = Vec::new();
            lex(&text, 0, text.len(), &mut toks);
            let plain = Keyed::new(&text, &toks);
            let cached = KeyCache::with(|c| Keyed::with_cache(&text, &toks, c));
            let index = Phrases::new(PHRASES);
            let words: Vec<&str> = (0..toks.len())
                .filter(|&i| toks[i].kind == Tk::Word)
                .map(|i| plain.key(i))
                .collect();
            for i in 0..toks.len() {
                prop_assert_eq!(plain.key(i), cached.key(i));
            }
            for i in 0..=toks.len() {
                let mut longest = None;
                for p in PHRASES {
                    let r = phrase_at_ref(&plain, &toks, i, p);
                    prop_assert_eq!(phrase_at(&plain, &toks, i, p), r);
                    prop_assert_eq!(phrase_at(&cached, &toks, i, p), r);
                    longest = longest.max(r);
                    for end in 0..=toks.len() + 1 {
                        let any = PHRASES.iter().any(|q| phrase_at_ref(&plain, &toks, i, q) == Some(end));
                        prop_assert_eq!(index.ends_at(&plain, 0, &toks, i, end), any);
                    }
                }
                prop_assert_eq!(index.longest_at(&plain, 0, &toks, i), longest);
            }
            for i in 0..=words.len() {
                for p in PHRASES {
                    let r = (i..).zip(p.split(' ')).all(|(j, q)| words.get(j) == Some(&q));
                    prop_assert_eq!(crate::model::has_at(&words, i, p), r);
                }
            }
        }

        #[test]
        fn lexer_agrees_with_the_reference(
            text in "([a-zA-Z0-9 .,/%:;()-]|[ăâđêôơưĐÁàảãạếềệ×÷²½ⅫǅȀɏḀỹ\\u{300}\\u{a0}\\u{85}\\u{2028}\\u{3000}\\t\\n\\r\\x0b\\x0c“”…–]|\\PC){0,80}",
            cut in 0usize..96,
        ) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let start = bounds[cut % bounds.len()];
            let (mut a, mut b) = (Vec::new(), Vec::new());
            lex(&text, start, text.len(), &mut a);
            lex_ref(&text, start, text.len(), &mut b);
            prop_assert_eq!(a, b);
        }

        #[test]
        fn packed_words_are_equal_when_their_bytes_are(
            text in "[aăbđ ạế]{0,40}",
            spans in proptest::collection::vec((0usize..48, 0usize..20), 2),
        ) {
            let b = text.as_bytes();
            let span = |(s, n): (usize, usize)| (s.min(b.len()), (s + n).min(b.len()));
            let (x, y) = (span(spans[0]), span(spans[1]));
            let (px, py) = (pack(b, x.0, x.1), pack(b, y.0, y.1));
            prop_assert_eq!(px.is_some(), (1..=15).contains(&(x.1 - x.0)));
            if let (Some(px), Some(py)) = (px, py) {
                prop_assert_eq!(px == py, b[x.0..x.1] == b[y.0..y.1]);
            }
        }

        #[test]
        fn document_key_ids_follow_first_appearance(text in small_text()) {
            let mut toks = Vec::new();
            lex(&text, 0, text.len(), &mut toks);
            // the cache is shared by the thread: a document scored before changes nothing
            let before = "năm ĐÃ so với, tăng a";
            let mut t0 = Vec::new();
            lex(before, 0, before.len(), &mut t0);
            KeyCache::with(|c| Keyed::with_cache(before, &t0, c));
            let k = KeyCache::with(|c| Keyed::with_cache(&text, &toks, c));
            let ids = k.ids().expect("ids");
            let mut seen: Vec<&str> = Vec::new();
            for (i, t) in toks.iter().enumerate() {
                if t.kind != Tk::Word {
                    prop_assert_eq!(ids[i], NO_KEY);
                    continue;
                }
                let key = k.key(i);
                let want = match seen.iter().position(|s| *s == key) {
                    Some(p) => p,
                    None => {
                        seen.push(key);
                        seen.len() - 1
                    }
                };
                prop_assert_eq!(ids[i] as usize, want);
                prop_assert_eq!(key, tomtat_text::match_key(&text[t.start..t.end]));
            }
        }
    }

    fn kinds(s: &str) -> Vec<(Tk, &str)> {
        let mut v = Vec::new();
        lex(s, 0, s.len(), &mut v);
        v.iter().map(|t| (t.kind, &s[t.start..t.end])).collect()
    }

    #[test]
    fn lexes_figures_dates_codes() {
        let k = kinds("đạt 832.270.966.973 đồng (104,11%) ngày 30/6/2024, 43-NQ/TW.");
        assert_eq!(k[1], (Tk::Number, "832.270.966.973"));
        assert_eq!(k[3], (Tk::Punct, "("));
        assert_eq!(k[4], (Tk::Percent, "104,11%"));
        assert_eq!(k[7], (Tk::Other, "30/6/2024"));
        assert_eq!(k[9], (Tk::Other, "43-NQ/TW"));
        assert_eq!(k.last().unwrap(), &(Tk::Punct, "."));
    }

    fn internal(c: char, prev: char, next: char) -> bool {
        match c {
            '.' | ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
            '/' | '-' => alnum(prev) && alnum(next),
            _ => false,
        }
    }

    /// The lexer decoding every character of `text[start..end]` (the reference of the
    /// byte-level lexer).
    fn lex_ref(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
        let s = &text[start..end];
        let char_at = |i: usize| s[i..].chars().next();
        let mut i = 0;
        while let Some(c) = char_at(i) {
            let cl = c.len_utf8();
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            if !alnum(c) {
                out.push(Tok {
                    kind: Tk::Punct,
                    start: start + i,
                    end: start + i + cl,
                });
                i += cl;
                continue;
            }
            let digit = c.is_ascii_digit();
            let (mut letters_seen, mut digits, mut inner_slash) = (!digit, digit, false);
            let mut prev = c;
            let mut j = i + cl;
            while let Some(cj) = char_at(j) {
                if alnum(cj) {
                    if cj.is_ascii_digit() {
                        digits = true;
                    } else {
                        letters_seen = true;
                    }
                } else {
                    // only these join a token (see `internal`): the next character is decoded
                    // for them alone
                    if !matches!(cj, '.' | ',' | '/' | '-') {
                        break;
                    }
                    let next = char_at(j + cj.len_utf8());
                    if !next.is_some_and(|n| internal(cj, prev, n)) {
                        break;
                    }
                    if cj == '/' || cj == '-' {
                        inner_slash = true;
                    }
                }
                prev = cj;
                j += cj.len_utf8();
            }
            let mut kind = if inner_slash || (letters_seen && digits) {
                Tk::Other
            } else if digits {
                Tk::Number
            } else {
                Tk::Word
            };
            if kind == Tk::Number && char_at(j) == Some('%') {
                kind = Tk::Percent;
                j += 1;
            }
            out.push(Tok {
                kind,
                start: start + i,
                end: start + j,
            });
            i = j;
        }
    }
}

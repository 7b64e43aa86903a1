//! Features of the gaps between syllables (shared by the segmenter and its trainer).
//!
//! Every gap between two syllable tokens separated only by spaces (at most one line
//! break) is a decision: *join* (same word) or *split*. The classifier scores a gap
//! from hashed features of the syllables around it, the letter-case shapes, the
//! dictionary words that cover or touch it, and the decision taken at the previous
//! gap (left-to-right greedy decoding).

use super::cache::KeyCache;
use super::fold::{mix, syllable_key};
use super::table::{KeyTable, LexTable};
use crate::token::{Token, TokenKind};

/// Positions in [`Scratch::feats`] of the lexical features (syllable n-grams);
/// the trainer drops them at random so that the general features (dictionary,
/// association, shapes) learn to decide unseen words.
pub const LEXICAL: std::ops::Range<usize> = 1..10;

/// Dictionary bit: the key is a proper prefix of a longer word.
pub const PREFIX: u8 = 0x80;

/// Longest dictionary word looked up, in syllables.
pub const MAX_WORD: usize = 6;

/// Key of a word: its syllable keys chained.
pub fn word_key(syllable_keys: impl IntoIterator<Item = u64>) -> u64 {
    syllable_keys.into_iter().fold(0x5EED_u64, word_key_extend)
}

/// Key of a word extended by one more syllable.
#[inline]
pub fn word_key_extend(word: u64, syllable_key: u64) -> u64 {
    mix(word, syllable_key)
}

/// Multi-syllable words by key, each with a bit set of sources (bit 0: general
/// dictionary, bit 1: lexicon of the training corpus).
#[derive(Debug, Default, Clone)]
pub struct Dict {
    pub words: KeyTable<u8>,
}

impl Dict {
    /// Add the word made of these syllables (fewer than two syllables are ignored).
    pub fn insert_syllables<'a>(
        &mut self,
        syllables: impl IntoIterator<Item = &'a str>,
        source: u8,
    ) {
        let keys: Vec<u64> = syllables.into_iter().map(syllable_key).collect();
        self.insert_keys(&keys, source);
    }

    /// Add the word made of these syllable keys, and mark its proper prefixes
    /// ([`PREFIX`]) so that lookups stop early.
    pub fn insert_keys(&mut self, keys: &[u64], source: u8) {
        if keys.len() < 2 || keys.len() > MAX_WORD {
            return;
        }
        let mut h = word_key([keys[0]]);
        for (n, &k) in keys.iter().enumerate().skip(1) {
            h = word_key_extend(h, k);
            if n + 1 < keys.len() {
                *self.words.entry(h) |= PREFIX;
            }
        }
        *self.words.entry(h) |= source & !PREFIX;
    }

    /// Add a word by its key ([`word_key`]).
    pub fn insert_key(&mut self, key: u64, source: u8) {
        *self.words.entry(key) |= source;
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// No words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The source bits of the word with this key (0: absent).
    #[inline]
    pub fn get(&self, key: u64) -> u8 {
        self.words.get(key).unwrap_or(0)
    }
}

pub(super) const BOS: u64 = 0xB05;
pub(super) const EOS: u64 = 0xE05;
/// Feature slots: dictionary, training lexicon, either of the two, raw-text candidate.
pub const SOURCES: usize = 4;
/// Source bit of a word found in raw text by its statistics (association and
/// branching entropy), not listed in a dictionary: its own feature slot, not part of
/// "either" nor of the fewest-words segmentation.
pub const RAW: u8 = 8;

/// Per-text working buffers, reused across calls (no allocation per word).
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    /// Key of each token (syllables: folded syllable; others: kind or punctuation).
    pub keys: Vec<u64>,
    /// Letter-case shape of each token (kinds other than syllables: 4 + kind).
    pub shapes: Vec<u8>,
    /// `gap[i]`: token `i` may be joined to token `i - 1`.
    pub gap: Vec<bool>,
    /// `join[i]`: token `i` is joined to token `i - 1` (the decisions).
    pub join: Vec<bool>,
    /// Per source: longest dictionary word crossing the gap before token `i`.
    pub(super) cross: Vec<[u8; SOURCES]>,
    /// Per source: longest dictionary word ending at token `i`.
    pub(super) ends: Vec<[u8; SOURCES]>,
    /// Per source: longest dictionary word starting at token `i`.
    pub(super) starts: Vec<[u8; SOURCES]>,
    /// Dictionary matches (start token, length in tokens).
    matches: Vec<(u32, u32)>,
    /// Fewest-words segmentation over the dictionary: `dp_join[i]` joins token `i` to `i - 1`.
    pub(super) dp_join: Vec<bool>,
    dp_cost: Vec<(u32, u32)>,
    /// Association class of the bigram across the gap before token `i` (0: unseen).
    pub(super) assoc: Vec<u8>,
    /// Whether token `i` is a productive suffix ([`is_suffix`]: `-hoá`).
    pub(super) suffix: Vec<bool>,
    /// Whether token `i` is a Sino-Vietnamese syllable ([`is_sino`]).
    pub(super) sino: Vec<u8>,
    /// Feature buffer.
    pub feats: Vec<u64>,
    /// Keys and shapes of the syllables seen, by their bytes.
    cache: KeyCache,
}

/// Association class of a syllable bigram from raw-text counts: the low four bits
/// hold the pointwise mutual information `ln(c(ab) N / (c(a) c(b)))` rounded and
/// clipped to -3..=11 (+4), the high four bits `log2 c(ab)` (at most 15).
pub fn assoc_class(pair: u64, first: u64, second: u64, total: u64) -> u8 {
    let pmi = ((pair as f64) * (total as f64) / ((first as f64) * (second as f64))).ln();
    let p = (pmi.round().clamp(-3.0, 11.0) + 4.0) as u8;
    let c = (63 - pair.max(1).leading_zeros()).min(15) as u8;
    c << 4 | p
}

/// What an [`assoc_class`] says: the pointwise mutual information (rounded, -3..=11) and
/// `log2` of the pair's count. A class of 0 (the pair never seen) reads as `(-4, 0)`.
pub fn assoc_pmi_count(class: u8) -> (i8, u8) {
    ((class & 15) as i8 - 4, class >> 4)
}

/// Productive suffixes that make a word of the word before them (`công_nghiệp_hoá`,
/// `đô_thị_hoá`, `cổ_phần_hoá`): a feature of the gap before them, with the length of the
/// dictionary word that ends there, so that the rule is learned for words never seen
/// with the suffix.
pub const SUFFIXES: &[&str] = &["hoá"];

/// The key is one of [`SUFFIXES`].
pub fn is_suffix(key: u64) -> bool {
    suffix_keys().contains(&key)
}

/// The keys of [`SUFFIXES`].
fn suffix_keys() -> &'static [u64] {
    static KEYS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| SUFFIXES.iter().map(|s| syllable_key(s)).collect())
}

/// Whether the syllable key is one of the Sino-Vietnamese syllables (Hán-Việt: `đề`,
/// `án`, `chi`, `bộ`): two of them side by side often make a compound the dictionaries
/// lack (`đề_án`, `chi_bộ`), frequent in administrative and legal prose.
pub fn is_sino(key: u64) -> bool {
    static KEYS: std::sync::OnceLock<KeyTable<u8>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut t = KeyTable::default();
        for line in include_str!("../../models/sino-vietnamese-syllables.txt").lines() {
            let w = line.trim();
            if !w.is_empty() {
                *t.entry(syllable_key(w)) = 1;
            }
        }
        t
    })
    .get(key)
    .is_some()
}

fn kind_id(kind: TokenKind) -> u64 {
    kind as u64
}

impl Scratch {
    /// A new, empty scratch.
    pub fn new() -> Scratch {
        Scratch::default()
    }

    /// Compute keys, shapes, joinable gaps and dictionary matches for `tokens`.
    pub fn prepare(&mut self, text: &str, tokens: &[Token], lex: &LexTable) {
        let n = tokens.len();
        let suffixes = suffix_keys();
        self.suffix.clear();
        self.sino.clear();
        self.keys.clear();
        self.shapes.clear();
        self.gap.clear();
        self.join.clear();
        self.cross.clear();
        self.ends.clear();
        self.starts.clear();
        self.matches.clear();
        for (i, t) in tokens.iter().enumerate() {
            let mut sino = false;
            if t.kind == TokenKind::Syllable {
                let (k, sh, s) = self.cache.key_shape_sino(text, t.start, t.end);
                self.keys.push(k);
                self.shapes.push(sh);
                sino = s;
            } else if t.kind == TokenKind::Foreign {
                let (k, sh) = self.cache.key_shape(text, t.start, t.end);
                self.keys.push(k);
                self.shapes.push(32 + sh);
            } else {
                let k = match t.kind {
                    TokenKind::Punct | TokenKind::Symbol => {
                        mix(0x9C7, self.cache.key_shape(text, t.start, t.end).0)
                    }
                    k => mix(0x7E9, kind_id(k)),
                };
                self.keys.push(k);
                self.shapes.push(4 + t.kind as u8);
            }
            let ok = i > 0
                && joinable(t.kind)
                && joinable(tokens[i - 1].kind)
                && joinable_space(&text.as_bytes()[tokens[i - 1].end.min(t.start)..t.start]);
            self.gap.push(ok);
            self.suffix.push(ok && suffixes.contains(&self.keys[i]));
            self.sino.push(u8::from(sino));
        }
        self.join.resize(n, false);
        self.cross.resize(n, [0; SOURCES]);
        self.ends.resize(n, [0; SOURCES]);
        self.starts.resize(n, [0; SOURCES]);
        self.assoc.clear();
        self.assoc.resize(n, 0);

        for (i, tok) in tokens.iter().enumerate() {
            if !joinable(tok.kind) {
                continue;
            }
            let mut h = mix(0x5EED, self.keys[i]);
            let mut j = i + 1;
            while j < n && j - i < MAX_WORD && self.gap[j] {
                h = mix(h, self.keys[j]);
                let len = (j - i + 1) as u8;
                let (bits, assoc) = lex.get(h);
                if j == i + 1 {
                    self.assoc[j] = assoc;
                }
                let mut src = bits & !PREFIX;
                if src != 0 {
                    if src & 3 != 0 {
                        self.matches.push((i as u32, (j - i + 1) as u32));
                        src |= 4;
                    }
                    for s in 0..SOURCES {
                        if src & (1 << s) != 0 {
                            self.starts[i][s] = self.starts[i][s].max(len);
                            self.ends[j][s] = self.ends[j][s].max(len);
                            for g in i + 1..=j {
                                self.cross[g][s] = self.cross[g][s].max(len);
                            }
                        }
                    }
                }
                if bits & PREFIX == 0 {
                    break;
                }
                j += 1;
            }
        }
        self.derivations();
        self.fewest_words();
    }

    /// A dictionary word followed by a productive suffix ([`is_suffix`]) is a word too
    /// (`công_nghiệp` + `hoá`): a match of the "either" source, as if listed.
    fn derivations(&mut self) {
        let mut added = false;
        for i in 1..self.keys.len() {
            let len = usize::from(self.ends[i - 1][2]);
            if !self.suffix[i] || !(2..MAX_WORD).contains(&len) {
                continue;
            }
            let start = i - len;
            let l = (len + 1) as u8;
            self.matches.push((start as u32, u32::from(l)));
            self.starts[start][2] = self.starts[start][2].max(l);
            self.ends[i][2] = self.ends[i][2].max(l);
            for g in start + 1..=i {
                self.cross[g][2] = self.cross[g][2].max(l);
            }
            added = true;
        }
        if added {
            self.matches.sort_unstable();
        }
    }

    /// Association class of the gap before token `i` (0: bigram unseen in raw text).
    pub fn assoc_at(&self, i: usize) -> u8 {
        self.assoc[i]
    }

    /// Fewest-words segmentation: every token a word, or a dictionary match;
    /// ties go to the longer last word.
    fn fewest_words(&mut self) {
        let n = self.keys.len();
        self.dp_join.clear();
        self.dp_join.resize(n, false);
        self.dp_cost.clear();
        // dp_cost[j] = (words covering tokens 0..j, start of the last word): the
        // least (cost, start) over the candidates, whatever their order, so the
        // candidates are relaxed forward from each start (matches come sorted by start)
        self.dp_cost.resize(n + 1, (u32::MAX, 0));
        self.dp_cost[0] = (0, 0);
        let mut m = 0;
        for s in 0..n {
            let c = self.dp_cost[s].0 + 1;
            let cand = (c, s as u32);
            if cand < self.dp_cost[s + 1] {
                self.dp_cost[s + 1] = cand;
            }
            while m < self.matches.len() && self.matches[m].0 as usize == s {
                let e = s + self.matches[m].1 as usize;
                if cand < self.dp_cost[e] {
                    self.dp_cost[e] = cand;
                }
                m += 1;
            }
        }
        let mut j = n;
        while j > 0 {
            let s = self.dp_cost[j].1 as usize;
            for g in s + 1..j {
                self.dp_join[g] = true;
            }
            j = s;
        }
    }

    /// Features of the gap before token `i` (which must be a joinable gap), given
    /// the decision at the previous gap, into `self.feats`.
    pub fn gap_features(&mut self, i: usize) {
        let n = self.keys.len();
        let key = |j: isize| -> u64 {
            if j < 0 {
                BOS
            } else if j as usize >= n {
                EOS
            } else {
                self.keys[j as usize]
            }
        };
        let shp = |j: isize| -> u64 {
            if j < 0 || j as usize >= n {
                15
            } else {
                u64::from(self.shapes[j as usize])
            }
        };
        let ii = i as isize;
        let (k2, k1, k0, kp1) = (key(ii - 2), key(ii - 1), key(ii), key(ii + 1));
        let (s2, s1, s0, sp1) = (shp(ii - 2), shp(ii - 1), shp(ii), shp(ii + 1));
        let prev = u64::from(self.gap[i - 1] && self.join[i - 1]);
        // whether the left syllable opens the sentence (after start or punctuation)
        let left_open = u64::from(i < 2 || (4..32).contains(&self.shapes[i - 2]));
        let a = u64::from(self.assoc[i]);
        let pmi = a & 15;
        let pmi_prev = u64::from(self.assoc[i - 1] & 15);
        let pmi_next = if i + 1 < n {
            u64::from(self.assoc[i + 1] & 15)
        } else {
            0
        };
        let cmp = |x: u64, y: u64| -> u64 {
            match x.cmp(&y) {
                std::cmp::Ordering::Less => 0,
                std::cmp::Ordering::Equal => 1,
                std::cmp::Ordering::Greater => 2,
            }
        };
        let f = &mut self.feats;
        f.clear();
        f.push(mix(1, 0));
        f.push(mix(2, k1));
        f.push(mix(3, k0));
        f.push(mix(4, k2));
        f.push(mix(5, kp1));
        f.push(mix(mix(6, k1), k0));
        f.push(mix(mix(7, k2), k1));
        f.push(mix(mix(8, k0), kp1));
        f.push(mix(mix(mix(9, k2), k1), k0));
        f.push(mix(mix(mix(10, k1), k0), kp1));
        f.push(mix(11, s1 << 8 | s0));
        f.push(mix(12, s2 << 24 | s1 << 16 | s0 << 8 | sp1));
        f.push(mix(14, prev << 16 | s1 << 8 | s0 | left_open << 20));
        f.push(mix(mix(15, prev), k1));
        f.push(mix(16, u64::from(k1 == k0)));
        f.push(mix(40, pmi));
        f.push(mix(41, a));
        f.push(mix(
            42,
            pmi << 8 | cmp(pmi, pmi_prev) << 4 | cmp(pmi, pmi_next),
        ));
        f.push(mix(
            43,
            pmi << 8 | u64::from(self.cross[i][2].min(3)) << 4 | prev,
        ));
        f.push(mix(
            45,
            pmi << 16
                | u64::from(self.cross[i][0].min(3)) << 8
                | u64::from(self.cross[i][1].min(3)) << 4
                | u64::from(self.dp_join[i]),
        ));
        let dp = u64::from(self.dp_join[i]);
        let dp_prev = u64::from(self.dp_join[i - 1]);
        let dp_next = u64::from(i + 1 < n && self.dp_join[i + 1]);
        f.push(mix(31, dp << 8 | dp_prev << 4 | dp_next | prev << 12));
        for s in 0..3 {
            let cross = u64::from(self.cross[i][s]);
            let end_before = u64::from(self.ends[i - 1][s]);
            let start_here = u64::from(self.starts[i][s]);
            let t = 20 + s as u64 * 4;
            f.push(mix(
                t + 1,
                cross << 16 | end_before.min(4) << 8 | start_here.min(4),
            ));
            if s == 2 {
                f.push(mix(t + 2, cross << 24 | prev << 16 | s1 << 8 | s0));
            }
        }
        // raw-text candidates: slot 3, after the "either" shape feature
        f.push(mix(
            33,
            u64::from(self.cross[i][3]) << 24
                | u64::from(self.ends[i - 1][3].min(4)) << 20
                | u64::from(self.starts[i][3].min(4)) << 16
                | s1 << 8
                | s0,
        ));
        let (sino1, sino0) = (u64::from(self.sino[i - 1]), u64::from(self.sino[i]));
        f.push(mix(
            48,
            sino1 << 8 | sino0 << 4 | u64::from(self.cross[i][2].min(1)),
        ));
        f.push(mix(49, sino1 << 12 | sino0 << 8 | pmi));
        if self.suffix[i] {
            f.push(mix(
                47,
                u64::from(self.ends[i - 1][2].min(4)) << 8
                    | u64::from(self.starts[i][2].min(3)) << 4
                    | prev,
            ));
        }
    }
}

/// Tokens that may be parts of multi-syllable words: Vietnamese syllables and
/// foreign words (`Muay_Thái`, `Li_Xinmei`); typed tokens (numbers, dates, codes,
/// punctuation, ...) are always words of their own.
pub fn joinable(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Syllable | TokenKind::Foreign)
}

/// Whitespace only, with at most one line break (`s` lies between two tokens,
/// on character boundaries).
fn joinable_space(b: &[u8]) -> bool {
    if b == b" " {
        return true;
    }
    let Ok(s) = std::str::from_utf8(b) else {
        return false;
    };
    let mut newlines = 0;
    for c in s.chars() {
        if !c.is_whitespace() {
            return false;
        }
        if c == '\n' {
            newlines += 1;
        }
    }
    newlines <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_association_class_reads_back_its_pmi_and_count() {
        // 8 pairs of 16 a's and 16 b's in 1024 syllables: ln(8 · 1024 / 256) = ln 32 ≈ 3.47
        assert_eq!(assoc_pmi_count(assoc_class(8, 16, 16, 1024)), (3, 3));
        // clipped at both ends
        assert_eq!(assoc_pmi_count(assoc_class(1, 1, 1, 1 << 40)), (11, 0));
        assert_eq!(
            assoc_pmi_count(assoc_class(1, 1 << 20, 1 << 20, 1 << 20)),
            (-3, 0)
        );
        assert_eq!(assoc_pmi_count(0), (-4, 0));
    }
}

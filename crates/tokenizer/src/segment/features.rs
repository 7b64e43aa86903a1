//! Features of the gaps between syllables (shared by the segmenter and its trainer).
//!
//! Every gap between two syllable tokens separated only by spaces (at most one line
//! break) is a decision: *join* (same word) or *split*. The classifier scores a gap
//! from hashed features of the syllables around it, the letter-case shapes, the
//! dictionary words that cover or touch it, and the decision taken at the previous
//! gap (left-to-right greedy decoding).

use super::fold::{mix, shape, syllable_key};
use super::table::KeyTable;
use crate::token::{Token, TokenKind};

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
        if keys.len() >= 2 && keys.len() <= MAX_WORD {
            *self.words.entry(word_key(keys)) |= source;
        }
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

const BOS: u64 = 0xB05;
const EOS: u64 = 0xE05;
const SOURCES: usize = 2;

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
    cross: Vec<[u8; SOURCES]>,
    /// Per source: longest dictionary word ending at token `i`.
    ends: Vec<[u8; SOURCES]>,
    /// Per source: longest dictionary word starting at token `i`.
    starts: Vec<[u8; SOURCES]>,
    /// Feature buffer.
    pub feats: Vec<u64>,
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
    pub fn prepare(&mut self, text: &str, tokens: &[Token], dicts: &[&Dict]) {
        let n = tokens.len();
        self.keys.clear();
        self.shapes.clear();
        self.gap.clear();
        self.join.clear();
        self.cross.clear();
        self.ends.clear();
        self.starts.clear();
        for (i, t) in tokens.iter().enumerate() {
            let s = &text[t.start..t.end];
            if t.kind == TokenKind::Syllable {
                self.keys.push(syllable_key(s));
                self.shapes.push(shape(s));
            } else {
                let k = match t.kind {
                    TokenKind::Punct | TokenKind::Symbol => mix(0x9C7, syllable_key(s)),
                    k => mix(0x7E9, kind_id(k)),
                };
                self.keys.push(k);
                self.shapes.push(4 + t.kind as u8);
            }
            let ok = i > 0
                && t.kind == TokenKind::Syllable
                && tokens[i - 1].kind == TokenKind::Syllable
                && joinable_space(&text[tokens[i - 1].end.min(t.start)..t.start]);
            self.gap.push(ok);
        }
        self.join.resize(n, false);
        self.cross.resize(n, [0; SOURCES]);
        self.ends.resize(n, [0; SOURCES]);
        self.starts.resize(n, [0; SOURCES]);
        for dict in dicts.iter().filter(|d| !d.words.is_empty()) {
            for i in 0..n {
                if tokens[i].kind != TokenKind::Syllable {
                    continue;
                }
                let mut h = mix(0x5EED, self.keys[i]);
                let mut j = i + 1;
                while j < n && j - i < MAX_WORD && self.gap[j] {
                    h = mix(h, self.keys[j]);
                    let len = (j - i + 1) as u8;
                    let src = dict.get(h);
                    for s in 0..SOURCES {
                        if src & (1 << s) != 0 {
                            self.starts[i][s] = self.starts[i][s].max(len);
                            self.ends[j][s] = self.ends[j][s].max(len);
                            for g in i + 1..=j {
                                self.cross[g][s] = self.cross[g][s].max(len);
                            }
                        }
                    }
                    j += 1;
                }
            }
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
        let left_open = u64::from(i < 2 || self.shapes[i - 2] >= 4);
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
        f.push(mix(13, prev));
        f.push(mix(14, prev << 16 | s1 << 8 | s0 | left_open << 20));
        f.push(mix(mix(15, prev), k1));
        f.push(mix(16, u64::from(k1 == k0)));
        for s in 0..SOURCES {
            let cross = u64::from(self.cross[i][s]);
            let end_before = u64::from(self.ends[i - 1][s]);
            let start_here = u64::from(self.starts[i][s]);
            let t = 20 + s as u64 * 4;
            f.push(mix(t, cross));
            f.push(mix(
                t + 1,
                cross << 16 | end_before.min(4) << 8 | start_here.min(4),
            ));
            f.push(mix(t + 2, cross << 24 | prev << 16 | s1 << 8 | s0));
            f.push(mix(mix(t + 3, cross.min(1)), k1));
        }
    }
}

/// Whitespace only, with at most one line break.
fn joinable_space(s: &str) -> bool {
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

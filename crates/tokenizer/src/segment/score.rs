//! Fast gap scoring: the sum [`super::Model::score`] takes over
//! [`Scratch::gap_features`], term by term in the same order (so the same `f32`), with
//! the features of small domains (letter-case shapes, dictionary evidence, association
//! classes, the previous decision) read from dense arrays filled once at model load
//! instead of being hashed and probed. The weights of the single-syllable features
//! are read once per token ([`GapScorer::unigrams_into`]) from a table of the syllables
//! the model knows (recovered from its feature keys, [`unmix`]); only the syllable
//! bigrams and trigrams are hashed per gap.

use super::features::{Scratch, BOS, EOS, MAX_WORD, SOURCES};
use super::fold::{mix, unmix};
use super::table::WeightTable;

/// Shapes of joinable tokens (syllables 0..=3, foreign words 32..=35) packed into 0..8.
const JS: usize = 8;
/// Any token shape (0..=17: syllables and 4 + kind; 32..=35: foreign) packed into 0..22.
const AS: usize = 22;
/// Dictionary word lengths 0..=MAX_WORD.
const LEN: usize = MAX_WORD + 1;

#[inline]
fn joinable_shape(s: u8) -> usize {
    debug_assert!(s < 4 || (32..36).contains(&s));
    usize::from((s & 3) | ((s >> 5) << 2))
}

#[inline]
fn any_shape(s: u8) -> usize {
    debug_assert!(s < 18 || (32..36).contains(&s));
    if s < 32 {
        usize::from(s)
    } else {
        usize::from(s - 14)
    }
}

/// The shape value of a packed index of [`any_shape`].
fn shape_of_any(i: usize) -> u64 {
    if i < 18 {
        i as u64
    } else {
        i as u64 + 14
    }
}

/// The shape value of a packed index of [`joinable_shape`].
fn shape_of_joinable(i: usize) -> u64 {
    ((i as u64) & 3) | ((i as u64) >> 2) << 5
}

/// Feature type of the single-syllable features, in [`Unigrams`] order: the token
/// left of the gap, right of it, two left, two right.
const UNIGRAM_TYPES: [u64; 4] = [2, 3, 4, 5];

/// The weights of the features of one syllable key alone: types 2, 3, 4, 5, then
/// type 15 (left syllable with the previous decision) for a split and a joined
/// previous gap.
pub type Unigrams = [f32; 6];

/// The [`Unigrams`] of the syllable keys met lately (direct-mapped by key, key 0:
/// empty), for the scorer of one model: kept per thread with the other buffers.
#[derive(Debug, Clone, Default)]
pub struct UnigramMemo {
    /// The id of the model whose weights the slots hold.
    model: u64,
    slots: Vec<(u64, Unigrams)>,
}

impl UnigramMemo {
    const SLOTS: usize = 1 << 12;
}

/// Feature weights laid out for [`GapScorer::score`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GapScorer {
    /// Hashed weights (syllable n-grams).
    table: WeightTable,
    /// [`Unigrams`] of the syllable keys seen in training, by key (open addressing,
    /// key 0: empty slot); other keys are looked up in `table`.
    syllables: Vec<(u64, Unigrams)>,
    /// [`Unigrams`] of the sentence-boundary keys.
    bos: Unigrams,
    eos: Unigrams,
    bias: f32,
    /// Feature 11: `[s1][s0]`.
    shape2: Vec<f32>,
    /// Feature 12: `[s2][s1][s0][s+1]`.
    shape4: Vec<f32>,
    /// Feature 14: `[prev][left_open][s1][s0]`.
    shape_prev: Vec<f32>,
    /// Feature 16: `[k1 == k0]`.
    repeat: [f32; 2],
    /// Feature 40: `[pmi]`.
    pmi: [f32; 16],
    /// Feature 41: `[assoc]`.
    assoc: Vec<f32>,
    /// Feature 42: `[pmi][cmp prev][cmp next]`.
    pmi_cmp: Vec<f32>,
    /// Feature 43: `[pmi][cross either][prev]` (the feature clips cross at 3).
    pmi_cross: Vec<f32>,
    /// Feature 45: `[pmi][cross dict][cross lexicon][dp]` (clipped at 3).
    pmi_sources: Vec<f32>,
    /// Feature 31: `[prev][dp][dp_prev][dp_next]`.
    dp: [f32; 16],
    /// Features 21, 25, 29: `[source][cross][end before][start here]` (the last two
    /// clipped at 4).
    dict: Vec<f32>,
    /// Feature 30: `[cross either][prev][s1][s0]`.
    dict_shape: Vec<f32>,
    /// Feature 33 (place names, raw-text candidates): `[cross][end before min 4][start
    /// here min 4][s1][s0]`.
    extra: Vec<f32>,
    /// Feature 47 (before a suffix): `[end before min 4][start here min 3][prev]`.
    suffix: Vec<f32>,
    /// Feature 48: `[Sino-Vietnamese before][Sino-Vietnamese after][in the dictionary]`.
    sino_cross: [f32; 8],
    /// Feature 49: `[Sino-Vietnamese before][Sino-Vietnamese after][pmi]`.
    sino_pmi: Vec<f32>,
}

impl GapScorer {
    /// Lay out the weights of `table`, whose feature keys are `keys`.
    pub fn build(table: WeightTable, keys: &[u64]) -> GapScorer {
        let syllables = syllable_table(&table, keys);
        let (bos, eos) = (unigrams_from(&table, BOS), unigrams_from(&table, EOS));
        let w = |k: u64| table.get(k);
        let bias = w(mix(1, 0));
        let Shapes {
            shape2,
            shape_prev,
            dict_shape,
            shape4,
        } = Shapes::new(&table);
        let repeat = [w(mix(16, 0)), w(mix(16, 1))];
        let pmi = std::array::from_fn(|p| w(mix(40, p as u64)));
        let assoc = (0..256u64).map(|a| w(mix(41, a))).collect();
        let (pmi_cmp, pmi_cross, pmi_sources) = pmi_tables(&table);
        let dp = std::array::from_fn(|x| {
            let x = x as u64;
            let (prev, dp, dp_prev, dp_next) = (x >> 3, (x >> 2) & 1, (x >> 1) & 1, x & 1);
            w(mix(31, dp << 8 | dp_prev << 4 | dp_next | prev << 12))
        });
        let extra = extra_table(&table);
        let dict = dict_table(&table);
        let suffix = (0..5 * 4 * 2)
            .map(|x| {
                let (end, start, prev) = (x / 8, (x / 2) % 4, x % 2);
                w(mix(
                    47,
                    (end as u64) << 8 | (start as u64) << 4 | prev as u64,
                ))
            })
            .collect();
        let sino_cross = std::array::from_fn(|x| {
            let x = x as u64;
            w(mix(48, (x >> 2) << 8 | ((x >> 1) & 1) << 4 | (x & 1)))
        });
        let sino_pmi = (0..64u64)
            .map(|x| w(mix(49, (x >> 5) << 12 | ((x >> 4) & 1) << 8 | (x & 15))))
            .collect();
        GapScorer {
            sino_cross,
            sino_pmi,
            suffix,
            extra,
            table,
            syllables,
            bos,
            eos,
            bias,
            shape2,
            shape4,
            shape_prev,
            repeat,
            pmi,
            assoc,
            pmi_cmp,
            pmi_cross,
            pmi_sources,
            dp,
            dict,
            dict_shape,
        }
    }

    /// The hashed weight of one feature key (0 when absent).
    #[inline]
    pub fn weight(&self, key: u64) -> f32 {
        self.table.get(key)
    }

    /// The [`Unigrams`] of a syllable key.
    #[inline]
    pub fn unigrams(&self, key: u64) -> Unigrams {
        if key != 0 && !self.syllables.is_empty() {
            let mask = self.syllables.len() - 1;
            let mut i = (key as usize) & mask;
            loop {
                let (k, w) = &self.syllables[i];
                if *k == key {
                    return *w;
                }
                if *k == 0 {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        unigrams_from(&self.table, key)
    }

    /// The [`Unigrams`] of each key, into `out` (cleared first).
    pub fn unigrams_into(&self, keys: &[u64], out: &mut Vec<Unigrams>) {
        out.clear();
        out.extend(keys.iter().map(|&k| self.unigrams(k)));
    }

    /// [`GapScorer::unigrams_into`] through `memo`, which holds the [`Unigrams`] of
    /// keys seen before for the scorer of model `id` (emptied for another model).
    pub fn unigrams_memo_into(
        &self,
        id: u64,
        keys: &[u64],
        memo: &mut UnigramMemo,
        out: &mut Vec<Unigrams>,
    ) {
        if memo.model != id || memo.slots.is_empty() {
            memo.model = id;
            memo.slots.clear();
            memo.slots.resize(UnigramMemo::SLOTS, (0, [0.0; 6]));
        }
        out.clear();
        out.extend(keys.iter().map(|&k| {
            let slot = &mut memo.slots[(k >> 52) as usize & (UnigramMemo::SLOTS - 1)];
            if slot.0 == k && k != 0 {
                return slot.1;
            }
            let u = self.unigrams(k);
            *slot = (k, u);
            u
        }));
    }

    /// The score of the joinable gap before token `i` of `s` (after
    /// [`Scratch::prepare`] and the decisions at the gaps before it), given the
    /// [`Unigrams`] of its tokens ([`GapScorer::unigrams_into`] of `s.keys`): equal to
    /// `model.score(&s.feats)` after `s.gap_features(i)`.
    #[inline]
    pub fn score(&self, s: &Scratch, uni: &[Unigrams], i: usize) -> f32 {
        let v = View::new(s, uni);
        assert!(i >= 1 && i < v.n, "gap {i} out of range");
        self.score_at(&v, i, s.gap[i - 1] && s.join[i - 1])
    }

    /// Decide every joinable gap of `s` left to right into `s.join` (after
    /// [`Scratch::prepare`]), given the [`Unigrams`] of its tokens: the decisions of
    /// [`GapScorer::score`] `> 0`, gap after gap, except where `forced` (empty, or
    /// one entry a token) says 1 (split) or 2 (join).
    pub fn decide(&self, s: &mut Scratch, uni: &[Unigrams], forced: &[u8]) {
        // the decisions are written apart from the arrays the scores read
        let mut decisions = std::mem::take(&mut s.join);
        let v = View::new(s, uni);
        let n = v.n;
        let gap = &s.gap[..n];
        let join = &mut decisions[..n];
        let mut prev = false;
        for i in 1..n {
            let joined = gap[i]
                && match forced.get(i) {
                    Some(1) => false,
                    Some(2) => true,
                    _ => self.score_at(&v, i, prev) > 0.0,
                };
            join[i] = joined;
            prev = joined;
        }
        s.join = decisions;
    }

    /// [`GapScorer::score`] of gap `i` (`1 <= i < v.n`), `prev`: the gap before it is joined.
    #[inline(always)]
    fn score_at(&self, s: &View, i: usize, prev: bool) -> f32 {
        let n = s.n;
        let uni = s.uni;
        let (k2, k1, k0) = (
            if i >= 2 { s.keys[i - 2] } else { BOS },
            s.keys[i - 1],
            s.keys[i],
        );
        let kp1 = if i + 1 < n { s.keys[i + 1] } else { EOS };
        let (u2, u1, u0) = (
            if i >= 2 { &uni[i - 2] } else { &self.bos },
            &uni[i - 1],
            &uni[i],
        );
        let up1 = if i + 1 < n { &uni[i + 1] } else { &self.eos };
        let s2 = if i >= 2 {
            any_shape(s.shapes[i - 2])
        } else {
            15
        };
        let sp1 = if i + 1 < n {
            any_shape(s.shapes[i + 1])
        } else {
            15
        };
        let (s1, s0) = (joinable_shape(s.shapes[i - 1]), joinable_shape(s.shapes[i]));
        let prev = usize::from(prev);
        let left_open = usize::from(i < 2 || (4..32).contains(&s.shapes[i - 2]));
        let a = s.assoc[i];
        let pmi = usize::from(a & 15);
        let pmi_prev = usize::from(s.assoc[i - 1] & 15);
        let pmi_next = if i + 1 < n {
            usize::from(s.assoc[i + 1] & 15)
        } else {
            0
        };
        let cross = s.cross[i];
        let ends = s.ends[i - 1];
        let starts = s.starts[i];
        let dp = usize::from(s.dp_join[i]);
        let dp_prev = usize::from(s.dp_join[i - 1]);
        let dp_next = usize::from(i + 1 < n && s.dp_join[i + 1]);

        let t = &self.table;
        let mut acc = self.bias;
        acc += u1[0];
        acc += u0[1];
        acc += u2[2];
        acc += up1[3];
        acc += t.get(mix(mix(6, k1), k0));
        acc += t.get(mix(mix(7, k2), k1));
        acc += t.get(mix(mix(8, k0), kp1));
        acc += t.get(mix(mix(mix(9, k2), k1), k0));
        acc += t.get(mix(mix(mix(10, k1), k0), kp1));
        acc += self.shape2[s1 * JS + s0];
        acc += self.shape4[((s2 * JS + s1) * JS + s0) * AS + sp1];
        acc += self.shape_prev[((prev * 2 + left_open) * JS + s1) * JS + s0];
        acc += u1[4 + prev];
        acc += self.repeat[usize::from(k1 == k0)];
        acc += self.pmi[pmi];
        acc += self.assoc[usize::from(a)];
        let c = cmp3(pmi, pmi_prev) * 3 + cmp3(pmi, pmi_next);
        acc += self.pmi_cmp[pmi * 9 + c];
        acc += self.pmi_cross[(pmi * LEN + usize::from(cross[2])) * 2 + prev];
        acc += self.pmi_sources
            [((pmi * LEN + usize::from(cross[0])) * LEN + usize::from(cross[1])) * 2 + dp];
        acc += self.dp[prev << 3 | dp << 2 | dp_prev << 1 | dp_next];
        let dict = |src: usize| {
            self.dict[((src * LEN + usize::from(cross[src])) * LEN + usize::from(ends[src])) * LEN
                + usize::from(starts[src])]
        };
        acc += dict(0);
        acc += dict(1);
        acc += dict(2);
        acc += self.dict_shape[((usize::from(cross[2]) * 2 + prev) * JS + s1) * JS + s0];
        acc += self.extra[(((usize::from(cross[3]) * 5 + usize::from(ends[3].min(4))) * 5
            + usize::from(starts[3].min(4)))
            * JS
            + s1)
            * JS
            + s0];
        let sino = usize::from(s.sino[i - 1]) * 2 + usize::from(s.sino[i]);
        acc += self.sino_cross[sino * 2 + usize::from(cross[2].min(1))];
        acc += self.sino_pmi[sino * 16 + pmi];
        if s.suffix[i] {
            let end_before = usize::from(ends[2].min(4));
            let start_here = usize::from(starts[2].min(3));
            acc += self.suffix[(end_before * 4 + start_here) * 2 + prev];
        }
        acc
    }
}

/// 0, 1, 2 when `x` is less than, equal to, greater than `y`.
#[inline(always)]
fn cmp3(x: usize, y: usize) -> usize {
    usize::from(x >= y) + usize::from(x > y)
}

/// The per-token arrays of a prepared [`Scratch`] that [`GapScorer::score_at`]
/// reads, all cut to the number of tokens (so indexing below it needs no check).
struct View<'a> {
    n: usize,
    keys: &'a [u64],
    shapes: &'a [u8],
    assoc: &'a [u8],
    cross: &'a [[u8; SOURCES]],
    ends: &'a [[u8; SOURCES]],
    starts: &'a [[u8; SOURCES]],
    dp_join: &'a [bool],
    suffix: &'a [bool],
    sino: &'a [u8],
    uni: &'a [Unigrams],
}

impl<'a> View<'a> {
    #[inline(always)]
    fn new(s: &'a Scratch, uni: &'a [Unigrams]) -> View<'a> {
        let n = s.keys.len();
        View {
            n,
            keys: &s.keys[..n],
            shapes: &s.shapes[..n],
            assoc: &s.assoc[..n],
            cross: &s.cross[..n],
            ends: &s.ends[..n],
            starts: &s.starts[..n],
            dp_join: &s.dp_join[..n],
            suffix: &s.suffix[..n],
            sino: &s.sino[..n],
            uni: &uni[..n],
        }
    }
}

/// The [`Unigrams`] of `key` read from the hashed table.
fn unigrams_from(table: &WeightTable, key: u64) -> Unigrams {
    [
        table.get(mix(UNIGRAM_TYPES[0], key)),
        table.get(mix(UNIGRAM_TYPES[1], key)),
        table.get(mix(UNIGRAM_TYPES[2], key)),
        table.get(mix(UNIGRAM_TYPES[3], key)),
        table.get(mix(mix(15, 0), key)),
        table.get(mix(mix(15, 1), key)),
    ]
}

/// The single-syllable weights of the syllable keys with weights for at least two of
/// their single-syllable features (types 2 to 5), in an open-addressing table: a feature
/// key inverted under a wrong type gives a random key, which is kept only if it inverts
/// from another key too (and is harmless then: its weights are read from `table`).
fn syllable_table(table: &WeightTable, keys: &[u64]) -> Vec<(u64, [f32; 6])> {
    let mut candidates: Vec<u64> = Vec::with_capacity(keys.len() * UNIGRAM_TYPES.len());
    for &k in keys {
        candidates.extend(UNIGRAM_TYPES.iter().map(|&t| unmix(t, k)));
    }
    candidates.sort_unstable();
    let mut known: Vec<u64> = candidates
        .chunk_by(|a, b| a == b)
        .filter(|run| run.len() >= 2 && run[0] != 0)
        .map(|run| run[0])
        .collect();
    known.dedup();
    let cap = (known.len() * 2).next_power_of_two().max(16);
    let mut syllables = vec![(0u64, [0f32; 6]); cap];
    for k in known {
        let mut i = (k as usize) & (cap - 1);
        while syllables[i].0 != 0 {
            i = (i + 1) & (cap - 1);
        }
        syllables[i] = (k, unigrams_from(table, k));
    }
    syllables
}

/// The weights of the shape features, indexed by the shapes' small numbers.
struct Shapes {
    shape2: Vec<f32>,
    shape_prev: Vec<f32>,
    dict_shape: Vec<f32>,
    shape4: Vec<f32>,
}

impl Shapes {
    fn new(table: &WeightTable) -> Shapes {
        let w = |k: u64| table.get(k);
        let mut shape2 = vec![0.0; JS * JS];
        let mut shape_prev = vec![0.0; 2 * 2 * JS * JS];
        let mut dict_shape = vec![0.0; LEN * 2 * JS * JS];
        for s1 in 0..JS {
            for s0 in 0..JS {
                let (v1, v0) = (shape_of_joinable(s1), shape_of_joinable(s0));
                shape2[s1 * JS + s0] = w(mix(11, v1 << 8 | v0));
                for prev in 0..2u64 {
                    for open in 0..2u64 {
                        shape_prev[((prev as usize * 2 + open as usize) * JS + s1) * JS + s0] =
                            w(mix(14, prev << 16 | v1 << 8 | v0 | open << 20));
                    }
                    for cross in 0..LEN {
                        dict_shape[((cross * 2 + prev as usize) * JS + s1) * JS + s0] =
                            w(mix(30, (cross as u64) << 24 | prev << 16 | v1 << 8 | v0));
                    }
                }
            }
        }
        let mut shape4 = vec![0.0; AS * JS * JS * AS];
        for s2 in 0..AS {
            for s1 in 0..JS {
                for s0 in 0..JS {
                    for sp1 in 0..AS {
                        let v = shape_of_any(s2) << 24
                            | shape_of_joinable(s1) << 16
                            | shape_of_joinable(s0) << 8
                            | shape_of_any(sp1);
                        shape4[((s2 * JS + s1) * JS + s0) * AS + sp1] = w(mix(12, v));
                    }
                }
            }
        }
        Shapes {
            shape2,
            shape_prev,
            dict_shape,
            shape4,
        }
    }
}

/// The weights of the association features against the dictionary lengths (the lengths
/// 0..=MAX_WORD index the tables as they are: the entries of the lengths a feature clips
/// repeat the weight of the clipped value).
fn pmi_tables(table: &WeightTable) -> (Vec<f32>, Vec<f32>, Vec<f32>) {
    let w = |k: u64| table.get(k);
    let mut pmi_cmp = vec![0.0; 16 * 9];
    let mut pmi_cross = vec![0.0; 16 * LEN * 2];
    let mut pmi_sources = vec![0.0; 16 * LEN * LEN * 2];
    for p in 0..16u64 {
        for c in 0..9u64 {
            pmi_cmp[(p * 9 + c) as usize] = w(mix(42, p << 8 | (c / 3) << 4 | (c % 3)));
        }
        for c in 0..LEN as u64 {
            for prev in 0..2u64 {
                pmi_cross[(p as usize * LEN + c as usize) * 2 + prev as usize] =
                    w(mix(43, p << 8 | c.min(3) << 4 | prev));
            }
            for c1 in 0..LEN as u64 {
                for dp in 0..2u64 {
                    pmi_sources
                        [((p as usize * LEN + c as usize) * LEN + c1 as usize) * 2 + dp as usize] =
                        w(mix(45, p << 16 | c.min(3) << 8 | c1.min(3) << 4 | dp));
                }
            }
        }
    }
    (pmi_cmp, pmi_cross, pmi_sources)
}

/// The weights of the dictionary features with the shapes of the two syllables.
fn extra_table(table: &WeightTable) -> Vec<f32> {
    let w = |k: u64| table.get(k);
    let mut extra = vec![0.0; LEN * 5 * 5 * JS * JS];
    for cross in 0..LEN {
        for end in 0..5 {
            for start in 0..5 {
                for s1 in 0..JS {
                    for s0 in 0..JS {
                        extra[(((cross * 5 + end) * 5 + start) * JS + s1) * JS + s0] = w(mix(
                            33,
                            (cross as u64) << 24
                                | (end as u64) << 20
                                | (start as u64) << 16
                                | shape_of_joinable(s1) << 8
                                | shape_of_joinable(s0),
                        ));
                    }
                }
            }
        }
    }
    extra
}

/// The weights of the dictionary match features.
fn dict_table(table: &WeightTable) -> Vec<f32> {
    let w = |k: u64| table.get(k);
    let mut dict = vec![0.0; 3 * LEN * LEN * LEN];
    for s in 0..3 {
        for cross in 0..LEN {
            for end in 0..LEN {
                for start in 0..LEN {
                    dict[((s * LEN + cross) * LEN + end) * LEN + start] = w(mix(
                        20 + s as u64 * 4 + 1,
                        (cross as u64) << 16 | (end.min(4) as u64) << 8 | start.min(4) as u64,
                    ));
                }
            }
        }
    }
    dict
}

#[cfg(test)]
mod tests {
    use crate::segment::features::Scratch;
    use crate::segment::Segmenter;
    use crate::tokenize;

    /// Every gap of the bundled corpus scores the same as the feature-list sum (the
    /// definition the trainer uses), including the gaps after each decision.
    #[test]
    fn same_score_as_feature_sum() {
        let seg = Segmenter::new();
        let model = seg.model();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .expect("corpus/")
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        texts.push("A B. Ông Nguyễn Văn A, iPhone X-2 và HĐND tỉnh www.x.vn 12/3 ...".into());
        texts.push(String::new());
        texts.push("một".into());
        let mut s = Scratch::new();
        let mut uni = Vec::new();
        let mut gaps = 0;
        for text in &texts {
            let tokens = tokenize(text);
            s.prepare(text, &tokens, model.lex());
            model.unigrams_into(&s.keys, &mut uni);
            for i in 1..tokens.len() {
                if s.gap[i] {
                    s.gap_features(i);
                    let want = model.score(&s.feats);
                    let got = model.score_gap(&s, &uni, i);
                    assert_eq!(want, got, "gap {i} of {:?}", &text[..text.len().min(80)]);
                    s.join[i] = got > 0.0;
                    gaps += 1;
                }
            }
        }
        assert!(gaps > 10_000, "{gaps} gaps");
    }
}

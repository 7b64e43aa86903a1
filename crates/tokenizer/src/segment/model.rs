//! The model file: dictionary keys and feature weights.
//!
//! Layout (little-endian): magic `TTSEGMDL`, `u32` version, `u32` number of
//! dictionary words `d`, `d` × `u64` word keys, `d` × `u8` source bits, `u32` number
//! of syllable bigrams `a`, `a` × `u64` bigram keys, `a` × `u8` association classes
//! (see [`super::features::assoc_class`]), `u32` number of features `f`, `f` × `u64` feature keys (sorted), `f` × `f32` weights.

use super::features::Dict;
use super::features::Scratch;
use super::score::{GapScorer, UnigramMemo, Unigrams};
use super::table::{KeyTable, LexTable, WeightTable};
use std::sync::atomic::{AtomicU64, Ordering};

/// File magic.
pub const MAGIC: &[u8; 8] = b"TTSEGMDL";
/// Format version written by this code.
pub const VERSION: u32 = 2;

/// A loaded model.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Dictionary words (general dictionary and training lexicon).
    pub dict: Dict,
    /// Association class of syllable bigrams seen in raw text (by [`super::features::word_key`]).
    pub assoc: KeyTable<u8>,
    /// Feature weights; a gap is joined when the sum is positive.
    pub weights: KeyTable<f32>,
    /// The weights packed for scoring.
    fast: GapScorer,
    /// Dictionary and association packed for lookups.
    lex: LexTable,
    /// Tells models apart for the per-thread memo of [`Unigrams`] (a clone keeps
    /// it: same weights); 0 for the empty default model.
    id: u64,
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "segmenter model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| ModelError("truncated".into()))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    /// `n` entries of `width` bytes each.
    fn entries(&mut self, n: usize, width: usize) -> Result<&'a [u8], ModelError> {
        self.take(
            n.checked_mul(width)
                .ok_or_else(|| ModelError("size".into()))?,
        )
    }

    /// A table's `n` little-endian 64-bit keys.
    fn keys(&mut self, n: usize) -> Result<impl Iterator<Item = u64> + 'a, ModelError> {
        Ok(self
            .entries(n, 8)?
            .chunks_exact(8)
            .map(|k| u64::from_le_bytes(k.try_into().unwrap())))
    }
}

impl Model {
    /// A model from its parts.
    pub fn new(dict: Dict, assoc: KeyTable<u8>, weights: KeyTable<f32>) -> Model {
        let (d, a, w) = (dict.words.sorted(), assoc.sorted(), weights.sorted());
        Model::with_sorted(dict, assoc, weights, &d, &a, &w)
    }

    /// [`Model::new`] given the entries of the three tables sorted by key (as
    /// [`KeyTable::sorted`] gives them).
    fn with_sorted(
        dict: Dict,
        assoc: KeyTable<u8>,
        weights: KeyTable<f32>,
        dict_sorted: &[(u64, u8)],
        assoc_sorted: &[(u64, u8)],
        entries: &[(u64, f32)],
    ) -> Model {
        let keys: Vec<u64> = entries.iter().map(|e| e.0).collect();
        let fast = GapScorer::build(WeightTable::build(entries), &keys);
        let lex = LexTable::build_sorted(dict_sorted, assoc_sorted);
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        Model {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            dict,
            assoc,
            weights,
            fast,
            lex,
        }
    }

    /// Parse a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError("bad magic".into()));
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(ModelError(format!("version {version}, expected {VERSION}")));
        }
        let d = r.u32()? as usize;
        let keys = r.keys(d)?;
        let dict_entries: Vec<(u64, u8)> = keys.zip(r.entries(d, 1)?.iter().copied()).collect();
        let a = r.u32()? as usize;
        let keys = r.keys(a)?;
        let assoc_entries: Vec<(u64, u8)> = keys.zip(r.entries(a, 1)?.iter().copied()).collect();
        let f = r.u32()? as usize;
        let keys = r.keys(f)?;
        let weight_entries: Vec<(u64, f32)> = keys
            .zip(
                r.entries(f, 4)?
                    .chunks_exact(4)
                    .map(|v| f32::from_le_bytes(v.try_into().unwrap())),
            )
            .collect();
        if r.pos != bytes.len() {
            return Err(ModelError("trailing bytes".into()));
        }
        let mut dict = Dict {
            words: KeyTable::with_capacity(d),
        };
        for &(k, s) in &dict_entries {
            dict.insert_key(k, s);
        }
        let mut assoc = KeyTable::with_capacity(a);
        for &(k, v) in &assoc_entries {
            *assoc.entry(k) = v;
        }
        let mut weights = KeyTable::with_capacity(f);
        for &(k, v) in &weight_entries {
            *weights.entry(k) = v;
        }
        // the file written by `to_bytes` lists each table sorted by key: the layout is
        // built from its order, the same as from the tables' own sorting
        fn sorted<V>(e: &[(u64, V)]) -> bool {
            e.first().is_none_or(|f| f.0 != 0) && e.windows(2).all(|w| w[0].0 < w[1].0)
        }
        if sorted(&dict_entries) && sorted(&assoc_entries) && sorted(&weight_entries) {
            Ok(Model::with_sorted(
                dict,
                assoc,
                weights,
                &dict_entries,
                &assoc_entries,
                &weight_entries,
            ))
        } else {
            Ok(Model::new(dict, assoc, weights))
        }
    }

    /// Serialize (deterministic: entries sorted by key).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        let dict = self.dict.words.sorted();
        out.extend_from_slice(&(dict.len() as u32).to_le_bytes());
        for (k, _) in &dict {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend(dict.iter().map(|(_, s)| *s));
        let assoc = self.assoc.sorted();
        out.extend_from_slice(&(assoc.len() as u32).to_le_bytes());
        for (k, _) in &assoc {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend(assoc.iter().map(|(_, s)| *s));
        let w = self.weights.sorted();
        out.extend_from_slice(&(w.len() as u32).to_le_bytes());
        for (k, _) in &w {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for (_, v) in &w {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// The packed dictionary and association table.
    pub fn lex(&self) -> &LexTable {
        &self.lex
    }

    /// Score of a feature set (sum of weights).
    #[inline]
    pub fn score(&self, feats: &[u64]) -> f32 {
        feats.iter().map(|&f| self.fast.weight(f)).sum()
    }

    /// Score of the joinable gap before token `i` of a prepared scratch, given the
    /// decisions before it and the tokens' [`Model::unigrams_into`]: the same value as [`Model::score`] over
    /// [`Scratch::gap_features`]`(i)`, computed without building the feature list.
    #[inline]
    pub fn score_gap(&self, s: &Scratch, unigrams: &[Unigrams], i: usize) -> f32 {
        self.fast.score(s, unigrams, i)
    }

    /// Decide every joinable gap of a prepared scratch into `s.join`, left to right:
    /// [`Model::score_gap`] `> 0`, except where `forced` (empty, or one entry a
    /// token) says 1 (split) or 2 (join).
    pub fn decide(&self, s: &mut Scratch, unigrams: &[Unigrams], forced: &[u8]) {
        self.fast.decide(s, unigrams, forced);
    }

    /// The single-syllable feature weights of each token key (`s.keys` after
    /// [`Scratch::prepare`]), for [`Model::score_gap`].
    pub fn unigrams_into(&self, keys: &[u64], out: &mut Vec<Unigrams>) {
        self.fast.unigrams_into(keys, out);
    }

    /// [`Model::unigrams_into`] through a memo of the keys seen before (kept across
    /// calls; emptied when used with another model).
    pub fn unigrams_memo_into(
        &self,
        keys: &[u64],
        memo: &mut UnigramMemo,
        out: &mut Vec<Unigrams>,
    ) {
        self.fast.unigrams_memo_into(self.id, keys, memo, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::BUNDLED_MODEL;

    /// The layout built from the file's sorted entries is the one built from the
    /// tables (the trainer's path, `Model::new`).
    #[test]
    fn sorted_load_builds_the_same_layout() {
        let m = Model::from_bytes(BUNDLED_MODEL).unwrap();
        let again = Model::new(m.dict.clone(), m.assoc.clone(), m.weights.clone());
        assert!(m.lex == again.lex);
        assert!(m.fast == again.fast);
        assert!(m.lex != LexTable::default() && m.fast != GapScorer::default());
        // a file whose tables are not sorted is read through the tables
        let mut w: Vec<(u64, f32)> = m.weights.sorted();
        w.reverse();
        let mut bytes = m.to_bytes();
        let f = w.len();
        let at = bytes.len() - f * 12;
        for (i, (k, v)) in w.iter().enumerate() {
            bytes[at + i * 8..at + i * 8 + 8].copy_from_slice(&k.to_le_bytes());
            bytes[at + f * 8 + i * 4..at + f * 8 + i * 4 + 4].copy_from_slice(&v.to_le_bytes());
        }
        let unsorted = Model::from_bytes(&bytes).unwrap();
        assert!(unsorted.fast == m.fast && unsorted.lex == m.lex);
        assert_eq!(unsorted.to_bytes(), BUNDLED_MODEL);
    }
}

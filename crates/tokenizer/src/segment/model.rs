//! The model file: dictionary keys and feature weights.
//!
//! Layout (little-endian): magic `TTSEGMDL`, `u32` version, `u32` number of
//! dictionary words `d`, `d` × `u64` word keys, `d` × `u8` source bits, `u32` number
//! of syllable bigrams `a`, `a` × `u64` bigram keys, `a` × `u8` association classes
//! (see [`super::features::assoc_class`]), `u32` number of features `f`, `f` × `u64` feature keys (sorted), `f` × `f32` weights.

use super::features::Dict;
use super::features::Scratch;
use super::score::{GapScorer, Unigrams};
use super::table::{KeyTable, LexTable, WeightTable};

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
}

impl Model {
    /// A model from its parts.
    pub fn new(dict: Dict, assoc: KeyTable<u8>, weights: KeyTable<f32>) -> Model {
        let entries = weights.sorted();
        let keys: Vec<u64> = entries.iter().map(|e| e.0).collect();
        let fast = GapScorer::build(WeightTable::build(&entries), &keys);
        let lex = LexTable::build(&dict.words, &assoc);
        Model {
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
        let keys = r.take(d.checked_mul(8).ok_or_else(|| ModelError("size".into()))?)?;
        let srcs = r.take(d)?;
        let mut dict = Dict {
            words: KeyTable::with_capacity(d),
        };
        for (k, s) in keys.chunks_exact(8).zip(srcs) {
            dict.insert_key(u64::from_le_bytes(k.try_into().unwrap()), *s);
        }
        let a = r.u32()? as usize;
        let keys = r.take(a.checked_mul(8).ok_or_else(|| ModelError("size".into()))?)?;
        let vals = r.take(a)?;
        let mut assoc = KeyTable::with_capacity(a);
        for (k, v) in keys.chunks_exact(8).zip(vals) {
            *assoc.entry(u64::from_le_bytes(k.try_into().unwrap())) = *v;
        }
        let f = r.u32()? as usize;
        let keys = r.take(f.checked_mul(8).ok_or_else(|| ModelError("size".into()))?)?;
        let vals = r.take(f * 4)?;
        let mut weights = KeyTable::with_capacity(f);
        for (k, v) in keys.chunks_exact(8).zip(vals.chunks_exact(4)) {
            *weights.entry(u64::from_le_bytes(k.try_into().unwrap())) =
                f32::from_le_bytes(v.try_into().unwrap());
        }
        if r.pos != bytes.len() {
            return Err(ModelError("trailing bytes".into()));
        }
        Ok(Model::new(dict, assoc, weights))
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

    /// The single-syllable feature weights of each token key (`s.keys` after
    /// [`Scratch::prepare`]), for [`Model::score_gap`].
    pub fn unigrams_into(&self, keys: &[u64], out: &mut Vec<Unigrams>) {
        self.fast.unigrams_into(keys, out);
    }
}

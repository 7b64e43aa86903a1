//! The segmenter as a Hugging Face `tokenizers` pre-tokenizer (feature `hf`).
//!
//! PhoBERT-style models expect text segmented into words with `_`-joined
//! syllables (`Ban_Chấp_hành Đảng_bộ huyện`) before BPE. [`VietnamesePreTokenizer`]
//! does that inside a `tokenizers` pipeline: it splits each piece into words and
//! replaces the spaces inside a word by `_`, keeping the offsets of every piece
//! aligned with the original text, so `Encoding::get_offsets` points at the raw
//! input. [`with_segmenter`] swaps it into a tokenizer loaded from a
//! `tokenizer.json`.
//!
//! ```no_run
//! # #[cfg(feature = "hf")] {
//! use tomtat_tokenizer::segment::hf::with_segmenter;
//! use tomtat_tokenizer::Segmenter;
//! let tok = tokenizers::Tokenizer::from_file("tokenizer.json").unwrap();
//! let tok = with_segmenter(tok, Segmenter::new());
//! let enc = tok.encode("Ban Chấp hành Đảng bộ huyện", false).unwrap();
//! # }
//! ```

use super::{Scratch, Segmenter};
use crate::token::tokenize_into;
use tokenizers::decoders::DecoderWrapper;
use tokenizers::normalizers::NormalizerWrapper;
use tokenizers::processors::PostProcessorWrapper;
use tokenizers::tokenizer::normalizer::Range;
use tokenizers::tokenizer::{
    NormalizedString, OffsetReferential, OffsetType, PreTokenizedString, PreTokenizer, Result,
};
use tokenizers::{ModelWrapper, Tokenizer, TokenizerImpl};

/// Splits text into segmented words, `_`-joined, offsets kept.
#[derive(Debug, Clone, Default)]
pub struct VietnamesePreTokenizer {
    segmenter: Segmenter,
}

impl VietnamesePreTokenizer {
    /// A pre-tokenizer with this segmenter (user words included).
    pub fn new(segmenter: Segmenter) -> Self {
        VietnamesePreTokenizer { segmenter }
    }

    /// The `_`-joined words of `normalized` as slices aligned with the original.
    fn split_words(&self, normalized: NormalizedString) -> Result<Vec<NormalizedString>> {
        let text = normalized.get().to_owned();
        let mut tokens = Vec::new();
        tokenize_into(&text, &mut tokens);
        let mut words = Vec::new();
        self.segmenter
            .segment_with(&mut Scratch::new(), &text, &tokens, &mut words);
        let mut out = Vec::with_capacity(words.len());
        for w in &words {
            let Some(mut piece) = normalized.slice(Range::Normalized(w.start..w.end)) else {
                continue;
            };
            if w.tokens.1 - w.tokens.0 > 1 {
                piece.replace(|c: char| c.is_whitespace(), "_")?;
            }
            out.push(piece);
        }
        Ok(out)
    }
}

impl PreTokenizer for VietnamesePreTokenizer {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        pretokenized.split(|_, normalized| self.split_words(normalized))
    }
}

/// A tokenizer whose pre-tokenizer is the Vietnamese segmenter.
pub type VietnameseTokenizer = TokenizerImpl<
    ModelWrapper,
    NormalizerWrapper,
    VietnamesePreTokenizer,
    PostProcessorWrapper,
    DecoderWrapper,
>;

/// Replace the pre-tokenizer of `tokenizer` (e.g. loaded from a PhoBERT-style
/// `tokenizer.json`) by the segmenter; model, normalizer, post-processor and
/// decoder are kept.
pub fn with_segmenter(tokenizer: Tokenizer, segmenter: Segmenter) -> VietnameseTokenizer {
    let inner = tokenizer.into_inner();
    let mut out = VietnameseTokenizer::new(inner.get_model().clone());
    out.with_normalizer(inner.get_normalizer().cloned())
        .with_pre_tokenizer(Some(VietnamesePreTokenizer::new(segmenter)))
        .with_post_processor(inner.get_post_processor().cloned())
        .with_decoder(inner.get_decoder().cloned());
    out
}

/// The `_`-joined words of `text` with their byte offsets in `text`, through the
/// pre-tokenizer (handy to check alignment).
pub fn pre_tokenize_str(
    pre: &VietnamesePreTokenizer,
    text: &str,
) -> Result<Vec<(String, (usize, usize))>> {
    let mut p = PreTokenizedString::from(text);
    pre.pre_tokenize(&mut p)?;
    Ok(p.get_splits(OffsetReferential::Original, OffsetType::Byte)
        .into_iter()
        .map(|(s, o, _)| (s.to_owned(), o))
        .collect())
}

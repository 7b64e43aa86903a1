//! Vietnamese tokens and words.
//!
//! Two stages: [`tokenize`] cuts normalized text into typed [`Token`]s (syllables,
//! numbers, dates, document codes, abbreviations, ...), each with its byte range;
//! [`Segmenter`] groups syllable tokens into multi-syllable [`Word`]s
//! (`Ban_Chấp_hành`), the convention of VnCoreNLP and PhoBERT.
//!
//! ```
//! use tomtat_tokenizer::{tokenize, TokenKind};
//! let tokens = tokenize("Ngày 30/6/2024");
//! assert_eq!(tokens[1].kind, TokenKind::Date);
//! ```
//!
//! ```
//! use tomtat_tokenizer::{join_words, tokenize, Segmenter};
//! let text = "Ban Chấp hành Đảng bộ huyện";
//! let (tokens, mut words) = (tokenize(text), Vec::new());
//! Segmenter::new().segment(text, &tokens, &mut words);
//! assert_eq!(join_words(text, &words), "Ban_Chấp_hành Đảng_bộ huyện");
//! ```
//!
//! Feature `hf`: `segment::hf` wraps the segmenter as a Hugging Face `tokenizers`
//! pre-tokenizer (PhoBERT-style `_`-joined words, offsets into the raw text).
//!
//! INTERFACE CONTRACT (used by the other crates): `Token { kind, start, end }`,
//! `TokenKind` (its variants), `tokenize`, `tokenize_into`, `Segmenter::new`,
//! `Segmenter::segment`, `Word { kind, start, end, tokens }`. Added:
//! `Segmenter::segment_with` with `Scratch` (buffers reused), `Segmenter::add_user_words`, `Segmenter::segment_str`,
//! `Segmenter::segment_line`, `join_words`, `Word::joined`.

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod memo;
pub mod segment;
pub mod token;

pub use segment::{join_words, Scratch, Segmenter, Word};
pub use token::{tokenize, tokenize_into, Token, TokenKind};

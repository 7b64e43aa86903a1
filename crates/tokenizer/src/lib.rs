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
//! INTERFACE CONTRACT (used by the other crates): `Token { kind, start, end }`,
//! `TokenKind` (its variants), `tokenize`, `tokenize_into`, `Segmenter::new`,
//! `Segmenter::segment`, `Word { kind, start, end, tokens }`.

pub mod segment;
pub mod token;

pub use segment::{join_words, Scratch, Segmenter, Word};
pub use token::{tokenize, tokenize_into, Token, TokenKind};

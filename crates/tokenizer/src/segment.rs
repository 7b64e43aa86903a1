//! Word segmentation: syllable tokens grouped into words.

use crate::token::{Token, TokenKind};

/// A word: one or more tokens, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// The kind of its first token (`Syllable` for Vietnamese words).
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    /// Index range into the token slice the word was built from.
    pub tokens: (u32, u32),
}

/// Groups syllables into words. Built once, shared read-only across threads.
#[derive(Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    /// The segmenter with the bundled model.
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    /// Segment `tokens` (cut from `text`) into words, appending to `out`.
    pub fn segment(&self, _text: &str, tokens: &[Token], out: &mut Vec<Word>) {
        for (i, t) in tokens.iter().enumerate() {
            out.push(Word {
                kind: t.kind,
                start: t.start,
                end: t.end,
                tokens: (i as u32, i as u32 + 1),
            });
        }
    }
}

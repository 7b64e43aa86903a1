//! Word segmentation: syllable tokens grouped into words.
//!
//! Vietnamese writes words as space-separated syllables: `Ban Chấp hành Đảng bộ
//! huyện` is the three words `Ban_Chấp_hành Đảng_bộ huyện`. The [`Segmenter`]
//! decides, for every gap between two syllable tokens, whether the gap is inside a
//! word. Tokens of other kinds (numbers, dates, codes, URLs, punctuation, ...) are
//! always words of their own and never glued to syllables.
//!
//! # Method
//!
//! A binary averaged perceptron (the weights of five, trained on five shuffles of the
//! data, averaged) decides each gap between two word-like tokens
//! (syllables and foreign words separated only by spaces), left to right: the
//! decision at the previous gap is a feature. Its features (module `features`, 27 or
//! 28 a gap, hashed) are
//!
//! - the syllables around the gap (two on each side) as unigrams, bigrams and trigrams;
//! - letter-case shapes (`Title Title` joins proper names such as `Nguyễn_Tăng`,
//!   `Hà_Nội`, the UD-VTB convention), a sentence-opening flag, repeated syllables;
//! - dictionary evidence: the longest dictionary word crossing the gap, ending before it
//!   and starting after it, per source (Wiktionary headwords; the training lexicon,
//!   jackknifed during training so its weight is calibrated for unseen words), and the
//!   gap's decision in the fewest-words segmentation over the dictionary;
//! - how strongly the two syllables attract in raw text (a PMI class of the bigram,
//!   counted on Vietnamese Wikipedia and on state legal and administrative documents),
//!   compared with the neighbouring gaps;
//! - before a productive suffix (`-hoá`: `công_nghiệp_hoá`), the length of the
//!   dictionary word ending before it, so derivations of unseen words join too.
//!
//! Syllables are keyed case-, tone-style- and i/y-spelling-independently (module `fold`:
//! `hoà` = `hòa` = `HOÀ`, `lý` = `lí`, `Mỹ` = `mĩ` after a consonant, not in `uy`, `yê`), so
//! spelling style never changes the segmentation. The convention followed (UD-VTB), where
//! VLSP differs and how a user dictionary gets the other: `docs/segmentation.md`. Typed
//! tokens (numbers, dates, codes, URLs, punctuation, ...) are never joined.
//!
//! The bundled model (`models/segmenter.bin`; how it is built, its sources and its
//! CC BY-SA 4.0 licence: `models/README.md`) is trained on the UD Vietnamese-VTB
//! train and dev sets by `cargo run --release -p tomtat-segmenter-train`. Word F1 on
//! the UD-VTB test split: 0.960 (`docs/benchmarks.md`). User dictionaries
//! ([`Segmenter::add_user_words`]) override the model.
//!
//! ```
//! use tomtat_tokenizer::Segmenter;
//! let seg = Segmenter::new();
//! assert_eq!(seg.segment_str("Ban Chấp hành Đảng bộ huyện"), ["Ban_Chấp_hành", "Đảng_bộ", "huyện"]);
//! ```

// The internals (features, keys, tables, the packed scorer) are public only for the
// trainer (`tomtat-segmenter-train`), behind the `train` feature.
mod cache;
#[cfg(feature = "train")]
pub mod features;
#[cfg(not(feature = "train"))]
#[allow(dead_code)]
mod features;
#[cfg(feature = "train")]
pub mod fold;
#[cfg(not(feature = "train"))]
#[allow(dead_code)]
mod fold;
#[cfg(feature = "hf")]
pub mod hf;
pub mod model;
#[cfg(feature = "train")]
pub mod score;
#[cfg(not(feature = "train"))]
#[allow(dead_code)]
mod score;
#[cfg(feature = "train")]
pub mod table;
#[cfg(not(feature = "train"))]
#[allow(dead_code)]
mod table;

use crate::token::{tokenize_into, Token, TokenKind};
use features::{word_key, Dict, Scratch as FeatureScratch, MAX_WORD};
use fold::syllable_key;
pub use model::{Model, ModelError};
use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

/// The bundled model file.
pub static BUNDLED_MODEL: &[u8] = include_bytes!("../../models/segmenter.bin");

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

impl Word {
    /// The word's text as written (syllables separated by their original spaces).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Append the word's `_`-joined form (`Ban_Chấp_hành`) to `out`: every run of
    /// whitespace inside the word becomes one `_`.
    pub fn push_joined(&self, text: &str, out: &mut String) {
        let mut in_space = false;
        for c in self.text(text).chars() {
            if c.is_whitespace() {
                in_space = true;
            } else {
                if in_space {
                    out.push('_');
                    in_space = false;
                }
                out.push(c);
            }
        }
    }

    /// The word's `_`-joined form (`Ban_Chấp_hành`).
    pub fn joined(&self, text: &str) -> String {
        let mut s = String::with_capacity(self.end - self.start);
        self.push_joined(text, &mut s);
        s
    }
}

/// The words in the VnCoreNLP / PhoBERT form: syllables joined by `_`, words
/// separated by one space (`Ban_Chấp_hành Đảng_bộ huyện`).
pub fn join_words(text: &str, words: &[Word]) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        w.push_joined(text, &mut out);
    }
    out
}

/// Reusable buffers for [`Segmenter::segment_with`] (one per thread), with memos of
/// what repeats from text to text: the key and shape of each syllable by its bytes,
/// and the single-syllable weights by key (for one model at a time). The memos hold
/// what would be recomputed, so a scratch never changes a segmentation.
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    feats: FeatureScratch,
    /// Decisions forced by user words: 0 free, 1 split, 2 join.
    forced: Vec<u8>,
    /// Single-syllable feature weights of each token.
    unigrams: Vec<score::Unigrams>,
    /// Single-syllable feature weights of the keys met lately.
    unigram_memo: score::UnigramMemo,
}

impl Scratch {
    /// Empty buffers.
    pub fn new() -> Scratch {
        Scratch::default()
    }
}

/// What [`Segmenter::evidence`] finds for some syllables as one word.
struct Evidence {
    /// The dictionary source bits (with [`features::PREFIX`] when the syllables start a
    /// longer word; 0: in no dictionary).
    sources: u8,
    /// A user word.
    user: bool,
    /// The association class in raw text (0: never seen together).
    assoc: u8,
}

impl Evidence {
    /// A word of a dictionary (or the user's), or the start of one.
    fn listed(&self) -> bool {
        self.user || self.sources != 0
    }
}

/// Groups syllables into words. Built once, shared read-only across threads.
#[derive(Debug, Clone)]
pub struct Segmenter {
    model: Arc<Model>,
    user: Dict,
    user_max: usize,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

impl Segmenter {
    /// The segmenter with the bundled model (parsed once per process).
    pub fn new() -> Segmenter {
        static MODEL: OnceLock<Arc<Model>> = OnceLock::new();
        let model = MODEL.get_or_init(|| {
            Arc::new(Model::from_bytes(BUNDLED_MODEL).expect("bundled segmenter model is valid"))
        });
        Segmenter::with_model(Arc::clone(model))
    }

    /// The segmenter with the bundled model and no user words, built once per process (for
    /// the few look-ups other stages make: [`Segmenter::is_known_word`]).
    pub fn bundled() -> &'static Segmenter {
        static BUNDLED: OnceLock<Segmenter> = OnceLock::new();
        BUNDLED.get_or_init(Segmenter::new)
    }

    /// A segmenter with another model (see [`Model::from_bytes`]).
    pub fn with_model(model: Arc<Model>) -> Segmenter {
        Segmenter {
            model,
            user: Dict::default(),
            user_max: 0,
        }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Add user words: one word a line, its syllables separated by spaces or `_`
    /// (`Ban Chấp hành`, `Đảng_bộ`). Empty lines and lines starting with `#` are
    /// skipped. A user word found in the text always becomes one word (the longest
    /// user word wins, left to right). Returns the number of words added.
    ///
    /// ```
    /// use tomtat_tokenizer::Segmenter;
    /// let mut seg = Segmenter::new();
    /// seg.add_user_words("phát triển kinh tế\n");
    /// assert_eq!(seg.segment_str("phát triển kinh tế"), ["phát_triển_kinh_tế"]);
    /// ```
    pub fn add_user_words(&mut self, dict_text: &str) -> usize {
        let mut added = 0;
        for line in dict_text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let syllables: Vec<&str> = line
                .split(|c: char| c.is_whitespace() || c == '_')
                .filter(|s| !s.is_empty())
                .collect();
            if syllables.len() < 2 || syllables.len() > MAX_WORD {
                continue;
            }
            let keys: Vec<u64> = syllables.iter().map(|s| syllable_key(s)).collect();
            self.user.insert_keys(&keys, 1);
            self.user_max = self.user_max.max(syllables.len());
            added += 1;
        }
        added
    }

    /// Whether `syllables` make a word the model knows: a word of a dictionary (or the
    /// user's), or the start of one, or syllables seen together at least 4 times in the raw
    /// text with a pointwise mutual information of 3 or more.
    ///
    /// ```
    /// let seg = tomtat_tokenizer::Segmenter::new();
    /// assert!(seg.is_known_word(&["Việt", "Nam"]));
    /// assert!(!seg.is_known_word(&["Bình", "Cục"]));
    /// ```
    pub fn is_known_word(&self, syllables: &[&str]) -> bool {
        let e = self.evidence(syllables);
        let (pmi, log2_count) = features::assoc_pmi_count(e.assoc);
        e.listed() || (log2_count >= 2 && pmi >= 3)
    }

    /// Whether `syllables` are a word of a dictionary (or the user's), or the start of one.
    pub fn is_listed_word(&self, syllables: &[&str]) -> bool {
        self.evidence(syllables).listed()
    }

    /// Whether `syllables` are a whole word of a dictionary (or the user's), not only the
    /// start of one.
    ///
    /// ```
    /// let seg = tomtat_tokenizer::Segmenter::new();
    /// assert!(seg.is_dictionary_word(&["vị", "trí"]));
    /// assert!(!seg.is_dictionary_word(&["vị", "trí", "tại"]));
    /// ```
    pub fn is_dictionary_word(&self, syllables: &[&str]) -> bool {
        let e = self.evidence(syllables);
        e.user || e.sources & !features::PREFIX != 0
    }

    /// What the dictionaries and the raw text say of `syllables` as one word.
    fn evidence(&self, syllables: &[&str]) -> Evidence {
        let key = word_key(syllables.iter().map(|s| syllable_key(s)));
        let (sources, assoc) = self.model.lex().get(key);
        Evidence {
            sources,
            user: self.user.words.get(key).is_some(),
            assoc,
        }
    }

    /// Segment `tokens` (cut from `text`) into words, appending to `out` (with
    /// buffers kept per thread, so calls sentence by sentence allocate nothing once
    /// the buffers have grown).
    pub fn segment(&self, text: &str, tokens: &[Token], out: &mut Vec<Word>) {
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::new());
        }
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.segment_with(&mut scratch, text, tokens, out),
            Err(_) => self.segment_with(&mut Scratch::new(), text, tokens, out),
        });
    }

    /// [`Segmenter::segment`] reusing `scratch` (no allocation once the buffers
    /// have grown to the text size).
    pub fn segment_with(
        &self,
        scratch: &mut Scratch,
        text: &str,
        tokens: &[Token],
        out: &mut Vec<Word>,
    ) {
        let s = &mut scratch.feats;
        s.prepare(text, tokens, self.model.lex());
        self.model
            .unigrams_memo_into(&s.keys, &mut scratch.unigram_memo, &mut scratch.unigrams);
        let forced = &mut scratch.forced;
        forced.clear();
        if !self.user.is_empty() {
            forced.resize(tokens.len(), 0);
            self.user_word_decisions(s, forced);
        }
        // user words decide first, so later gaps see their decision as `prev`
        self.model.decide(s, &scratch.unigrams, forced);
        let mut start = 0;
        for i in 1..=tokens.len() {
            if i == tokens.len() || !(s.gap[i] && s.join[i]) {
                out.push(Word {
                    kind: tokens[start].kind,
                    start: tokens[start].start,
                    end: tokens[i - 1].end,
                    tokens: (start as u32, i as u32),
                });
                start = i;
            }
        }
    }

    /// The decisions forced inside and around user words (leftmost-longest).
    fn user_word_decisions(&self, s: &FeatureScratch, forced: &mut [u8]) {
        let n = s.keys.len();
        let mut i = 0;
        while i < n {
            let mut best = 0;
            let mut h = word_key([s.keys[i]]);
            let mut j = i + 1;
            while j < n && j - i < self.user_max && s.gap[j] {
                h = features::word_key_extend(h, s.keys[j]);
                let bits = self.user.get(h);
                if bits & !features::PREFIX != 0 {
                    best = j - i + 1;
                }
                if bits & features::PREFIX == 0 {
                    break;
                }
                j += 1;
            }
            if best >= 2 {
                forced[i] = 1;
                for f in &mut forced[i + 1..i + best] {
                    *f = 2;
                }
                if i + best < n {
                    forced[i + best] = 1;
                }
                i += best;
            } else {
                i += 1;
            }
        }
    }

    /// Tokenize and segment `text`; the words in their `_`-joined form.
    ///
    /// ```
    /// use tomtat_tokenizer::Segmenter;
    /// let words = Segmenter::new().segment_str("Ủy ban nhân dân tỉnh");
    /// assert_eq!(words, ["Ủy_ban", "nhân_dân", "tỉnh"]);
    /// ```
    pub fn segment_str(&self, text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        tokenize_into(text, &mut tokens);
        let mut words = Vec::new();
        self.segment(text, &tokens, &mut words);
        words.iter().map(|w| w.joined(text)).collect()
    }

    /// Tokenize and segment `text` into one line: words `_`-joined, separated by
    /// spaces (the output of `tomtat tokenize`).
    pub fn segment_line(&self, text: &str) -> String {
        let mut tokens = Vec::new();
        tokenize_into(text, &mut tokens);
        let mut words = Vec::new();
        self.segment(text, &tokens, &mut words);
        join_words(text, &words)
    }
}

//! Sentence, heading, list-item, caption and byline units, with their clauses.
//!
//! ```
//! use tomtat_splitter::{Splitter, UnitKind};
//! let units = Splitter::new().split("Thu ngân sách đạt 25,5 tỉ đồng. Chi đạt 40%.");
//! assert_eq!(units.len(), 2);
//! assert_eq!(units[0].kind, UnitKind::Sentence);
//! ```
//!
//! How it works: the text is cut into paragraphs at line breaks (a wrapped line that
//! goes on in lower case is joined back, and so is a line broken inside a name the word
//! segmenter's lexicon knows: `Việt` / `Nam`), each paragraph into whitespace-separated
//! words, and each gap between two words is judged: a sentence end (`.`, `!`, `?`,
//! `…`, `./.` followed by a capital, a digit or a bullet; never after a title or
//! place abbreviation that continues, a name's initial or a list marker), or one of
//! the marks of a lost paragraph break in crawled text (a photo caption `Ảnh: ...`, an
//! upper-case heading run, a double space, a sentence-opening phrase right after a
//! lower-case word). The words and phrases are data, in `models/splitter-rules.txt`, and the
//! words that only open sentences (`Những`, `Các`, `Đó`) in `models/sentence-openers.txt`,
//! counted from open treebank and Wikipedia text by `models/build_openers.py`.
//! Inside a flattened line (a web page or PDF text layer that lost its breaks), a list or
//! heading marker (`1.`, `a)`, `II.`, `Điều 2.`, `-`) opens a unit before itself when the
//! evidence on both sides agrees: a `;`/`:` or a heading run on the left, a capital on the
//! right, and for lists in running text a paragraph built of numbered items (see
//! `docs/splitting.md`).
//! A dot glued between two words (`nhập.Các`) is read with `tomtat_tokenizer::tokenize`:
//! no cut inside a number, date, code, URL or abbreviation token; an abbreviation token
//! before a number (`tr. 12`) goes on.
//!
//! INTERFACE CONTRACT (used by the scorer and the pipeline): `Splitter::new`,
//! `Splitter::split(&self, &str) -> Vec<Unit>`, `Unit { kind, start, end, clauses }`,
//! `UnitKind` + `UnitKind::name`, `Clause { start, end }`.

#![forbid(unsafe_code)]

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod clauses;
mod rules;
mod scan;

pub use rules::{Rules, RulesError, OPENERS_TXT, RULES_TXT};

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// A sentence of running text (also a salutation `Thưa các đồng chí,`).
    Sentence,
    /// A title or section heading: a document's first line, `I. KẾT QUẢ`, `2- Hạn chế`,
    /// a short line without final punctuation, an upper-case run or a short phrase cut
    /// off by a lost line break.
    Heading,
    /// A line that opens with a list marker: `- `, `+ `, `• `, `a)`, `1.`, `(1)`.
    ListItem,
    /// A photo caption or source note: `(Ảnh: ...)`, `Ảnh: ...`, `[img]`, the sentence
    /// that describes the photo before a bare `Ảnh:` credit.
    Caption,
    /// A credit or date line: the author at the end, `Bài và ảnh: ...`, `21:27 27/06/2020`.
    Byline,
}

impl UnitKind {
    /// Name used in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Sentence => "sentence",
            UnitKind::Heading => "heading",
            UnitKind::ListItem => "list_item",
            UnitKind::Caption => "caption",
            UnitKind::Byline => "byline",
        }
    }
}

/// A part of a unit: a `;`-separated piece or an item of a colon-introduced list.
///
/// Trimmed of spaces, of the `;` between clauses and of a leading bullet. In a
/// colon-introduced list the text up to the colon is not a clause: the items are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
}

impl Clause {
    /// The clause's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A unit of text with its byte range (trimmed of surrounding spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub kind: UnitKind,
    pub start: usize,
    pub end: usize,
    /// Empty when the unit has a single clause.
    pub clauses: Vec<Clause>,
}

impl Unit {
    /// The unit's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Splits text into units. Built once with its rules, shared across threads.
///
/// ```
/// use tomtat_splitter::{Splitter, UnitKind};
/// let text = "I. KẾT QUẢ ĐẠT ĐƯỢC Tổng thu đạt 832.270.966.973 đồng. Tại TP. Hồ Chí Minh, \
///             TS. Lê Văn A nêu: tăng thu; giảm chi.";
/// let s = Splitter::new();
/// let units = s.split(text);
/// let texts: Vec<&str> = units.iter().map(|u| u.text(text)).collect();
/// assert_eq!(texts, ["I. KẾT QUẢ ĐẠT ĐƯỢC", "Tổng thu đạt 832.270.966.973 đồng.",
///                    "Tại TP. Hồ Chí Minh, TS. Lê Văn A nêu: tăng thu; giảm chi."]);
/// assert_eq!(units[0].kind, UnitKind::Heading);
/// let clauses: Vec<&str> = units[2].clauses.iter().map(|c| c.text(text)).collect();
/// assert_eq!(clauses, ["tăng thu", "giảm chi."]);
/// ```
#[derive(Debug, Clone)]
pub struct Splitter {
    rules: Rules,
}

impl Default for Splitter {
    fn default() -> Self {
        Splitter::new()
    }
}

impl Splitter {
    /// The splitter with the bundled rules (`models/splitter-rules.txt`).
    pub fn new() -> Splitter {
        Splitter {
            rules: Rules::bundled(),
        }
    }

    /// A splitter with other rules (same format as the bundled file).
    pub fn with_rules(rules: Rules) -> Splitter {
        Splitter { rules }
    }

    /// The rules in use.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Split `text` into units in order. Every non-space character of `text` is in
    /// exactly one unit; units do not overlap and are trimmed of spaces.
    pub fn split(&self, text: &str) -> Vec<Unit> {
        let mut out = Vec::new();
        scan::split_into(&self.rules, text, &mut out);
        out
    }
}

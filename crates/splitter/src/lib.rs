//! Sentence, heading, list-item, caption and byline units, with their clauses.
//!
//! ```
//! use tomtat_splitter::{Splitter, UnitKind};
//! let units = Splitter::new().split("Thu ngân sách đạt 25,5 tỉ đồng. Chi đạt 40%.");
//! assert_eq!(units.len(), 2);
//! assert_eq!(units[0].kind, UnitKind::Sentence);
//! ```
//!
//! INTERFACE CONTRACT (used by the scorer and the pipeline): `Splitter::new`,
//! `Splitter::split(&self, &str) -> Vec<Unit>`, `Unit { kind, start, end, clauses }`,
//! `UnitKind` + `UnitKind::name`, `Clause { start, end }`.

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    Sentence,
    Heading,
    ListItem,
    Caption,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
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
#[derive(Debug, Default)]
pub struct Splitter {}

impl Splitter {
    /// The splitter with the bundled rules.
    pub fn new() -> Splitter {
        Splitter {}
    }

    /// Split `text` into units in order.
    pub fn split(&self, text: &str) -> Vec<Unit> {
        // Placeholder: lines, then ". " boundaries.
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let end_here =
                b == b'\n' || (b == b'.' && bytes.get(i + 1).is_some_and(|n| *n == b' '));
            if end_here {
                let end = if b == b'.' { i + 1 } else { i };
                push(text, start, end, &mut out);
                start = i + 1;
            }
        }
        push(text, start, text.len(), &mut out);
        out
    }
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Unit>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead < s.len() {
        out.push(Unit {
            kind: UnitKind::Sentence,
            start: start + lead,
            end: end - trail,
            clauses: Vec::new(),
        });
    }
}

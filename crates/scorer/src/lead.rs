//! The lead of a briefing: the units that say who met or issued the document, when and
//! for what, and what was adopted.

use crate::lex::Lexicon;
use crate::parts::Analysis;
use crate::Part;

pub(crate) fn lead(_an: &[Analysis], _parts: &[Part], _lex: &Lexicon) -> Vec<usize> {
    Vec::new()
}

//! The cue lexicon (`models/scorer-cues.tsv`): phrases with a part, a weight and a scope,
//! matched over the syllable keys of a unit.

use crate::lex::{syllable_keys, FnvMap, StrMap};
use crate::Part;

/// A cue lexicon that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexiconError {
    #[error("line {0}: expected 4 tab-separated fields (phrase, part, weight, scope)")]
    Fields(usize),
    #[error("line {0}: unknown part `{1}`")]
    Part(usize, String),
    #[error("line {0}: bad weight")]
    Weight(usize),
    #[error("line {0}: unknown scope `{1}`")]
    Scope(usize, String),
    #[error("line {0}: empty phrase")]
    Empty(usize),
}

/// What a cue points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CuePart {
    Part(Part),
    /// Consumes its words, counts for nothing.
    None,
    /// A directive verb whose object is a shortcoming noun.
    Remedy,
}

/// Where a cue counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    Any,
    Start,
    End,
    Switch,
    Heading,
    /// Marks the main content of a part (headline figures, the overall assessment,
    /// the main cause, the main tasks): counts for the key-unit score, not the part.
    Key,
}

impl Scope {
    /// Whether a cue of this scope can count in `pass` (where it counts is decided by
    /// [`Lexicon::find`]).
    fn counts_in(self, pass: Pass) -> bool {
        match self {
            Scope::Heading => pass == Pass::Heading,
            Scope::Key => pass == Pass::Key,
            _ => pass == Pass::Parts,
        }
    }
}

/// Which cues a pass of [`Lexicon::find`] matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pass {
    Parts = 0,
    Heading = 1,
    Key = 2,
}

#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub syls: Vec<u32>,
    pub part: CuePart,
    pub weight: f32,
    pub scope: Scope,
    pub phrase: String,
}

/// A cue found in a unit: its index and syllable position.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub cue: u32,
    pub pos: usize,
}

/// Syllable id of words the lexicon does not know.
pub(crate) const UNKNOWN: u32 = u32::MAX;
/// Syllable id of numbers, dates and codes.
pub(crate) const NUMERIC: u32 = u32::MAX - 1;

#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    ids: StrMap<String, u32>,
    first: FnvMap<u32, Vec<u32>>,
    /// `first` as tables indexed by syllable id (ids are dense), one per [`Pass`] with
    /// the cues that can count in it (in `first`'s order), for [`Lexicon::find`].
    by_first: [Vec<Vec<u32>>; 3],
    /// The same for [`NUMERIC`].
    numeric_first: [Vec<u32>; 3],
    pub cues: Vec<Cue>,
    /// The ids of the words the labeller looks for around cues (looked up once).
    pub words: Words,
    /// This lexicon's [`instance`](crate::lex::instance) (for the key cache's notes).
    pub instance: u64,
}

/// Syllable ids of the words around cues that change what a cue counts for.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Words {
    pub da: u32,
    pub chua: u32,
    pub khong: u32,
    pub nhung: u32,
    pub song: u32,
    pub tuy: u32,
    pub nhien: u32,
}

impl Lexicon {
    /// Parse the TSV lexicon (`phrase \t part \t weight \t scope \t comment`); `#` in a
    /// phrase stands for a number, date or code.
    pub fn parse(tsv: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 4 {
                return Err(LexiconError::Fields(n + 1));
            }
            let part = match f[1] {
                "result" => CuePart::Part(Part::Result),
                "shortcoming" => CuePart::Part(Part::Shortcoming),
                "directive" => CuePart::Part(Part::Directive),
                "other" => CuePart::Part(Part::Other),
                "none" => CuePart::None,
                "remedy" => CuePart::Remedy,
                p => return Err(LexiconError::Part(n + 1, p.to_string())),
            };
            let weight: f32 = f[2].parse().map_err(|_| LexiconError::Weight(n + 1))?;
            let scope = match f[3] {
                "any" => Scope::Any,
                "start" => Scope::Start,
                "end" => Scope::End,
                "switch" => Scope::Switch,
                "heading" => Scope::Heading,
                "key" => Scope::Key,
                s => return Err(LexiconError::Scope(n + 1, s.to_string())),
            };
            let mut syls = Vec::new();
            for w in syllable_keys(&f[0].replace('#', " qqnumericqq ")) {
                if w == tomtat_text::match_key("qqnumericqq") {
                    syls.push(NUMERIC);
                    continue;
                }
                let next = lex.ids.len() as u32;
                syls.push(*lex.ids.entry(w).or_insert(next));
            }
            if syls.is_empty() {
                return Err(LexiconError::Empty(n + 1));
            }
            let idx = lex.cues.len() as u32;
            lex.first.entry(syls[0]).or_default().push(idx);
            lex.cues.push(Cue {
                syls,
                part,
                weight,
                scope,
                phrase: f[0].to_string(),
            });
        }
        // longest first; at equal length the narrower scopes first
        let cues = &lex.cues;
        for list in lex.first.values_mut() {
            list.sort_by_key(|&i| {
                let c = &cues[i as usize];
                let rank = match c.scope {
                    Scope::Heading | Scope::Key => 0,
                    Scope::Start => 1,
                    Scope::End => 2,
                    Scope::Switch => 3,
                    Scope::Any => 4,
                };
                (std::cmp::Reverse(c.syls.len()), rank, i)
            });
        }
        for pass in [Pass::Parts, Pass::Heading, Pass::Key] {
            let p = pass as usize;
            lex.by_first[p] = vec![Vec::new(); lex.ids.len()];
            for (&syl, list) in &lex.first {
                let list: Vec<u32> = list
                    .iter()
                    .copied()
                    .filter(|&ci| lex.cues[ci as usize].scope.counts_in(pass))
                    .collect();
                match syl {
                    NUMERIC => lex.numeric_first[p] = list,
                    id => lex.by_first[p][id as usize] = list,
                }
            }
        }
        lex.instance = crate::lex::instance();
        lex.words = Words {
            da: lex.id("đã"),
            chua: lex.id("chưa"),
            khong: lex.id("không"),
            nhung: lex.id("nhưng"),
            song: lex.id("song"),
            tuy: lex.id("tuy"),
            nhien: lex.id("nhiên"),
        };
        Ok(lex)
    }

    /// The id of a syllable key (`UNKNOWN` when no cue uses it).
    pub fn id(&self, key: &str) -> u32 {
        self.ids.get(key).copied().unwrap_or(UNKNOWN)
    }

    /// Find cues over syllable ids; `punct_after[i]` tells whether punctuation (or the
    /// end) follows syllable `i`; `first` is the index where the unit's own words begin.
    /// `pass`: the heading cues, the key cues, or the others.
    pub fn find(
        &self,
        syls: &[u32],
        punct_after: &[bool],
        first: usize,
        pass: Pass,
        out: &mut Vec<Hit>,
    ) {
        let mut i = 0;
        while i < syls.len() {
            i += self
                .match_at(syls, punct_after, first, pass, i, out)
                .unwrap_or(1);
        }
    }

    /// [`Lexicon::find`] of the key cues (into `keys`) and of the part cues (into
    /// `parts`) in one pass over the syllables.
    pub fn find_key_and_parts(
        &self,
        syls: &[u32],
        punct_after: &[bool],
        first: usize,
        keys: &mut Vec<Hit>,
        parts: &mut Vec<Hit>,
    ) {
        // the next syllable each pass looks at (after a cue, the syllable past it)
        let (mut next_key, mut next_parts) = (0, 0);
        for (i, &s) in syls.iter().enumerate() {
            // no cue starts with a word the lexicon does not know
            if s == UNKNOWN {
                continue;
            }
            if i >= next_key {
                let n = self.match_at(syls, punct_after, first, Pass::Key, i, keys);
                next_key = i + n.unwrap_or(1);
            }
            if i >= next_parts {
                let n = self.match_at(syls, punct_after, first, Pass::Parts, i, parts);
                next_parts = i + n.unwrap_or(1);
            }
        }
    }

    /// The cue of `pass` that counts at syllable `i` (the first in the order of
    /// [`Lexicon::by_first`]), added to `out`; its length in syllables.
    #[inline(always)]
    fn match_at(
        &self,
        syls: &[u32],
        punct_after: &[bool],
        first: usize,
        pass: Pass,
        i: usize,
        out: &mut Vec<Hit>,
    ) -> Option<usize> {
        let p = pass as usize;
        let list: &[u32] = match syls[i] {
            NUMERIC => &self.numeric_first[p],
            id => self.by_first[p].get(id as usize).map_or(&[], |l| &l[..]),
        };
        for &ci in list {
            let c = &self.cues[ci as usize];
            let n = c.syls.len();
            // element by element: most cues are one to three syllables
            if i + n > syls.len() || (1..n).any(|k| syls[i + k] != c.syls[k]) {
                continue;
            }
            let ok = match c.scope {
                Scope::Heading => pass == Pass::Heading,
                Scope::Key => pass == Pass::Key,
                _ if pass != Pass::Parts => false,
                Scope::Start => i < first + 3,
                Scope::End => punct_after[i + n - 1],
                Scope::Any | Scope::Switch => true,
            };
            if ok {
                out.push(Hit { cue: ci, pos: i });
                return Some(n);
            }
        }
        None
    }
}

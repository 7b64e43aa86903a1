//! A light lexer for unit text (words, numbers, percents, dates and codes, punctuation)
//! and the cue lexicon matched over its syllables.

use std::collections::HashMap;

use crate::Part;

/// What a token of unit text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
    /// A run of letters (a syllable or a foreign word).
    Word,
    /// `832.270.966.973`, `3.807,927`, `07`.
    Number,
    /// `104,11%`.
    Percent,
    /// Dates, codes, ratios, mixed letters and digits (`30/6/2024`, `43-NQ/TW`, `116/134`).
    Other,
    /// One punctuation or symbol character.
    Punct,
}

/// A token with its byte range in the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub kind: Tk,
    pub start: usize,
    pub end: usize,
}

fn internal(c: char, prev: char, next: char) -> bool {
    match c {
        '.' | ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        '/' | '-' => prev.is_alphanumeric() && next.is_alphanumeric(),
        _ => false,
    }
}

/// Cut `text[start..end]` into tokens (ranges are absolute).
pub(crate) fn lex(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let s = &text[start..end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                kind: Tk::Punct,
                start: start + b,
                end: start + b + c.len_utf8(),
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let (mut letters, mut digits, mut inner_slash) =
            (!c.is_ascii_digit(), c.is_ascii_digit(), false);
        while j < chars.len() {
            let cj = chars[j].1;
            if cj.is_alphanumeric() {
                if cj.is_ascii_digit() {
                    digits = true;
                } else {
                    letters = true;
                }
                j += 1;
            } else if j + 1 < chars.len() && internal(cj, chars[j - 1].1, chars[j + 1].1) {
                if cj == '/' || cj == '-' {
                    inner_slash = true;
                }
                j += 1;
            } else {
                break;
            }
        }
        let tok_end = if j < chars.len() { chars[j].0 } else { s.len() };
        let mut kind = if inner_slash || (letters && digits) {
            Tk::Other
        } else if digits {
            Tk::Number
        } else {
            Tk::Word
        };
        let mut e = tok_end;
        if kind == Tk::Number && j < chars.len() && chars[j].1 == '%' {
            kind = Tk::Percent;
            e += 1;
            j += 1;
        }
        out.push(Tok {
            kind,
            start: start + b,
            end: start + e,
        });
        i = j;
    }
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
    ids: HashMap<String, u32>,
    first: HashMap<u32, Vec<u32>>,
    pub cues: Vec<Cue>,
}

impl Lexicon {
    /// Parse the TSV lexicon (`phrase \t part \t weight \t scope \t comment`); `#` in a
    /// phrase stands for a number, date or code.
    pub fn parse(tsv: &str) -> Result<Lexicon, String> {
        let mut lex = Lexicon::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 4 {
                return Err(format!("line {}: expected 4 fields", n + 1));
            }
            let part = match f[1] {
                "result" => CuePart::Part(Part::Result),
                "shortcoming" => CuePart::Part(Part::Shortcoming),
                "directive" => CuePart::Part(Part::Directive),
                "other" => CuePart::Part(Part::Other),
                "none" => CuePart::None,
                "remedy" => CuePart::Remedy,
                p => return Err(format!("line {}: unknown part `{p}`", n + 1)),
            };
            let weight: f32 = f[2]
                .parse()
                .map_err(|_| format!("line {}: bad weight", n + 1))?;
            let scope = match f[3] {
                "any" => Scope::Any,
                "start" => Scope::Start,
                "end" => Scope::End,
                "switch" => Scope::Switch,
                "heading" => Scope::Heading,
                s => return Err(format!("line {}: unknown scope `{s}`", n + 1)),
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
                return Err(format!("line {}: empty phrase", n + 1));
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
                    Scope::Heading => 0,
                    Scope::Start => 1,
                    Scope::End => 2,
                    Scope::Switch => 3,
                    Scope::Any => 4,
                };
                (std::cmp::Reverse(c.syls.len()), rank, i)
            });
        }
        Ok(lex)
    }

    /// The id of a syllable key (`UNKNOWN` when no cue uses it).
    pub fn id(&self, key: &str) -> u32 {
        self.ids.get(key).copied().unwrap_or(UNKNOWN)
    }

    /// Find cues over syllable ids; `punct_after[i]` tells whether punctuation (or the
    /// end) follows syllable `i`; `first` is the index where the unit's own words begin.
    /// `heading`: only the heading cues, else all the others.
    pub fn find(
        &self,
        syls: &[u32],
        punct_after: &[bool],
        first: usize,
        heading: bool,
        out: &mut Vec<Hit>,
    ) {
        let mut i = 0;
        while i < syls.len() {
            let mut step = 1;
            if let Some(list) = self.first.get(&syls[i]) {
                for &ci in list {
                    let c = &self.cues[ci as usize];
                    let n = c.syls.len();
                    if i + n > syls.len() || syls[i..i + n] != c.syls[..] {
                        continue;
                    }
                    let ok = match c.scope {
                        Scope::Heading => heading,
                        _ if heading => false,
                        Scope::Start => i < first + 3,
                        Scope::End => punct_after[i + n - 1],
                        Scope::Any | Scope::Switch => true,
                    };
                    if ok {
                        out.push(Hit { cue: ci, pos: i });
                        step = n;
                        break;
                    }
                }
            }
            i += step;
        }
    }
}

/// Lower-cased, tone-style-independent keys of the words of a phrase.
pub(crate) fn syllable_keys(phrase: &str) -> Vec<String> {
    let mut toks = Vec::new();
    lex(phrase, 0, phrase.len(), &mut toks);
    toks.iter()
        .filter(|t| t.kind == Tk::Word)
        .map(|t| tomtat_text::match_key(&phrase[t.start..t.end]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Tk, &str)> {
        let mut v = Vec::new();
        lex(s, 0, s.len(), &mut v);
        v.iter().map(|t| (t.kind, &s[t.start..t.end])).collect()
    }

    #[test]
    fn lexes_figures_dates_codes() {
        let k = kinds("đạt 832.270.966.973 đồng (104,11%) ngày 30/6/2024, 43-NQ/TW.");
        assert_eq!(k[1], (Tk::Number, "832.270.966.973"));
        assert_eq!(k[3], (Tk::Punct, "("));
        assert_eq!(k[4], (Tk::Percent, "104,11%"));
        assert_eq!(k[7], (Tk::Other, "30/6/2024"));
        assert_eq!(k[9], (Tk::Other, "43-NQ/TW"));
        assert_eq!(k.last().unwrap(), &(Tk::Punct, "."));
    }
}

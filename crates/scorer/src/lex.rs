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
        '/' | '-' => alnum(prev) && alnum(next),
        _ => false,
    }
}

#[inline]
fn alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        // Latin-1 letters, Latin Extended-A/B, Latin Extended Additional: the Vietnamese letters
        0xd7 | 0xf7 => false,
        0xc0..=0x24f | 0x1e00..=0x1eff => true,
        _ => c.is_alphanumeric(),
    }
}

/// A fast hasher for short keys (FNV-1a).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

/// A hash map with [`Fnv`].
pub(crate) type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Whether `phrase` (words separated by single spaces) matches the keys from token `i`;
/// returns the token after it.
pub(crate) fn phrase_at(keys: &Keyed, toks: &[Tok], i: usize, phrase: &str) -> Option<usize> {
    let mut j = i;
    let mut rest = phrase;
    loop {
        if j >= toks.len() || toks[j].kind != Tk::Word {
            return None;
        }
        let k = keys.key(j);
        rest = rest.strip_prefix(k)?;
        j += 1;
        if rest.is_empty() {
            return Some(j);
        }
        rest = rest.strip_prefix(' ')?;
    }
}

/// Cut `text[start..end]` into tokens (ranges are absolute).
pub(crate) fn lex(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let s = &text[start..end];
    let char_at = |i: usize| s[i..].chars().next();
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let cl = c.len_utf8();
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if !alnum(c) {
            out.push(Tok {
                kind: Tk::Punct,
                start: start + i,
                end: start + i + cl,
            });
            i += cl;
            continue;
        }
        let digit = c.is_ascii_digit();
        let (mut letters, mut digits, mut inner_slash) = (!digit, digit, false);
        let mut prev = c;
        let mut j = i + cl;
        while let Some(cj) = char_at(j) {
            if alnum(cj) {
                if cj.is_ascii_digit() {
                    digits = true;
                } else {
                    letters = true;
                }
            } else {
                let next = char_at(j + cj.len_utf8());
                if !next.is_some_and(|n| internal(cj, prev, n)) {
                    break;
                }
                if cj == '/' || cj == '-' {
                    inner_slash = true;
                }
            }
            prev = cj;
            j += cj.len_utf8();
        }
        let mut kind = if inner_slash || (letters && digits) {
            Tk::Other
        } else if digits {
            Tk::Number
        } else {
            Tk::Word
        };
        if kind == Tk::Number && char_at(j) == Some('%') {
            kind = Tk::Percent;
            j += 1;
        }
        out.push(Tok {
            kind,
            start: start + i,
            end: start + j,
        });
        i = j;
    }
}

/// The match keys of the word tokens of a unit, in one buffer.
#[derive(Debug, Default, Clone)]
pub(crate) struct Keyed {
    buf: String,
    /// Per token: the range of its key in `buf` (empty for other than words).
    ranges: Vec<(u32, u32)>,
}

impl Keyed {
    pub fn new(text: &str, toks: &[Tok]) -> Keyed {
        let mut k = Keyed {
            buf: String::with_capacity(toks.len() * 6),
            ranges: Vec::with_capacity(toks.len()),
        };
        let mut scratch = String::new();
        for t in toks {
            let a = k.buf.len() as u32;
            if t.kind == Tk::Word {
                tomtat_text::match_key_into(&text[t.start..t.end], &mut scratch);
                k.buf.push_str(&scratch);
            }
            k.ranges.push((a, k.buf.len() as u32));
        }
        k
    }

    /// The key of token `i` (empty for other than words).
    pub fn key(&self, i: usize) -> &str {
        let (a, b) = self.ranges[i];
        &self.buf[a as usize..b as usize]
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
    /// Marks the main content of a part (headline figures, the overall assessment,
    /// the main cause, the main tasks): counts for the key-unit score, not the part.
    Key,
}

/// Which cues a pass of [`Lexicon::find`] matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pass {
    Parts,
    Heading,
    Key,
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
    ids: FnvMap<String, u32>,
    first: FnvMap<u32, Vec<u32>>,
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
                "key" => Scope::Key,
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
                    Scope::Heading | Scope::Key => 0,
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
            let mut step = 1;
            if let Some(list) = self.first.get(&syls[i]) {
                for &ci in list {
                    let c = &self.cues[ci as usize];
                    let n = c.syls.len();
                    if i + n > syls.len() || syls[i..i + n] != c.syls[..] {
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

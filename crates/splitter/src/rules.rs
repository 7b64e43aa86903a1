//! The splitter's data: abbreviations, sentence starters, caption and byline markers,
//! parsed once from `models/splitter-rules.txt`.

use std::collections::{HashMap, HashSet};

/// FxHash: the keys are short words, looked up once per word of the text.
type Build = rustc_hash::FxBuildHasher;
/// A set of words.
pub type WordSet = HashSet<&'static str, Build>;
/// Phrases keyed by their first word: the remaining words of each.
pub type PhraseMap = HashMap<&'static str, Vec<Vec<&'static str>>, Build>;

/// The bundled rules file.
pub const RULES_TXT: &str = include_str!("../models/splitter-rules.txt");

/// The bundled `[opener]` list (`models/sentence-openers.txt`, built from open data by
/// `models/build_openers.py`), read after [`RULES_TXT`].
pub const OPENERS_TXT: &str = include_str!("../models/sentence-openers.txt");

/// What must follow a starter phrase for it to open a new unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// A lower-case word or a number.
    Lower,
    /// A number.
    Digit,
    /// A capitalized word.
    Name,
    /// Anything.
    Any,
    /// Nothing, but the phrase must end with a comma.
    Comma,
}

/// A starter phrase: the syllables after its first one, and what must follow.
#[derive(Debug, Clone)]
pub struct Starter {
    pub rest: Vec<&'static str>,
    pub next: Next,
    /// Also opens a unit after a capitalized word (`... Hà Tĩnh Theo báo cáo`).
    pub after_name: bool,
}

/// How a [`Label`] phrase stands in a flattened line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// A heading of its own (`Quyết nghị:`, `QUYẾT ĐỊNH`): cut before it and after it.
    Heading,
    /// Opens a unit after a `;`, a `,` or a word without punctuation (`Căn cứ`, `Xét đề
    /// nghị`: the lines of a legal preamble, which end in `;`).
    Opens,
    /// A line of a letterhead that stands alone wherever a flattened line puts it
    /// (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Độc lập - Tự do - Hạnh phúc`): cut before it
    /// (unless a connector precedes it) and after it, before a capital.
    Standalone,
}

/// A label phrase: the words after its first one.
#[derive(Debug, Clone)]
pub struct Label {
    pub rest: Vec<&'static str>,
    pub kind: LabelKind,
}

/// Parsed rules, shared read-only.
#[derive(Debug, Clone)]
pub struct Rules {
    pub title: WordSet,
    pub place: WordSet,
    pub place_next: WordSet,
    pub initial_ok: WordSet,
    /// Keyed by the first syllable; longest phrases first.
    pub starter: HashMap<&'static str, Vec<Starter>, Build>,
    /// Keyed by the first syllable: the remaining syllables of each marker.
    pub caption: PhraseMap,
    pub caption_start: PhraseMap,
    pub byline: PhraseMap,
    pub salutation: PhraseMap,
    pub connector: WordSet,
    pub ordinal: WordSet,
    pub honorific: WordSet,
    pub caption_org: WordSet,
    pub caption_cue: PhraseMap,
    /// Who speaks in a news lead (`Phó Thủ tướng`, `Bí thư`, `Đoàn giám sát`), and what they
    /// do (`yêu cầu`, `cho biết`): the two together open a unit after a run-on title.
    pub leader: PhraseMap,
    pub leader_verb: PhraseMap,
    /// Lower-case words after which a number is a count or an index, not a list marker
    /// (`lần thứ 2. Các`, `tháng 6. Trong`).
    pub number_word: WordSet,
    /// The last words of the two-word `number_word` entries (`tiêu` of `chỉ tiêu`).
    pub number_pair_last: WordSet,
    /// Labels that are a unit of their own inside a flattened line (`Quyết nghị:`,
    /// `Căn cứ`...), keyed by the first word: the remaining words and how the label ends.
    pub label: HashMap<&'static str, Vec<Label>, Build>,
    /// Capitalized syllables that open sentences and almost never stand capitalized after
    /// a lower-case word inside one (`Các`, `Những`, `Đó`): a lost break before them.
    pub opener: WordSet,
    /// First bytes of the `caption` and `starter` keys: a cheap test before a lookup.
    pub caption_lead: [bool; 256],
    pub starter_lead: [bool; 256],
    /// First bytes of the `ordinal` and `label` keys.
    pub ordinal_lead: [bool; 256],
    pub label_lead: [bool; 256],
    /// First bytes of the `opener` and `leader` entries.
    pub opener_lead: [bool; 256],
    pub leader_lead: [bool; 256],
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            title: WordSet::default(),
            place: WordSet::default(),
            place_next: WordSet::default(),
            initial_ok: WordSet::default(),
            starter: HashMap::default(),
            caption: PhraseMap::default(),
            caption_start: PhraseMap::default(),
            byline: PhraseMap::default(),
            salutation: PhraseMap::default(),
            connector: WordSet::default(),
            ordinal: WordSet::default(),
            honorific: WordSet::default(),
            caption_org: WordSet::default(),
            caption_cue: PhraseMap::default(),
            leader: PhraseMap::default(),
            leader_verb: PhraseMap::default(),
            number_word: WordSet::default(),
            number_pair_last: WordSet::default(),
            label: HashMap::default(),
            opener: WordSet::default(),
            caption_lead: [false; 256],
            starter_lead: [false; 256],
            ordinal_lead: [false; 256],
            label_lead: [false; 256],
            opener_lead: [false; 256],
            leader_lead: [false; 256],
        }
    }
}

/// A malformed line in a rules file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("splitter rules line {line}: {message}")]
pub struct RulesError {
    pub line: usize,
    pub message: String,
}

fn phrase_map(map: &mut PhraseMap, entry: &'static str) {
    let mut it = entry.split_whitespace();
    if let Some(first) = it.next() {
        let rest: Vec<&'static str> = it.collect();
        let v = map.entry(first).or_default();
        v.push(rest);
        v.sort_by_key(|r| std::cmp::Reverse(r.len()));
    }
}

impl Rules {
    /// Parse a rules file (see `models/splitter-rules.txt` for the format).
    pub fn parse(src: &'static str) -> Result<Rules, RulesError> {
        Rules::parse_all(&[src])
    }

    /// Parse several rules files into one set of rules, in order (a section may go on in a
    /// later file; line numbers in errors count from the start of each file).
    pub fn parse_all(srcs: &[&'static str]) -> Result<Rules, RulesError> {
        let mut r = Rules::default();
        for src in srcs {
            r.parse_into(src)?;
        }
        for k in r.caption.keys() {
            r.caption_lead[usize::from(k.as_bytes()[0])] = true;
        }
        for k in &r.ordinal {
            r.ordinal_lead[usize::from(k.as_bytes()[0])] = true;
        }
        for k in r.label.keys() {
            r.label_lead[usize::from(k.as_bytes()[0])] = true;
        }
        for k in r.starter.keys() {
            if let Some(&b) = k.as_bytes().first() {
                r.starter_lead[usize::from(b)] = true;
            }
        }
        for k in &r.opener {
            r.opener_lead[usize::from(k.as_bytes()[0])] = true;
        }
        for k in r.leader.keys() {
            r.leader_lead[usize::from(k.as_bytes()[0])] = true;
        }
        Ok(r)
    }

    fn parse_into(&mut self, src: &'static str) -> Result<(), RulesError> {
        let r = self;
        let mut section = "";
        for (n, raw) in src.lines().enumerate() {
            let line = match raw.find('#') {
                Some(i) => &raw[..i],
                None => raw,
            }
            .trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            match section {
                "title" => {
                    r.title.insert(line);
                }
                "place" => {
                    r.place.insert(line);
                }
                "place_next" => {
                    r.place_next.insert(line);
                }
                "initial_ok" => {
                    r.initial_ok.insert(line);
                }
                "starter" => {
                    let (phrase, next) = match line.split_once('|') {
                        Some((p, n)) => (p.trim(), n.trim()),
                        None => (line, "lower"),
                    };
                    let next = match next {
                        "lower" => Next::Lower,
                        "digit" => Next::Digit,
                        "name" => Next::Name,
                        "any" => Next::Any,
                        "comma" => Next::Comma,
                        other => {
                            return Err(RulesError {
                                line: n + 1,
                                message: format!("unknown starter constraint `{other}`"),
                            })
                        }
                    };
                    let (phrase, after_name) = match phrase.strip_prefix('^') {
                        Some(p) => (p.trim(), true),
                        None => (phrase, false),
                    };
                    let mut it = phrase.split_whitespace();
                    let first = it.next().unwrap_or_default();
                    let v = r.starter.entry(first).or_default();
                    v.push(Starter {
                        rest: it.collect(),
                        next,
                        after_name,
                    });
                    v.sort_by_key(|s| std::cmp::Reverse(s.rest.len()));
                }
                "caption" => phrase_map(&mut r.caption, line),
                "caption_start" => phrase_map(&mut r.caption_start, line),
                "byline" => phrase_map(&mut r.byline, line),
                "salutation" => phrase_map(&mut r.salutation, line),
                "caption_org" => {
                    r.caption_org.insert(line);
                }
                "honorific" => {
                    r.honorific.insert(line);
                }
                "ordinal" => {
                    r.ordinal.insert(line);
                }
                "caption_cue" => phrase_map(&mut r.caption_cue, line),
                "leader" => phrase_map(&mut r.leader, line),
                "leader_verb" => phrase_map(&mut r.leader_verb, line),
                "number_word" => {
                    r.number_word.insert(line);
                    if let Some((_, last)) = line.rsplit_once(' ') {
                        r.number_pair_last.insert(last);
                    }
                }
                "label" => {
                    let (phrase, kind) = match line.split_once('|') {
                        Some((p, k)) => (p.trim(), k.trim()),
                        None => (line, "heading"),
                    };
                    let kind = match kind {
                        "heading" => LabelKind::Heading,
                        "opens" => LabelKind::Opens,
                        "standalone" => LabelKind::Standalone,
                        other => {
                            return Err(RulesError {
                                line: n + 1,
                                message: format!("unknown label kind `{other}`"),
                            })
                        }
                    };
                    let mut it = phrase.split_whitespace();
                    let first = it.next().unwrap_or_default();
                    let v = r.label.entry(first).or_default();
                    v.push(Label {
                        rest: it.collect(),
                        kind,
                    });
                    v.sort_by_key(|l| std::cmp::Reverse(l.rest.len()));
                }
                "connector" => {
                    r.connector.insert(line);
                }
                "opener" => {
                    r.opener.insert(line);
                }
                "" => {
                    return Err(RulesError {
                        line: n + 1,
                        message: "entry before any [section]".into(),
                    })
                }
                other => {
                    return Err(RulesError {
                        line: n + 1,
                        message: format!("unknown section [{other}]"),
                    })
                }
            }
        }
        Ok(())
    }

    /// The bundled rules.
    pub fn bundled() -> Rules {
        Rules::parse_all(&[RULES_TXT, OPENERS_TXT]).expect("bundled splitter rules parse")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_rules_parse_and_hold_the_seed_entries() {
        let r = Rules::bundled();
        assert!(r.title.contains("TS"));
        assert!(r.place.contains("TP"));
        assert!(r.place_next.contains("Hồ"));
        assert!(r.starter["Phát"].iter().any(|s| s.rest == ["biểu"]));
        assert!(r.caption.contains_key("Ảnh"));
        // the generated opener list is read after the hand-written rules
        assert!(r.opener.contains("Những") && r.opener.contains("Các"));
        assert!(!r.opener.contains("Bộ") && !r.opener.contains("Thủ"));
        assert!(r.salutation.contains_key("Thưa"));
        assert!(r.ordinal.contains("Điều") && !r.title.contains("Điều"));
        assert!(r.connector.contains("của"));
        assert!(r.caption_cue.contains_key("phát"));
    }

    #[test]
    fn bad_lines_are_reported() {
        assert_eq!(Rules::parse("x").unwrap_err().line, 1);
        assert!(Rules::parse("[nope]\nx").is_err());
        assert!(Rules::parse("[starter]\nTại|weird").is_err());
    }
}

//! The splitter's data: abbreviations, sentence starters, caption and byline markers,
//! parsed once from `models/splitter-rules.txt`.

use std::collections::HashMap;

/// FxHash: the keys are short words, looked up once per word of the text.
type Build = rustc_hash::FxBuildHasher;
/// A set of words.
pub type WordSet = Lookup<()>;
/// Phrases keyed by their first word: the remaining words of each.
pub type PhraseMap = Lookup<Vec<Vec<&'static str>>>;

/// A one-hash Bloom filter of words on their length and first three bytes: a word that
/// was not inserted is told apart by one bit, mostly, without hashing the whole word.
#[derive(Clone)]
pub struct Filter(Box<[u64; 256]>);

impl Default for Filter {
    fn default() -> Self {
        Filter(Box::new([0; 256]))
    }
}

impl std::fmt::Debug for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let bits: u32 = self.0.iter().map(|w| w.count_ones()).sum();
        write!(f, "Filter({bits} bits)")
    }
}

/// The bit of a word in a [`Filter`] (word, bit): 14 bits of a hash of its length and
/// its first three bytes.
#[inline(always)]
fn filter_bit(k: &[u8]) -> (usize, u64) {
    let byte = |i: usize| u32::from(k.get(i).copied().unwrap_or(0));
    let len = u32::try_from(k.len().min(255)).unwrap_or(255);
    let x = byte(0) | byte(1) << 8 | byte(2) << 16 | len << 24;
    let h = x.wrapping_mul(0x9E37_79B1) >> 18;
    ((h >> 6) as usize, 1u64 << (h & 63))
}

impl Filter {
    pub fn insert(&mut self, k: &str) {
        let (i, bit) = filter_bit(k.as_bytes());
        self.0[i] |= bit;
    }

    /// False when `k` was never inserted (true may be a false positive).
    #[inline(always)]
    pub fn may_hold(&self, k: &str) -> bool {
        let (i, bit) = filter_bit(k.as_bytes());
        self.0[i] & bit != 0
    }
}

/// Words of the rules with a value each, behind a [`Filter`]: most words of a text are
/// answered without hashing.
#[derive(Clone)]
pub struct Lookup<V> {
    map: HashMap<&'static str, V, Build>,
    filter: Filter,
}

impl<V> Default for Lookup<V> {
    fn default() -> Self {
        Lookup {
            map: HashMap::default(),
            filter: Filter::default(),
        }
    }
}

impl<V: std::fmt::Debug> std::fmt::Debug for Lookup<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.map.fmt(f)
    }
}

impl<V> Lookup<V> {
    /// The value of word `k`.
    #[inline]
    pub fn get(&self, k: &str) -> Option<&V> {
        if !self.filter.may_hold(k) {
            return None;
        }
        self.map.get(k)
    }

    #[inline]
    pub fn contains_key(&self, k: &str) -> bool {
        self.get(k).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &&'static str> {
        self.map.keys()
    }

    /// The value of `k`, inserted as the default when absent.
    pub fn entry(&mut self, k: &'static str) -> &mut V
    where
        V: Default,
    {
        self.filter.insert(k);
        self.map.entry(k).or_default()
    }
}

impl Lookup<()> {
    #[inline]
    pub fn contains(&self, k: &str) -> bool {
        self.contains_key(k)
    }

    pub fn insert(&mut self, k: &'static str) {
        self.entry(k);
    }

    pub fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.keys()
    }
}

impl<'a> IntoIterator for &'a Lookup<()> {
    type Item = &'a &'static str;
    type IntoIter = std::collections::hash_map::Keys<'a, &'static str, ()>;
    fn into_iter(self) -> Self::IntoIter {
        self.map.keys()
    }
}

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
    pub starter: Lookup<Vec<Starter>>,
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
    pub label: Lookup<Vec<Label>>,
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
    /// The first words of every phrase that a capitalized word may open in running text
    /// (`[caption]`, `[starter]`, `[opener]`, `[leader]`, `[label]`) and the weekdays that
    /// open a page's date line: a capital that is none of them (a name, mostly) skips
    /// those rules.
    pub run_on: Filter,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            title: WordSet::default(),
            place: WordSet::default(),
            place_next: WordSet::default(),
            initial_ok: WordSet::default(),
            starter: Lookup::default(),
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
            label: Lookup::default(),
            opener: WordSet::default(),
            caption_lead: [false; 256],
            starter_lead: [false; 256],
            ordinal_lead: [false; 256],
            label_lead: [false; 256],
            opener_lead: [false; 256],
            leader_lead: [false; 256],
            run_on: Filter::default(),
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
        let v = map.entry(first);
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
        let mut run_on = Filter::default();
        let firsts = (r.caption.keys().chain(r.starter.keys()))
            .chain(r.opener.keys().chain(r.leader.keys()))
            .chain(r.label.keys());
        for k in firsts.chain(&["Thứ", "THỨ", "Chủ", "CHỦ"]) {
            run_on.insert(k);
        }
        r.run_on = run_on;
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
                "starter" => r.add_starter(line, n + 1)?,
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
                "label" => r.add_label(line, n + 1)?,
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

    /// A `[starter]` entry (`phrase | next`; `^` before the phrase: after a name) of
    /// line `line`.
    fn add_starter(&mut self, entry: &'static str, line: usize) -> Result<(), RulesError> {
        let (phrase, next) = match entry.split_once('|') {
            Some((p, n)) => (p.trim(), n.trim()),
            None => (entry, "lower"),
        };
        let next = match next {
            "lower" => Next::Lower,
            "digit" => Next::Digit,
            "name" => Next::Name,
            "any" => Next::Any,
            "comma" => Next::Comma,
            other => {
                return Err(RulesError {
                    line,
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
        let v = self.starter.entry(first);
        v.push(Starter {
            rest: it.collect(),
            next,
            after_name,
        });
        v.sort_by_key(|s| std::cmp::Reverse(s.rest.len()));
        Ok(())
    }

    /// A `[label]` entry (`phrase | kind`) of line `line`.
    fn add_label(&mut self, entry: &'static str, line: usize) -> Result<(), RulesError> {
        let (phrase, kind) = match entry.split_once('|') {
            Some((p, k)) => (p.trim(), k.trim()),
            None => (entry, "heading"),
        };
        let kind = match kind {
            "heading" => LabelKind::Heading,
            "opens" => LabelKind::Opens,
            "standalone" => LabelKind::Standalone,
            other => {
                return Err(RulesError {
                    line,
                    message: format!("unknown label kind `{other}`"),
                })
            }
        };
        let mut it = phrase.split_whitespace();
        let first = it.next().unwrap_or_default();
        let v = self.label.entry(first);
        v.push(Label {
            rest: it.collect(),
            kind,
        });
        v.sort_by_key(|l| std::cmp::Reverse(l.rest.len()));
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
        assert!(r
            .starter
            .get("Phát")
            .unwrap()
            .iter()
            .any(|s| s.rest == ["biểu"]));
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
    fn lookups_answer_like_the_map() {
        let mut m = WordSet::default();
        for w in ["TP", "Ảnh", "V", "ông"] {
            m.insert(w);
        }
        for w in ["TP", "Ảnh", "V", "ông"] {
            assert!(m.contains(w), "{w}");
        }
        // same first bytes, other words; other first bytes; the empty word
        for w in ["TPHCM", "T", "Ản", "Ảnh:", "Vx", "ôn", "ồng", "", "x"] {
            assert!(!m.contains(w), "{w}");
        }
        assert_eq!(m.keys().count(), 4);
    }

    #[test]
    fn bad_lines_are_reported() {
        assert_eq!(Rules::parse("x").unwrap_err().line, 1);
        assert!(Rules::parse("[nope]\nx").is_err());
        assert!(Rules::parse("[starter]\nTại|weird").is_err());
    }
}

//! The learned part labeller: a linear-chain model over units (structured perceptron,
//! averaged) with Viterbi decoding. Features come from the unit's analysis (cues with
//! the part they count for, the hand-set scores, form, heading and list structure,
//! modality and tense words, figures and targets), its place in the document and its
//! section, the document's kind and the neighbours' analyses; the transitions between
//! parts are learned too. The weights are data (`models/scorer-parts.tsv`).

use std::hash::Hasher;

use crate::lex::{Fnv, FnvMap, Tk};
use crate::lexicon::Lexicon;
use crate::parts::{Analysis, PARTS};
use crate::{ModelError, Part};

/// Feature hash of a name.
pub(crate) fn hash(name: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(name.as_bytes());
    h.finish()
}

/// FNV-1a offset basis and prime (the state [`hash`] starts from and steps with).
const FNV_BASIS: u64 = 0xcbf29ce484222325;
const FNV_PRIME: u64 = 0x100000001b3;

/// A feature name put together piece by piece: its [`hash`] (the same as hashing the
/// whole name) and, when training, its text. No formatting machinery runs.
pub(crate) struct Name {
    h: u64,
    text: Option<String>,
}

impl Name {
    #[cfg(test)]
    pub fn new(keep_text: bool) -> Name {
        Name {
            h: FNV_BASIS,
            text: keep_text.then(String::new),
        }
    }

    /// A name whose text is not kept, from its hash state `h`.
    #[inline(always)]
    pub fn bare(h: u64) -> Name {
        Name { h, text: None }
    }

    /// The hash of the name so far.
    #[inline(always)]
    pub fn hash(&self) -> u64 {
        self.h
    }

    /// The hash state after `s` (what [`Name::str`] gives from the start), as a constant.
    pub const fn state(s: &str) -> u64 {
        let b = s.as_bytes();
        let mut h = FNV_BASIS;
        let mut i = 0;
        while i < b.len() {
            h ^= b[i] as u64;
            h = h.wrapping_mul(FNV_PRIME);
            i += 1;
        }
        h
    }

    #[inline]
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
        if let Some(t) = &mut self.text {
            t.push_str(s);
        }
    }

    #[inline]
    fn bytes(&mut self, s: &[u8]) {
        let mut h = self.h;
        for &b in s {
            h ^= b as u64;
            h = h.wrapping_mul(FNV_PRIME);
        }
        self.h = h;
    }

    /// A number in decimal, as `{}` writes it.
    #[inline(always)]
    pub fn uint(&mut self, x: u64) {
        if x < 10 {
            // most counts and buckets are one digit
            self.digit(x as u8);
            return;
        }
        self.long_uint(x);
    }

    fn long_uint(&mut self, mut x: u64) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        while x > 0 {
            i -= 1;
            buf[i] = b'0' + (x % 10) as u8;
            x /= 10;
        }
        self.bytes(&buf[i..]);
        if let Some(t) = &mut self.text {
            t.extend(buf[i..].iter().map(|&b| b as char));
        }
    }

    #[inline]
    fn digit(&mut self, d: u8) {
        let b = b'0' + d;
        self.h = (self.h ^ b as u64).wrapping_mul(FNV_PRIME);
        if let Some(t) = &mut self.text {
            t.push(b as char);
        }
    }
}

/// What a piece of a feature name can be: text, a count, a flag (as `{}` writes each).
pub(crate) trait Piece {
    fn put(&self, n: &mut Name);
}

impl Piece for str {
    #[inline]
    fn put(&self, n: &mut Name) {
        n.str(self)
    }
}

impl Piece for String {
    #[inline]
    fn put(&self, n: &mut Name) {
        n.str(self)
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    #[inline]
    fn put(&self, n: &mut Name) {
        (**self).put(n)
    }
}

impl Piece for bool {
    #[inline]
    fn put(&self, n: &mut Name) {
        n.str(if *self { "true" } else { "false" })
    }
}

macro_rules! unsigned_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            #[inline]
            fn put(&self, n: &mut Name) {
                n.uint(*self as u64)
            }
        }
    )*};
}
unsigned_pieces!(u8, u32, usize);

impl Piece for i32 {
    #[inline]
    fn put(&self, n: &mut Name) {
        if *self < 0 {
            n.str("-");
        }
        n.uint(self.unsigned_abs() as u64)
    }
}

/// Collects the features of a unit: their hashes, and their names when training.
pub(crate) struct Feats {
    pub hashes: Vec<u64>,
    /// Value of each feature (1 for indicator features).
    pub vals: Vec<f32>,
    /// The part a tied feature counts for (one weight shared by the parts), 4 for a
    /// feature with a weight per part.
    pub tie: Vec<u8>,
    pub names: Option<Vec<String>>,
}

impl Feats {
    pub fn new(keep_names: bool) -> Feats {
        // a unit has some 40 to 60 features: one allocation per list
        const CAP: usize = 64;
        Feats {
            hashes: Vec::with_capacity(CAP),
            vals: Vec::with_capacity(CAP),
            tie: Vec::with_capacity(CAP),
            names: keep_names.then(Vec::new),
        }
    }

    /// Empty again, keeping the lists' room (for the next unit).
    pub fn clear(&mut self) {
        self.hashes.clear();
        self.vals.clear();
        self.tie.clear();
        if let Some(names) = &mut self.names {
            names.clear();
        }
    }

    /// A name to put together for the next feature, opening with `first` (whose hash
    /// state is `h`, see [`Name::state`]).
    #[inline]
    pub fn name_from(&self, h: u64, first: &str) -> Name {
        Name {
            h,
            text: self.names.is_some().then(|| first.to_string()),
        }
    }

    /// Add the feature `name` with value `v`; `tie`: the part a tied feature says the
    /// unit belongs to (its weight is shared by the parts, so what a section heading or a
    /// discourse cue says about one part is learned from all of them), 4 for none.
    #[inline(always)]
    pub fn push(&mut self, tie: u8, v: f32, name: Name) {
        self.tie.push(tie);
        self.vals.push(v);
        self.hashes.push(name.h);
        if let Some(t) = name.text {
            self.push_name(t);
        }
    }

    /// Keep a feature's name (when training).
    #[cold]
    #[inline(never)]
    fn push_name(&mut self, t: String) {
        if let Some(names) = &mut self.names {
            names.push(t);
        }
    }
}

/// Where the features of a unit go, one by one: kept ([`Feats`]) or scored as they come
/// ([`Emit`]). [`feat!`] calls `name_from` and `push`.
pub(crate) trait Sink {
    /// Empty again, for the next unit.
    fn clear(&mut self);
    /// A name to put together for the next feature (see [`Feats::name_from`]).
    fn name_from(&self, h: u64, first: &str) -> Name;
    /// Add a feature (see [`Feats::push`]).
    fn push(&mut self, tie: u8, v: f32, name: Name);
    /// Whether the features' names are kept (when training).
    fn keeps_names(&self) -> bool;
}

impl Sink for Feats {
    fn clear(&mut self) {
        Feats::clear(self)
    }
    #[inline(always)]
    fn name_from(&self, h: u64, first: &str) -> Name {
        Feats::name_from(self, h, first)
    }
    #[inline(always)]
    fn push(&mut self, tie: u8, v: f32, name: Name) {
        Feats::push(self, tie, v, name)
    }
    fn keeps_names(&self) -> bool {
        self.names.is_some()
    }
}

/// The part model's score of each part for a unit, added up feature by feature as they
/// come (what [`PartModel::emission`] gives the unit's [`Feats`]: the same sums in the
/// same order), with no list of features and no name kept.
pub(crate) struct Emit<'a> {
    weights: &'a Weights<[f32; 4]>,
    /// The scores so far.
    pub s: [f32; 4],
}

impl<'a> Emit<'a> {
    pub fn new(m: &'a PartModel) -> Emit<'a> {
        Emit {
            weights: &m.weights,
            s: [0.0; 4],
        }
    }
}

impl Sink for Emit<'_> {
    fn clear(&mut self) {
        self.s = [0.0; 4];
    }
    #[inline(always)]
    fn name_from(&self, h: u64, _: &str) -> Name {
        Name { h, text: None }
    }
    #[inline(always)]
    fn push(&mut self, tie: u8, v: f32, name: Name) {
        if let Some(w) = self.weights.get(name.h) {
            add_weights(&mut self.s, w, tie, v);
        }
    }
    fn keeps_names(&self) -> bool {
        false
    }
}

/// Add a feature's weights `w` times its value `v` to the scores `s`; `tie` as in
/// [`Feats::push`].
#[inline(always)]
fn add_weights(s: &mut [f32; 4], w: &[f32; 4], tie: u8, v: f32) {
    if tie < 4 {
        s[tie as usize] += w[0] * v;
    } else {
        for p in 0..4 {
            s[p] += w[p] * v;
        }
    }
}

/// Add a feature whose name is the pieces in order: `feat!(f; "own=", o)` (value 1),
/// `feat!(f, v = x; "cent:", p)` (value `x`), `feat!(f, tie = part, x; "T:sw")` (a tied
/// feature, see [`Feats::push`]).
/// The name opens with a literal, hashed when compiling.
macro_rules! feat {
    (@ $f:expr, $tie:expr, $v:expr; $first:literal $(, $p:expr)*) => {{
        #[allow(unused_mut)]
        let mut name = $f.name_from(const { $crate::model::Name::state($first) }, $first);
        $( $crate::model::Piece::put(&$p, &mut name); )*
        $f.push($tie, $v, name);
    }};
    ($f:expr, v = $v:expr; $first:literal $(, $p:expr)* $(,)?) => {
        feat!(@ $f, 4, $v; $first $(, $p)*)
    };
    ($f:expr, tie = $part:expr, $v:expr; $first:literal $(, $p:expr)* $(,)?) => {
        feat!(@ $f, $crate::parts::idx($part) as u8, $v; $first $(, $p)*)
    };
    ($f:expr; $first:literal $(, $p:expr)* $(,)?) => { feat!(@ $f, 4, 1.0; $first $(, $p)*) };
}
pub(crate) use feat;

pub(crate) fn short(p: Part) -> &'static str {
    match p {
        Part::Result => "R",
        Part::Shortcoming => "S",
        Part::Directive => "D",
        Part::Other => "O",
    }
}

pub(crate) fn bucket(x: f32) -> u8 {
    if x <= 0.05 {
        0
    } else if x <= 0.6 {
        1
    } else if x <= 1.2 {
        2
    } else if x <= 2.2 {
        3
    } else {
        4
    }
}

pub(crate) fn len_bucket(n: usize) -> u8 {
    match n {
        0..=3 => 0,
        4..=8 => 1,
        9..=15 => 2,
        16..=30 => 3,
        31..=60 => 4,
        _ => 5,
    }
}

fn argmax(s: &[f32; 4]) -> usize {
    (0..4)
        .max_by(|&a, &b| s[a].total_cmp(&s[b]).then(b.cmp(&a)))
        .unwrap_or(3)
}

/// Words whose presence is a feature (modality, tense and aspect, negation, targets,
/// assignment, speech). Their position (in the first words or later) counts too.
pub(crate) const MARKERS: &[&str] = &[
    "cần",
    "phải",
    "phấn đấu",
    "giao",
    "có trách nhiệm",
    "chủ trì",
    "phối hợp",
    "đề nghị",
    "yêu cầu",
    "chỉ đạo",
    "tổ chức thực hiện",
    "đã",
    "đang",
    "sẽ",
    "còn",
    "chưa",
    "không",
    "được",
    "đạt",
    "đến năm",
    "mục tiêu",
    "chỉ tiêu",
    "nhiệm vụ",
    "giải pháp",
    "tuy nhiên",
    "nhưng",
    "hạn chế",
    "khó khăn",
    "nguyên nhân",
    "tăng",
    "giảm",
    "so với",
    "thông qua",
    "ban hành",
    "tham dự",
    "dự hội nghị",
    "phát biểu",
    "nhấn mạnh",
    "cho biết",
    "đánh giá",
    "kết quả",
    "tồn tại",
    "yếu kém",
    "bất cập",
    "chậm",
    "tiếp tục",
    "tăng cường",
    "đẩy mạnh",
    "nâng cao",
    "triển khai",
    "thực hiện",
    "năm",
    "tháng",
];

/// The markers by first word, and the place of each in [`MARKERS`].
struct Markers {
    phrases: crate::lex::Phrases,
    /// The place in [`MARKERS`] of each of `phrases.sorted()`.
    index: Vec<usize>,
    /// The index's [`instance`](crate::lex::instance) (for the key cache's notes).
    instance: u64,
}

fn markers_index() -> &'static Markers {
    static INDEX: std::sync::OnceLock<Markers> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let phrases = crate::lex::Phrases::new(MARKERS);
        let index = (phrases.sorted().iter())
            .map(|p| MARKERS.iter().position(|q| q == p).unwrap_or(0))
            .collect();
        Markers {
            phrases,
            index,
            instance: crate::lex::instance(),
        }
    })
}

/// The [`instance`](crate::lex::instance) of [`marker_group`]'s table.
pub(crate) fn markers_instance() -> u64 {
    markers_index().instance
}

/// The markers that can start at a word whose key is `key`: their range in the index,
/// packed as `start << 16 | end` (0: none).
pub(crate) fn marker_group(key: &str) -> u32 {
    let r = markers_index().phrases.group(key);
    ((r.start as u32) << 16) | r.end as u32
}

/// The [`MARKERS`] found in the words `w` of a unit, in marker order, each with whether it
/// is among the first words (within 4 of `first`). One pass over the words through an
/// index by first syllable.
#[cfg(test)]
pub(crate) fn markers(w: &[&str], first: usize) -> Vec<(usize, bool)> {
    markers_by(w.len(), |j| w[j], |j| marker_group(w[j]), first)
}

/// [`markers`] of the `n` words `word(0..n)`, with `group(j)` word `j`'s
/// [`marker_group`].
pub(crate) fn markers_by<'a>(
    n: usize,
    word: impl Fn(usize) -> &'a str + Copy,
    group: impl Fn(usize) -> u32,
    first: usize,
) -> Vec<(usize, bool)> {
    let m = markers_index();
    let mut found: Vec<(usize, bool)> = Vec::with_capacity(8);
    for j in 0..n {
        let g = group(j);
        for s in (g >> 16) as usize..(g & 0xffff) as usize {
            if !has_at_by(n, word, j, m.phrases.sorted()[s]) {
                continue;
            }
            let k = m.index[s];
            match found.iter_mut().find(|x| x.0 == k) {
                Some(x) => x.1 |= j < first + 4,
                None => found.push((k, j < first + 4)),
            }
        }
    }
    found.sort_unstable();
    found
}

/// The kind of document, from the words of its first units.
const DOC_KINDS: &[(&str, &str)] = &[
    ("chỉ thị", "directive"),
    ("kế hoạch", "plan"),
    ("nghị quyết", "resolution"),
    ("thông báo", "notice"),
    ("kết luận", "notice"),
    ("báo cáo", "report"),
    ("quyết định", "decision"),
    ("chương trình", "plan"),
    ("đề án", "plan"),
];

/// Match keys of the word tokens of a unit, in order.
pub(crate) fn words(a: &Analysis) -> Vec<&str> {
    // `nwords` counts the word tokens: one allocation
    let mut w = Vec::with_capacity(a.nwords);
    for (i, t) in a.toks.iter().enumerate() {
        if t.kind == Tk::Word {
            w.push(a.keys.key(i));
        }
    }
    w
}

/// Whether the words of `phrase` (separated by single spaces) are `w[i..]`'s first words.
#[inline]
pub(crate) fn has_at(w: &[&str], i: usize, phrase: &str) -> bool {
    has_at_by(w.len(), |j| w[j], i, phrase)
}

/// [`has_at`] over the `n` words `word(0..n)`.
#[inline]
pub(crate) fn has_at_by<'a>(
    n: usize,
    word: impl Fn(usize) -> &'a str,
    i: usize,
    phrase: &str,
) -> bool {
    let mut rest = phrase.as_bytes();
    let mut j = i;
    loop {
        if j >= n {
            return false;
        }
        let k = word(j).as_bytes();
        if !crate::lex::starts_with(rest, k) {
            return false;
        }
        match rest[k.len()..].split_first() {
            None => return true,
            Some((b' ', r)) => rest = r,
            Some(_) => return false,
        }
        j += 1;
    }
}

/// The document kind, from the first words of its first units, or from a title line
/// that opens with the kind further down, below an official letterhead (issuer, motto,
/// number, place and date: `THÔNG BÁO`, `NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ về ...`).
pub(crate) fn doc_kind(an: &[Analysis]) -> &'static str {
    let kind_at = |w: &[&str], i: usize| DOC_KINDS.iter().find(|(k, _)| has_at(w, i, k));
    for a in an.iter().take(4) {
        let w = words(a);
        if let Some((_, kind)) = (0..w.len().min(6)).find_map(|i| kind_at(&w, i)) {
            return kind;
        }
    }
    for a in an.iter().take(LETTERHEAD_UNITS).skip(4) {
        if a.terminal.is_some_and(|t| t != ":") {
            continue; // a sentence, not a title line
        }
        let w = words(a);
        if let Some((_, kind)) = kind_at(&w, 0) {
            return kind;
        }
    }
    "news"
}

/// How far down a title line is looked for: a letterhead takes up to 7 lines (issuer,
/// parent body, motto, number, place and date), and a title may take two.
const LETTERHEAD_UNITS: usize = 10;

/// Features of every unit (with their names, for training). `kind` is the document's
/// [`doc_kind`]; `an[i].context` and `an[i].emis` must be set (see `parts::context`).
#[cfg(feature = "train")]
pub(crate) fn features(an: &[Analysis], lex: &Lexicon, kind: &'static str) -> Vec<Feats> {
    let mut out = Vec::with_capacity(an.len());
    each_features(an, lex, kind, None, &mut Feats::new(true), |_, f| {
        out.push(std::mem::replace(f, Feats::new(true)))
    });
    out
}

/// The words that open and close the word pairs a part model knows (its `bb:` features):
/// the feature of any other pair has no weight, and labelling leaves it out.
#[derive(Debug, Default)]
pub(crate) struct Pairs {
    /// Word to its code: its place among the pair words (`<< 2`) with [`Pairs::FIRST`]
    /// and / or [`Pairs::SECOND`].
    words: crate::lex::StrMap<Box<str>, u32>,
    /// The places of the two words of each known pair (`first << 32 | second`) to the
    /// hash of its feature name, so that labelling hashes no pair's name.
    known: FnvMap<u64, u64>,
    /// This list's [`instance`](crate::lex::instance) (for the key cache's notes).
    pub instance: u64,
}

impl Pairs {
    pub const FIRST: u32 = 1;
    pub const SECOND: u32 = 2;

    /// The code of a word whose key is `key` (0: in no known pair): what it can be in a
    /// known pair ([`Pairs::FIRST`], [`Pairs::SECOND`]) and its place among the words.
    pub fn code(&self, key: &str) -> u32 {
        self.words.get(key).copied().unwrap_or(0)
    }

    /// The feature hash of the known pair of the words whose codes are `a` and `b`.
    #[inline]
    pub fn pair(&self, a: u32, b: u32) -> Option<u64> {
        if a & Pairs::FIRST == 0 || b & Pairs::SECOND == 0 {
            return None;
        }
        let k = ((a >> 2) as u64) << 32 | (b >> 2) as u64;
        self.known.get(&k).copied()
    }

    /// Note the pair feature `name` (`bb:` and two words), if it is one.
    fn add(&mut self, name: &str) {
        let Some((a, b)) = name.strip_prefix("bb:").and_then(|x| x.split_once(' ')) else {
            return;
        };
        let a = self.add_word(a, Pairs::FIRST);
        let b = self.add_word(b, Pairs::SECOND);
        self.known
            .insert(((a >> 2) as u64) << 32 | (b >> 2) as u64, hash(name));
    }

    /// Note `word` with `role`; its code.
    fn add_word(&mut self, word: &str, role: u32) -> u32 {
        let next = (self.words.len() as u32) << 2;
        let code = self.words.entry(word.into()).or_insert(next);
        *code |= role;
        *code
    }
}

/// The features of every unit in turn: `each(i, f)` gets unit `i`'s (in a list reused from
/// unit to unit). `pairs`: leave out the word pairs a model does not know (by the codes of
/// [`Analysis::pair_roles`]; all of them when no names are kept).
pub(crate) fn each_features<F: Sink>(
    an: &[Analysis],
    lex: &Lexicon,
    kind: &'static str,
    pairs: Option<&Pairs>,
    f: &mut F,
    mut each: impl FnMut(usize, &mut F),
) {
    let mut sec = Sections::default();
    let own_arg: Vec<usize> = an.iter().map(|a| argmax(&a.own)).collect();
    for (i, a) in an.iter().enumerate() {
        f.clear();
        cue_features(f, a, lex, kind, own_arg[i]);
        sec.features(f, a);
        layout_features(f, an, i, &own_arg, kind);
        // words
        if let Some(w1) = a.lead_word(0) {
            feat!(f; "w1:", w1);
            if let Some(w2) = a.lead_word(1) {
                feat!(f; "w12:", w1, " ", w2);
                // an instruction, by the class of its verb: new verbs are read like known ones
                if a.opens_with_act {
                    feat!(f; "act1");
                    feat!(f; "act1&doc=", kind);
                }
            }
        }
        // word pairs: the phrasing cues the lexicon lacks (`tăng so`, `còn chậm`, `chưa
        // được`); rare pairs are pruned from the model (see `BIGRAM_MIN_WEIGHT`)
        match pairs.filter(|p| p.instance == a.pair_roles.0 && !f.keeps_names()) {
            Some(p) => known_pairs(f, a, p),
            None => all_pairs(f, a, pairs),
        }
        marker_features(f, a, kind);
        each(i, f);
    }
}

/// The unit's own scores, its cues, heading, context and switch.
fn cue_features(f: &mut impl Sink, a: &Analysis, lex: &Lexicon, kind: &'static str, o: usize) {
    feat!(f; "b");
    feat!(f; "doc=", kind);
    feat!(f; "own=", o);
    feat!(f; "emis=", argmax(&a.emis));
    feat!(f; "own=", o, "&doc=", kind);
    for p in 0..4 {
        let s = a.own[p] - crate::Tuning::default().bias[p];
        feat!(f; "own", p, ":", bucket(s));
    }
    for &(c, p, minor) in &a.cue_parts {
        if minor {
            feat!(f; "cminor:", short(p));
            continue;
        }
        feat!(f; "c:", lex.cues[c as usize].phrase, ":", short(p));
        feat!(f; "cp:", short(p));
        feat!(f, tie = p, lex.cues[c as usize].weight; "T:cue");
    }
    for &k in &a.key_cues {
        if let crate::lexicon::CuePart::Part(p) = lex.cues[k as usize].part {
            feat!(f; "k:", short(p));
        }
    }
    if let Some(h) = a.heading {
        feat!(f; "h");
        feat!(f; "h:", h.map(short).unwrap_or("-"), ":", a.section);
    }
    if let Some((p, _, why)) = &a.context {
        let from = why.split(' ').next().unwrap_or("");
        feat!(f; "ctx:", short(*p), ":", from);
        feat!(f, tie = *p, 1.0; "T:ctx:", from);
    }
    if let Some((p, _)) = a.switch {
        feat!(f; "sw:", short(p));
        feat!(f, tie = p, 1.0; "T:sw");
    }
}

/// Section state along the document: the part the last section heading named, and the
/// units since it.
#[derive(Default)]
struct Sections {
    sec: Option<Option<Part>>,
    since: usize,
}

impl Sections {
    /// Step to unit `a` and add its section features.
    fn features(&mut self, f: &mut impl Sink, a: &Analysis) {
        if a.heading.is_some() && a.section {
            // a sub-heading that names no part (`1. Về kinh tế`) keeps the section's part
            match a.heading.flatten() {
                Some(p) => self.sec = Some(Some(p)),
                None if self.sec.is_none() => self.sec = Some(None),
                None => {}
            }
            self.since = 0;
        } else {
            self.since += 1;
        }
        let sp = match self.sec {
            None => "nosec",
            Some(None) => "-",
            Some(Some(p)) => short(p),
        };
        let spos = match self.since {
            0 => 0,
            1 => 1,
            2 => 2,
            3..=5 => 3,
            _ => 4,
        };
        feat!(f; "sp:", sp);
        feat!(f; "sp:", sp, ":", spos);
        if let Some(Some(p)) = self.sec {
            feat!(f, tie = p, 1.0; "T:sec");
            feat!(f, tie = p, 1.0; "T:sec:", spos);
        }
    }
}

/// Numbering, ending, the neighbours' ending and own part, form, figures, length and
/// place of unit `i`.
fn layout_features(
    f: &mut impl Sink,
    an: &[Analysis],
    i: usize,
    own_arg: &[usize],
    kind: &'static str,
) {
    let (a, n) = (&an[i], an.len());
    feat!(f; "num:", a.numbered);
    feat!(f; "num:", a.numbered, "&doc=", kind);
    feat!(f; "end:", a.terminal.unwrap_or("none"));
    if i > 0 {
        let p = &an[i - 1];
        feat!(f; "pend:", p.terminal.unwrap_or("none"));
        feat!(f; "pown=", own_arg[i - 1]);
        if p.heading.is_some() {
            feat!(f; "ph");
        }
        if p.terminal == Some(":") {
            feat!(f; "pcolon&num:", a.numbered);
        }
    } else {
        feat!(f; "first");
    }
    if i + 1 < n {
        feat!(f; "nown=", own_arg[i + 1]);
    } else {
        feat!(f; "last");
    }
    for r in &a.form {
        feat!(f; "f:", r);
    }
    feat!(f; "fig:", a.figures.min(3));
    feat!(f; "len:", len_bucket(a.nwords));
    let rp = (5 * i).checked_div(n).unwrap_or(0);
    feat!(f; "rp:", rp);
    feat!(f; "rp:", rp, "&doc=", kind);
}

/// Tense, modality and target markers, and the hand-set scores as real values.
fn marker_features(f: &mut impl Sink, a: &Analysis, kind: &'static str) {
    let mut target = false;
    for &(k, early) in &a.marks {
        let m = MARKERS[k];
        feat!(f; "m:", m);
        if early {
            feat!(f; "m1:", m);
        }
        target |= matches!(m, "phấn đấu" | "đến năm" | "mục tiêu" | "chỉ tiêu");
    }
    if target {
        feat!(f; "target:", a.figures > 0);
        feat!(f; "target&doc=", kind);
    }
    if a.figures > 0 {
        feat!(f; "fig&doc=", kind);
    }
    // the hand-set scores (cues, form, context) as real-valued features
    for p in 0..4 {
        feat!(f, v = a.emis[p].clamp(-5.0, 10.0) / 4.0; "hs:", p);
    }
}

/// The word pairs of unit `a` that `pairs` knows, by the words' codes (no name hashed;
/// the others have no weight).
fn known_pairs(f: &mut impl Sink, a: &Analysis, pairs: &Pairs) {
    let codes = &a.pair_roles.1;
    // the previous word's code
    let mut prev: Option<u32> = None;
    for (i, t) in a.toks.iter().enumerate().skip(a.skip) {
        if t.kind != Tk::Word {
            continue;
        }
        if let Some(h) = prev.and_then(|c| pairs.pair(c, codes[i])) {
            f.push(4, 1.0, Name { h, text: None });
        }
        prev = Some(codes[i]);
    }
}

/// The word pairs of unit `a` with their names: every pair, or (with `pairs`, when its
/// codes are in `a`) those whose words can open and close a known pair.
fn all_pairs(f: &mut impl Sink, a: &Analysis, pairs: Option<&Pairs>) {
    // the previous word's token, and whether it can open a known pair
    let mut prev: Option<(usize, bool)> = None;
    let known =
        (pairs.is_some_and(|p| p.instance == a.pair_roles.0)).then_some(&a.pair_roles.1[..]);
    for (i, t) in a.toks.iter().enumerate().skip(a.skip) {
        if t.kind != Tk::Word {
            continue;
        }
        let roles = known.map_or(Pairs::FIRST | Pairs::SECOND, |r| r[i]);
        if let Some((j, true)) = prev {
            if roles & Pairs::SECOND != 0 {
                feat!(f; "bb:", a.keys.key(j), " ", a.keys.key(i));
            }
        }
        prev = Some((i, roles & Pairs::FIRST != 0));
    }
}

/// Feature weights by feature hash, for lookups per feature: open addressing indexed by
/// the hashes' own bits (they are FNV hashes already), linear probing.
#[derive(Debug, Default)]
pub(crate) struct Weights<V> {
    slots: Vec<Option<(u64, V)>>,
}

impl<V: Copy> Weights<V> {
    /// The table of `map`'s weights (half full at most).
    pub fn new(map: &FnvMap<u64, V>) -> Weights<V> {
        let size = (2 * map.len()).next_power_of_two();
        let mut w = Weights {
            slots: vec![None; size],
        };
        for (&h, &v) in map {
            let mut k = w.home(h);
            while w.slots[k].is_some() {
                k = (k + 1) & (size - 1);
            }
            w.slots[k] = Some((h, v));
        }
        w
    }

    #[inline]
    fn home(&self, h: u64) -> usize {
        ((h ^ (h >> 32)) as usize) & (self.slots.len() - 1)
    }

    /// The weight of the feature whose hash is `h`.
    #[inline]
    pub fn get(&self, h: u64) -> Option<&V> {
        if self.slots.is_empty() {
            return None;
        }
        let mut k = self.home(h);
        loop {
            match &self.slots[k] {
                None => return None,
                Some((x, v)) if *x == h => return Some(v),
                Some(_) => k = (k + 1) & (self.slots.len() - 1),
            }
        }
    }
}

/// Weights of the labeller: per feature a score for each part, and the transitions
/// (`trans[from][to]`, `from` 4 is the start).
#[derive(Debug, Default)]
pub(crate) struct PartModel {
    weights: Weights<[f32; 4]>,
    pub trans: [[f32; 4]; 5],
    /// The word pairs among the features.
    pub pairs: Pairs,
}

const HEADER: &str = "# tomtat scorer part model, version 1";

/// The numbered data lines of a TSV model file whose first line must be `header`: blank lines
/// and `#` comments are passed over; each comes with its 0-based line index.
pub(crate) fn data_lines<'a>(
    tsv: &'a str,
    header: &str,
) -> Result<impl Iterator<Item = (usize, &'a str)>, ModelError> {
    let mut lines = tsv.lines().enumerate();
    match lines.next() {
        Some((_, h)) if h.trim_end() == header => {}
        _ => return Err(ModelError::Header),
    }
    Ok(lines.filter(|(_, l)| !(l.trim().is_empty() || l.starts_with('#'))))
}

impl PartModel {
    /// Parse the TSV model (`f \t name \t w_result \t w_shortcoming \t w_directive \t w_other`,
    /// `t \t from \t ...`).
    pub fn parse(tsv: &str) -> Result<PartModel, ModelError> {
        let mut m = PartModel::default();
        let mut weights: FnvMap<u64, [f32; 4]> = FnvMap::default();
        for (n, line) in data_lines(tsv, HEADER)? {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 6 {
                return Err(ModelError::Line(n + 1, "expected 6 fields"));
            }
            let mut w = [0f32; 4];
            for (k, x) in f[2..].iter().enumerate() {
                w[k] = x
                    .parse()
                    .map_err(|_| ModelError::Line(n + 1, "bad weight"))?;
            }
            match f[0] {
                "f" | "g" => {
                    weights.insert(hash(f[1]), w);
                    m.pairs.add(f[1]);
                }
                "t" => {
                    let from = match f[1] {
                        "result" => 0,
                        "shortcoming" => 1,
                        "directive" => 2,
                        "other" => 3,
                        "start" => 4,
                        _ => return Err(ModelError::Line(n + 1, "unknown transition")),
                    };
                    m.trans[from] = w;
                }
                _ => return Err(ModelError::Line(n + 1, "unknown record")),
            }
        }
        m.weights = Weights::new(&weights);
        m.pairs.instance = crate::lex::instance();
        Ok(m)
    }

    /// Score of each part for a unit (labelling adds them up as the features come, see
    /// [`Emit`]).
    #[cfg(test)]
    pub fn emission(&self, f: &Feats) -> [f32; 4] {
        let mut s = [0f32; 4];
        for ((h, &v), &t) in f.hashes.iter().zip(&f.vals).zip(&f.tie) {
            if let Some(w) = self.weights.get(*h) {
                add_weights(&mut s, w, t, v);
            }
        }
        s
    }
}

/// Best sequence of parts under emissions and transitions.
pub(crate) fn viterbi(emis: &[[f32; 4]], trans: &[[f32; 4]; 5]) -> Vec<Part> {
    let n = emis.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[0f32; 4]; n];
    let mut back = vec![[0u8; 4]; n];
    for b in 0..4 {
        score[0][b] = emis[0][b] + trans[4][b];
    }
    for i in 1..n {
        for b in 0..4 {
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
            for a in 0..4 {
                let s = score[i - 1][a] + trans[a][b];
                if s > best {
                    best = s;
                    arg = a;
                }
            }
            score[i][b] = best + emis[i][b];
            back[i][b] = arg as u8;
        }
    }
    let mut p = argmax(&score[n - 1]);
    let mut out = vec![Part::Other; n];
    for i in (0..n).rev() {
        out[i] = PARTS[p];
        p = back[i][p] as usize;
    }
    out
}

/// Training of the labeller (averaged structured perceptron).
#[cfg(feature = "train")]
pub(crate) mod learn {
    use super::*;
    use crate::parts::idx;
    use std::fmt::Write;

    /// A deterministic Fisher-Yates shuffle driven by an xorshift state (the trainers'
    /// models must rebuild byte-identically).
    pub(crate) fn shuffle(order: &mut [usize], rng: &mut u64) {
        for i in (1..order.len()).rev() {
            order.swap(i, (next(rng) % (i as u64 + 1)) as usize);
        }
    }

    /// The next state of an xorshift generator (the trainers' only source of chance).
    fn next(rng: &mut u64) -> u64 {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        *rng
    }

    /// Perceptron runs averaged into the model (over different document orders).
    pub(crate) const RUNS: usize = 9;

    /// Share (in 1/1000) of feature occurrences left out of each perceptron step, drawn anew
    /// for every unit at every pass (feature dropout): a unit's part must then be told by
    /// several of its features rather than by the one that fits the training documents best.
    /// Held out (`train_parts --cv`, mean F1, 8 seeds, with 16 passes instead of 8): trained
    /// on reports-dev2 and scored on reports-dev 0.755 → 0.765, reports-dev folds 0.771 →
    /// 0.791, trained on reports-dev and scored on reports-dev2 0.504 → 0.514, reports-dev2
    /// folds 0.635 → 0.629; 0.2 and 0.4, 8 to 24 passes: the same pattern, smaller or less even.
    const DROPOUT_PER_MILLE: u64 = 300;

    /// Word-pair features whose weights all stay under this are left out of the model: a
    /// pair seen in a few units of one document gets small weights, and pruning them
    /// generalizes better (held-out mean F1 over both gold sets, 3 seeds: 0.654 at 2,
    /// 0.659 at 4, 0.653 at 6; 0.652 unpruned, 0.644 without pairs).
    const BIGRAM_MIN_WEIGHT: f32 = 4.0;

    /// The features of each unit with [`DROPOUT_PER_MILLE`] of them left out at random.
    fn kept(feats: &[Vec<(u32, f32, u8)>], rng: &mut u64) -> Vec<Vec<(u32, f32, u8)>> {
        let mut keep = || next(rng) % 1000 >= DROPOUT_PER_MILLE;
        (feats.iter())
            .map(|fs| fs.iter().copied().filter(|_| keep()).collect())
            .collect()
    }

    /// One training document: the features of its units and their gold parts.
    pub struct Seq {
        pub feats: Vec<Vec<(u32, f32, u8)>>,
        pub gold: Vec<usize>,
    }

    pub struct Trainer {
        pub names: Vec<String>,
        ids: std::collections::HashMap<String, u32>,
        pub seqs: Vec<Seq>,
    }

    impl Trainer {
        pub fn new() -> Trainer {
            Trainer {
                names: Vec::new(),
                ids: Default::default(),
                seqs: Vec::new(),
            }
        }

        pub fn add(&mut self, feats: Vec<Feats>, gold: &[Part]) {
            let mut seq = Seq {
                feats: Vec::new(),
                gold: gold.iter().map(|&p| idx(p)).collect(),
            };
            for f in feats {
                let mut v = Vec::new();
                let ties = f.tie.clone();
                for ((name, x), t) in f
                    .names
                    .unwrap_or_default()
                    .into_iter()
                    .zip(f.vals)
                    .zip(ties)
                {
                    let next = self.names.len() as u32;
                    let id = *self.ids.entry(name.clone()).or_insert_with(|| {
                        self.names.push(name);
                        next
                    });
                    v.push((id, x, t));
                }
                seq.feats.push(v);
            }
            self.seqs.push(seq);
        }

        /// Train for `epochs` passes, [`RUNS`] times over different deterministic orders of the
        /// documents, and average the runs' averaged weights (one perceptron depends much on
        /// the order it sees the few documents in); returns the model as TSV text.
        pub fn train(&self, epochs: usize) -> String {
            let runs = RUNS;
            let nf = self.names.len();
            let mut w = vec![[0f32; 4]; nf];
            let mut t = [[0f32; 4]; 5];
            let mut rng = 0x9e3779b97f4a7c15u64;
            for _ in 0..runs {
                let (rw, rt) = self.run(epochs, &mut rng);
                for (a, b) in w.iter_mut().zip(&rw) {
                    for p in 0..4 {
                        a[p] += b[p] / runs as f32;
                    }
                }
                for (a, b) in t.iter_mut().zip(&rt) {
                    for p in 0..4 {
                        a[p] += b[p] / runs as f32;
                    }
                }
            }
            self.write(&w, &t)
        }

        /// One averaged perceptron over the documents in orders drawn from `rng`.
        #[allow(clippy::type_complexity)]
        fn run(&self, epochs: usize, rng: &mut u64) -> (Vec<[f32; 4]>, [[f32; 4]; 5]) {
            let nf = self.names.len();
            let mut w = vec![[0f32; 4]; nf];
            let mut u = vec![[0f32; 4]; nf]; // sum of c * update, for averaging
            let mut t = [[0f32; 4]; 5];
            let mut tu = [[0f32; 4]; 5];
            let mut c = 1f32;
            let mut order: Vec<usize> = (0..self.seqs.len()).collect();
            for _ in 0..epochs {
                shuffle(&mut order, rng);
                for &s in &order {
                    let seq = &self.seqs[s];
                    let feats = kept(&seq.feats, rng);
                    let emis: Vec<[f32; 4]> = feats
                        .iter()
                        .map(|fs| {
                            let mut e = [0f32; 4];
                            for &(f, x, t) in fs {
                                if t < 4 {
                                    e[t as usize] += w[f as usize][0] * x;
                                } else {
                                    for p in 0..4 {
                                        e[p] += w[f as usize][p] * x;
                                    }
                                }
                            }
                            e
                        })
                        .collect();
                    let pred: Vec<usize> = viterbi(&emis, &t).into_iter().map(idx).collect();
                    for i in 0..pred.len() {
                        let (g, p) = (seq.gold[i], pred[i]);
                        if g != p {
                            for &(f, x, t) in &feats[i] {
                                let f = f as usize;
                                if t < 4 {
                                    // one shared weight, in slot 0
                                    let d = (t as usize == g) as u8 as f32
                                        - (t as usize == p) as u8 as f32;
                                    w[f][0] += d * x;
                                    u[f][0] += c * d * x;
                                    continue;
                                }
                                w[f][g] += x;
                                w[f][p] -= x;
                                u[f][g] += c * x;
                                u[f][p] -= c * x;
                            }
                        }
                        let (gf, pf) = if i == 0 {
                            (4, 4)
                        } else {
                            (seq.gold[i - 1], pred[i - 1])
                        };
                        if gf != pf || g != p {
                            t[gf][g] += 1.0;
                            t[pf][p] -= 1.0;
                            tu[gf][g] += c;
                            tu[pf][p] -= c;
                        }
                    }
                    c += 1.0;
                }
            }
            let avg = |w: f32, u: f32| w - u / c;
            let mut tr = [[0f32; 4]; 5];
            for from in 0..5 {
                for p in 0..4 {
                    tr[from][p] = avg(t[from][p], tu[from][p]);
                }
            }
            let wa = (0..nf)
                .map(|f| {
                    let mut a = [0f32; 4];
                    for p in 0..4 {
                        a[p] = avg(w[f][p], u[f][p]);
                    }
                    a
                })
                .collect();
            (wa, tr)
        }

        /// The model as TSV text.
        fn write(&self, w: &[[f32; 4]], t: &[[f32; 4]; 5]) -> String {
            let nf = self.names.len();
            let mut out = String::new();
            out.push_str(HEADER);
            out.push('\n');
            out.push_str("# kind\tname\tresult\tshortcoming\tdirective\tother\n");
            for (from, name) in ["result", "shortcoming", "directive", "other", "start"]
                .iter()
                .enumerate()
            {
                let r: Vec<String> = (0..4).map(|p| format!("{:.3}", t[from][p])).collect();
                let _ = writeln!(out, "t\t{name}\t{}", r.join("\t"));
            }
            let mut rows: Vec<(usize, [f32; 4])> = (0..nf)
                .map(|f| (f, w[f]))
                .filter(|(f, a)| {
                    let cut = if self.names[*f].starts_with("bb:") {
                        BIGRAM_MIN_WEIGHT
                    } else {
                        0.0005
                    };
                    a.iter().any(|x| x.abs() >= cut)
                })
                .collect();
            rows.sort_by(|a, b| self.names[a.0].cmp(&self.names[b.0]));
            for (f, a) in rows {
                if self.names[f].starts_with("T:") {
                    let _ = writeln!(out, "g\t{}\t{:.3}\t0\t0\t0", self.names[f], a[0]);
                    continue;
                }
                let r: Vec<String> = a.iter().map(|x| format!("{x:.3}")).collect();
                let _ = writeln!(out, "f\t{}\t{}", self.names[f], r.join("\t"));
            }
            out
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn dropout_leaves_out_its_share_the_same_way_each_time() {
            let feats: Vec<Vec<(u32, f32, u8)>> = (0..100)
                .map(|u| (0..100).map(|f| (u * 100 + f, 1.0, 4)).collect())
                .collect();
            let (mut a, mut b) = (7u64, 7u64);
            let once = kept(&feats, &mut a);
            assert_eq!(once, kept(&feats, &mut b));
            let left: usize = once.iter().map(Vec::len).sum();
            let share = 1.0 - left as f64 / 10_000.0;
            assert!((0.27..0.33).contains(&share), "{share}");
            // the next pass draws anew
            assert_ne!(once, kept(&feats, &mut a));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn built(keep: bool, put: impl Fn(&mut Name)) -> (u64, Option<String>) {
        let mut n = Name::new(keep);
        put(&mut n);
        (n.h, n.text)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// A name put together from pieces hashes as the formatted name does (the models
        /// hold the hashes of the formatted names).
        #[test]
        fn pieces_hash_as_the_formatted_name(
            s in "[a-zđư=:& ]{0,8}",
            n in 0usize..100_000,
            b in any::<bool>(),
            x in any::<u8>(),
            k in -50i32..50,
        ) {
            let want = format!("w:{s}:{n}&{b}:{x}:{k}");
            let put = |m: &mut Name| {
                for p in [&"w:" as &dyn Piece, &s, &":", &n, &"&", &b, &":", &x, &":", &k] {
                    p.put(m);
                }
            };
            prop_assert_eq!(built(false, put), (hash(&want), None));
            prop_assert_eq!(built(true, put), (hash(&want), Some(want)));
        }
    }

    proptest! {
        /// The markers found through the first-word index are those a scan of every
        /// marker at every word finds.
        #[test]
        fn markers_agree_with_a_scan(
            idx in proptest::collection::vec(0usize..12, 0..30),
            first in 0usize..6,
        ) {
            const VOCAB: &[&str] = &[
                "đã", "tăng", "so", "với", "tổ", "chức", "thực", "hiện", "năm", "đến", "giao", "x",
            ];
            let w: Vec<&str> = idx.iter().map(|&i| VOCAB[i]).collect();
            let mut want: Vec<(usize, bool)> = Vec::new();
            for (k, m) in MARKERS.iter().enumerate() {
                let syl: Vec<&str> = m.split(' ').collect();
                let at: Vec<usize> = (0..w.len())
                    .filter(|&j| w[j..].starts_with(&syl))
                    .collect();
                if let Some(&j0) = at.first() {
                    want.push((k, at.iter().any(|&j| j < first + 4) || j0 < first + 4));
                }
            }
            prop_assert_eq!(markers(&w, first), want);
        }
    }

    /// The scores added up as the features come are those of the list of features.
    #[test]
    fn emit_scores_as_the_feature_list() {
        let scorer = crate::Scorer::new();
        let m = scorer.model.as_ref().expect("bundled model");
        let mut units_seen = 0;
        for mut an in crate::corpus_analyses(&scorer) {
            crate::parts::context(&mut an, &scorer.lex, &scorer.tuning);
            let kind = doc_kind(&an);
            let mut listed = Vec::new();
            each_features(
                &an,
                &scorer.lex,
                kind,
                Some(&m.pairs),
                &mut Feats::new(false),
                |_, f| listed.push(m.emission(f)),
            );
            let mut emitted = Vec::new();
            each_features(
                &an,
                &scorer.lex,
                kind,
                Some(&m.pairs),
                &mut Emit::new(m),
                |_, e| emitted.push(e.s),
            );
            let bits = |v: &[[f32; 4]]| -> Vec<[u32; 4]> {
                v.iter().map(|s| s.map(f32::to_bits)).collect()
            };
            assert_eq!(bits(&listed), bits(&emitted));
            units_seen += listed.len();
        }
        assert!(units_seen > 100);
    }

    #[test]
    fn feat_macro_keeps_names_when_training() {
        let mut f = Feats::new(true);
        let (kind, o) = ("report", 3usize);
        feat!(f; "own=", o, "&doc=", kind);
        feat!(f, v = 0.5; "hs:", 2usize);
        feat!(f, tie = Part::Directive, 1.0; "T:sec:", 4u8);
        assert_eq!(
            f.names.as_deref(),
            Some(
                &[
                    "own=3&doc=report".to_string(),
                    "hs:2".into(),
                    "T:sec:4".into()
                ][..]
            )
        );
        assert_eq!(f.hashes[0], hash("own=3&doc=report"));
        assert_eq!((f.vals[1], f.tie[1]), (0.5, 4));
        assert_eq!((f.vals[2], f.tie[2]), (1.0, 2));
    }
}

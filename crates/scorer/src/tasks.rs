//! Tasks: the clauses of directive units, with who must act where stated.

use tomtat_splitter::Unit;

use crate::lead::DOCUMENT_NAMES;
use crate::lex::{FirstWords, Keyed, Phrases, Tk, Tok};
use crate::parts::Analysis;
use crate::Task;

/// Words after which the actor is named (`yêu cầu các cấp ủy ...`).
const ASK: &[&str] = &["yêu cầu", "đề nghị", "kêu gọi", "mong muốn", "giao cho"];
/// Words before which the actor is named (`các địa phương cần ...`); the first
/// [`NAMING`] name an actor before them, the others are kept in the task.
const MODAL: &[&str] = &[
    "cần phải",
    "cần",
    "phải",
    "sẽ",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "tập trung",
    "tiếp tục",
    "chủ động",
    "khẩn trương",
];
/// How many of [`MODAL`] name an actor before them and are dropped from the task.
const NAMING: usize = 6;
/// Verbs of an assignment (besides the kept modals, `MODAL[NAMING..]`) that name their
/// actor before them and stay in the task
/// (`Sở Tài chính chủ trì, phối hợp ...`, `UBND tỉnh chỉ đạo ...`): an actor is taken
/// before them only when it names a body or a person ([`is_body`]).
const ACTS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "chỉ đạo",
    "hướng dẫn",
    "tham mưu",
    "báo cáo",
    "rà soát",
    "nghiên cứu",
    "theo dõi",
    "kiểm tra",
    "đôn đốc",
    "triển khai",
    "xây dựng",
    "bảo đảm",
    "đảm bảo",
    "hoàn thành",
    "xử lý",
    "lãnh đạo",
    "nêu cao",
    "đẩy nhanh",
    "đẩy mạnh",
    "tiếp thu",
    "chú trọng",
    "tích cực",
    "tăng cường",
    "đề xuất",
    "xác định",
    "công khai",
    "phân bổ",
    "quan tâm",
    "thực hiện",
    "nâng cao",
    "ưu tiên",
    "tổ chức",
    "thẩm định",
    "tiếp nhận",
    "thông báo",
    "tiến hành",
    "giám sát",
    "quy định",
    "ban hành",
    "cung cấp",
    "thành lập",
    "tổng hợp",
];
/// Whether the words `first second` are an assignment verb or a kept modal ([`ACTS`],
/// `MODAL[NAMING..]`): a unit that opens with one (`Chủ trì, phối hợp ...`, `Tổ chức hướng
/// dẫn ...`, `Tập trung ...`) is written as an instruction, whatever the verb.
pub(crate) fn is_assignment_verb(first: &str, second: &str) -> bool {
    // the verbs' second words by their first, built once (asked of every unit)
    static BY_FIRST: std::sync::OnceLock<rustc_hash::FxHashMap<&str, Vec<&str>>> =
        std::sync::OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<&str, Vec<&str>> = Default::default();
        for (a, b) in (ACTS.iter().chain(&MODAL[NAMING..])).filter_map(|p| p.split_once(' ')) {
            m.entry(a).or_default().push(b);
        }
        m
    });
    by_first.get(first).is_some_and(|v| v.contains(&second))
}

/// Words after which an [`ACTS`] phrase is a noun, not a verb (`các tổ chức`).
const BEFORE_NOUN: &[&str] = &["các", "những", "mọi", "và", "từng", "cơ quan"];

/// First words of an actor that is a body or a person (`các cấp ủy`, `Sở Giao thông vận
/// tải`, `UBND các quận`, `đồng chí Bí thư`); an actor must open with one of them or with
/// a capitalised name, and never with a discourse word.
const BODY: &[&str] = &[
    "các",
    "những",
    "mỗi",
    "từng",
    "toàn",
    "cấp",
    "sở",
    "ban",
    "bộ",
    "ủy",
    "uỷ",
    "ubnd",
    "hđnd",
    "ngành",
    "tỉnh",
    "huyện",
    "xã",
    "phường",
    "quận",
    "thị",
    "thành",
    "đảng",
    "chi",
    "chính",
    "mặt",
    "mttq",
    "đoàn",
    "hội",
    "công",
    "quân",
    "cơ",
    "đơn",
    "doanh",
    "địa",
    "người",
    "lãnh",
    "cán",
    "chủ",
    "giám",
    "thủ",
    "bí",
    "đồng",
    "trung",
    "tổng",
    "cục",
    "tập",
    "ngân",
    "kho",
    "thanh",
    "văn",
    "trường",
    "viện",
    "quốc",
    "nhà",
    "thường",
    "tổ",
    "liên",
    "lực",
    "hệ",
    "bch",
    "btv",
    "ubkt",
    "chúng",
    "ta",
    "mọi",
    "gia",
    "trưởng",
    "phó",
    "hợp",
    "nông",
    "hộ",
    "ngành,",
    "bảo",
    "kiểm",
    "điện",
    "đài",
    "báo",
];

/// Discourse words and clause openers that are never an actor.
const NOT_BODY: &[&str] = &[
    "cụ thể",
    "tiếp đó",
    "tiếp theo",
    "sau đó",
    "đồng thời",
    "theo đó",
    "bên cạnh",
    "ngoài ra",
    "trong đó",
    "qua đó",
    "như vậy",
    "vì vậy",
    "do đó",
    "tuy nhiên",
    "mặt khác",
    "hiện nay",
    "điều",
    "đó",
    "này",
    "nhiệm vụ",
    "mục tiêu",
    "việc",
    "công tác",
    "trường hợp",
    "con số",
    "không",
    "ban hành",
];

/// Whether an actor names a body or a person.
fn is_body(actor: &str) -> bool {
    is_body_keys(actor, &crate::lex::syllable_keys(actor))
}

/// [`is_body`], given the actor's syllable keys.
fn is_body_keys(actor: &str, keys: &[String]) -> bool {
    let Some(first) = keys.first() else {
        return false;
    };
    let joined = keys.join(" ");
    if NOT_BODY.iter().any(|d| {
        joined
            .strip_prefix(d)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    }) {
        return false;
    }
    // a copula makes a clause of it (`những việc đó đều là việc cấp bách`), not a name;
    // `nhất là`, `đặc biệt là` (especially) only single out a member
    let copula =
        |i: usize| keys[i] == "là" && !(i > 0 && matches!(keys[i - 1].as_str(), "nhất" | "biệt"));
    if (0..keys.len()).any(copula) {
        return false;
    }
    // a conjunction or a clause adverb makes a clause of it (`Mỗi trường có sứ mạng riêng
    // nhưng`, `Hội nghị cũng đã chỉ ra ...`, `Tập đoàn, trong đó`), not a name
    if keys
        .iter()
        .any(|k| matches!(k.as_str(), "nhưng" | "nếu" | "cũng" | "vẫn"))
        || keys.windows(2).any(|w| w[0] == "trong" && w[1] == "đó")
    {
        return false;
    }
    // `đồng` opens `đồng chí` (a person), not `đồng thời`
    if first == "đồng" && keys.get(1).map(String::as_str) != Some("chí") {
        return false;
    }
    if BODY.contains(&first.as_str()) {
        return true;
    }
    // a name: an acronym (`EVN`), or two capitalised words (`Hải Dương`, `Viettel Group`)
    let mut words = actor.split_whitespace();
    let cap = |w: Option<&str>| {
        w.and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let w1 = words.next();
    let acronym = w1.is_some_and(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()));
    acronym || (cap(w1) && cap(words.next()))
}

/// Speech verbs: the actor is after them (`Bí thư nhấn mạnh, các cấp cần ...`).
const SPEAKER: &[&str] = &[
    "nhấn mạnh",
    "cho biết",
    "cho rằng",
    "nêu rõ",
    "khẳng định",
    "lưu ý",
    "chỉ rõ",
    "nói",
    "kiến nghị",
    "phát biểu",
    "bày tỏ",
];
/// Time phrases dropped at the start of an actor.
const TIME_LEAD: &[&str] = &[
    "trong thời gian tới",
    "thời gian tới",
    "trong năm tới",
    "năm tới",
    "sắp tới",
    "tới đây",
    "trước mắt",
];
/// Words dropped at the end of an actor.
const TRAIL: &[&str] = &["cũng", "còn", "đều", "sẽ", "đã", "thì", "vẫn"];
/// Adverbs of manner dropped at the end of an actor (`các sở, ngành nghiêm túc` / `triển
/// khai ...`): they say how the task is done, not who does it.
const MANNER: &[(&str, &str)] = &[
    ("nghiêm", "túc"),
    ("kịp", "thời"),
    ("quyết", "liệt"),
    ("thường", "xuyên"),
    ("khẩn", "trương"),
    ("chủ", "động"),
    ("tích", "cực"),
];
/// Leading connectors dropped from a task.
const LEAD: &[&str] = &[
    "do đó",
    "vì vậy",
    "vì thế",
    "chính vì vậy",
    "chính vì thế",
    "trên cơ sở đó",
    "tuy nhiên",
    "đồng thời",
    "bên cạnh đó",
    "ngoài ra",
    "trong đó",
    "theo đó",
    "từ đó",
    "qua đó",
    "cùng với đó",
    "thứ nhất là",
    "thứ hai là",
    "thứ ba là",
    "thứ nhất",
    "thứ hai",
    "thứ ba",
    "đặc biệt là",
    "đặc biệt",
    "trước hết",
    "do vậy",
    "hơn nữa",
    "thứ tư",
    "thứ năm",
    "song song với đó",
    "cụ thể",
    "tiếp đó",
    "và",
    "nhất là",
    "là",
];
/// Words that cannot start an actor phrase.
const NOT_ACTOR: &[&str] = &[
    "tới", "năm", "tháng", "dự", "khi", "nếu", "về", "theo", "sau", "trước", "qua", "từ", "riêng",
    "còn", "cũng", "ngày", "thời", "trong", "để", "khi", "với", "đây", "nhằm", "tuy", "nhưng",
    "đồng",
];

/// The phrase lists, indexed for matching at a token.
struct Lists {
    ask: List,
    modal: List,
    /// `MODAL[..NAMING]`
    naming: List,
    /// `MODAL[NAMING..]`
    kept: List,
    speaker: List,
    time_lead: List,
    lead: List,
    /// Modal and request words: a unit with one of them is a directive even in the past.
    asks: List,
    /// [`ASKS_BEFORE_PAST`]
    asks_before_past: List,
    /// [`ACTS`]
    acts: List,
    /// [`DOCUMENT_NAMES`] and [`CITED_TOO`]
    cited: List,
    /// Which lists have phrases that start with a word (each list's `bit`).
    first: FirstWords,
}

/// A phrase list and its bit in [`Lists::first`].
struct List {
    phrases: Phrases,
    bit: u32,
}

/// Names of documents that are cited but are no title of a briefed document's own
/// (besides [`DOCUMENT_NAMES`]): a clause that opens with a name and `số` (`Nghị định số
/// 131/2025/NĐ-CP`) goes on with a list of the documents a task follows, and is no task.
const CITED_TOO: &[&str] = &[
    "phương án",
    "văn bản",
    "hướng dẫn",
    "luật",
    "pháp lệnh",
    "hiến pháp",
];

/// Request words besides [`ASK`] and the naming modals that keep a past unit a directive.
const ASKS_MORE: &[&str] = &["đề nghị", "yêu cầu", "chỉ đạo", "giao"];
/// Words of a task that keep a past unit a directive, except after a meeting's past
/// report (`hội nghị đã nêu ... và thống nhất 07 nhóm nhiệm vụ trọng tâm tập trung thực
/// hiện ...`), where they are part of what was reported.
const ASKS_BEFORE_PAST: &[&str] = &["phấn đấu", "tập trung", "chủ động"];
/// A meeting that reports what it did (`hội nghị đã ...`).
const MEETINGS: &[&str] = &["hội nghị", "đại hội", "kỳ họp", "phiên họp", "cuộc họp"];

fn lists() -> &'static Lists {
    static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| {
        let asks: Vec<&'static str> = (MODAL[..NAMING].iter().chain(ASK).chain(ASKS_MORE))
            .copied()
            .collect();
        let acts: Vec<&'static str> = MODAL[NAMING..].iter().chain(ACTS).copied().collect();
        let cited: Vec<&'static str> = DOCUMENT_NAMES.iter().chain(CITED_TOO).copied().collect();
        let list = |k: u32, phrases: &[&'static str]| List {
            phrases: Phrases::new(phrases),
            bit: 1 << k,
        };
        let mut l = Lists {
            ask: list(0, ASK),
            modal: list(1, MODAL),
            naming: list(2, &MODAL[..NAMING]),
            kept: list(3, &MODAL[NAMING..]),
            speaker: list(4, SPEAKER),
            time_lead: list(5, TIME_LEAD),
            lead: list(6, LEAD),
            asks: list(8, &asks),
            acts: list(9, &acts),
            cited: list(10, &cited),
            asks_before_past: list(11, ASKS_BEFORE_PAST),
            first: FirstWords::default(),
        };
        let all = [
            &l.ask,
            &l.modal,
            &l.naming,
            &l.kept,
            &l.speaker,
            &l.time_lead,
            &l.lead,
            &l.asks,
            &l.acts,
            &l.cited,
            &l.asks_before_past,
        ];
        let first = FirstWords::new(&all.map(|x| (&x.phrases, x.bit)));
        l.first = first;
        l
    })
}

/// The tokens of a clause: a slice of its unit's tokens (from token `off`) with the
/// unit's keys.
struct Clause<'a> {
    toks: &'a [Tok],
    keys: &'a Keyed,
    off: usize,
    /// The lists whose phrases can start at each token of the unit ([`Lists::first`]).
    starts: &'a [u32],
}

impl Clause<'_> {
    /// The end of the longest phrase of `list` from token `i`.
    fn any_at(&self, i: usize, list: &List) -> Option<usize> {
        if self
            .starts
            .get(self.off + i)
            .is_none_or(|&m| m & list.bit == 0)
        {
            return None;
        }
        list.phrases.longest_at(self.keys, self.off, self.toks, i)
    }
    fn key(&self, i: usize) -> &str {
        self.keys.key(self.off + i)
    }
    /// The clause from its token `k` on.
    fn from(&self, k: usize) -> Clause<'_> {
        Clause {
            toks: &self.toks[k.min(self.toks.len())..],
            off: self.off + k,
            ..*self
        }
    }
    /// The end of a modal of `list` from token `i`, unless it opens an adjective (`cần
    /// thiết`: necessary).
    fn modal_at(&self, i: usize, list: &List) -> Option<usize> {
        let e = self.any_at(i, list)?;
        (self.toks.get(e).is_none_or(|_| self.key(e) != "thiết")).then_some(e)
    }
    /// The end of a request phrase ([`ASK`]) from token `i`, unless it is used as a noun
    /// there ([`request_is_noun`]).
    fn ask_at(&self, i: usize) -> Option<usize> {
        let e = self.any_at(i, &lists().ask)?;
        let word =
            |k: usize| (self.toks.get(k)).and_then(|t| (t.kind == Tk::Word).then(|| self.key(k)));
        let before = i.checked_sub(1).and_then(word);
        (!request_is_noun(before, word(e))).then_some(e)
    }
}

/// Whether a request word (`yêu cầu`, `đề nghị`, `chỉ đạo`) between the words `before` and
/// `after` is a noun, not a request: the request of someone (`theo đề nghị của Sở`, `khi có
/// yêu cầu của cơ quan`, `đáp ứng các yêu cầu`), whose words are no task.
fn request_is_noun(before: Option<&str>, after: Option<&str>) -> bool {
    after == Some("của")
        || before.is_some_and(|w| matches!(w, "theo" | "có" | "các" | "những" | "mọi" | "ứng"))
}

/// The unit's tokens `lo..hi` that lexing `cs..ce` alone would give: those inside it,
/// when no token of the unit crosses either end (the lexer then starts and stops there
/// in the same state; it looks ahead only inside a token). `None`: lex the clause.
fn clause_tokens(toks: &[Tok], unit: &Unit, cs: usize, ce: usize) -> Option<(usize, usize)> {
    if toks.is_empty() || cs < unit.start || ce > unit.end {
        return None;
    }
    let lo = toks.partition_point(|t| t.start < cs);
    let hi = toks.partition_point(|t| t.start < ce);
    let crosses = |k: usize, at: usize| k > 0 && toks[k - 1].end > at;
    (!crosses(lo, cs) && !crosses(hi, ce)).then_some((lo, hi))
}

/// Clause ranges of a unit: the splitter's, else `;`-separated pieces.
fn clause_ranges(text: &str, unit: &Unit) -> Vec<(usize, usize)> {
    if !unit.clauses.is_empty() {
        return unit.clauses.iter().map(|c| (c.start, c.end)).collect();
    }
    let mut out = Vec::new();
    let mut s = unit.start;
    for (i, b) in text[unit.start..unit.end].bytes().enumerate() {
        if b == b';' {
            out.push((s, unit.start + i));
            s = unit.start + i + 1;
        }
    }
    out.push((s, unit.end));
    out
}

/// Tasks of a directive unit.
fn is_punct(text: &str, t: &Tok, p: &str) -> bool {
    t.kind == Tk::Punct && &text[t.start..t.end] == p
}

/// Where the actor before token `i` of clause `c` starts: back to token `from`, or to
/// the last punctuation before `i` other than a comma, an `&` and a `-` inside a name
/// (`Bộ NN&PTNT`, `Sở TN-MT`).
fn actor_start(text: &str, c: &Clause, from: usize, i: usize) -> usize {
    let inside = |t: &Tok| {
        // `&` joins the parts of a name even with spaces around it (`Sở Nông nghiệp & PTNT`)
        is_punct(text, t, ",")
            || is_punct(text, t, "&")
            || (is_punct(text, t, "-")
                && t.start > 0
                && ![t.start - 1, t.end]
                    .iter()
                    .any(|&b| text.as_bytes().get(b).is_none_or(u8::is_ascii_whitespace)))
    };
    let mut a = i;
    while a > from && (c.toks[a - 1].kind != Tk::Punct || inside(&c.toks[a - 1])) {
        a -= 1;
    }
    a
}

/// The first assignment verb ([`ACTS`]) at or after token `from` of the clause, with the
/// actor before it (from token `a0` on, or after the last punctuation other than a comma)
/// when that names a body or a person.
fn actor_before_act(text: &str, c: &Clause, a0: usize, from: usize) -> Option<(usize, String)> {
    let l = lists();
    let n = c.toks.len();
    // a verb inside a name is capitalised (`Bộ Xây dựng`): the verb must be in lower case
    let lower = |i: usize| {
        text[c.toks[i].start..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    };
    let noun = |i: usize| i > 0 && BEFORE_NOUN.contains(&c.key(i - 1));
    let i =
        (from..n.min(a0 + 30)).find(|&i| lower(i) && !noun(i) && c.any_at(i, &l.acts).is_some())?;
    let a = actor_start(text, c, a0, i);
    // the task left after the actor must still be one (three words or more)
    if c.toks[i..].iter().filter(|t| t.kind == Tk::Word).count() < 3 {
        return None;
    }
    // `Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì ...`: the body is named
    // before its role, and the role ends with a comma before the verb
    let role = (a..i).find(|&k| {
        let at = |j: usize, w: &str| j < i && c.key(j) == w;
        let body = (at(k + 1, "cơ") && at(k + 2, "quan")) || (at(k + 1, "đơn") && at(k + 2, "vị"));
        let qualified = [("thường", "trực"), ("đầu", "mối"), ("chủ", "trì")]
            .iter()
            .any(|(x, y)| at(k + 3, x) && at(k + 4, y));
        at(k, "là") && body && qualified && k + 6 == i && is_punct(text, &c.toks[k + 5], ",")
    });
    // `Các sở, ngành căn cứ Kế hoạch này xây dựng ...`: the body is named before the
    // document it goes by
    let basis = (a + 1..i.saturating_sub(1))
        .find(|&k| c.key(k) == "căn" && c.key(k + 1) == "cứ" && i - k <= 10);
    let end = role.or(basis).unwrap_or(i);
    let actor = clean_actor(text, c, a, end).filter(|x| is_institution(x))?;
    // the task keeps what it goes by: the verb found may be a noun inside it (`căn cứ quy
    // định ...`)
    Some((basis.unwrap_or(i), actor))
}

/// How a body that is given a task is named (`Bộ Tài chính`, `Sở Tư pháp`, `UBND tỉnh`,
/// `Chủ đầu tư`, `các sở, ngành`), as syllable keys: the first words of an actor before an
/// assignment verb ([`ACTS`]), stricter than [`is_body`] because nothing else marks it.
const INSTITUTION: &[&str] = &[
    "bộ",
    "sở",
    "ban",
    "ủy ban",
    "uỷ ban",
    "cục",
    "chi cục",
    "tổng cục",
    "tổng công ty",
    "vụ",
    "văn phòng",
    "thanh tra",
    "tập đoàn",
    "công ty",
    "công an",
    "trường",
    "viện",
    "đảng ủy",
    "đảng uỷ",
    "đảng bộ",
    "thành ủy",
    "thành uỷ",
    "tỉnh ủy",
    "tỉnh uỷ",
    "huyện ủy",
    "huyện uỷ",
    "mặt trận",
    "hội",
    "đoàn",
    "giám đốc",
    "chủ tịch",
    "chủ đầu tư",
    "thủ trưởng",
    "người đứng đầu",
    "thủ tướng",
    "phó thủ tướng",
    "chính phủ",
    "ngân hàng",
    "kho bạc",
    "cơ quan",
    "các bộ",
    "các sở",
    "các ban",
    "các ngành",
    "các cơ quan",
    "các đơn vị",
    "các địa phương",
    "các cấp",
    "các tập đoàn",
    "các doanh nghiệp",
];

/// Words that make a clause of an actor (`Thành phố đã tăng cường`, `ngành cần`), or a
/// phrase of more than a name (`Công ty có thể`, `Sở Tư pháp nơi`, `Hội đồng do`,
/// `Sở Thương mại căn cứ`).
const CLAUSE_WORDS: &[&str] = &[
    "đã", "đang", "sẽ", "cần", "để", "khi", "nhưng", "được", "vẫn", "cũng", "giao", "có", "bị",
    "theo", "tại", "nơi", "do", "căn", "trong", "xin",
];

/// Whether `actor` names a body to which a task is given ([`INSTITUTION`], or an acronym
/// such as `UBND`, `EVN`), in at most 10 words, without [`CLAUSE_WORDS`] or figures.
fn is_institution(actor: &str) -> bool {
    let keys = crate::lex::syllable_keys(actor);
    // in lower case: `Giao` opens `Sở Giao thông vận tải`
    let clause = has_clause_word(actor, &[]);
    // a figure makes a clause of it too (`Bộ Công an tổ chức sơ kết 5 năm`), except the
    // number of a district or ward (`UBND quận 9`)
    let words: Vec<&str> = actor.split_whitespace().collect();
    let figure = words.iter().enumerate().any(|(i, w)| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && !(i > 0 && matches!(words[i - 1].to_lowercase().as_str(), "quận" | "phường"))
    });
    if keys.is_empty() || keys.len() > 10 || clause || figure {
        return false;
    }
    let joined = keys.join(" ");
    let named = INSTITUTION.iter().any(|p| {
        joined
            .strip_prefix(p)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    });
    let acronym = actor
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase()));
    (named || acronym) && is_body_keys(actor, &keys)
}

/// After a clause's leading markers, `Giao` followed by a body (`Giao Bộ Công Thương
/// ...`, `Giao các sở ...`): the token after `Giao`, where the addressee starts.
fn assign_at_start(text: &str, c: &Clause) -> Option<usize> {
    let g = (after_marker(text, c)..c.toks.len()).find(|&i| c.toks[i].kind == Tk::Word)?;
    let t = &c.toks[g];
    if &text[t.start..t.end] != "Giao" || g + 1 >= c.toks.len() {
        return None;
    }
    let next = &c.toks[g + 1];
    let capital = text[next.start..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    (next.kind == Tk::Word && (capital || BODY.contains(&c.key(g + 1)))).then_some(g + 1)
}

/// The actor among tokens `a..b` of a clause: after the last speech verb, without the
/// leading comma-separated pieces that are not the actor (`Thời gian tới, tỉnh`) and the
/// trailing adverbs (`các địa phương cũng`); none when a conjunction ends it (the first of
/// two predicates was read as the name).
fn clean_actor(text: &str, c: &Clause, mut a: usize, mut b: usize) -> Option<String> {
    let l = lists();
    if let Some(e) = (a..b).filter_map(|i| c.any_at(i, &l.speaker)).max() {
        a = e;
    }
    loop {
        while a < b && c.toks[a].kind == Tk::Punct {
            a += 1;
        }
        if a >= b {
            return None;
        }
        // a leading time phrase (`thời gian tới các sở, ngành`)
        if let Some(e) = c.any_at(a, &l.time_lead) {
            a = e;
            continue;
        }
        let lead = c.toks[a].kind != Tk::Word
            || NOT_ACTOR.contains(&c.key(a))
            || c.any_at(a, &l.lead).is_some()
            || c.any_at(a, &l.ask).is_some();
        if !lead {
            break;
        }
        a = (a..b).find(|&k| is_punct(text, &c.toks[k], ","))? + 1;
    }
    loop {
        if b > a && (c.toks[b - 1].kind == Tk::Punct || TRAIL.contains(&c.key(b - 1))) {
            b -= 1;
        } else if b >= a + 2 && MANNER.contains(&(c.key(b - 2), c.key(b - 1))) {
            b -= 2;
        } else {
            break;
        }
    }
    // `Cục Thuế ghi nhận vướng mắc ... và` (sẽ bổ sung): a first predicate, not a name
    if b > a && matches!(c.key(b - 1), "và" | "hoặc") {
        return None;
    }
    let words = c.toks[a..b].iter().filter(|t| t.kind == Tk::Word).count();
    (words > 0 && words <= 14).then(|| one_line(&text[c.toks[a].start..c.toks[b - 1].end]))
}

/// A name on one line: its words joined by single spaces (`Tập đoàn Điện lực Việt` / `Nam`
/// broken over two lines in the source).
fn one_line(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a unit reads as narrative or a question, not a directive: a question mark
/// at the end, or a past marker (`đã`, `vừa`) with no modal or request word (and, unless
/// a meeting ([`MEETINGS`]) reports before the marker, none of [`ASKS_BEFORE_PAST`]).
/// `toks` and `keys` are the unit's.
fn not_a_directive(text: &str, unit: &Unit, toks: &[Tok], keys: &Keyed, starts: &[u32]) -> bool {
    let s = text[unit.start..unit.end].trim_end();
    if s.ends_with('?') {
        return true;
    }
    // the words, each with the lists whose phrases can start at it
    let mut words: Vec<&str> = Vec::with_capacity(toks.len());
    let mut first: Vec<u32> = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        if t.kind == Tk::Word {
            words.push(keys.key(i));
            first.push(starts[i]);
        }
    }
    // where a phrase of `list` first is in the words (across punctuation), and its length
    let first_at = |list: &List| {
        (0..words.len()).find_map(|i| {
            if first[i] & list.bit == 0 {
                return None;
            }
            let p = (list.phrases.candidates(words[i]).iter())
                .find(|p| crate::model::has_at(&words, i, p))?;
            Some((i, p.split(' ').count()))
        })
    };
    let l = lists();
    // `đã được` makes an attribute (`Kế hoạch đã được phê duyệt`), not a past event
    let past = (0..words.len()).find(|&i| {
        matches!(words[i], "đã" | "vừa") && words.get(i + 1).is_none_or(|&w| w != "được")
    });
    let Some(past) = past else {
        return false;
    };
    // a request word used as a noun (`theo đề nghị của Sở`) asks nothing
    let asks = first_at(&l.asks).filter(|&(i, len)| {
        let before = i.checked_sub(1).map(|k| words[k]);
        !request_is_noun(before, words.get(i + len).copied())
    });
    let reported = (past.saturating_sub(3)..past)
        .any(|i| MEETINGS.iter().any(|m| crate::model::has_at(&words, i, m)));
    asks.is_none() && first_at(&l.asks_before_past).is_none_or(|(i, _)| reported && i > past)
}

/// The lists whose phrases can start at each of `toks` ([`Lists::first`]; none at other
/// than words). `memo`: what each of the document's keys gives, by its id in the
/// document ([`Keyed::ids`]; `u32::MAX`: not yet), kept from unit to unit.
fn starts(toks: &[Tok], keys: &Keyed, memo: &mut Vec<u32>) -> Vec<u32> {
    let l = lists();
    let ids = keys.ids();
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Tk::Word {
            out.push(0);
            continue;
        }
        let Some(id) = ids.map(|d| d[i] as usize) else {
            out.push(l.first.of(keys.key(i)));
            continue;
        };
        if memo.len() <= id {
            memo.resize(id + 1, u32::MAX);
        }
        if memo[id] == u32::MAX {
            memo[id] = l.first.of(keys.key(i));
        }
        out.push(memo[id]);
    }
    out
}

/// Tasks of a directive unit (lexed here; the scorer gives its tokens to
/// [`extract_with`]).
#[cfg(test)]
pub(crate) fn extract(text: &str, unit: &Unit, index: usize, out: &mut Vec<Task>) {
    let mut toks = Vec::new();
    crate::lex::lex(text, unit.start, unit.end, &mut toks);
    let keys = Keyed::new(text, &toks);
    extract_with(text, unit, &toks, &keys, index, out, &mut Vec::new());
}

/// Tasks of a directive unit, from its tokens and their keys (lexed once, for the
/// labeller): a clause takes its slice of them. `memo`: kept across the document's units
/// (see [`starts`]).
pub(crate) fn extract_with(
    text: &str,
    unit: &Unit,
    toks: &[Tok],
    keys: &Keyed,
    index: usize,
    out: &mut Vec<Task>,
    memo: &mut Vec<u32>,
) {
    let unit_starts = starts(toks, keys, memo);
    if not_a_directive(text, unit, toks, keys, &unit_starts) {
        return;
    }
    // a body named before a colon (`3. UBND các xã, phường: Phối hợp ...; theo dõi ...`)
    // acts in every clause that names no other
    let whole = Clause {
        toks,
        keys,
        off: 0,
        starts: &unit_starts,
    };
    let mut actor: Option<String> = colon_label(text, &whole).and_then(|(_, body)| body);
    let lead_in = lead_in_requests(text, unit, toks, keys, &unit_starts);
    for (cs, ce) in clause_ranges(text, unit) {
        if cs >= ce || ce > text.len() || !text.is_char_boundary(cs) || !text.is_char_boundary(ce) {
            continue;
        }
        let asks_here = |r: &usize| (cs..ce).contains(r);
        if lead_in.last().is_some_and(|&r| ce <= r) && !lead_in.iter().any(asks_here) {
            continue;
        }
        let own: (Vec<Tok>, Keyed, Vec<u32>);
        let c = match clause_tokens(toks, unit, cs, ce) {
            Some((lo, hi)) => Clause {
                toks: &toks[lo..hi],
                keys,
                off: lo,
                starts: &unit_starts,
            },
            None => {
                let mut t = Vec::new();
                crate::lex::lex(text, cs, ce, &mut t);
                let k = Keyed::new(text, &t);
                let s = starts(&t, &k, &mut Vec::new());
                own = (t, k, s);
                Clause {
                    toks: &own.0,
                    keys: &own.1,
                    off: 0,
                    starts: &own.2,
                }
            }
        };
        let (begin, found_actor) = task_start(text, &c);
        if let Some(a) = found_actor.filter(|a| is_body(a)) {
            actor = Some(a);
        }
        let Some((b, e)) = task_span(text, &c, begin) else {
            continue;
        };
        let (start, end) = (c.toks[b].start, c.toks[e - 1].end);
        out.push(Task {
            unit: index,
            text: text[start..end].to_string(),
            start,
            end,
            actor: actor.clone(),
        });
    }
}

/// Whether a document's name ([`DOCUMENT_NAMES`], [`CITED_TOO`]) starts at word `j` of the
/// word keys `w` (`Căn cứ Thông tư ...`).
pub(crate) fn document_name_at(w: &[&str], j: usize) -> bool {
    crate::lead::any_at(w, j, &lists().cited.phrases)
}

/// Whether `actor` holds a word in lower case that makes a clause of it ([`CLAUSE_WORDS`]
/// or one of `more`).
fn has_clause_word(actor: &str, more: &[&str]) -> bool {
    actor.split_whitespace().any(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && (CLAUSE_WORDS.contains(&w) || more.contains(&w))
    })
}

/// Leaves out a task whose text and actor (letter case and spacing aside) an earlier task
/// of the document already has: a web page or a news item that quotes the same list twice.
pub(crate) fn drop_repeats(tasks: &mut Vec<Task>) {
    let mut seen = rustc_hash::FxHashSet::default();
    tasks.retain(|t| seen.insert(folded_hash(&t.text, t.actor.as_deref().unwrap_or(""))));
}

/// A 64-bit hash of the text and the actor, lower-cased, with every run of spaces as one:
/// two tasks with the same hash are the same task (a collision among a document's few
/// hundred tasks is about one in 10^14).
fn folded_hash(text: &str, actor: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::lex::Fnv::default();
    let words = text
        .split_whitespace()
        .chain(["|"])
        .chain(actor.split_whitespace());
    for w in words {
        for c in w.chars() {
            if c.is_ascii() {
                h.write_u8(c.to_ascii_lowercase() as u8);
            } else {
                h.write_u32(lower_vietnamese(c) as u32);
            }
        }
        h.write_u8(b' ');
    }
    h.finish()
}

/// `c` in lower case, looked up without the Unicode tables for the letters of Vietnamese
/// (Latin-1, `Ă Đ Ĩ Ũ Ơ Ư` and the Latin Extended Additional block, where each capital is
/// followed by its small letter); other characters: their first lower-case character.
fn lower_vietnamese(c: char) -> char {
    let x = c as u32;
    let small = match x {
        0xC0..=0xDE if x != 0xD7 => x + 0x20,
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 | 0x1AF => x + 1,
        0x1EA0..=0x1EF9 => x | 1,
        _ => return c.to_lowercase().next().unwrap_or(c),
    };
    char::from_u32(small).unwrap_or(c)
}

/// A plan's task table names who leads a task on a line of its own under it (`a) Nhiệm
/// vụ: Rà soát ...` / `b) Đơn vị chủ trì: Sở Khoa học và Công nghệ.`): that body is the
/// actor of the tasks above that name none, back to the previous attribute line or
/// heading. Attribute lines give no task themselves (see `furniture::attribute_units`).
pub(crate) fn actors_from_attributes(
    text: &str,
    units: &[Unit],
    an: &[Analysis],
    tasks: &mut [Task],
) {
    for (i, a) in an.iter().enumerate() {
        let w = crate::model::words(a);
        let skip = a.words_before_skip();
        let leads = ["đơn vị chủ trì", "cơ quan chủ trì"];
        if !a.attribute || !leads.iter().any(|l| crate::model::has_at(&w, skip, l)) {
            continue;
        }
        let Some(body) = text.get(units[i].start..units[i].end) else {
            continue;
        };
        let value = body.split_once(':').map_or("", |(_, v)| v);
        let value = value.trim().trim_end_matches(['.', ';', ',']).trim_end();
        if value.is_empty() {
            continue;
        }
        // the task lines above: back over this table's attribute lines and their short
        // label (`b) Cơ quan thực hiện:`), then up to the previous attribute line or heading
        let mut first = i;
        let label = |a: &Analysis| a.heading.is_some() && a.terminal == Some(":") && a.nwords <= 5;
        while first > 0 && (an[first - 1].attribute || label(&an[first - 1])) {
            first -= 1;
        }
        let last = first;
        while first > 0 && !an[first - 1].attribute && an[first - 1].heading.is_none() {
            first -= 1;
        }
        for t in tasks.iter_mut() {
            if (first..last).contains(&t.unit) && t.actor.is_none() {
                t.actor = Some(one_line(value));
            }
        }
    }
}

/// A list item that only names who must act (`1. Chủ tịch Ủy ban nhân dân các tỉnh, thành
/// phố từ Hà Tĩnh đến Khánh Hòa:`, `2. Sở Tài chính:`) is no task: it is the actor of the
/// tasks under it that name none, up to the next top-level item or heading; so is the
/// actor of a lead-in's own task (`1. Sở Tài chính chủ trì thực hiện các nội dung sau:`).
pub(crate) fn inherit_actors(text: &str, units: &[Unit], an: &[Analysis], tasks: &mut Vec<Task>) {
    // the actor a unit names alone before its colon
    let named = |i: usize| {
        let a = &an[i];
        let u = &units[i];
        let body = text.get(u.start..u.end)?.trim_end();
        // the colon may be lost (a PDF) when sub-items follow: `1. Giao người đứng đầu các
        // cơ quan ...; Chủ tịch Ủy ban nhân dân các xã` / `- Tiếp tục triển khai ...`
        let items_follow =
            a.terminal.is_none() && an.get(i + 1).is_some_and(|n| n.numbered && !n.top);
        let (body, colon) = match body.strip_suffix(':') {
            Some(b) => (b, true),
            None if items_follow => (body, false),
            None => return None,
        };
        let from = match a.toks.get(a.skip) {
            Some(t) => t.start.checked_sub(u.start)?,
            None => body.len(),
        };
        let actor = body.get(from..)?.trim();
        let assigned = actor.strip_prefix("Giao ");
        // without its colon, only an assignment names its actors alone
        if !colon && assigned.is_none() {
            return None;
        }
        let actor = assigned.unwrap_or(actor).trim_start();
        // a body (`Chủ tịch Ủy ban nhân dân các tỉnh`) and what follows it names more of
        // them or their place, with no verb or clause word (`từ Hà Tĩnh đến Khánh Hòa`)
        let head = actor.split([',', ';']).next().unwrap_or(actor);
        let clause = has_clause_word(actor, &["phải", "gồm", "thực", "đảm"]);
        let short = a.nwords <= if colon { 24 } else { 40 };
        (a.numbered && short && !actor.contains(':') && !clause && is_institution(head))
            .then(|| one_line(actor))
    };
    let mut current: Option<(String, usize)> = None;
    let mut next_unit = 0;
    let mut kept = Vec::with_capacity(tasks.len());
    for mut t in tasks.drain(..) {
        // the lead-ins and group ends met up to this task's unit
        for (i, a) in an.iter().enumerate().take(t.unit + 1).skip(next_unit) {
            if a.top || a.heading.is_some() {
                current = None;
            }
            if let Some(actor) = named(i) {
                current = Some((actor, i));
            }
        }
        next_unit = next_unit.max(t.unit + 1);
        match &current {
            Some((_, from)) if *from == t.unit && t.actor.is_none() => continue,
            Some((actor, from)) if *from < t.unit && t.actor.is_none() => {
                t.actor = Some(actor.clone())
            }
            _ => {}
        }
        // a lead-in that gives its own task to a body (`1. Sở Nông nghiệp và Môi trường chỉ
        // đạo ... thực hiện các nội dung sau:`) gives it the items under it too
        if an[t.unit].terminal == Some(":") && current.is_none() {
            current = (t.actor.clone())
                .filter(|a| is_institution(a))
                .map(|a| (a, t.unit));
        }
        kept.push(t);
    }
    *tasks = kept;
}

/// In a lead-in to a list (a unit ending with `:`), where its requests start (request
/// words and naming modals: `..., Ủy ban nhân dân tỉnh yêu cầu:`, `Thủ trưởng các sở; Chủ tịch
/// UBND quận có trách nhiệm:`), in order: the clauses before the last one that hold none
/// are the request's purpose (`Để ...`) or its addressees, not tasks. Empty for other units.
fn lead_in_requests(
    text: &str,
    unit: &Unit,
    toks: &[Tok],
    keys: &Keyed,
    starts: &[u32],
) -> Vec<usize> {
    if !text[unit.start..unit.end].trim_end().ends_with(':') {
        return Vec::new();
    }
    let l = lists();
    let c = Clause {
        toks,
        keys,
        off: 0,
        starts,
    };
    (0..toks.len())
        .filter(|&i| c.ask_at(i).is_some() || c.any_at(i, &l.naming).is_some())
        .map(|i| toks[i].start)
        .collect()
}

/// Whether token `i` of clause `c` opens a passive verb (`được triển khai`, `bị xử lý`):
/// the words before the modal it follows then name what is acted on, not an actor.
fn passive_at(c: &Clause, i: usize) -> bool {
    i + 1 < c.toks.len()
        && c.toks[i].kind == Tk::Word
        && c.toks[i + 1].kind == Tk::Word
        && matches!(c.key(i), "được" | "bị")
}

/// Where the task of clause `c` starts and who must act, also after a label before a colon:
/// a body (`2. Sở Tài chính: Căn cứ khả năng cân đối ngân sách, trình ...`) is the actor of
/// what follows; after a topic (`(iii) Về thủ tục nhập khẩu tàu LNG: Giao Bộ Xây dựng hướng
/// dẫn ...`) the task starts after the colon only when the rest names its actor.
fn task_start(text: &str, c: &Clause) -> (usize, Option<String>) {
    let Some((colon, label)) = colon_label(text, c) else {
        return task_start_plain(text, c);
    };
    let (b, actor) = task_start_plain(text, &c.from(colon + 1));
    match (actor, label) {
        (Some(a), _) => (b + colon + 1, Some(a)),
        (None, Some(body)) => (b + colon + 1, Some(body)),
        (None, None) => task_start_plain(text, c),
    }
}

/// The first token of clause `c` after its leading punctuation and list marker (`2.`,
/// `b)`, `(iii)`, `II-`, `1.1.`: a token of up to three bytes and `.`, `)` or `-`).
fn after_marker(text: &str, c: &Clause) -> usize {
    let mut a = 0;
    while c.toks.get(a).is_some_and(|t| t.kind == Tk::Punct) {
        a += 1;
    }
    let marked = c.toks.get(a + 1).is_some_and(|t| {
        t.kind == Tk::Punct && matches!(&text[t.start..t.end], "." | ")" | "-" | "–")
    });
    if marked && c.toks[a].end - c.toks[a].start <= 3 {
        a += 2;
    }
    a
}

/// A label that opens clause `c` (after its list marker) and ends with a colon within
/// its first words: the colon's token, with the body it names (`Sở Tài chính:`,
/// `UBND các xã, phường:`), or `None` for a topic (`Về nguồn vật liệu đá:`).
fn colon_label(text: &str, c: &Clause) -> Option<(usize, Option<String>)> {
    const MAX_TOKENS: usize = 24;
    let a = after_marker(text, c);
    let colon = (a..c.toks.len().min(a + MAX_TOKENS))
        .take_while(|&k| {
            let t = &c.toks[k];
            t.kind != Tk::Punct || ["&", "-", ",", ":"].iter().any(|p| is_punct(text, t, p))
        })
        .find(|&k| is_punct(text, &c.toks[k], ":"))?;
    if colon <= a {
        return None;
    }
    if c.toks[a].kind == Tk::Word && c.key(a) == "về" {
        return Some((colon, None));
    }
    let label = &text[c.toks[a].start..c.toks[colon - 1].end];
    (is_institution(label) && !names_follow(text, c, colon + 1))
        .then(|| (colon, Some(one_line(label))))
}

/// Whether the clause goes on from token `from` with names, not a task: its first two
/// comma-separated pieces are short and open with a capital (`Các Bộ: Giáo dục và Đào tạo,
/// Y tế, ...`, `Giám đốc: Sở Tài chính, Sở Y tế, ...`).
fn names_follow(text: &str, c: &Clause, from: usize) -> bool {
    const NAME_WORDS: usize = 6;
    let mut pieces = c.toks[from.min(c.toks.len())..]
        .split(|t| is_punct(text, t, ","))
        .take(2);
    let name = |p: Option<&[Tok]>| {
        p.is_some_and(|p| {
            let words = p.iter().filter(|t| t.kind == Tk::Word).count();
            let capital = p.first().is_some_and(|t| {
                t.kind == Tk::Word && text[t.start..].starts_with(char::is_uppercase)
            });
            capital && words <= NAME_WORDS
        })
    };
    name(pieces.next()) && name(pieces.next())
}

/// Where the task of clause `c` starts (after the request verb and its addressee, or
/// after the modal), and the actor found on the way (not yet checked to be a body).
fn task_start_plain(text: &str, c: &Clause) -> (usize, Option<String>) {
    let l = lists();
    let n = c.toks.len();
    // the task starts after the request verb and its addressee, or after the modal
    let mut begin = 0;
    let mut found_actor = None;
    let ask = (0..n)
        .find_map(|i| c.ask_at(i))
        .or_else(|| assign_at_start(text, c));
    if let Some(e) = ask {
        let mut a0 = e;
        while a0 < n && (is_punct(text, &c.toks[a0], ":") || is_punct(text, &c.toks[a0], ",")) {
            a0 += 1;
        }
        let mut k = a0;
        let mut modal = None;
        while k < n && k - a0 < 18 {
            if let Some(m) = c.modal_at(k, &l.modal) {
                modal = Some(m);
                break;
            }
            if c.toks[k].kind == Tk::Punct && !is_punct(text, &c.toks[k], ",") {
                break;
            }
            k += 1;
        }
        begin = a0;
        if let Some(m) = modal.filter(|&m| !passive_at(c, m)) {
            found_actor = clean_actor(text, c, a0, k);
            if found_actor.is_some() {
                let keep = c.any_at(k, &l.kept).is_some();
                begin = if keep { k } else { m };
            }
        } else if let Some((i, actor)) = actor_before_act(text, c, a0, a0 + 1) {
            // `giao Sở Tài chính chủ trì ...`
            found_actor = Some(actor);
            begin = i;
        }
    } else {
        // `X cần ...`: the actor is the words (numbers and commas too) before the modal
        let modal = (1..n.min(30)).find_map(|i| Some((i, c.modal_at(i, &l.naming)?)));
        // `Các nhiệm vụ phải được triển khai ...`: what must be done, not who; the task
        // keeps its subject
        let modal = modal.filter(|&(_, e)| !passive_at(c, e));
        if let Some((i, e)) = modal {
            let a0 = actor_start(text, c, 0, i);
            found_actor = clean_actor(text, c, a0, i);
            // `X nhấn mạnh phải ...`: the task follows the modal even without an actor
            let spoken = (a0..i).any(|k| c.any_at(k, &l.speaker).is_some_and(|x| x == i));
            if found_actor.is_some() || spoken {
                begin = e;
            }
        } else if let Some((i, actor)) = actor_before_act(text, c, 0, 1) {
            // `Sở Tài chính chủ trì ...`
            found_actor = Some(actor);
            begin = i;
        }
    }
    (begin, found_actor)
}

/// The task's tokens `b..e` of clause `c` from token `begin`: without leading
/// connectors and list markers (`-`, `1.`, `a)`, `II-`) and trailing punctuation; `None`
/// when fewer than three words are left or they open with a citation ([`CITED_TOO`]).
fn task_span(text: &str, c: &Clause, begin: usize) -> Option<(usize, usize)> {
    /// Labels of a plan's task line, before a colon.
    const TASK_LABELS: &[(&str, &str)] = &[("nhiệm", "vụ"), ("giải", "pháp"), ("nội", "dung")];
    let l = lists();
    let n = c.toks.len();
    let mut b = begin;
    loop {
        while b < n && c.toks[b].kind == Tk::Punct {
            b += 1;
        }
        if b + 1 < n
            && c.toks[b + 1].kind == Tk::Punct
            && matches!(
                &text[c.toks[b + 1].start..c.toks[b + 1].end],
                "." | ")" | "-"
            )
            && (c.toks[b].kind == Tk::Number
                || (c.toks[b].kind == Tk::Word && c.toks[b].end - c.toks[b].start <= 3))
            && c.toks[b].end - c.toks[b].start <= 4
        {
            b += 2;
            continue;
        }
        // `Điều 2. Thống đốc ...`: an article's number
        if b + 2 < n
            && c.key(b) == "điều"
            && c.toks[b + 1].kind == Tk::Number
            && (is_punct(text, &c.toks[b + 2], ".") || is_punct(text, &c.toks[b + 2], ":"))
        {
            b += 3;
            continue;
        }
        // `a) Nhiệm vụ: Rà soát ...`: the label of a plan's task line
        if b + 2 < n
            && TASK_LABELS.contains(&(c.key(b), c.key(b + 1)))
            && is_punct(text, &c.toks[b + 2], ":")
        {
            b += 3;
            continue;
        }
        match c.any_at(b, &l.lead) {
            Some(e) => b = e,
            None => break,
        }
    }
    if c.any_at(b, &l.cited)
        .is_some_and(|e| e < n && c.key(e) == "số")
    {
        return None;
    }
    let mut e = n;
    while e > b
        && c.toks[e - 1].kind == Tk::Punct
        && !matches!(
            &text[c.toks[e - 1].start..c.toks[e - 1].end],
            ")" | "\"" | "”"
        )
    {
        e -= 1;
    }
    if e <= b {
        return None;
    }
    let words = c.toks[b..e].iter().filter(|t| t.kind == Tk::Word).count();
    (words >= 3).then_some((b, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tomtat_splitter::UnitKind;

    #[test]
    fn vietnamese_letters_lower_as_unicode_says() {
        let ranges = [0xC0..=0x1B0, 0x1EA0..=0x1EF9];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let unicode = c.to_lowercase().next();
            assert_eq!(Some(lower_vietnamese(c)), unicode, "{c} U+{:04X}", c as u32);
        }
        assert_eq!(lower_vietnamese('Ư'), 'ư');
        assert_eq!(lower_vietnamese('Ỹ'), 'ỹ');
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// A clause's slice of its unit's tokens is what lexing the clause alone gives.
        #[test]
        fn clause_slices_lex_like_clauses(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("cần"), Just("5"), Just(","), Just(";"), Just(" "), Just("%"),
                    Just("/"), Just("-"), Just("Sở"), Just("3"), Just("."), Just("a"),
                ],
                1..30,
            ),
            cuts in proptest::collection::vec(0usize..64, 2),
        ) {
            let text = parts.concat();
            let unit = Unit { kind: UnitKind::Sentence, start: 0, end: text.len(), clauses: Vec::new() };
            let mut toks = Vec::new();
            crate::lex::lex(&text, 0, text.len(), &mut toks);
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let mut c = [bounds[cuts[0] % bounds.len()], bounds[cuts[1] % bounds.len()]];
            c.sort_unstable();
            if let Some((lo, hi)) = clause_tokens(&toks, &unit, c[0], c[1]) {
                let mut own = Vec::new();
                crate::lex::lex(&text, c[0], c[1], &mut own);
                prop_assert_eq!(&toks[lo..hi], &own[..]);
            }
        }
    }

    fn run(s: &str) -> Vec<Task> {
        let unit = Unit {
            kind: UnitKind::Sentence,
            start: 0,
            end: s.len(),
            clauses: Vec::new(),
        };
        let mut out = Vec::new();
        extract(s, &unit, 0, &mut out);
        out
    }

    #[test]
    fn actor_after_request() {
        let v = run("Đồng thời, đồng chí yêu cầu các địa phương, cơ quan, đơn vị trong huyện cần nâng cao hiệu quả quản lý; tăng cường trách nhiệm; đẩy nhanh tiến độ giải phóng mặt bằng, thi công các dự án trọng điểm trên địa bàn.");
        assert_eq!(v.len(), 3, "{v:#?}");
        assert_eq!(
            v[0].actor.as_deref(),
            Some("các địa phương, cơ quan, đơn vị trong huyện")
        );
        assert_eq!(
            v[2].text,
            "đẩy nhanh tiến độ giải phóng mặt bằng, thi công các dự án trọng điểm trên địa bàn"
        );
        assert_eq!(
            v[2].actor.as_deref(),
            Some("các địa phương, cơ quan, đơn vị trong huyện")
        );
    }

    #[test]
    fn a_lead_in_gives_only_its_request() {
        // the purpose and the documents it cites, before the request, are no tasks
        let v = run("Để tiếp tục thực hiện nghiêm Chỉ thị số 05/CT-TTg của Thủ tướng Chính phủ; Chỉ thị số 31-CT/TU, Kế hoạch số 134-KH/TU của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh yêu cầu các sở, ngành thực hiện tốt các nhiệm vụ sau:");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].text, "thực hiện tốt các nhiệm vụ sau");
        // addressees in a clause of their own, and a clause with its own request, stay
        let v = run("Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân quận phải tuân thủ nghiêm thủ tục kiểm tra văn bản; các phường cần chấn chỉnh ngay một số nội dung sau:");
        let texts: Vec<&str> = v.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "tuân thủ nghiêm thủ tục kiểm tra văn bản",
                "chấn chỉnh ngay một số nội dung sau"
            ],
            "{v:#?}"
        );
        // a list of tasks that does not end a lead-in keeps every clause
        let v = run("Tăng cường kiểm tra, giám sát; đẩy mạnh cải cách hành chính; các địa phương cần rà soát quy hoạch.");
        assert_eq!(v.len(), 3, "{v:#?}");
    }

    #[test]
    fn a_request_used_as_a_noun_starts_no_task() {
        // `theo đề nghị của`, `khi có yêu cầu của`: what follows is who asked, not a task
        for s in [
            "2. Sở Tài chính trình cấp có thẩm quyền phê duyệt kinh phí trên cơ sở đề nghị của Sở Nông nghiệp và Môi trường.",
            "- Cung cấp thông tin, số liệu về quan trắc môi trường khi có yêu cầu của cơ quan nhà nước có thẩm quyền.",
        ] {
            let v = run(s);
            assert!(!v.is_empty(), "{s}");
            assert!(v.iter().all(|t| !t.text.starts_with("của")), "{v:#?}");
        }
        // a request stays one
        let v = run("Đồng chí Bí thư yêu cầu các địa phương rà soát quy hoạch.");
        assert_eq!(v[0].actor.as_deref(), Some("các địa phương"), "{v:#?}");
    }

    #[test]
    fn a_body_before_a_colon_acts_in_the_clauses_after_it() {
        let v = run("3. UBND các xã, phường: Phối hợp với Sở Nông nghiệp và Môi trường triển khai Kế hoạch đã được phê duyệt; theo dõi, thông báo kết quả quan trắc.");
        assert_eq!(v.len(), 2, "{v:#?}");
        assert!(v[0].text.starts_with("Phối hợp"), "{v:#?}");
        for t in &v {
            assert_eq!(t.actor.as_deref(), Some("UBND các xã, phường"), "{v:#?}");
        }
        // a topic before the colon, then an assignment: the task starts after the addressee
        let v = run("(iii) Về thủ tục nhập khẩu tàu LNG: Giao Bộ Xây dựng hướng dẫn Chủ đầu tư các thủ tục cần thiết để thực hiện.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].actor.as_deref(), Some("Bộ Xây dựng"));
        assert_eq!(
            v[0].text,
            "hướng dẫn Chủ đầu tư các thủ tục cần thiết để thực hiện"
        );
        // a topic alone stays in the task; names after a colon are no actor of their own
        let v =
            run("- Về nguồn vật liệu đá: tiếp tục hỗ trợ các chủ đầu tư bổ sung khối lượng đá.");
        assert!(v[0].text.starts_with("Về nguồn vật liệu đá"), "{v:#?}");
        let v = run("6. Các Bộ: Giáo dục và Đào tạo, Y tế, Khoa học và Công nghệ theo chức năng, nhiệm vụ chủ động phối hợp với địa phương.");
        assert!(
            v.iter().all(|t| t.actor.as_deref() != Some("Các Bộ")),
            "{v:#?}"
        );
    }

    #[test]
    fn an_adverb_of_manner_is_no_part_of_the_actor() {
        let v = run(
            "Yêu cầu các sở, ban, ngành, địa phương nghiêm túc triển khai thực hiện Kế hoạch này.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(
            v[0].actor.as_deref(),
            Some("các sở, ban, ngành, địa phương")
        );
    }

    #[test]
    fn an_attribute_in_the_past_keeps_a_directive() {
        // `đã được phê duyệt` qualifies the plan; `đã` alone tells what was done
        assert_eq!(
            run("- Tổ chức triển khai Kế hoạch đã được phê duyệt đến các xã, phường.").len(),
            1
        );
        assert!(run("Các xã đã tổ chức triển khai kế hoạch đến từng thôn.").is_empty());
    }

    #[test]
    fn citations_are_no_tasks() {
        let v = run("- Thực hiện đầy đủ trách nhiệm quản lý nhà nước về lâm nghiệp theo quy định tại Luật Lâm nghiệp; Nghị định số 131/2025/NĐ-CP ngày 12/6/2025 và Nghị định số 136/2025/NĐ-CP ngày 12/6/2025.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert!(v[0].text.starts_with("Thực hiện đầy đủ"), "{v:#?}");
    }

    #[test]
    fn list_marker_and_actor_with_commas() {
        let v = run("2. Các cấp ủy, chính quyền cần tăng cường kiểm tra, giám sát; nâng cao hiệu quả cải cách hành chính.");
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].actor.as_deref(), Some("Các cấp ủy, chính quyền"));
        assert_eq!(v[0].text, "tăng cường kiểm tra, giám sát");
        let v = run("1. Tập trung đẩy nhanh tiến độ giải phóng mặt bằng.");
        assert_eq!(v[0].text, "Tập trung đẩy nhanh tiến độ giải phóng mặt bằng");
        assert_eq!(v[0].actor, None);
    }

    #[test]
    fn a_task_quoted_twice_is_kept_once() {
        let task = |text: &str, actor: Option<&str>| Task {
            unit: 0,
            text: text.into(),
            start: 0,
            end: 0,
            actor: actor.map(String::from),
        };
        let mut v = vec![
            task("Quán triệt  chỉ đạo của Thủ tướng", None),
            task("rà soát các tuyến đường", Some("Sở Xây dựng")),
            task("quán triệt chỉ đạo của Thủ tướng", None),
            task("rà soát các tuyến đường", Some("Công an tỉnh")),
        ];
        drop_repeats(&mut v);
        let kept: Vec<_> = v.iter().map(|t| t.actor.as_deref()).collect();
        assert_eq!(kept, [None, Some("Sở Xây dựng"), Some("Công an tỉnh")]);
    }

    #[test]
    fn actors_are_bodies_and_narrative_gives_no_task() {
        let v = run("Cụ thể, cần rà soát toàn bộ các dự án chậm tiến độ.");
        assert!(v.iter().all(|t| t.actor.is_none()), "{v:#?}");
        let v =
            run("UBND các quận, huyện có trách nhiệm rà soát, thống kê các công trình viễn thông.");
        assert_eq!(
            v[0].actor.as_deref(),
            Some("UBND các quận, huyện"),
            "{v:#?}"
        );
        assert_eq!(v[0].text, "rà soát, thống kê các công trình viễn thông");
        let v =
            run("Bên cạnh những kết quả đạt được, hội nghị đã nêu lên những khó khăn, tồn tại.");
        assert!(v.is_empty(), "{v:#?}");
        // what the meeting agreed on, reported: the task words are part of the report
        let v = run(
            "Bên cạnh những kết quả đạt được, hội nghị đã nêu lên những khó khăn, \
            tồn tại, thảo luận và thống nhất 07 nhóm nhiệm vụ trọng tâm tập trung thực hiện \
            trong 6 tháng cuối năm 2024.",
        );
        assert!(v.is_empty(), "{v:#?}");
        // a relative `đã` (`kết quả đã đạt được`) does not make a task a report
        let v = run(
            "Phát huy những kết quả đã đạt được, huyện tiếp tục tập trung huy động \
            tối đa mọi nguồn lực để xây dựng kết cấu hạ tầng.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        let v = run("Theo ông, các địa phương cần làm gì để giải ngân nhanh hơn?");
        assert!(v.is_empty(), "{v:#?}");
    }

    #[test]
    fn a_clause_or_a_speaker_is_not_the_actor() {
        let v = run("Những việc đó đều là việc cấp bách, phải triển khai càng sớm càng tốt.");
        assert!(v.iter().all(|t| t.actor.is_none()), "{v:#?}");
        let v = run("Ông Thanh kiến nghị cơ quan quản lý cần tăng cường kiểm tra tải trọng xe.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].actor.as_deref(), Some("cơ quan quản lý"));
        assert_eq!(v[0].text, "tăng cường kiểm tra tải trọng xe");
    }

    #[test]
    fn especially_is_no_copula() {
        let v = run("Yêu cầu các bộ, ngành, cơ quan chủ quản, nhất là ACV cần khẩn trương có giải pháp đẩy nhanh tiến độ.");
        assert_eq!(
            v[0].actor.as_deref(),
            Some("các bộ, ngành, cơ quan chủ quản, nhất là ACV"),
            "{v:#?}"
        );
    }

    /// Two predicates (`ghi nhận ... và sẽ bổ sung`): the first is not the actor's name.
    #[test]
    fn a_first_predicate_is_no_actor() {
        let v = run("Cục Thuế ghi nhận vướng mắc của Thuế thành phố Hồ Chí Minh và sẽ bổ sung chỉ tiêu này khi xây dựng Thông tư.");
        assert!(
            v.iter()
                .all(|t| t.actor.as_deref().is_none_or(|a| !a.ends_with(" và"))),
            "{v:#?}"
        );
    }

    #[test]
    fn actor_before_modal() {
        let v = run("Thời gian tới, tỉnh cần tập trung đánh giá đúng việc thực hiện Nghị quyết.");
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].actor.as_deref(), Some("tỉnh"));
        assert_eq!(
            v[0].text,
            "tập trung đánh giá đúng việc thực hiện Nghị quyết"
        );
    }

    #[test]
    fn a_body_named_before_its_role_is_the_actor() {
        let v = run("1. Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì, phối hợp với các sở, ngành theo dõi, đôn đốc việc thực hiện Kế hoạch.");
        assert_eq!(
            v[0].actor.as_deref(),
            Some("Sở Khoa học và Công nghệ"),
            "{v:#?}"
        );
    }

    #[test]
    fn a_body_named_before_the_document_it_goes_by_is_the_actor() {
        let v = run("3. Các sở, ban, ngành, Ủy ban nhân dân các huyện căn cứ Kế hoạch này xây dựng kế hoạch cụ thể của đơn vị để triển khai thực hiện.");
        assert_eq!(
            v[0].actor.as_deref(),
            Some("Các sở, ban, ngành, Ủy ban nhân dân các huyện"),
            "{v:#?}"
        );
        assert!(
            v[0].text.starts_with("căn cứ Kế hoạch này xây dựng"),
            "{v:#?}"
        );
    }

    #[test]
    fn assignment_verbs_are_known_by_their_class() {
        for (a, b) in [
            ("chủ", "trì"),
            ("tham", "mưu"),
            ("tập", "trung"),
            ("tổ", "chức"),
        ] {
            assert!(is_assignment_verb(a, b), "{a} {b}");
        }
        for (a, b) in [("kết", "quả"), ("đã", "tổ"), ("cần", "tập")] {
            assert!(!is_assignment_verb(a, b), "{a} {b}");
        }
    }

    #[test]
    fn a_partner_is_no_actor() {
        let v = run("Phối hợp với Sở Nông nghiệp & PTNT hướng dẫn UBND các huyện thực hiện thủ tục giao rừng.");
        assert!(v.iter().all(|t| t.actor.is_none()), "{v:#?}");
    }

    #[test]
    fn a_clause_with_a_conjunction_is_no_actor() {
        for s in [
            "Mỗi trường có sứ mạng riêng nhưng cần tập trung đào tạo nguồn nhân lực chất lượng cao.",
            "Hội nghị cũng đã chỉ ra những tồn tại, các cấp cần khắc phục trong thời gian tới.",
        ] {
            let v = run(s);
            assert!(
                v.iter().all(|t| t.actor.as_deref().is_none_or(|a| a.split(' ').count() < 4)),
                "{s}: {v:#?}"
            );
        }
    }

    #[test]
    fn actor_before_an_assignment_verb() {
        let v =
            run("Bộ Tài chính chủ trì, phối hợp với các bộ, ngành rà soát các quy định về phí.");
        assert_eq!(v[0].actor.as_deref(), Some("Bộ Tài chính"), "{v:#?}");
        assert!(v[0].text.starts_with("chủ trì"), "{v:#?}");
        // the verb inside a name is no assignment: `Bộ Xây dựng` is whole
        let v = run("Bộ Xây dựng hướng dẫn các địa phương lập quy hoạch chung đô thị.");
        assert_eq!(v[0].actor.as_deref(), Some("Bộ Xây dựng"), "{v:#?}");
        // `&` and `-` inside a name; a letter of more than one byte beside them
        let v = run("Bộ NN&PTNT chủ trì xây dựng chính sách khuyến khích liên kết sản xuất.");
        assert_eq!(v[0].actor.as_deref(), Some("Bộ NN&PTNT"), "{v:#?}");
        let v = run("Sở TN-MT đẩy nhanh tiến độ di dời các cơ sở gây ô nhiễm Đ-Ô.");
        assert_eq!(v[0].actor.as_deref(), Some("Sở TN-MT"), "{v:#?}");
        // the same name before a modal
        let v = run("Bộ GD&ĐT cần hỗ trợ thành phố xây dựng phương án tuyển sinh.");
        assert_eq!(v[0].actor.as_deref(), Some("Bộ GD&ĐT"), "{v:#?}");
        let v = run("Bộ Công an tổ chức sơ kết 5 năm thực hiện Chỉ thị số 18 của Ban Bí thư.");
        assert_eq!(v[0].actor.as_deref(), Some("Bộ Công an"), "{v:#?}");
        // `tổ chức` after `các` is a noun: no verb there
        let v = run("UBND các cấp, các tổ chức, đoàn thể tăng cường tuyên truyền chủ trương này.");
        assert_eq!(
            v[0].actor.as_deref(),
            Some("UBND các cấp, các tổ chức, đoàn thể"),
            "{v:#?}"
        );
    }

    #[test]
    fn assignment_opens_with_giao() {
        let v = run("b) Giao Bộ Công Thương nghiên cứu, xem xét các kiến nghị của Tập đoàn.");
        assert_eq!(v[0].actor.as_deref(), Some("Bộ Công Thương"), "{v:#?}");
        assert!(v[0].text.starts_with("nghiên cứu"), "{v:#?}");
        // `Giao thông` is no assignment
        let v = run("Giao thông nông thôn cần được đầu tư đồng bộ hơn nữa trong năm tới.");
        assert!(v.iter().all(|t| t.actor.is_none()), "{v:#?}");
    }

    #[test]
    fn a_passive_subject_is_no_actor() {
        for s in [
            "Các nhiệm vụ phải được triển khai đồng bộ, có trọng tâm, trọng điểm.",
            "Đề nghị các dự án trọng điểm phải được hoàn thành đúng tiến độ.",
            "Cán bộ vi phạm cần bị xử lý nghiêm theo quy định của Đảng.",
        ] {
            let v = run(s);
            assert!(!v.is_empty(), "{s}: {v:#?}");
            assert!(v.iter().all(|t| t.actor.is_none()), "{s}: {v:#?}");
            // the task keeps what must be done
            assert!(
                v[0].text.contains(" được ") || v[0].text.contains(" bị "),
                "{v:#?}"
            );
        }
        // an actor before an active modal is still one
        let v = run("Các sở, ngành phải được phân công rõ người, rõ việc.");
        assert!(v.iter().all(|t| t.actor.is_none()), "{v:#?}");
        let v = run("Các sở, ngành phải khẩn trương rà soát các dự án chậm tiến độ.");
        assert_eq!(v[0].actor.as_deref(), Some("Các sở, ngành"), "{v:#?}");
    }

    #[test]
    fn a_clause_before_the_verb_is_no_actor() {
        for s in [
            "Thành phố đã tăng cường kiểm tra việc chấp hành pháp luật về đất đai.",
            "Sở Y tế năm 2024 tập trung kiểm tra an toàn thực phẩm tại các chợ.",
            "Nhà nước hỗ trợ kinh phí tổ chức chỉ đạo thực hiện chương trình trồng rừng.",
        ] {
            let v = run(s);
            assert!(v.iter().all(|t| t.actor.is_none()), "{s}: {v:#?}");
        }
    }
}

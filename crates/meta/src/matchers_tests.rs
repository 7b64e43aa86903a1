//! The hand-written matchers against the regular expressions they replace (the oracle), on the
//! bundled corpus, on the shared documents when they are there, and on generated text made of
//! the pieces the patterns care about (case variants, `ſ`, the Kelvin sign, Unicode digits and
//! spaces, word boundaries, long gaps).

use super::*;
use proptest::prelude::*;
use regex::Regex;
use regex_automata::{meta, Anchored, Input};

// (a name does not cross a line break)
const NAME: &str =
    r"(?:[^\S\n]+(?:[\p{Lu}\d][\p{L}\d]*)(?:(?:[^\S\n]|-)+[\p{Lu}\d][\p{L}\d]*){0,3})?";

struct Oracle {
    body: Regex,
    code: Regex,
    date_full: Regex,
    date_words: Regex,
    day_month: Regex,
    month: Regex,
    year: Regex,
    period: meta::Regex,
    period_start: Regex,
}

fn oracle() -> &'static Oracle {
    static O: OnceLock<Oracle> = OnceLock::new();
    O.get_or_init(|| {
        let body = format!(
            r"(?:Ban Chấp hành Đảng bộ (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn){NAME}|Ban Chấp hành Trung ương(?: Đảng)?|Ban Thường vụ (?:Tỉnh|Thành|Huyện|Quận|Thị) [uủ]y{NAME}|(?:Tỉnh|Thành|Huyện|Quận|Thị) [uủ]y{NAME}|Đảng [uủ]y (?:xã|phường|thị trấn|khối){NAME}|(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn){NAME}|Bộ Chính trị|Ban Bí thư|Văn phòng Chính phủ|Thủ tướng Chính phủ|Chính phủ|Quốc hội|Ủy ban Kiểm tra Trung ương|Ban Kinh tế Trung ương|Ban Tổ chức Trung ương|Ban Chỉ đạo [\p{{Lu}}][\p{{L}}]*(?: [\p{{L}}]+){{0,3}}|Bộ (?:Công Thương|Tài chính|Kế hoạch và Đầu tư|Nội vụ|Giáo dục và Đào tạo|Y tế|Quốc phòng|Công an|Tư pháp|Xây dựng|Giao thông vận tải|Nông nghiệp và Phát triển nông thôn|Nông nghiệp và Môi trường|Tài nguyên và Môi trường|Lao động - Thương binh và Xã hội|Văn hóa, Thể thao và Du lịch|Khoa học và Công nghệ|Thông tin và Truyền thông|Ngoại giao|Dân tộc và Tôn giáo))"
        );
        let r = |p: &str| Regex::new(p).unwrap();
        Oracle {
            body: r(&body),
            code: r(r"(?-u:\b)\d{1,5}(?:/\d{4})?[-/](?:[A-ZĐ]{1,6})(?:[-/][A-ZĐ]{1,8}[a-z]{0,2}\d?){0,3}(?-u:\b)"),
            date_full: r(r"(?-u:\b)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?-u:\b)"),
            date_words: r(r"(?i)(?-u:\b)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})(?-u:\b)"),
            day_month: r(r"(?i)(?-u:\b)(?:ngày|sáng|chiều|tối|trưa)\s+(?:ngày\s+)?(\d{1,2})\s*[/.]\s*(\d{1,2})(?-u:\b)"),
            year: r(r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)"),
            month: r(r"(?i)(?-u:\b)tháng\s+(\d{1,2})\s*(?:/|năm)\s*((?:19|20)\d{2})(?-u:\b)"),
            period: meta::Regex::new(r"(?i)(?-u:\b)(?:(?P<h>6|sáu) tháng (?P<hw>đầu|cuối) năm (?P<hy>(?:19|20)\d{2})|(?P<n9>9) tháng (?:đầu )?năm (?P<ny>(?:19|20)\d{2})|quý (?P<q>I{1,3}|IV|[1-4])(?:\s*/\s*|\s+năm\s+)(?P<qy>(?:19|20)\d{2})|(?P<tw>nhiệm kỳ|giai đoạn) (?P<t1>(?:19|20)\d{2})\s*[-–—]\s*(?P<t2>(?:19|20)\d{2})|(?P<yw>tổng kết|kết quả|năm) (?:[\p{L} ,]{0,60}?)năm (?P<y>(?:19|20)\d{2}))(?-u:\b)").unwrap(),
            period_start: r(r"(?i)6 tháng |sáu tháng |9 tháng |quý |nhiệm kỳ |giai đoạn |tổng kết |kết quả |năm "),
        }
    })
}

fn caps(c: regex::Captures, groups: &[usize]) -> Vec<Option<Range<usize>>> {
    groups
        .iter()
        .map(|&g| c.get(g).map(|m| m.range()))
        .collect()
}

fn date(c: DateCaps, groups: &[usize]) -> Vec<Option<Range<usize>>> {
    let all = [c.whole, c.a, c.b, c.y];
    groups.iter().map(|&g| Some(all[g].clone())).collect()
}

/// The groups of one period match by name (`""` for the whole match).
type Groups = Vec<(String, Range<usize>)>;

/// The period matches the oracle gives (whole match and the groups by name), tried at every
/// start of `period_start`, and the same of the matchers.
fn periods_both(h: &str) -> (Vec<Groups>, Vec<Groups>) {
    let o = oracle();
    let m = Matchers::get();
    let names = ["hw", "hy", "ny", "q", "qy", "t1", "t2", "y"];
    let mut want = Vec::new();
    let mut got = Vec::new();
    let mut caps = o.period.create_captures();
    let mut at = 0;
    while let Some(s) = o.period_start.find_at(h, at).map(|m| m.start()) {
        assert_eq!(
            m.period_start(h, at),
            Some(s),
            "period start in {h:?} from {at}"
        );
        let input = Input::new(h).range(s..).anchored(Anchored::Yes);
        o.period.search_captures(&input, &mut caps);
        let mut w = Vec::new();
        if let Some(x) = caps.get_match() {
            w.push(("".to_string(), x.range()));
            for n in names {
                if let Some(sp) = caps.get_group_by_name(n) {
                    w.push((n.to_string(), sp.range()));
                }
            }
        }
        let mut g = Vec::new();
        if let Some(p) = m.period_at(h, s) {
            g.push(("".to_string(), p.whole.clone()));
            let groups: Vec<(&str, &Range<usize>)> = match &p.kind {
                PeriodKind::Half { hw, hy } => vec![("hw", hw), ("hy", hy)],
                PeriodKind::Nine { ny } => vec![("ny", ny)],
                PeriodKind::Quarter { q, qy } => vec![("q", q), ("qy", qy)],
                PeriodKind::Term { t1, t2 } => vec![("t1", t1), ("t2", t2)],
                PeriodKind::Year { y } => vec![("y", y)],
            };
            g.extend(groups.into_iter().map(|(n, r)| (n.to_string(), r.clone())));
        }
        at = s + h[s..].chars().next().map_or(1, char::len_utf8);
        want.push(w);
        got.push(g);
    }
    assert_eq!(
        m.period_start(h, at),
        None,
        "no more period starts in {h:?}"
    );
    (want, got)
}

/// Every matcher against its oracle on `h`.
fn check(h: &str) {
    let o = oracle();
    let m = Matchers::get();
    assert_eq!(
        m.body(h),
        o.body.find(h).map(|x| x.range()),
        "body in {h:?}"
    );
    assert_eq!(
        m.codes(h).collect::<Vec<_>>(),
        o.code.find_iter(h).map(|x| x.range()).collect::<Vec<_>>(),
        "codes in {h:?}"
    );
    assert_eq!(
        m.years(h).collect::<Vec<_>>(),
        o.year.find_iter(h).map(|x| x.range()).collect::<Vec<_>>(),
        "years in {h:?}"
    );
    let all = [0, 1, 2, 3];
    assert_eq!(
        m.date_full(h).map(|c| date(c, &all)),
        o.date_full.captures(h).map(|c| caps(c, &all)),
        "full date in {h:?}"
    );
    let first = o.date_full.find(h).map(|x| x.start());
    for last in [
        0,
        h.len() / 3,
        first.unwrap_or(0),
        first.map_or(0, |s| s.saturating_sub(1)),
    ] {
        assert_eq!(
            m.date_full_until(h, last).map(|c| c.whole.start),
            first.filter(|&s| s <= last),
            "full date up to {last} in {h:?}"
        );
    }
    assert_eq!(
        m.date_words(h).map(|c| date(c, &all)),
        o.date_words.captures(h).map(|c| caps(c, &all)),
        "date in words in {h:?}"
    );
    assert_eq!(
        m.day_months(h)
            .map(|c| date(c, &[0, 1, 2]))
            .collect::<Vec<_>>(),
        o.day_month
            .captures_iter(h)
            .map(|c| caps(c, &[0, 1, 2]))
            .collect::<Vec<_>>(),
        "day and month in {h:?}"
    );
    assert_eq!(
        m.month(h).map(|c| date(c, &[0, 1, 3])),
        o.month.captures(h).map(|c| caps(c, &[0, 1, 2])),
        "month in {h:?}"
    );
    let (want, got) = periods_both(h);
    assert_eq!(got, want, "periods in {h:?}");
    // The successive matches, as `rules::periods` finds them from the boundary candidates.
    let mut succ = Vec::new();
    let mut at = 0;
    let mut caps = o.period.create_captures();
    while let Some(s) = o.period_start.find_at(h, at).map(|m| m.start()) {
        let input = Input::new(h).range(s..).anchored(Anchored::Yes);
        o.period.search_captures(&input, &mut caps);
        match caps.get_match() {
            Some(x) => {
                succ.push(x.range());
                at = x.end();
            }
            None => at = s + h[s..].chars().next().map_or(1, char::len_utf8),
        }
    }
    let mine: Vec<_> = crate::rules::periods(h, m).map(|p| p.whole).collect();
    assert_eq!(mine, succ, "successive periods in {h:?}");
}

#[test]
fn a_body_name_stops_at_a_line_break() {
    let h = "Ủy ban nhân dân tỉnh\nCăn cứ Luật Tổ chức chính quyền địa phương;";
    let r = Matchers::get().body(h).expect("a body");
    assert_eq!(&h[r], "Ủy ban nhân dân tỉnh");
    let h = "Ủy ban nhân dân tỉnh Bình Phước ban hành kế hoạch";
    let r = Matchers::get().body(h).expect("a body");
    assert_eq!(&h[r], "Ủy ban nhân dân tỉnh Bình Phước");
    check("Ủy ban nhân dân tỉnh\nCăn cứ Luật");
}

#[test]
fn folded_gap_class_is_the_regex_class() {
    assert_eq!(
        Class::parse(r"(?i)[\p{L} ,]"),
        Matchers::get().gap,
        "(?i)[\\p{{L}} ,]"
    );
    // `date_words` and `month` look for their first two letters by their ASCII cases.
    for c in ["n", "t", "g", "h"] {
        let class = Class::parse(&format!("(?i){c}"));
        assert!(class.ranges.is_empty(), "{c} folds to non-ASCII letters");
        assert_eq!(class.ascii.count_ones(), 2, "{c}");
    }
}

#[test]
fn examples() {
    for h in [
        "Ban Chấp hành Đảng bộ tỉnh Gia Lai khóa XVI",
        "Ban Chấp hành Đảng bộ huyện  Chư-Prông  Gia Lai 3 Ab",
        "Ban Chấp hành Trung ương Đảng",
        "Ban Thường vụ Tỉnh ủy Bình Phước",
        "HĐND TP. Hồ Chí Minh",
        "UBND TPx",
        "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng",
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Số: 634/TB-VPCP ngày 22/11/2025",
        "12/2024/NQ-HĐND, 43-NQ/TW, 5/NQ-TUabc, 123456/NQ, 12/NĐx",
        "Số: 223/CĐ-TTg, 12/QĐ-TTgx, 5/KH-UBa1, 7/NQ-CPabc, 8-NQ/TWd",
        "Hà Nội, ngày 22 tháng 11 năm 2025; ngày 5-6 - 2024",
        "Sáng 9/6, chiều ngày 10.7 và tối NGÀY 3 / 12a",
        "tháng 5/2024, THÁNG 12 năm 2025, tháng 123/2024",
        "6 tháng đầu năm 2024, SÁU THÁNG CUỐI NĂM 2023, 9 tháng đầu năm 2022",
        "quý III/2024, quý IV năm 2023, quý II năm 2020, quý 1 / 2021, quý V/2020",
        "nhiệm kỳ 2020 - 2025, giai đoạn 2021–2030, nhiệm kỳ 2020—2025x",
        "tổng kết công tác năm 2024, kết quả thực hiện nhiệm vụ năm 2023, năm nay năm 2022",
        "ſáu tháng đầu năm 2024, nhiệm Kỳ 2020-2025",
        "19٣٣ 20２4 1999_ 2024",
    ] {
        check(h);
    }
}

/// The bundled corpus, and the shared documents when they are beside the repository.
#[test]
fn documents() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut dirs = vec![root.join("corpus")];
    let shared = root.join("../shared/data");
    if shared.is_dir() {
        dirs.extend(["reports-dev", "reports-dev2"].map(|d| shared.join(d)));
    } else {
        eprintln!("skipped: ../shared/data is absent (only corpus/ checked)");
    }
    let mut n = 0;
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                if let Ok(text) = std::fs::read_to_string(&p) {
                    check(&text);
                    n += 1;
                }
            }
        }
    }
    assert!(n >= 40, "only {n} documents");
    let admin = shared.join("admin-raw/admin-raw.txt");
    if let Ok(text) = std::fs::read_to_string(admin) {
        for doc in text.split("=====\n").take(400) {
            check(doc);
        }
    }
}

/// Pieces of text the patterns care about, glued at random.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ",
        " ",
        "  ",
        "\n",
        "\u{a0}",
        ",",
        ", ",
        ".",
        ":",
        "/",
        "-",
        "–",
        "—",
        "_",
        "x",
        "a",
        "A",
        "Ab",
        "3",
        "05",
        "12",
        "123",
        "2024",
        "1999",
        "2100",
        "20",
        "19",
        "٣",
        "２",
        "Số",
        "số",
        "NQ",
        "TU",
        "HĐND",
        "ĐU",
        "BCHTW",
        "ABCDEFGHI",
        "ngày",
        "NGÀY",
        "Ngày",
        "tháng",
        "THÁNG",
        "năm",
        "NĂM",
        "Năm",
        "quý",
        "QUÝ",
        "I",
        "i",
        "II",
        "IV",
        "V",
        "6",
        "9",
        "sáu",
        "ſáu",
        "Sáu",
        "kỳ",
        "Kỳ",
        "nhiệm",
        "giai",
        "đoạn",
        "tổng",
        "kết",
        "Kết",
        "quả",
        "đầu",
        "cuối",
        "sáng",
        "Chiều",
        "tối",
        "trưa",
        "\u{345}",
        "ς",
        "Ban",
        "Chấp",
        "hành",
        "Đảng",
        "bộ",
        "tỉnh",
        "Tỉnh",
        "ủy",
        "uy",
        "y",
        "Huyện",
        "Thành",
        "Thị",
        "thị xã",
        "UBND",
        "Ủy ban nhân dân",
        "Uỷ",
        "ban",
        "TP",
        "TP.",
        "Gia",
        "Lai",
        "Chư",
        "Prông",
        "Bộ",
        "Chính",
        "trị",
        "phủ",
        "Văn phòng",
        "Thủ tướng",
        "Quốc hội",
        "Ban Chỉ đạo",
        "Công Thương",
        "Trung ương",
        "xã",
        "phường",
        "thị trấn",
        "khối",
        "Ⓐ",
        "Ⅳ",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn matchers_equal_their_regexes(pieces in prop::collection::vec(piece(), 0..40)) {
        check(&pieces.concat());
    }

    /// Long runs of letters between the openings and `năm` (the lazy `{0,60}?` of the period).
    #[test]
    fn period_gaps(a in 0usize..70, b in 0usize..3, opener in prop::sample::select(vec!["năm ", "tổng kết ", "kết quả ", "x năm "])) {
        let gap = ["ab", "a ", "Ⅳ", "a,"][b].repeat(a / 2);
        check(&format!("{opener}{gap}năm 2024 {opener}{gap} năm 2025x"));
    }
}

/// Small alphabets, one per family of patterns, so that long matches come up often.
fn family() -> impl Strategy<Value = Vec<&'static str>> {
    let dates = vec![
        "tháng", "THÁNG", "ngày", "Ngày", "năm", "sáng", "trưa", " ", "  ", "\n", "/", ".", "-",
        "5", "12", "123", "2024", "1999", "٣", "x", "_",
    ];
    let codes = vec![
        "12", "5", "123456", "/", "-", "NQ", "TU", "Đ", "A", "ABCDEFG", "2024", "x", " ", "1", "٣",
        "Số", ":",
    ];
    let bodies = vec![
        "Ban Chấp hành Đảng bộ ",
        "Ban Thường vụ ",
        "Tỉnh ủy",
        "Huyện uy",
        "Thị",
        " ",
        "  ",
        "-",
        " - ",
        "Gia",
        "Lai",
        "x",
        "3",
        "Ab",
        "ĐẮK",
        "tỉnh",
        "Đảng ủy ",
        "khối",
        "UBND ",
        "TP",
        ".",
        "Ban Chỉ đạo ",
        "Trung",
        "ương",
        ",",
        "Bộ ",
        "Công an",
        "Chính phủ",
    ];
    let periods = vec![
        "quý ",
        "QUÝ ",
        "I",
        "i",
        "V",
        "II",
        "4",
        " ",
        "  ",
        "/",
        "năm",
        "năm ",
        " năm ",
        "2024",
        "20245",
        "6 tháng ",
        "9 tháng ",
        "đầu ",
        "cuối ",
        "nhiệm kỳ ",
        "giai đoạn ",
        "-",
        "–",
        "tổng kết ",
        "kết quả ",
        "x",
        "ab ",
        ",",
    ];
    prop::sample::select(vec![dates, codes, bodies, periods])
        .prop_flat_map(|alphabet| prop::collection::vec(prop::sample::select(alphabet), 0..24))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn matchers_equal_their_regexes_on_dense_text(pieces in family()) {
        check(&pieces.concat());
    }
}

fn one(v: &[&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(v.to_vec())
        .prop_map(str::to_string)
        .boxed()
}

fn ws() -> BoxedStrategy<String> {
    one(&["", " ", "  ", "\n", "\u{a0}"])
}

fn num() -> BoxedStrategy<String> {
    one(&["5", "12", "123", "", "٣", "0", "31"])
}

fn year() -> BoxedStrategy<String> {
    one(&["2024", "1999", "2100", "202", "20245", "20٣4", "19"])
}

fn edge() -> BoxedStrategy<String> {
    one(&["", "x", ".", "_", "٣", " ", "/", "-", ".5", "a"])
}

/// One near-match of some pattern: its skeleton with each piece varied.
fn near_match() -> impl Strategy<Value = String> {
    let month = (
        edge(),
        one(&["tháng", "THÁNG", "thang", "Tháng"]),
        ws(),
        num(),
        ws(),
        one(&["/", "năm", "NĂM", "-", ""]),
        ws(),
        year(),
        edge(),
    )
        .prop_map(|t| [t.0, t.1, t.2, t.3, t.4, t.5, t.6, t.7, t.8].concat());
    let words = (
        edge(),
        one(&["ngày", "NGÀY", "ngay"]),
        ws(),
        num(),
        ws(),
        one(&["tháng", "THÁNG"]),
        ws(),
        num(),
        ws(),
        one(&["năm", "Năm", "nam"]),
        ws(),
        (year(), edge()),
    )
        .prop_map(|t| {
            [
                t.0, t.1, t.2, t.3, t.4, t.5, t.6, t.7, t.8, t.9, t.10, t.11 .0, t.11 .1,
            ]
            .concat()
        });
    let full = (
        edge(),
        num(),
        ws(),
        one(&["/", ".", "-", ":"]),
        ws(),
        num(),
        ws(),
        one(&["/", ".", "-", ""]),
        ws(),
        year(),
        edge(),
    )
        .prop_map(|t| [t.0, t.1, t.2, t.3, t.4, t.5, t.6, t.7, t.8, t.9, t.10].concat());
    let day = (
        edge(),
        one(&["ngày", "sáng", "Chiều", "tối", "TRƯA", "trua"]),
        ws(),
        one(&["", "ngày ", "ngày", "Ngày  "]),
        num(),
        ws(),
        one(&["/", ".", "-"]),
        ws(),
        num(),
        edge(),
    )
        .prop_map(|t| [t.0, t.1, t.2, t.3, t.4, t.5, t.6, t.7, t.8, t.9].concat());
    let part = (
        one(&["-", "/", ""]),
        one(&["TU", "ABCDEFGHI", "Đ", "", "QĐ"]),
        one(&["", "1", "٣"]),
    )
        .prop_map(|t| [t.0, t.1, t.2].concat());
    let code = (
        edge(),
        one(&["1", "12", "12345", "123456", "٣", ""]),
        one(&["", "/2024", "/202"]),
        one(&["-", "/", ""]),
        one(&["NQ", "Đ", "ABCDEFG", "A", "nq"]),
        prop::collection::vec(part, 0..5),
        edge(),
    )
        .prop_map(|t| [t.0, t.1, t.2, t.3, t.4, t.5.concat(), t.6].concat());
    let quarter = (
        edge(),
        one(&["quý ", "QUÝ ", "quý"]),
        one(&["I", "II", "III", "IIII", "IV", "iv", "4", "5", "V"]),
        ws(),
        one(&["/", "năm", ""]),
        ws(),
        year(),
        edge(),
    )
        .prop_map(|t| [t.0, t.1, t.2, t.3, t.4, t.5, t.6, t.7].concat());
    let half = (
        edge(),
        one(&[
            "6 tháng ",
            "sáu tháng ",
            "ſáu THÁNG ",
            "9 tháng ",
            "6 tháng",
        ]),
        one(&["đầu ", "cuối ", "", "ĐẦU "]),
        one(&["năm ", "năm", "NĂM "]),
        year(),
        edge(),
    )
        .prop_map(|t| [t.0, t.1, t.2, t.3, t.4, t.5].concat());
    let term = (
        edge(),
        one(&["nhiệm kỳ ", "giai đoạn ", "nhiệm Kỳ ", "giai đoạn"]),
        year(),
        ws(),
        one(&["-", "–", "—", "", "/"]),
        ws(),
        year(),
        edge(),
    )
        .prop_map(|t| [t.0, t.1, t.2, t.3, t.4, t.5, t.6, t.7].concat());
    let gap = prop::collection::vec(
        one(&["a", " ", ",", "ă", "Ⅳ", "\u{345}", "năm ", "1"]),
        0..70,
    );
    let yearly = (
        edge(),
        one(&["tổng kết ", "kết quả ", "năm ", "năm", "KẾT QUẢ "]),
        gap,
        one(&["năm ", "năm", ""]),
        year(),
        edge(),
    )
        .prop_map(|t| [t.0, t.1, t.2.concat(), t.3, t.4, t.5].concat());
    let name = prop::collection::vec(
        one(&[" ", "  ", "-", "Gia", "lai", "3", "Đắk", "x", ",", "\n"]),
        0..10,
    );
    let body = (
        edge(),
        one(&[
            "Ban Chấp hành Đảng bộ tỉnh",
            "Ban Chấp hành Đảng bộ thị xã",
            "Ban Thường vụ Tỉnh ủy",
            "Huyện uy",
            "Thị ủy",
            "Đảng ủy khối",
            "UBND TP",
            "UBND TP.",
            "Hội đồng nhân dân xã",
            "Ban Chỉ đạo ",
            "Ban Chấp hành Trung ương",
            "Bộ Công an",
            "Chính phủ",
            "Uỷ ban nhân dân phường",
        ]),
        name,
    )
        .prop_map(|t| [t.0, t.1, t.2.concat()].concat());
    prop_oneof![month, words, full, day, code, quarter, half, term, yearly, body]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6000))]

    #[test]
    fn matchers_equal_their_regexes_on_near_matches(parts in prop::collection::vec(near_match(), 1..4)) {
        check(&parts.concat());
    }
}

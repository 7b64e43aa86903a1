use super::*;
use TokenKind::*;

fn toks(text: &str) -> Vec<(&str, TokenKind)> {
    tokenize(text)
        .iter()
        .map(|t| (t.text(text), t.kind))
        .collect()
}

/// `s` alone is one token of kind `kind`, also inside a sentence and
/// followed by punctuation.
#[track_caller]
fn whole(s: &str, kind: TokenKind) {
    assert_eq!(toks(s), vec![(s, kind)], "alone: {s}");
    let text = format!("theo {s}, đạt {s}. ({s})");
    let want = vec![
        ("theo", Syllable),
        (s, kind),
        (",", Punct),
        ("đạt", Syllable),
        (s, kind),
        (".", Punct),
        ("(", Punct),
        (s, kind),
        (")", Punct),
    ];
    assert_eq!(toks(&text), want, "in context: {s}");
}

#[test]
fn numbers() {
    for s in [
        "832.270.966.973",
        "3.807,927",
        "07",
        "104,11",
        "1.087",
        "5.1",
        "2024",
        "1.2.3",
    ] {
        whole(s, Number);
    }
    assert_eq!(toks("4.435m"), vec![("4.435", Number), ("m", Foreign)]);
    assert_eq!(toks("99km"), vec![("99", Number), ("km", Foreign)]);
    assert_eq!(toks("1038,5ha"), vec![("1038,5", Number), ("ha", Syllable)]);
    assert_eq!(toks("100m2"), vec![("100", Number), ("m2", Foreign)]);
}

#[test]
fn percents() {
    for s in ["104,11%", "5,1%", "100%", "46,4%", "5,1 %"] {
        whole(s, Percent);
    }
    assert_eq!(
        toks("tăng 6,7%/năm"),
        vec![
            ("tăng", Syllable),
            ("6,7%", Percent),
            ("/", Punct),
            ("năm", Syllable)
        ]
    );
    assert_eq!(toks("%"), vec![("%", Symbol)]);
    assert_eq!(toks("5,1\u{a0}%"), vec![("5,1\u{a0}%", Percent)]);
}

#[test]
fn ratios() {
    for s in ["419/419", "45.799/36.875", "15/18", "1/2/3", "1/3", "2/3"] {
        whole(s, Ratio);
    }
}

#[test]
fn dates() {
    for s in [
        "30/6/2024",
        "24/11/2023",
        "29-1-2021",
        "22.12.2024",
        "23.6.2017",
        "5/2017",
        "I/2025",
        "IV/2017",
        "Q1/2025",
        "30/6",
        "4/4",
        "2024-06-30",
        "14:30:05",
        "14:30",
        "8h30",
        "1/1/24",
    ] {
        whole(s, Date);
    }
    assert_eq!(
        toks("quý I/2025"),
        vec![("quý", Syllable), ("I/2025", Date)]
    );
    assert_eq!(
        toks("tháng 5/2017"),
        vec![("tháng", Syllable), ("5/2017", Date)]
    );
    // Day/month with the smaller number first after a date word.
    assert_eq!(toks("Sáng 3/7")[1], ("3/7", Date));
    assert_eq!(toks("từ ngày 1/4 đến 2/5")[2], ("1/4", Date));
    assert_eq!(toks("từ ngày 1/4 đến 2/5")[4], ("2/5", Date));
    assert_eq!(toks("thương binh 1/4")[2], ("1/4", Ratio));
    assert_eq!(toks("ngày 30-4")[1], ("30-4", Date));
    assert_eq!(
        toks("từ 10-12"),
        vec![
            ("từ", Syllable),
            ("10", Number),
            ("-", Punct),
            ("12", Number)
        ]
    );
    assert_eq!(toks("1:1.000"), vec![("1:1.000", Ratio)]);
    assert_eq!(toks("2:1"), vec![("2:1", Ratio)]);
    // Section numbers are not dates.
    assert_eq!(toks("2.1.10"), vec![("2.1.10", Number)]);
    // Holiday ranges: two dates.
    assert_eq!(
        toks("30/4-1/5"),
        vec![("30/4", Date), ("-", Punct), ("1/5", Date)]
    );
}

#[test]
fn periods() {
    for s in [
        "2020-2025",
        "2020 - 2025",
        "2021–2025",
        "2016 – 2020",
        "1968/69",
        "2010-11",
        "1945—1954",
    ] {
        whole(s, Period);
    }
    // Not years in order: a number, a dash, a number.
    assert_eq!(
        toks("2025-2020"),
        vec![("2025", Number), ("-", Punct), ("2020", Number)]
    );
    assert_eq!(
        toks("10-15"),
        vec![("10", Number), ("-", Punct), ("15", Number)]
    );
}

#[test]
fn codes() {
    for s in [
        "43-NQ/TW",
        "01/NQ-CP",
        "19/2017/NQ-CP",
        "09-CTr/TU",
        "05-HD/VPTW",
        "24/CT-TTg",
        "99a/NQ-CP",
        "476-QĐNS/TW",
        "2024/BKHĐT-TH",
        "1234/BKHĐT-Th",
        "12/KH-SNN&PTNT",
        "COVID-19",
        "SARS-CoV-2",
        "5G",
        "F0",
        "TW4",
        "H5N1",
        "9A",
    ] {
        whole(s, Code);
    }
    assert_eq!(
        toks("số 15-NQ/TU"),
        vec![("số", Syllable), ("15-NQ/TU", Code)]
    );
    assert_eq!(
        toks("Covid-19"),
        vec![("Covid", Foreign), ("-", Punct), ("19", Number)]
    );
}

#[test]
fn romans() {
    for s in [
        "XIII", "XIV", "IV", "II", "I", "V", "IX", "XX", "XVII", "VI",
    ] {
        whole(s, Roman);
    }
    assert_eq!(toks("khóa XIII"), vec![("khóa", Syllable), ("XIII", Roman)]);
    assert_eq!(
        toks("I. MỞ ĐẦU"),
        vec![
            ("I", Roman),
            (".", Punct),
            ("MỞ", Syllable),
            ("ĐẦU", Syllable)
        ]
    );
    assert_eq!(
        toks("II.KẾT QUẢ"),
        vec![
            ("II", Roman),
            (".", Punct),
            ("KẾT", Syllable),
            ("QUẢ", Syllable)
        ]
    );
    // Not canonical: an abbreviation.
    for s in ["IIII", "VV", "XHX", "CV"] {
        whole(s, Abbreviation);
    }
}

#[test]
fn abbreviations() {
    for s in [
        "UBND",
        "HĐND",
        "TUV",
        "KT-XH",
        "Đ/c",
        "đ/c",
        "T.Ư",
        "TW",
        "MTTQ",
        "BCH",
        "TTg",
        "TP.HCM",
        "GD&ĐT",
        "NN&PTNT",
        "NQ/TW",
        "PGS-TS",
        "C.T.V",
        "Đ.H",
        "TTXVN",
        "AI",
        "TU",
        "PVFCCo",
        "MHz",
        "V/v",
        "QP-AN",
        "HĐND-UBND",
    ] {
        whole(s, Abbreviation);
    }
    // Known dotted abbreviations keep their dot.
    assert_eq!(
        toks("TP. Hà"),
        vec![("TP.", Abbreviation), ("Hà", Syllable)]
    );
    assert_eq!(
        toks("TS. Lê"),
        vec![("TS.", Abbreviation), ("Lê", Syllable)]
    );
    assert_eq!(
        toks("ThS Lê"),
        vec![("ThS", Abbreviation), ("Lê", Syllable)]
    );
    assert_eq!(toks("Tp.Hồ"), vec![("Tp.", Abbreviation), ("Hồ", Syllable)]);
    assert_eq!(
        toks("PGS.TS. Lê"),
        vec![("PGS.TS.", Abbreviation), ("Lê", Syllable)]
    );
    assert_eq!(
        toks("v.v. và"),
        vec![("v.v.", Abbreviation), ("và", Syllable)]
    );
    assert_eq!(toks("v.v..."), vec![("v.v", Abbreviation), ("...", Punct)]);
    assert_eq!(toks("TP./."), vec![("TP", Abbreviation), ("./.", Punct)]);
    // Other abbreviations do not take a sentence-final dot.
    assert_eq!(toks("UBND."), vec![("UBND", Abbreviation), (".", Punct)]);
    assert_eq!(
        toks("của T.Ư."),
        vec![("của", Syllable), ("T.Ư", Abbreviation), (".", Punct)]
    );
}

#[test]
fn words() {
    assert_eq!(
        toks("Ban Chấp hành Đảng bộ"),
        vec![
            ("Ban", Syllable),
            ("Chấp", Syllable),
            ("hành", Syllable),
            ("Đảng", Syllable),
            ("bộ", Syllable)
        ]
    );
    for s in [
        "online",
        "Framework",
        "PlayStation",
        "L",
        "Egov",
        "zalo",
        "Covid",
        "iPhone",
        "Москва",
        "café",
    ] {
        whole(s, Foreign);
    }
    // Headings in capitals are syllables.
    for s in ["BÁO", "CÁO", "ĐẢNG", "BAN", "HÀ", "NỘI", "XUÂN", "A"] {
        whole(s, Syllable);
    }
    // Short unmarked capitals are abbreviations, except inside a heading in capitals.
    assert_eq!(toks("AN NINH"), vec![("AN", Syllable), ("NINH", Syllable)]);
    assert_eq!(
        toks("QUỐC PHÒNG - AN NINH"),
        vec![
            ("QUỐC", Syllable),
            ("PHÒNG", Syllable),
            ("-", Punct),
            ("AN", Syllable),
            ("NINH", Syllable)
        ]
    );
    assert_eq!(
        toks("TỈNH CA MAU"),
        vec![("TỈNH", Syllable), ("CA", Syllable), ("MAU", Syllable)]
    );
    assert_eq!(
        toks("ứng dụng AI trong"),
        vec![
            ("ứng", Syllable),
            ("dụng", Syllable),
            ("AI", Abbreviation),
            ("trong", Syllable)
        ]
    );
    assert_eq!(
        toks("KHÓA XI VỀ"),
        vec![("KHÓA", Syllable), ("XI", Roman), ("VỀ", Syllable)]
    );
    assert_eq!(toks("TỉNH"), vec![("TỉNH", Syllable)]);
    // A word with combining marks is one token.
    assert_eq!(
        toks("Vie\u{302}\u{323}t Nam"),
        vec![("Vie\u{302}\u{323}t", Syllable), ("Nam", Syllable)]
    );
    // Apostrophes split.
    assert_eq!(toks("Kơ'nia").len(), 3);
}

#[test]
fn urls_and_emails() {
    for s in [
        "https://baochinhphu.vn/tin-tuc/abc-123.htm",
        "http://example.com",
        "www.thanhuy.vn",
        "cong.nghean.gov.vn",
        "baochinhphu.vn/a/b",
    ] {
        whole(s, Url);
    }
    for s in [
        "vanphong@thanhuy.vn",
        "nguyen.van.a@gmail.com",
        "a_b-1@x.gov.vn",
    ] {
        whole(s, Email);
    }
    assert_eq!(
        toks("(xem https://x.vn/a(b))."),
        vec![
            ("(", Punct),
            ("xem", Syllable),
            ("https://x.vn/a(b)", Url),
            (")", Punct),
            (".", Punct)
        ]
    );
    assert_eq!(
        toks("a @ b"),
        vec![("a", Syllable), ("@", Symbol), ("b", Foreign)]
    );
    assert_eq!(toks("@x.vn"), vec![("@", Symbol), ("x.vn", Url)]);
}

#[test]
fn punctuation_and_symbols() {
    assert_eq!(
        toks("mới… xong... hết./."),
        vec![
            ("mới", Syllable),
            ("…", Punct),
            ("xong", Syllable),
            ("...", Punct),
            ("hết", Syllable),
            ("./.", Punct)
        ]
    );
    assert_eq!(
        toks("“Đảng”; (a) [b]: c!?"),
        vec![
            ("“", Punct),
            ("Đảng", Syllable),
            ("”", Punct),
            (";", Punct),
            ("(", Punct),
            ("a", Syllable),
            (")", Punct),
            ("[", Punct),
            ("b", Foreign),
            ("]", Punct),
            (":", Punct),
            ("c", Foreign),
            ("!", Punct),
            ("?", Punct)
        ]
    );
    for s in ["+", "=", "§", "$", "€", "₫", "<", ">", "°"] {
        assert_eq!(toks(s), vec![(s, Symbol)], "{s}");
    }
    assert_eq!(toks("2024./."), vec![("2024", Number), ("./.", Punct)]);
    assert_eq!(
        toks("năm 2024.Trong"),
        vec![
            ("năm", Syllable),
            ("2024", Number),
            (".", Punct),
            ("Trong", Syllable)
        ]
    );
}

#[test]
fn kinds_helpers() {
    let text = "Ngày 30/6/2024 đạt 104,11% và 3.807,927 tỷ.";
    let t = tokenize(text);
    let values: Vec<_> = t.iter().filter_map(|t| t.value(text)).collect();
    assert_eq!(values, vec![104.11, 3807.927]);
    assert!(t[0].kind.is_word_like());
    assert!(t[1].kind.is_figure() && t[1].kind.may_contain_dot());
    assert!(t.last().unwrap().is_sentence_end(text));
    assert!(!Syllable.may_contain_dot());
    assert!(!Punct.is_content());
}

#[test]
fn appends_after_existing_tokens() {
    let mut out = Vec::new();
    tokenize_into("a@", &mut out);
    let n = out.len();
    // The e-mail merge must never remove tokens of an earlier text.
    tokenize_into("@x.vn", &mut out);
    assert_eq!(out.len(), n + 2);
}

#[test]
fn corpus_sentence() {
    let text = "tính đến ngày 30/6/2024 tổng thu ngân sách nhà nước đạt 832.270.966.973 đồng (đạt 104,11% dự toán tỉnh giao; đạt 100,26% dự toán của huyện)";
    let got = toks(text);
    assert!(got.contains(&("30/6/2024", Date)));
    assert!(got.contains(&("832.270.966.973", Number)));
    assert!(got.contains(&("104,11%", Percent)));
    assert!(got.contains(&("100,26%", Percent)));
    assert!(got.contains(&(";", Punct)));
}

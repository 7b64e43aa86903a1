//! Properties that hold for any input.

use proptest::prelude::*;
use tomtat_splitter::Splitter;

/// Pieces that exercise the rules: markers, abbreviations, captions, punctuation, spaces.
const PIECES: &[&str] = &[
    "Hội nghị",
    "đạt",
    "tăng",
    "7%",
    "832.270.966.973",
    "30/6/2024",
    "22.4",
    "43-NQ/TW",
    "TP.",
    "Hồ",
    "Trên",
    "TS.",
    "Đ/c",
    "T.Ư",
    "PGS.TS",
    "I.",
    "II-",
    "2-",
    "a)",
    "(1)",
    "1.",
    "-",
    "+",
    "•",
    "Ảnh:",
    "(Ảnh:",
    "Thanh Lê)",
    "[img]",
    "Thưa",
    "các đồng chí,",
    "./.",
    "...",
    "…",
    ".",
    "!",
    "?",
    ";",
    ":",
    ",",
    "“",
    "”",
    "\"",
    "(",
    ")",
    "KẾT QUẢ",
    "UBND",
    "Phát biểu",
    "Theo",
    "Ông",
    "Năm",
    "2017",
    "nhập.Các",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\u{a0}",
    "\t",
    "\r\n",
    "Ngày",
    "21:27",
    "Bài và ảnh:",
    "N.",
    "e\u{301}",
    "🙂",
    "x",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        // random pieces joined by spaces
        prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.join(" ")),
        // random pieces glued without spaces
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat()),
        // arbitrary unicode
        ".{0,200}",
    ]
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let s = Splitter::new();
    let units = s.split(text);
    let mut covered = vec![false; text.len()];
    let mut prev_end = 0;
    for u in &units {
        prop_assert!(u.start < u.end, "empty unit {u:?}");
        prop_assert!(u.end <= text.len());
        prop_assert!(u.start >= prev_end, "units out of order or overlapping");
        prop_assert!(text.is_char_boundary(u.start) && text.is_char_boundary(u.end));
        let t = u.text(text);
        prop_assert_eq!(t.trim(), t, "unit not trimmed");
        for c in &u.clauses {
            prop_assert!(c.start < c.end && u.start <= c.start && c.end <= u.end);
            prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        }
        prop_assert!(u.clauses.len() != 1, "a single clause is left empty");
        for w in u.clauses.windows(2) {
            prop_assert!(w[0].end <= w[1].start, "clauses out of order");
        }
        covered[u.start..u.end].iter_mut().for_each(|c| *c = true);
        prev_end = u.end;
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() && c != '\u{feff}' && c != '\u{200b}' {
            prop_assert!(covered[i], "byte {i} ({c:?}) not in any unit");
        }
    }
    prop_assert_eq!(&units, &s.split(text), "not deterministic");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn units_cover_the_text_in_order(text in text_strategy()) {
        check(&text)?;
    }
}

#[test]
fn edge_cases() {
    for t in [
        "",
        " ",
        "\n\n",
        ".",
        "./.",
        "...",
        "(",
        "Ảnh:",
        "(Ảnh: x",
        "I.",
        "1.",
        "- ",
        "TP.",
        "Thưa,",
        "\u{feff}Câu.",
        "a\u{a0}\u{a0}B",
        "“…”",
        "KẾT QUẢ",
        "Ảnh: A B C D E F G H I J K",
    ] {
        check(t).unwrap();
    }
}

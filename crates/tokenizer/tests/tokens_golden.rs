//! Golden tests of the token scanner over the bundled real reports (`corpus/`).

use tomtat_tokenizer::token::is_space;
use tomtat_tokenizer::{tokenize, Token, TokenKind};

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "corpus has reports");
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn find<'a>(text: &'a str, tokens: &'a [Token], s: &str) -> Vec<&'a Token> {
    tokens.iter().filter(|t| t.text(text) == s).collect()
}

#[test]
fn figures_of_report_000() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/000.txt"))
            .unwrap();
    let tokens = tokenize(&text);
    let expect = [
        ("30/6/2024", TokenKind::Date),
        ("832.270.966.973", TokenKind::Number),
        ("104,11%", TokenKind::Percent),
        ("100,26%", TokenKind::Percent),
        ("41.360.691.533", TokenKind::Number),
        ("60,82%", TokenKind::Percent),
        ("453.093.071.970", TokenKind::Number),
        ("3.807,927", TokenKind::Number),
        ("5,1%", TokenKind::Percent),
        ("5.233,102", TokenKind::Number),
        ("170.000", TokenKind::Number),
        ("07", TokenKind::Number),
        ("02", TokenKind::Number),
        ("43-NQ/TW", TokenKind::Code),
        ("44-NQ/TW", TokenKind::Code),
        ("24/11/2023", TokenKind::Date),
        ("XIII", TokenKind::Roman),
        ("TUV", TokenKind::Abbreviation),
    ];
    for (s, kind) in expect {
        let found = find(&text, &tokens, s);
        assert!(!found.is_empty(), "{s} is a token of 000.txt");
        for t in found {
            assert_eq!(t.kind, kind, "{s}");
        }
    }
    let value = |s: &str| find(&text, &tokens, s)[0].value(&text);
    assert_eq!(value("832.270.966.973"), Some(832_270_966_973.0));
    assert_eq!(value("3.807,927"), Some(3807.927));
    assert_eq!(value("104,11%"), Some(104.11));
    assert_eq!(value("07"), Some(7.0));
    // "…" closes a paragraph; "Nguyễn Tăng, TUV," stay words.
    assert!(find(&text, &tokens, "…")
        .iter()
        .all(|t| t.kind == TokenKind::Punct));
    assert!(find(&text, &tokens, "Nguyễn")
        .iter()
        .all(|t| t.kind == TokenKind::Syllable));
}

/// Every whitespace-separated word made only of digits and `.,/%` (after
/// stripping surrounding punctuation) is one token: figures are never cut.
#[test]
fn figures_stay_whole_in_every_report() {
    let strip: &[char] = &['(', ')', '“', '”', '"', ',', ';', ':', '.', '…', '[', ']'];
    let mut checked = 0;
    for (name, text) in corpus() {
        let tokens = tokenize(&text);
        let base = text.as_ptr() as usize;
        for word in text.split(is_space).filter(|w| !w.is_empty()) {
            let core = word.trim_end_matches("./.").trim_matches(strip);
            if core.is_empty()
                || !core.bytes().any(|b| b.is_ascii_digit())
                || !core
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b".,/%".contains(&b))
            {
                continue;
            }
            let start = core.as_ptr() as usize - base;
            // The token holding the figure's first byte.
            let k = tokens.partition_point(|t| t.end <= start);
            let t = tokens.get(k).filter(|t| t.start <= start);
            let t = t.unwrap_or_else(|| panic!("{name}: no token at {core:?}"));
            // A token may be longer (`2015 - 2020` has spaces), never shorter.
            assert!(
                t.end >= start + core.len(),
                "{name}: {word:?} is cut: {:?}",
                t.text(&text)
            );
            assert!(t.kind.is_figure(), "{name}: {core:?} is {:?}", t.kind);
            checked += 1;
        }
    }
    assert!(checked > 500, "checked {checked} figures");
}

/// Every token with a digit is a figure, a code, a URL or e-mail, or a unit
/// like `m2`; no syllable contains a digit or a connector.
#[test]
fn digit_tokens_have_figure_kinds() {
    use TokenKind::*;
    for (name, text) in corpus() {
        for t in tokenize(&text) {
            let s = t.text(&text);
            if s.bytes().any(|b| b.is_ascii_digit()) {
                let ok = t.kind.is_figure()
                    || matches!(t.kind, Code | Url | Email)
                    || t.kind == Foreign && matches!(s, "m2" | "km2" | "m3");
                assert!(ok, "{name}: {s:?} is {:?}", t.kind);
            }
            if t.kind == Syllable {
                assert!(s.chars().all(char::is_alphabetic), "{name}: {s:?}");
            }
        }
    }
}

/// Capitals: document codes and abbreviations in the corpus.
#[test]
fn codes_and_abbreviations_in_corpus() {
    use TokenKind::*;
    let mut kinds = std::collections::HashMap::new();
    for (_, text) in corpus() {
        for t in tokenize(&text) {
            kinds.insert(t.text(&text).to_string(), t.kind);
        }
    }
    for (s, kind) in [
        ("UBND", Abbreviation),
        ("HĐND", Abbreviation),
        ("BHXH", Abbreviation),
        ("GD&ĐT", Abbreviation),
        ("NN&PTNT", Abbreviation),
        ("T.Ư", Abbreviation),
        ("TP.", Abbreviation),
        ("193/2013/NĐ-CP", Code),
        ("476-QĐNS/TW", Code),
        ("24/CT-TTg", Code),
        ("IV/2017", Date),
        ("22.12.2024", Date),
        ("2016 - 2020", Period),
        ("2015 – 2016", Period),
        ("2016-2020", Period),
    ] {
        assert_eq!(kinds.get(s), Some(&kind), "{s}");
    }
}

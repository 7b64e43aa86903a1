//! Properties of the token scanner on any input.

use proptest::prelude::*;
use tomtat_tokenizer::token::{is_space, is_vietnamese_syllable, parse_number};
use tomtat_tokenizer::{tokenize, tokenize_into, Token, TokenKind};

/// The invariants every tokenization must satisfy.
fn check(text: &str, tokens: &[Token]) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for t in tokens {
        prop_assert!(t.start < t.end, "empty token {t:?}");
        prop_assert!(t.end <= text.len(), "out of bounds {t:?}");
        prop_assert!(t.start >= prev_end, "overlap or disorder at {t:?}");
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        let s = t.text(text);
        prop_assert!(
            !s.starts_with(is_space) && !s.ends_with(is_space),
            "{s:?} has edge space"
        );
        prev_end = t.end;
    }
    // Every non-space char is inside a token (exactly one, as they do not overlap).
    let mut k = 0;
    for (i, c) in text.char_indices() {
        while k < tokens.len() && tokens[k].end <= i {
            k += 1;
        }
        let covered = k < tokens.len() && tokens[k].start <= i;
        prop_assert!(covered || is_space(c), "{c:?} at {i} not covered");
    }
    Ok(())
}

/// Text built from the characters the scanner treats specially.
fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "0", "1", "2", "9", "12", "2020", "2025", "30", ".", ",", "/", "-", "–", "—", ":", "%",
        "&", "@", " ", "  ", "\n", "\t", "\u{a0}", "\u{200b}", "a", "A", "b", "c", "đ", "Đ", "Ð",
        "ê", "Ệ", "ư", "Ư", "x", "X", "I", "V", "Q", "h", "w", "TW", "NQ", "UBND", "TP", "v", "vn",
        "gov", "com", "www", "http://", "https://", "…", "...", "./.", "'", "\"", "(", ")", "“",
        "”", "ấ", "\u{300}", "\u{302}", "\u{323}", "e", "ng", "hành", "Chấp", "km", "m2", "$", "+",
        "§", "😀", "中", "\u{0}", "\r\n", "_", "ﬁ", "²", "٣",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string(text in any::<String>()) {
        let tokens = tokenize(&text);
        check(&text, &tokens)?;
        prop_assert_eq!(tokenize(&text), tokens);
    }

    /// The scanner remembers the kinds of the words it met (per thread): the tokens
    /// of a text are the same with that memo empty (a new thread) and filled by
    /// other texts (`AN` met alone, then in a heading in capitals).
    #[test]
    fn tokens_do_not_depend_on_texts_before(text in tricky(), before in tricky()) {
        let text = format!("{text} AN NINH {before} AN, TP. TP");
        let t = text.clone();
        let fresh = std::thread::spawn(move || tokenize(&t)).join().unwrap();
        tokenize(&before);
        prop_assert_eq!(tokenize(&text), fresh);
    }

    #[test]
    fn tricky_strings(text in tricky()) {
        let tokens = tokenize(&text);
        check(&text, &tokens)?;
        prop_assert_eq!(&tokenize(&text), &tokens);
        // Appending to a buffer leaves earlier tokens alone and adds the same tokens.
        let mut out = tokenize("x@");
        let before = out.clone();
        tokenize_into(&text, &mut out);
        prop_assert_eq!(&out[..before.len()], &before[..]);
        prop_assert_eq!(&out[before.len()..], &tokens[..]);
    }

    #[test]
    fn helpers_never_panic(s in "\\PC{0,12}", t in tricky()) {
        let _ = parse_number(&s);
        let _ = parse_number(&t);
        let _ = is_vietnamese_syllable(&s);
        let _ = is_vietnamese_syllable(&t);
    }

    #[test]
    fn vietnamese_numbers_round_trip(n in 0u64..1_000_000_000_000, frac in 0u32..1000) {
        // Format with dots for thousands and a comma for decimals.
        let digits = n.to_string();
        let mut int = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                int.push('.');
            }
            int.push(c);
        }
        let text = format!("{int},{frac:03}");
        let want = n as f64 + frac as f64 / 1000.0;
        let got = parse_number(&text).unwrap();
        prop_assert!((got - want).abs() <= want.abs() * 1e-12 + 1e-9, "{text}: {got}");
        let tokens = tokenize(&text);
        prop_assert_eq!(tokens.len(), 1);
        prop_assert_eq!(tokens[0].kind, tomtat_tokenizer::TokenKind::Number);
    }
}

/// Figures and codes from real reports, with their kinds.
const FIGURES: [(&str, TokenKind); 22] = [
    ("832.270.966.973", TokenKind::Number),
    ("3.807,927", TokenKind::Number),
    ("07", TokenKind::Number),
    ("104,11%", TokenKind::Percent),
    ("5,1%", TokenKind::Percent),
    ("419/419", TokenKind::Ratio),
    ("45.799/36.875", TokenKind::Ratio),
    ("30/6/2024", TokenKind::Date),
    ("29-1-2021", TokenKind::Date),
    ("22.12.2024", TokenKind::Date),
    ("I/2025", TokenKind::Date),
    ("5/2017", TokenKind::Date),
    ("2020-2025", TokenKind::Period),
    ("2021–2025", TokenKind::Period),
    ("43-NQ/TW", TokenKind::Code),
    ("19/2017/NQ-CP", TokenKind::Code),
    ("09-CTr/TU", TokenKind::Code),
    ("24/CT-TTg", TokenKind::Code),
    ("XIII", TokenKind::Roman),
    ("UBND", TokenKind::Abbreviation),
    ("KT-XH", TokenKind::Abbreviation),
    ("Đ/c", TokenKind::Abbreviation),
];

fn words() -> impl Strategy<Value = String> {
    let w = prop::sample::select(vec![
        "Ngày", "đạt", "(", ")", ",", ".", "UBND", "tăng", "“", "”", ";", ":", "năm", "TP.", "số",
        "khóa", "quý", "…", "...", "/", "x", "@", "Đảng", "HĐND", "và",
    ]);
    prop::collection::vec(w, 0..6).prop_map(|v| v.join(" "))
}

proptest! {
    /// A figure between words, separated by spaces, is one token of its kind.
    #[test]
    fn figures_are_never_cut(left in words(), right in words(), k in 0..FIGURES.len()) {
        let (fig, kind) = FIGURES[k];
        let text = format!("{left} {fig} {right}");
        let at = left.len() + 1;
        let tokens = tokenize(&text);
        let t = tokens.iter().find(|t| t.start == at);
        prop_assert_eq!(t.map(|t| (t.text(&text), t.kind)), Some((fig, kind)), "{}", text);
    }
}

//! Properties of the token scanner on any input.

use proptest::prelude::*;
use tomtat_tokenizer::token::{is_space, is_vietnamese_syllable, parse_number};
use tomtat_tokenizer::{tokenize, tokenize_into, Token};

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

//! Properties: no panic on any input, idempotent normalization, offsets in bounds,
//! monotone and on character boundaries.

use proptest::prelude::*;
use tomtat_text::{match_key, Encoding, Options, Text, ToneStyle};

/// Detection, then every encoding forced.
fn encodings() -> impl Iterator<Item = Option<Encoding>> {
    std::iter::once(None).chain(Encoding::ALL.map(Some))
}
const STYLES: [ToneStyle; 3] = [ToneStyle::New, ToneStyle::Old, ToneStyle::Keep];

/// Characters that exercise normalization: Vietnamese letters in both tone styles,
/// combining marks, invisible characters, odd spaces, line breaks.
fn vi_char() -> impl Strategy<Value = char> {
    let pool: Vec<char> =
        "aoeuyqhkd HOAUYQ\r\n\t.,?'`~^(+\\àáảãạòóỏõọùúủũụỳýỷỹỵèéẻẽẹăâêôơưđĐÐðÀÒÙỲÈÓÚÝÉ\
        \u{0300}\u{0301}\u{0303}\u{0309}\u{0323}\u{0302}\u{0306}\u{031B}\u{0338}\u{200B}\u{FEFF}\
        \u{00AD}\u{00A0}\u{2003}\u{3000}\u{2126}=İ"
            .chars()
            .collect();
    prop_oneof![
        4 => proptest::sample::select(pool),
        1 => any::<char>(),
    ]
}

fn vi_string() -> impl Strategy<Value = String> {
    proptest::collection::vec(vi_char(), 0..40).prop_map(|v| v.into_iter().collect())
}

fn check_ranges(text: &Text, source_len: usize, boundary: &dyn Fn(usize) -> bool) {
    let s = text.as_str();
    let cuts: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
    let whole = text.source_range(0..s.len());
    assert_eq!(whole.end, source_len, "the end maps to the end");
    let mut prev = (0, 0);
    for &i in &cuts {
        let r = text.source_range(i..i);
        assert!(r.start <= r.end && r.end <= source_len, "{r:?}");
        assert!(r.start >= prev.0 && r.end >= prev.1, "monotone at {i}");
        assert!(boundary(r.start) && boundary(r.end), "{r:?} off a boundary");
        prev = (r.start, r.end);
        for &j in cuts.iter().filter(|&&j| j >= i).take(4) {
            let r = text.source_range(i..j);
            assert!(r.start <= r.end && r.end <= source_len);
            assert!(boundary(r.start) && boundary(r.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn from_bytes_never_panics(bytes in proptest::collection::vec(prop_oneof![1 => Just(0u8), 40 => 1u8..=255], 0..200)) {
        for encoding in encodings() {
            for tone_style in STYLES {
                if let Ok(text) = Text::from_bytes(&bytes, &Options { encoding, tone_style }) {
                    let n = bytes.len();
                    let r = text.source_range(0..text.as_str().len());
                    prop_assert!(r.start <= r.end && r.end <= n);
                    check_ranges(&text, n, &|_| true);
                }
            }
        }
    }

    #[test]
    fn normalizing_twice_changes_nothing(s in vi_string()) {
        for tone_style in STYLES {
            let opts = Options { encoding: None, tone_style };
            let once = Text::from_str_with(&s, &opts);
            let twice = Text::from_str_with(once.as_str(), &opts);
            prop_assert_eq!(once.as_str(), twice.as_str(), "{:?}", tone_style);
            check_ranges(&once, s.len(), &|i| s.is_char_boundary(i));
        }
    }

    #[test]
    fn utf8_bytes_match_from_str(s in vi_string()) {
        // Auto detection must keep valid UTF-8 with Vietnamese letters as UTF-8.
        let opts = Options { encoding: Some(Encoding::Utf8), tone_style: ToneStyle::New };
        if let Ok(t) = Text::from_bytes(s.as_bytes(), &opts) {
            let want = Text::from_str_with(&s, &opts);
        prop_assert_eq!(t.as_str(), want.as_str());
            check_ranges(&t, s.len(), &|i| s.is_char_boundary(i));
        }
    }

    #[test]
    fn utf16_offsets_are_even(s in vi_string()) {
        let s = s.replace('\0', "");
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let opts = Options { encoding: None, tone_style: ToneStyle::Keep };
        let t = Text::from_bytes(&bytes, &opts).unwrap();
        prop_assert_eq!(t.encoding(), Encoding::Utf16Le);
        let want = Text::from_str_with(&s, &opts);
        prop_assert_eq!(t.as_str(), want.as_str());
        check_ranges(&t, bytes.len(), &|i| i % 2 == 0 && i >= 2);
    }

    #[test]
    fn match_key_is_stable(s in vi_string()) {
        let k = match_key(&s);
        prop_assert_eq!(match_key(&k), k.clone());
        for style in [ToneStyle::New, ToneStyle::Old] {
            let t = Text::from_str_with(&s, &Options { encoding: None, tone_style: style });
            prop_assert_eq!(match_key(t.as_str()), k.clone());
        }
    }
}

/// A VIQR encoder written from the README of encodings-dev: letters as mnemonics,
/// `dd` for đ, and a backslash before a literal backslash, before a mark character
/// that follows a vowel, and before a `d`/`D` that follows a plain `d`/`D`.
fn viqr_encode(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let is_vowel = |c: char| {
            let base = c.to_string().nfd().next().unwrap().to_ascii_lowercase();
            matches!(base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
        };
        // Is the last `d` escaped (an odd number of backslashes before it)?
        let slashes = out[..out.len().saturating_sub(1)]
            .bytes()
            .rev()
            .take_while(|&b| b == b'\\')
            .count();
        let escaped_d = slashes % 2 == 1;
        if matches!(c, 'đ' | 'Đ') && matches!(prev, Some('d' | 'D')) && !escaped_d {
            // `d` + `đ` would read `đ` + `d`: make that `d` literal.
            let d = out.pop().unwrap();
            out.push('\\');
            out.push(d);
        }
        match c {
            'đ' => out.push_str("dd"),
            'Đ' => out.push_str("DD"),
            '\\' => out.push_str("\\\\"),
            '(' | '^' | '+' | '\'' | '`' | '?' | '~' | '.' if prev.is_some_and(is_vowel) => {
                out.push('\\');
                out.push(c);
            }
            'd' | 'D' if matches!(prev, Some('d' | 'D')) => {
                out.push('\\');
                out.push(c);
            }
            c if !c.is_ascii() => {
                for d in c.to_string().nfd() {
                    out.push_str(match d {
                        '\u{0302}' => "^",
                        '\u{0306}' => "(",
                        '\u{031B}' => "+",
                        '\u{0301}' => "'",
                        '\u{0300}' => "`",
                        '\u{0309}' => "?",
                        '\u{0303}' => "~",
                        '\u{0323}' => ".",
                        _ => "",
                    });
                    if d.is_ascii() {
                        out.push(d);
                    }
                }
                // Shape marks come before the tone in VIQR; NFD puts the dot below
                // first for ậ ặ ệ ộ ợ ự: reorder.
                reorder_marks(&mut out);
            }
            c => out.push(c),
        }
        prev = Some(c);
    }
    out
}

/// Moves a tone written before a shape mark (`a.^`) after it (`a^.`).
fn reorder_marks(out: &mut String) {
    let b = out.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 2] == b'.' && matches!(b[n - 1], b'^' | b'(' | b'+') {
        let shape = b[n - 1] as char;
        out.truncate(n - 2);
        out.push(shape);
        out.push('.');
    }
}

fn viqr_text() -> impl Strategy<Value = String> {
    let pool: Vec<char> = tomtat_text::vietnamese_letters()
        .into_iter()
        .chain("aeiouyAEIOUYdDdDbcnt \n.,?'`~^(+\\0123".chars())
        .collect();
    proptest::collection::vec(proptest::sample::select(pool), 0..60)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn viqr_round_trip(s in viqr_text()) {
        let encoded = viqr_encode(&s);
        let opts = Options { encoding: Some(Encoding::Viqr), tone_style: ToneStyle::Keep };
        let t = Text::from_bytes(encoded.as_bytes(), &opts).unwrap();
        prop_assert_eq!(t.as_str(), s.as_str(), "encoded {:?}", encoded);
        check_ranges(&t, encoded.len(), &|_| true);
    }
}

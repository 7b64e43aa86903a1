//! Inputs the fuzz targets found, kept as tests: each must pass the `decode` target's checks.

use tomtat_text::{detect, match_key, Encoding, Options, Text, ToneStyle};

fn check_all(data: &[u8]) {
    let d = detect(data);
    assert!((0.0..=1.0).contains(&d.confidence));
    for encoding in std::iter::once(None).chain(Encoding::ALL.map(Some)) {
        for tone_style in [ToneStyle::Keep, ToneStyle::New, ToneStyle::Old] {
            let opts = Options {
                encoding,
                tone_style,
            };
            let Ok(text) = Text::from_bytes(data, &opts) else {
                continue;
            };
            let s = text.as_str();
            let again = Text::from_str_with(s, &opts_for(tone_style));
            assert_eq!(
                again.as_str(),
                s,
                "{encoding:?} {tone_style:?}: not idempotent"
            );
            let mut caps = text.clone();
            caps.restore_capitals();
            assert_eq!(
                caps.as_str().len(),
                s.len(),
                "{encoding:?} {tone_style:?}: capitals"
            );
            let k = match_key(s);
            assert_eq!(
                match_key(&k),
                k,
                "{encoding:?} {tone_style:?}: match key of {s:?}"
            );
        }
    }
}

fn opts_for(tone_style: ToneStyle) -> Options {
    Options {
        encoding: None,
        tone_style,
    }
}

#[test]
fn greek_ano_teleia_after_a_toned_vowel() {
    // `óA·` in UTF-8: U+0387 (Greek ano teleia) decomposes to U+00B7 under NFC.
    check_all(&[195, 179, 65, 206, 135]);
}

#[test]
fn tone_mark_after_a_toned_vowel_in_cp1258() {
    // cp1258: U+0301, `O`, `é`, U+0301: moving the tone frees a mark that NFC composes.
    check_all(&[236, 79, 233, 236]);
}

#[test]
fn stray_marks_after_vowels_are_dropped() {
    // A tone or a circumflex that NFC cannot compose with the vowel before it: garbage.
    for s in ["oà\u{300}", "uỳ\u{302}", "ùy\u{302}"] {
        check_all(s.as_bytes());
    }
    let t = Text::from_str_with("uỳ\u{302} a", &opts_for(ToneStyle::Keep));
    assert_eq!(t.as_str(), "uỳ a");
}

#[test]
fn stray_marks_behind_another_combining_mark_are_dropped() {
    // Found by the `match_key_is_stable` proptest: a tone after `ỳ` with U+0338 (a combining
    // overlay) between them escaped the stray-mark check, and the key of the key flipped the
    // tone back and forth between `u` and `y`.
    check_all("uỳ\u{338}\u{300}".as_bytes());
    let k = match_key("uỳ\u{338}\u{300}");
    assert_eq!(match_key(&k), k);
    assert!(!k.ends_with('\u{300}'), "{k:?}");
}

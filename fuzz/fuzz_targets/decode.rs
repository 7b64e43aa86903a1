//! Arbitrary bytes through `Text::from_bytes` with detection and with every forced
//! encoding: no panic, and the normalized text and offset map keep their invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tomtat_text::{detect, match_key, Encoding, Options, Text, ToneStyle};

/// Detection, then every encoding forced.
fn encodings() -> impl Iterator<Item = Option<Encoding>> {
    std::iter::once(None).chain(Encoding::ALL.map(Some))
}

fn check(text: &Text, source_len: usize, style: ToneStyle) {
    let s = text.as_str();
    // Normalized text is normalized: doing it again changes nothing.
    let again = Text::from_str_with(
        s,
        &Options {
            encoding: None,
            tone_style: style,
        },
    );
    assert_eq!(again.as_str(), s);
    // Offsets: in bounds, monotone, the whole text maps to the end of the source.
    let mut prev = (0, 0);
    for (i, _) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let r = text.source_range(i..i);
        assert!(r.start <= r.end && r.end <= source_len);
        assert!(r.start >= prev.0 && r.end >= prev.1);
        prev = (r.start, r.end);
    }
    assert_eq!(text.source_range(0..s.len()).end, source_len);
    // Restoring TCVN3 capitals keeps every offset.
    let mut caps = text.clone();
    caps.restore_capitals();
    assert_eq!(caps.as_str().len(), s.len());
    // The matching key is a fixed point.
    let k = match_key(s);
    assert_eq!(match_key(&k), k);
}

fuzz_target!(|data: &[u8]| {
    let d = detect(data);
    assert!((0.0..=1.0).contains(&d.confidence));
    for encoding in encodings() {
        for tone_style in [ToneStyle::Keep, ToneStyle::New, ToneStyle::Old] {
            if let Ok(text) = Text::from_bytes(
                data,
                &Options {
                    encoding,
                    tone_style,
                },
            ) {
                if encoding.is_none() {
                    assert_eq!(text.encoding(), d.encoding);
                }
                check(&text, data.len(), tone_style);
            }
        }
    }
});

//! Arbitrary bytes, decoded with detection, through `tomtat_tokenizer::tokenize`:
//! no panic, tokens in order, on character boundaries, mapping into the source.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tomtat_text::{Options, Text, ToneStyle};

fuzz_target!(|data: &[u8]| {
    let opts = Options {
        encoding: None,
        tone_style: ToneStyle::New,
    };
    let Ok(text) = Text::from_bytes(data, &opts) else {
        return;
    };
    let s = text.as_str();
    let mut prev_end = 0;
    for t in tomtat_tokenizer::tokenize(s) {
        assert!(t.start < t.end && t.end <= s.len(), "{t:?}");
        assert!(t.start >= prev_end, "tokens overlap: {t:?}");
        assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        let r = text.source_range(t.start..t.end);
        assert!(r.start <= r.end && r.end <= data.len());
        prev_end = t.end;
    }
});

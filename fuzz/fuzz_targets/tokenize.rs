//! Arbitrary bytes, decoded with detection, through `tomtat_tokenizer::tokenize` and the
//! word segmenter: no panic, tokens in order, on character boundaries, mapping into the
//! source; words cover the tokens in order, each over its own tokens.
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
    let tokens = tomtat_tokenizer::tokenize(s);
    let mut prev_end = 0;
    for t in &tokens {
        assert!(t.start < t.end && t.end <= s.len(), "{t:?}");
        assert!(t.start >= prev_end, "tokens overlap: {t:?}");
        assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        let r = text.source_range(t.start..t.end);
        assert!(r.start <= r.end && r.end <= data.len());
        prev_end = t.end;
    }
    let mut words = Vec::new();
    tomtat_tokenizer::Segmenter::new().segment(s, &tokens, &mut words);
    let mut next = 0u32;
    for w in &words {
        let (a, b) = w.tokens;
        assert!(a == next && a < b && b as usize <= tokens.len(), "{w:?}");
        assert_eq!((w.start, w.end), (tokens[a as usize].start, tokens[b as usize - 1].end));
        next = b;
    }
    assert_eq!(next as usize, tokens.len());
});

//! Arbitrary UTF-8 through the metadata extractor (hand-written matchers, gazetteer look-ups):
//! no panic, every field's range inside the text and on character boundaries, and the same
//! metadata twice (no state carried between calls).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let meta = tomtat_meta::extract(s);
    for (field, &[a, b]) in &meta.ranges {
        assert!(a <= b && b <= s.len(), "{field}: {a}..{b} of {}", s.len());
        assert!(s.is_char_boundary(a) && s.is_char_boundary(b), "{field}: {a}..{b}");
    }
    assert_eq!(tomtat_meta::extract(s), meta);
});

//! Fuzz the RTF reader: any bytes after `{\rtf` must give text or an error, never a panic or a
//! hang (deep groups, unknown control words, broken `\'xx` escapes, font tables).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let options = tomtat_text::Options::default();
    let mut rtf = b"{\\rtf1".to_vec();
    rtf.extend_from_slice(data);
    let _ = tomtat_formats::extract(Path::new("input.rtf"), &rtf, &options);
});

//! Fuzz the .html reader: any bytes must give text or an error, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let _ = tomtat_formats::extract(
        Path::new("input.html"),
        data,
        &tomtat_text::Options::default(),
    );
});

//! Fuzz the plain-text path of the formats crate (signature sniffing, binary detection,
//! legacy-font mojibake repair, MHT web archives): any bytes give text or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let options = tomtat_text::Options::default();
    let name = match data.first().map(|b| b % 3) {
        Some(0) => "input.txt",
        Some(1) => "input.mht",
        _ => "input.odt",
    };
    let _ = tomtat_formats::extract(Path::new(name), data, &options);
});

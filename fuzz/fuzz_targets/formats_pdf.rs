//! Fuzz the .pdf reader: any bytes must give text or an error, never a panic or a hang.
//! An odd first byte puts a `%PDF-1.4` header before the rest, to reach the parser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let options = tomtat_text::Options::default();
    let path = Path::new("input.pdf");
    match data.split_first() {
        Some((mode, body)) if mode & 1 == 1 => {
            let mut pdf = b"%PDF-1.4\n".to_vec();
            pdf.extend_from_slice(body);
            let _ = tomtat_formats::extract(path, &pdf, &options);
        }
        _ => {
            let _ = tomtat_formats::extract(path, data, &options);
        }
    }
});

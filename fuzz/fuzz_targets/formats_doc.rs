//! Fuzz the Word 97–2003 .doc reader (compound file, piece table): any bytes must give text or
//! an error, never a panic or a hang. An odd first byte puts the compound-file magic before the
//! rest, to reach the parser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fuzz_target!(|data: &[u8]| {
    let options = tomtat_text::Options::default();
    let path = Path::new("input.doc");
    match data.split_first() {
        Some((mode, body)) if mode & 1 == 1 => {
            let mut doc = CFB_MAGIC.to_vec();
            doc.extend_from_slice(body);
            let _ = tomtat_formats::extract(path, &doc, &options);
        }
        _ => {
            let _ = tomtat_formats::extract(path, data, &options);
        }
    }
});

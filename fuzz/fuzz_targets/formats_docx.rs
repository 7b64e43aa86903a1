//! Fuzz the .docx reader: any bytes must give text or an error, never a panic or a hang.
//! An odd first byte wraps the rest as `word/document.xml` in a valid zip, to reach
//! the XML walker; otherwise the bytes are the zip itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let options = tomtat_text::Options::default();
    let path = Path::new("input.docx");
    match data.split_first() {
        Some((mode, xml)) if mode & 1 == 1 => {
            let zip = tomtat_formats::write_zip(&[("word/document.xml", xml)]);
            let _ = tomtat_formats::extract(path, &zip, &options);
        }
        _ => {
            let _ = tomtat_formats::extract(path, data, &options);
        }
    }
});

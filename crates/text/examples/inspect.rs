//! Prints, for each file given, the detected encoding, confidence, sizes and the memory
//! of the offset maps: `cargo run --release -p tomtat-text --example inspect -- FILE...`
use tomtat_text::{Options, Text};

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        match Text::from_bytes(&bytes, &Options::default()) {
            Ok(t) => println!(
                "{path}\t{}\t{:.3}\t{} -> {} bytes\tmap {} bytes",
                t.encoding().name(),
                t.detection().confidence,
                bytes.len(),
                t.as_str().len(),
                t.map_bytes()
            ),
            Err(e) => println!("{path}\terror: {e}"),
        }
    }
}

//! Print the text tomtat-formats reads from each file given, or "FILE: reason".
//!
//! `cargo run --release -p tomtat-formats --example extract -- FILE...`

use std::path::Path;

fn main() {
    let options = tomtat_text::Options::default();
    let mut failed = false;
    for arg in std::env::args().skip(1) {
        match tomtat_formats::extract_file(Path::new(&arg), &options) {
            Ok(text) => println!("{}", text.as_str()),
            Err(e) => {
                eprintln!("{arg}: {e}");
                failed = true;
            }
        }
    }
    std::process::exit(i32::from(failed));
}

//! Split every `.txt` file of a folder N times on one thread and print MB/s of CPU time.
//!
//! `cargo run --release -p tomtat-splitter --example throughput -- corpus 50`

use std::time::Instant;
use tomtat_splitter::Splitter;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "corpus".into());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("folder") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(&p).expect("UTF-8 text"));
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let s = Splitter::new();
    let t = Instant::now();
    let mut units = 0;
    for _ in 0..rounds {
        for x in &texts {
            units += s.split(std::hint::black_box(x)).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} units, {:.1} MB/s wall ({} bytes x {rounds})",
        units / rounds,
        (bytes * rounds) as f64 / secs / 1e6,
        bytes
    );
}

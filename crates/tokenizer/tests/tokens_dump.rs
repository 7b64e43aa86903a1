//! Dump of the tokens of the corpus that contain a digit or capitals, for
//! reading by eye: `cargo test -p tomtat-tokenizer --test tokens_dump -- --ignored --nocapture`.
use std::collections::BTreeMap;
use tomtat_tokenizer::tokenize;

#[test]
#[ignore]
fn dump() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut seen: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        for t in tokenize(&text) {
            let s = t.text(&text);
            let interesting = !matches!(t.kind.name(), "syllable" | "punct");
            if interesting {
                *seen.entry((s.to_string(), t.kind.name())).or_default() += 1;
            }
        }
    }
    for ((s, k), n) in seen {
        println!("{k}\t{n}\t{s}");
    }
}

/// Tokenize the corpus many times, for profiling in release mode:
/// `cargo test --release -p tomtat-tokenizer --test tokens_dump repeat -- --ignored`
/// under `perf stat -e instructions:u`.
#[test]
#[ignore]
fn repeat() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut out = Vec::new();
    let mut n = 0;
    let start = std::time::Instant::now();
    for _ in 0..100 {
        for t in &texts {
            out.clear();
            tomtat_tokenizer::tokenize_into(t, &mut out);
            n += out.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{n} tokens, {:.1} MB/s", 100.0 * bytes as f64 / secs / 1e6);
}

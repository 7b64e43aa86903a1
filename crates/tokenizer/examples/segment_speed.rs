//! Throughput of tokens + segmentation on one thread, in CPU time: the documents of a
//! folder (default: the bundled `corpus/`) segmented whole, as `tomtat bench` does
//! (stage `tokens+segment`), `ROUNDS` rounds of about 20 MB (default 10); prints MB per CPU-second of
//! the best round, read from `/proc/self/stat` (Linux), so that other processes
//! competing for the cores count less than in wall-clock figures.
//!
//! ```text
//! cargo run --release -p tomtat-tokenizer --example segment_speed [FOLDER] [ROUNDS]
//! ```

use std::time::Instant;
use tomtat_tokenizer::{tokenize_into, Scratch, Segmenter};

/// User + system CPU time of this process, in seconds (clock ticks of 10 ms), if readable.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus").to_string());
    let rounds: usize = args.next().map_or(10, |r| r.parse().expect("ROUNDS"));
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .expect("folder")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    texts.sort();
    let bytes: usize = texts.iter().map(String::len).sum();
    let seg = Segmenter::new();
    let (mut tokens, mut words, mut scratch) = (Vec::new(), Vec::new(), Scratch::new());
    let mut run = |reps: usize| {
        let mut n = 0usize;
        for _ in 0..reps {
            for t in &texts {
                tokens.clear();
                words.clear();
                tokenize_into(t, &mut tokens);
                seg.segment_with(&mut scratch, t, &tokens, &mut words);
                n += words.len();
            }
        }
        std::hint::black_box(n)
    };
    run(2);
    // one round: about 20 MB, so that the 10 ms clock ticks matter little
    let reps = (20_000_000 / bytes.max(1)).max(1);
    let (mut best_cpu, mut best_wall) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..rounds {
        let (c0, w0) = (cpu_seconds(), Instant::now());
        run(reps);
        let wall = w0.elapsed().as_secs_f64();
        best_wall = best_wall.min(wall);
        if let (Some(a), Some(b)) = (c0, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let mb = (bytes * reps) as f64 / 1e6;
    println!(
        "tokens+segment: {mb:.1} MB a round, best of {rounds}: {:.1} MB per CPU-second, {:.1} MB/s wall",
        mb / best_cpu,
        mb / best_wall
    );
}

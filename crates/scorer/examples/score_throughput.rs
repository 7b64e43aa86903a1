//! Time `Scorer::summarize` over the bundled corpus (units split beforehand).
//!
//! ```text
//! cargo run --release -p tomtat-scorer --example score_throughput -- [ROUNDS] [--lexrank] [--hand]
//! ```

use std::time::Instant;

use tomtat_scorer::{Method, Scorer, SummaryOptions};
use tomtat_splitter::Splitter;
use tomtat_tokenizer::Segmenter;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(20);
    let method = if args.iter().any(|a| a == "--lexrank") {
        Method::LexRank
    } else {
        Method::Default
    };
    let dir = format!("{}/../../corpus", env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("utf-8"))
        .collect();
    texts.sort();
    let splitter = Splitter::new();
    let docs: Vec<_> = texts
        .iter()
        .map(|t| (t.as_str(), splitter.split(t)))
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    // `--hand`: the hand-set labeller and key score (to compare with the learned models)
    let scorer = if args.iter().any(|a| a == "--hand") {
        Scorer::new().hand_labels().hand_keys()
    } else {
        Scorer::new()
    };
    let seg = Segmenter::new();
    let options = SummaryOptions {
        method,
        max_per_part: None,
    };
    let start = Instant::now();
    let mut picks = 0;
    for _ in 0..rounds {
        for (t, u) in &docs {
            picks += scorer.summarize(t, u, &seg, &options).picks.len();
        }
    }
    let s = start.elapsed().as_secs_f64();
    println!(
        "{} docs x {rounds}: {:.1} MB/s ({picks} picks)",
        docs.len(),
        (bytes * rounds) as f64 / s / 1e6
    );
}

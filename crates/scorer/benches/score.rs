//! Criterion bench of `Scorer::summarize` over the bundled `corpus/` (units split beforehand):
//! the learned models (default), the hand-set weights, and LexRank. Replaces the old
//! `examples/score_throughput.rs`; the whole pipeline is timed by `tomtat bench`.
//!
//! ```text
//! cargo bench -p tomtat-scorer --bench score
//! ```

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use tomtat_scorer::{Method, Scorer, SummaryOptions};
use tomtat_splitter::Splitter;
use tomtat_tokenizer::Segmenter;

fn corpus() -> Vec<String> {
    let dir = format!("{}/../../corpus", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("utf-8"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let splitter = Splitter::new();
    let docs: Vec<_> = texts
        .iter()
        .map(|t| (t.as_str(), splitter.split(t)))
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let seg = Segmenter::new();
    let mut group = c.benchmark_group("score");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    let runs = [
        ("learned", Scorer::new(), Method::Default),
        (
            "hand",
            Scorer::new().hand_labels().hand_keys(),
            Method::Default,
        ),
        ("lexrank", Scorer::new(), Method::LexRank),
    ];
    for (name, scorer, method) in &runs {
        let options = SummaryOptions {
            method: *method,
            max_per_part: None,
        };
        group.bench_function(*name, |b| {
            b.iter(|| {
                docs.iter()
                    .map(|(t, u)| {
                        scorer
                            .summarize(black_box(t), u, &seg, &options)
                            .picks
                            .len()
                    })
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

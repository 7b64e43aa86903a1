//! `tomtat_meta::extract` over the bundled `corpus/` reports, one document at a time.
//!
//! ```sh
//! cargo bench -p tomtat-meta --bench extract
//! ```

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

fn corpus() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/ beside the crates")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("corpus file is UTF-8"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("meta");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract/corpus", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tomtat_meta::extract(t).ranges.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

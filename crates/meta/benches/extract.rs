//! `tomtat_meta::extract` over the bundled `corpus/` reports, one document at a time, then the
//! same reports as one long document (the whole-text scans: body, periods, dates, places), and
//! the first 300 documents of `../shared/data/admin-raw` when it is there (headers, codes and
//! dates of administrative documents).
//!
//! ```sh
//! cargo bench -p tomtat-meta --bench extract
//! ```

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus() -> Vec<String> {
    let dir = root().join("corpus");
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

/// The first 300 documents of `admin-raw.txt` (separated by `=====` lines), when present.
fn admin_raw() -> Option<Vec<String>> {
    let path = root().join("../shared/data/admin-raw/admin-raw.txt");
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.split("=====\n")
            .filter(|d| !d.is_empty())
            .take(300)
            .map(str::to_string)
            .collect(),
    )
}

fn group(c: &mut Criterion, name: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("meta");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(name, |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tomtat_meta::extract(t).ranges.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    group(c, "extract/corpus", &texts);
    group(c, "extract/corpus-as-one", &[texts.concat()]);
    match admin_raw() {
        Some(docs) => group(c, "extract/admin-raw-300", &docs),
        None => eprintln!("skipped: extract/admin-raw-300 (../shared/data/admin-raw is absent)"),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

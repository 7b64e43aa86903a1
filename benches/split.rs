//! Split stage: `Splitter::split` over the bundled corpus, one thread, as it is and with
//! every document flattened to one line (issue 10: web pages and PDF text layers).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tomtat_benches::{corpus_texts, total_bytes};
use tomtat_splitter::Splitter;

fn bench(c: &mut Criterion) {
    let texts = corpus_texts();
    let splitter = Splitter::new();
    let mut g = c.benchmark_group("split");
    g.throughput(Throughput::Bytes(total_bytes(&texts)));
    g.bench_function("units_and_clauses", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(_, t)| splitter.split(std::hint::black_box(t)).len())
                .sum::<usize>()
        })
    });
    let flat: Vec<String> = texts
        .iter()
        .map(|(_, t)| {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    g.bench_function("flattened_lines", |b| {
        b.iter(|| {
            flat.iter()
                .map(|t| splitter.split(std::hint::black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.finish();
    c.bench_function("splitter_new", |b| b.iter(Splitter::new));
}

criterion_group!(benches, bench);
criterion_main!(benches);

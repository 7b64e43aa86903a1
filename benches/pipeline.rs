//! Bench placeholder for the pipeline stage (replaced by the stage's owner).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tomtat_benches::{corpus_texts, total_bytes};

fn bench(c: &mut Criterion) {
    let texts = corpus_texts();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(total_bytes(&texts)));
    g.bench_function("corpus_len", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(_, t)| std::hint::black_box(t).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Throughput of the token scanner over the bundled corpus:
//! `cargo bench -p tomtat-benches --bench tokens`.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tomtat_benches::{corpus_texts, total_bytes};
use tomtat_tokenizer::{tokenize_into, Token};

fn bench(c: &mut Criterion) {
    let texts = corpus_texts();
    let mut g = c.benchmark_group("tokens");
    g.throughput(Throughput::Bytes(total_bytes(&texts)));
    // One reused buffer, as a per-thread worker would do.
    let mut out: Vec<Token> = Vec::new();
    g.bench_function("tokenize_into", |b| {
        b.iter(|| {
            let mut n = 0;
            for (_, t) in &texts {
                out.clear();
                tokenize_into(std::hint::black_box(t), &mut out);
                n += out.len();
            }
            n
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(_, t)| tomtat_tokenizer::tokenize(std::hint::black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

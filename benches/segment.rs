//! Word segmentation over corpus/: tokenization + segmentation, one thread,
//! buffers reused across documents (`Scratch`, token and word vectors).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tomtat_benches::{corpus_texts, total_bytes};
use tomtat_tokenizer::{tokenize_into, Scratch, Segmenter};

fn bench(c: &mut Criterion) {
    let texts = corpus_texts();
    let seg = Segmenter::new();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(total_bytes(&texts)));
    let mut scratch = Scratch::new();
    let (mut tokens, mut words) = (Vec::new(), Vec::new());
    g.bench_function("tokenize_and_segment", |b| {
        b.iter(|| {
            let mut n = 0;
            for (_, t) in &texts {
                tokens.clear();
                words.clear();
                tokenize_into(t, &mut tokens);
                seg.segment_with(&mut scratch, t, &tokens, &mut words);
                n += words.len();
            }
            std::hint::black_box(n)
        })
    });
    g.bench_function("segment_only", |b| {
        let all: Vec<_> = texts
            .iter()
            .map(|(_, t)| {
                let mut v = Vec::new();
                tokenize_into(t, &mut v);
                v
            })
            .collect();
        b.iter(|| {
            let mut n = 0;
            for ((_, t), toks) in texts.iter().zip(&all) {
                words.clear();
                seg.segment_with(&mut scratch, t, toks, &mut words);
                n += words.len();
            }
            std::hint::black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

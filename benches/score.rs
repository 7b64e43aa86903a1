//! Score stage: `Scorer::summarize` over the bundled corpus, one thread, units split
//! beforehand (so only scoring is timed), for the default method and the LexRank baseline.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tomtat_benches::{corpus_texts, total_bytes};
use tomtat_scorer::{Method, Scorer, SummaryOptions};
use tomtat_splitter::Splitter;
use tomtat_tokenizer::Segmenter;

fn bench(c: &mut Criterion) {
    let texts = corpus_texts();
    let splitter = Splitter::new();
    let segmenter = Segmenter::new();
    let scorer = Scorer::new();
    let docs: Vec<_> = texts
        .iter()
        .map(|(_, t)| (t.as_str(), splitter.split(t)))
        .collect();
    let mut g = c.benchmark_group("score");
    g.throughput(Throughput::Bytes(total_bytes(&texts)));
    for (name, method) in [("default", Method::Default), ("lexrank", Method::LexRank)] {
        let options = SummaryOptions {
            method,
            max_per_part: None,
        };
        g.bench_function(name, |b| {
            b.iter(|| {
                docs.iter()
                    .map(|(t, units)| {
                        scorer
                            .summarize(std::hint::black_box(t), units, &segmenter, &options)
                            .picks
                            .len()
                    })
                    .sum::<usize>()
            })
        });
    }
    g.finish();
    c.bench_function("scorer_new", |b| b.iter(Scorer::new));
}

criterion_group!(benches, bench);
criterion_main!(benches);

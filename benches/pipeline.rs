//! The whole pipeline over `corpus/`: bytes to a serialized JSON briefing, one document
//! at a time on one thread (`tomtat bench` gives the multi-thread figures).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tomtat::scorer::{Method, SummaryOptions};
use tomtat::{Pipeline, PipelineOptions};
use tomtat_benches::{corpus_texts, total_bytes};

fn bench(c: &mut Criterion) {
    let texts = corpus_texts();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(total_bytes(&texts)));
    for (name, method) in [("default", Method::Default), ("lexrank", Method::LexRank)] {
        let pipeline = Pipeline::new(PipelineOptions {
            summary: SummaryOptions {
                method,
                max_per_part: None,
            },
            ..Default::default()
        });
        g.bench_function(format!("summarize_jsonl/{name}"), |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|(id, text)| {
                        let record = pipeline.summarize_bytes(id, id, text.as_bytes());
                        serde_json::to_string(&record).expect("serializes").len()
                    })
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

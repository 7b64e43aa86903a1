//! Decode + normalize throughput of `tomtat-text`: the bundled UTF-8 corpus, and the
//! legacy-encoded dev reports of `shared/data/encodings-dev` (skipped when absent).
//!
//! `cargo bench -p tomtat-benches --bench text`
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::PathBuf;
use tomtat_benches::{corpus_texts, total_bytes};
use tomtat_text::{match_key_into, Encoding, Options, Text, ToneStyle};

/// The `NNN.<enc>.txt` files of encodings-dev for one encoding.
fn legacy_files(enc: &str) -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/encodings-dev");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(&format!(".{enc}.txt")))
    });
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn run(files: &[Vec<u8>], opts: &Options) -> usize {
    files
        .iter()
        .map(|f| Text::from_bytes(black_box(f), opts).unwrap().as_str().len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let texts = corpus_texts();
    let corpus: Vec<Vec<u8>> = texts.iter().map(|(_, t)| t.clone().into_bytes()).collect();
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(total_bytes(&texts)));
    for (name, encoding, tone_style) in [
        ("utf8_auto_keep", None, ToneStyle::Keep),
        ("utf8_auto_new", None, ToneStyle::New),
        ("utf8_forced_keep", Some(Encoding::Utf8), ToneStyle::Keep),
    ] {
        let opts = Options {
            encoding,
            tone_style,
        };
        g.bench_function(name, |b| b.iter(|| run(&corpus, &opts)));
    }
    let utf16: Vec<Vec<u8>> = texts
        .iter()
        .map(|(_, t)| {
            let mut v = vec![0xFF, 0xFE];
            v.extend(t.encode_utf16().flat_map(|u| u.to_le_bytes()));
            v
        })
        .collect();
    g.bench_function("utf16_auto_keep", |b| {
        b.iter(|| run(&utf16, &Options::default()))
    });
    g.bench_function("match_key_words", |b| {
        let mut key = String::new();
        b.iter(|| {
            let mut n = 0;
            for (_, t) in &texts {
                for w in t.split_whitespace() {
                    match_key_into(black_box(w), &mut key);
                    n += key.len();
                }
            }
            n
        })
    });
    g.finish();

    let mut g = c.benchmark_group("text_legacy");
    for enc in ["tcvn3", "vni", "viqr", "cp1258"] {
        let files = legacy_files(enc);
        if files.is_empty() {
            continue;
        }
        g.throughput(Throughput::Bytes(
            files.iter().map(|f| f.len() as u64).sum(),
        ));
        let encoding: Encoding = enc.parse().unwrap();
        for (mode, opts) in [
            ("auto", Options::default()),
            (
                "forced",
                Options {
                    encoding: Some(encoding),
                    tone_style: ToneStyle::Keep,
                },
            ),
        ] {
            g.bench_with_input(BenchmarkId::new(enc, mode), &files, |b, files| {
                b.iter(|| run(files, &opts))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

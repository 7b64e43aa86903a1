//! Rough single-thread throughput of decode + normalize over files:
//! `cargo run --release -p tomtat-text --example speed -- FILE...`
use std::time::Instant;
use tomtat_text::{Encoding, Options, Text, ToneStyle};

fn main() {
    let files: Vec<Vec<u8>> = std::env::args()
        .skip(1)
        .map(|p| std::fs::read(p).expect("readable file"))
        .collect();
    let total: usize = files.iter().map(Vec::len).sum();
    let reps = (200_000_000 / total.max(1)).clamp(1, 2000);
    let only = std::env::var("SPEED_ONLY").ok();
    let time = |name: &str, f: &dyn Fn(&[u8]) -> usize| {
        if only.as_deref().is_some_and(|o| !name.starts_with(o)) {
            return;
        }
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..reps {
            for b in &files {
                n += f(std::hint::black_box(b));
            }
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{name:28} {:8.1} MB/s ({n})",
            (total * reps) as f64 / s / 1e6
        );
    };
    time("from_utf8 (baseline)", &|b| {
        std::str::from_utf8(b).map_or(0, str::len)
    });
    time("to_vec (baseline)", &|b| b.to_vec().len());
    time("match_key_into per word", &|b| {
        let s = std::str::from_utf8(b).unwrap_or("");
        let mut key = String::new();
        s.split_whitespace()
            .map(|w| {
                tomtat_text::match_key_into(w, &mut key);
                key.len()
            })
            .sum()
    });
    for (name, encoding, tone_style) in [
        ("auto keep", None, ToneStyle::Keep),
        ("auto new", None, ToneStyle::New),
        ("utf8 keep", Some(Encoding::Utf8), ToneStyle::Keep),
        ("utf8 new", Some(Encoding::Utf8), ToneStyle::New),
    ] {
        let opts = Options {
            encoding,
            tone_style,
        };
        time(name, &|b| {
            Text::from_bytes(b, &opts).map_or(0, |t| t.as_str().len())
        });
    }
}

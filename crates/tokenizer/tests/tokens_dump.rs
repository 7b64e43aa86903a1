//! Dump of the tokens of the corpus that contain a digit or capitals, for
//! reading by eye: `cargo test -p tomtat-tokenizer --test tokens_dump -- --ignored --nocapture`.
use std::collections::BTreeMap;
use tomtat_tokenizer::tokenize;

#[test]
#[ignore]
fn dump() {
    // TOKDIR=dir to read another folder of .txt files.
    let dir = std::env::var("TOKDIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus").to_string());
    let mut seen: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for t in tokenize(&text) {
            let s = t.text(&text);
            let interesting = !matches!(t.kind.name(), "syllable" | "punct");
            if interesting {
                *seen.entry((s.to_string(), t.kind.name())).or_default() += 1;
            }
        }
    }
    for ((s, k), n) in seen {
        println!("{k}\t{n}\t{s}");
    }
}

/// Tokenize the corpus many times, for profiling in release mode:
/// `cargo test --release -p tomtat-tokenizer --test tokens_dump repeat -- --ignored`
/// under `perf stat -e instructions:u`.
#[test]
#[ignore]
fn repeat() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut out = Vec::new();
    let mut n = 0;
    let start = std::time::Instant::now();
    for _ in 0..100 {
        for t in &texts {
            out.clear();
            tomtat_tokenizer::tokenize_into(t, &mut out);
            n += out.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{n} tokens, {:.1} MB/s", 100.0 * bytes as f64 / secs / 1e6);
}

/// Recall of `is_vietnamese_syllable` on a syllable list given as the first
/// argument after `--`:
/// `SYLLABLES=path cargo test -p tomtat-tokenizer --test tokens_dump syllable_recall -- --ignored --nocapture`.
#[test]
#[ignore]
fn syllable_recall() {
    let path = std::env::var("SYLLABLES").expect("SYLLABLES=path of a list, one a line");
    let list = std::fs::read_to_string(path).unwrap();
    let (mut ok, mut all) = (0, 0);
    for w in list.lines().map(str::trim).filter(|w| !w.is_empty()) {
        all += 1;
        if tomtat_tokenizer::token::is_vietnamese_syllable(w) {
            ok += 1;
        } else {
            println!("rejected\t{w}");
        }
    }
    println!("{ok}/{all} accepted");
}

/// Space-separated items of a pre-tokenized file (`TOKFILE`, e.g. UD
/// `.raw.txt`) that the scanner cuts into several tokens, most frequent first.
#[test]
#[ignore]
fn split_items() {
    let path = std::env::var("TOKFILE").expect("TOKFILE=path");
    let text = std::fs::read_to_string(path).unwrap();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for item in text.split_whitespace() {
        let tokens = tokenize(item);
        if tokens.len() > 1 {
            let shape: Vec<String> = tokens
                .iter()
                .map(|t| format!("{}:{}", t.text(item), t.kind.name()))
                .collect();
            *seen.entry(shape.join(" ")).or_default() += 1;
        }
    }
    let mut v: Vec<_> = seen.into_iter().collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.1));
    for (s, n) in v.iter().take(200) {
        println!("{n}\t{s}");
    }
}

/// Check the scanner's invariants on every line of the .txt files of `TOKDIR`:
/// `TOKDIR=dir cargo test --release -p tomtat-tokenizer --test tokens_dump invariants -- --ignored`.
#[test]
#[ignore]
fn invariants() {
    use tomtat_tokenizer::token::is_space;
    let dir = std::env::var("TOKDIR").expect("TOKDIR=dir");
    let mut lines = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines() {
            lines += 1;
            let tokens = tokenize(line);
            let mut covered = vec![false; line.len()];
            let mut prev = 0;
            for t in &tokens {
                assert!(
                    t.start >= prev && t.start < t.end && t.end <= line.len(),
                    "{line}"
                );
                assert!(line.is_char_boundary(t.start) && line.is_char_boundary(t.end));
                covered[t.start..t.end].iter_mut().for_each(|c| *c = true);
                prev = t.end;
            }
            for (i, c) in line.char_indices() {
                assert!(covered[i] || is_space(c), "{c:?} in {line}");
            }
        }
    }
    println!("{lines} lines checked");
}

//! Trainer of the word-segmentation model (`crates/tokenizer/models/segmenter.bin`).
//!
//! ```text
//! cargo run --release -p tomtat-segmenter-train -- --data ../shared/data --out crates/tokenizer/models/segmenter.bin
//! ```
//!
//! Reads the UD Vietnamese-VTB train and dev sets (`ud-vi-vtb/vi_vtb-ud-{train,dev}.words.txt`,
//! words `_`-joined) and the Wiktionary headwords
//! (`undertheseanlp-dictionary-wiktionary/words.jsonl`), trains a binary averaged
//! perceptron over the gap features of `tomtat_tokenizer::segment::features`, and writes
//! the model. The test sets are never read. `--heldout` trains on train only and prints
//! the word F1 on dev (for tuning).
//!
//! Also reads `viwiki-lead/dev.jsonl` (Vietnamese Wikipedia text) and
//! `admin-raw/admin-raw.txt` (state legal and administrative documents, public domain)
//! for unsupervised syllable-bigram counts (`--no-admin` leaves the second out).
//! Off by default, measured neutral or negative on dev: `--candidates` (two- and
//! three-syllable words found in that raw text by PMI and branching entropy, thresholds
//! `--cand-count N`, `--cand-pmi X`, `--cand-entropy X`; `SEG_PRINT_CANDIDATES=1` lists
//! them) and `--places` (names of administrative units from `vn-admin-units`), both as
//! their own dictionary source.
//!
//! Options: `--epochs N` (default 20), `--folds K` (jackknife folds for the training
//! lexicon, default 10), `--prune X` (drop averaged weights with |w| < X, default 0.4),
//! `--seed N` (shuffling; the first of the ensemble), `--ensemble K` (K perceptrons
//! trained on K shuffles, seeds `N..N+K`, weights averaged; default 5), `--min-count N` (raw bigrams kept, default 3),
//! `--no-wiktionary`, `--no-lexicon`, `--no-raw-stats` (ablations), `--dropout P`
//! (drop the lexical features of a gap with probability P while training, default 0),
//! `--gold-prev` (train with the gold previous decision instead of the predicted one),
//! `--dev-out FILE` (with `--heldout`: the segmented dev sentences), `--swap` (with
//! `--heldout`: train on dev and measure on train, the other held-out direction, so
//! that a change is judged on twice the held-out words),
//! `--explain TEXT` (print every gap's feature weights and score).

use std::collections::HashMap;
use std::path::PathBuf;
use tomtat_tokenizer::segment::features::{
    assoc_class, joinable, word_key, Dict, Scratch, LEXICAL, RAW,
};
use tomtat_tokenizer::segment::table::{KeyTable, LexTable};
use tomtat_tokenizer::segment::{Model, Segmenter};
use tomtat_tokenizer::{tokenize, Token, TokenKind};

struct Args {
    data: PathBuf,
    out: Option<PathBuf>,
    epochs: usize,
    heldout: bool,
    wiktionary: bool,
    lexicon: bool,
    folds: usize,
    prune: f32,
    seed: u64,
    dev_out: Option<PathBuf>,
    raw_stats: bool,
    admin: bool,
    candidates: bool,
    places: bool,
    cand_count: u32,
    cand_pmi: f64,
    cand_entropy: f64,
    min_count: u64,
    dropout: f64,
    explain: Option<String>,
    gold_prev: bool,
    swap: bool,
    ensemble: usize,
}

/// What `--help` prints (the options are described in the crate documentation).
const USAGE: &str =
    "usage: tomtat-segmenter-train [--data DIR] [--out FILE] [--heldout [--swap] [--dev-out FILE]]
  [--epochs N] [--folds K] [--prune X] [--seed N] [--ensemble K] [--min-count N] [--dropout P]
  [--no-wiktionary] [--no-lexicon] [--no-raw-stats] [--no-admin] [--gold-prev]
  [--candidates [--cand-count N] [--cand-pmi X] [--cand-entropy X]] [--places] [--explain TEXT]
Trains the word-segmentation model on UD-VTB train+dev (see crates/tokenizer/models/README.md);
--heldout trains on train only and prints the word F1 on dev.";

fn parse_args() -> Args {
    let mut a = Args {
        data: PathBuf::from("../shared/data"),
        out: None,
        epochs: 20,
        heldout: false,
        wiktionary: true,
        lexicon: true,
        folds: 10,
        prune: 0.4,
        seed: 1,
        dev_out: None,
        raw_stats: true,
        admin: true,
        candidates: false,
        places: false,
        cand_count: 5,
        cand_pmi: 3.0,
        cand_entropy: 1.0,
        min_count: 3,
        dropout: 0.0,
        explain: None,
        gold_prev: false,
        swap: false,
        ensemble: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--data" => a.data = val().into(),
            "--out" => a.out = Some(val().into()),
            "--epochs" => a.epochs = val().parse().expect("--epochs N"),
            "--folds" => a.folds = val().parse().expect("--folds N"),
            "--prune" => a.prune = val().parse().expect("--prune X"),
            "--seed" => a.seed = val().parse().expect("--seed N"),
            "--heldout" => a.heldout = true,
            "--dev-out" => a.dev_out = Some(val().into()),
            "--no-wiktionary" => a.wiktionary = false,
            "--no-lexicon" => a.lexicon = false,
            "--gold-prev" => a.gold_prev = true,
            "--swap" => a.swap = true,
            "--ensemble" => a.ensemble = val().parse().expect("--ensemble K"),
            "--explain" => a.explain = Some(val()),
            "--dropout" => a.dropout = val().parse().expect("--dropout P"),
            "--no-raw-stats" => a.raw_stats = false,
            "--no-admin" => a.admin = false,
            "--candidates" => a.candidates = true,
            "--places" => a.places = true,
            "--cand-count" => a.cand_count = val().parse().expect("--cand-count N"),
            "--cand-pmi" => a.cand_pmi = val().parse().expect("--cand-pmi X"),
            "--cand-entropy" => a.cand_entropy = val().parse().expect("--cand-entropy X"),
            "--min-count" => a.min_count = val().parse().expect("--min-count N"),
            "--help" | "-h" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => {
                eprintln!("tomtat-segmenter-train: unknown argument {other}\n\n{USAGE}");
                std::process::exit(2);
            }
        }
    }
    a
}

/// A training sentence: raw text, tokens, gold join decision per token, gold words.
struct Sentence {
    text: String,
    tokens: Vec<Token>,
    join: Vec<bool>,
    /// Gold multi-syllable words (syllables).
    words: Vec<Vec<String>>,
    /// Gold word byte spans.
    spans: Vec<(usize, usize)>,
}

fn read_sentences(path: &std::path::Path) -> Vec<Sentence> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut words = Vec::new();
        for w in line.split(' ').filter(|w| !w.is_empty()) {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            let syls: Vec<&str> = w.split('_').filter(|s| !s.is_empty()).collect();
            if syls.is_empty() {
                // a word that is only underscores
                text.push_str(w);
            } else {
                text.push_str(&syls.join(" "));
            }
            spans.push((start, text.len()));
            if syls.len() >= 2 {
                words.push(syls.iter().map(|s| s.to_string()).collect());
            }
        }
        // word index of every byte
        let mut word_of = vec![usize::MAX; text.len()];
        for (wi, &(s, e)) in spans.iter().enumerate() {
            word_of[s..e].fill(wi);
        }
        let tokens = tokenize(&text);
        let mut join = vec![false; tokens.len()];
        for i in 1..tokens.len() {
            let a = word_of[tokens[i - 1].start];
            let b = word_of[tokens[i].start];
            join[i] = a != usize::MAX && a == b;
        }
        out.push(Sentence {
            text,
            tokens,
            join,
            words,
            spans,
        });
    }
    out
}

fn read_wiktionary(path: &std::path::Path) -> Vec<Vec<String>> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(t) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        // template names ("Bản mẫu:...") and other namespaces
        if t.contains(':') {
            continue;
        }
        let syls: Vec<&str> = t.split_whitespace().collect();
        if syls.len() < 2 || !syls.iter().all(|s| s.chars().all(char::is_alphabetic)) {
            continue;
        }
        out.push(syls.iter().map(|s| s.to_string()).collect());
    }
    out
}

/// Multi-syllable names of Vietnamese administrative units (provinces, districts,
/// communes, 2024 and 2025, and former units): the `name` column of the
/// `vn-admin-units` CSV files (`Ba Đình`, `Quảng Trị`, `Hai Bà Trưng`), which UD-VTB
/// writes as one word. Names with digits or other non-letters are skipped.
fn read_place_names(dir: &std::path::Path) -> Vec<Vec<String>> {
    let mut out = std::collections::BTreeSet::new();
    for file in [
        "provinces_2024.csv",
        "provinces_2025.csv",
        "districts_2024.csv",
        "communes_2024.csv",
        "communes_2025.csv",
        "former_units_2021_2025.csv",
    ] {
        let path = dir.join(file);
        let data =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut lines = data.lines();
        let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
        let col = header
            .iter()
            .position(|h| *h == "name")
            .unwrap_or_else(|| panic!("{}: no name column", path.display()));
        for line in lines {
            let Some(name) = line.split(',').nth(col) else {
                continue;
            };
            let syls: Vec<String> = name.split_whitespace().map(str::to_string).collect();
            if syls.len() >= 2 && syls.iter().all(|s| s.chars().all(char::is_alphabetic)) {
                out.insert(syls);
            }
        }
    }
    out.into_iter().collect()
}

/// Paragraphs of raw text: the `summary` and `text` fields of a JSON-lines file
/// (Wikipedia), or the lines of a plain-text file, without the `=====` separators and
/// `# source:` lines of `admin-raw.txt`.
fn raw_paragraphs(path: &std::path::Path) -> Vec<String> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    if path.extension().is_some_and(|e| e == "jsonl") {
        for line in data.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            for field in ["summary", "text"] {
                if let Some(t) = v.get(field).and_then(|t| t.as_str()) {
                    out.push(t.to_string());
                }
            }
        }
    } else {
        for line in data.lines() {
            if line.starts_with("=====") || line.starts_with("# source:") {
                continue;
            }
            out.push(line.to_string());
        }
    }
    out
}

/// Statistics of raw text (Wikipedia articles, state legal and administrative
/// documents): the association classes of syllable bigrams, and candidate words.
struct RawStats {
    assoc: KeyTable<u8>,
    /// Two- and three-syllable candidates (syllable keys), see `raw_candidates`.
    candidates: Vec<Vec<u64>>,
}

/// Thresholds of `raw_candidates`.
struct CandidateRule {
    min_count: u32,
    /// Least pointwise mutual information (natural log) of the weakest split.
    min_pmi: f64,
    /// Least branching entropy (nats) on each side.
    min_entropy: f64,
}

/// Runs of joinable syllable keys (the gaps inside a run may be joined).
fn raw_runs(paths: &[PathBuf], surface: &mut HashMap<u64, String>) -> Vec<Vec<u64>> {
    let mut runs = Vec::new();
    let mut scratch = Scratch::new();
    let empty = LexTable::default();
    for path in paths {
        let mut n = 0;
        for t in raw_paragraphs(path) {
            let tokens = tokenize(&t);
            scratch.prepare(&t, &tokens, &empty);
            let mut run: Vec<u64> = Vec::new();
            for (i, tok) in tokens.iter().enumerate() {
                if (!joinable(tok.kind) || !scratch.gap[i]) && !run.is_empty() {
                    runs.push(std::mem::take(&mut run));
                }
                if joinable(tok.kind) {
                    run.push(scratch.keys[i]);
                    surface
                        .entry(scratch.keys[i])
                        .or_insert_with(|| tok.text(&t).to_lowercase());
                    n += 1;
                }
            }
            if !run.is_empty() {
                runs.push(run);
            }
        }
        eprintln!("raw text {}: {n} syllables", path.display());
    }
    runs
}

fn raw_stats(paths: &[PathBuf], min_count: u64, rule: &CandidateRule) -> RawStats {
    let mut surface = HashMap::new();
    let runs = raw_runs(paths, &mut surface);
    let mut uni: HashMap<u64, u64> = HashMap::new();
    // n-grams of 2 to 4 syllables, padded with 0
    let mut grams: HashMap<[u64; 4], u32> = HashMap::new();
    let mut total = 0u64;
    for run in &runs {
        for (i, &k) in run.iter().enumerate() {
            *uni.entry(k).or_insert(0) += 1;
            total += 1;
            for n in 2..=4 {
                if i + n <= run.len() {
                    let mut g = [0u64; 4];
                    g[..n].copy_from_slice(&run[i..i + n]);
                    *grams.entry(g).or_insert(0) += 1;
                }
            }
        }
    }
    let count = |g: &[u64]| -> f64 {
        match g.len() {
            1 => uni.get(&g[0]).copied().unwrap_or(0) as f64,
            n => {
                let mut k = [0u64; 4];
                k[..n].copy_from_slice(g);
                grams.get(&k).copied().unwrap_or(0) as f64
            }
        }
    };
    let mut pairs: Vec<_> = grams
        .iter()
        .filter(|(g, c)| g[2] == 0 && u64::from(**c) >= min_count)
        .map(|(g, c)| ((g[0], g[1]), u64::from(*c)))
        .collect();
    pairs.sort_unstable();
    let mut assoc = KeyTable::with_capacity(pairs.len());
    for &((a, b), c) in &pairs {
        *assoc.entry(word_key([a, b])) = assoc_class(c, uni[&a], uni[&b], total);
    }
    // branching entropy: sum of c ln c over the neighbours of each n-gram (n = 2, 3);
    // an n-gram at the edge of a run has a boundary there, a neighbour of its own
    let mut right: HashMap<[u64; 3], f64> = HashMap::new();
    let mut left: HashMap<[u64; 3], f64> = HashMap::new();
    for (g, &c) in &grams {
        let n = g.iter().position(|&k| k == 0).unwrap_or(4);
        if n < 3 {
            continue;
        }
        let c = f64::from(c);
        let mut head = [0u64; 3];
        head[..n - 1].copy_from_slice(&g[..n - 1]);
        let mut tail = [0u64; 3];
        tail[..n - 1].copy_from_slice(&g[1..n]);
        *right.entry(head).or_insert(0.0) += c * c.ln();
        *left.entry(tail).or_insert(0.0) += c * c.ln();
    }
    let entropy = |sum: Option<&f64>, n: f64| n.ln() - sum.copied().unwrap_or(0.0) / n;
    let nf = total as f64;
    let mut candidates = Vec::new();
    let mut sorted: Vec<_> = grams.iter().filter(|(g, _)| g[3] == 0).collect();
    sorted.sort_unstable();
    for (g, &c) in sorted {
        if c < rule.min_count {
            continue;
        }
        let n = if g[2] == 0 { 2 } else { 3 };
        let syl = &g[..n];
        let cf = f64::from(c);
        let pmi = (1..n)
            .map(|s| (cf * nf / (count(&syl[..s]) * count(&syl[s..]))).ln())
            .fold(f64::INFINITY, f64::min);
        if pmi < rule.min_pmi {
            continue;
        }
        let mut key = [0u64; 3];
        key[..n].copy_from_slice(syl);
        let hr = entropy(right.get(&key), cf);
        let hl = entropy(left.get(&key), cf);
        if hr.min(hl) < rule.min_entropy {
            continue;
        }
        if std::env::var_os("SEG_PRINT_CANDIDATES").is_some() {
            let words: Vec<&str> = syl.iter().map(|k| surface[k].as_str()).collect();
            println!("{}\t{c}\t{pmi:.2}\t{:.2}", words.join(" "), hl.min(hr));
        }
        candidates.push(syl.to_vec());
    }
    eprintln!(
        "raw text: {total} syllables, {} bigrams kept (count >= {min_count}), {} candidate words",
        assoc.len(),
        candidates.len()
    );
    RawStats { assoc, candidates }
}

/// Averaged perceptron weights.
#[derive(Default)]
struct Perceptron {
    w: HashMap<u64, (f32, f64, u64)>,
    step: u64,
}

impl Perceptron {
    fn score(&self, feats: &[u64]) -> f32 {
        feats
            .iter()
            .map(|f| self.w.get(f).map_or(0.0, |e| e.0))
            .sum()
    }
    fn update(&mut self, feats: &[u64], delta: f32) {
        let step = self.step;
        for &f in feats {
            let e = self.w.entry(f).or_insert((0.0, 0.0, step));
            e.1 += (step - e.2) as f64 * e.0 as f64;
            e.2 = step;
            e.0 += delta;
        }
    }
    fn averaged(&self, prune: f32) -> KeyTable<f32> {
        let mut t = KeyTable::with_capacity(self.w.len());
        let mut keys: Vec<_> = self.w.keys().copied().collect();
        keys.sort_unstable();
        for k in keys {
            let (w, total, stamp) = self.w[&k];
            let avg =
                ((total + (self.step - stamp) as f64 * w as f64) / self.step.max(1) as f64) as f32;
            if avg.abs() >= prune {
                *t.entry(k) = avg;
            }
        }
        t
    }
}

fn lexicon_dict(base: &Dict, sentences: &[&Sentence]) -> Dict {
    let mut d = base.clone();
    for s in sentences {
        for w in &s.words {
            d.insert_syllables(w.iter().map(String::as_str), 2);
        }
    }
    d
}

/// [`train_one`] with the seeds `seed..seed + ensemble`, weights averaged (a feature
/// absent from a model counts 0 there).
fn train(args: &Args, train: &[Sentence], base: &Dict, assoc: &KeyTable<u8>) -> Model {
    let k = args.ensemble.max(1);
    if k == 1 {
        return train_one(args, train, base, assoc, args.seed);
    }
    let mut sum: std::collections::BTreeMap<u64, f64> = Default::default();
    let mut model = Model::default();
    for e in 0..k {
        model = train_one(args, train, base, assoc, args.seed + e as u64);
        for (key, w) in model.weights.sorted() {
            *sum.entry(key).or_insert(0.0) += f64::from(w);
        }
    }
    let mut weights = KeyTable::with_capacity(sum.len());
    for (key, w) in sum {
        let w = (w / k as f64) as f32;
        if w.abs() >= args.prune {
            *weights.entry(key) = w;
        }
    }
    Model::new(model.dict, model.assoc, weights)
}

fn train_one(
    args: &Args,
    train: &[Sentence],
    base: &Dict,
    assoc: &KeyTable<u8>,
    seed: u64,
) -> Model {
    // jackknife: the lexicon feature of each sentence comes from the other folds
    let k = args.folds.max(2);
    let fold_dicts: Vec<Dict> = if args.lexicon {
        (0..k)
            .map(|f| {
                let others: Vec<&Sentence> = train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % k != f)
                    .map(|(_, s)| s)
                    .collect();
                lexicon_dict(base, &others)
            })
            .collect()
    } else {
        vec![base.clone(); k]
    };
    let fold_lex: Vec<LexTable> = fold_dicts
        .iter()
        .map(|d| LexTable::build(&d.words, assoc))
        .collect();
    let mut p = Perceptron::default();
    let mut scratch = Scratch::new();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut hist = std::collections::BTreeMap::new();
    for epoch in 0..args.epochs {
        // deterministic Fisher-Yates shuffle (xorshift)
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let (mut errors, mut total) = (0usize, 0usize);
        for &si in &order {
            let s = &train[si];
            scratch.prepare(&s.text, &s.tokens, &fold_lex[si % k]);
            for i in 1..s.tokens.len() {
                if !scratch.gap[i] {
                    continue;
                }
                scratch.gap_features(i);
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                if ((rng >> 11) as f64 / (1u64 << 53) as f64) < args.dropout {
                    scratch.feats.drain(LEXICAL);
                }
                if epoch == 0 {
                    let a = scratch.assoc_at(i);
                    *hist.entry((a & 15, s.join[i])).or_insert(0usize) += 1;
                }
                let pred = p.score(&scratch.feats) > 0.0;
                let gold = s.join[i];
                p.step += 1;
                if pred != gold {
                    let feats = std::mem::take(&mut scratch.feats);
                    p.update(&feats, if gold { 1.0 } else { -1.0 });
                    scratch.feats = feats;
                    errors += 1;
                }
                total += 1;
                scratch.join[i] = if args.gold_prev { gold } else { pred };
            }
        }
        eprintln!(
            "epoch {epoch}: {errors} errors / {total} gaps ({:.4})",
            errors as f64 / total.max(1) as f64
        );
    }
    eprintln!("pmi class, gold join -> gaps: {hist:?}");
    let dict = if args.lexicon {
        lexicon_dict(base, &train.iter().collect::<Vec<_>>())
    } else {
        base.clone()
    };
    Model::new(dict, assoc.clone(), p.averaged(args.prune))
}

/// Word precision/recall/F1 of the segmenter on gold sentences (words as byte spans).
fn evaluate(seg: &Segmenter, sentences: &[Sentence]) -> (f64, f64, f64) {
    let (mut tp, mut n_gold, mut n_sys) = (0usize, 0usize, 0usize);
    let mut words = Vec::new();
    for s in sentences {
        words.clear();
        seg.segment(&s.text, &s.tokens, &mut words);
        let gold: std::collections::HashSet<(usize, usize)> = s.spans.iter().copied().collect();
        tp += words
            .iter()
            .filter(|w| gold.contains(&(w.start, w.end)))
            .count();
        n_gold += gold.len();
        n_sys += words.len();
    }
    let p = tp as f64 / n_sys.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    (p, r, 2.0 * p * r / (p + r).max(1e-9))
}

fn main() {
    let args = parse_args();
    let vtb = args.data.join("ud-vi-vtb");
    let mut train_set = read_sentences(&vtb.join("vi_vtb-ud-train.words.txt"));
    let mut dev_set = read_sentences(&vtb.join("vi_vtb-ud-dev.words.txt"));
    if args.swap {
        // the other held-out direction: train on dev, measure on train
        std::mem::swap(&mut train_set, &mut dev_set);
    }
    let mut base = base_dict(&args);
    let assoc = raw_association(&args, &mut base);
    let syllable_gaps = |ss: &[Sentence]| {
        ss.iter()
            .map(|s| {
                s.tokens
                    .iter()
                    .filter(|t| t.kind == TokenKind::Syllable)
                    .count()
            })
            .sum::<usize>()
    };
    eprintln!(
        "train: {} sentences ({} syllables), dev: {} sentences ({} syllables)",
        train_set.len(),
        syllable_gaps(&train_set),
        dev_set.len(),
        syllable_gaps(&dev_set)
    );
    let model = if args.heldout {
        train_held_out(&args, &train_set, &dev_set, &base, &assoc)
    } else {
        let mut all = train_set;
        all.extend(dev_set);
        train(&args, &all, &base, &assoc)
    };
    if let Some(text) = &args.explain {
        explain(&model, text);
    }
    let bytes = model.to_bytes();
    eprintln!(
        "model: {} dictionary words, {} weights, {} bytes",
        model.dict.len(),
        model.weights.len(),
        bytes.len()
    );
    if let Some(out) = &args.out {
        std::fs::write(out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
        eprintln!("wrote {}", out.display());
    }
}

/// The dictionary before UD-VTB's words: Wiktionary's headwords and the place names, as
/// the options ask.
fn base_dict(args: &Args) -> Dict {
    let mut base = Dict::default();
    if args.wiktionary {
        let wik = read_wiktionary(
            &args
                .data
                .join("undertheseanlp-dictionary-wiktionary/words.jsonl"),
        );
        eprintln!("wiktionary: {} multi-syllable headwords", wik.len());
        for w in &wik {
            base.insert_syllables(w.iter().map(String::as_str), 1);
        }
    }
    if args.places {
        let places = read_place_names(&args.data.join("vn-admin-units"));
        eprintln!(
            "vn-admin-units: {} multi-syllable place names",
            places.len()
        );
        for p in &places {
            base.insert_syllables(p.iter().map(String::as_str), RAW);
        }
    }
    base
}

/// The association statistics of the raw text (empty without `--raw-stats`); with
/// `--candidates`, its candidate words go into `base`.
fn raw_association(args: &Args, base: &mut Dict) -> KeyTable<u8> {
    if !args.raw_stats {
        return KeyTable::default();
    }
    let mut paths = vec![args.data.join("viwiki-lead/dev.jsonl")];
    if args.admin {
        paths.push(args.data.join("admin-raw/admin-raw.txt"));
    }
    let rule = CandidateRule {
        min_count: args.cand_count,
        min_pmi: args.cand_pmi,
        min_entropy: args.cand_entropy,
    };
    let raw = raw_stats(&paths, args.min_count, &rule);
    if args.candidates {
        for c in &raw.candidates {
            base.insert_keys(c, RAW);
        }
    }
    raw.assoc
}

/// Train on `train_set`, print the F1 on `dev_set` (held out) and on `train_set` (seen).
fn train_held_out(
    args: &Args,
    train_set: &[Sentence],
    dev_set: &[Sentence],
    base: &Dict,
    assoc: &KeyTable<u8>,
) -> Model {
    let model = train(args, train_set, base, assoc);
    let seg = Segmenter::with_model(std::sync::Arc::new(model.clone()));
    let (p, r, f) = evaluate(&seg, dev_set);
    println!("dev (held out): precision {p:.4} recall {r:.4} F1 {f:.4}");
    if let Some(path) = &args.dev_out {
        let mut out = String::new();
        for s in dev_set {
            let mut words = Vec::new();
            seg.segment(&s.text, &s.tokens, &mut words);
            out.push_str(&tomtat_tokenizer::join_words(&s.text, &words));
            out.push('\n');
        }
        std::fs::write(path, out).expect("write --dev-out");
    }
    let (p, r, f) = evaluate(&seg, train_set);
    println!("train (seen): precision {p:.4} recall {r:.4} F1 {f:.4}");
    model
}

/// Print each gap of `text` with its score and feature weights.
fn explain(model: &Model, text: &str) {
    let tokens = tokenize(text);
    let mut scratch = Scratch::new();
    scratch.prepare(text, &tokens, model.lex());
    for i in 1..tokens.len() {
        if scratch.gap[i] {
            scratch.gap_features(i);
            let ws: Vec<String> = scratch
                .feats
                .iter()
                .map(|f| format!("{:.2}", model.weights.get(*f).unwrap_or(0.0)))
                .collect();
            let score = model.score(&scratch.feats);
            scratch.join[i] = score > 0.0;
            println!(
                "{} | {}  score {score:.2}: {}",
                tokens[i - 1].text(text),
                tokens[i].text(text),
                ws.join(" ")
            );
        }
    }
}

//! Train the part model of `tomtat-scorer` from gold, or measure it held out.
//!
//! ```text
//! # the shipped model: trained on every gold document given
//! cargo run --release -p tomtat-scorer --features train --example train_parts -- \
//!     --out crates/scorer/models/scorer-parts.tsv ../shared/data/reports-dev ../shared/data/reports-dev2
//! # held-out runs: JSONL briefings for summary_score.py, one file per scheme, in OUTDIR
//! cargo run --release -p tomtat-scorer --features train --example train_parts -- \
//!     --cv OUTDIR ../shared/data/reports-dev ../shared/data/reports-dev2
//! ```
//! Each DIR holds `NNN.txt` and `gold.jsonl`; units come from `tomtat_splitter` over the
//! text, and each unit takes the gold part of the sentence holding most of its characters.
//! `--cv` writes, for each DIR: `NAME.hand.jsonl` (hand-set labeller),
//! `NAME.cross.jsonl` (model trained on the other DIRs), `NAME.folds.jsonl` (model trained
//! on the other 4 folds of DIR plus the other DIRs; folds by document order `i mod 4`),
//! `NAME.infolds.jsonl` (trained on the other folds of DIR alone).

use std::io::Write;

use serde_json::{json, Value};
use tomtat_scorer::train::{align, Trainer};
use tomtat_scorer::{Part, Scorer, SummaryOptions};
use tomtat_splitter::{Splitter, Unit};
use tomtat_tokenizer::Segmenter;

/// Passes of the part perceptron (with feature dropout it needs more than the 8 it had).
const EPOCHS: usize = 16;
const FOLDS: usize = 4;

struct Doc {
    id: String,
    text: String,
    units: Vec<Unit>,
    gold: Vec<Part>,
    keys: Vec<bool>,
}

fn part(s: &str) -> Part {
    match s {
        "result" => Part::Result,
        "shortcoming" => Part::Shortcoming,
        "directive" => Part::Directive,
        _ => Part::Other,
    }
}

fn load(dir: &str, splitter: &Splitter) -> Vec<Doc> {
    let gold = std::fs::read_to_string(format!("{dir}/gold.jsonl")).expect("gold.jsonl");
    let mut docs = Vec::new();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: Value = serde_json::from_str(line).expect("json");
        let id = g["id"].as_str().expect("id").to_string();
        let text = std::fs::read_to_string(format!("{dir}/{id}.txt")).expect("text");
        let sents: Vec<(&str, Part, bool)> = g["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| {
                (
                    s["text"].as_str().unwrap_or(""),
                    part(s["label"].as_str().unwrap_or("other")),
                    s["key"].as_bool().unwrap_or(false),
                )
            })
            .collect();
        let units = splitter.split(&text);
        let (gold, keys) = align(&text, &units, &sents).into_iter().unzip();
        docs.push(Doc {
            id,
            text,
            units,
            gold,
            keys,
        });
    }
    docs
}

/// Passes of the key model's SGD. Fewer passes regularize: held out (mean F1 of the four
/// schemes, 4 orders) 2 passes 0.656, 3 0.659, 4 0.659, 10 0.653, 20 0.649.
const KEY_EPOCHS: usize = 4;

/// Inner folds of the key model's training data (see [`train`]).
const KEY_FOLDS: usize = 4;

/// The part model trained on `docs`.
fn train_part_model(docs: &[&Doc]) -> (Trainer, String) {
    let base = Scorer::new();
    let mut t = Trainer::new();
    for d in docs {
        t.add(&base, &d.text, &d.units, &d.gold);
    }
    let parts = t.train(EPOCHS);
    (t, parts)
}

/// The part model and the key model trained on `docs`. The key model learns from parts
/// and margins as they will be at use, on documents the part model has not seen: each
/// inner fold of `docs` is labelled by a part model trained on the other inner folds, and
/// a unit is a key of the part it was given only when that is its gold part.
fn train(docs: &[&Doc]) -> (String, String) {
    // `SEED=n` rotates the training documents (another order for the trainers): repeated
    // held-out runs show how much a figure moves with the order alone
    let mut docs = docs.to_vec();
    if let Some(n) = std::env::var("SEED")
        .ok()
        .and_then(|x| x.parse::<usize>().ok())
    {
        let len = docs.len().max(1);
        docs.rotate_left(n * 7 % len);
    }
    let docs = &docs[..];
    let (mut t, parts) = train_part_model(docs);
    if std::env::var_os("GOLD_KEYS").is_some() || docs.len() < 2 * KEY_FOLDS {
        let s = Scorer::new().with_model(&parts).expect("model");
        for d in docs {
            t.add_keys(&s, &d.text, &d.units, &d.gold, &d.keys);
        }
        return (parts, t.train_keys(KEY_EPOCHS));
    }
    let seg = Segmenter::new();
    for f in 0..KEY_FOLDS {
        let inner: Vec<&Doc> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % KEY_FOLDS != f)
            .map(|(_, d)| *d)
            .collect();
        let (_, m) = train_part_model(&inner);
        let s = Scorer::new().with_model(&m).expect("model");
        for d in docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % KEY_FOLDS == f)
            .map(|(_, d)| d)
        {
            let b = s.summarize(&d.text, &d.units, &seg, &SummaryOptions::default());
            let keys: Vec<bool> = (0..d.units.len())
                .map(|i| d.keys[i] && b.parts[i] == d.gold[i])
                .collect();
            t.add_keys(&s, &d.text, &d.units, &b.parts, &keys);
        }
    }
    (parts, t.train_keys(KEY_EPOCHS))
}

fn scorer(docs: &[&Doc]) -> Scorer {
    let (p, k) = train(docs);
    let s = Scorer::new().with_model(&p).expect("model");
    if std::env::var_os("HAND_KEYS").is_some() {
        s.hand_keys()
    } else {
        s.with_key_model(&k).expect("key model")
    }
}

fn brief_line(scorer: &Scorer, seg: &Segmenter, d: &Doc, acc: &mut [usize; 2]) -> String {
    let b = if std::env::var_os("ORACLE").is_some() {
        scorer.summarize_with_parts(&d.text, &d.units, seg, &SummaryOptions::default(), &d.gold)
    } else {
        scorer.summarize(&d.text, &d.units, seg, &SummaryOptions::default())
    };
    for (p, g) in b.parts.iter().zip(&d.gold) {
        acc[0] += (p == g) as usize;
        acc[1] += 1;
    }
    let texts = |part: Part| -> Vec<Value> {
        b.picks
            .iter()
            .filter(|p| p.part == part)
            .map(|p| json!({"text": &d.text[p.start..p.end], "unit": p.unit}))
            .collect()
    };
    let lead: Vec<Value> = b
        .lead
        .iter()
        .map(|&u| json!({"text": &d.text[d.units[u].start..d.units[u].end], "unit": u}))
        .collect();
    json!({
        "id": d.id,
        "results": texts(Part::Result),
        "shortcomings": texts(Part::Shortcoming),
        "directives": texts(Part::Directive),
        "lead": lead,
        "tasks": b.tasks.iter().map(|t| json!({"unit": t.unit, "text": t.text, "actor": t.actor})).collect::<Vec<_>>(),
        "parts": b.parts.iter().map(|p| p.name()).collect::<Vec<_>>(),
        "gold_parts": d.gold.iter().map(|p| p.name()).collect::<Vec<_>>(),
        "units": d.units.iter().map(|u| &d.text[u.start..u.end]).collect::<Vec<_>>(),
        "gold_keys": d.keys.iter().enumerate().filter(|(_, &k)| k).map(|(i, _)| i).collect::<Vec<_>>(),
    })
    .to_string()
}

fn write(path: &str, lines: &[String]) {
    let mut f = std::fs::File::create(path).expect("create");
    for l in lines {
        writeln!(f, "{l}").expect("write");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = None;
    let mut cv = None;
    let mut dirs = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().cloned(),
            "--cv" => cv = it.next().cloned(),
            _ => dirs.push(a.clone()),
        }
    }
    let splitter = Splitter::new();
    let seg = Segmenter::new();
    let sets: Vec<(String, Vec<Doc>)> = dirs
        .iter()
        .map(|d| {
            let name = d
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or(d)
                .to_string();
            (name, load(d, &splitter))
        })
        .collect();
    if let Some(path) = out {
        let all: Vec<&Doc> = sets.iter().flat_map(|(_, d)| d.iter()).collect();
        let (parts, keys) = train(&all);
        std::fs::write(&path, parts).expect("write model");
        let kpath = path.replace("scorer-parts", "scorer-keys");
        assert_ne!(kpath, path, "--out names scorer-parts.tsv");
        std::fs::write(&kpath, keys).expect("write key model");
        eprintln!("trained on {} documents -> {path}, {kpath}", all.len());
    }
    if let Some(dir) = cv {
        std::fs::create_dir_all(&dir).expect("outdir");
        for (k, (name, docs)) in sets.iter().enumerate() {
            let others: Vec<&Doc> = sets
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .flat_map(|(_, (_, d))| d.iter())
                .collect();
            let report = |tag: &str, lines: Vec<String>, acc: [usize; 2]| {
                write(&format!("{dir}/{name}.{tag}.jsonl"), &lines);
                eprintln!(
                    "{name} {tag}: part accuracy {:.3} over {} units",
                    acc[0] as f32 / acc[1].max(1) as f32,
                    acc[1]
                );
            };
            // hand-set labeller
            let hand = Scorer::new().hand_labels().hand_keys();
            let mut acc = [0; 2];
            let lines = docs
                .iter()
                .map(|d| brief_line(&hand, &seg, d, &mut acc))
                .collect();
            report("hand", lines, acc);
            // trained on the other sets
            if !others.is_empty() {
                let s = scorer(&others);
                let mut acc = [0; 2];
                let lines = docs
                    .iter()
                    .map(|d| brief_line(&s, &seg, d, &mut acc))
                    .collect();
                report("cross", lines, acc);
            }
            // document folds
            for (tag, with_others) in [("folds", true), ("infolds", false)] {
                if with_others && others.is_empty() {
                    continue;
                }
                let mut lines = vec![String::new(); docs.len()];
                let mut acc = [0; 2];
                for f in 0..FOLDS {
                    let mut tr: Vec<&Doc> = docs
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % FOLDS != f)
                        .map(|(_, d)| d)
                        .collect();
                    if with_others {
                        tr.extend(others.iter().copied());
                    }
                    let s = scorer(&tr);
                    for (i, d) in docs.iter().enumerate().filter(|(i, _)| i % FOLDS == f) {
                        lines[i] = brief_line(&s, &seg, d, &mut acc);
                    }
                }
                report(tag, lines, acc);
            }
        }
    }
}

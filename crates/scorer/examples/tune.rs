//! Leave-documents-out tuning of the scorer's global weights on the gold development
//! reports (gold sentences as units, so labelling and selection are measured alone).
//!
//! ```text
//! cargo run --release -p tomtat-scorer --example tune -- [GOLD.jsonl] [--folds 4] [--fit]
//! ```
//! Without `--fit` it reports the figures of the default weights, per fold and overall.
//! With `--fit` it fits the weights by coordinate search on the other folds of each fold,
//! reports the held-out figures, and prints the weights fitted on all documents.

use serde_json::Value;
use tomtat_scorer::{Part, Scorer, SummaryOptions, Tuning};
use tomtat_splitter::{Unit, UnitKind};
use tomtat_tokenizer::Segmenter;

struct Doc {
    text: String,
    units: Vec<Unit>,
    labels: Vec<Part>,
    keys: Vec<bool>,
}

fn load(path: &str) -> Vec<Doc> {
    let s = std::fs::read_to_string(path).expect("gold");
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let g: Value = serde_json::from_str(l).expect("json");
            let mut d = Doc {
                text: String::new(),
                units: Vec::new(),
                labels: Vec::new(),
                keys: Vec::new(),
            };
            for s in g["sentences"].as_array().expect("sentences") {
                let start = d.text.len();
                d.text.push_str(s["text"].as_str().unwrap_or(""));
                d.units.push(Unit {
                    kind: UnitKind::Sentence,
                    start,
                    end: d.text.len(),
                    clauses: Vec::new(),
                });
                d.text.push('\n');
                d.labels.push(match s["label"].as_str().unwrap_or("other") {
                    "result" => Part::Result,
                    "shortcoming" => Part::Shortcoming,
                    "directive" => Part::Directive,
                    _ => Part::Other,
                });
                d.keys.push(s["key"].as_bool().unwrap_or(false));
            }
            d
        })
        .collect()
}

/// (mean F1, mean precision, mean recall, part accuracy) over `docs`.
fn score(t: &Tuning, docs: &[&Doc], seg: &Segmenter) -> (f32, f32, f32, f32) {
    let words = std::env::var_os("TOMTAT_SEGMENTER_WORDS").is_some();
    let scorer = Scorer::with_tuning(t.clone()).with_segmenter_words(words);
    let mut c = [[0usize; 4]; 3]; // picked, right, keys, found
    let (mut ok, mut n) = (0, 0);
    let mut kp = [0usize; 2]; // picks, picks that are gold keys
    for d in docs {
        let b = scorer.summarize(&d.text, &d.units, seg, &SummaryOptions::default());
        for (p, l) in b.parts.iter().zip(&d.labels) {
            ok += (p == l) as usize;
            n += 1;
        }
        for (k, part) in [Part::Result, Part::Shortcoming, Part::Directive]
            .iter()
            .enumerate()
        {
            c[k][2] += (0..d.units.len())
                .filter(|&i| d.keys[i] && d.labels[i] == *part)
                .count();
            for p in b.picks.iter().filter(|p| p.part == *part) {
                c[k][0] += 1;
                if d.labels[p.unit] == *part {
                    c[k][1] += 1;
                    c[k][3] += d.keys[p.unit] as usize;
                }
                kp[0] += 1;
                kp[1] += d.keys[p.unit] as usize;
            }
        }
    }
    let (mut f, mut pr, mut re) = (0.0, 0.0, 0.0);
    for x in &c {
        let p = if x[0] > 0 {
            x[1] as f32 / x[0] as f32
        } else {
            0.0
        };
        let r = if x[2] > 0 {
            x[3] as f32 / x[2] as f32
        } else {
            0.0
        };
        f += if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        } / 3.0;
        pr += p / 3.0;
        re += r / 3.0;
    }
    if std::env::var_os("TUNE_VERBOSE").is_some() {
        eprintln!(
            "  picks {} of which gold keys {} (key precision {:.3})",
            kp[0],
            kp[1],
            kp[1] as f32 / kp[0].max(1) as f32
        );
    }
    (f, pr, re, ok as f32 / n.max(1) as f32)
}

type Field = (&'static str, fn(&mut Tuning) -> &mut f32, f32, f32);

fn fields() -> Vec<Field> {
    vec![
        ("nocue", |t| &mut t.nocue, 0.0, 2.0),
        ("bias.result", |t| &mut t.bias[0], -1.0, 1.0),
        ("bias.shortcoming", |t| &mut t.bias[1], -1.5, 0.5),
        ("bias.directive", |t| &mut t.bias[2], -1.0, 1.0),
        ("bias.other", |t| &mut t.bias[3], -1.0, 1.5),
        ("stay", |t| &mut t.stay, 0.0, 2.0),
        ("stay_other", |t| &mut t.stay_other, 0.0, 2.0),
        ("switch_carry", |t| &mut t.switch_carry, 0.0, 2.5),
        ("switch_decay", |t| &mut t.switch_decay, 0.0, 1.0),
        ("figure", |t| &mut t.figure, 0.0, 1.5),
        ("no_stop", |t| &mut t.no_stop, 0.0, 4.0),
        ("short", |t| &mut t.short, 0.0, 1.5),
        ("date_start", |t| &mut t.date_start, 0.0, 3.0),
        ("past", |t| &mut t.past, 0.0, 1.5),
        ("cue_cap", |t| &mut t.cue_cap, 1.0, 8.0),
        ("w_cent", |t| &mut t.w_cent, 0.0, 1.0),
        ("w_margin", |t| &mut t.w_margin, 0.0, 1.0),
        ("w_fig", |t| &mut t.w_fig, 0.0, 1.0),
        ("w_first", |t| &mut t.w_first, 0.0, 1.0),
        ("w_cue", |t| &mut t.w_cue, 0.0, 1.0),
        ("w_len", |t| &mut t.w_len, 0.0, 1.0),
        ("w_key", |t| &mut t.w_key, 0.0, 1.0),
        ("mmr", |t| &mut t.mmr, 0.0, 1.0),
        ("contrast", |t| &mut t.contrast, 0.0, 1.0),
        ("w_run", |t| &mut t.w_run, 0.0, 1.0),
        ("w_last", |t| &mut t.w_last, 0.0, 1.0),
        ("budget", |t| &mut t.budget, 0.2, 0.45),
        ("budget_add", |t| &mut t.budget_add, 0.0, 0.8),
    ]
}

/// Coordinate search: each weight over a grid in its range, a few rounds.
fn fit(start: &Tuning, docs: &[&Doc], seg: &Segmenter, only: &str) -> Tuning {
    let mut best = start.clone();
    let mut best_f = score(&best, docs, seg).0;
    for _round in 0..2 {
        for (name, get, lo, hi) in fields() {
            if !only.split(',').any(|o| name.starts_with(o)) {
                continue;
            }
            for step in 0..=8 {
                let v = lo + (hi - lo) * step as f32 / 8.0;
                let mut t = best.clone();
                *get(&mut t) = v;
                let f = score(&t, docs, seg).0;
                if f > best_f + 1e-4 {
                    best_f = f;
                    best = t;
                }
            }
        }
    }
    best
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| a.ends_with(".jsonl"))
        .cloned()
        .unwrap_or_else(|| "/work/shared/data/reports-dev/gold.jsonl".into());
    let folds: usize = args
        .iter()
        .position(|a| a == "--folds")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    let do_fit = args.iter().any(|a| a == "--fit");
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_default();
    let docs = load(&path);
    let seg = Segmenter::new();
    let base = Tuning::default();
    let all: Vec<&Doc> = docs.iter().collect();
    let (f, p, r, acc) = score(&base, &all, &seg);
    println!(
        "default weights, all {} docs: F1 {f:.3} P {p:.3} R {r:.3} part-acc {acc:.3}",
        docs.len()
    );
    if !do_fit {
        return;
    }
    let (mut sum_base, mut sum_fit) = (0.0, 0.0);
    for k in 0..folds {
        let test: Vec<&Doc> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds == k)
            .map(|x| x.1)
            .collect();
        let train: Vec<&Doc> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|x| x.1)
            .collect();
        let t = fit(&base, &train, &seg, &only);
        let b = score(&base, &test, &seg);
        let s = score(&t, &test, &seg);
        sum_base += b.0;
        sum_fit += s.0;
        println!(
            "fold {k}: held-out F1 default {:.3} fitted {:.3} (train {:.3}), part-acc {:.3} -> {:.3}",
            b.0,
            s.0,
            score(&t, &train, &seg).0,
            b.3,
            s.3
        );
    }
    println!(
        "mean held-out F1: default {:.3}, fitted {:.3}",
        sum_base / folds as f32,
        sum_fit / folds as f32
    );
    let t = fit(&base, &all, &seg, &only);
    println!("fitted on all: {:?}", score(&t, &all, &seg));
    for (name, get, _, _) in fields() {
        let mut tt = t.clone();
        println!("  {name} = {}", get(&mut tt));
    }
}

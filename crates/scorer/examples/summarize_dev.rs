//! Summarize the development reports and print JSONL for `summary_score.py`.
//!
//! ```text
//! cargo run --release -p tomtat-scorer --example summarize_dev -- [split|gold] [default|lexrank] [DIR]
//! ```
//! `split`: units from `tomtat_splitter` over `DIR/NNN.txt`; `gold`: the gold sentences
//! of `DIR/gold.jsonl` as units (separates labelling from splitting).
//! With `--parts` it prints the part of every unit instead (for part accuracy).

use std::io::Write;

use serde_json::{json, Value};
use tomtat_scorer::{Method, Part, Scorer, SummaryOptions};
use tomtat_splitter::{Splitter, Unit, UnitKind};
use tomtat_tokenizer::Segmenter;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map(String::as_str).unwrap_or("split");
    let method = match args.get(1).map(String::as_str) {
        Some("lexrank") => Method::LexRank,
        _ => Method::Default,
    };
    let dir = args
        .get(2)
        .filter(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "/work/shared/data/reports-dev".to_string());
    let parts_only = args.iter().any(|a| a == "--parts");
    let explain = args.iter().any(|a| a == "--explain");
    let gold = std::fs::read_to_string(format!("{dir}/gold.jsonl")).expect("gold.jsonl");
    let scorer = Scorer::new();
    let splitter = Splitter::new();
    let segmenter = Segmenter::new();
    let options = SummaryOptions {
        method,
        max_per_part: None,
    };
    let mut out = std::io::stdout().lock();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: Value = serde_json::from_str(line).expect("gold line");
        let id = g["id"].as_str().expect("id").to_string();
        let (text, units) = if mode == "gold" {
            let mut text = String::new();
            let mut units = Vec::new();
            for s in g["sentences"].as_array().expect("sentences") {
                let t = s["text"].as_str().unwrap_or("");
                let start = text.len();
                text.push_str(t);
                units.push(Unit {
                    kind: UnitKind::Sentence,
                    start,
                    end: text.len(),
                    clauses: Vec::new(),
                });
                text.push('\n');
            }
            (text, units)
        } else {
            let text = std::fs::read_to_string(format!("{dir}/{id}.txt")).expect("report");
            let units = splitter.split(&text);
            (text, units)
        };
        if explain {
            writeln!(out, "===== {id}").unwrap();
            for (u, line) in units.iter().zip(scorer.explain(&text, &units)) {
                let t: String = text[u.start..u.end].chars().take(90).collect();
                writeln!(out, "{line}\n      {t}").unwrap();
            }
            continue;
        }
        let b = scorer.summarize(&text, &units, &segmenter, &options);
        if parts_only {
            let parts: Vec<Value> = units
                .iter()
                .zip(&b.parts)
                .map(|(u, p)| json!({"text": &text[u.start..u.end], "part": p.name()}))
                .collect();
            writeln!(out, "{}", json!({"id": id, "units": parts})).unwrap();
            continue;
        }
        let list = |part: Part| -> Vec<Value> {
            b.picks
                .iter()
                .filter(|p| p.part == part)
                .map(|p| json!({"text": &text[p.start..p.end], "score": p.score, "why": p.why}))
                .collect()
        };
        let rec = json!({
            "id": id,
            "results": list(Part::Result),
            "shortcomings": list(Part::Shortcoming),
            "directives": list(Part::Directive),
        });
        writeln!(out, "{rec}").unwrap();
    }
}

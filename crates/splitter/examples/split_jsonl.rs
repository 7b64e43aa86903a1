//! Read `{"id","text"}` JSONL on stdin, write `{"id","sentences":[{"text","kind","start",
//! "end","clauses"}]}` JSONL on stdout (the `tomtat split --jsonl --format jsonl` shape).
//!
//! `cargo run --release -p tomtat-splitter --example split_jsonl < texts.jsonl`

use std::io::{BufRead, Write};
use tomtat_splitter::Splitter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let splitter = Splitter::new();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&line)?;
        let text = doc["text"].as_str().unwrap_or_default();
        let sentences: Vec<serde_json::Value> = splitter
            .split(text)
            .iter()
            .map(|u| {
                let clauses: Vec<serde_json::Value> = u
                    .clauses
                    .iter()
                    .map(|c| serde_json::json!({"text": c.text(text), "start": c.start, "end": c.end}))
                    .collect();
                serde_json::json!({
                    "text": u.text(text), "kind": u.kind.name(),
                    "start": u.start, "end": u.end, "clauses": clauses,
                })
            })
            .collect();
        let obj = serde_json::json!({"id": doc["id"], "sentences": sentences});
        writeln!(out, "{obj}")?;
    }
    Ok(())
}

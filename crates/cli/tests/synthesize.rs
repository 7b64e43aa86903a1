//! `tomtat synthesize` on the bundled corpus: the bar (at least one recurring cluster per
//! part, every cluster from at least two documents, every member pointing at a real unit of a
//! document of the batch, as `tomtat summarize` numbers them), and the `--out` files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn tomtat(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tomtat"))
        .args(args)
        .output()
        .expect("run tomtat");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn corpus_synthesis_meets_the_bar() {
    let c = corpus();
    let c = c.to_str().unwrap();
    let json: serde_json::Value = serde_json::from_str(&tomtat(&[
        "synthesize",
        c,
        "--glob",
        "*.txt",
        "--format",
        "json",
    ]))
    .unwrap();
    // Units per document, from the per-document records.
    let mut units: HashMap<String, u64> = HashMap::new();
    for line in tomtat(&["summarize", c, "--glob", "*.txt", "--format", "jsonl"]).lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        units.insert(
            r["id"].as_str().unwrap().into(),
            r["units"].as_u64().unwrap(),
        );
        assert!(r["meta"]["kind"].is_string(), "meta in the record: {line}");
    }
    assert_eq!(json["documents"].as_array().unwrap().len(), units.len());
    let clusters = json["clusters"].as_array().unwrap();
    for part in ["result", "shortcoming", "directive"] {
        assert!(
            clusters.iter().any(|c| c["part"] == part),
            "no recurring {part} cluster"
        );
    }
    for c in clusters {
        let members = c["members"].as_array().unwrap();
        let mut ids: Vec<&str> = members.iter().map(|m| m["id"].as_str().unwrap()).collect();
        ids.sort();
        ids.dedup();
        assert!(
            ids.len() >= 2 && c["documents"].as_u64() == Some(ids.len() as u64),
            "{c}"
        );
        for m in members {
            let n = units[m["id"].as_str().unwrap()];
            assert!(m["unit"].as_u64().unwrap() < n, "{m}");
        }
    }
}

#[test]
fn out_writes_markdown_json_html_and_csv() {
    let dir = std::env::temp_dir().join(format!("tomtat-synth-{}", std::process::id()));
    let files = ["000.txt", "001.txt", "002.txt", "027.txt"].map(|f| corpus().join(f));
    let mut args: Vec<&str> = vec![
        "synthesize",
        "--by",
        "period",
        "--out",
        dir.to_str().unwrap(),
    ];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    tomtat(&args);
    for f in [
        "synthesis.md",
        "synthesis.json",
        "synthesis.html",
        "synthesis-indicators.csv",
    ] {
        let text = std::fs::read_to_string(dir.join(f)).unwrap();
        assert!(!text.is_empty(), "{f}");
    }
    let md = std::fs::read_to_string(dir.join("synthesis.md")).unwrap();
    assert!(
        md.contains("6 tháng đầu năm 2024"),
        "grouped by period: {md}"
    );
    let html = std::fs::read_to_string(dir.join("synthesis.html")).unwrap();
    assert!(html.contains("<svg"), "a chart per indicator");
    std::fs::remove_dir_all(&dir).ok();
}

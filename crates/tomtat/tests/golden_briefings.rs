//! Golden briefings: five documents of `corpus/` and two 2025 official documents with their
//! letterhead (`tests/golden/official/`, see its PROVENANCE.md) are summarized with the default
//! options and their JSON record and Markdown briefing compared with `tests/golden/ID.json` and
//! `ID.md`, so that a change to any stage (reading, splitting, scoring, rendering) shows in
//! review. Run with `BLESS=1` to rewrite the expected files after checking the change is wanted.

use std::path::{Path, PathBuf};
use tomtat::{render, Pipeline, PipelineOptions};

/// Documents of different kinds: a six-month report, a conference news item, a long report,
/// a resolution-like text and a report with many tasks, from `corpus/`; a conclusion notice
/// and a directive from `tests/golden/official/`.
const IDS: [&str; 7] = [
    "000",
    "005",
    "012",
    "024",
    "037",
    "653-TB-VPCP",
    "06-CT-UBND",
];

/// Where document `id` is read from, and its source as the record names it.
fn document(id: &str) -> (PathBuf, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if id.len() == 3 {
        (
            root.join(format!("../../corpus/{id}.txt")),
            format!("corpus/{id}.txt"),
        )
    } else {
        let path = golden_dir().join(format!("official/{id}.txt"));
        (path, format!("official/{id}.txt"))
    }
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// The first differing line of two texts, for a readable failure.
fn first_difference(got: &str, expected: &str) -> String {
    let line = got
        .lines()
        .zip(expected.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(got.lines().count().min(expected.lines().count()));
    format!(
        "line {}:\n  got:      {:?}\n  expected: {:?}",
        line + 1,
        got.lines().nth(line),
        expected.lines().nth(line)
    )
}

#[test]
fn corpus_briefings_match_golden_files() {
    let pipeline = Pipeline::new(PipelineOptions::default());
    let bless = std::env::var_os("BLESS").is_some();
    let mut failed = Vec::new();
    for id in IDS {
        let (path, source) = document(id);
        let bytes = std::fs::read(path).expect("golden document");
        let record = pipeline.summarize_bytes(id, &source, &bytes);
        assert!(!record.is_error(), "{id}: {record:?}");
        let outputs = [
            (
                "json",
                serde_json::to_string_pretty(&record).unwrap() + "\n",
            ),
            ("md", render::markdown(&record)),
        ];
        for (ext, got) in outputs {
            let path = golden_dir().join(format!("{id}.{ext}"));
            if bless {
                std::fs::write(&path, &got).expect("write golden file");
                continue;
            }
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            if got != expected {
                eprintln!("{}: {}", path.display(), first_difference(&got, &expected));
                failed.push(path);
            }
        }
    }
    assert!(
        failed.is_empty(),
        "golden briefings differ (BLESS=1 to rewrite): {failed:?}"
    );
}

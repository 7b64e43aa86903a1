//! Golden briefings: five documents of `corpus/` and two 2025 official documents with their
//! letterhead (`tests/golden/official/`, see its PROVENANCE.md) are summarized with the default
//! options and their JSON record and Markdown briefing compared with `tests/golden/ID.json` and
//! `ID.md`, so that a change to any stage (reading, splitting, scoring, rendering) shows in
//! review. Run with `BLESS=1` to rewrite the expected files after checking the change is wanted.

use std::path::{Path, PathBuf};
use tomtat::{render, Pipeline, PipelineOptions};

/// Documents of different kinds, each as its folder and name: a six-month report, a
/// conference news item, a long report, a resolution-like text and a report with many tasks,
/// from `corpus/`; a conclusion notice and a directive from `tests/golden/official/`.
const DOCUMENTS: [(&str, &str); 7] = [
    ("corpus", "000"),
    ("corpus", "005"),
    ("corpus", "012"),
    ("corpus", "024"),
    ("corpus", "037"),
    ("official", "653-TB-VPCP"),
    ("official", "06-CT-UBND"),
];

/// Where a document of `folder` is read from (`corpus` is the repository's).
fn folder_path(folder: &str) -> PathBuf {
    match folder {
        "corpus" => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus"),
        _ => golden_dir().join(folder),
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
    for (folder, id) in DOCUMENTS {
        let source = format!("{folder}/{id}.txt");
        let bytes =
            std::fs::read(folder_path(folder).join(format!("{id}.txt"))).expect("golden document");
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

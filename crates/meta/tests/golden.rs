//! `extract` of every `corpus/` report, pinned: one JSON line per document in
//! `tests/golden/corpus.jsonl`, so a change to the rules (or a speed-up that should change
//! nothing) shows in review. Run with `BLESS=1` to rewrite the file after checking the change is
//! wanted. Skips with one line when `corpus/` is not beside the crate (a packaged crate).

use std::path::PathBuf;

#[test]
fn corpus_metadata_is_pinned() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Ok(dir) = std::fs::read_dir(root.join("../../corpus")) else {
        eprintln!("skipped: corpus/ is not beside the crate");
        return;
    };
    let mut files: Vec<_> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let got: String = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("UTF-8 text");
            let name = f.file_name().unwrap().to_string_lossy();
            let line = serde_json::json!({ "doc": name, "meta": tomtat_meta::extract(&text) });
            format!("{line}\n")
        })
        .collect();
    let path = root.join("tests/golden/corpus.jsonl");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &got).expect("writes the golden file");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("tests/golden/corpus.jsonl");
    let diff: Vec<_> = want
        .lines()
        .zip(got.lines())
        .filter(|(w, g)| w != g)
        .map(|(w, g)| format!("want {w}\n got {g}"))
        .collect();
    assert!(
        diff.is_empty() && want.lines().count() == got.lines().count(),
        "metadata differs from tests/golden/corpus.jsonl (BLESS=1 to rewrite):\n{}",
        diff.join("\n")
    );
}

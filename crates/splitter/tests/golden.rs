//! Golden files: every `tests/golden/NAME.txt` is split and compared with
//! `tests/golden/NAME.units.txt`, one `kind<TAB>text` line per unit (line breaks inside
//! a unit shown as `⏎`), each clause on a line of its own after its unit
//! (`<TAB>; clause`). Run with `BLESS=1` to rewrite the expected files.

use std::fmt::Write as _;
use std::path::PathBuf;
use tomtat_splitter::Splitter;

fn render(text: &str) -> String {
    let mut out = String::new();
    for u in Splitter::new().split(text) {
        let _ = writeln!(
            out,
            "{}\t{}",
            u.kind.name(),
            u.text(text).replace('\n', "⏎")
        );
        for c in &u.clauses {
            let _ = writeln!(out, "\t; {}", c.text(text).replace('\n', "⏎"));
        }
    }
    out
}

#[test]
fn golden_files() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("BLESS").is_some();
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/golden exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt")
                && !p.to_string_lossy().ends_with(".units.txt")
        })
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 6, "golden inputs missing");
    let mut failed = Vec::new();
    for input in &inputs {
        let text = std::fs::read_to_string(input).expect("UTF-8 input");
        let got = render(&text);
        let expected_path = input.with_extension("units.txt");
        if bless {
            std::fs::write(&expected_path, &got).expect("write golden");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            let first = got
                .lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(got.lines().count().min(expected.lines().count()));
            eprintln!(
                "{}: differs at line {}:\n  got:      {:?}\n  expected: {:?}",
                expected_path.display(),
                first + 1,
                got.lines().nth(first),
                expected.lines().nth(first)
            );
            failed.push(expected_path);
        }
    }
    assert!(
        failed.is_empty(),
        "golden files differ (BLESS=1 to rewrite): {failed:?}"
    );
}

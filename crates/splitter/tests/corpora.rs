//! Boundary F1 against gold sentence boundaries in shared data (`../shared/data`), scored
//! like `eval/split_score.py`: a boundary is the count of non-space characters before a
//! sentence end; the end of the text does not count. Skipped when the data is absent.

use std::collections::HashSet;
use std::path::PathBuf;
use tomtat_splitter::Splitter;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

fn boundaries<'a>(sentences: impl Iterator<Item = &'a str>) -> HashSet<usize> {
    let mut out = Vec::new();
    let mut pos = 0;
    for s in sentences {
        pos += s.chars().filter(|c| !c.is_whitespace()).count();
        out.push(pos);
    }
    out.pop();
    out.into_iter().collect()
}

/// (true positives, system boundaries, gold boundaries) for one text.
fn score(text: &str, gold: &[&str]) -> (usize, usize, usize) {
    let units = Splitter::new().split(text);
    let sys = boundaries(units.iter().map(|u| u.text(text)));
    let gold = boundaries(gold.iter().copied());
    (sys.intersection(&gold).count(), sys.len(), gold.len())
}

fn f1((tp, ns, ng): (usize, usize, usize)) -> f64 {
    let p = tp as f64 / ns.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn add(a: (usize, usize, usize), b: (usize, usize, usize)) -> (usize, usize, usize) {
    (a.0 + b.0, a.1 + b.1, a.2 + b.2)
}

/// Sentences of a UD raw file joined `group` at a time: (tp, sys, gold), or `None`
/// when the file is absent.
fn joined(path: &std::path::Path, group: usize) -> Option<(usize, usize, usize)> {
    let raw = std::fs::read_to_string(path).ok()?;
    let lines: Vec<&str> = raw.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut total = (0, 0, 0);
    for g in lines.chunks(group) {
        total = add(total, score(&g.join(" "), g));
    }
    Some(total)
}

/// UD Vietnamese TueCL test sentences joined five at a time. Measured 0.9937.
#[test]
fn ud_tuecl_sentences_joined_into_paragraphs() {
    let path = shared().join("ud-vi-tuecl/vi_tuecl-ud-test.raw.txt");
    let Some(total) = joined(&path, 5) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let f = f1(total);
    eprintln!("UD-TueCL joined: F1 {f:.4}");
    assert!(f >= 0.98, "UD-TueCL boundary F1 {f:.4} below 0.98");
}

/// UD Vietnamese VTB test sentences (pre-tokenised: spaces before punctuation), joined
/// five at a time into one paragraph: the splitter must find the joins again.
/// Measured 0.9715 (P 0.986, R 0.958; most misses are sentences that open in lower
/// case after a quote).
#[test]
fn ud_vtb_sentences_joined_into_paragraphs() {
    let path = shared().join("ud-vi-vtb/vi_vtb-ud-test.raw.txt");
    let Some(total) = joined(&path, 5) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let f = f1(total);
    eprintln!(
        "UD-VTB joined: F1 {f:.4} (tp {}, sys {}, gold {})",
        total.0, total.1, total.2
    );
    assert!(f >= 0.96, "UD-VTB boundary F1 {f:.4} below 0.96");
}

/// The annotated dev reports (`reports-dev/gold.jsonl`). Measured 0.9981.
#[test]
fn dev_reports_gold_boundaries() {
    let dir = shared().join("reports-dev");
    let Ok(gold) = std::fs::read_to_string(dir.join("gold.jsonl")) else {
        eprintln!("skipped: reports-dev not found");
        return;
    };
    let mut total = (0, 0, 0);
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
        let id = doc["id"].as_str().expect("id");
        let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).expect("report text");
        let sents: Vec<&str> = doc["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s["text"].as_str().expect("text"))
            .collect();
        total = add(total, score(&text, &sents));
    }
    let f = f1(total);
    eprintln!(
        "reports-dev: F1 {f:.4} (tp {}, sys {}, gold {})",
        total.0, total.1, total.2
    );
    assert!(f >= 0.99, "dev boundary F1 {f:.4} below 0.99");
}

/// `(tp, sys, gold)` of a gold set (`reports-dev`, `reports-dev2`), the text as it is or
/// with every document's lines joined by one space (gold unchanged: a flattened web page
/// or PDF text layer). `None` when the set is absent.
fn gold_set(name: &str, join: bool) -> Option<(usize, usize, usize)> {
    let dir = shared().join(name);
    let gold = std::fs::read_to_string(dir.join("gold.jsonl")).ok()?;
    let mut total = (0, 0, 0);
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
        let id = doc["id"].as_str().expect("id");
        let mut text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).expect("report text");
        if join {
            text = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
        }
        let sents: Vec<&str> = doc["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s["text"].as_str().expect("text"))
            .collect();
        total = add(total, score(&text, &sents));
    }
    Some(total)
}

/// reports-dev2 as it is (measured 0.9943; 0.9931 before the third round of issue 10) and
/// joined into one line a document (measured 0.9742; 0.9564 before the third round, 0.8597
/// before inline markers), reports-dev joined (0.9827; 0.9739 before the third round).
#[test]
fn dev2_and_joined_reports_gold_boundaries() {
    for (name, join, bar) in [
        ("reports-dev2", false, 0.993),
        ("reports-dev2", true, 0.97),
        ("reports-dev", true, 0.978),
    ] {
        let Some(total) = gold_set(name, join) else {
            eprintln!("skipped: {name} not found");
            continue;
        };
        let f = f1(total);
        let how = if join { " joined" } else { "" };
        eprintln!(
            "{name}{how}: F1 {f:.4} (tp {}, sys {}, gold {})",
            total.0, total.1, total.2
        );
        assert!(f >= bar, "{name}{how} boundary F1 {f:.4} below {bar}");
    }
}

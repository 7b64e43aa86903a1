//! The briefings people use, from the binary: the leader's page in Markdown (the seed report's
//! briefing is shorter than the report), `--reasons`, HTML pages and their index, Word files
//! with `--out` and `-o`, and the spreadsheet tables (BOM, CRLF, `basis`, `--csv-plain`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tomtat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tomtat"))
        .args(args)
        .output()
        .expect("run tomtat")
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(name)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tomtat-brief-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn seed_markdown_is_a_leaders_page_shorter_than_the_report() {
    let seed = corpus("000.txt");
    let out = tomtat(&["summarize", s(&seed), "--format", "md", "-q"]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let source = std::fs::metadata(&seed).unwrap().len() as usize;
    assert!(
        md.len() < source,
        "briefing {} bytes, report {source}",
        md.len()
    );
    assert!(
        !md.contains("<sub>") && !md.contains("centrality"),
        "no reasons by default"
    );
    assert!(md.contains("### Kết quả đạt được") && md.contains("### Chỉ tiêu chính"));
    let out = tomtat(&["summarize", s(&seed), "--format", "md", "--reasons", "-q"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("độ trung tâm") && !md.contains("centrality"),
        "reasons in Vietnamese"
    );
}

#[test]
fn html_pages_and_index_with_out() {
    let dir = temp_dir("html");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("2024")).unwrap();
    std::fs::copy(corpus("000.txt"), input.join("2024/a b.txt")).unwrap();
    std::fs::copy(corpus("019.txt"), input.join("019.txt")).unwrap();
    let out_dir = dir.join("out");
    let out = tomtat(&[
        "summarize",
        s(&input),
        "--format",
        "html",
        "--out",
        s(&out_dir),
        "-q",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(out_dir.join("2024/a b.txt.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("data-part=\"result\""));
    assert!(!page.contains("src=\"http") && !page.contains("href=\"http"));
    assert!(out_dir.join("019.txt.html").is_file() && out_dir.join("019.txt.json").is_file());
    let index = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(index.contains("href=\"2024/a%20b.txt.html\""), "{index}");
    assert!(index.contains("href=\"019.txt.html\""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn docx_with_out_and_with_o() {
    let dir = temp_dir("docx");
    let one = dir.join("one.docx");
    let out = tomtat(&[
        "summarize",
        s(&corpus("000.txt")),
        "--format",
        "docx",
        "-o",
        s(&one),
        "-q",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&one).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let out = tomtat(&["summarize", s(&corpus("000.txt")), "--format", "docx", "-q"]);
    assert_eq!(out.status.code(), Some(2), "docx needs a file");
    let two = tomtat(&[
        "summarize",
        s(&corpus("000.txt")),
        s(&corpus("001.txt")),
        "--format",
        "docx",
        "-o",
        s(&dir.join("two.docx")),
        "-q",
    ]);
    assert!(!two.status.success(), "-o takes one .docx document");
    let out_dir = dir.join("out");
    let out = tomtat(&[
        "summarize",
        s(&corpus("000.txt")),
        s(&corpus("037.txt")),
        "--format",
        "docx",
        "--out",
        s(&out_dir),
        "-q",
    ]);
    assert!(out.status.success());
    assert!(out_dir.join("000.txt.docx").is_file() && out_dir.join("037.txt.docx").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_tables_for_spreadsheets() {
    let dir = temp_dir("csv");
    let out_dir = dir.join("out");
    let out = tomtat(&[
        "summarize",
        s(&corpus("000.txt")),
        s(&corpus("037.txt")),
        "--out",
        s(&out_dir),
        "-q",
    ]);
    assert!(out.status.success());
    let ind = std::fs::read_to_string(out_dir.join("indicators.csv")).unwrap();
    assert!(ind.starts_with('\u{feff}'), "BOM");
    let header = ind.lines().next().unwrap();
    assert!(header.contains(",basis,") && header.contains(",source,"));
    assert!(
        ind.ends_with("\r\n") && !ind.replace("\r\n", "").contains('\n'),
        "CRLF only"
    );
    let rows = tomtat::csv::parse(&ind);
    let basis = rows[0].iter().position(|c| c == "basis").unwrap();
    assert!(
        rows.iter().any(|r| r[basis] == "dự toán tỉnh giao"),
        "{rows:?}"
    );
    assert!(rows.iter().skip(1).all(|r| r.len() == rows[0].len()));
    let tasks = std::fs::read_to_string(out_dir.join("tasks.csv")).unwrap();
    assert!(tasks.starts_with("\u{feff}id,source,task,actor"));
    assert!(tomtat::csv::parse(&tasks).len() > 11);
    let plain = dir.join("plain");
    tomtat(&[
        "summarize",
        s(&corpus("000.txt")),
        "--out",
        s(&plain),
        "--csv-plain",
        "-q",
    ]);
    let ind = std::fs::read_to_string(plain.join("indicators.csv")).unwrap();
    assert!(ind.starts_with("id,source,"));
    let _ = std::fs::remove_dir_all(&dir);
}

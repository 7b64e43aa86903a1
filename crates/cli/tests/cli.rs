//! The CLI behaves as written (issue 15): one test per numbered item.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn tomtat(args: &[&str]) -> Output {
    with_stdin(args, None)
}

fn with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tomtat"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn records(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tomtat-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(name)
}

const LINE: &str = "Thu ngân sách đạt 25,5 tỷ đồng.";

#[test]
fn item_1_summarize_reads_stdin() {
    let o = with_stdin(&["summarize", "--format", "md"], Some(LINE.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("## stdin") && stdout(&o).contains(LINE));
    let file = std::fs::read(corpus("000.txt")).unwrap();
    let o = with_stdin(&["summarize", "-"], Some(&file));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "stdin");
    assert!(recs[0]["units"].as_u64().unwrap() > 5);
    let o = with_stdin(&["summarize", "-"], Some(b""));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("stdin is empty"));
}

#[test]
fn item_2_a_folder_walk_takes_documents_only() {
    let dir = temp_dir("walk");
    std::fs::copy(corpus("000.txt"), dir.join("000.txt")).unwrap();
    std::fs::copy(corpus("SOURCES.md"), dir.join("SOURCES.md")).unwrap();
    let o = tomtat(&["summarize", dir.to_str().unwrap(), "-q"]);
    assert_eq!(records(&o).len(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("1 file of other types skipped"));
    let named = tomtat(&["summarize", dir.join("SOURCES.md").to_str().unwrap(), "-q"]);
    assert_eq!(records(&named)[0]["id"], "SOURCES.md");
    let help = stdout(&tomtat(&["summarize", "--help"]));
    assert!(
        help.contains("README.md or SOURCES.md, are taken only when named or matched by --glob")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn item_3_failures_are_named_on_stderr_and_capped() {
    let o = tomtat(&["summarize", "nosuch.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("tomtat: nosuch.txt: not found"),
        "{}",
        stderr(&o)
    );
    let many: Vec<String> = (0..25).map(|i| format!("missing-{i}.txt")).collect();
    let mut args = vec!["summarize", "-q"];
    args.extend(many.iter().map(String::as_str));
    let o = tomtat(&args);
    let err = stderr(&o);
    assert_eq!(
        err.lines().filter(|l| l.contains(": not found")).count(),
        20
    );
    assert!(err.contains("... and 5 more failures"), "{err}");
}

#[test]
fn item_4_nothing_to_do_exits_2() {
    let dir = temp_dir("empty");
    let o = tomtat(&["summarize", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nothing to do"));
    assert!(stdout(&o).is_empty());
    std::fs::write(dir.join("a.txt"), LINE).unwrap();
    let o = tomtat(&["summarize", dir.to_str().unwrap(), "--glob", "*.pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--glob *.pdf matched no file"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("(1 file left out)"), "{}", stderr(&o));
    let o = tomtat(&["summarize", dir.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("tomtat: 1 document: 1 summarized"),
        "{}",
        stderr(&o)
    );
    let o = with_stdin(&["summarize", "--jsonl", "-"], Some(b"\n"));
    assert_eq!(o.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn item_5_kept_and_summarized_are_counted_apart() {
    let dir = temp_dir("kept");
    let out = dir.join("out");
    let args = [
        "summarize".to_string(),
        corpus("000.txt").to_str().unwrap().to_string(),
        corpus("001.txt").to_str().unwrap().to_string(),
        "--out".into(),
        out.to_str().unwrap().to_string(),
        "--skip-existing".into(),
        "-q".into(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let first = tomtat(&args);
    assert!(stderr(&first).contains("2 documents: 2 summarized, 0 failed"));
    let again = tomtat(&args);
    assert!(
        stderr(&again).contains("2 documents: 0 summarized, 2 kept from an earlier run, 0 failed"),
        "{}",
        stderr(&again)
    );
    assert_eq!(records(&first), records(&again));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn item_6_make_archive_needs_its_corpus() {
    let dir = temp_dir("archive");
    let o = tomtat(&[
        "make-archive",
        dir.join("a").to_str().unwrap(),
        "--docs",
        "2",
        "--corpus",
        "/nonexistent",
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("/nonexistent"));
    assert!(!dir.join("a").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn item_7_json_lines_edge_cases_match_files() {
    let feed = format!("{{\"id\":\"c\",\"text\":\"\"}}\n{{\"text\":\"{LINE}\"}}\n");
    let o = with_stdin(&["summarize", "--jsonl", "-", "-q"], Some(feed.as_bytes()));
    let recs = records(&o);
    assert_eq!(recs[0]["error"], "empty text");
    assert_eq!(recs[1]["id"], "line-2");
    assert!(recs[1].get("error").is_none());
    assert_eq!(o.status.code(), Some(1));
    // An empty file is an error too.
    let dir = temp_dir("emptyfile");
    std::fs::write(dir.join("e.txt"), "").unwrap();
    let o = tomtat(&["summarize", dir.join("e.txt").to_str().unwrap(), "-q"]);
    assert_eq!(records(&o)[0]["error"], "empty file");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn item_10_help_teaches() {
    for cmd in [
        "normalize",
        "tokens",
        "tokenize",
        "split",
        "text",
        "summarize",
        "bench",
        "make-archive",
        "completions",
    ] {
        let help = stdout(&tomtat(&[cmd, "--help"]));
        assert!(help.contains("Examples:"), "{cmd}: {help}");
        assert!(help.contains("Exit codes"), "{cmd}: {help}");
    }
    let help = stdout(&tomtat(&["summarize", "--help"]));
    for enc in ["utf8", "cp1258", "tcvn3", "vni", "viqr"] {
        assert!(help.contains(enc), "{enc}");
    }
    for cmd in ["text", "tokens", "tokenize", "split"] {
        let help = stdout(&tomtat(&[cmd, "--help"]));
        assert!(help.contains("stdin when absent or `-`"), "{cmd}: {help}");
    }
    let bench = stdout(&tomtat(&["bench", "--help"]));
    assert!(bench.contains("warning says when the machine is busy"));
}

#[test]
fn item_11_completions_man_page_and_version() {
    for shell in ["bash", "zsh", "fish"] {
        let o = tomtat(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains("summarize"), "{shell}");
    }
    let man = tomtat(&["man"]);
    assert!(stdout(&man).contains(".TH tomtat 1"));
    let version = stdout(&tomtat(&["--version"]));
    assert!(version.starts_with("tomtat "));
    let long = stdout(&tomtat(&["-V"]));
    assert!(!long.contains("segmenter"));
    let long = stdout(&tomtat(&["--version"]));
    assert!(long.contains("segmenter model: format"), "{long}");
}

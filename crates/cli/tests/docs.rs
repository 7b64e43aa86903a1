//! The docs match the binary: every ```console block of `docs/*.md` and `README.md` is run and
//! its output checked.
//!
//! In a console block, a line `$ COMMAND` is run with `sh` from the repository root (with the
//! `tomtat` under test first on PATH, stdin empty, stderr joined to stdout). The lines after it,
//! up to the next `$ `, are what it shows: each must be found in a line of the output (a line
//! ending in `...` is matched up to there), and `[exit N]` gives the exit code (0 otherwise).
//! Plain ```sh blocks are illustrations (paths like /srv/archive) and are not run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Step {
    file: String,
    command: String,
    shows: Vec<String>,
    exit: i32,
}

fn console_steps(file: &Path) -> Vec<Step> {
    let text = std::fs::read_to_string(file).unwrap();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let mut steps: Vec<Step> = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let trimmed = line.trim_end();
        if !inside {
            inside = trimmed == "```console";
            continue;
        }
        if trimmed.starts_with("```") {
            inside = false;
            continue;
        }
        if let Some(command) = trimmed.strip_prefix("$ ") {
            steps.push(Step {
                file: name.clone(),
                command: command.to_string(),
                shows: Vec::new(),
                exit: 0,
            });
        } else if let Some(step) = steps.last_mut() {
            if let Some(code) = trimmed
                .strip_prefix("[exit ")
                .and_then(|r| r.strip_suffix(']'))
            {
                step.exit = code.parse().expect("[exit N]");
            } else if !trimmed.is_empty() {
                step.shows.push(trimmed.to_string());
            }
        }
    }
    steps
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn console_blocks_in_the_docs_run_as_shown() {
    let root = root();
    let mut files = vec![root.join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_tomtat")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    let mut problems = Vec::new();
    for file in &files {
        for step in console_steps(file) {
            let out = Command::new("sh")
                .arg("-c")
                .arg(format!("{{ {}\n}} 2>&1", step.command))
                .current_dir(&root)
                .env("PATH", &path)
                .stdin(Stdio::null())
                .output()
                .expect("run sh");
            ran += 1;
            let output = String::from_utf8_lossy(&out.stdout);
            let code = out.status.code().unwrap_or(-1);
            if code != step.exit {
                problems.push(format!(
                    "{}: `{}` exited {code}, the doc says {}:\n{output}",
                    step.file, step.command, step.exit
                ));
            }
            for shown in &step.shows {
                let want = shown.strip_suffix("...").unwrap_or(shown).trim_end();
                if !output.lines().any(|l| l.contains(want)) {
                    problems.push(format!(
                        "{}: `{}` does not show `{want}`; it printed:\n{output}",
                        step.file, step.command
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {ran} documented commands differ:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
    assert!(ran >= 8, "only {ran} documented commands found");
}

#[test]
fn the_parser_reads_steps_and_exit_codes() {
    let dir = std::env::temp_dir().join(format!("tomtat-docs-parse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("x.md");
    std::fs::write(
        &f,
        "```sh\n$ not run\n```\n```console\n$ echo a\na\n$ false\n[exit 1]\n```\n",
    )
    .unwrap();
    let steps = console_steps(&f);
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0].shows, ["a"]);
    assert_eq!(steps[1].exit, 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

//! The Word briefing opened by the office suite: LibreOffice headless (Debian package
//! `libreoffice-writer-nogui`) converts each `.docx` to PDF without errors, and the project's
//! own .docx reader finds the key picks in order. Skips with one line when LibreOffice is
//! absent, unless `TOMTAT_REQUIRE_OFFICE` is set (CI, `.ci/steps/51-docx-libreoffice.sh`).

use std::path::{Path, PathBuf};
use std::process::Command;
use tomtat::{brief, docx, Pipeline, PipelineOptions, Record};

fn office() -> Option<PathBuf> {
    let found = ["libreoffice", "soffice"].iter().find_map(|n| {
        std::env::var_os("PATH").and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(n))
                .find(|p| p.is_file())
        })
    });
    if found.is_none() {
        if std::env::var_os("TOMTAT_REQUIRE_OFFICE").is_some() {
            panic!("TOMTAT_REQUIRE_OFFICE is set but no libreoffice was found");
        }
        eprintln!("skipped: no libreoffice on PATH (apt-get install -y libreoffice-writer-nogui)");
    }
    found
}

fn record_of(pipeline: &Pipeline, id: &str, text: &str) -> Record {
    let t = tomtat::text::Text::from_str_with(text, &pipeline.options.text);
    Record::Summary(Box::new(pipeline.summarize_text(id, id, &t)))
}

#[test]
fn docx_reads_back_and_converts_with_libreoffice() {
    let pipeline = Pipeline::new(PipelineOptions::default());
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut docs = Vec::new();
    for n in ["000", "019", "037"] {
        let text = std::fs::read_to_string(corpus.join(format!("{n}.txt"))).unwrap();
        docs.push((format!("{n}.txt"), text));
    }
    docs.push((
        "hostile & <odd>.txt".into(),
        "Thu ngân sách đạt 25,5 tỉ đồng <w:p> & \u{1} \"x\", đạt 110% kế hoạch.\nTuy nhiên, còn hạn chế </w:t> trong công tác cán bộ.\nThời gian tới cần tập trung chỉ đạo.".into(),
    ));
    let work = std::env::temp_dir().join(format!("tomtat-docx-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let mut files = Vec::new();
    for (k, (id, text)) in docs.iter().enumerate() {
        let record = record_of(&pipeline, id, text);
        let bytes = docx::docx(&record);
        // read back with the project's own reader: the key picks, in order
        let back = tomtat::formats::extract(Path::new("x.docx"), &bytes, &Default::default())
            .expect("reads back");
        let back = back.as_str();
        let Record::Summary(s) = &record else {
            panic!("summary")
        };
        let mut at = 0;
        for (_, _, picks) in brief::parts(s) {
            for p in brief::key_picks(picks, brief::KEY_UNITS) {
                // as the writer keeps it: tabs and line breaks as spaces, other controls dropped
                let want: String = p
                    .text
                    .chars()
                    .filter(|&c| c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
                    .map(|c| if c < ' ' { ' ' } else { c })
                    .collect();
                let k = back[at..].find(want.as_str()).unwrap_or_else(|| {
                    panic!("{id}: pick of unit {} missing or out of order", p.unit)
                });
                at += k + want.len();
            }
        }
        let file = work.join(format!("doc{k}.docx"));
        std::fs::write(&file, bytes).unwrap();
        files.push(file);
    }
    let Some(bin) = office() else { return };
    let profile = work.join("profile");
    let out = Command::new(bin)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&work)
        .args(&files)
        .output()
        .expect("libreoffice runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "libreoffice failed: {stderr}");
    assert!(
        !stderr.to_lowercase().contains("error"),
        "libreoffice: {stderr}"
    );
    for f in &files {
        let pdf = f.with_extension("pdf");
        let bytes = std::fs::read(&pdf)
            .unwrap_or_else(|_| panic!("{} not converted: {stderr}", f.display()));
        assert!(
            bytes.starts_with(b"%PDF") && bytes.len() > 2000,
            "{}",
            pdf.display()
        );
    }
    let _ = std::fs::remove_dir_all(&work);
}

//! The batch attacked as an unattended archive sweep meets it (issue 11): every input below is
//! built here (nothing large is committed), run under an address-space limit, and checked for:
//! every input accounted for (a record or an error record), no process killed by a signal, a
//! time limit per case, peak RSS under 1 GB (of the batch and of its parser workers), nothing
//! written outside `--out`, and a kill-then-resume loop that leaves complete outputs only.

use serde_json::Value;
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const GB: i64 = 1 << 30;

/// Run tomtat under a 4 GB address-space limit, feeding `stdin`, killing it after `limit`.
fn run(args: &[&str], stdin: Option<Vec<u8>>, limit: Duration) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 4194304 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_tomtat"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tomtat");
    let feeder = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let watchdog = {
        let pid = child.id();
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let t = std::thread::spawn(move || {
            // Only on the time limit: a closed channel means the child has ended (its pid may
            // already belong to another process).
            if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(limit) {
                let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            }
        });
        (tx, t)
    };
    let out = child.wait_with_output().unwrap();
    drop(watchdog.0);
    watchdog.1.join().unwrap();
    if let Some(f) = feeder {
        f.join().unwrap();
    }
    let took = start.elapsed();
    assert!(
        took < limit,
        "{args:?}: over the time limit {limit:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        out.status.signal(),
        None,
        "{args:?}: killed by a signal: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_peak_rss_under_1gb();
    (out, took)
}

/// The largest resident set of any process this test binary has waited for (tomtat and, through
/// it, its parser workers).
fn assert_peak_rss_under_1gb() {
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .expect("getrusage");
    let kb = usage.max_rss() as i64;
    assert!(kb * 1024 < GB, "peak RSS {} MB", kb >> 10);
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn error_of(r: &Value) -> Option<&str> {
    r.get("error").and_then(Value::as_str)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tomtat-attack-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../corpus")
            .join(name),
    )
    .unwrap()
}

/// Every file under `dir`, relative.
fn tree(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.push(p.strip_prefix(root).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

// ---- PDF builders ----

fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(data: &[u8], dict: &str) -> Vec<u8> {
    let mut s = format!("<< /Length {} {dict} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

fn page_pdf(content: Vec<u8>, extra: Vec<Vec<u8>>, xobjects: &str, filter: &str) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> {xobjects} >> >>").into_bytes(),
        stream(&content, filter),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend(extra);
    pdf(&objects)
}

/// A form XObject that draws itself: unbounded recursion in the PDF library.
fn self_drawing_pdf() -> Vec<u8> {
    page_pdf(
        b"BT /F1 12 Tf 10 10 Td (Hello) Tj ET /X1 Do".to_vec(),
        vec![stream(
            b"/X1 Do",
            "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 6 0 R >> >>",
        )],
        "/XObject << /X1 6 0 R >>",
        "",
    )
}

/// A zlib stream that inflates to `prefix` then `unit` repeated to about `total` bytes, at 13
/// bits per 258 bytes (fixed-Huffman matches), with a correct Adler-32.
fn zlib_bomb(prefix: &[u8], unit: &[u8], total: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, v: u64, n: u32) {
            self.acc |= v << self.n;
            self.n += n;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        fn huff(&mut self, code: u64, n: u32) {
            let rev = (0..n).fold(0, |r, i| (r << 1) | ((code >> i) & 1));
            self.put(rev, n);
        }
        fn literal(&mut self, b: u8) {
            if b < 144 {
                self.huff(0x30 + b as u64, 8);
            } else {
                self.huff(0x190 + (b as u64 - 144), 9);
            }
        }
    }
    assert!((1..=8).contains(&unit.len()));
    let mut bits = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // final block
    bits.put(1, 2); // fixed Huffman
    let mut data_len = 0u64;
    for &b in prefix.iter().chain(unit) {
        bits.literal(b);
        data_len += 1;
    }
    let (dcode, extra_bits, extra) = match unit.len() {
        d @ 1..=4 => (d as u64 - 1, 0, 0),
        d @ 5..=6 => (4, 1, d as u64 - 5),
        d => (5, 1, d as u64 - 7),
    };
    let matches = total / 258;
    for _ in 0..matches {
        bits.huff(0b1100_0101, 8); // length 258 (code 285)
        bits.huff(dcode, 5);
        bits.put(extra, extra_bits);
    }
    data_len += matches * 258;
    bits.huff(0, 7); // end of block
    if bits.n > 0 {
        bits.put(0, 8 - bits.n);
    }
    // Adler-32 of prefix, then the unit repeated.
    let (mut a, mut b) = (1u64, 0u64);
    let mut count = 0u64;
    for &x in prefix {
        a = (a + x as u64) % 65521;
        b = (b + a) % 65521;
        count += 1;
    }
    let unit_sum: u64 = unit.iter().map(|&x| x as u64).sum();
    let reps = (data_len - count) / unit.len() as u64;
    if unit.len() == 1 {
        // Closed form for n copies of one byte v: a += n v, b += n a0 + v n (n + 1) / 2.
        let (n, v) = (reps as u128, unit[0] as u128);
        let a0 = a as u128;
        b = ((b as u128 + n * a0 + v * n * (n + 1) / 2) % 65521) as u64;
        a = ((a0 + n * v) % 65521) as u64;
    } else {
        for _ in 0..reps {
            for &x in unit {
                a = (a + x as u64) % 65521;
                b = (b + a) % 65521;
            }
        }
        let _ = unit_sum;
    }
    let mut out = bits.out;
    out.extend_from_slice(&(((b << 16) | a) as u32).to_be_bytes());
    out
}

fn bomb_pdf(unit: &[u8], total: u64) -> Vec<u8> {
    let content = zlib_bomb(b"BT /F1 1 Tf ", unit, total);
    page_pdf(content, vec![], "", "/Filter /FlateDecode")
}

/// A .docx whose body is `n` pairs of an open tag and an end tag that matches nothing.
fn unmatched_tags_docx(n: usize) -> Vec<u8> {
    let mut body = String::from(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Thu ngân sách đạt 25,5 tỷ đồng, tăng 5% so với cùng kỳ năm trước.</w:t></w:r></w:p>"#,
    );
    for i in 0..n {
        body.push_str(&format!("<w:p></w:x{}>", i % 5000));
    }
    body.push_str("</w:body></w:document>");
    let ct = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    tomtat_formats::write_zip(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("word/document.xml", body.as_bytes()),
    ])
}

#[test]
fn crashing_and_exploding_pdfs_become_error_records_and_the_batch_goes_on() {
    let dir = temp_dir("pdf");
    std::fs::write(dir.join("a-selfdraw.pdf"), self_drawing_pdf()).unwrap();
    // 3 MB of compressed 'A's that inflate to 1.5 GB.
    std::fs::write(dir.join("b-bomb.pdf"), bomb_pdf(b"A", 1_500_000_000)).unwrap();
    // 20 M text-showing operators from a small stream.
    std::fs::write(
        dir.join("c-operators.pdf"),
        bomb_pdf(b"(a)Tj\n", 120_000_000),
    )
    .unwrap();
    std::fs::write(dir.join("d-ok.txt"), corpus("000.txt")).unwrap();
    let d = dir.display().to_string();
    let (out, _) = run(
        &["summarize", &d, "-q", "--parse-timeout", "20"],
        None,
        Duration::from_secs(100),
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 4, "{}", String::from_utf8_lossy(&out.stderr));
    let selfdraw = error_of(&recs[0]).expect("the self-drawing PDF fails");
    assert!(selfdraw.contains("PDF parser crashed"), "{selfdraw}");
    for r in &recs[1..3] {
        let e = error_of(r).unwrap_or_else(|| panic!("a bomb gave no error: {r}"));
        assert!(e.contains("PDF"), "{e}");
    }
    assert!(error_of(&recs[3]).is_none(), "{}", recs[3]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a-selfdraw.pdf: PDF parser crashed"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn jsonl_is_line_safe_and_lines_are_capped() {
    // One invalid UTF-8 byte on line 501 of 601.
    let mut feed = Vec::new();
    for i in 1..=601 {
        if i == 501 {
            feed.extend_from_slice(b"{\"id\":\"bad\",\"text\":\"Thu ng\xe2n s\xe1ch\"}\n");
        } else {
            feed.extend_from_slice(
                format!("{{\"id\":\"d{i}\",\"text\":\"Thu ngân sách đạt {i} tỷ đồng.\"}}\n")
                    .as_bytes(),
            );
        }
    }
    let (out, _) = run(
        &["summarize", "--jsonl", "-", "-q"],
        Some(feed),
        Duration::from_secs(60),
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 601);
    assert_eq!(recs[500]["id"], "line-501");
    assert!(error_of(&recs[500]).unwrap().contains("not UTF-8"));
    assert_eq!(recs.iter().filter(|r| error_of(r).is_some()).count(), 1);
    assert_eq!(recs[600]["id"], "d601");
    assert_eq!(out.status.code(), Some(1));

    // A 100 MB line, then a good one.
    let mut feed = b"{\"id\":\"huge\",\"text\":\"".to_vec();
    feed.resize(100 << 20, b'a');
    feed.extend_from_slice(
        "\"}\n{\"id\":\"after\",\"text\":\"Thu ngân sách đạt 5 tỷ đồng.\"}\n".as_bytes(),
    );
    let (out, _) = run(
        &["summarize", "--jsonl", "-", "-q"],
        Some(feed),
        Duration::from_secs(60),
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"], "line-1");
    assert!(error_of(&recs[0]).unwrap().contains("--max-line-mb"));
    assert!(error_of(&recs[1]).is_none());
}

#[test]
fn large_texts_fifos_and_devices_are_refused_at_once() {
    let dir = temp_dir("sizes");
    // 84 MB of real text.
    let base = corpus("001.txt");
    let mut big = Vec::with_capacity(85 << 20);
    while big.len() < 84 << 20 {
        big.extend_from_slice(&base);
    }
    std::fs::write(dir.join("a-big.txt"), &big).unwrap();
    drop(big);
    let fifo = dir.join("b-pipe.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::fs::write(dir.join("c-ok.txt"), corpus("002.txt")).unwrap();
    let d = dir.display().to_string();
    let (out, _) = run(
        &["summarize", &d, "/dev/zero", "-q"],
        None,
        Duration::from_secs(180),
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 4, "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        error_of(&recs[0]).unwrap().contains("too large"),
        "{}",
        recs[0]
    );
    assert!(error_of(&recs[1]).unwrap().contains("FIFO"), "{}", recs[1]);
    assert!(error_of(&recs[2]).is_none());
    assert!(
        error_of(&recs[3]).unwrap().contains("device"),
        "{}",
        recs[3]
    );
    // Raising the limit summarizes it, within the memory bound.
    let (out, _) = run(
        &[
            "summarize",
            &dir.join("c-ok.txt").display().to_string(),
            "--max-text-mb",
            "1",
            "-q",
        ],
        None,
        Duration::from_secs(60),
    );
    assert!(error_of(&records(&out)[0]).is_none());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unmatched_end_tags_take_linear_time() {
    let dir = temp_dir("xml");
    std::fs::write(dir.join("tags.docx"), unmatched_tags_docx(1_000_000)).unwrap();
    let f = dir.join("tags.docx").display().to_string();
    let (out, took) = run(&["summarize", &f, "-q"], None, Duration::from_secs(60));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert!(error_of(&recs[0]).is_none(), "{}", recs[0]);
    eprintln!("10^6 unmatched end tags: {took:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_names_are_safe_unique_and_inside_the_out_folder() {
    use std::os::unix::ffi::OsStrExt;
    let root = temp_dir("names");
    let input = root.join("in");
    std::fs::create_dir_all(input.join("a")).unwrap();
    let text = corpus("003.txt");
    for name in [&b"x\xe9.txt"[..], b"x\xff.txt", b"a\\b.txt", b"a/b.txt"] {
        std::fs::write(input.join(std::ffi::OsStr::from_bytes(name)), &text).unwrap();
    }
    let out_dir = root.join("out");
    let o = out_dir.display().to_string();
    let (out, _) = run(
        &["summarize", &input.display().to_string(), "--out", &o, "-q"],
        None,
        Duration::from_secs(60),
    );
    let recs = records(&out);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a/b.txt", "a\\b.txt", "x%E9.txt", "x%FF.txt"]);
    assert_eq!(tree(&out_dir).len(), 4 + 2 * 4, "{:?}", tree(&out_dir));

    // JSON-lines ids that name nothing, a folder, a batch file or another document.
    let line = |id: &str| {
        serde_json::json!({"id": id, "text": "Thu ngân sách đạt 25,5 tỷ đồng, tăng 5% so với cùng kỳ."})
            .to_string()
    };
    let ids = [
        "..",
        ".",
        "",
        "/",
        "/etc/x",
        "../../escape",
        "digest",
        "index",
        "indicators",
        "dup",
        "dup",
        "DUP",
        "=HYPERLINK(\"http://x\")",
        "@SUM(1)",
    ];
    let feed: String = ids.iter().map(|id| line(id) + "\n").collect();
    let out_dir = root.join("out2");
    let o = out_dir.display().to_string();
    let (out, _) = run(
        &["summarize", "--jsonl", "-", "--out", &o, "-q"],
        Some(feed.into_bytes()),
        Duration::from_secs(60),
    );
    let recs = records(&out);
    assert_eq!(recs.len(), ids.len());
    assert!(recs.iter().all(|r| error_of(r).is_none()), "{recs:?}");
    let got: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(&got[9..12], ["dup", "dup~2", "DUP~3"]);
    // Nothing beside the two output folders and the input.
    let mut top: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    top.sort();
    assert_eq!(top, ["in", "out", "out2"]);
    let files = tree(&out_dir);
    assert_eq!(files.len(), 4 + 2 * ids.len(), "{files:?}");
    assert!(files.iter().all(|f| !f.ends_with(".tmp")), "{files:?}");
    let digest = std::fs::read_to_string(out_dir.join("digest.md")).unwrap();
    assert!(digest.starts_with("# ") && !digest.contains('\0'));
    let csv = std::fs::read_to_string(out_dir.join("indicators.csv")).unwrap();
    for row in csv.lines() {
        let first = row.trim_start_matches('"');
        assert!(!first.starts_with(['=', '+', '@', '\t']), "formula: {row}");
    }
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn an_out_folder_inside_the_input_is_not_read_back() {
    let root = temp_dir("inside");
    std::fs::write(root.join("a.txt"), corpus("004.txt")).unwrap();
    let r = root.display().to_string();
    let o = root.join("out").display().to_string();
    for _ in 0..2 {
        let (out, _) = run(
            &["summarize", &r, "--out", &o, "-q"],
            None,
            Duration::from_secs(60),
        );
        let recs = records(&out);
        assert_eq!(recs.len(), 1, "{recs:?}");
        assert_eq!(out.status.code(), Some(0));
    }
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn html_and_docx_outputs_use_the_safe_names_and_resume_checks_them() {
    let root = temp_dir("views");
    let ids = ["../x", "dup", "dup", "index", "<script>alert(1)</script>"];
    let feed: String = ids
        .iter()
        .map(|id| {
            serde_json::json!({"id": id, "text": "Thu ngân sách đạt 25,5 tỷ đồng, tăng 5% so với cùng kỳ."})
                .to_string()
                + "\n"
        })
        .collect();
    let summarize = |out_dir: &Path, format: &str, resume: bool| {
        let o = out_dir.display().to_string();
        let mut args = vec!["summarize", "--jsonl", "-", "--out", &o, "--format", format];
        if resume {
            args.push("--skip-existing");
        }
        let (out, _) = run(
            &args,
            Some(feed.clone().into_bytes()),
            Duration::from_secs(60),
        );
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let html = root.join("html");
    summarize(&html, "html", false);
    let files = tree(&html);
    assert!(files.iter().all(|f| !f.ends_with(".tmp")), "{files:?}");
    // Per document .json, .md and .html; the batch files and index.html.
    assert_eq!(files.len(), 5 + 3 * ids.len(), "{files:?}");
    assert!(files.contains(&"%2E./x.html".to_string()), "{files:?}");
    assert!(files.contains(&"dup~2.html".to_string()), "{files:?}");
    assert!(files.contains(&"%69ndex.html".to_string()), "{files:?}");
    // Every link of index.html names a page that is there.
    let index = std::fs::read_to_string(html.join("index.html")).unwrap();
    let links: Vec<String> = index
        .split("<a href=\"")
        .skip(1)
        .map(|rest| percent_decode(&rest[..rest.find('"').unwrap()].replace("&amp;", "&")))
        .collect();
    assert_eq!(links.len(), ids.len(), "{index}");
    for link in &links {
        assert!(html.join(link).is_file(), "{link} in index.html: {files:?}");
    }
    assert!(!index.contains("<script>alert"), "escaped");

    // A resumed run keeps complete documents, and redoes the one whose page is missing.
    let stderr = summarize(&html, "html", true);
    assert!(stderr.contains("0 summarized, 5 kept"), "{stderr}");
    std::fs::remove_file(html.join("dup~2.html")).unwrap();
    let stderr = summarize(&html, "html", true);
    assert!(stderr.contains("1 summarized, 4 kept"), "{stderr}");
    assert!(html.join("dup~2.html").is_file());

    // A Markdown run's folder has no Word files: resuming as docx writes them all.
    let docx = root.join("docx");
    summarize(&docx, "md", false);
    let stderr = summarize(&docx, "docx", true);
    assert!(stderr.contains("5 summarized"), "{stderr}");
    let files = tree(&docx);
    assert_eq!(files.len(), 4 + 3 * ids.len(), "{files:?}");
    assert!(files.iter().filter(|f| f.ends_with(".docx")).count() == ids.len());
    std::fs::remove_dir_all(&root).unwrap();
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn kill_then_resume_leaves_complete_outputs_only() {
    let root = temp_dir("resume");
    let input = root.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let n = 24;
    for i in 0..n {
        let mut t = corpus(&format!("{:03}.txt", i % 40));
        t.extend_from_slice(format!("\nBản sao số {i}.\n").as_bytes());
        std::fs::write(input.join(format!("{i:03}.txt")), t).unwrap();
    }
    let out_dir = root.join("out");
    let args = [
        "summarize",
        input.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--skip-existing",
        "-q",
        "--jobs",
        "2",
    ];
    // Kill runs at growing delays until one finishes.
    let mut finished = false;
    for round in 0..30 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tomtat"))
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(150 + 150 * round));
        if child.try_wait().unwrap().is_some() {
            finished = true;
            break;
        }
        child.kill().unwrap();
        child.wait().unwrap();
    }
    let (out, _) = run(&args, None, Duration::from_secs(120));
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{n} documents")), "{stderr}");
    let recs = records(&out);
    assert_eq!(recs.len(), n);
    let files = tree(&out_dir);
    assert_eq!(files.len(), 4 + 2 * n, "{files:?}");
    for f in &files {
        let bytes = std::fs::read(out_dir.join(f)).unwrap();
        assert!(!bytes.is_empty(), "{f} is empty");
        if f.ends_with(".json") {
            let v: Value = serde_json::from_slice(&bytes).unwrap();
            assert!(v["source_digest"].is_string());
        }
    }
    // A resumed run over complete outputs keeps them all, and says so.
    let (out, _) = run(&args, None, Duration::from_secs(60));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("0 summarized, {n} kept from an earlier run")),
        "{stderr}"
    );
    // A changed source is summarized again.
    std::fs::write(input.join("000.txt"), corpus("041.txt")).unwrap();
    let (out, _) = run(&args, None, Duration::from_secs(60));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 summarized"),
        "{stderr} (finished early: {finished})"
    );
    std::fs::remove_dir_all(&root).unwrap();
}

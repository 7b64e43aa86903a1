//! The HTML page checked in a real browser: headless Chromium (Debian package `chromium`)
//! loads each page from a `file://` URL with the network off; every pick of the JSON must be
//! a `<mark>` with the right `data-part` and `data-unit`, no request may leave the page (from
//! Chromium's own network log), a hostile document's `<script>` stays text, and a screenshot
//! is not blank. Skips with one line when Chromium is absent, unless `TOMTAT_REQUIRE_BROWSER`
//! is set (CI, `.ci/steps/50-html-chromium.sh`).

use std::path::{Path, PathBuf};
use std::process::Command;
use tomtat::{brief, html, Pipeline, PipelineOptions, Record};

fn chromium() -> Option<PathBuf> {
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "headless_shell",
    ];
    let found = std::env::var_os("TOMTAT_CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(names.iter().flat_map(|n| {
            std::env::var_os("PATH")
                .map(|p| {
                    std::env::split_paths(&p)
                        .map(|d| d.join(n))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        }))
        .find(|p| p.is_file());
    if found.is_none() {
        if std::env::var_os("TOMTAT_REQUIRE_BROWSER").is_some() {
            panic!("TOMTAT_REQUIRE_BROWSER is set but no chromium was found");
        }
        eprintln!("skipped: no chromium on PATH (apt-get install -y chromium)");
    }
    found
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tomtat-browser-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Run headless Chromium with the network off; returns stdout.
fn run_chromium(bin: &Path, work: &Path, args: &[String], url: &str) -> String {
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--metrics-recording-only",
            "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--allow-file-access-from-files",
        ])
        .arg(format!(
            "--user-data-dir={}",
            work.join("profile").display()
        ))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `(data-part, data-unit)` of every `<mark>` of a serialized DOM.
fn marks(dom: &str) -> Vec<(String, usize)> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let k = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let e = tag[k..].find('"')? + k;
        Some(tag[k..e].to_string())
    };
    dom.match_indices("<mark ")
        .filter_map(|(at, _)| {
            let tag = &dom[at..at + dom[at..].find('>')?];
            Some((
                attr(tag, "data-part")?,
                attr(tag, "data-unit")?.parse().ok()?,
            ))
        })
        .collect()
}

/// URLs other than `file:` and `data:` that a page loaded from a `file://` URL requested,
/// from Chromium's network log (the browser's own update and time checks are not the page's).
fn page_requests(netlog: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(netlog).expect("net log written");
    // Chromium may leave the JSON unterminated when it exits
    let log: serde_json::Value = serde_json::from_str(&text)
        .or_else(|_| serde_json::from_str(&format!("{}]}}", text.trim_end().trim_end_matches(','))))
        .expect("net log is JSON");
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"].as_u64();
    let mut urls = Vec::new();
    for e in log["events"].as_array().into_iter().flatten() {
        if e["type"].as_u64() != start_job {
            continue;
        }
        let p = &e["params"];
        let (Some(url), Some(nik)) = (p["url"].as_str(), p["network_isolation_key"].as_str())
        else {
            continue;
        };
        if nik.starts_with("file://") && !url.starts_with("file:") && !url.starts_with("data:") {
            urls.push(url.to_string());
        }
    }
    urls
}

fn page_of(pipeline: &Pipeline, id: &str, text: &str) -> (Record, String) {
    let t = tomtat::text::Text::from_str_with(text, &pipeline.options.text);
    let record = Record::Summary(Box::new(pipeline.summarize_text(id, id, &t)));
    let page = html::page(&record, Some(t.as_str()));
    (record, page)
}

const HOSTILE: &str = "Tổng thu ngân sách nhà nước đạt 832 tỷ đồng, đạt 104% dự toán; <script>document.title='pwned'</script> kết quả tích cực.\n\
Tuy nhiên, công tác giải phóng mặt bằng còn chậm <img src=\"http://example.com/x.png\"> và <a href=\"javascript:alert(2)\">đây</a> là hạn chế.\n\
Thời gian tới, các cấp ủy cần tập trung lãnh đạo thực hiện thắng lợi nhiệm vụ năm 2024 <iframe src=\"https://example.com\"></iframe>.";

#[test]
fn chromium_finds_every_pick_and_fetches_nothing() {
    let Some(bin) = chromium() else { return };
    let work = tmpdir("dom");
    let pipeline = Pipeline::new(PipelineOptions::default());
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut docs: Vec<(String, String)> = ["000", "008", "037"]
        .iter()
        .map(|n| {
            let text = std::fs::read_to_string(corpus.join(format!("{n}.txt"))).unwrap();
            (format!("{n}.txt"), text)
        })
        .collect();
    docs.push(("hostile.txt".into(), HOSTILE.into()));
    for (id, text) in &docs {
        let (record, page) = page_of(&pipeline, id, text);
        let file = work.join(format!("{id}.html"));
        std::fs::write(&file, &page).unwrap();
        let netlog = work.join(format!("{id}.netlog.json"));
        let url = format!("file://{}", file.display());
        let dom = run_chromium(
            &bin,
            &work,
            &[
                "--dump-dom".into(),
                format!("--log-net-log={}", netlog.display()),
            ],
            &url,
        );
        let Record::Summary(s) = &record else {
            panic!("summary")
        };
        let found = marks(&dom);
        let mut picks = 0;
        for (part, _, list) in brief::parts(s) {
            for p in list {
                picks += 1;
                assert!(
                    found.contains(&(part.to_string(), p.unit)),
                    "{id}: pick of unit {} ({part}) is not a highlighted element",
                    p.unit
                );
            }
        }
        assert!(picks > 0, "{id}: no picks");
        // one script element (ours), and the title is not changed by the document's script
        assert_eq!(dom.matches("<script").count(), 1, "{id}: a script got in");
        assert!(!dom.contains("pwned</title>"));
        assert!(!dom.contains("<img") && !dom.contains("<iframe"), "{id}");
        if id == "hostile.txt" {
            assert!(dom.contains("&lt;script&gt;document.title"), "{dom}");
            assert!(dom.contains("javascript:alert(2)"), "shown as text");
            assert!(!dom.contains("<a href=\"javascript"));
            assert!(dom.contains("&lt;a href=\"javascript:alert(2)\"&gt;"));
        }
        // Chromium's network log: nothing but the page itself was requested
        let left = page_requests(&netlog);
        assert!(left.is_empty(), "{id}: requests left the page: {left:?}");
    }
    // the check itself can fail: a page with a remote image is caught
    let control = work.join("control.html");
    std::fs::write(
        &control,
        "<html><body><img src=\"http://example.com/x.png\">x</body></html>",
    )
    .unwrap();
    let netlog = work.join("control.netlog.json");
    run_chromium(
        &bin,
        &work,
        &[
            "--dump-dom".into(),
            format!("--log-net-log={}", netlog.display()),
        ],
        &format!("file://{}", control.display()),
    );
    assert_eq!(
        page_requests(&netlog),
        vec!["http://example.com/x.png".to_string()]
    );
    let _ = std::fs::remove_dir_all(&work);
}

#[test]
fn chromium_filters_the_batch_index() {
    let Some(bin) = chromium() else { return };
    let work = tmpdir("index");
    let pipeline = Pipeline::new(PipelineOptions::default());
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let entries: Vec<html::IndexEntry> = ["000", "019", "037"]
        .iter()
        .map(|n| {
            let text = std::fs::read_to_string(corpus.join(format!("{n}.txt"))).unwrap();
            let (record, _) = page_of(&pipeline, &format!("{n}.txt"), &text);
            html::IndexEntry::new(&record, html::href(&format!("{n}.txt.html")))
        })
        .collect();
    let file = work.join("index.html");
    std::fs::write(&file, html::index("Lô <thử>", &entries)).unwrap();
    // `uy ban kiem tra` finds 019 (its lead: Ủy ban Kiểm tra Trung ương) without tone marks
    let url = format!("file://{}#q=uy%20ban%20kiem%20tra", file.display());
    let dom = run_chromium(&bin, &work, &["--dump-dom".into()], &url);
    let rows: Vec<&str> = dom.split("<tr").skip(2).collect();
    assert_eq!(rows.len(), 3, "{dom}");
    let shown: Vec<bool> = rows.iter().map(|r| !r.starts_with(" hidden")).collect();
    assert!(shown[1], "019 shown: {dom}");
    assert!(shown.iter().filter(|&&s| s).count() < 3, "filtered: {dom}");
    assert!(dom.contains("Lô &lt;thử&gt;"));
    let _ = std::fs::remove_dir_all(&work);
}

#[test]
fn chromium_screenshot_is_not_blank() {
    let Some(bin) = chromium() else { return };
    let work = tmpdir("shot");
    let pipeline = Pipeline::new(PipelineOptions::default());
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let text = std::fs::read_to_string(corpus.join("000.txt")).unwrap();
    let (_, page) = page_of(&pipeline, "000.txt", &text);
    let file = work.join("000.html");
    std::fs::write(&file, page).unwrap();
    let png = work.join("shot.png");
    run_chromium(
        &bin,
        &work,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1100,1400".into(),
            "--hide-scrollbars".into(),
        ],
        &format!("file://{}", file.display()),
    );
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    // the pixels: inflate the IDAT chunks and count bytes that are neither white, black
    // nor a PNG filter type; a blank page has next to none
    let mut idat = Vec::new();
    let mut at = 8;
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let kind = &bytes[at + 4..at + 8];
        if kind == b"IDAT" {
            idat.extend_from_slice(&bytes[at + 8..at + 8 + len]);
        }
        at += 12 + len;
    }
    let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&idat).expect("PNG data inflates");
    let ink = raw.iter().filter(|&&b| !matches!(b, 0..=4 | 255)).count();
    let share = ink as f64 / raw.len() as f64;
    assert!(share > 0.01, "screenshot looks blank ({share:.4} ink)");
    let _ = std::fs::remove_dir_all(&work);
}

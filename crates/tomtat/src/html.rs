//! HTML briefings: one self-contained page a document (no external script, style, font or
//! image; a Content-Security-Policy forbids fetching anything), and a batch index.
//!
//! The page has the leader's page on top (lead, key units of each part, headline indicators,
//! main tasks) and the full text below, where every picked unit is a
//! `<mark data-part="result|shortcoming|directive" data-unit="N">` (N the unit index of the
//! JSON); clicking a bullet scrolls to it, and its reasons are in Vietnamese in its tooltip and
//! in the bullet's details. All document text is escaped.

use crate::brief;
use crate::output::{PickOut, Record, Summary};
use std::fmt::Write;

/// Escape text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

const STYLE: &str = r#"
body{font-family:"Times New Roman",Times,serif;font-size:17px;line-height:1.5;max-width:60em;margin:0 auto;padding:1em 1.5em;color:#111;background:#fff}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.4em}
.src{color:#555;font-size:.9em}.lead{font-size:1.05em;background:#f4f4f4;border-left:4px solid #888;padding:.4em .8em}
ul.picks li{margin:.35em 0}ul.picks a{color:inherit;text-decoration:none}ul.picks a:hover{text-decoration:underline}
li.result{border-left:5px solid #2e7d32;padding-left:.5em;list-style:none}
li.shortcoming{border-left:5px solid #c62828;padding-left:.5em;list-style:none}
li.directive{border-left:5px solid #1565c0;padding-left:.5em;list-style:none}
details{font-size:.85em;color:#444}summary{cursor:pointer;color:#666}
table{border-collapse:collapse;width:100%;font-size:.95em}td,th{border:1px solid #bbb;padding:.2em .4em;vertical-align:top}th{background:#eee}td.n{text-align:right;white-space:nowrap}
.text{white-space:pre-wrap;font-size:.95em}
mark{padding:0 .1em;border-radius:2px}mark[data-part=result],mark[data-legend=result]{background:#c8e6c9}mark[data-part=shortcoming],mark[data-legend=shortcoming]{background:#ffcdd2}mark[data-part=directive],mark[data-legend=directive]{background:#bbdefb}
mark:target,mark.on{outline:3px solid #f9a825}
.legend mark{margin-right:.6em}
@media (min-width:1300px){body{max-width:none;display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:2em}header{grid-column:1/3}.source{position:sticky;top:0;max-height:100vh;overflow:auto}}
@media print{.source{display:none}details{display:none}}
"#;

const SCRIPT: &str = r#"
document.addEventListener('click',function(e){var a=e.target.closest('a[data-unit]');if(!a)return;var m=document.getElementById('u'+a.getAttribute('data-unit'));if(!m)return;e.preventDefault();document.querySelectorAll('mark.on').forEach(function(x){x.classList.remove('on')});m.classList.add('on');m.scrollIntoView({behavior:'smooth',block:'center'});});
"#;

fn head(title: &str, out: &mut String) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"referrer\" content=\"no-referrer\">\
<title>{}</title><style>{STYLE}</style></head><body>\n",
        escape(title)
    );
}

/// The page of one record; `text` is the normalized text the summary was made from (the text
/// section is left out without it).
pub fn page(record: &Record, text: Option<&str>) -> String {
    let mut out = String::new();
    match record {
        Record::Error(e) => {
            head(&e.id, &mut out);
            let _ = write!(
                out,
                "<h1>{}</h1><p class=\"src\">Nguồn: {}</p><p><strong>Lỗi:</strong> {}</p>",
                escape(&e.id),
                escape(&e.source),
                escape(&e.error)
            );
        }
        Record::Summary(s) => summary_page(s, text, &mut out),
    }
    out.push_str("</body></html>\n");
    out
}

fn pick_item(part: &str, p: &PickOut, out: &mut String) {
    let _ = writeln!(
        out,
        "<li class=\"{part}\"><a href=\"#u{u}\" data-unit=\"{u}\">{}</a><details><summary>Lý do chọn</summary>{}</details></li>",
        escape(brief::bullet_text(&p.text)),
        escape(&brief::reasons_vi(p)),
        u = p.unit
    );
}

fn summary_page(s: &Summary, text: Option<&str>, out: &mut String) {
    head(&s.id, out);
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p class=\"src\">Nguồn: {} · {} câu · kết quả {} · hạn chế {} · chỉ đạo {} · {} chỉ tiêu · {} nhiệm vụ</p></header>",
        escape(&s.id),
        escape(&s.source),
        s.units,
        s.part_sizes.result,
        s.part_sizes.shortcoming,
        s.part_sizes.directive,
        s.indicators.len(),
        s.tasks.len()
    );
    out.push_str("<section class=\"brief\">\n");
    if !s.lead.is_empty() {
        let lead: Vec<&str> = s.lead.iter().map(|l| l.text.as_str()).collect();
        let _ = writeln!(
            out,
            "<p class=\"lead\">{}</p>",
            escape(&brief::lead_line(&lead))
        );
    }
    if s.lead.is_empty() && brief::parts(s).iter().all(|(_, _, p)| p.is_empty()) {
        out.push_str(
            "<p class=\"src\">Không tìm thấy câu nêu kết quả, hạn chế hay nhiệm vụ.</p>\n",
        );
    }
    for (part, title, picks) in brief::parts(s) {
        if picks.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<h2>{title}</h2>\n<ul class=\"picks\">");
        let key = brief::key_picks(picks, brief::KEY_UNITS);
        for p in &key {
            pick_item(part, p, out);
        }
        out.push_str("</ul>\n");
        if picks.len() > key.len() {
            let _ = writeln!(
                out,
                "<details><summary>Thêm {} câu được chọn</summary><ul class=\"picks\">",
                picks.len() - key.len()
            );
            for p in picks {
                if !key.iter().any(|k| k.unit == p.unit) {
                    pick_item(part, p, out);
                }
            }
            out.push_str("</ul></details>\n");
        }
    }
    let heads = brief::headline_indicators(s, brief::HEADLINE_INDICATORS);
    if !heads.is_empty() {
        out.push_str("<h2>Chỉ tiêu chính</h2>\n<table class=\"indicators\"><tr><th>Chỉ tiêu</th><th>Số liệu</th><th>So với</th><th>Câu</th></tr>\n");
        for i in heads {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                escape(&i.name),
                escape(&brief::figure(i)),
                escape(&brief::comparison(i)),
                i.unit_index
            );
        }
        out.push_str("</table>\n");
    }
    let tasks = brief::main_tasks(s, brief::MAIN_TASKS);
    if !tasks.is_empty() {
        out.push_str("<h2>Nhiệm vụ chính</h2>\n<table class=\"tasks\"><tr><th>Nhiệm vụ</th><th>Chủ thể</th><th>Câu</th></tr>\n");
        for t in &tasks {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                escape(&t.text),
                escape(t.actor.as_deref().unwrap_or("")),
                t.unit
            );
        }
        out.push_str("</table>\n");
        if s.tasks.len() > tasks.len() {
            let _ = writeln!(
                out,
                "<p class=\"src\">và {} nhiệm vụ khác (tasks.csv, JSON)</p>",
                s.tasks.len() - tasks.len()
            );
        }
    }
    out.push_str("</section>\n");
    if let Some(text) = text {
        out.push_str("<section class=\"source\"><h2>Toàn văn</h2>\n<p class=\"legend\"><mark data-legend=\"result\">kết quả</mark><mark data-legend=\"shortcoming\">hạn chế</mark><mark data-legend=\"directive\">chỉ đạo</mark></p>\n<div class=\"text\">");
        highlighted_text(s, text, out);
        out.push_str("</div></section>\n");
    }
    let _ = writeln!(out, "<script>{SCRIPT}</script>");
}

/// The text with every pick wrapped in its `<mark>`. Picks are found by their text, in unit
/// order, from where the previous one ended (their byte ranges point at the source file,
/// which may be in another encoding or format).
fn highlighted_text(s: &Summary, text: &str, out: &mut String) {
    let mut picks: Vec<(&str, &PickOut)> = brief::parts(s)
        .into_iter()
        .flat_map(|(part, _, picks)| picks.iter().map(move |p| (part, p)))
        .collect();
    picks.sort_by_key(|(_, p)| p.unit);
    let mut at = 0;
    for (part, p) in picks {
        if p.text.is_empty() {
            continue;
        }
        let found = text[at..]
            .find(p.text.as_str())
            .map(|k| at + k)
            .or_else(|| text.find(p.text.as_str()).filter(|&k| k >= at));
        let Some(k) = found else { continue };
        out.push_str(&escape(&text[at..k]));
        let _ = write!(
            out,
            "<mark id=\"u{u}\" data-part=\"{part}\" data-unit=\"{u}\" title=\"{}\">{}</mark>",
            escape(&brief::reasons_vi(p)),
            escape(&p.text),
            u = p.unit
        );
        at = k + p.text.len();
    }
    out.push_str(&escape(&text[at..]));
}

/// One document of a batch index.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    pub id: String,
    /// Link to the document's page, relative to the index.
    pub href: String,
    pub error: Option<String>,
    pub counts: [usize; 5],
    /// The document's first result, shown under its name.
    pub headline: String,
}

impl IndexEntry {
    /// The entry of a record whose page is at `href`.
    pub fn new(record: &Record, href: String) -> IndexEntry {
        match record {
            Record::Error(e) => IndexEntry {
                id: e.id.clone(),
                href,
                error: Some(e.error.clone()),
                counts: [0; 5],
                headline: String::new(),
            },
            Record::Summary(s) => IndexEntry {
                id: s.id.clone(),
                href,
                error: None,
                counts: [
                    s.results.len(),
                    s.shortcomings.len(),
                    s.directives.len(),
                    s.indicators.len(),
                    s.tasks.len(),
                ],
                headline: s
                    .lead
                    .first()
                    .map(|l| l.text.clone())
                    .or_else(|| s.results.first().map(|p| p.text.clone()))
                    .unwrap_or_default(),
            },
        }
    }
}

/// A relative link to `path` (segments separated by `/`), percent-encoding what URLs reserve.
pub fn href(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    if out.starts_with('/') {
        out.insert(0, '.');
    }
    out
}

const INDEX_SCRIPT: &str = r#"
function fold(s){return s.normalize('NFD').replace(/[\u0300-\u036f]/g,'').replace(/đ/g,'d').replace(/Đ/g,'D').toLowerCase();}
var q=document.getElementById('q');
function filter(){var v=fold(q.value);var n=0;document.querySelectorAll('tbody tr').forEach(function(r){var ok=fold(r.textContent).indexOf(v)>=0;r.hidden=!ok;if(ok)n++;});document.getElementById('n').textContent=n;}
q.addEventListener('input',filter);
if(location.hash.indexOf('#q=')===0){q.value=decodeURIComponent(location.hash.slice(3));filter();}
"#;

/// The batch index: one row a document with its counts and a link to its page, filtered by
/// the text typed in the box (case and tone marks ignored; `index.html#q=TEXT` opens filtered).
pub fn index(title: &str, entries: &[IndexEntry]) -> String {
    let mut out = String::new();
    head(title, &mut out);
    let _ = write!(
        out,
        "<h1>{}</h1><p><input id=\"q\" type=\"search\" placeholder=\"Lọc theo tên hoặc nội dung…\" size=\"40\" aria-label=\"Lọc\"> <span id=\"n\">{}</span> văn bản</p>\n\
<table><thead><tr><th>Văn bản</th><th>Kết quả</th><th>Hạn chế</th><th>Chỉ đạo</th><th>Chỉ tiêu</th><th>Nhiệm vụ</th></tr></thead><tbody>\n",
        escape(title),
        entries.len()
    );
    for e in entries {
        match &e.error {
            Some(err) => {
                let _ = writeln!(
                    out,
                    "<tr class=\"error\"><td>{}<br><span class=\"src\">Lỗi: {}</span></td><td colspan=\"5\"></td></tr>",
                    escape(&e.id),
                    escape(err)
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<tr><td><a href=\"{}\">{}</a><br><span class=\"src\">{}</span></td>",
                    escape(&e.href),
                    escape(&e.id),
                    escape(&e.headline)
                );
                for c in e.counts {
                    let _ = write!(out, "<td class=\"n\">{c}</td>");
                }
                out.push_str("</tr>\n");
            }
        }
    }
    let _ = writeln!(
        out,
        "</tbody></table><script>{INDEX_SCRIPT}</script></body></html>"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Pipeline, PipelineOptions};

    fn summary(text: &str) -> Record {
        Pipeline::new(PipelineOptions::default()).summarize_bytes("t.txt", "t.txt", text.as_bytes())
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(href("2024/a b#1.txt.html"), "2024/a%20b%231.txt.html");
        assert_eq!(href("javascript:alert(1)"), "javascript%3Aalert%281%29");
    }

    #[test]
    fn hostile_text_stays_text_and_every_pick_is_marked() {
        let text = "Tổng thu ngân sách nhà nước đạt 832 tỷ đồng, đạt 104% dự toán, tăng 5% so với cùng kỳ; <script>alert(1)</script> kết quả tích cực.\n\
Tuy nhiên, công tác giải phóng mặt bằng còn chậm, <a href=\"javascript:alert(2)\">xem</a> là hạn chế.\n\
Thời gian tới, các cấp ủy cần tập trung lãnh đạo thực hiện thắng lợi nhiệm vụ năm 2024.";
        let record = summary(text);
        let html = page(&record, Some(text));
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("href=\"javascript"));
        assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
        let Record::Summary(s) = &record else {
            panic!("summary")
        };
        for (part, _, picks) in brief::parts(s) {
            for p in picks {
                let tag = format!("data-part=\"{part}\" data-unit=\"{}\"", p.unit);
                assert!(html.contains(&tag), "{tag} missing");
            }
        }
        assert!(s.results.len() + s.shortcomings.len() + s.directives.len() >= 2);
    }

    #[test]
    fn index_lists_and_links_documents() {
        let record = summary("Thu ngân sách đạt 25,5 tỉ đồng, đạt 110% kế hoạch.");
        let e = IndexEntry::new(&record, href("a/t.txt.html"));
        let html = index("Lô <1>", &[e]);
        assert!(html.contains("<a href=\"a/t.txt.html\">t.txt</a>"));
        assert!(html.contains("Lô &lt;1&gt;"));
        assert!(html.contains("id=\"q\""));
    }
}

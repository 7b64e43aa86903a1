//! Markdown, HTML and CSV views of a [`Synthesis`].

use crate::{Member, Synthesis};
use std::fmt::Write;
// One escaping per format, shared with the briefings: Markdown cells on one line with markup
// escaped, HTML text and attributes, CSV cells with spreadsheet formulas neutralised.
use tomtat::html::escape as h;
use tomtat::render::{csv_cell as csv_field, heading as md_escape};

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.2}")
    }
}

fn part_title(p: &str) -> &'static str {
    match p {
        "result" => "Kết quả (results)",
        "shortcoming" => "Hạn chế (shortcomings)",
        _ => "Chỉ đạo (directives)",
    }
}

fn link(m: &Member) -> String {
    format!("`{}` #{} [{}..{}]", m.id, m.unit, m.start, m.end)
}

/// The synthesis as Markdown.
pub fn markdown(s: &Synthesis) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# Tổng hợp / synthesis\n");
    let _ = writeln!(
        md,
        "{} văn bản · {} cụm nội dung lặp lại · {} chỉ tiêu so sánh · {} theo dõi thực hiện\n",
        s.documents.len(),
        s.clusters.len(),
        s.indicators.len(),
        s.follow_up.len()
    );
    let _ = writeln!(md, "## Văn bản (documents)\n");
    for g in &s.groups {
        let _ = writeln!(
            md,
            "- **{}** ({}): {}",
            md_escape(&g.key),
            g.documents.len(),
            g.documents.join(", ")
        );
    }
    md.push('\n');
    let _ = writeln!(
        md,
        "| id | cơ quan | cấp | tỉnh/TP | kỳ | ngày |\n|---|---|---|---|---|---|"
    );
    for d in &s.documents {
        let o = |v: &Option<String>| md_escape(v.as_deref().unwrap_or(""));
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} |",
            d.id,
            o(&d.body),
            o(&d.level),
            o(&d.province),
            o(&d.period),
            o(&d.date)
        );
    }
    md.push('\n');
    let _ = writeln!(md, "## Nội dung lặp lại (recurring content)\n");
    for part in crate::PARTS {
        let _ = writeln!(md, "### {}\n", part_title(part));
        let mut any = false;
        for c in s.clusters.iter().filter(|c| c.part == part) {
            any = true;
            let _ = writeln!(
                md,
                "- **{} văn bản**: {}",
                c.documents,
                md_escape(&c.representative)
            );
            for m in &c.members {
                let _ = writeln!(md, "  - {}: {}", link(m), md_escape(&m.text));
            }
        }
        if !any {
            md.push_str("_(không có)_\n");
        }
        md.push('\n');
    }
    let _ = writeln!(md, "## Chỉ tiêu (indicators side by side)\n");
    for ind in &s.indicators {
        let _ = writeln!(
            md,
            "### {} ({})\n\n| id | tỉnh/TP | kỳ | giá trị | như đã viết |\n|---|---|---|---:|---|",
            md_escape(&ind.name),
            md_escape(&ind.unit)
        );
        for r in &ind.rows {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} |",
                r.id,
                md_escape(r.province.as_deref().unwrap_or("")),
                md_escape(r.period.as_deref().unwrap_or("")),
                number(r.value),
                md_escape(&r.raw)
            );
        }
        md.push('\n');
    }
    let _ = writeln!(md, "## Theo dõi thực hiện (follow-up)\n");
    if s.follow_up.is_empty() {
        md.push_str("_(không có cơ quan nào có văn bản của hai kỳ)_\n");
    }
    for f in &s.follow_up {
        let _ = writeln!(
            md,
            "### {}: {} → {}\n",
            md_escape(&f.body),
            md_escape(&f.earlier.period),
            md_escape(&f.later.period)
        );
        for it in &f.items {
            let _ = writeln!(
                md,
                "- {} ({}): {}",
                link(&it.directive),
                it.status,
                md_escape(&it.directive.text)
            );
            for a in &it.answers {
                let _ = writeln!(
                    md,
                    "  - {} ({:.2}): {}",
                    link(a),
                    a.similarity,
                    md_escape(&a.text)
                );
            }
        }
        md.push('\n');
    }
    md
}

/// The synthesis as one self-contained HTML page, with a small bar chart per indicator.
pub fn html(s: &Synthesis) -> String {
    let mut o = String::from("<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tổng hợp</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:auto}td,th{border:1px solid #ccc;padding:2px 6px}table{border-collapse:collapse}.m{color:#555;font-size:90%}svg{display:block;margin:.5em 0}</style></head><body>\n<h1>Tổng hợp / synthesis</h1>\n");
    let _ = writeln!(
        o,
        "<p>{} văn bản · {} cụm · {} chỉ tiêu · {} theo dõi</p>",
        s.documents.len(),
        s.clusters.len(),
        s.indicators.len(),
        s.follow_up.len()
    );
    o.push_str("<h2>Văn bản</h2><table><tr><th>id</th><th>cơ quan</th><th>cấp</th><th>tỉnh/TP</th><th>kỳ</th><th>ngày</th></tr>\n");
    for d in &s.documents {
        let f = |v: &Option<String>| h(v.as_deref().unwrap_or(""));
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            h(&d.id),
            f(&d.body),
            f(&d.level),
            f(&d.province),
            f(&d.period),
            f(&d.date)
        );
    }
    o.push_str("</table>\n<h2>Nội dung lặp lại</h2>\n");
    for part in crate::PARTS {
        let _ = writeln!(o, "<h3>{}</h3><ol>", part_title(part));
        for c in s.clusters.iter().filter(|c| c.part == part) {
            let _ = writeln!(
                o,
                "<li><b>{} văn bản</b>: {}<ul>",
                c.documents,
                h(&c.representative)
            );
            for m in &c.members {
                let _ = writeln!(
                    o,
                    "<li class=\"m\"><code>{}</code> #{} [{}..{}]: {}</li>",
                    h(&m.id),
                    m.unit,
                    m.start,
                    m.end,
                    h(&m.text)
                );
            }
            o.push_str("</ul></li>\n");
        }
        o.push_str("</ol>\n");
    }
    o.push_str("<h2>Chỉ tiêu</h2>\n");
    for ind in &s.indicators {
        let _ = writeln!(o, "<h3>{} ({})</h3>", h(&ind.name), h(&ind.unit));
        let max = ind
            .rows
            .iter()
            .map(|r| r.value.abs())
            .fold(0.0, f64::max)
            .max(1e-9);
        let (bar_h, width) = (18, 480.0);
        let _ = writeln!(
            o,
            "<svg width=\"{}\" height=\"{}\" role=\"img\">",
            200.0 + width,
            ind.rows.len() * bar_h + 4
        );
        for (k, r) in ind.rows.iter().enumerate() {
            let w = (r.value.abs() / max * width).max(1.0);
            let y = k * bar_h;
            let _ = writeln!(o, "<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text><rect x=\"200\" y=\"{}\" width=\"{:.1}\" height=\"{}\" fill=\"#4a7\"/><text x=\"{:.1}\" y=\"{}\" font-size=\"11\">{}</text>", y + 13, h(&r.id), y + 2, w, bar_h - 4, 204.0 + w, y + 13, h(&number(r.value)));
        }
        o.push_str("</svg>\n<table><tr><th>id</th><th>tỉnh/TP</th><th>kỳ</th><th>giá trị</th><th>như đã viết</th></tr>\n");
        for r in &ind.rows {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                h(&r.id),
                h(r.province.as_deref().unwrap_or("")),
                h(r.period.as_deref().unwrap_or("")),
                number(r.value),
                h(&r.raw)
            );
        }
        o.push_str("</table>\n");
    }
    o.push_str("<h2>Theo dõi thực hiện</h2>\n");
    for f in &s.follow_up {
        let _ = writeln!(
            o,
            "<h3>{}: {} → {}</h3><ul>",
            h(&f.body),
            h(&f.earlier.period),
            h(&f.later.period)
        );
        for it in &f.items {
            let _ = writeln!(
                o,
                "<li>{} <i>({})</i><ul>",
                h(&it.directive.text),
                h(&it.status)
            );
            for a in &it.answers {
                let _ = writeln!(
                    o,
                    "<li class=\"m\"><code>{}</code> #{}: {}</li>",
                    h(&a.id),
                    a.unit,
                    h(&a.text)
                );
            }
            o.push_str("</ul></li>\n");
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</body></html>\n");
    o
}

/// Indicators side by side as CSV: `indicator,unit_of_measure,id,province,period,value,raw,unit,start,end`.
pub fn indicators_csv(s: &Synthesis) -> String {
    let mut o =
        String::from("indicator,unit_of_measure,id,province,period,value,raw,unit,start,end\n");
    for ind in &s.indicators {
        for r in &ind.rows {
            let _ = writeln!(
                o,
                "{},{},{},{},{},{},{},{},{},{}",
                csv_field(&ind.name),
                csv_field(&ind.unit),
                csv_field(&r.id),
                csv_field(r.province.as_deref().unwrap_or("")),
                csv_field(r.period.as_deref().unwrap_or("")),
                r.value,
                csv_field(&r.raw),
                r.unit,
                r.start,
                r.end
            );
        }
    }
    o
}

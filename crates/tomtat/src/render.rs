//! Markdown for people: one briefing per document, and a batch digest.

use crate::output::{IndicatorOut, PickOut, Record, Summary};
use std::fmt::Write;

/// Section titles, Vietnamese first.
const PARTS: [(&str, &str); 3] = [
    ("Kết quả đạt được", "results"),
    ("Hạn chế, yếu kém", "shortcomings"),
    ("Nhiệm vụ, chỉ đạo", "directives"),
];

/// Render one record as a Markdown briefing.
///
/// ```
/// use tomtat::{ErrorRecord, Record, render};
/// let r = Record::Error(ErrorRecord { id: "a".into(), source: "a.pdf".into(), error: "encrypted PDF".into() });
/// assert!(render::markdown(&r).contains("encrypted PDF"));
/// ```
pub fn markdown(record: &Record) -> String {
    let mut md = String::new();
    match record {
        Record::Error(e) => {
            let _ = writeln!(
                md,
                "## {}\n\n**Lỗi / error:** {} (`{}`)\n",
                e.id,
                escape(&e.error),
                e.source
            );
        }
        Record::Summary(s) => summary_markdown(s, &mut md),
    }
    md
}

fn summary_markdown(s: &Summary, md: &mut String) {
    let _ = writeln!(md, "## {}\n", s.id);
    let _ = writeln!(
        md,
        "_Nguồn: `{}` · {} câu/đơn vị · kết quả {} · hạn chế {} · chỉ đạo {} · mã hoá {}_\n",
        s.source,
        s.units,
        s.part_sizes.result,
        s.part_sizes.shortcoming,
        s.part_sizes.directive,
        s.encoding
    );
    if !s.lead.is_empty() {
        md.push_str("### Tóm lược (lead)\n\n");
        for l in &s.lead {
            let _ = writeln!(md, "> {}\n", escape(&l.text));
        }
    }
    for ((title, key), picks) in PARTS
        .iter()
        .zip([&s.results, &s.shortcomings, &s.directives])
    {
        let _ = writeln!(md, "### {title} ({key})\n");
        if picks.is_empty() {
            md.push_str("_(không có)_\n\n");
            continue;
        }
        for p in picks {
            pick_line(p, md);
        }
        md.push('\n');
    }
    if !s.indicators.is_empty() {
        md.push_str("### Chỉ tiêu (indicators)\n\n| Chỉ tiêu | Giá trị | Đơn vị | % kế hoạch | Thay đổi | Nguyên văn | Câu |\n|---|---:|---|---:|---:|---|---:|\n");
        for i in &s.indicators {
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                indicator_cells(i),
                escape(&i.raw),
                i.unit_index
            );
        }
        md.push('\n');
    }
    if !s.tasks.is_empty() {
        md.push_str("### Nhiệm vụ (tasks)\n\n");
        for t in &s.tasks {
            let actor = t
                .actor
                .as_deref()
                .map(|a| format!(" — *{}*", escape(a)))
                .unwrap_or_default();
            let _ = writeln!(
                md,
                "- [ ] {}{actor} <sub>[{}–{}]</sub>",
                escape(&t.text),
                t.start,
                t.end
            );
        }
        md.push('\n');
    }
}

fn pick_line(p: &PickOut, md: &mut String) {
    let why = if p.why.is_empty() {
        String::new()
    } else {
        format!("; {}", escape(&p.why.join("; ")))
    };
    let _ = writeln!(
        md,
        "- {} <sub>[câu {}, byte {}–{}, điểm {:.2}{why}]</sub>",
        escape(&p.text),
        p.unit,
        p.start,
        p.end,
        p.score
    );
}

/// A number written the Vietnamese way: dots for thousands, comma for decimals.
pub fn number(v: f64) -> String {
    let neg = v < 0.0;
    let v = v.abs();
    let int = v.trunc() as u128;
    let frac = ((v - v.trunc()) * 1000.0).round() as u32;
    let digits = int.to_string();
    let mut out = String::with_capacity(digits.len() + 8);
    if neg {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if frac > 0 {
        let f = format!("{frac:03}");
        out.push(',');
        out.push_str(f.trim_end_matches('0'));
    }
    out
}

/// `name | value | unit | % of plan | change` of one indicator, for Markdown tables.
fn indicator_cells(i: &IndicatorOut) -> String {
    format!(
        "{} | {} | {} | {} | {}",
        escape(&i.name),
        number(i.value),
        escape(&i.unit),
        i.plan_percent
            .map(|v| format!("{}%", number(v)))
            .unwrap_or_default(),
        i.change_percent.map(signed_percent).unwrap_or_default()
    )
}

/// A change in percent with its sign: `+5,1%`, `-2%`.
pub fn signed_percent(v: f64) -> String {
    format!("{}{}%", if v > 0.0 { "+" } else { "" }, number(v))
}

/// Keep text from breaking Markdown tables and lists.
pub fn escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The header of a batch digest.
pub fn digest_header(title: &str) -> String {
    format!("# {title}\n\nTóm tắt theo lô: mỗi văn bản một mục với kết quả, hạn chế và chỉ đạo chính; bảng chỉ tiêu ở cuối.\n\n")
}

/// One document's entry in the digest: its headline pick of each part.
pub fn digest_entry(record: &Record) -> String {
    let mut md = String::new();
    match record {
        Record::Error(e) => {
            let _ = writeln!(md, "### {}\n\n- **Lỗi:** {}\n", e.id, escape(&e.error));
        }
        Record::Summary(s) => {
            let _ = writeln!(md, "### {}\n", s.id);
            for ((title, _), picks) in
                PARTS
                    .iter()
                    .zip([&s.results, &s.shortcomings, &s.directives])
            {
                let head = picks.iter().max_by(|a, b| a.score.total_cmp(&b.score));
                if let Some(p) = head {
                    let _ = writeln!(md, "- **{title}:** {}", escape(&p.text));
                }
            }
            md.push('\n');
        }
    }
    md
}

/// Rows of the cross-document indicator table (`| doc | indicator | value | unit | % plan | change |`).
pub fn digest_indicator_rows(record: &Record) -> String {
    let mut md = String::new();
    if let Record::Summary(s) = record {
        for i in &s.indicators {
            let _ = writeln!(md, "| {} | {} |", escape(&s.id), indicator_cells(i));
        }
    }
    md
}

/// Header of the cross-document indicator table.
pub const DIGEST_INDICATOR_HEADER: &str =
    "## Chỉ tiêu theo văn bản (indicators)\n\n| Văn bản | Chỉ tiêu | Giá trị | Đơn vị | % kế hoạch | Thay đổi |\n|---|---|---:|---|---:|---:|\n";

/// CSV rows of a record's indicators (`id,name,value,unit,plan_percent,change_percent,raw,unit_index,start,end`).
pub fn indicator_csv_rows(record: &Record) -> String {
    let mut out = String::new();
    if let Record::Summary(s) = record {
        for i in &s.indicators {
            let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{}",
                csv(&s.id),
                csv(&i.name),
                i.value,
                csv(&i.unit),
                opt(i.plan_percent),
                opt(i.change_percent),
                csv(&i.raw),
                i.unit_index,
                i.start,
                i.end
            );
        }
    }
    out
}

/// Header line of `indicators.csv`.
pub const INDICATOR_CSV_HEADER: &str =
    "id,name,value,unit,plan_percent,change_percent,raw,unit_index,start,end\n";

fn csv(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_the_vietnamese_way() {
        assert_eq!(number(832270966973.0), "832.270.966.973");
        assert_eq!(number(3807.927), "3.807,927");
        assert_eq!(number(104.11), "104,11");
        assert_eq!(number(7.0), "7");
        assert_eq!(number(-5.5), "-5,5");
        assert_eq!(signed_percent(5.1), "+5,1%");
        assert_eq!(signed_percent(-2.0), "-2%");
    }

    #[test]
    fn csv_quotes_fields_with_commas() {
        assert_eq!(csv("a,b"), "\"a,b\"");
        assert_eq!(csv("say \"x\", y"), "\"say \"\"x\"\", y\"");
        assert_eq!(csv("plain"), "plain");
    }
}

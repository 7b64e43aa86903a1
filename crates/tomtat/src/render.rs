//! Markdown for people: one briefing per document, and a batch digest.

use crate::brief;
use crate::output::{IndicatorOut, PickOut, Record, Summary};
use std::fmt::Write;

/// Section titles, Vietnamese first.
const PARTS: [(&str, &str); 3] = [
    ("Kết quả đạt được", "results"),
    ("Hạn chế, yếu kém", "shortcomings"),
    ("Nhiệm vụ, chỉ đạo", "directives"),
];

/// How much a Markdown briefing shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct MdOptions {
    /// Every pick with its place, score and reasons (`--reasons`), all indicators and tasks;
    /// by default a leader's page: the lead, a few key units a part, headline indicators and
    /// main tasks.
    pub reasons: bool,
}

/// Render one record as a Markdown leader's page (see [`MdOptions`]).
///
/// ```
/// use tomtat::{ErrorRecord, Record, render};
/// let r = Record::Error(ErrorRecord { id: "a".into(), source: "a.pdf".into(), error: "encrypted PDF".into() });
/// assert!(render::markdown(&r).contains("encrypted PDF"));
/// ```
pub fn markdown(record: &Record) -> String {
    markdown_with(record, &MdOptions::default())
}

/// Render one record as Markdown, with or without the reasons.
pub fn markdown_with(record: &Record, options: &MdOptions) -> String {
    let mut md = String::new();
    match record {
        Record::Error(e) => {
            let _ = writeln!(
                md,
                "## {}\n\n**Lỗi / error:** {} (`{}`)\n",
                heading(&e.id),
                escape(&e.error),
                e.source
            );
        }
        Record::Summary(s) if options.reasons => summary_markdown(s, &mut md),
        Record::Summary(s) => leader_markdown(s, &mut md),
    }
    md
}

/// The leader's page: lead, key units, headline indicators, main tasks; no reasons.
fn leader_markdown(s: &Summary, md: &mut String) {
    let _ = writeln!(md, "## {}\n", heading(&s.id));
    let _ = writeln!(
        md,
        "_Nguồn: `{}` · {} câu · {} chỉ tiêu · {} nhiệm vụ_\n",
        s.source,
        s.units,
        s.indicators.len(),
        s.tasks.len()
    );
    let meta = s.meta.line();
    if !meta.is_empty() {
        let _ = writeln!(md, "_{}_\n", escape(&meta));
    }
    if !s.lead.is_empty() {
        // each unit shortened on its own: a long title does not eat the opening sentence
        let lead: Vec<_> = (s.lead.iter())
            .map(|l| brief::excerpt(&l.text, brief::BULLET_CHARS))
            .collect();
        let _ = writeln!(md, "> {}\n", escape(&brief::lead_line(&lead)));
    }
    if s.lead.is_empty() && brief::parts(s).iter().all(|(_, _, p)| p.is_empty()) {
        md.push_str("_Không tìm thấy câu nêu kết quả, hạn chế hay nhiệm vụ._\n\n");
    }
    for (_, title, picks) in brief::parts(s) {
        if picks.is_empty() {
            continue;
        }
        let _ = writeln!(md, "### {title}\n");
        let key = brief::key_picks(picks, brief::KEY_UNITS);
        for p in &key {
            let _ = writeln!(
                md,
                "- {}",
                escape(&brief::excerpt(
                    brief::bullet_text(&p.text),
                    brief::BULLET_CHARS
                ))
            );
        }
        md.push('\n');
    }
    let heads = brief::headline_indicators(s, brief::HEADLINE_INDICATORS);
    if !heads.is_empty() {
        md.push_str("### Chỉ tiêu chính\n\n| Chỉ tiêu | Số liệu | So với |\n|---|---:|---|\n");
        for i in heads {
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                escape(&i.name),
                escape(&brief::figure(i)),
                escape(&brief::comparison(i))
            );
        }
        md.push('\n');
    }
    let tasks = brief::main_tasks(s, brief::MAIN_TASKS);
    if !tasks.is_empty() {
        md.push_str("### Nhiệm vụ chính\n\n");
        for t in &tasks {
            let actor = t
                .actor
                .as_deref()
                .map(|a| format!(" — *{}*", escape(a)))
                .unwrap_or_default();
            let task = brief::excerpt(&t.text, brief::BULLET_CHARS);
            let _ = writeln!(md, "- [ ] {}{actor}", escape(&task));
        }
        if s.tasks.len() > tasks.len() {
            let _ = writeln!(md, "\n_(và {} nhiệm vụ khác)_", s.tasks.len() - tasks.len());
        }
        md.push('\n');
    }
}

fn summary_markdown(s: &Summary, md: &mut String) {
    let _ = writeln!(md, "## {}\n", heading(&s.id));
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
    let meta = s.meta.line();
    if !meta.is_empty() {
        let _ = writeln!(md, "_{}_\n", escape(&meta));
    }
    if !s.lead.is_empty() {
        let lead: Vec<&str> = s.lead.iter().map(|l| l.text.as_str()).collect();
        let _ = writeln!(md, "> {}\n", escape(&brief::lead_line(&lead)));
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
    let _ = writeln!(
        md,
        "- {} <sub>[{}]</sub>",
        escape(&p.text),
        escape(&brief::reasons_vi(p))
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

/// Keep text from breaking Markdown tables and lists, and markup in it from being rendered
/// (`<script>` shows as text).
pub fn escape(s: &str) -> String {
    s.replace('<', "&lt;")
        .replace('|', "\\|")
        .replace('\n', " ")
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
            let _ = writeln!(
                md,
                "### {}\n\n- **Lỗi:** {}\n",
                heading(&e.id),
                escape(&e.error)
            );
        }
        Record::Summary(s) => {
            let _ = writeln!(md, "### {}\n", heading(&s.id));
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
            let _ = writeln!(md, "| {} | {} |", heading(&s.id), indicator_cells(i));
        }
    }
    md
}

/// Header of the cross-document indicator table.
pub const DIGEST_INDICATOR_HEADER: &str =
    "## Chỉ tiêu theo văn bản (indicators)\n\n| Văn bản | Chỉ tiêu | Giá trị | Đơn vị | % kế hoạch | Thay đổi |\n|---|---|---:|---|---:|---:|\n";

/// One CSV cell, safe to open in a spreadsheet: a cell that starts with `=`, `+`, `-` (when not
/// a number), `@`, a tab or a carriage return would run as a formula, so it gets a leading `'`
/// (OWASP, "CSV injection"); a cell with a comma, quote or line break is quoted.
///
/// ```
/// use tomtat::render::csv_cell;
/// assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
/// assert_eq!(csv_cell("-5,1"), "\"-5,1\"");
/// assert_eq!(csv_cell("-x"), "'-x");
/// assert_eq!(csv_cell("Thu ngân sách"), "Thu ngân sách");
/// ```
pub fn csv_cell(s: &str) -> String {
    let risky = match s.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => s[1..].replace(['.', ','], "").parse::<f64>().is_err(),
        _ => false,
    };
    let s = if risky {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// A document id or text put in a Markdown heading or table cell: one line, and the characters
/// that Markdown would read as markup (`# * _ [ ] < > | \\` and backquotes) escaped.
pub fn heading(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
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
    fn markdown_escapes_markup_and_table_bars() {
        assert_eq!(
            escape("a|b <script>x</script> & c\nd"),
            "a\\|b &lt;script>x&lt;/script> & c d"
        );
    }
}

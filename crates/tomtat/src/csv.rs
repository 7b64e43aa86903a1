//! Tables for spreadsheets: `indicators.csv` and `tasks.csv` as RFC 4180 (CRLF line ends,
//! fields quoted when they hold a comma, quote or line break) with a UTF-8 BOM so that Excel
//! reads the Vietnamese text; [`header`] without the BOM for tools that dislike it. Every text
//! cell goes through [`csv_cell`], which also neutralises cells a spreadsheet would run as a
//! formula.

use crate::brief;
use crate::output::Record;
use crate::render::csv_cell;
use std::fmt::Write;

/// The UTF-8 byte order mark Excel looks for.
pub const BOM: &str = "\u{feff}";

/// Columns of `indicators.csv`.
pub const INDICATOR_COLUMNS: &str =
    "id,source,name,value,unit,plan_percent,change_percent,basis,raw,unit_index,start,end";
/// Columns of `tasks.csv`.
pub const TASK_COLUMNS: &str = "id,source,task,actor,unit_index,start,end";

/// The header line of a table (`INDICATOR_COLUMNS` or `TASK_COLUMNS`), after a BOM unless `plain`.
pub fn header(columns: &str, plain: bool) -> String {
    format!("{}{columns}\r\n", if plain { "" } else { BOM })
}

/// `indicators.csv` header (BOM unless `plain`).
pub fn indicator_header(plain: bool) -> String {
    header(INDICATOR_COLUMNS, plain)
}

/// `tasks.csv` header (BOM unless `plain`).
pub fn task_header(plain: bool) -> String {
    header(TASK_COLUMNS, plain)
}

fn opt(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The rows of a record's indicators, each ending in CRLF.
pub fn indicator_rows(record: &Record) -> String {
    let mut out = String::new();
    if let Record::Summary(s) = record {
        for i in &s.indicators {
            let basis = if i.plan_percent.is_some() || i.change_percent.is_some() {
                brief::basis(i)
            } else {
                String::new()
            };
            let _ = write!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{}\r\n",
                csv_cell(&s.id),
                csv_cell(&s.source),
                csv_cell(&i.name),
                i.value,
                csv_cell(&i.unit),
                opt(i.plan_percent),
                opt(i.change_percent),
                csv_cell(&basis),
                csv_cell(&i.raw),
                i.unit_index,
                i.start,
                i.end
            );
        }
    }
    out
}

/// The rows of a record's tasks, each ending in CRLF.
pub fn task_rows(record: &Record) -> String {
    let mut out = String::new();
    if let Record::Summary(s) = record {
        for t in &s.tasks {
            let _ = write!(
                out,
                "{},{},{},{},{},{},{}\r\n",
                csv_cell(&s.id),
                csv_cell(&s.source),
                csv_cell(&t.text),
                csv_cell(t.actor.as_deref().unwrap_or("")),
                t.unit,
                t.start,
                t.end
            );
        }
    }
    out
}

/// Split RFC 4180 text into rows of fields (for tests and readers of our own tables); a
/// neutralising `'` stays in the cell.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_needed() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"x\", y"), "\"say \"\"x\"\", y\"");
        assert_eq!(csv_cell("hai\r\ndòng"), "\"hai\r\ndòng\"");
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
    }

    #[test]
    fn headers_have_bom_and_crlf_unless_plain() {
        assert!(indicator_header(false).starts_with('\u{feff}'));
        assert!(indicator_header(false).ends_with("\r\n"));
        assert!(!task_header(true).starts_with('\u{feff}'));
        assert_eq!(
            indicator_header(false),
            format!("\u{feff}{INDICATOR_COLUMNS}\r\n")
        );
        assert!(INDICATOR_COLUMNS.contains(",basis,"));
    }

    #[test]
    fn parse_reads_back_what_field_writes() {
        let cells = ["a,b", "x \"y\"", "hai\r\ndòng", "", "tổng thu"];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        let text = format!("{}{}\r\n", BOM, line.join(","));
        assert_eq!(parse(&text), vec![cells.map(String::from).to_vec()]);
    }
}

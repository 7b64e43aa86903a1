//! OpenDocument text (.odt, as LibreOffice writes) → text: `content.xml`'s paragraphs,
//! headings, lists and tables in order; notes, annotations and tracked deletions dropped.

use crate::docx::{Para, Walker};
use crate::markup::{attr, decode_refs_into, local_name, ElementStack, Scanner, Token};

/// Elements whose content never reaches the text.
fn is_skipped(local: &str) -> bool {
    matches!(
        local,
        "note"
            | "annotation"
            | "tracked-changes"
            | "table-of-content"
            | "alphabetical-index"
            | "illustration-index"
            | "bibliography"
            | "automatic-styles"
            | "font-face-decls"
            | "scripts"
            | "forms"
    )
}

/// Convert `content.xml` to text.
pub(crate) fn content_to_text(xml: &str) -> String {
    let mut w = Walker::default();
    let mut stack = ElementStack::default();
    for tok in Scanner::new(xml) {
        match tok {
            Token::Text(t) | Token::CData(t) => {
                if stack.skipping() || w.paragraphs.is_empty() {
                    continue;
                }
                let mut decoded = String::new();
                if matches!(tok, Token::Text(_)) {
                    decode_refs_into(t, &mut decoded);
                } else {
                    decoded.push_str(t);
                }
                // ODF collapses white space; explicit spaces come as <text:s/>.
                if let Some(p) = w.paragraphs.last_mut() {
                    for c in decoded.chars() {
                        if matches!(c, ' ' | '\t' | '\n' | '\r') {
                            if !p.text.is_empty() && !p.text.ends_with(' ') {
                                p.text.push(' ');
                            }
                        } else {
                            p.text.push(c);
                        }
                    }
                }
            }
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                let local = local_name(name);
                if !stack.skipping() {
                    match local {
                        "p" | "h" if !self_closing => w.start_paragraph(Para::default()),
                        "s" => {
                            let n: usize = attr(attrs, "c")
                                .and_then(|c| c.parse().ok())
                                .unwrap_or(1)
                                .min(100);
                            w.push(&" ".repeat(n));
                        }
                        "tab" => w.push("\t"),
                        "line-break" => w.push("\n"),
                        "table" if !self_closing => w.start_table(),
                        "table-row" if !self_closing => w.start_row(),
                        "table-cell" => {
                            w.start_cell();
                            if self_closing {
                                w.end_cell();
                            }
                        }
                        _ => {}
                    }
                }
                stack.open(local, self_closing, is_skipped(local));
            }
            Token::End { name } => {
                let local = local_name(name);
                if !stack.close(local) {
                    continue;
                }
                match local {
                    "p" | "h" => w.end_paragraph(),
                    "table-cell" => w.end_cell(),
                    "table-row" => w.end_row(),
                    "table" => w.end_table(),
                    _ => {}
                }
            }
        }
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_tables_notes() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="tb"><office:automatic-styles><style:style style:name="P1"/></office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">BÁO CÁO</text:h>
<text:p text:style-name="P1">Năm   2024,<text:s text:c="2"/>tỉnh <text:span>đã</text:span> hoàn thành<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>chú thích</text:p></text:note-body></text:note>.</text:p>
<text:list><text:list-item><text:p>Một<text:tab/>hai<text:line-break/>ba</text:p></text:list-item></text:list>
<table:table><table:table-row><table:table-cell><text:p>Chỉ tiêu</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>Kết quả</text:p></table:table-cell></table:table-row></table:table>
<office:annotation><text:p>ghi chú</text:p></office:annotation>
</office:text></office:body></office:document-content>"#;
        assert_eq!(
            content_to_text(xml),
            "BÁO CÁO\nNăm 2024,  tỉnh đã hoàn thành.\nMột\thai\nba\nChỉ tiêu | Kết quả"
        );
    }
}

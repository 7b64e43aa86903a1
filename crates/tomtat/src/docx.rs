//! Word briefings: a minimal OOXML (`.docx`) writer for the leader's page, in the usual
//! Vietnamese administrative look: Times New Roman 14 pt, A4 with 20/20/30/15 mm margins,
//! heading styles (so Word's navigation pane lists the parts), bulleted parts, indicator and
//! task tables. The package is zipped with the project's own zip writer (deflate).

use crate::brief;
use crate::output::{Record, Summary};
use std::fmt::Write;

/// Escape text for XML content and attributes, dropping characters XML 1.0 forbids.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn styles() -> String {
    let font = r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#;
    let heading = |id: &str, name: &str, lvl: u8, size: u8| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="{lvl}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>"#
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>{font}<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="288" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:caps/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>{}{}<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:i/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="left"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>"#,
        heading("Heading1", "heading 1", 0, 28),
        heading("Heading2", "heading 2", 1, 28),
    )
}

fn numbering() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    )
}

fn core(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>tomtat</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>"#,
        xml_escape(title)
    )
}

/// Paragraphs and tables of `word/document.xml`'s body.
struct Body(String);

impl Body {
    fn para(&mut self, style: &str, text: &str) {
        let _ = write!(
            self.0,
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            xml_escape(text)
        );
    }

    /// A table with a bold header row; `widths` in twentieths of a point.
    fn table(&mut self, widths: &[u32], header: &[&str], rows: &[Vec<String>]) {
        self.0.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#);
        for w in widths {
            let _ = write!(self.0, r#"<w:gridCol w:w="{w}"/>"#);
        }
        self.0.push_str("</w:tblGrid>");
        let row = |cells: &[&str], bold: bool, this: &mut String| {
            this.push_str(if bold {
                "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
            } else {
                "<w:tr>"
            });
            for (c, w) in cells.iter().zip(widths) {
                let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
                let _ = write!(
                    this,
                    r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r>{b}<w:t xml:space="preserve">{}</w:t></w:r></w:p></w:tc>"#,
                    xml_escape(c)
                );
            }
            this.push_str("</w:tr>");
        };
        row(header, true, &mut self.0);
        for r in rows {
            let cells: Vec<&str> = r.iter().map(String::as_str).collect();
            row(&cells, false, &mut self.0);
        }
        self.0.push_str("</w:tbl>");
    }
}

/// The body of the leader's page of one record.
fn body(record: &Record) -> String {
    let mut b = Body(String::new());
    match record {
        Record::Error(e) => {
            b.para("Title", &e.id);
            b.para("Subtitle", &format!("Nguồn: {}", e.source));
            b.para("Normal", &format!("Lỗi: {}", e.error));
        }
        Record::Summary(s) => summary_body(s, &mut b),
    }
    b.0
}

fn summary_body(s: &Summary, b: &mut Body) {
    b.para("Title", "Tóm tắt báo cáo");
    b.para("Subtitle", &format!("{} — nguồn: {}", s.id, s.source));
    if !s.lead.is_empty() {
        b.para("Heading1", "Nội dung chính");
        for l in &s.lead {
            b.para("Normal", &l.text);
        }
    }
    if s.lead.is_empty() && brief::parts(s).iter().all(|(_, _, p)| p.is_empty()) {
        b.para("Heading1", "Nội dung chính");
        b.para(
            "Normal",
            "Không tìm thấy câu nêu kết quả, hạn chế hay nhiệm vụ trong văn bản này.",
        );
    }
    for (_, title, picks) in brief::parts(s) {
        if picks.is_empty() {
            continue;
        }
        b.para("Heading1", title);
        for p in brief::key_picks(picks, brief::KEY_UNITS) {
            b.para("ListBullet", brief::bullet_text(&p.text));
        }
    }
    let heads = brief::headline_indicators(s, brief::HEADLINE_INDICATORS);
    if !heads.is_empty() {
        b.para("Heading1", "Chỉ tiêu chính");
        let rows: Vec<Vec<String>> = heads
            .iter()
            .map(|i| {
                vec![
                    i.name.clone(),
                    brief::figure(i),
                    brief::comparison(i),
                    format!("câu {}", i.unit_index),
                ]
            })
            .collect();
        b.table(
            &[3300, 2200, 2400, 1000],
            &["Chỉ tiêu", "Số liệu", "So với", "Vị trí"],
            &rows,
        );
    }
    let tasks = brief::main_tasks(s, brief::MAIN_TASKS);
    if !tasks.is_empty() {
        b.para("Heading1", "Nhiệm vụ chính");
        let rows: Vec<Vec<String>> = tasks
            .iter()
            .map(|t| {
                vec![
                    t.text.clone(),
                    t.actor.clone().unwrap_or_default(),
                    format!("câu {}", t.unit),
                ]
            })
            .collect();
        b.table(
            &[5300, 2600, 1000],
            &["Nhiệm vụ", "Chủ thể", "Vị trí"],
            &rows,
        );
        if s.tasks.len() > tasks.len() {
            b.para(
                "Normal",
                &format!(
                    "(và {} nhiệm vụ khác, xem tasks.csv)",
                    s.tasks.len() - tasks.len()
                ),
            );
        }
    }
}

/// `word/document.xml` of one record.
pub fn document_xml(record: &Record) -> String {
    // A4 (210 × 297 mm), margins top/bottom 20 mm, left 30 mm, right 15 mm.
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}"><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        body(record)
    )
}

/// The `.docx` file of one record.
pub fn docx(record: &Record) -> Vec<u8> {
    let doc = document_xml(record);
    let styles = styles();
    let numbering = numbering();
    let core = core(record.id());
    crate::formats::write_zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
        ("word/_rels/document.xml.rels", DOC_RELS.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Pipeline, PipelineOptions};

    #[test]
    fn xml_escape_drops_forbidden_characters() {
        assert_eq!(xml_escape("a<b>&\"\u{1}c\n"), "a&lt;b&gt;&amp;&quot;c ");
    }

    #[test]
    fn docx_reads_back_with_the_key_picks_in_order() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/000.txt"))
                .expect("corpus/000.txt");
        let record = Pipeline::new(PipelineOptions::default()).summarize_bytes(
            "000.txt",
            "000.txt",
            text.as_bytes(),
        );
        let bytes = docx(&record);
        let back =
            crate::formats::extract(std::path::Path::new("b.docx"), &bytes, &Default::default())
                .expect("our .docx reads back");
        let back = back.as_str();
        let Record::Summary(s) = &record else {
            panic!("summary")
        };
        let mut at = 0;
        for (_, title, picks) in brief::parts(s) {
            if picks.is_empty() {
                continue;
            }
            assert!(back.contains(title));
            for p in brief::key_picks(picks, brief::KEY_UNITS) {
                let k = back[at..]
                    .find(p.text.as_str())
                    .unwrap_or_else(|| panic!("pick of unit {} missing or out of order", p.unit));
                at += k + p.text.len();
            }
        }
        assert!(back.contains(s.results[0].text.as_str()));
        assert!(back.contains("Chỉ tiêu chính"));
    }
}

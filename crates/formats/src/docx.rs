//! .docx → text: the main document part's paragraphs and tables in order.
//!
//! A table row whose cells each hold one paragraph becomes one line, cells joined by
//! ` | `; a row with multi-paragraph cells (a layout table, such as the two-column
//! letterhead of Vietnamese administrative documents) gives one line per paragraph.
//! Runs typed in legacy 8-bit Vietnamese fonts (`.VnTime` = TCVN3, `VNI-Times` = VNI)
//! are re-decoded from their mojibake; lines that still read as TCVN3/VNI mojibake
//! without such a font name are detected from the text (see `legacy`).

use std::collections::HashMap;

use crate::markup::{attr, decode_refs_into, local_name, ElementStack, Scanner, Token};
use crate::numbering::Numbering;
use crate::zip::{Archive, ZipError};
use crate::{legacy, FormatError};
use tomtat_text::{Encoding, Options};

/// Read the text of a .docx file (or of an OpenDocument text, which is a zip too);
/// also gives the kind of document read.
pub(crate) fn docx_to_text(
    bytes: &[u8],
    options: &Options,
) -> Result<(String, &'static str), FormatError> {
    let mut zip = Archive::new(bytes).map_err(|e| zip_error(e, "DOCX"))?;
    if let Some(text) = odt_text(&mut zip)? {
        return Ok((text, "ODT"));
    }
    let main = main_part_name(&mut zip).unwrap_or_else(|| "word/document.xml".to_string());
    let entry = match zip.find(&main) {
        Some(e) => e.clone(),
        None => {
            return Err(not_a_word_zip(&zip));
        }
    };
    let styles = zip
        .find("word/styles.xml")
        .cloned()
        .and_then(|e| zip.read(&e).ok())
        .map(|x| Styles::parse(&String::from_utf8_lossy(&x)))
        .unwrap_or_default();
    let mut numbering = zip
        .find("word/numbering.xml")
        .cloned()
        .and_then(|e| zip.read(&e).ok())
        .map(|x| Numbering::parse(&xml_to_string(&x)))
        .unwrap_or_default();
    let chunks = alt_chunks(&mut zip, &main, options);
    let xml = zip.read(&entry).map_err(|e| zip_error(e, "DOCX"))?;
    let xml = xml_to_string(&xml);
    let text = document_to_text(&xml, &styles, &mut numbering, &chunks, options);
    Ok((text, "DOCX"))
}

/// The text of an OpenDocument text file, `None` for other zips.
fn odt_text(zip: &mut Archive<'_>) -> Result<Option<String>, FormatError> {
    let mimetype = match zip.find("mimetype").cloned() {
        Some(e) => zip.read(&e).unwrap_or_default(),
        None => return Ok(None),
    };
    if !mimetype.starts_with(b"application/vnd.oasis.opendocument.text") {
        return Ok(None);
    }
    let content = zip
        .find("content.xml")
        .cloned()
        .ok_or_else(|| FormatError::Damaged {
            format: "ODT",
            reason: "content.xml missing".into(),
        })?;
    let xml = zip.read(&content).map_err(|e| zip_error(e, "ODT"))?;
    Ok(Some(crate::odt::content_to_text(&xml_to_string(&xml))))
}

/// The error for a zip that holds no Word document: name what it is.
fn not_a_word_zip(zip: &Archive<'_>) -> FormatError {
    let has = |prefix: &str| {
        zip.entries
            .iter()
            .any(|e| e.name.to_ascii_lowercase().starts_with(prefix))
    };
    let what = if has("xl/") {
        "an Excel workbook (.xlsx), not a Word document: save the report as .docx"
    } else if has("ppt/") {
        "a PowerPoint presentation (.pptx), not a Word document: save the report as .docx"
    } else if has("content.xml") {
        "an OpenDocument spreadsheet or presentation, not a text document: save the report as .docx or .odt"
    } else {
        "a zip archive without a Word document (word/document.xml missing)"
    };
    FormatError::Unsupported(what.to_string())
}

pub(crate) fn zip_error(e: ZipError, format: &'static str) -> FormatError {
    match e {
        ZipError::Damaged(reason) => FormatError::Damaged { format, reason },
        ZipError::Bomb(reason) => {
            FormatError::TooLarge(format!("refused a possible zip bomb: {reason}"))
        }
        ZipError::Encrypted => FormatError::Encrypted(format!(
            "encrypted {format}: remove the password in Word and save again"
        )),
    }
}

/// XML bytes as text: UTF-8 (BOM dropped) or UTF-16 with a BOM.
fn xml_to_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

/// The main document part named in `_rels/.rels` (usually `word/document.xml`).
fn main_part_name(zip: &mut Archive<'_>) -> Option<String> {
    let rels = zip.find("_rels/.rels")?.clone();
    let xml = zip.read(&rels).ok()?;
    let xml = xml_to_string(&xml);
    for tok in Scanner::new(&xml) {
        if let Token::Start { name, attrs, .. } = tok {
            if local_name(name) == "Relationship"
                && attr(attrs, "Type").is_some_and(|t| t.ends_with("/officeDocument"))
            {
                let target = attr(attrs, "Target")?;
                let mut decoded = String::new();
                decode_refs_into(target, &mut decoded);
                return Some(decoded.trim_start_matches('/').to_string());
            }
        }
    }
    None
}

/// The text of the document's alternative-format chunks (`w:altChunk`: HTML, MHT or
/// RTF pieces that Word imports when it opens the file), by relationship id.
fn alt_chunks(zip: &mut Archive<'_>, main: &str, options: &Options) -> HashMap<String, String> {
    let mut chunks = HashMap::new();
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main));
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let Some(rels) = zip.find(&rels_name).cloned() else {
        return chunks;
    };
    let Ok(xml) = zip.read(&rels) else {
        return chunks;
    };
    let xml = xml_to_string(&xml);
    let mut targets = Vec::new();
    for tok in Scanner::new(&xml) {
        if let Token::Start { name, attrs, .. } = tok {
            if local_name(name) == "Relationship"
                && attr(attrs, "Type").is_some_and(|t| t.ends_with("/aFChunk"))
            {
                if let (Some(id), Some(target)) = (attr(attrs, "Id"), attr(attrs, "Target")) {
                    let mut t = String::new();
                    decode_refs_into(target, &mut t);
                    let path = match t.strip_prefix('/') {
                        Some(abs) => abs.to_string(),
                        None if dir.is_empty() => t,
                        None => format!("{dir}/{t}"),
                    };
                    targets.push((id.to_string(), path));
                }
            }
        }
    }
    for (id, path) in targets.into_iter().take(64) {
        let Some(entry) = zip.find(&path).cloned() else {
            continue;
        };
        let Ok(bytes) = zip.read(&entry) else {
            continue;
        };
        let text = if bytes.starts_with(b"{\\rtf") {
            Some(crate::rtf::rtf_to_text(&bytes, options))
        } else {
            crate::html_bytes_to_text(&bytes, options).ok()
        };
        if let Some(text) = text {
            chunks.insert(id, text);
        }
    }
    chunks
}

/// Legacy 8-bit Vietnamese encodings, recognized by font name.
pub(crate) fn legacy_font_encoding(font: &str) -> Option<Encoding> {
    let f = font.trim().to_ascii_lowercase();
    if f.starts_with(".vn") {
        Some(Encoding::Tcvn3)
    } else if f.starts_with("vni-") || f.starts_with("vni ") || f.starts_with("vni_") {
        Some(Encoding::Vni)
    } else {
        None
    }
}

/// Fonts from styles.xml: the document default and each style's own font and parent.
#[derive(Default, Debug)]
struct Styles {
    default_font: Option<String>,
    default_paragraph_style: Option<String>,
    /// style id → (font, based-on style id)
    styles: HashMap<String, (Option<String>, Option<String>)>,
    /// style id → (numId, level) of the style's own numbering
    numbering: HashMap<String, (Option<String>, Option<usize>)>,
}

impl Styles {
    fn parse(xml: &str) -> Styles {
        let mut s = Styles::default();
        let mut current: Option<String> = None;
        let mut in_defaults = false;
        for tok in Scanner::new(xml) {
            match tok {
                Token::Start { name, attrs, .. } => match local_name(name) {
                    "docDefaults" => in_defaults = true,
                    "style" => {
                        let id = attr(attrs, "styleId").unwrap_or("").to_string();
                        if attr(attrs, "type") == Some("paragraph")
                            && attr(attrs, "default").is_some_and(|d| d == "1" || d == "true")
                        {
                            s.default_paragraph_style = Some(id.clone());
                        }
                        s.styles.entry(id.clone()).or_default();
                        current = Some(id);
                    }
                    "basedOn" => {
                        if let (Some(id), Some(v)) = (&current, attr(attrs, "val")) {
                            s.styles.entry(id.clone()).or_default().1 = Some(v.to_string());
                        }
                    }
                    "numId" => {
                        if let (Some(id), Some(v)) = (&current, attr(attrs, "val")) {
                            s.numbering.entry(id.clone()).or_default().0 = Some(v.to_string());
                        }
                    }
                    "ilvl" => {
                        if let (Some(id), Some(v)) = (&current, attr(attrs, "val")) {
                            s.numbering.entry(id.clone()).or_default().1 = v.parse().ok();
                        }
                    }
                    "rFonts" => {
                        let font = attr(attrs, "ascii").or_else(|| attr(attrs, "hAnsi"));
                        if let Some(font) = font {
                            if let Some(id) = &current {
                                s.styles.entry(id.clone()).or_default().0 = Some(font.to_string());
                            } else if in_defaults {
                                s.default_font = Some(font.to_string());
                            }
                        }
                    }
                    _ => {}
                },
                Token::End { name } => match local_name(name) {
                    "docDefaults" => in_defaults = false,
                    "style" => current = None,
                    _ => {}
                },
                _ => {}
            }
        }
        s
    }

    /// The numbering (numId, level) a paragraph style gives, following `basedOn`.
    fn numbering_of(&self, style: &str) -> Option<(String, Option<usize>)> {
        let mut id = style;
        for _ in 0..8 {
            if let Some((Some(num), lvl)) = self.numbering.get(id) {
                return Some((num.clone(), *lvl));
            }
            id = self.styles.get(id)?.1.as_deref()?;
        }
        None
    }

    /// The font a style gives, following `basedOn` a few levels.
    fn font_of(&self, style: &str) -> Option<&str> {
        let mut id = style;
        for _ in 0..8 {
            let (font, parent) = self.styles.get(id)?;
            if let Some(f) = font {
                return Some(f);
            }
            id = parent.as_deref()?;
        }
        None
    }
}

/// Elements whose content never reaches the text.
fn is_skipped(local: &str) -> bool {
    matches!(
        local,
        "instrText"
            | "delText"
            | "Fallback"
            | "sectPr"
            | "tblPr"
            | "trPr"
            | "tcPr"
            | "sdtPr"
            | "binData"
            | "object"
            | "moveFrom"
            | "pPrChange"
            | "rPrChange"
            | "numberingChange"
    )
}

#[derive(Default)]
pub(crate) struct Table {
    lines: Vec<String>,
    row: Vec<Vec<String>>,
    cell: Option<Vec<String>>,
}

/// Collects paragraphs and tables (nested too) into lines.
#[derive(Default)]
pub(crate) struct Walker {
    body: Vec<String>,
    tables: Vec<Table>,
    pub(crate) paragraphs: Vec<Para>,
}

#[derive(Default)]
pub(crate) struct Para {
    pub(crate) text: String,
    style_font: Option<String>,
    run_start: usize,
    run_font: Option<String>,
    run_style_font: Option<String>,
    /// Numbering from the paragraph style, then from the paragraph's own numPr.
    style_num: Option<(String, Option<usize>)>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

impl Walker {
    pub(crate) fn start_paragraph(&mut self, p: Para) {
        self.paragraphs.push(p);
    }

    pub(crate) fn end_paragraph(&mut self) {
        if let Some(p) = self.paragraphs.pop() {
            let line = p.text.trim().to_string();
            if !line.is_empty() {
                self.emit(line);
            }
        }
    }

    pub(crate) fn start_table(&mut self) {
        self.tables.push(Table::default());
    }

    pub(crate) fn start_row(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            t.row.clear();
        }
    }

    pub(crate) fn start_cell(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            if let Some(cell) = t.cell.take() {
                t.row.push(cell);
            }
            t.cell = Some(Vec::new());
        }
    }

    pub(crate) fn end_cell(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            if let Some(cell) = t.cell.take() {
                t.row.push(cell);
            }
        }
    }

    pub(crate) fn end_table(&mut self) {
        if let Some(t) = self.tables.last() {
            if !t.row.is_empty() || t.cell.is_some() {
                self.end_row();
            }
        }
        if let Some(t) = self.tables.pop() {
            for line in t.lines {
                self.emit(line);
            }
        }
    }

    /// Close whatever a cut document left open and give the lines.
    pub(crate) fn finish(mut self) -> String {
        while !self.paragraphs.is_empty() {
            self.end_paragraph();
        }
        while !self.tables.is_empty() {
            self.end_table();
        }
        self.body.join("\n")
    }

    /// Append to the innermost open paragraph.
    pub(crate) fn push(&mut self, s: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.text.push_str(s);
        }
    }

    fn emit(&mut self, line: String) {
        if let Some(t) = self.tables.last_mut() {
            match &mut t.cell {
                Some(cell) => cell.push(line),
                None => t.lines.push(line),
            }
        } else {
            self.body.push(line);
        }
    }

    pub(crate) fn end_row(&mut self) {
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        if let Some(cell) = t.cell.take() {
            t.row.push(cell);
        }
        let cells: Vec<Vec<String>> = std::mem::take(&mut t.row)
            .into_iter()
            .map(|c| c.into_iter().filter(|l| !l.trim().is_empty()).collect())
            .collect::<Vec<Vec<String>>>();
        if cells.iter().all(|c| c.len() <= 1) {
            let line = cells
                .iter()
                .filter_map(|c| c.first())
                .map(|s| s.trim())
                .collect::<Vec<_>>()
                .join(" | ");
            if !line.is_empty() {
                t.lines.push(line);
            }
        } else {
            for cell in cells {
                t.lines.extend(cell);
            }
        }
    }
}

/// Convert the main document XML to text.
fn document_to_text(
    xml: &str,
    styles: &Styles,
    numbering: &mut Numbering,
    chunks: &HashMap<String, String>,
    options: &Options,
) -> String {
    let default_font = styles
        .default_paragraph_style
        .as_deref()
        .and_then(|s| styles.font_of(s))
        .or(styles.default_font.as_deref())
        .map(str::to_string);
    let doc = DocParts {
        styles,
        chunks,
        default_font,
    };
    let mut w = Walker::default();
    let mut stack = ElementStack::default();
    for tok in Scanner::new(xml) {
        match tok {
            Token::Text(t) | Token::CData(t) => {
                if stack.skipping() || stack.outer(0) != Some("t") {
                    continue;
                }
                if let Some(p) = w.paragraphs.last_mut() {
                    if matches!(tok, Token::Text(_)) {
                        decode_refs_into(t, &mut p.text);
                    } else {
                        p.text.push_str(t);
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
                    doc.start(&mut w, &stack, local, attrs, self_closing);
                }
                let skip = !stack.skipping() && is_skipped(local);
                stack.open(local, self_closing, skip);
            }
            Token::End { name } => {
                let local = local_name(name);
                if !stack.close(local) {
                    continue;
                }
                match local {
                    "r" => {
                        if let Some(p) = w.paragraphs.last_mut() {
                            close_run(p, options);
                        }
                    }
                    "p" => {
                        if let Some(p) = w.paragraphs.last_mut() {
                            number_paragraph(p, numbering);
                        }
                        w.end_paragraph()
                    }
                    "tc" => w.end_cell(),
                    "tr" => w.end_row(),
                    "tbl" => w.end_table(),
                    _ => {}
                }
            }
        }
    }
    w.finish()
}

/// What the walk of `document.xml` reads besides it: the styles, the alternative chunks
/// (`altChunk`) and the default paragraph font.
struct DocParts<'a> {
    styles: &'a Styles,
    chunks: &'a HashMap<String, String>,
    default_font: Option<String>,
}

impl DocParts<'_> {
    /// The start of element `local` (outside skipped elements; `stack` holds its parents).
    fn start(
        &self,
        w: &mut Walker,
        stack: &ElementStack,
        local: &str,
        attrs: &str,
        self_closing: bool,
    ) {
        let (styles, chunks) = (self.styles, self.chunks);
        let parent = stack.outer(0);
        match local {
            "p" if !self_closing => w.start_paragraph(Para {
                style_font: self.default_font.clone(),
                ..Para::default()
            }),
            "pStyle" => {
                if let (Some(p), Some(v)) = (w.paragraphs.last_mut(), attr(attrs, "val")) {
                    if let Some(f) = styles.font_of(v) {
                        p.style_font = Some(f.to_string());
                    }
                    p.style_num = styles.numbering_of(v);
                }
            }
            "numId" if parent == Some("numPr") => {
                if let (Some(p), Some(v)) = (w.paragraphs.last_mut(), attr(attrs, "val")) {
                    p.num_id = Some(v.to_string());
                }
            }
            "ilvl" if parent == Some("numPr") => {
                if let (Some(p), Some(v)) = (w.paragraphs.last_mut(), attr(attrs, "val")) {
                    p.ilvl = v.parse().ok();
                }
            }
            "rStyle" => {
                if let (Some(p), Some(v)) = (w.paragraphs.last_mut(), attr(attrs, "val")) {
                    p.run_style_font = styles.font_of(v).map(str::to_string);
                }
            }
            "rFonts" if parent == Some("rPr") && stack.outer(1) == Some("r") => {
                if let Some(p) = w.paragraphs.last_mut() {
                    let font = attr(attrs, "ascii").or_else(|| attr(attrs, "hAnsi"));
                    p.run_font = font.map(str::to_string);
                }
            }
            "r" if !self_closing => {
                if let Some(p) = w.paragraphs.last_mut() {
                    p.run_start = p.text.len();
                    p.run_font = None;
                    p.run_style_font = None;
                }
            }
            "altChunk" => {
                if let Some(text) = attr(attrs, "id").and_then(|id| chunks.get(id)) {
                    for line in text.lines().filter(|l| !l.trim().is_empty()) {
                        w.emit(line.trim().to_string());
                    }
                }
            }
            "tab" | "ptab" if parent == Some("r") => w.push("\t"),
            "br" | "cr" if parent == Some("r") => w.push("\n"),
            "noBreakHyphen" if parent == Some("r") => w.push("-"),
            "tbl" if !self_closing => w.start_table(),
            "tr" if !self_closing => w.start_row(),
            "tc" if !self_closing => w.start_cell(),
            _ => {}
        }
    }
}

/// The end of a run: text in a legacy-encoded font (its own, its style's or the
/// paragraph's) is decoded again.
fn close_run(p: &mut Para, options: &Options) {
    let font = p
        .run_font
        .as_deref()
        .or(p.run_style_font.as_deref())
        .or(p.style_font.as_deref());
    if let Some(enc) = font.and_then(legacy_font_encoding) {
        let start = p.run_start.min(p.text.len());
        if p.text.is_char_boundary(start) {
            let fixed = legacy::redecode(&p.text[start..], enc, options);
            p.text.truncate(start);
            p.text.push_str(&fixed);
        }
    }
}

/// The end of a paragraph: its list label (`1.`, `a)`) before its text when it is
/// numbered, directly or by its style.
fn number_paragraph(p: &mut Para, numbering: &mut Numbering) {
    let (style_id, style_lvl) = p.style_num.clone().unzip();
    let num_id = p.num_id.clone().or(style_id);
    let ilvl = p.ilvl.or(style_lvl.flatten()).unwrap_or(0);
    if let Some(id) = num_id.filter(|id| id != "0") {
        // Numbered paragraphs count even when empty, as in Word.
        if let Some(label) = numbering.label(&id, ilvl) {
            if !p.text.trim().is_empty() {
                p.text = format!("{label} {}", p.text.trim_start());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        )
    }

    fn text(body: &str) -> String {
        document_to_text(
            &doc(body),
            &Styles::default(),
            &mut Numbering::default(),
            &HashMap::new(),
            &Options::default(),
        )
    }

    #[test]
    fn paragraphs_runs_tabs_breaks() {
        let t = text(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
<w:r><w:t>Báo </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">cáo &amp; </w:t></w:r>
<w:r><w:tab/><w:t>kết</w:t><w:br/><w:t>quả</w:t></w:r></w:p>
<w:p/><w:p><w:hyperlink r:id="rId5"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink>
<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>kết quả trường</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
<w:del><w:r><w:delText>đã xoá</w:delText></w:r></w:del><w:ins><w:r><w:t> mới</w:t></w:r></w:ins>
<w:moveFrom><w:r><w:t> chuyển đi</w:t></w:r></w:moveFrom></w:p>"#,
        );
        assert_eq!(t, "Báo cáo & \tkết\nquả\nliên kết3\nkết quả trường mới");
    }

    #[test]
    fn tables_data_rows_and_layout_rows() {
        let cell = |ps: &[&str]| {
            let mut s = String::from("<w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>");
            for p in ps {
                s.push_str(&format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"));
            }
            s.push_str("</w:tc>");
            s
        };
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl><w:p><w:r><w:t>Kính gửi</w:t></w:r></w:p>\
             <w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            cell(&["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]),
            cell(&["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
            cell(&["TT"]),
            cell(&["Chỉ tiêu"]),
            cell(&["Kết quả"]),
            cell(&["1"]),
            cell(&[]),
            cell(&["95%"]),
        );
        assert_eq!(
            text(&body),
            "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKính gửi\nTT | Chỉ tiêu | Kết quả\n1 | 95%"
        );
    }

    #[test]
    fn nested_table_and_textbox_fallback() {
        let body = r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ngoài</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:tc></w:tr></w:tbl>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>neo</w:t></w:r></w:p>"#;
        assert_eq!(text(body), "ngoài\na | b\nhộp\nneo");
    }

    #[test]
    fn broken_xml_does_not_panic() {
        for s in [
            "<w:p><w:r><w:t>cut",
            "</w:tc></w:tr></w:tbl><w:t>x</w:t>",
            "<w:tbl><w:tc><w:p><w:r><w:t>y</w:t>",
            "<<<>>>&&&;;",
        ] {
            let _ = text(s);
        }
        assert_eq!(text("<w:p><w:r><w:t>cut"), "cut");
    }

    #[test]
    fn styles_fonts() {
        let styles = Styles::parse(
            r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="U"><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr></w:style></w:styles>"#,
        );
        assert_eq!(styles.default_font.as_deref(), Some("Times New Roman"));
        assert_eq!(styles.font_of("Heading1"), Some(".VnTime"));
        assert_eq!(styles.font_of("U"), Some("Arial"));
        assert_eq!(legacy_font_encoding(".VnTimeH"), Some(Encoding::Tcvn3));
        assert_eq!(legacy_font_encoding("VNI-Times"), Some(Encoding::Vni));
        assert_eq!(legacy_font_encoding("Times New Roman"), None);
    }
}

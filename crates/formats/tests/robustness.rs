//! Hand-made inputs built inside the tests: zip bombs, damaged files, encrypted and
//! hand-written PDFs, HTML pages, legacy-font DOCX, mis-named binary files; and the
//! no-panic property on arbitrary bytes for every format.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use tomtat_formats::{extract, write_zip, FormatError};
use tomtat_text::Options;

fn ext(name: &str, bytes: &[u8]) -> Result<String, FormatError> {
    extract(Path::new(name), bytes, &Options::default()).map(|t| t.into_string())
}

/// A shared development file, or `None` (with one visible line) on a clone without them.
fn files_dev(name: &str) -> Option<Vec<u8>> {
    let p: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/files-dev")
        .join(name);
    if !p.exists() {
        eprintln!("skipped: {} not present", p.display());
        return None;
    }
    Some(std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
}

fn docx(body: &str) -> Vec<u8> {
    let doc = document(body);
    write_zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
    ])
}

#[test]
fn docx_built_in_memory() {
    let d = docx(
        r#"<w:p><w:r><w:t>Báo cáo tổng kết</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Kết quả</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    );
    assert_eq!(
        ext("a.docx", &d).unwrap(),
        "Báo cáo tổng kết\nChỉ tiêu | Kết quả"
    );
    // Content decides: the same bytes under a .txt name are still a DOCX.
    assert_eq!(
        ext("a.txt", &d).unwrap(),
        "Báo cáo tổng kết\nChỉ tiêu | Kết quả"
    );
}

#[test]
fn docx_numbered_headings_and_items() {
    let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="5">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num></w:numbering>"#;
    let styles = r#"<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>"#;
    let p = |style: &str, num: &str, text: &str| {
        format!("<w:p><w:pPr>{style}{num}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
    };
    let h = r#"<w:pStyle w:val="Heading1"/>"#;
    let item = r#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr>"#;
    let body = [
        p(h, "", "KẾT QUẢ ĐẠT ĐƯỢC"),
        p("", item, "Về kinh tế"),
        p("", item, "Về xã hội"),
        p(h, "", "HẠN CHẾ"),
        p("", item, "Giải ngân chậm"),
        p("", "", "Đoạn thường"),
    ]
    .concat();
    let doc = document(&body);
    let d = write_zip(&[
        ("word/document.xml", doc.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ]);
    assert_eq!(
        ext("bao-cao.docx", &d).unwrap(),
        "I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Về kinh tế\n2. Về xã hội\nII. HẠN CHẾ\n1. Giải ngân chậm\nĐoạn thường"
    );
}

#[test]
fn docx_with_an_html_alt_chunk() {
    // Converters from HTML write the body as an MHT "alternative format chunk".
    let mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B1\"\r\n\r\n--B1\r\n\
Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
<html><body><h1>K=E1=BA=BFt lu=E1=BA=ADn</h1><p>H=E1=BB=99i ngh=E1=BB=8B</p></body></html>\r\n--B1--\r\n";
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="htmlChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="/word/afchunk.mht"/></Relationships>"#;
    let doc = document(r#"<w:p><w:r><w:t>Mở đầu</w:t></w:r></w:p><w:altChunk r:id="htmlChunk"/>"#);
    let d = write_zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/afchunk.mht", mht.as_bytes()),
    ]);
    assert_eq!(ext("a.docx", &d).unwrap(), "Mở đầu\nKết luận\nHội nghị");
    // The same web archive on its own.
    assert_eq!(
        ext("trang.mht", mht.as_bytes()).unwrap(),
        "Kết luận\nHội nghị"
    );
}

#[test]
fn odt_built_in_memory() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:h>Kế hoạch</text:h><text:p>Triển khai <text:span>nhiệm vụ</text:span> năm 2025.</text:p></office:text></office:body></office:document-content>"#;
    let odt = write_zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content.as_bytes()),
    ]);
    assert_eq!(
        ext("ke-hoach.odt", &odt).unwrap(),
        "Kế hoạch\nTriển khai nhiệm vụ năm 2025."
    );
    let ods = write_zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", b"<x/>"),
    ]);
    let e = ext("bang.ods", &ods).unwrap_err();
    assert!(e.to_string().contains("spreadsheet"), "{e}");
    let xlsx = write_zip(&[("xl/workbook.xml", b"<x/>")]);
    let e = ext("bang.xlsx", &xlsx).unwrap_err();
    assert!(e.to_string().contains("Excel"), "{e}");
}

#[test]
fn empty_docx_has_no_text() {
    let e = ext("a.docx", &docx("<w:p/>")).unwrap_err();
    assert!(matches!(e, FormatError::NoText("DOCX")), "{e}");
}

#[test]
fn zip_bomb_is_refused() {
    // 20 MB of one repeated paragraph compresses about a thousand times.
    let para = "<w:p><w:r><w:t>aaaaaaaaaaaaaaaa</w:t></w:r></w:p>";
    let body = para.repeat(20 * 1024 * 1024 / para.len());
    let bomb = docx(&body);
    assert!(bomb.len() < 200_000, "test zip is {} bytes", bomb.len());
    let e = ext("bomb.docx", &bomb).unwrap_err();
    assert!(matches!(e, FormatError::TooLarge(_)), "{e}");
    assert!(e.to_string().contains("zip bomb"), "{e}");
}

#[test]
fn absurd_declared_size_is_refused() {
    let mut d = docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
    // Patch the document entry's uncompressed size in the central directory to ~4 GB.
    let name = b"word/document.xml";
    let cd = d
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == b"PK\x01\x02")
        .map(|(i, _)| i)
        .find(|&i| d[i + 46..].starts_with(name))
        .unwrap();
    d[cd + 24..cd + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    let e = ext("a.docx", &d).unwrap_err();
    assert!(matches!(e, FormatError::TooLarge(_)), "{e}");
}

#[test]
fn damaged_docx_gives_errors_not_panics() {
    let Some(real) = files_dev("012.docx") else {
        return;
    };
    // Cut short: the zip directory at the end is gone.
    for cut in [10, 100, real.len() / 2, real.len() - 10] {
        let e = ext("a.docx", &real[..cut]).unwrap_err();
        assert!(
            matches!(e, FormatError::Damaged { format: "DOCX", .. }),
            "{cut}: {e}"
        );
    }
    // Flipped bytes anywhere: an error or a text, never a panic.
    let mut errors = 0;
    for i in (0..real.len()).step_by(97) {
        let mut bad = real.clone();
        bad[i] ^= 0x5A;
        if ext("a.docx", &bad).is_err() {
            errors += 1;
        }
    }
    assert!(errors > 0);
}

#[test]
fn damaged_pdf_gives_errors_not_panics() {
    let Some(real) = files_dev("002.pdf") else {
        return;
    };
    for cut in [8, 1000, real.len() / 3] {
        assert!(ext("a.pdf", &real[..cut]).is_err(), "cut at {cut}");
    }
    for i in (0..real.len()).step_by(real.len() / 40) {
        let mut bad = real.clone();
        for b in bad.iter_mut().skip(i).take(64) {
            *b ^= 0xA5;
        }
        let _ = ext("a.pdf", &bad);
    }
    let e = ext("a.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n").unwrap_err();
    assert!(
        matches!(e, FormatError::Damaged { format: "PDF", .. }),
        "{e}"
    );
}

/// A one-page PDF with correct cross-reference offsets; `extra` goes into the trailer.
fn make_pdf(content: &str, extra_objects: &[&str], trailer_extra: &str) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1),
    ];
    objects.extend(extra_objects.iter().map(|s| s.to_string()));
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn text_content(lines: &[&str]) -> String {
    let mut c = String::from("BT /F1 12 Tf 72 760 Td 14 TL\n");
    for l in lines {
        c.push_str(&format!("({l}) Tj T*\n"));
    }
    c.push_str("ET");
    c
}

const LINES: [&str; 4] = [
    "The provincial committee reviewed the results of the year.",
    "Growth reached seven percent and budget revenue exceeded the plan.",
    "Shortcomings remain in site clearance and public investment.",
    "Tasks for next year: speed up disbursement and reform procedures.",
];

#[test]
fn hand_made_pdf_text_layer() {
    let pdf = make_pdf(&text_content(&LINES), &[], "");
    let text = ext("letter.pdf", &pdf).unwrap();
    for l in LINES {
        assert!(text.contains(l), "missing {l:?} in {text:?}");
    }
}

/// TCVN3 bytes of lowercase Vietnamese text, found by asking the decoder.
fn tcvn3_bytes(s: &str) -> Vec<u8> {
    let opts = Options {
        encoding: Some(tomtat_text::Encoding::Tcvn3),
        ..Options::default()
    };
    let mut table = std::collections::HashMap::new();
    for b in 0x80..=0xFFu8 {
        if let Ok(t) = tomtat_text::Text::from_bytes(&[b], &opts) {
            let mut cs = t.as_str().chars();
            if let (Some(c), None) = (cs.next(), cs.next()) {
                table.entry(c).or_insert(b);
            }
        }
    }
    s.chars()
        .map(|c| if c.is_ascii() { c as u8 } else { table[&c] })
        .collect()
}

#[test]
fn pdf_printed_from_a_legacy_font_document() {
    let lines = [
        "tỉnh ủy đã lãnh đạo thực hiện thắng lợi các nhiệm vụ kinh tế xã hội",
        "tốc độ tăng trưởng kinh tế đạt khá, thu ngân sách vượt dự toán được giao",
    ];
    let escaped: Vec<String> = lines
        .iter()
        .map(|l| {
            tcvn3_bytes(l)
                .iter()
                .map(|&b| {
                    if b.is_ascii() {
                        (b as char).to_string()
                    } else {
                        format!("\\{b:o}")
                    }
                })
                .collect()
        })
        .collect();
    let refs: Vec<&str> = escaped.iter().map(String::as_str).collect();
    let pdf = make_pdf(&text_content(&refs), &[], "");
    let text = ext("cu.pdf", &pdf).unwrap();
    for l in lines {
        assert!(text.contains(l), "missing {l:?} in {text:?}");
    }
}

#[test]
fn utf8_text_with_tcvn3_mojibake() {
    // TCVN3 text once opened as Windows-1252 and saved as UTF-8.
    let viet = "báo cáo tình hình kinh tế xã hội tháng chín";
    let moji: String = tcvn3_bytes(viet).iter().map(|&b| b as char).collect();
    let file = format!("{moji}\n{moji}\n");
    assert_eq!(
        ext("cu.txt", file.as_bytes()).unwrap(),
        format!("{viet}\n{viet}\n")
    );
    // Proper UTF-8 Vietnamese keeps its byte positions.
    let t = extract(
        Path::new("moi.txt"),
        "Hà Nội\n".as_bytes(),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(t.source_range(0..3), 0..3);
}

#[test]
fn pdf_with_too_little_text_is_scanned() {
    let pdf = make_pdf(&text_content(&["Signed by: Office"]), &[], "");
    let e = ext("scan.pdf", &pdf).unwrap_err();
    assert!(
        matches!(e, FormatError::NoTextLayer { pages: 1, .. }),
        "{e}"
    );
}

#[test]
fn encrypted_pdf_is_reported() {
    // A standard security handler whose user password is not empty (O and U are
    // arbitrary, so no empty password can match).
    let o = "<".to_string() + &"4F".repeat(32) + ">";
    let u = "<".to_string() + &"A7".repeat(32) + ">";
    let encrypt = format!("<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O {o} /U {u} >>");
    let pdf = make_pdf(
        &text_content(&LINES),
        &[&encrypt],
        "/Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]",
    );
    let e = ext("secret.pdf", &pdf).unwrap_err();
    assert!(matches!(e, FormatError::Encrypted(_)), "{e}");
    assert!(e.to_string().contains("encrypted PDF"), "{e}");
}

#[test]
fn html_article_with_chrome_scripts_entities() {
    let page = r##"<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin</title>
<script>document.write("<p>quảng cáo</p>")</script><style>.x{}</style></head>
<body>
<header><div class="logo">Cổng thông tin điện tử</div><nav><ul><li>Trang chủ</li><li>Tin tức</li></ul></nav></header>
<main><article>
<h1>Báo cáo kết quả thực hiện nhiệm vụ năm 2024</h1>
<p>Năm 2024, t&#7881;nh &#x111;&atilde; ho&agrave;n th&agrave;nh&nbsp;18/20 chỉ tiêu.</p>
<ul><li>Tăng trưởng GRDP đạt 7,2%;</li><li>Thu ngân sách vượt dự toán.</li></ul>
</article></main>
<aside><h3>Tin liên quan</h3><a href="#">Hội nghị</a></aside>
<footer>Bản quyền &copy; 2024</footer>
</body></html>"##;
    let text = ext("bai-viet.html", page.as_bytes()).unwrap();
    assert_eq!(
        text,
        "Báo cáo kết quả thực hiện nhiệm vụ năm 2024\nNăm 2024, tỉnh đã hoàn thành 18/20 chỉ tiêu.\nTăng trưởng GRDP đạt 7,2%;\nThu ngân sách vượt dự toán."
    );
}

#[test]
fn html_in_a_legacy_charset() {
    // "Việt Nam" in Windows-1258: ê is 0xEA, the dot below is the combining byte 0xF2.
    let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body><p>Vi\xEA\xF2t Nam</p></body></html>".to_vec();
    assert_eq!(ext("a.htm", &page).unwrap(), "Việt Nam");
    page.truncate(0);
}

#[test]
fn rtf_saved_under_a_doc_name() {
    let rtf = br#"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Times New Roman;}}\f0 K\u7871?t lu\u7853?n\par H\u7897?i ngh\u7883?\par}"#;
    assert_eq!(ext("ket-luan.doc", rtf).unwrap(), "Kết luận\nHội nghị");
}

#[test]
fn binary_named_txt() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..500u32).map(|i| (i * 31 % 251) as u8));
    let e = ext("bao-cao.txt", &png).unwrap_err();
    assert_eq!(e.to_string(), "binary file (a PNG image), not text");
    let exe: Vec<u8> = (0..4000u32).map(|i| (i * 131 % 256) as u8).collect();
    let e = ext("notes.md", &exe).unwrap_err();
    assert!(matches!(e, FormatError::Binary(_)), "{e}");
}

#[test]
fn legacy_font_runs_are_redecoded() {
    // "Việt Nam" typed in .VnTime (TCVN3): ệ is byte 0xD6, which Word stores as 'Ö'.
    let d = docx(
        r#"<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t>Vi&#xD6;t Nam</w:t></w:r><w:r><w:t> – Hà Nội</w:t></w:r></w:p>"#,
    );
    assert_eq!(ext("a.docx", &d).unwrap(), "Việt Nam – Hà Nội");
}

const NAMES: [&str; 6] = ["a.txt", "a.docx", "a.html", "a.pdf", "a.doc", "a"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..3000), n in 0usize..6) {
        let _ = ext(NAMES[n], &bytes);
    }

    #[test]
    fn arbitrary_pdf_bodies_never_panic(body in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let mut pdf = b"%PDF-1.4\n".to_vec();
        pdf.extend_from_slice(&body);
        let _ = ext("a.pdf", &pdf);
    }

    #[test]
    fn arbitrary_compound_files_never_panic(body in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let mut cfb = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        cfb.extend_from_slice(&body);
        let _ = ext("a.doc", &cfb);
    }

    #[test]
    fn arbitrary_rtf_never_panics(body in "[{}\\\\a-z0-9 '*;\\-\\?]{0,400}") {
        let rtf = format!("{{\\rtf1 {body}");
        let _ = ext("a.rtf", rtf.as_bytes());
    }

    #[test]
    fn arbitrary_document_xml_never_panics(xml in "[<>/a-z:=\"' &;#0-9wptrcbl]{0,400}") {
        let d = write_zip(&[("word/document.xml", xml.as_bytes())]);
        let _ = ext("a.docx", &d);
    }

    #[test]
    fn arbitrary_html_never_panics(html in "[<>/a-z!\\-=\"' &;#0-9\\p{L}]{0,400}") {
        if let Ok(t) = ext("a.html", html.as_bytes()) {
            prop_assert!(!t.trim().is_empty());
        }
    }
}

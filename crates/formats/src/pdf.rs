//! .pdf → the text layer, through `pdf-extract` (lopdf underneath), page by page.
//!
//! The crate can panic on damaged files, so every call runs under `catch_unwind`
//! (with the panic message kept off stderr).
//! A PDF whose pages carry almost no text (a scan with a signature stamp) is refused
//! with "no text layer" rather than summarized.

use crate::FormatError;

/// Below this many visible characters per page on average, a PDF is taken as scanned.
pub(crate) const MIN_CHARS_PER_PAGE: usize = 100;

/// Where the PDF header is (the spec allows junk before it, within the first KiB).
pub(crate) fn header_offset(bytes: &[u8]) -> Option<usize> {
    let head = &bytes[..bytes.len().min(1024)];
    memchr::memmem::find(head, b"%PDF-")
}

/// Judge extracted pages: enough text per page, or the no-text-layer error.
pub(crate) fn judge_pages(pages: &[String]) -> Result<String, FormatError> {
    // Digital-signature stamps on scanned pages carry a few lines of text of their
    // own; they do not make a text layer.
    let chars: usize = pages
        .iter()
        .flat_map(|p| p.lines())
        .filter(|l| !is_signature_stamp_line(l))
        .map(|l| {
            l.chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .count()
        })
        .sum();
    let n = pages.len().max(1);
    if chars < MIN_CHARS_PER_PAGE * n {
        return Err(FormatError::NoTextLayer {
            pages: pages.len(),
            chars,
        });
    }
    // Fonts without a Unicode map give private-use, CJK-looking or replacement
    // characters instead of Vietnamese letters.
    let alnum: usize = pages
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| c.is_alphanumeric())
        .count();
    let latin: usize = pages
        .iter()
        .flat_map(|p| p.chars())
        .filter(|&c| c.is_alphanumeric() && is_latin(c))
        .count();
    let replacement: usize = pages
        .iter()
        .flat_map(|p| p.chars())
        .filter(|&c| c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c))
        .count();
    if latin * 2 < alnum || replacement * 10 > chars {
        return Err(FormatError::Damaged {
            format: "PDF",
            reason: "its text layer cannot be decoded (fonts without a Unicode map): run OCR on it"
                .into(),
        });
    }
    let mut out = String::new();
    for page in pages {
        let cleaned = clean_page(page);
        if cleaned.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&cleaned);
    }
    Ok(out)
}

/// A line of a digital-signature stamp ("Ký bởi: ...", "Thời gian ký: ...").
fn is_signature_stamp_line(line: &str) -> bool {
    let key = tomtat_text::match_key(line.trim());
    [
        "ký bởi",
        "người ký",
        "thời gian ký",
        "ngày ký",
        "cơ quan phát hành",
        "cơ quan:",
        "tổ chức:",
        "email:",
        "chức vụ:",
        "signed by",
        "signature valid",
        "date:",
        "reason:",
        "location:",
    ]
    .iter()
    .any(|label| key.starts_with(label))
}

/// Letters of the Latin script (Vietnamese included) and ASCII digits.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('\u{C0}'..='\u{24F}').contains(&c)
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// Trim line ends, drop blank-line runs and form feeds, and join the lines that
/// the page width wrapped: a line about as long as the page's full lines that does
/// not end a sentence continues on the next, unless that one starts a list item.
fn clean_page(page: &str) -> String {
    // Lines; `None` marks a blank line (a paragraph break).
    let mut lines: Vec<Option<&str>> = Vec::new();
    for line in page.split(['\n', '\r', '\u{C}']) {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if lines.last().is_some_and(Option::is_some) {
                lines.push(None);
            }
        } else {
            lines.push(Some(line));
        }
    }
    while lines.last().is_some_and(Option::is_none) {
        lines.pop();
    }
    let width = full_line_width(lines.iter().flatten().copied());
    let mut out = String::new();
    let mut prev: Option<&str> = None;
    for line in lines {
        let Some(l) = line else {
            prev = None;
            continue;
        };
        if !out.is_empty() {
            match prev {
                Some(p) if wraps(p, l, width) => {
                    out.push(' ');
                    out.push_str(l.trim_start());
                    prev = Some(l);
                    continue;
                }
                Some(_) => out.push('\n'),
                None => out.push_str("\n\n"),
            }
        }
        out.push_str(l);
        prev = Some(l);
    }
    out
}

/// The length (in characters) of a full line: the 90th percentile of line lengths.
fn full_line_width<'a>(lines: impl Iterator<Item = &'a str>) -> usize {
    let mut lens: Vec<usize> = lines
        .map(|l| l.trim().chars().count())
        .filter(|&n| n >= 10)
        .collect();
    if lens.len() < 3 {
        return 0;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)]
}

/// Does `prev` wrap onto `next`? Not for table rows (cells apart by runs of spaces)
/// nor for contents lines (dot leaders).
fn wraps(prev: &str, next: &str, width: usize) -> bool {
    let p = prev.trim();
    let n = next.trim();
    let tabular = |l: &str| l.contains("   ") || l.contains("....") || l.contains(". . .");
    width >= 40
        && !tabular(p)
        && !tabular(n)
        && p.chars().count() * 4 >= width * 3
        && !p.ends_with(['.', ':', ';', '!', '?', '…'])
        && !starts_list_item(n)
}

/// A bullet, a numbered or lettered item, or a legal heading (Điều, Chương, Mục, Phần).
fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if "-+•*–—●○■□▪►✓".contains(first) {
        return true;
    }
    for head in ["Điều ", "Chương ", "Mục ", "Phần ", "Phụ lục"] {
        if line.starts_with(head) {
            return true;
        }
    }
    // "1.", "2.3)", "a)", "đ)", "IV."
    let token: String = line.chars().take_while(|c| !c.is_whitespace()).collect();
    let body = token.trim_end_matches(['.', ')']);
    if body.len() == token.len() || body.is_empty() {
        return false;
    }
    let numbered = body
        .split('.')
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let lettered = body.chars().count() == 1 && body.chars().all(|c| c.is_lowercase());
    let roman = body.chars().all(|c| "IVXLC".contains(c));
    numbered || lettered || roman
}

#[cfg(feature = "pdf")]
pub(crate) fn pdf_to_text(bytes: &[u8]) -> Result<String, FormatError> {
    use pdf_extract::{Document, PlainTextOutput};

    let start = header_offset(bytes).ok_or_else(|| FormatError::Damaged {
        format: "PDF",
        reason: "no %PDF header".to_string(),
    })?;
    let bytes = &bytes[start..];
    let damaged = |reason: String| FormatError::Damaged {
        format: "PDF",
        reason,
    };
    let loaded = quiet_catch(|| Document::load_mem(bytes))
        .map_err(|_| damaged("the file structure could not be parsed".to_string()))?;
    let mut doc = match loaded {
        Ok(doc) => doc,
        Err(e) => {
            let msg = e.to_string();
            let lower = msg.to_ascii_lowercase();
            if lower.contains("decrypt") || lower.contains("password") || lower.contains("encrypt")
            {
                return Err(encrypted());
            }
            return Err(damaged(msg));
        }
    };
    if doc.is_encrypted() {
        let ok = quiet_catch(|| doc.decrypt("").is_ok()).unwrap_or(false);
        if !ok {
            return Err(encrypted());
        }
    }
    let page_numbers: Vec<u32> = quiet_catch(|| doc.get_pages().keys().copied().collect())
        .map_err(|_| damaged("the page tree could not be read".to_string()))?;
    if page_numbers.is_empty() {
        return Err(damaged("no pages".to_string()));
    }
    let mut pages = Vec::with_capacity(page_numbers.len());
    let mut failed = 0usize;
    let mut last_error = String::new();
    for n in page_numbers {
        let result = quiet_catch(|| {
            let mut s = String::new();
            let r = {
                let mut out = PlainTextOutput::new(&mut s);
                pdf_extract::output_doc_page(&doc, &mut out, n)
            };
            r.map(|()| s)
        });
        match result {
            Ok(Ok(s)) => pages.push(s),
            Ok(Err(e)) => {
                failed += 1;
                last_error = e.to_string();
                pages.push(String::new());
            }
            Err(_) => {
                failed += 1;
                last_error = format!("page {n} could not be read");
                pages.push(String::new());
            }
        }
    }
    if failed == pages.len() {
        return Err(damaged(last_error));
    }
    judge_pages(&pages)
}

/// Run `f`, turning a panic into `Err` without the default hook's message on stderr
/// (a damaged PDF is reported as an error, not as a crash trace). The hook installed
/// once here stays silent only on threads inside this call and otherwise defers to
/// the hook that was in place before.
#[cfg(feature = "pdf")]
fn quiet_catch<R>(f: impl FnOnce() -> R) -> std::thread::Result<R> {
    use std::cell::Cell;
    use std::panic::{catch_unwind, AssertUnwindSafe};
    thread_local! {
        static QUIET: Cell<bool> = const { Cell::new(false) };
    }
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result
}

#[cfg(feature = "pdf")]
fn encrypted() -> FormatError {
    FormatError::Encrypted(
        "encrypted PDF: open it with its password and save or print an unprotected copy".into(),
    )
}

#[cfg(not(feature = "pdf"))]
pub(crate) fn pdf_to_text(_bytes: &[u8]) -> Result<String, FormatError> {
    Err(FormatError::Unsupported(
        "PDF support was left out of this build (feature `pdf`)".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_stamp_is_not_a_text_layer() {
        let stamp = "Ký bởi: Sở Nội vụ tỉnh Bình Thuận\nEmail: snv@binhthuan.gov.vn\n\
                     Cơ quan: Tỉnh Bình Thuận\nThời gian ký: 12.03.2024 10:05:33 +07:00\n";
        let e = judge_pages(&[stamp.to_string()]).unwrap_err();
        assert!(
            matches!(e, FormatError::NoTextLayer { pages: 1, .. }),
            "{e}"
        );
        let letter = format!(
            "{stamp}{}",
            "Ủy ban nhân dân tỉnh đề nghị các sở thực hiện. ".repeat(5)
        );
        assert!(judge_pages(&[letter]).is_ok());
    }

    #[test]
    fn stamp_only_pages_are_scanned() {
        let pages = vec![
            String::new(),
            "Ký bởi: Văn phòng Chính phủ\n".to_string(),
            String::new(),
        ];
        assert!(matches!(
            judge_pages(&pages),
            Err(FormatError::NoTextLayer { pages: 3, .. })
        ));
    }

    #[test]
    fn text_pages_are_cleaned() {
        let page = "Điều 1.   \n\n\n  Nội dung ".repeat(20);
        let t = judge_pages(&[page]).unwrap();
        assert!(t.starts_with("Điều 1.\n\n  Nội dung"));
        assert!(!t.contains("\n\n\n"));
    }

    #[test]
    fn undecodable_text_layer() {
        let page = "\u{4E00}\u{4E8C}\u{4E09} ".repeat(100);
        let e = judge_pages(&[page]).unwrap_err();
        assert!(e.to_string().contains("cannot be decoded"), "{e}");
        let page = "Báo cáo \u{E012}\u{E013}\u{E014}".repeat(40);
        assert!(judge_pages(&[page]).is_err());
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let full = "Thực hiện Quyết định số 145/QĐ-BNV ngày 03/3/2025 của Bộ trưởng Bộ";
        let page = format!(
            "BỘ NỘI VỤ\n{full}\nNội vụ ban hành Kế hoạch sơ kết 05 năm thực hiện Chương trình,\n\
             đẩy mạnh cải cách hành chính nhà nước giai đoạn 2026 - 2030 (dự thảo).\n\
             Để tiếp tục hoàn thiện dự thảo Báo cáo, Bộ Nội vụ đề nghị các bộ, cơ quan\n\
             - Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, thành phố trực thuộc\n\
             2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương nghiên cứu\n\n\
             Nơi nhận:"
        );
        assert_eq!(
            clean_page(&page),
            format!(
                "BỘ NỘI VỤ\n{full} Nội vụ ban hành Kế hoạch sơ kết 05 năm thực hiện Chương trình, \
                 đẩy mạnh cải cách hành chính nhà nước giai đoạn 2026 - 2030 (dự thảo).\n\
                 Để tiếp tục hoàn thiện dự thảo Báo cáo, Bộ Nội vụ đề nghị các bộ, cơ quan\n\
                 - Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, thành phố trực thuộc\n\
                 2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương nghiên cứu\n\n\
                 Nơi nhận:"
            )
        );
        // Table rows and contents lines stay apart.
        let rows = format!("{full}\nGRDP    %    7,5    8,0    106,7 so với kế hoạch năm\n{full}");
        assert_eq!(clean_page(&rows), rows);
        let toc = format!("{full} . . . . 12\n{full} . . . . 15\n{full}");
        assert_eq!(clean_page(&toc), toc);
        assert!(starts_list_item("a) Hội"));
        assert!(starts_list_item("IV. KẾT QUẢ"));
        assert!(starts_list_item("1.2. Về"));
        assert!(!starts_list_item("Nội vụ"));
        assert!(!starts_list_item("2025 của"));
    }

    #[test]
    fn header_search() {
        assert_eq!(header_offset(b"%PDF-1.7"), Some(0));
        assert_eq!(header_offset(b"junk\n%PDF-1.4"), Some(5));
        assert_eq!(header_offset(b"PK\x03\x04"), None);
    }
}

//! HTML → the text of the page: scripts, styles, navigation, page header/footer,
//! side bars and forms dropped; block elements end lines; table cells joined by ` | `.

use crate::markup::{attr, decode_refs_into, Scanner, Token};
use tomtat_text::Encoding;

/// Elements whose whole content is dropped.
fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "nav"
            | "aside"
            | "form"
            | "button"
            | "select"
            | "textarea"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "canvas"
            | "menu"
            | "dialog"
    )
}

/// Elements whose content is raw text (no tags inside).
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "xmp" | "noscript"
    )
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "blockquote"
            | "pre"
            | "hr"
            | "address"
            | "figure"
            | "figcaption"
            | "body"
            | "html"
            | "center"
            | "fieldset"
            | "details"
            | "summary"
    )
}

/// The charset declared in the first bytes of an HTML file (`<meta charset=...>` or
/// `<meta http-equiv=... content="...; charset=...">`), if tomtat can decode it.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(8192)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(off) = find(&lower[from..], b"charset") {
        let mut i = from + off + 7;
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t' | b'\r' | b'\n') {
            i += 1;
        }
        if i >= lower.len() || lower[i] != b'=' {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || lower[i] == b'-' || lower[i] == b'_')
        {
            i += 1;
        }
        let name = std::str::from_utf8(&lower[start..i]).unwrap_or("");
        return match name {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "windows-1258" | "cp1258" | "x-cp1258" => Some(Encoding::Cp1258),
            "utf-16" | "utf-16le" => Some(Encoding::Utf16Le),
            "utf-16be" => Some(Encoding::Utf16Be),
            "tcvn3" | "tcvn" | "x-viet-tcvn" | "x-viet-tcvn5712" => Some(Encoding::Tcvn3),
            "vni" | "x-viet-vni" => Some(Encoding::Vni),
            "viqr" | "x-viet-viqr" => Some(Encoding::Viqr),
            _ => None,
        };
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Does this text look like an HTML document (for files with a text extension)?
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let skip = start.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let start = &start[skip..];
    let opens = |tag: &[u8]| {
        start
            .get(..tag.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(tag))
    };
    opens(b"<!doctype html") || opens(b"<html")
}

/// Extract the visible article text of an HTML page.
pub(crate) fn html_to_text(src: &str) -> String {
    let text = html_to_text_with(src, true);
    if text.is_empty() {
        // The class/id guesses dropped everything: take the page without them.
        return html_to_text_with(src, false);
    }
    text
}

/// Does a class, id or role name the element as page chrome (menus, side bars,
/// sharing buttons, related links, comments, banners)?
fn chrome_by_name(attrs: &str) -> bool {
    const WORDS: [&str; 22] = [
        "nav",
        "navbar",
        "navigation",
        "menu",
        "submenu",
        "sidebar",
        "breadcrumb",
        "breadcrumbs",
        "footer",
        "share",
        "sharing",
        "social",
        "related",
        "comment",
        "comments",
        "banner",
        "advert",
        "ads",
        "cookie",
        "toolbar",
        "pagination",
        "popup",
    ];
    let named = ["class", "id"].iter().any(|key| {
        attr(attrs, key).is_some_and(|v| {
            v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|w| WORDS.iter().any(|k| w.eq_ignore_ascii_case(k)))
        })
    });
    named
        || attr(attrs, "role").is_some_and(|r| {
            matches!(
                r.to_ascii_lowercase().as_str(),
                "navigation" | "banner" | "contentinfo" | "complementary" | "search"
            )
        })
}

fn html_to_text_with(src: &str, guess_chrome: bool) -> String {
    let mut out = Output::default();
    let mut scanner = Scanner::new(src);
    // Names of dropped elements currently open (innermost last).
    let mut dropped: Vec<String> = Vec::new();
    let mut article_depth = 0usize;
    let mut pre_depth = 0usize;
    let mut title = String::new();
    let mut in_title = false;
    while let Some(tok) = scanner.next() {
        match tok {
            Token::Text(t) | Token::CData(t) => {
                if in_title {
                    decode_refs_into(t, &mut title);
                } else if dropped.is_empty() {
                    out.text(t, pre_depth > 0, matches!(tok, Token::Text(_)));
                }
            }
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                let name = name.to_ascii_lowercase();
                let name = name.as_str();
                if name == "body" && dropped.iter().any(|d| d == "head") {
                    // A <head> left open ends where the body starts.
                    dropped.clear();
                }
                if name == "title" && dropped.iter().all(|d| d == "head") {
                    in_title = !self_closing;
                    continue;
                }
                if !dropped.is_empty() {
                    // Inside a dropped element: track nesting so that its own end tag
                    // (not an inner one of the same name) ends the drop.
                    if !self_closing && !is_void(name) {
                        if is_raw_text(name) {
                            scanner.skip_raw_text(name);
                        } else if dropped.len() < 256 {
                            dropped.push(name.to_string());
                        }
                    }
                    continue;
                }
                let drop = is_dropped(name)
                    || is_page_chrome(name, attrs, article_depth, guess_chrome)
                    || is_hidden(attrs);
                if !self_closing && !is_void(name) && drop {
                    if is_raw_text(name) {
                        scanner.skip_raw_text(name);
                    } else {
                        dropped.push(name.to_string());
                    }
                    continue;
                }
                if is_raw_text(name) && !self_closing {
                    // Raw text kept as text (e.g. <xmp>): take it literally.
                    let before = scanner.position();
                    scanner.skip_raw_text(name);
                    let after = scanner.position();
                    if dropped.is_empty() {
                        out.text(&src[before..after], false, false);
                    }
                    continue;
                }
                match name {
                    "article" | "main" => article_depth += 1,
                    "pre" => pre_depth += 1,
                    "td" | "th" => out.cell(),
                    "img" => {
                        // Keep nothing for images; alt text is usually a caption duplicate.
                    }
                    _ => {}
                }
                if is_block(name) {
                    out.line_break();
                }
            }
            Token::End { name } => {
                let name = name.to_ascii_lowercase();
                let name = name.as_str();
                if name == "title" {
                    in_title = false;
                    continue;
                }
                if let Some(pos) = dropped.iter().rposition(|d| d == name) {
                    dropped.truncate(pos);
                    continue;
                }
                if !dropped.is_empty() {
                    // An end tag of an element around the dropped one closes it too.
                    if matches!(name, "body" | "html") {
                        dropped.clear();
                    }
                    continue;
                }
                match name {
                    "article" | "main" => article_depth = article_depth.saturating_sub(1),
                    "pre" => pre_depth = pre_depth.saturating_sub(1),
                    "tr" => out.end_row(),
                    _ => {}
                }
                if is_block(name) {
                    out.line_break();
                }
            }
        }
    }
    let body = out.finish();
    if body.trim().is_empty() {
        // A page with nothing but a title still has that.
        let mut t = String::new();
        collapse_into(&title, &mut t);
        return t.trim().to_string();
    }
    body
}

/// An element hidden by its attributes (`hidden`, `aria-hidden="true"`,
/// `style="display: none"`).
fn is_hidden(attrs: &str) -> bool {
    attr(attrs, "hidden").is_some()
        || attr(attrs, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || attr(attrs, "style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// The page's header or footer outside an article, or (with `guess_chrome`) an element
/// whose class or id names navigation, menus, sharing and the like.
fn is_page_chrome(name: &str, attrs: &str, article_depth: usize, guess_chrome: bool) -> bool {
    (matches!(name, "header" | "footer") && (name == "footer" || article_depth == 0))
        || (guess_chrome
            && !matches!(name, "html" | "body" | "main" | "article")
            && chrome_by_name(attrs))
}

fn collapse_into(s: &str, out: &mut String) {
    let mut decoded = String::new();
    decode_refs_into(s, &mut decoded);
    let mut space = false;
    for c in decoded.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
}

/// Builds the text: whitespace collapsed, line breaks merged, cells joined.
#[derive(Default)]
struct Output {
    text: String,
    /// A space is pending before the next visible character.
    space: bool,
    /// The current row already has a cell.
    row_cells: usize,
}

impl Output {
    fn text(&mut self, raw: &str, pre: bool, decode: bool) {
        let mut decoded = String::new();
        if decode {
            decode_refs_into(raw, &mut decoded);
        } else {
            decoded.push_str(raw);
        }
        for c in decoded.chars() {
            if pre && (c == '\n' || c == '\r') {
                if c == '\n' {
                    self.line_break();
                }
                continue;
            }
            if c.is_whitespace() {
                // Includes no-break spaces.
                self.space = true;
                continue;
            }
            if c.is_control() || c == '\u{FEFF}' {
                continue;
            }
            if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push(c);
        }
    }

    fn line_break(&mut self) {
        self.space = false;
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.row_cells = 0;
    }

    fn cell(&mut self) {
        if self.row_cells > 0 {
            while self.text.ends_with(' ') {
                self.text.pop();
            }
            if !self.text.is_empty() && !self.text.ends_with('\n') && !self.text.ends_with(" | ") {
                self.text.push_str(" | ");
            }
            self.space = false;
        }
        self.row_cells += 1;
    }

    fn end_row(&mut self) {
        self.line_break();
    }

    fn finish(mut self) -> String {
        self.line_break();
        while self.text.ends_with('\n') {
            self.text.pop();
        }
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_only() {
        let html = r#"<!DOCTYPE html><html><head><title>T</title>
<style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
<body><header><nav><a href="/">Trang chủ</a></nav></header>
<article><header><h1>Báo c&aacute;o s&#417; k&#x1EBF;t</h1></header>
<p>Tỉnh   đã&nbsp;hoàn thành<br>kế hoạch.</p>
<div style="display: none">ẩn</div>
<table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr><tr><td>GRDP</td><td>7,5%</td></tr></table>
<footer>Chia sẻ</footer></article>
<aside>Tin liên quan</aside><footer>© Bản quyền</footer>
<form><input value="x">Tìm kiếm</form></body></html>"#;
        let text = html_to_text(html);
        assert_eq!(
            text,
            "Báo cáo sơ kết\nTỉnh đã hoàn thành\nkế hoạch.\nChỉ tiêu | Kết quả\nGRDP | 7,5%"
        );
    }

    #[test]
    fn chrome_by_class_id_role() {
        let html = r#"<body><div id="main-menu"><div><a>Trang chủ</a></div><div>Giới thiệu</div></div>
<div class="content"><h2>Kết quả</h2><div><p>Đạt 95% kế hoạch.</p></div></div>
<div class="box related-news"><div>Tin khác</div></div><div role="navigation">Trang 1 2 3</div>
<ul class="social-share"><li>Facebook</li></ul><p>Hết.</p></body>"#;
        assert_eq!(html_to_text(html), "Kết quả\nĐạt 95% kế hoạch.\nHết.");
        // When the guesses leave nothing, the page is read without them.
        assert_eq!(
            html_to_text(r#"<div class="menu">Chỉ có menu</div>"#),
            "Chỉ có menu"
        );
    }

    #[test]
    fn charset_declarations() {
        assert_eq!(
            declared_charset(b"<meta charset=\"UTF-8\">"),
            Some(Encoding::Utf8)
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=Content-Type content='text/html; charset=windows-1258'>"
            ),
            Some(Encoding::Cp1258)
        );
        assert_eq!(declared_charset(b"<p>no charset</p>"), None);
    }

    #[test]
    fn unclosed_and_broken_markup() {
        assert_eq!(
            html_to_text("<p>a < b<p>c &amp d</div></span>"),
            "a < b\nc &amp d"
        );
        assert_eq!(html_to_text("<script>never closed"), "");
        assert_eq!(html_to_text("<title>Only title</title>"), "Only title");
        assert_eq!(html_to_text("<pre>x  y\nz</pre>"), "x y\nz");
    }
}

//! Rich Text Format → text (Word also saves RTF under a `.doc` name).
//!
//! Groups and control words are scanned; the font table, style sheet, pictures,
//! headers, footers, footnotes, field instructions and unknown `\*` destinations are
//! skipped. `\uN` gives Unicode; `\'hh` bytes are decoded in the font's encoding:
//! TCVN3 or VNI for `.Vn*`/`VNI-*` fonts, Windows-1258 for the Vietnamese charset
//! (163) or code page 1258, Windows-1252 otherwise. Paragraph, cell and row marks
//! become Word's control characters and go through the `.doc` renderer.

use std::collections::HashMap;

use tomtat_text::{Encoding, Options, Text};

/// Destinations whose content is not document text.
fn is_skipped_destination(word: &str) -> bool {
    matches!(
        word,
        "colortbl"
            | "stylesheet"
            | "info"
            | "pict"
            | "object"
            | "header"
            | "headerl"
            | "headerr"
            | "headerf"
            | "footer"
            | "footerl"
            | "footerr"
            | "footerf"
            | "footnote"
            | "fldinst"
            | "listtable"
            | "listoverridetable"
            | "revtbl"
            | "rsidtbl"
            | "xmlnstbl"
            | "themedata"
            | "colorschememapping"
            | "latentstyles"
            | "datastore"
            | "generator"
            | "filetbl"
            | "private"
            | "shppict"
            | "nonshppict"
            | "bkmkstart"
            | "bkmkend"
            | "annotation"
            | "atnid"
            | "atnauthor"
            | "comment"
            | "template"
            | "mmathPr"
            | "pgdsctbl"
            | "falt"
            | "panose"
    )
}

#[derive(Clone, Copy)]
struct State {
    skip: bool,
    font: i32,
    /// Characters to skip after `\uN`.
    uc: usize,
    in_fonttbl: bool,
}

/// How a font's bytes are decoded.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ByteEnc {
    Cp1252,
    Legacy(Encoding),
}

/// The text being written, with the run of font bytes not yet decoded (bytes of one
/// font are decoded together, so multi-byte legacy letters stay whole).
struct RtfText<'o> {
    text: String,
    pending: Vec<u8>,
    pending_enc: ByteEnc,
    options: &'o Options,
}

impl<'o> RtfText<'o> {
    fn new(options: &'o Options) -> RtfText<'o> {
        RtfText {
            text: String::new(),
            pending: Vec::new(),
            pending_enc: ByteEnc::Cp1252,
            options,
        }
    }

    /// Decode the pending font bytes into the text.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let cp1252 = |bytes: &[u8], text: &mut String| {
            text.extend(bytes.iter().map(|&b| tomtat_text::cp1252_char(b)))
        };
        match self.pending_enc {
            ByteEnc::Cp1252 => cp1252(&self.pending, &mut self.text),
            ByteEnc::Legacy(e) => {
                let opts = Options {
                    encoding: Some(e),
                    ..*self.options
                };
                match Text::from_bytes(&self.pending, &opts) {
                    Ok(t) => self.text.push_str(t.as_str()),
                    Err(_) => cp1252(&self.pending, &mut self.text),
                }
            }
        }
        self.pending.clear();
    }

    /// A byte of text in a font with encoding `enc`.
    fn push_byte(&mut self, b: u8, enc: ByteEnc) {
        if enc != self.pending_enc {
            self.flush();
            self.pending_enc = enc;
        }
        self.pending.push(b);
    }

    fn push(&mut self, c: char) {
        self.flush();
        self.text.push(c);
    }

    fn push_str(&mut self, s: &str) {
        self.flush();
        self.text.push_str(s);
    }

    fn finish(mut self) -> String {
        self.flush();
        self.text
    }
}

/// Convert RTF to text.
pub(crate) fn rtf_to_text(bytes: &[u8], options: &Options) -> String {
    let mut out = RtfText::new(options);
    let mut stack: Vec<State> = Vec::new();
    let mut st = State {
        skip: false,
        font: -1,
        uc: 1,
        in_fonttbl: false,
    };
    let mut default_enc = ByteEnc::Cp1252;
    let mut fonts: HashMap<i32, ByteEnc> = HashMap::new();
    let mut font_def: (i32, String, Option<i32>) = (-1, String::new(), None);
    let mut skip_chars = 0usize;
    // The next control word opens a destination marked with `\*`.
    let mut starred = false;
    let mut group_start = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'{' => {
                out.flush();
                if stack.len() < 1000 {
                    stack.push(st);
                }
                group_start = true;
                starred = false;
                i += 1;
                continue;
            }
            b'}' => {
                out.flush();
                if st.in_fonttbl && font_def.0 >= 0 {
                    register_font(&mut fonts, &font_def);
                    font_def = (-1, String::new(), None);
                }
                st = stack.pop().unwrap_or(st);
                skip_chars = 0;
                group_start = false;
                i += 1;
                continue;
            }
            b'\\' => {
                i += 1;
                let Some(&c) = bytes.get(i) else { break };
                if c.is_ascii_alphabetic() {
                    let ws = i;
                    while i < bytes.len() && bytes[i].is_ascii_alphabetic() && i - ws < 32 {
                        i += 1;
                    }
                    let word = std::str::from_utf8(&bytes[ws..i]).unwrap_or("");
                    let ps = i;
                    if i < bytes.len() && bytes[i] == b'-' {
                        i += 1;
                    }
                    while i < bytes.len() && bytes[i].is_ascii_digit() && i - ps < 11 {
                        i += 1;
                    }
                    let param: Option<i32> = std::str::from_utf8(&bytes[ps..i])
                        .ok()
                        .and_then(|p| p.parse::<i64>().ok())
                        .map(|p| p.clamp(i32::MIN as i64, i32::MAX as i64) as i32);
                    if i < bytes.len() && bytes[i] == b' ' {
                        i += 1;
                    }
                    let first = group_start;
                    group_start = false;
                    if first
                        && (starred || is_skipped_destination(word))
                        && word != "fldrslt"
                        && word != "fonttbl"
                    {
                        st.skip = true;
                    }
                    starred = false;
                    if word == "fonttbl" {
                        st.in_fonttbl = true;
                        st.skip = true;
                        continue;
                    }
                    if st.in_fonttbl {
                        match word {
                            "f" => {
                                if font_def.0 >= 0 {
                                    register_font(&mut fonts, &font_def);
                                }
                                font_def = (param.unwrap_or(-1), String::new(), None);
                            }
                            "fcharset" => font_def.2 = param,
                            _ => {}
                        }
                        continue;
                    }
                    if st.skip {
                        continue;
                    }
                    if skip_chars > 0 {
                        skip_chars -= 1;
                        continue;
                    }
                    let text: Option<&str> = match word {
                        "ansicpg" => {
                            if param == Some(1258) {
                                default_enc = ByteEnc::Legacy(Encoding::Cp1258);
                            }
                            None
                        }
                        "f" => {
                            out.flush();
                            st.font = param.unwrap_or(-1);
                            None
                        }
                        "uc" => {
                            st.uc = param.unwrap_or(1).clamp(0, 8) as usize;
                            None
                        }
                        "u" => {
                            out.flush();
                            let n = param.unwrap_or(0);
                            let code = if n < 0 { n + 65536 } else { n } as u32;
                            if let Some(ch) = char::from_u32(code) {
                                out.push(ch);
                            }
                            skip_chars = st.uc;
                            None
                        }
                        "par" | "sect" => Some("\r"),
                        "line" => Some("\u{B}"),
                        "page" => Some("\u{C}"),
                        "tab" => Some("\t"),
                        "cell" | "nestcell" => Some("\u{7}"),
                        "row" | "nestrow" => Some("\u{7}"),
                        "emdash" => Some("—"),
                        "endash" => Some("–"),
                        "bullet" => Some("•"),
                        "lquote" => Some("‘"),
                        "rquote" => Some("’"),
                        "ldblquote" => Some("“"),
                        "rdblquote" => Some("”"),
                        "emspace" | "enspace" | "qmspace" => Some(" "),
                        _ => None,
                    };
                    if let Some(t) = text {
                        out.push_str(t);
                    }
                    continue;
                }
                // Control symbols (`\*` keeps the group start for its destination).
                i += 1;
                if c != b'*' {
                    group_start = false;
                }
                match c {
                    b'*' => {
                        starred = true;
                    }
                    b'\'' => {
                        let hex = bytes
                            .get(i..i + 2)
                            .and_then(|h| std::str::from_utf8(h).ok());
                        let byte = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
                        if byte.is_some() {
                            i += 2;
                        }
                        if st.in_fonttbl {
                            if let Some(b) = byte {
                                font_def.1.push(tomtat_text::cp1252_char(b));
                            }
                            continue;
                        }
                        if st.skip {
                            continue;
                        }
                        if skip_chars > 0 {
                            skip_chars -= 1;
                            continue;
                        }
                        if let Some(b) = byte {
                            out.push_byte(b, *fonts.get(&st.font).unwrap_or(&default_enc));
                        }
                    }
                    b'\r' | b'\n' if !st.skip => {
                        out.push('\r');
                    }
                    _ if st.skip || st.in_fonttbl => {}
                    b'~' => {
                        out.push(' ');
                    }
                    b'_' => {
                        out.push('-');
                    }
                    b'-' => {}
                    b'\\' | b'{' | b'}' => {
                        if skip_chars > 0 {
                            skip_chars -= 1;
                        } else {
                            out.push(c as char);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                group_start = false;
                if st.in_fonttbl {
                    if b == b';' {
                        register_font(&mut fonts, &font_def);
                        font_def = (-1, String::new(), None);
                    } else if font_def.0 >= 0 {
                        font_def.1.push(tomtat_text::cp1252_char(b));
                    }
                    continue;
                }
                if st.skip {
                    continue;
                }
                if skip_chars > 0 {
                    skip_chars -= 1;
                    continue;
                }
                // Literal characters: ASCII in practice; others as the font's bytes.
                if b.is_ascii() {
                    out.push(b as char);
                } else {
                    out.push_byte(b, *fonts.get(&st.font).unwrap_or(&default_enc));
                }
            }
        }
    }
    out.flush();
    crate::doc::render(&out.finish())
}

fn register_font(fonts: &mut HashMap<i32, ByteEnc>, def: &(i32, String, Option<i32>)) {
    let (id, name, charset) = def;
    if *id < 0 {
        return;
    }
    let name = name.trim();
    let enc = if let Some(e) = crate::docx::legacy_font_encoding(name) {
        ByteEnc::Legacy(e)
    } else if *charset == Some(163) {
        ByteEnc::Legacy(Encoding::Cp1258)
    } else {
        ByteEnc::Cp1252
    };
    fonts.insert(*id, enc);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rtf(s: &[u8]) -> String {
        rtf_to_text(s, &Options::default())
    }

    #[test]
    fn unicode_paragraphs_and_skipped_groups() {
        let doc =
            br#"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}}
{\colortbl;\red0\green0\blue0;}{\*\generator Word;}{\info{\title Secret}}
{\header Trang 1\par}
\pard\plain\f0 B\u225?o c\u225?o t\u7893?ng k\u7871?t\par
{\field{\*\fldinst { PAGE }}{\fldrslt {3}}}\line Caf\'e9 \{x\}\par
{\*\unknowndest hidden}{\pict\pngblip 89504e47}Xong.\par}"#;
        assert_eq!(rtf(doc), "Báo cáo tổng kết\n3\nCafé {x}\nXong.");
    }

    #[test]
    fn tables_and_uc() {
        let doc = br#"{\rtf1\ansi\uc2 \trowd\cellx1000\cellx2000 \intbl A\u7889??\cell B\cell\row \pard Sau\par}"#;
        assert_eq!(rtf(doc), "Aố | B\nSau");
    }

    #[test]
    fn legacy_fonts_and_vietnamese_charset() {
        // TCVN3 "Việt" in a .VnTime font: ệ is 0xD6.
        let doc = br#"{\rtf1\ansi{\fonttbl{\f0\fnil .VnTime;}{\f1\fnil\fcharset163 Times New Roman;}}\f0 Vi\'d6t\f1  Vi\'ea\'f2t\par}"#;
        assert_eq!(rtf(doc), "Việt Việt");
    }

    #[test]
    fn broken_rtf_does_not_panic() {
        for s in [
            &b"{\\rtf1 {{{{ \\u-"[..],
            b"{\\rtf1 \\'",
            b"{\\rtf1 \\'zz}}}}}",
            b"}}}{\\fonttbl{\\f",
        ] {
            let _ = rtf(s);
        }
    }
}

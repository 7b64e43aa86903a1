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

/// The reader's state between tokens: the group stack, the font table being read, and what
/// the next characters are (skipped destination, `\uN` fallback characters).
struct RtfReader<'o> {
    out: RtfText<'o>,
    stack: Vec<State>,
    st: State,
    default_enc: ByteEnc,
    fonts: HashMap<i32, ByteEnc>,
    font_def: (i32, String, Option<i32>),
    /// Fallback characters still to skip after `\uN`.
    skip_chars: usize,
    /// The next control word opens a destination marked with `\*`.
    starred: bool,
    group_start: bool,
}

/// Convert RTF to text.
pub(crate) fn rtf_to_text(bytes: &[u8], options: &Options) -> String {
    let mut r = RtfReader::new(options);
    let mut i = 0;
    while i < bytes.len() {
        i = match bytes[i] {
            b'{' => r.open_group(i + 1),
            b'}' => r.close_group(i + 1),
            b'\\' => match bytes.get(i + 1) {
                None => break,
                Some(c) if c.is_ascii_alphabetic() => r.control_word(bytes, i + 1),
                Some(&c) => r.control_symbol(bytes, i + 2, c),
            },
            b'\r' | b'\n' => i + 1,
            b => r.literal(b, i + 1),
        };
    }
    crate::doc::render(&r.out.finish())
}

impl<'o> RtfReader<'o> {
    fn new(options: &'o Options) -> RtfReader<'o> {
        RtfReader {
            out: RtfText::new(options),
            stack: Vec::new(),
            st: State {
                skip: false,
                font: -1,
                uc: 1,
                in_fonttbl: false,
            },
            default_enc: ByteEnc::Cp1252,
            fonts: HashMap::new(),
            font_def: (-1, String::new(), None),
            skip_chars: 0,
            starred: false,
            group_start: false,
        }
    }

    /// `{`: the state is saved (up to a depth of 1000; deeper groups share it).
    fn open_group(&mut self, next: usize) -> usize {
        self.out.flush();
        if self.stack.len() < 1000 {
            self.stack.push(self.st);
        }
        self.group_start = true;
        self.starred = false;
        next
    }

    /// `}`: a font definition ends, the saved state comes back.
    fn close_group(&mut self, next: usize) -> usize {
        self.out.flush();
        if self.st.in_fonttbl && self.font_def.0 >= 0 {
            self.end_font_def();
        }
        self.st = self.stack.pop().unwrap_or(self.st);
        self.skip_chars = 0;
        self.group_start = false;
        next
    }

    fn end_font_def(&mut self) {
        register_font(&mut self.fonts, &self.font_def);
        self.font_def = (-1, String::new(), None);
    }

    /// Whether the next text character is dropped: inside a skipped destination, or one of
    /// the fallback characters after `\uN` (counted down).
    fn dropped(&mut self) -> bool {
        if self.st.skip {
            return true;
        }
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
            return true;
        }
        false
    }

    fn font_enc(&self) -> ByteEnc {
        *self.fonts.get(&self.st.font).unwrap_or(&self.default_enc)
    }

    /// A control word `\word-123 ` starting at `i` (after the backslash); returns where the
    /// next token starts.
    fn control_word(&mut self, bytes: &[u8], mut i: usize) -> usize {
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
        self.apply_word(word, param);
        i
    }

    fn apply_word(&mut self, word: &str, param: Option<i32>) {
        let first = std::mem::take(&mut self.group_start);
        if first
            && (self.starred || is_skipped_destination(word))
            && word != "fldrslt"
            && word != "fonttbl"
        {
            self.st.skip = true;
        }
        self.starred = false;
        if word == "fonttbl" {
            self.st.in_fonttbl = true;
            self.st.skip = true;
            return;
        }
        if self.st.in_fonttbl {
            match word {
                "f" => {
                    if self.font_def.0 >= 0 {
                        register_font(&mut self.fonts, &self.font_def);
                    }
                    self.font_def = (param.unwrap_or(-1), String::new(), None);
                }
                "fcharset" => self.font_def.2 = param,
                _ => {}
            }
            return;
        }
        if self.dropped() {
            return;
        }
        match word {
            "ansicpg" => {
                if param == Some(1258) {
                    self.default_enc = ByteEnc::Legacy(Encoding::Cp1258);
                }
            }
            "f" => {
                self.out.flush();
                self.st.font = param.unwrap_or(-1);
            }
            "uc" => self.st.uc = param.unwrap_or(1).clamp(0, 8) as usize,
            "u" => {
                let n = param.unwrap_or(0);
                let code = if n < 0 { n + 65536 } else { n } as u32;
                if let Some(ch) = char::from_u32(code) {
                    self.out.push(ch);
                } else {
                    self.out.flush();
                }
                self.skip_chars = self.st.uc;
            }
            _ => {
                if let Some(t) = word_text(word) {
                    self.out.push_str(t);
                }
            }
        }
    }

    /// A control symbol `\c` (`c` is not a letter); `i` is after it. Returns where the next
    /// token starts (after the two hex digits of `\'hh`).
    fn control_symbol(&mut self, bytes: &[u8], mut i: usize, c: u8) -> usize {
        // `\*` keeps the group start for its destination.
        if c != b'*' {
            self.group_start = false;
        }
        match c {
            b'*' => self.starred = true,
            b'\'' => {
                let hex = bytes
                    .get(i..i + 2)
                    .and_then(|h| std::str::from_utf8(h).ok());
                let byte = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
                if byte.is_some() {
                    i += 2;
                }
                if self.st.in_fonttbl {
                    if let Some(b) = byte {
                        self.font_def.1.push(tomtat_text::cp1252_char(b));
                    }
                } else if !self.dropped() {
                    if let Some(b) = byte {
                        self.out.push_byte(b, self.font_enc());
                    }
                }
            }
            b'\r' | b'\n' if !self.st.skip => self.out.push('\r'),
            _ if self.st.skip || self.st.in_fonttbl => {}
            b'~' => self.out.push(' '),
            b'_' => self.out.push('-'),
            // An escaped character counts as a `\uN` fallback character.
            b'\\' | b'{' | b'}' if !self.dropped() => self.out.push(c as char),
            _ => {}
        }
        i
    }

    /// A literal byte: a font name character in the font table, else text (ASCII in practice;
    /// others as the font's bytes).
    fn literal(&mut self, b: u8, next: usize) -> usize {
        self.group_start = false;
        if self.st.in_fonttbl {
            if b == b';' {
                self.end_font_def();
            } else if self.font_def.0 >= 0 {
                self.font_def.1.push(tomtat_text::cp1252_char(b));
            }
        } else if !self.dropped() {
            if b.is_ascii() {
                self.out.push(b as char);
            } else {
                self.out.push_byte(b, self.font_enc());
            }
        }
        next
    }
}

/// The text a control word stands for (`\par` is a paragraph break, `\emdash` a dash).
fn word_text(word: &str) -> Option<&'static str> {
    Some(match word {
        "par" | "sect" => "\r",
        "line" => "\u{B}",
        "page" => "\u{C}",
        "tab" => "\t",
        "cell" | "nestcell" | "row" | "nestrow" => "\u{7}",
        "emdash" => "—",
        "endash" => "–",
        "bullet" => "•",
        "lquote" => "‘",
        "rquote" => "’",
        "ldblquote" => "“",
        "rdblquote" => "”",
        "emspace" | "enspace" | "qmspace" => " ",
        _ => return None,
    })
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

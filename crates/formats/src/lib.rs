//! Read report files (.txt/.md, .docx, .doc, .odt, .rtf, .html/.mht, .pdf) into text.
//!
//! The format is judged from the content first (a `.txt` that is really a PDF, a zip
//! or an image is recognized), then from the extension. Every failure is a
//! [`FormatError`] whose message tells the user what to do; no input makes this
//! crate panic (the PDF library is run under `catch_unwind`).
//!
//! - `.docx`: body paragraphs and tables in order (a row of one-paragraph cells is
//!   one line, cells joined by ` | `; layout tables give one line per paragraph),
//!   automatic numbering labels, text boxes, alternative-format chunks; zip bombs
//!   refused (200 MB per entry and in total, expansion ratio, lying sizes).
//! - `.doc` (Word 97–2003): the piece table of the compound file; `.odt`, `.rtf`.
//! - `.pdf`: the text layer through `pdf-extract`, wrapped lines joined; a PDF with
//!   under 100 visible characters a page (signature stamps aside) is "scanned".
//! - `.html`/`.mht`: the article text, page chrome dropped, references decoded.
//! - Text typed in legacy TCVN3/VNI fonts is re-decoded in every container.
//!
//! Positions: for plain text the [`Text`] maps back to the file's bytes; for the other
//! formats (and for plain text whose legacy-font mojibake was repaired) it maps back
//! to the extracted text (the file's bytes are compressed or binary).
//!
//! ```
//! use std::path::Path;
//! use tomtat_formats::{extract, FormatError};
//! use tomtat_text::Options;
//!
//! let html = "<html><body><nav>Menu</nav><p>Hà Nội, ngày 1 tháng 9</p><script>x()</script></body></html>";
//! let text = extract(Path::new("tin.html"), html.as_bytes(), &Options::default()).unwrap();
//! assert_eq!(text.as_str(), "Hà Nội, ngày 1 tháng 9");
//!
//! let err = extract(Path::new("a.txt"), b"%PDF-1.4 junk", &Options::default()).unwrap_err();
//! assert!(matches!(err, FormatError::Damaged { format: "PDF", .. }));
//! ```
//!
//! INTERFACE CONTRACT (used by the pipeline): `Format::from_path`, `extract(path, bytes, &Options) -> Result<Text, FormatError>`.
//! Added: `extract_file`, `extract_file_with_limit`, `read_bytes`, `Format::sniff`,
//! `DEFAULT_MAX_FILE_BYTES`.

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

use std::path::Path;
use tomtat_text::{DecodeError, Options, Text};

mod bytes;
mod cfb;
mod doc;
mod docx;
mod html;
mod legacy;
mod markup;
mod mht;
mod numbering;
mod odt;
mod pdf;
mod rtf;
mod zip;

#[doc(hidden)]
pub use zip::write_zip;

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Docx,
    Html,
    Pdf,
    Doc,
}

/// File extensions this crate reads (lower case), for callers that walk folders.
pub const EXTENSIONS: &[&str] = &[
    "txt", "md", "docx", "docm", "dotx", "odt", "html", "htm", "xhtml", "mht", "mhtml", "pdf",
    "doc", "dot", "rtf",
];

impl Format {
    /// The format for a file name, by extension; unknown extensions are read as text.
    /// OpenDocument `.odt` counts as `Docx` (a zipped XML word-processing document).
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("docx" | "docm" | "dotx" | "odt") => Format::Docx,
            Some("html" | "htm" | "xhtml" | "mht" | "mhtml") => Format::Html,
            Some("pdf") => Format::Pdf,
            Some("doc" | "dot") => Format::Doc,
            _ => Format::Text,
        }
    }

    /// The format the content shows by its signature, if it shows one
    /// (`%PDF-`, a zip archive, a compound file or RTF (both `Doc`), an HTML document).
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        match sniff(bytes) {
            Sniffed::Pdf => Some(Format::Pdf),
            Sniffed::Zip => Some(Format::Docx),
            Sniffed::Cfb | Sniffed::Rtf => Some(Format::Doc),
            Sniffed::Other(_) => None,
            Sniffed::None => html::looks_like_html(bytes).then_some(Format::Html),
        }
    }
}

/// Why a file could not be read. The messages are meant for the user, after "FILE: ".
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The file has no bytes.
    #[error("empty file")]
    Empty,
    /// The file was read but holds no text.
    #[error("no text found in this {0} file")]
    NoText(&'static str),
    /// The bytes are text in no encoding tomtat knows.
    #[error("undecodable text: {0} (try --encoding)")]
    Decode(#[from] DecodeError),
    /// Binary data where text was expected.
    #[error("binary file ({0}), not text")]
    Binary(String),
    /// A password-protected file.
    #[error("{0}")]
    Encrypted(String),
    /// A PDF without a usable text layer.
    #[error("no text layer: scanned image? run OCR first (only {chars} characters of text in {pages} page(s))")]
    NoTextLayer { pages: usize, chars: usize },
    /// A file of a known format whose structure is broken.
    #[error("damaged {format} file: {reason}")]
    Damaged {
        format: &'static str,
        reason: String,
    },
    /// Refused for its size: an over-large file or a zip bomb.
    #[error("{0}")]
    TooLarge(String),
    /// Word 6/95 binary format (Word 97–2003 `.doc` is read).
    #[error("old Word .doc format (Word 6/95) is not supported: save it as .docx")]
    OldDoc,
    /// A format tomtat does not read.
    #[error("{0}")]
    Unsupported(String),
    /// The file could not be read from disk.
    #[error("{0}")]
    Io(String),
    /// The path is not a regular file (a folder, a FIFO, a device, a socket).
    #[error("{0}")]
    NotAFile(&'static str),
}

/// What the first bytes say.
enum Sniffed {
    Pdf,
    Zip,
    Cfb,
    Rtf,
    /// A known binary format, by name.
    Other(&'static str),
    None,
}

fn sniff(bytes: &[u8]) -> Sniffed {
    let b = bytes;
    let starts = |m: &[u8]| b.starts_with(m);
    if pdf::header_offset(b).is_some() {
        return Sniffed::Pdf;
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") || starts(b"PK\x07\x08") {
        return Sniffed::Zip;
    }
    if starts(cfb::MAGIC) {
        return Sniffed::Cfb;
    }
    if starts(b"{\\rtf") {
        return Sniffed::Rtf;
    }
    let kind = if starts(b"\x89PNG\r\n\x1a\n") {
        "a PNG image"
    } else if starts(b"\xFF\xD8\xFF") {
        "a JPEG image"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "a GIF image"
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        "a TIFF image"
    } else if starts(b"RIFF") && b.get(8..12) == Some(b"WEBP") {
        "a WebP image"
    } else if starts(b"RIFF") {
        "a RIFF audio/video file"
    } else if starts(b"\x1F\x8B") {
        "a gzip archive"
    } else if starts(b"BZh") && b.get(3).is_some_and(|c| (b'1'..=b'9').contains(c)) && b.len() > 10
    {
        "a bzip2 archive"
    } else if starts(b"\xFD7zXZ\0") {
        "an xz archive"
    } else if starts(b"7z\xBC\xAF\x27\x1C") {
        "a 7-Zip archive"
    } else if starts(b"Rar!\x1A\x07") {
        "a RAR archive"
    } else if starts(b"\x7FELF") {
        "an executable"
    } else if starts(b"MZ") && b.len() > 64 && b[2..64].contains(&0) {
        "a Windows executable"
    } else if starts(b"ID3") || starts(b"OggS") || starts(b"fLaC") {
        "an audio file"
    } else if b.get(4..8) == Some(b"ftyp") {
        "an MP4/QuickTime media file"
    } else if starts(b"SQLite format 3\0") {
        "an SQLite database"
    } else if starts(b"AT&TFORM") {
        "a DjVu scan"
    } else {
        return Sniffed::None;
    };
    Sniffed::Other(kind)
}

/// Does the text contain so many control characters that it is binary data?
/// NUL bytes are left to the text decoder, which knows UTF-16.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return false;
    }
    let head = &bytes[..bytes.len().min(65536)];
    // Summed in bytes over chunks of 64 (no sum overflows) so the loop vectorizes 16 bytes
    // at a time; the tests are range checks by wrapping subtraction.
    let controls: usize = head
        .chunks(64)
        .map(|chunk| {
            chunk.iter().fold(0u8, |n, &c| {
                let control = c.wrapping_sub(0x01) < 8
                    || c.wrapping_sub(0x0E) < 12
                    || c.wrapping_sub(0x1C) < 4
                    || c == 0x7F;
                n + u8::from(control)
            }) as usize
        })
        .sum();
    controls >= 8 && controls * 50 > head.len()
}

/// Extract the text of a file given its bytes; `path` gives the extension, which
/// decides only when the content has no signature of its own.
///
/// ```
/// use std::path::Path;
/// use tomtat_formats::extract;
/// let t = extract(Path::new("bao-cao.txt"), "Kính gửi: UBND tỉnh".as_bytes(), &Default::default()).unwrap();
/// assert_eq!(t.as_str(), "Kính gửi: UBND tỉnh");
/// ```
pub fn extract(path: &Path, bytes: &[u8], options: &Options) -> Result<Text, FormatError> {
    if bytes.is_empty() {
        return Err(FormatError::Empty);
    }
    let by_name = Format::from_path(path);
    let (text, kind) = match sniff(bytes) {
        Sniffed::Pdf => (pdf::pdf_to_text(bytes)?, "PDF"),
        Sniffed::Zip => docx::docx_to_text(bytes, options)?,
        Sniffed::Cfb => (cfb::read(bytes)?, "Word .doc"),
        Sniffed::Rtf => (rtf::rtf_to_text(bytes, options), "RTF"),
        Sniffed::Other(kind) => return Err(FormatError::Binary(kind.to_string())),
        Sniffed::None => match by_name {
            Format::Pdf => return Err(misnamed(bytes, "PDF", "no %PDF header")),
            Format::Docx => return Err(misnamed(bytes, "DOCX", "not a zip archive")),
            _ if by_name == Format::Html
                || html::looks_like_html(bytes)
                || mht::looks_like_mime(bytes) =>
            {
                (html_bytes_to_text(bytes, options)?, "HTML")
            }
            // Text, or a .doc that Word wrote as plain text.
            _ => return plain_text(bytes, options),
        },
    };
    if text.trim().is_empty() {
        return Err(FormatError::NoText(kind));
    }
    // Text typed in legacy TCVN3/VNI fonts survives in every container as mojibake.
    let text = legacy::fix_mojibake_lines(&text, options);
    Ok(Text::from_str_with(&text, options))
}

/// The error for a .pdf/.docx without its signature: say what the file seems to be.
fn misnamed(bytes: &[u8], format: &'static str, reason: &str) -> FormatError {
    let what = if html::looks_like_html(bytes) {
        ": the file is an HTML page (a failed download?)"
    } else if looks_binary(bytes) || bytes.contains(&0) {
        ""
    } else {
        ": the file looks like plain text with the wrong extension"
    };
    FormatError::Damaged {
        format,
        reason: format!("{reason}{what}"),
    }
}

fn plain_text(bytes: &[u8], options: &Options) -> Result<Text, FormatError> {
    if looks_binary(bytes) {
        return Err(FormatError::Binary("control characters throughout".into()));
    }
    match Text::from_bytes(bytes, options) {
        Ok(t) if t.as_str().trim().is_empty() => Err(FormatError::NoText("text")),
        Ok(t) => {
            // TCVN3/VNI text once opened as Windows-1252 and saved as UTF-8 ("ViÖt
            // Nam"): fixed, at the cost of positions that then point into the fixed text.
            match legacy::fix_mojibake_lines(t.as_str(), options) {
                std::borrow::Cow::Owned(fixed) => Ok(Text::from_str_with(&fixed, options)),
                std::borrow::Cow::Borrowed(_) => Ok(t),
            }
        }
        Err(DecodeError::Binary(at)) => {
            Err(FormatError::Binary(format!("NUL byte at offset {at}")))
        }
        Err(e) => Err(FormatError::Decode(e)),
    }
}

/// HTML (or an MHT web archive holding HTML) → text.
pub(crate) fn html_bytes_to_text(bytes: &[u8], options: &Options) -> Result<String, FormatError> {
    if mht::looks_like_mime(bytes) {
        let html = mht::html_part(bytes).ok_or_else(|| FormatError::Damaged {
            format: "MHT",
            reason: "no HTML part in the web archive".into(),
        })?;
        return html_only_bytes_to_text(&html, options);
    }
    html_only_bytes_to_text(bytes, options)
}

fn html_only_bytes_to_text(bytes: &[u8], options: &Options) -> Result<String, FormatError> {
    let decoded = match (options.encoding, html::declared_charset(bytes)) {
        (None, Some(enc)) => {
            let forced = Options {
                encoding: Some(enc),
                ..*options
            };
            // A wrong declaration falls back to detection.
            Text::from_bytes(bytes, &forced).or_else(|_| Text::from_bytes(bytes, options))
        }
        _ => Text::from_bytes(bytes, options),
    };
    let decoded = match decoded {
        Ok(t) => t,
        Err(DecodeError::Binary(at)) => {
            return Err(FormatError::Binary(format!("NUL byte at offset {at}")))
        }
        Err(e) => return Err(FormatError::Decode(e)),
    };
    Ok(html::html_to_text(decoded.as_str()))
}

/// Files larger than this are refused by [`extract_file`] (and by the `tomtat` pipeline and
/// CLI, which use this one read path; `--max-file-mb` changes it there).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Read a file from disk and extract its text, refusing files over
/// [`DEFAULT_MAX_FILE_BYTES`].
///
/// ```no_run
/// let text = tomtat_formats::extract_file("bao-cao.docx".as_ref(), &Default::default());
/// ```
pub fn extract_file(path: &Path, options: &Options) -> Result<Text, FormatError> {
    extract_file_with_limit(path, options, DEFAULT_MAX_FILE_BYTES)
}

/// [`extract_file`] with a chosen size limit in bytes.
pub fn extract_file_with_limit(
    path: &Path,
    options: &Options,
    max_bytes: u64,
) -> Result<Text, FormatError> {
    let bytes = read_bytes(path, max_bytes)?;
    extract(path, &bytes, options)
}

/// The bytes of a regular file, refusing anything else before it is opened: a folder, a
/// FIFO, a device (`/dev/zero`) or a socket would block or never end. A file over
/// `max_bytes` is refused before it is read, and reading stops at `max_bytes` + 1 in case
/// it grows meanwhile, so no more than `max_bytes` are ever held.
///
/// ```
/// use tomtat_formats::{read_bytes, FormatError};
/// let e = read_bytes("/dev/zero".as_ref(), 1 << 20).unwrap_err();
/// assert!(matches!(e, FormatError::NotAFile(_)), "{e}");
/// ```
pub fn read_bytes(path: &Path, max_bytes: u64) -> Result<Vec<u8>, FormatError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(io_error)?;
    check_regular(&meta)?;
    if meta.len() > max_bytes {
        return Err(too_large(meta.len(), max_bytes));
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    // The path may have been swapped between the two looks: judge the open file too.
    check_regular(&file.metadata().map_err(io_error)?)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64, max_bytes));
    }
    Ok(bytes)
}

fn check_regular(meta: &std::fs::Metadata) -> Result<(), FormatError> {
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(FormatError::NotAFile("is a directory, not a file"));
    }
    if kind.is_file() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Err(FormatError::NotAFile(
                "a named pipe (FIFO), not a regular file",
            ));
        }
        if kind.is_socket() {
            return Err(FormatError::NotAFile("a socket, not a regular file"));
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Err(FormatError::NotAFile("a device, not a regular file"));
        }
    }
    Err(FormatError::NotAFile("not a regular file"))
}

fn too_large(len: u64, max: u64) -> FormatError {
    FormatError::TooLarge(format!(
        "file too large: {} MB (limit {} MB): split it or raise --max-file-mb",
        len.div_ceil(1 << 20),
        max >> 20
    ))
}

fn io_error(e: std::io::Error) -> FormatError {
    use std::io::ErrorKind;
    FormatError::Io(match e.kind() {
        ErrorKind::NotFound => "not found".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read the file: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(name: &str, bytes: &[u8]) -> Result<String, FormatError> {
        extract(Path::new(name), bytes, &Options::default()).map(Text::into_string)
    }

    #[test]
    fn format_from_path() {
        assert_eq!(Format::from_path(Path::new("A.DOCX")), Format::Docx);
        assert_eq!(Format::from_path(Path::new("x.htm")), Format::Html);
        assert_eq!(Format::from_path(Path::new("x.doc")), Format::Doc);
        assert_eq!(Format::from_path(Path::new("noext")), Format::Text);
    }

    #[test]
    fn sniffing_beats_the_extension() {
        assert!(matches!(
            ext("a.txt", b"\x89PNG\r\n\x1a\n\0\0"),
            Err(FormatError::Binary(_))
        ));
        assert!(matches!(
            ext("a.txt", b"PK\x03\x04garbage"),
            Err(FormatError::Damaged { format: "DOCX", .. })
        ));
        assert!(matches!(
            ext("a.md", b"%PDF-1.5\n"),
            Err(FormatError::Damaged { format: "PDF", .. })
        ));
        let html = ext("page.txt", b"<!DOCTYPE html><p>Xin ch&agrave;o</p>").unwrap();
        assert_eq!(html, "Xin chào");
        let mut cfb = cfb::MAGIC.to_vec();
        cfb.extend("WordDocument".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert!(matches!(
            ext("report.txt", &cfb),
            Err(FormatError::Damaged {
                format: "Word .doc",
                ..
            })
        ));
    }

    #[test]
    fn misnamed_files() {
        let e = ext("a.pdf", b"<html><body>404 Not Found</body></html>").unwrap_err();
        assert!(e.to_string().contains("HTML page"), "{e}");
        let e = ext("a.docx", "Báo cáo".as_bytes()).unwrap_err();
        assert!(e.to_string().contains("plain text"), "{e}");
    }

    #[test]
    fn binary_and_empty() {
        assert!(matches!(ext("a.txt", b""), Err(FormatError::Empty)));
        assert!(matches!(
            ext("a.txt", b" \n\t "),
            Err(FormatError::NoText(_))
        ));
        let junk: Vec<u8> = (0..400u32).map(|i| (i * 7 % 32) as u8 + 1).collect();
        assert!(matches!(ext("a.txt", &junk), Err(FormatError::Binary(_))));
        assert!(matches!(
            ext("a.txt", b"abcdefgh\0\0\0\0\0\0\0\0ijkl mnop"),
            Err(FormatError::Binary(_))
        ));
    }

    #[test]
    fn error_messages_say_what_to_do() {
        assert_eq!(
            FormatError::OldDoc.to_string(),
            "old Word .doc format (Word 6/95) is not supported: save it as .docx"
        );
        assert!(FormatError::NoTextLayer {
            pages: 3,
            chars: 40
        }
        .to_string()
        .starts_with("no text layer: scanned image? run OCR first"));
    }

    #[test]
    fn io_errors() {
        let o = Options::default();
        let e = extract_file(Path::new("/nonexistent/x.txt"), &o).unwrap_err();
        assert_eq!(e.to_string(), "not found");
        let e = extract_file(Path::new(env!("CARGO_MANIFEST_DIR")), &o).unwrap_err();
        assert_eq!(e.to_string(), "is a directory, not a file");
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        let e = extract_file_with_limit(&manifest, &o, 10).unwrap_err();
        assert!(matches!(e, FormatError::TooLarge(_)), "{e}");
        #[cfg(unix)]
        {
            let e = extract_file(Path::new("/dev/zero"), &o).unwrap_err();
            assert_eq!(e.to_string(), "a device, not a regular file");
        }
    }
}

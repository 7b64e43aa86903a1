//! Read report files (.txt/.md, .docx, .html, .pdf) into text.
//!
//! INTERFACE CONTRACT (used by the pipeline): `Format::from_path`, `extract(path, bytes, &Options) -> Result<Text, FormatError>`.

use std::path::Path;
use tomtat_text::{Options, Text};

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Docx,
    Html,
    Pdf,
    Doc,
}

impl Format {
    /// The format for a file name, by extension; unknown extensions are read as text.
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("docx") => Format::Docx,
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("pdf") => Format::Pdf,
            Some("doc") => Format::Doc,
            _ => Format::Text,
        }
    }
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("empty file")]
    Empty,
    #[error(transparent)]
    Decode(#[from] tomtat_text::DecodeError),
    #[error("{0}")]
    Unsupported(String),
}

/// Extract the text of a file given its bytes.
pub fn extract(path: &Path, bytes: &[u8], options: &Options) -> Result<Text, FormatError> {
    if bytes.is_empty() {
        return Err(FormatError::Empty);
    }
    match Format::from_path(path) {
        Format::Text => Ok(Text::from_bytes(bytes, options)?),
        other => Err(FormatError::Unsupported(format!(
            "{other:?} files are not supported yet"
        ))),
    }
}

//! Compound File Binary containers (old .doc/.xls/.ppt, and password-protected
//! .docx/.xlsx, which Office wraps in one): say what the file is.
//!
//! The `cfb` crate was weighed (issue 14): it reads the container's directory and streams, but
//! the Word reader (`doc.rs`) walks the sectors itself with its own bounds, and this file only
//! tells a Word document from a spreadsheet, a presentation or an encrypted package by the
//! stream names, which needs no parsing; so no dependency is added for it. .doc parsing runs
//! in a worker process under memory and time limits in the CLI.

use crate::FormatError;

/// The signature of a compound file.
pub(crate) const MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

fn has_utf16_name(bytes: &[u8], name: &str) -> bool {
    let pat: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(pat.len()).any(|w| w == pat.as_slice())
}

/// The text of a compound file: an old Word document is read; anything else is an error.
pub(crate) fn read(bytes: &[u8]) -> Result<String, FormatError> {
    use crate::doc::{doc_to_text, DocError};
    if has_utf16_name(bytes, "EncryptedPackage") {
        return Err(classify(bytes));
    }
    match doc_to_text(bytes) {
        Ok(text) => Ok(text),
        Err(DocError::Encrypted) => Err(FormatError::Encrypted(
            "password-protected Word .doc: remove the password in Word and save again".into(),
        )),
        Err(DocError::NotWord) => Err(classify(bytes)),
        Err(DocError::TooOld) => Err(FormatError::OldDoc),
        Err(DocError::Damaged(reason)) => Err(FormatError::Damaged {
            format: "Word .doc",
            reason: format!("{reason} (open it in Word and save it as .docx)"),
        }),
    }
}

/// The error for a compound file: encrypted Office document, old Word, Excel or PowerPoint.
pub(crate) fn classify(bytes: &[u8]) -> FormatError {
    if has_utf16_name(bytes, "EncryptedPackage") {
        return FormatError::Encrypted(
            "password-protected Office document: remove the password in Word and save again".into(),
        );
    }
    if has_utf16_name(bytes, "WordDocument") {
        return FormatError::OldDoc;
    }
    if has_utf16_name(bytes, "Workbook") || has_utf16_name(bytes, "Book") {
        return FormatError::Unsupported(
            "an old Excel .xls workbook, not a report: save the report as .docx".into(),
        );
    }
    if has_utf16_name(bytes, "PowerPoint Document") {
        return FormatError::Unsupported(
            "an old PowerPoint .ppt file, not supported: save the report as .docx".into(),
        );
    }
    FormatError::Unsupported("an unknown Microsoft Office binary file, not supported".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::tests::{build_cfb, build_doc};

    #[test]
    fn what_a_compound_file_holds() {
        let encrypted = build_cfb(&[
            ("EncryptionInfo", vec![4; 200]),
            ("EncryptedPackage", vec![7; 5000]),
        ]);
        let e = read(&encrypted).unwrap_err();
        assert!(matches!(e, FormatError::Encrypted(_)), "{e}");
        assert!(e.to_string().contains("password"), "{e}");
        let xls = build_cfb(&[("Workbook", vec![0; 5000])]);
        assert!(read(&xls).unwrap_err().to_string().contains("Excel"));
        assert!(read(&build_doc(0, true))
            .unwrap_err()
            .to_string()
            .contains("password-protected Word .doc"));
        assert_eq!(read(&build_doc(0, false)).unwrap(), "Báo cáo: Việt Nam\n1");
    }
}

//! Golden tests on the real office files in `shared/data/files-dev`: the extracted
//! text must recover the reference text's syllables (and not add many of its own).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tomtat_formats::{extract_file, FormatError};
use tomtat_text::Options;
use unicode_normalization::UnicodeNormalization;

/// The shared development files, or `None` (with one visible line) on a clone without them.
fn dir() -> Option<PathBuf> {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/files-dev");
    if !d.is_dir() {
        eprintln!("skipped: {} not present", d.display());
        return None;
    }
    Some(d)
}

/// Lower-cased NFC syllables (runs of letters and digits) with their counts.
fn syllables(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    let norm: String = s.nfc().collect::<String>().to_lowercase();
    for w in norm
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    m
}

/// (recall, precision) of the extracted syllables against the reference.
fn overlap(extracted: &str, reference: &str) -> (f64, f64) {
    let e = syllables(extracted);
    let r = syllables(reference);
    let common: usize = r
        .iter()
        .map(|(w, n)| (*n).min(*e.get(w).unwrap_or(&0)))
        .sum();
    let total_r: usize = r.values().sum();
    let total_e: usize = e.values().sum();
    (
        common as f64 / total_r.max(1) as f64,
        common as f64 / total_e.max(1) as f64,
    )
}

fn check(name: &str, min_recall: f64, min_precision: f64) {
    let Some(d) = dir() else { return };
    let text =
        extract_file(&d.join(name), &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let stem = name.split('.').next().unwrap();
    let reference = std::fs::read_to_string(d.join(format!("{stem}.ref.txt"))).unwrap();
    let (recall, precision) = overlap(text.as_str(), &reference);
    eprintln!("{name}: syllable recall {recall:.4}, precision {precision:.4}");
    assert!(
        recall >= min_recall,
        "{name}: recall {recall:.4} < {min_recall}"
    );
    assert!(
        precision >= min_precision,
        "{name}: precision {precision:.4} < {min_precision}"
    );
    // The text crate normalizes: no decomposed tone marks may remain.
    assert!(
        !text
            .as_str()
            .chars()
            .any(|c| ('\u{300}'..='\u{323}').contains(&c)),
        "{name}: combining marks left in the text"
    );
}

#[test]
fn pdf_with_text_layer() {
    // Measured: recall 0.994 (the number and date stamped by the signing tool are
    // missing), precision 1.000.
    check("002.pdf", 0.99, 0.995);
}

#[test]
fn docx_letter() {
    // Measured: recall 1.000, precision 1.000.
    check("012.docx", 0.995, 0.995);
}

#[test]
fn docx_decomposed_unicode() {
    // Measured: recall 1.000, precision 1.000.
    check("016.docx", 0.995, 0.995);
}

#[test]
fn scanned_pdf_has_no_text_layer() {
    let Some(d) = dir() else { return };
    let e = extract_file(&d.join("006.pdf"), &Options::default()).unwrap_err();
    assert!(
        matches!(e, FormatError::NoTextLayer { pages: 3, .. }),
        "{e}"
    );
    assert!(e
        .to_string()
        .starts_with("no text layer: scanned image? run OCR first"));
}

#[test]
fn word_97_doc() {
    // Measured: recall 0.991 (automatic list numbers such as "1." and "a)" are not
    // in the text stream), precision 1.000.
    check("022.doc", 0.985, 0.995);
}

//! Detection on short pieces (about 30, 60 and 120 bytes, cut at spaces) of the
//! legacy-encoded dev reports: auto-detection must decode a piece exactly as the
//! forced encoding does. Pieces that read the same as UTF-8 (plain ASCII) are skipped.

use tomtat_text::{Encoding, Options, Text};

#[test]
fn short_pieces_detect_well() {
    let Some(dir) = tomtat_testdata::shared("encodings-dev") else {
        return;
    };
    let mut report = Vec::new();
    for size in [30usize, 60, 120] {
        for enc in ["tcvn3", "vni", "viqr", "cp1258"] {
            let encoding: Encoding = enc.parse().unwrap();
            let forced = Options {
                encoding: Some(encoding),
                ..Default::default()
            };
            let utf8 = Options {
                encoding: Some(Encoding::Utf8),
                ..Default::default()
            };
            let (mut right, mut all) = (0usize, 0usize);
            for i in 0..5 {
                let bytes = std::fs::read(dir.join(format!("{i:03}.{enc}.txt"))).unwrap();
                let mut start = 0;
                while start < bytes.len() {
                    let mut end = (start + size).min(bytes.len());
                    while end < bytes.len() && bytes[end] != b' ' {
                        end += 1;
                    }
                    let piece = &bytes[start..end];
                    start = end;
                    let want = Text::from_bytes(piece, &forced).unwrap();
                    let plain = Text::from_bytes(piece, &utf8).ok();
                    if plain.is_some_and(|p| p.as_str() == want.as_str()) {
                        continue;
                    }
                    all += 1;
                    let got = Text::from_bytes(piece, &Options::default()).unwrap();
                    right += (got.as_str() == want.as_str()) as usize;
                }
            }
            let share = right as f64 / all as f64;
            report.push(format!("{size:>4} {enc:7} {right}/{all} = {share:.3}"));
            // Ties between equally valid readings go to the more common encoding
            // (TCVN3, then VNI, then cp1258), which costs a piece now and then.
            assert!(share >= 0.98, "{}", report.join("\n"));
        }
    }
    eprintln!("{}", report.join("\n"));
}

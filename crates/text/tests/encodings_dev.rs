//! Golden test: the legacy-encoded dev reports in `shared/data/encodings-dev` decode to
//! exactly their expected Unicode, with the encoding forced and detected.

use std::path::PathBuf;
use tomtat_text::{detect, Encoding, Options, Text, ToneStyle};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/encodings-dev")
}

#[test]
fn every_file_decodes_exactly() {
    let dir = dir();
    assert!(dir.is_dir(), "missing {}", dir.display());
    let mut checked = 0;
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".expected.txt"))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for name in names {
        let stem = name.trim_end_matches(".expected.txt");
        let enc_name = stem.rsplit('.').next().unwrap();
        let encoding: Encoding = enc_name.parse().unwrap();
        let bytes = std::fs::read(dir.join(format!("{stem}.txt"))).unwrap();
        let expected = std::fs::read_to_string(dir.join(&name)).unwrap();
        for forced in [Some(encoding), None] {
            let opts = Options {
                encoding: forced,
                tone_style: ToneStyle::Keep,
            };
            let text = Text::from_bytes(&bytes, &opts).unwrap();
            if text.encoding() != encoding {
                failures.push(format!("{stem}: detected {:?}", text.detection()));
                continue;
            }
            if text.as_str() != expected {
                let pos = text
                    .as_str()
                    .char_indices()
                    .zip(expected.chars())
                    .find(|((_, a), b)| a != b)
                    .map_or(0, |((i, _), _)| i);
                let lo = pos.saturating_sub(30);
                let ctx: String = text.as_str()[lo..].chars().take(50).collect();
                let ectx: String = expected[lo.min(expected.len())..]
                    .chars()
                    .take(50)
                    .collect();
                failures.push(format!(
                    "{stem} (forced {forced:?}): differs at {pos}:\n got {ctx:?}\nwant {ectx:?}"
                ));
                continue;
            }
            // Offsets: the whole text maps to the whole file, lines map to lines.
            assert_eq!(text.source_range(0..text.as_str().len()), 0..bytes.len());
            checked += 1;
        }
        let d = detect(&bytes);
        assert!(d.confidence > 0.5, "{stem}: low confidence {d:?}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(checked, 40);
}

#[test]
fn utf8_originals_are_utf8() {
    for i in 0..5 {
        let bytes = std::fs::read(dir().join(format!("{i:03}.utf8.txt"))).unwrap();
        let d = detect(&bytes);
        assert_eq!(d.encoding, Encoding::Utf8);
        assert!(d.confidence > 0.95, "{d:?}");
        let text = Text::from_bytes(&bytes, &Options::default()).unwrap();
        assert_eq!(text.as_str().as_bytes(), &bytes[..]);
    }
}

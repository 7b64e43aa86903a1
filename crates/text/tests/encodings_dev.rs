//! Golden test: the legacy-encoded dev reports in `shared/data/encodings-dev` decode to
//! exactly their expected Unicode, with the encoding forced and detected.

use std::path::PathBuf;
use tomtat_text::{detect, Encoding, Options, Text, ToneStyle};

fn dir() -> Option<PathBuf> {
    tomtat_testdata::shared("encodings-dev")
}

/// Byte ranges of the pieces between spaces and line breaks.
fn pieces(b: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b' ' || c == b'\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..b.len());
    out
}

#[test]
fn every_file_decodes_exactly() {
    let Some(dir) = dir() else { return };
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
            // Offsets: the whole text maps to the whole file, and each word (text
            // between ASCII spaces and line breaks, which every encoding keeps as
            // they are) maps to the same word of the source.
            assert_eq!(text.source_range(0..text.as_str().len()), 0..bytes.len());
            let out_words = pieces(text.as_str().as_bytes());
            let src_words = pieces(&bytes);
            assert_eq!(out_words.len(), src_words.len(), "{stem}");
            for (o, s) in out_words.into_iter().zip(src_words) {
                assert_eq!(
                    text.source_range(o.clone()),
                    s,
                    "{stem}: {:?}",
                    &text.as_str()[o]
                );
            }
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
    let Some(dir) = dir() else { return };
    for i in 0..5 {
        let bytes = std::fs::read(dir.join(format!("{i:03}.utf8.txt"))).unwrap();
        let d = detect(&bytes);
        assert_eq!(d.encoding, Encoding::Utf8);
        assert!(d.confidence > 0.95, "{d:?}");
        let text = Text::from_bytes(&bytes, &Options::default()).unwrap();
        assert_eq!(text.as_str().as_bytes(), &bytes[..]);
    }
}

/// Detection on short inputs: every line of the legacy files on its own. A line
/// counts as right when auto-detection decodes it to the expected line (a line of
/// plain ASCII is right as UTF-8 too).
#[test]
fn lines_detect_well() {
    let Some(dir) = dir() else { return };
    let (mut right, mut all) = (0usize, 0usize);
    let mut wrong = Vec::new();
    for i in 0..5 {
        for enc in ["tcvn3", "vni", "viqr", "cp1258"] {
            let bytes = std::fs::read(dir.join(format!("{i:03}.{enc}.txt"))).unwrap();
            let expected =
                std::fs::read_to_string(dir.join(format!("{i:03}.{enc}.expected.txt"))).unwrap();
            let lines = bytes.split(|&b| b == b'\n').zip(expected.split('\n'));
            for (line, want) in lines {
                if line.len() < 20 {
                    continue;
                }
                all += 1;
                let got = Text::from_bytes(line, &Options::default()).unwrap();
                if got.as_str() == want.trim_end_matches('\r') {
                    right += 1;
                } else {
                    wrong.push(format!("{enc} {:?}: {}", got.detection(), got.as_str()));
                }
            }
        }
    }
    let share = right as f64 / all as f64;
    eprintln!("lines detected right: {right}/{all} = {share:.3}");
    for w in wrong.iter().take(15) {
        eprintln!("  {w}");
    }
    assert!(share >= 0.97, "{right}/{all}");
}

/// TCVN3 or VNI text typed in a legacy font and saved as Unicode (each byte shown as
/// its Windows-1252/Latin-1 character, "B¸o c¸o") is read back as the font's bytes.
#[test]
fn legacy_font_text_saved_as_unicode() {
    let Some(dir) = dir() else { return };
    let cp1252 = |b: u8| -> char {
        // Windows-1252 for the bytes these files use, Latin-1 otherwise.
        match b {
            0x80..=0x9F => Text::from_bytes(
                &[b],
                &Options {
                    encoding: Some(Encoding::Tcvn3),
                    ..Default::default()
                },
            )
            .unwrap()
            .as_str()
            .chars()
            .next()
            .unwrap(),
            _ => b as char,
        }
    };
    for i in 0..5 {
        for enc in ["tcvn3", "vni"] {
            let bytes = std::fs::read(dir.join(format!("{i:03}.{enc}.txt"))).unwrap();
            let expected =
                std::fs::read_to_string(dir.join(format!("{i:03}.{enc}.expected.txt"))).unwrap();
            let unicode: String = bytes.iter().map(|&b| cp1252(b)).collect();
            let text = Text::from_bytes(unicode.as_bytes(), &Options::default()).unwrap();
            assert_eq!(text.encoding().name(), enc, "{i:03}");
            assert_eq!(text.as_str(), expected, "{i:03}.{enc}");
            // Words map to the same words of the UTF-8 source.
            let out_words = pieces(text.as_str().as_bytes());
            let src_words = pieces(unicode.as_bytes());
            assert_eq!(out_words.len(), src_words.len());
            for (o, s) in out_words.into_iter().zip(src_words) {
                assert_eq!(text.source_range(o), s);
            }
        }
    }
    // Real Unicode made only of Latin-1 letters stays as it is.
    for s in [
        "BÁO CÁO",
        "THÔNG BÁO KẾT QUẢ",
        "Tôi là ai? Ông Bà Cô Chú Dì",
        "Café à la crème",
    ] {
        let t = Text::from_bytes(s.as_bytes(), &Options::default()).unwrap();
        assert_eq!(t.as_str(), s);
        assert_eq!(t.encoding(), Encoding::Utf8);
    }
}

/// Capitals TCVN3 cannot store: `restore_capitals` changes nothing in the five
/// reports (their 2 such letters are in title-case words, "Ủy viên", out of its reach),
/// and on the bundled corpus with every toned capital lowered as TCVN3 stores it, it
/// restores those of headings in capitals and at sentence starts, nothing else.
#[test]
fn tcvn3_capitals_restore() {
    let Some(dir) = dir() else { return };
    let opts = Options {
        encoding: Some(Encoding::Tcvn3),
        tone_style: ToneStyle::Keep,
    };
    for i in 0..5 {
        let bytes = std::fs::read(dir.join(format!("{i:03}.tcvn3.txt"))).unwrap();
        let mut text = Text::from_bytes(&bytes, &opts).unwrap();
        assert_eq!(text.restore_capitals(), 0, "{i:03}");
    }
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let (mut lowered, mut restored, mut wrong) = (0, 0, 0);
    for entry in std::fs::read_dir(corpus).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let original = std::fs::read_to_string(&path).unwrap();
        let original = Text::from_str_with(&original, &Options::default()).into_string();
        let tcvn3: String = original
            .chars()
            .map(|c| {
                let own_code = "ĂÂÊÔƠƯĐ".contains(c);
                if c.is_uppercase() && !c.is_ascii() && !own_code {
                    lowered += 1;
                    c.to_lowercase().next().unwrap()
                } else {
                    c
                }
            })
            .collect();
        let mut text = Text::from_str_with(&tcvn3, &Options::default());
        text.restore_capitals();
        for ((o, t), r) in original
            .chars()
            .zip(tcvn3.chars())
            .zip(text.as_str().chars())
        {
            if t != r {
                if r == o {
                    restored += 1;
                } else {
                    wrong += 1;
                }
            }
        }
    }
    eprintln!("capitals: {lowered} lowered, {restored} restored, {wrong} wrong");
    assert!(lowered > 0);
    assert_eq!(wrong, 0);
    // The rest are title-case words inside sentences (names, "Ủy ban"), left alone.
    assert!(restored * 5 >= lowered * 2, "{restored}/{lowered}");
}

//! Each of the 134 non-ASCII Vietnamese letters decodes right in every encoding that
//! carries it. The encoded forms are built here from the rules of each standard
//! (independently of the decoders' tables where the rules allow).

use tomtat_text::{vietnamese_letters, Encoding, Options, Text, ToneStyle};
use unicode_normalization::UnicodeNormalization;

fn decode(bytes: &[u8], encoding: Encoding) -> String {
    Text::from_bytes(
        bytes,
        &Options {
            encoding: Some(encoding),
            tone_style: ToneStyle::Keep,
        },
    )
    .unwrap()
    .into_string()
}

/// Splits a letter into its ASCII base, shape (`^`, `(`, `+`, or none), tone index
/// (0 none, 1 grave, 2 acute, 3 hook, 4 tilde, 5 dot) from its canonical decomposition.
fn parts(c: char) -> (char, Option<char>, usize) {
    let mut base = None;
    let mut shape = None;
    let mut tone = 0;
    for d in c.to_string().nfd() {
        match d {
            '\u{0302}' => shape = Some('^'),
            '\u{0306}' => shape = Some('('),
            '\u{031B}' => shape = Some('+'),
            '\u{0300}' => tone = 1,
            '\u{0301}' => tone = 2,
            '\u{0309}' => tone = 3,
            '\u{0303}' => tone = 4,
            '\u{0323}' => tone = 5,
            b => base = Some(b),
        }
    }
    (base.unwrap(), shape, tone)
}

#[test]
fn there_are_134() {
    let l = vietnamese_letters();
    assert_eq!(l.len(), 134);
    assert_eq!(l.iter().filter(|c| c.is_lowercase()).count(), 67);
}

#[test]
fn viqr() {
    for c in vietnamese_letters() {
        let s = if c == 'đ' {
            "dd".to_string()
        } else if c == 'Đ' {
            "DD".to_string()
        } else {
            let (base, shape, tone) = parts(c);
            let mut s = base.to_string();
            s.extend(shape);
            s.push_str(["", "`", "'", "?", "~", "."][tone]);
            s
        };
        assert_eq!(decode(s.as_bytes(), Encoding::Viqr), c.to_string(), "{s}");
    }
}

#[test]
fn cp1258() {
    // Precomposed bases of Windows-1258 (Latin-1 where it has them).
    let base_byte = |b: char| -> u8 {
        match b {
            'â' => 0xE2,
            'Â' => 0xC2,
            'ê' => 0xEA,
            'Ê' => 0xCA,
            'ô' => 0xF4,
            'Ô' => 0xD4,
            'ă' => 0xE3,
            'Ă' => 0xC3,
            'ơ' => 0xF5,
            'Ơ' => 0xD5,
            'ư' => 0xFD,
            'Ư' => 0xDD,
            'đ' => 0xF0,
            'Đ' => 0xD0,
            c if c.is_ascii() => c as u8,
            c => panic!("no cp1258 base {c}"),
        }
    };
    for c in vietnamese_letters() {
        let (base, shape, tone) = parts(c);
        let shaped: String = [base]
            .into_iter()
            .chain(shape.map(|s| match s {
                '^' => '\u{0302}',
                '(' => '\u{0306}',
                _ => '\u{031B}',
            }))
            .collect::<String>()
            .nfc()
            .collect();
        let mut bytes = vec![base_byte(shaped.chars().next().unwrap())];
        if tone > 0 {
            bytes.push([0, 0xCC, 0xEC, 0xD2, 0xDE, 0xF2][tone]);
        }
        assert_eq!(
            decode(&bytes, Encoding::Cp1258),
            c.to_string(),
            "{c} {bytes:x?}"
        );
    }
    // Precomposed Latin-1 letters are accepted too.
    assert_eq!(decode(&[0xC1, 0xE0, 0xF9], Encoding::Cp1258), "Áàù");
}

#[test]
fn vni() {
    for c in vietnamese_letters() {
        let upper = c.is_uppercase();
        let (base, shape, tone) = parts(c);
        let lower_bytes: Vec<u8> = match (base.to_ascii_lowercase(), shape, tone) {
            ('đ' | 'Đ', None, 0) => vec![0xF1],
            ('i', None, t) => vec![[b'i', 0xEC, 0xED, 0xE6, 0xF3, 0xF2][t]],
            ('y', None, 5) => vec![0xEE],
            (b, Some('+'), t) => {
                let first = if b == 'o' { 0xF4 } else { 0xF6 };
                let mut v = vec![first];
                if t > 0 {
                    v.push([0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF][t]);
                }
                v
            }
            (b, Some('^'), t) => vec![b as u8, [0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4][t]],
            (b, Some('('), t) => vec![b as u8, [0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB][t]],
            (b, None, t) => vec![b as u8, [0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF][t]],
            other => panic!("{other:?}"),
        };
        // Upper case: ASCII letters upper-cased, every other byte 0x20 lower.
        let bytes: Vec<u8> = lower_bytes
            .iter()
            .map(|&b| match (upper, b) {
                (false, b) => b,
                (true, b) if b.is_ascii() => b.to_ascii_uppercase(),
                (true, b) => b - 0x20,
            })
            .collect();
        assert_eq!(
            decode(&bytes, Encoding::Vni),
            c.to_string(),
            "{c} {bytes:x?}"
        );
    }
    // A lower-case mark after a capital is accepted (common in real files).
    assert_eq!(decode(b"A\xF9", Encoding::Vni), "Á");
    // Windows-1252 punctuation.
    assert_eq!(decode(b"\x93a\x94 \x96 \x85", Encoding::Vni), "“a” – …");
}

#[test]
fn tcvn3() {
    // TCVN 5712:1993 VN3: capitals Ă Â Ê Ô Ơ Ư Đ at 0xA1.., their lower case at 0xA8..;
    // for each vowel the five tones (grave, hook, tilde, acute, dot) in a row.
    let rows: [(&str, [u8; 5]); 12] = [
        ("a", [0xB5, 0xB6, 0xB7, 0xB8, 0xB9]),
        ("ă", [0xBB, 0xBC, 0xBD, 0xBE, 0xC6]),
        ("â", [0xC7, 0xC8, 0xC9, 0xCA, 0xCB]),
        ("e", [0xCC, 0xCE, 0xCF, 0xD0, 0xD1]),
        ("ê", [0xD2, 0xD3, 0xD4, 0xD5, 0xD6]),
        ("i", [0xD7, 0xD8, 0xDC, 0xDD, 0xDE]),
        ("o", [0xDF, 0xE1, 0xE2, 0xE3, 0xE4]),
        ("ô", [0xE5, 0xE6, 0xE7, 0xE8, 0xE9]),
        ("ơ", [0xEA, 0xEB, 0xEC, 0xED, 0xEE]),
        ("u", [0xEF, 0xF1, 0xF2, 0xF3, 0xF4]),
        ("ư", [0xF5, 0xF6, 0xF7, 0xF8, 0xF9]),
        ("y", [0xFA, 0xFB, 0xFC, 0xFD, 0xFE]),
    ];
    let marks = ['\u{0300}', '\u{0309}', '\u{0303}', '\u{0301}', '\u{0323}'];
    let mut seen = 0;
    for (base, bytes) in rows {
        for (mark, b) in marks.iter().zip(bytes) {
            let want: String = format!("{base}{mark}").nfc().collect();
            assert_eq!(decode(&[b], Encoding::Tcvn3), want, "{b:#x}");
            // Capitals are written with the lower-case byte and read as lower case.
            seen += 1;
        }
    }
    for (i, c) in "ĂÂÊÔƠƯĐăâêôơưđ".chars().enumerate() {
        assert_eq!(decode(&[0xA1 + i as u8], Encoding::Tcvn3), c.to_string());
        seen += 1;
    }
    // 60 toned lower-case vowels + 7 + 7: every letter TCVN3 carries.
    assert_eq!(seen, 74);
    assert_eq!(decode(b"B\xB8O C\xB8O", Encoding::Tcvn3), "BáO CáO");
    assert_eq!(decode(b"\x93a\x94", Encoding::Tcvn3), "“a”");
}

//! Vietnamese typed in legacy 8-bit fonts (TCVN3 `.VnTime`, VNI `VNI-Times`) shows in
//! Word files as Latin-1 mojibake ("ViÖt Nam", "Vieät Nam"). When the font names are
//! lost (pasted text, style-less runs, .doc pieces), the text itself tells: lines made
//! only of Latin-1/Windows-1252 characters are mapped back to bytes and, if the text
//! crate's detector finds TCVN3 or VNI in them, decoded that way.

use std::borrow::Cow;

use tomtat_text::{Encoding, Options, Text};

/// A character as the byte a legacy font drew it from, if it is one.
pub(crate) fn char_to_byte(c: char) -> Option<u8> {
    Some(match c as u32 {
        0..=0xFF => c as u32 as u8,
        // Symbol-charset fonts: Word stores byte b as U+F000 + b.
        0xF000..=0xF0FF => (c as u32 - 0xF000) as u8,
        _ => match c {
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            _ => return None,
        },
    })
}

/// A character that Unicode Vietnamese text does not use: not ASCII, not one of the
/// Vietnamese letters of Latin-1 (à, Á, ô, ...), not common punctuation. TCVN3 and
/// VNI mojibake is full of them (µ ¸ ¶ ¹ ª ¬ ä ø ...); a heading such as "THÔNG BÁO"
/// has none.
fn is_foreign(c: char) -> bool {
    !c.is_ascii()
        && !"ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý".contains(c)
        && !"–—“”‘’…•°×±§«»©®€·\u{A0}\u{AD}".contains(c)
}

/// The bytes behind `s`, if every character maps to one.
fn to_bytes(s: &str) -> Option<Vec<u8>> {
    s.chars().map(char_to_byte).collect()
}

/// Decode the mojibake `s` in `enc`; `s` unchanged if it is not mojibake.
pub(crate) fn redecode(s: &str, enc: Encoding, options: &Options) -> String {
    let Some(bytes) = to_bytes(s) else {
        return s.to_string();
    };
    if bytes.is_ascii() {
        return s.to_string();
    }
    let opts = Options {
        encoding: Some(enc),
        ..*options
    };
    match Text::from_bytes(&bytes, &opts) {
        Ok(t) => t.into_string(),
        Err(_) => s.to_string(),
    }
}

/// Re-decode the lines of `text` that are TCVN3 or VNI mojibake. The decision is made
/// once for all candidate lines together, and only when they are most of the lines
/// with accents, so that a Latin-1-only heading of a Unicode document is never touched.
pub(crate) fn fix_mojibake_lines<'a>(text: &'a str, options: &Options) -> Cow<'a, str> {
    if options.encoding.is_some() {
        // The user named the encoding of the source; Unicode files are not re-guessed.
        return Cow::Borrowed(text);
    }
    // In Unicode Vietnamese almost every line with accents has a letter past U+00FF
    // (ư, ơ, ă, đ, ạ...); only the odd heading ("THÔNG BÁO") is Latin-1 alone. Text
    // in a legacy font is Latin-1 throughout, so most accented lines are candidates.
    let (mut accented, mut candidates) = (0, 0);
    for line in text.lines().filter(|l| !l.is_ascii()) {
        accented += 1;
        candidates += usize::from(is_candidate(line));
    }
    if candidates == 0 || candidates * 2 <= accented {
        return Cow::Borrowed(text);
    }
    let mut joined = Vec::new();
    for line in text.lines().filter(|l| is_candidate(l)) {
        joined.extend(to_bytes(line).unwrap_or_default());
        joined.push(b'\n');
    }
    let enc = match Text::from_bytes(&joined, &Options::default()) {
        Ok(t) if matches!(t.encoding(), Encoding::Tcvn3 | Encoding::Vni) => t.encoding(),
        _ => return Cow::Borrowed(text),
    };
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if is_candidate(line) {
            let line = if enc == Encoding::Tcvn3 {
                restore_u_horn(line)
            } else {
                line.to_string()
            };
            out.push_str(&redecode(&line, enc, options));
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// A line that may be legacy-font mojibake: every character maps back to a byte, at least
/// two are not ASCII and one is [foreign](is_foreign). One pass, stopping at the first
/// character past the legacy range (which a Unicode Vietnamese line reaches at its first
/// `ư`, `đ` or `ạ`).
fn is_candidate(line: &str) -> bool {
    let (mut non_ascii, mut foreign) = (0, false);
    for c in line.chars().filter(|c| !c.is_ascii()) {
        if char_to_byte(c).is_none() {
            return false;
        }
        non_ascii += 1;
        foreign = foreign || is_foreign(c);
    }
    non_ascii >= 2 && foreign
}

/// TCVN3 puts "ư" at byte 0xAD, which PDF's WinAnsiEncoding names "hyphen": text
/// printed to PDF from a `.VnTime` document shows "tr-ởng", "đ-ợc", "th-". A hyphen
/// right after a lower-case letter (or a mojibake character) and not before a digit or capital is taken back
/// to the soft-hyphen byte.
fn restore_u_horn(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        // Mojibake letters such as '®' (đ) are symbols in Latin-1.
        let after_lower = i > 0 && {
            let p = chars[i - 1];
            (p.is_alphabetic() && !p.is_uppercase()) || (!p.is_ascii() && char_to_byte(p).is_some())
        };
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        if c == '-' && after_lower && !next.is_ascii_digit() && !next.is_ascii_uppercase() {
            out.push('\u{AD}');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// TCVN3 mojibake of Vietnamese lowercase text, built from the decoder itself.
    fn tcvn3_mojibake(s: &str) -> String {
        let opts = Options {
            encoding: Some(Encoding::Tcvn3),
            ..Options::default()
        };
        let mut table = std::collections::HashMap::new();
        for b in 0x80..=0xFFu8 {
            if let Ok(t) = Text::from_bytes(&[b], &opts) {
                let mut cs = t.as_str().chars();
                if let (Some(c), None) = (cs.next(), cs.next()) {
                    table.entry(c).or_insert(b as char);
                }
            }
        }
        s.chars().map(|c| *table.get(&c).unwrap_or(&c)).collect()
    }

    #[test]
    fn tcvn3_lines_are_fixed_and_unicode_lines_kept() {
        let viet = "báo cáo tình hình kinh tế xã hội tháng chín";
        let moji = tcvn3_mojibake(viet);
        assert_ne!(moji, viet);
        let text = format!("Hà Nội, ngày 1\n{moji}\n{moji}");
        assert_eq!(
            fix_mojibake_lines(&text, &Options::default()),
            format!("Hà Nội, ngày 1\n{viet}\n{viet}")
        );
        // A Unicode heading made of Latin-1 letters in a mostly-TCVN3 document stays.
        let text = format!("THÔNG BÁO\n{moji}\n{moji}");
        assert_eq!(
            fix_mojibake_lines(&text, &Options::default()),
            format!("THÔNG BÁO\n{viet}\n{viet}")
        );
    }

    #[test]
    fn u_horn_from_pdf_hyphens() {
        assert_eq!(
            restore_u_horn("tr-x th- ®-îc 2021-2025 BNV-CCHC a - b"),
            "tr\u{AD}x th\u{AD} ®\u{AD}îc 2021-2025 BNV-CCHC a - b"
        );
    }

    #[test]
    fn latin1_only_headings_of_unicode_documents_are_kept() {
        let text =
            "THÔNG BÁO\nV/v chuẩn bị giải thể đối với một số hội\nCăn cứ Nghị định số 126\nBÁO CÁO";
        assert_eq!(fix_mojibake_lines(text, &Options::default()), text);
    }

    #[test]
    fn latin_text_is_left_alone() {
        let text = "Café crème à la française\nRésumé: déjà vu";
        assert_eq!(fix_mojibake_lines(text, &Options::default()), text);
        let unicode = "Tôi là người Việt Nam\nđã hoàn thành";
        assert_eq!(fix_mojibake_lines(unicode, &Options::default()), unicode);
    }
}

//! Normalization of decoded text: NFC, `Ð` to `Đ`, invisible characters removed, odd
//! spaces to ASCII space, line breaks to `\n`, tone marks in one style; and the
//! per-word matching key.
//!
//! The common case (NFC text with nothing to change) is one fast scan and no copy.

use crate::offsets::{MapBuilder, SourceMap};
use crate::tone::{self, restyle_word};
use crate::ToneStyle;
use std::borrow::Cow;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What to do with one character before composition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subst {
    Keep,
    Drop,
    Space,
    Char(char),
}

#[inline]
fn subst(c: char) -> Subst {
    match c {
        '\u{00D0}' => Subst::Char('\u{0110}'),
        '\u{00F0}' => Subst::Char('\u{0111}'),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Subst::Drop,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Subst::Space,
        _ => Subst::Keep,
    }
}

/// True when `c` is unchanged by NFC whatever surrounds it (a starter that never
/// combines with what precedes it).
#[inline]
fn is_stable(c: char) -> bool {
    if (c as u32) < 0x300 || tone::vowel(c).is_some() {
        return true;
    }
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// A mask whose lowest set bit is in the first of the 8 bytes (little endian) that
/// is non-ASCII or a `\r`; zero if there is none.
#[inline]
fn look_mask(w: u64) -> u64 {
    let cr = w ^ (LO * 0x0D);
    (w | (cr.wrapping_sub(LO) & !cr)) & HI
}

/// Byte offset of the first character that normalization may change.
fn first_dirty(s: &str, style: ToneStyle) -> Option<usize> {
    let b = s.as_bytes();
    let restyle = style != ToneStyle::Keep;
    let mut i = 0;
    while i < b.len() {
        if i + 8 <= b.len() {
            let m = look_mask(u64::from_le_bytes(b[i..i + 8].try_into().unwrap()));
            if m == 0 {
                i += 8;
                continue;
            }
            // Skip the ASCII bytes before the first one to look at.
            i += (m.trailing_zeros() / 8) as usize;
        }
        let c = b[i];
        if c < 0x80 {
            if c == b'\r' {
                return Some(i);
            }
            i += 1;
            continue;
        }
        // Classify the common cases from the bytes: Latin letters below U+0300,
        // Latin Extended Additional (U+1E00..U+1EFF), general punctuation.
        let (clean, len, maybe_vowel) = match (c, b.get(i + 1).copied().unwrap_or(0)) {
            (0xC2, c1) => (!matches!(c1, 0xA0 | 0xAD), 2, false),
            (0xC3, c1) => (!matches!(c1, 0x90 | 0xB0), 2, true),
            (0xC4..=0xC6, _) => (true, 2, true),
            (0xC7..=0xCB, _) => (true, 2, false),
            (0xE1, 0xB8..=0xBB) => (true, 3, true),
            (0xE2, 0x80) => (
                !matches!(b.get(i + 2).copied().unwrap_or(0), 0x80..=0x8D | 0xAF),
                3,
                false,
            ),
            _ => {
                let ch = s[i..].chars().next().unwrap();
                (
                    subst(ch) == Subst::Keep && is_stable(ch),
                    ch.len_utf8(),
                    false,
                )
            }
        };
        if !clean {
            return Some(i);
        }
        if restyle && maybe_vowel {
            let ch = s[i..].chars().next().unwrap();
            if tone::restyle_candidate(b, i, ch) && word_restyles(s, i, style) {
                return Some(i);
            }
        }
        i += len;
    }
    None
}

/// Whether the word around byte `i` of `s` changes in tone `style`.
fn word_restyles(s: &str, i: usize, style: ToneStyle) -> bool {
    let start = s[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(j, c)| j + c.len_utf8());
    let end = s[i..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(j, _)| i + j);
    restyle_word(&s[start..end], style, &mut String::new())
}

/// Normalizes `s`. Returns the text and, if it changed, the map from the new text
/// back to `s`.
pub(crate) fn normalize(s: &str, style: ToneStyle) -> (Cow<'_, str>, Option<SourceMap>) {
    let Some(first) = first_dirty(s, style) else {
        return (Cow::Borrowed(s), None);
    };
    let mut n = Normalizer {
        src: s,
        out: String::with_capacity(s.len() + 16),
        map: MapBuilder::new(1),
        style,
        piece_start: 0,
        piece_letters: false,
        piece_buf: String::new(),
        piece_subst: false,
        piece_unstable: false,
        tmp: String::new(),
    };
    // Copy clean stretches, run the slow path from the start of each word holding a
    // change to the next ASCII space or punctuation after it.
    let mut pos = 0;
    let mut dirty = Some(first);
    while let Some(d) = dirty {
        let start = region_start(s, d, pos);
        n.out.push_str(&s[pos..start]);
        n.map.copy(start - pos);
        let end = region_end(s, d);
        n.piece_start = start;
        n.run(start, end);
        pos = end;
        dirty = first_dirty(&s[pos..], style).map(|x| x + pos);
    }
    n.out.push_str(&s[pos..]);
    n.map.copy(s.len() - pos);
    (Cow::Owned(n.out), Some(n.map.finish()))
}

/// Where the slow path must start for a change at `d`: the beginning of its word, or
/// the character before it (which a combining mark may compose with); not before
/// `floor`.
fn region_start(s: &str, d: usize, floor: usize) -> usize {
    let b = s.as_bytes();
    let mut start = d;
    if start > floor {
        start -= 1;
        while !s.is_char_boundary(start) {
            start -= 1;
        }
    }
    while start > floor && (b[start - 1] >= 0x80 || b[start - 1].is_ascii_alphabetic()) {
        start -= 1;
    }
    while !s.is_char_boundary(start) {
        start += 1;
    }
    start
}

/// The first ASCII non-letter after `d` that is not part of a CRLF: nothing after it
/// can compose with or restyle anything before it.
fn region_end(s: &str, d: usize) -> usize {
    let b = s.as_bytes();
    let mut j = d + 1;
    while j < b.len() {
        let c = b[j];
        if c < 0x80 && !c.is_ascii_alphabetic() && c != b'\r' && b[j - 1] != b'\r' {
            return j;
        }
        j += 1;
    }
    b.len()
}

/// The slow path: the text is cut into pieces (a run of letters with its combining
/// marks, or one other character with its marks), each piece is normalized alone.
struct Normalizer<'a> {
    src: &'a str,
    out: String,
    map: MapBuilder,
    style: ToneStyle,
    piece_start: usize,
    piece_letters: bool,
    /// The piece after substitutions, only filled once a substitution happened.
    piece_buf: String,
    piece_subst: bool,
    piece_unstable: bool,
    tmp: String,
}

/// A Vietnamese combining mark (a tone, or the circumflex, breve or horn) left over after NFC
/// after a Vietnamese vowel (with only other combining marks between): NFC composes every mark a vowel can take, so what is left
/// is garbage that no spelling has (`ỳ` + circumflex). It is dropped, so that moving tones
/// between styles cannot later compose it into another letter.
fn drop_stray_marks(text: &str) -> Option<String> {
    let mut prev_vowel = false;
    let mut out: Option<String> = None;
    for (i, c) in text.char_indices() {
        let is_mark = matches!(
            c,
            '\u{300}'
                | '\u{301}'
                | '\u{302}'
                | '\u{303}'
                | '\u{306}'
                | '\u{309}'
                | '\u{31B}'
                | '\u{323}'
        );
        if is_mark && prev_vowel {
            out.get_or_insert_with(|| text[..i].to_string());
            continue;
        }
        if let Some(o) = out.as_mut() {
            o.push(c);
        }
        // other combining marks (`◌̸`) stay on the letter before them
        if !is_mark && canonical_combining_class(c) == 0 {
            prev_vowel = tone::vowel(c).is_some();
        }
    }
    out
}

/// Each run of letters of a piece in `style`, or `None` when none changes. A piece can hold
/// more than one run when NFC turned one of its characters into a non-letter (U+0387 GREEK
/// ANO TELEIA becomes U+00B7 MIDDLE DOT): restyling the runs, not the whole piece, gives what a
/// second pass over the normalized text gives.
fn restyle_runs(text: &str, style: ToneStyle, tmp: &mut String) -> Option<String> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut run_start = None;
    let ends = text.char_indices().map(|(i, c)| (i, c.is_alphabetic()));
    for (i, letter) in ends.chain(std::iter::once((text.len(), false))) {
        match (letter, run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(start)) => {
                run_start = None;
                tmp.clear();
                if restyle_word(&text[start..i], style, tmp) {
                    let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
                    o.push_str(&text[copied..start]);
                    o.push_str(tmp);
                    copied = i;
                }
            }
            _ => {}
        }
    }
    let mut o = out?;
    o.push_str(&text[copied..]);
    Some(o)
}

impl Normalizer<'_> {
    /// Normalizes `src[from..to]`; `to` must not split a CRLF.
    fn run(&mut self, from: usize, to: usize) {
        let s = &self.src[..to];
        let b = s.as_bytes();
        let mut iter = s[from..].char_indices().map(|(i, c)| (i + from, c));
        while let Some((i, c)) = iter.next() {
            match c {
                '\r' => {
                    self.flush(i);
                    if b.get(i + 1) == Some(&b'\n') {
                        iter.next();
                        self.out.push('\n');
                        self.map.change(1, 2);
                        self.piece_start = i + 2;
                    } else {
                        self.out.push('\n');
                        self.map.change(1, 1);
                        self.piece_start = i + 1;
                    }
                    continue;
                }
                c if c.is_ascii() => {
                    if c.is_ascii_alphabetic() {
                        if !self.piece_letters {
                            self.flush(i);
                            self.piece_letters = true;
                        }
                    } else {
                        self.flush(i);
                    }
                    if self.piece_subst {
                        self.piece_buf.push(c);
                    }
                    continue;
                }
                _ => {}
            }
            let d = match subst(c) {
                Subst::Keep => c,
                Subst::Drop => {
                    self.begin_subst(i);
                    continue;
                }
                Subst::Space => {
                    self.flush(i);
                    self.out.push(' ');
                    self.map.change(1, c.len_utf8());
                    self.piece_start = i + c.len_utf8();
                    continue;
                }
                Subst::Char(d) => d,
            };
            if !is_stable(d) {
                self.piece_unstable = true;
            } else if d.is_alphabetic() {
                if !self.piece_letters {
                    self.flush(i);
                    self.piece_letters = true;
                }
            } else {
                self.flush(i);
            }
            if d != c {
                self.begin_subst(i);
            }
            if self.piece_subst {
                self.piece_buf.push(d);
            }
        }
        self.flush(s.len());
    }

    /// The current piece differs from the source from here on: copy what it held.
    fn begin_subst(&mut self, i: usize) {
        if !self.piece_subst {
            self.piece_subst = true;
            self.piece_buf.clear();
            self.piece_buf.push_str(&self.src[self.piece_start..i]);
        }
    }

    /// Ends the current piece at source offset `end` and writes it out.
    fn flush(&mut self, end: usize) {
        let start = self.piece_start;
        if end > start {
            let src: &str = &self.src[start..end];
            let mut text: Cow<'_, str> = if self.piece_subst {
                Cow::Owned(std::mem::take(&mut self.piece_buf))
            } else {
                Cow::Borrowed(src)
            };
            // NFC, then the tone style of each run of letters, until neither changes the
            // piece: moving a tone can free a combining mark that NFC then composes (garbage
            // such as a tone mark after a toned vowel), and the result must be what a second
            // normalization gives. Stable pieces take one round.
            for _ in 0..4 {
                let mut changed = false;
                if self.piece_unstable && is_nfc_quick(text.chars()) != IsNormalized::Yes {
                    let nfc: String = text.nfc().collect();
                    if nfc != *text {
                        text = Cow::Owned(nfc);
                        changed = true;
                    }
                }
                if self.piece_unstable {
                    if let Some(kept) = drop_stray_marks(&text) {
                        text = Cow::Owned(kept);
                        changed = true;
                    }
                }
                if self.piece_letters && self.style != ToneStyle::Keep {
                    if let Some(styled) = restyle_runs(&text, self.style, &mut self.tmp) {
                        text = Cow::Owned(styled);
                        changed = true;
                    }
                }
                if !changed || !self.piece_unstable {
                    break;
                }
            }
            if *text == *src {
                self.out.push_str(src);
                self.map.copy(src.len());
            } else {
                self.out.push_str(&text);
                self.map.change(text.len(), end - start);
            }
        }
        self.piece_start = end;
        self.piece_letters = false;
        self.piece_subst = false;
        self.piece_unstable = false;
    }
}

/// The key under which dictionaries and cue phrases match a word: lower case, NFC,
/// `Đ` for `Ð`, tone marks in the new style (`hoà`, `thuỷ`), so `Hòa`, `HOÀ` and
/// `hoà` share one key. Invisible characters are dropped and odd spaces become ASCII
/// spaces, as in normalized text.
///
/// ```
/// use tomtat_text::match_key;
/// assert_eq!(match_key("HÒA"), "hoà");
/// assert_eq!(match_key("Thủy lợi"), "thuỷ lợi");
/// assert_eq!(match_key("Quý"), "quý");
/// ```
pub fn match_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    match_key_into(s, &mut out);
    out
}

/// [`match_key`] written into `out` (cleared first), allocation-free once `out` has
/// grown to the size of the keys.
///
/// ```
/// let mut key = String::new();
/// tomtat_text::match_key_into("Khỏe", &mut key);
/// assert_eq!(key, "khoẻ");
/// ```
pub fn match_key_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() && !s.contains('\r') {
        out.push_str(s);
        out.make_ascii_lowercase();
        return;
    }
    // Lower-case while copying; fall back to full normalization when anything
    // unusual is found.
    let mut simple = true;
    for c in s.chars() {
        if c.is_ascii() {
            if c == '\r' {
                simple = false;
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else if let Some(v) = tone::vowel(c) {
            out.push(tone::vowel_char(v.base, v.tone, false));
        } else if c == 'Đ' || c == 'đ' {
            out.push('đ');
        } else if subst(c) == Subst::Keep && is_stable(c) {
            out.extend(c.to_lowercase());
        } else {
            simple = false;
            break;
        }
    }
    if !simple {
        out.clear();
        let (norm, _) = normalize(s, ToneStyle::Keep);
        for c in norm.chars() {
            out.extend(c.to_lowercase());
        }
        // Lower-casing may leave text that is not NFC (rare: e.g. İ).
        if is_nfc_quick(out.chars()) != IsNormalized::Yes {
            let composed: String = out.nfc().collect();
            *out = composed;
        }
        if let Some(kept) = drop_stray_marks(out) {
            *out = kept;
        }
    }
    // Moving a tone can free a combining mark that NFC then composes: repeat until the key is
    // NFC, so that the key of a key is itself.
    for _ in 0..4 {
        restyle_in_place(out);
        if is_nfc_quick(out.chars()) == IsNormalized::Yes {
            break;
        }
        let composed: String = out.nfc().collect();
        *out = composed;
        if let Some(kept) = drop_stray_marks(out) {
            *out = kept;
        }
    }
}

/// Puts every word of `out` (lower case NFC) in the new tone style.
fn restyle_in_place(out: &mut String) {
    let b = out.as_bytes();
    let mut found = None;
    for (i, c) in out.char_indices() {
        if !c.is_ascii()
            && tone::restyle_candidate(b, i, c)
            && word_restyles(out, i, ToneStyle::New)
        {
            found = Some(i);
            break;
        }
    }
    let Some(_) = found else { return };
    let src = std::mem::take(out);
    let mut word_start = None;
    let mut styled = String::new();
    let mut push_word = |w: &str, out: &mut String| {
        styled.clear();
        if restyle_word(w, ToneStyle::New, &mut styled) {
            out.push_str(&styled);
        } else {
            out.push_str(w);
        }
    };
    for (i, c) in src.char_indices() {
        if c.is_alphabetic() {
            if word_start.is_none() {
                word_start = Some(i);
            }
        } else {
            if let Some(ws) = word_start.take() {
                push_word(&src[ws..i], out);
            }
            out.push(c);
        }
    }
    if let Some(ws) = word_start {
        push_word(&src[ws..], out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str, style: ToneStyle) -> String {
        normalize(s, style).0.into_owned()
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        for c in "–“”…ộ".chars() {
            assert!(is_stable(c), "{c:?}");
            assert_eq!(first_dirty(&c.to_string(), ToneStyle::New), None, "{c:?}");
        }
        let s = "Hoà bình, độc lập – tự do “2024” …\nViệt Nam";
        assert_eq!(first_dirty(s, ToneStyle::Keep), None);
        let (t, m) = normalize(s, ToneStyle::Keep);
        assert!(matches!(t, Cow::Borrowed(_)));
        assert!(m.is_none());
        let (t, m) = normalize(s, ToneStyle::New);
        assert!(matches!(t, Cow::Borrowed(_)));
        assert!(m.is_none());
    }

    #[test]
    fn substitutions() {
        use ToneStyle::Keep;
        assert_eq!(norm("ÐÀ NẴNG ðã", Keep), "ĐÀ NẴNG đã");
        assert_eq!(norm("a\u{200B}b\u{00AD}c\u{FEFF}", Keep), "abc");
        assert_eq!(norm("a\u{00A0}b\u{3000}c\u{202F}d", Keep), "a b c d");
        assert_eq!(norm("a\r\nb\rc\n", Keep), "a\nb\nc\n");
        assert_eq!(norm("Vie\u{0323}\u{0302}t", Keep), "Việt");
        assert_eq!(norm("Vie\u{0302}\u{0323}t Nam", Keep), "Việt Nam");
        assert_eq!(norm("=\u{0338}", Keep), "≠");
    }

    #[test]
    fn styles_in_text() {
        assert_eq!(
            norm("Hòa bình, thủy lợi, hoàn thành. HÒA", ToneStyle::New),
            "Hoà bình, thuỷ lợi, hoàn thành. HOÀ"
        );
        assert_eq!(
            norm("Hoà bình, thuỷ lợi, quý. HOÀ", ToneStyle::Old),
            "Hòa bình, thủy lợi, quý. HÒA"
        );
        assert_eq!(norm("hoa\u{0300} binh", ToneStyle::Old), "hòa binh");
    }

    #[test]
    fn map_points_into_source() {
        let s = "ab\u{00A0}Hòa\r\nx";
        let (t, m) = normalize(s, ToneStyle::New);
        let m = m.unwrap();
        assert_eq!(t, "ab Hoà\nx");
        assert_eq!(m.floor(2), 2);
        assert_eq!(m.ceil(3), 4);
        assert_eq!(m.floor(3), 4);
        assert_eq!(m.ceil(7), 8);
        assert_eq!(m.floor(8), 10);
        assert_eq!(m.ceil(9), 11);
        assert_eq!(m.src_len(), s.len());
    }

    #[test]
    fn keys() {
        assert_eq!(match_key("Ban Chấp Hành"), "ban chấp hành");
        assert_eq!(match_key("HÒA BÌNH"), "hoà bình");
        assert_eq!(match_key("Hoà"), match_key("hòa"));
        assert_eq!(match_key("ÐỒNG"), "đồng");
        assert_eq!(match_key("Vie\u{0302}\u{0323}t"), "việt");
        assert_eq!(match_key("QUỲNH"), "quỳnh");
        assert_eq!(match_key("UBND"), "ubnd");
        let mut k = String::from("junk");
        match_key_into("Khỏe mạnh", &mut k);
        assert_eq!(k, "khoẻ mạnh");
    }
}

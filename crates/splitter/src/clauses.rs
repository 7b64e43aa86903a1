//! Clauses inside a unit: `;`-separated parts and the items of a colon-introduced list.

use crate::Clause;

/// Bullets that open an inline list item after `:` or `;`.
fn is_bullet(c: char) -> bool {
    matches!(c, '-' | '+' | '•' | '–' | '*')
}

/// The bytes that the clause scan looks at: brackets, quotes (and the lead bytes of `“`,
/// `”`, `«`, `»`), `;` and `:`.
const MARKS: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let marks = b"()[]\";:\xE2\xC2";
    while k < marks.len() {
        t[marks[k] as usize] = true;
        k += 1;
    }
    t
};

/// Fill `out` with the clauses of `text[start..end]`; left empty for a single clause.
pub fn clauses_into(text: &str, start: usize, end: usize, out: &mut Vec<Clause>) {
    out.clear();
    let s = &text[start..end];
    if !s.bytes().any(|b| b == b';' || b == b':') {
        return;
    }
    // Separators at depth 0 (outside brackets and quotes).
    let mut depth: i32 = 0;
    let mut in_ascii_quote = false;
    let mut colon: Option<usize> = None;
    let mut seps: Vec<(usize, usize)> = Vec::new(); // byte ranges of separators
    let b = s.as_bytes();
    // Bytes, not chars: every mark looked for is ASCII or starts with a lead byte that
    // the next bytes tell apart (`“` E2 80 9C, `”` E2 80 9D, `«` C2 AB, `»` C2 BB).
    let mut from = 0;
    while let Some(p) = b[from..].iter().position(|&c| MARKS[usize::from(c)]) {
        let i = from + p;
        from = i + 1;
        match b[i] {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = (depth - 1).max(0),
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x9C) => depth += 1,
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x9D) => {
                depth = (depth - 1).max(0)
            }
            0xC2 if b.get(i + 1) == Some(&0xAB) => depth += 1,
            0xC2 if b.get(i + 1) == Some(&0xBB) => depth = (depth - 1).max(0),
            b'"' => in_ascii_quote = !in_ascii_quote,
            b';' if depth == 0 && !in_ascii_quote => seps.push((i, i + 1)),
            b':' if depth == 0 && !in_ascii_quote && colon.is_none() => {
                // Not inside a time or a ratio (10:45).
                let digit_around = i > 0
                    && b[i - 1].is_ascii_digit()
                    && b.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                if !digit_around && seps.is_empty() {
                    colon = Some(i);
                }
            }
            _ => {}
        }
    }
    // Inline bullets after the colon: `: - a - b` (a dash after `:` or `;` starts an
    // item, and further ` - ` then also separate items).
    let mut list_start = 0;
    if let Some(ci) = colon {
        let after = s[ci + 1..].trim_start();
        let bulleted = after.chars().next().is_some_and(is_bullet)
            && after[after.chars().next().map_or(0, char::len_utf8)..]
                .starts_with(char::is_whitespace);
        if bulleted {
            let bullet = after.chars().next().unwrap_or('-');
            let pat: &str = &s[ci + 1..];
            let mut from = ci + 1 + (pat.len() - after.len()) + bullet.len_utf8();
            let mut dashes = Vec::new();
            while let Some(p) = s[from..].find(bullet) {
                let at = from + p;
                let spaced = s[..at].ends_with(char::is_whitespace)
                    && s[at + bullet.len_utf8()..].starts_with(char::is_whitespace);
                // `; - b`: the semicolon already separates (seps are in order).
                let k = seps.partition_point(|&(a, _)| a + 3 <= at);
                let after_semicolon = k < seps.len() && seps[k].0 <= at;
                if spaced && !after_semicolon {
                    dashes.push((at, at + bullet.len_utf8()));
                }
                from = at + bullet.len_utf8();
            }
            seps.extend(dashes);
            seps.sort_unstable();
        }
        if bulleted || seps.iter().any(|&(a, _)| a > ci) {
            list_start = ci + 1;
        }
    }
    let mut prev = list_start;
    let push = |a: usize, b: usize, out: &mut Vec<Clause>| {
        let piece = &s[a..b];
        let mut t = piece.trim_start();
        if let Some(c) = t.chars().next() {
            if is_bullet(c) && t[c.len_utf8()..].starts_with(char::is_whitespace) {
                t = t[c.len_utf8()..].trim_start();
            }
        }
        // `t` is a suffix of `piece`: its offset is what was cut from the front.
        let off = a + (piece.len() - t.len());
        let t = t.trim_end();
        if !t.is_empty() {
            out.push(Clause {
                start: start + off,
                end: start + off + t.len(),
            });
        }
    };
    for &(a, b2) in &seps {
        if a < list_start {
            continue;
        }
        push(prev, a, out);
        prev = b2;
    }
    push(prev, s.len(), out);
    if out.len() < 2 {
        out.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        clauses_into(s, 0, s.len(), &mut v);
        v.iter().map(|c| &s[c.start..c.end]).collect()
    }

    #[test]
    fn semicolons_split_clauses_outside_brackets() {
        assert_eq!(
            texts("Tăng thu; giảm chi (đạt 5%; vượt 2%); ổn định."),
            ["Tăng thu", "giảm chi (đạt 5%; vượt 2%)", "ổn định."]
        );
        assert!(texts("Một câu (a; b).").is_empty());
        // curly quotes and guillemets (multi-byte) nest like brackets
        assert_eq!(
            texts("Ông nói “a; b” và «c; d»; ổn định; “e"),
            ["Ông nói “a; b” và «c; d»", "ổn định", "“e"]
        );
        assert!(texts("Ông nói “a; b” – «c: d».").is_empty());
    }

    #[test]
    fn colon_list_items_exclude_the_intro() {
        assert_eq!(
            texts("Hội nghị yêu cầu: tập trung A; đẩy mạnh B; tăng cường C."),
            ["tập trung A", "đẩy mạnh B", "tăng cường C."]
        );
        assert_eq!(
            texts("Nhiệm vụ gồm: - Tăng thu - Giảm chi"),
            ["Tăng thu", "Giảm chi"]
        );
        assert_eq!(
            texts("Nhiệm vụ gồm: - Tăng thu; - Giảm chi"),
            ["Tăng thu", "Giảm chi"]
        );
        assert!(texts("Ông nói: tăng thu.").is_empty());
        assert!(texts("Lúc 10:45 họp.").is_empty());
    }
}

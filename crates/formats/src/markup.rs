//! A small tolerant tag scanner shared by the HTML and the DOCX (XML) readers,
//! and decoding of character references (`&amp;`, `&#7841;`, `&#x1EA1;`, `&agrave;`).

use memchr::memchr;

/// One piece of markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// Character data, references not yet decoded.
    Text(&'a str),
    /// `<![CDATA[...]]>` content, taken literally.
    CData(&'a str),
    /// `<name attrs>` or `<name attrs/>`.
    Start {
        name: &'a str,
        attrs: &'a str,
        self_closing: bool,
    },
    /// `</name>`.
    End { name: &'a str },
}

/// Scans markup into tokens; comments, `<!...>` and `<?...?>` are skipped.
/// Never fails: a stray `<` is text, an unclosed tag runs to the end.
pub(crate) struct Scanner<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Scanner { src, pos: 0 }
    }

    /// Byte offset of the next token.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// Skip raw text up to (not including) the end tag `</name` (ASCII case-insensitive),
    /// as for HTML `<script>` and `<style>`; to the end if there is none.
    pub(crate) fn skip_raw_text(&mut self, name: &str) {
        let bytes = self.src.as_bytes();
        let mut i = self.pos;
        while let Some(off) = memchr(b'<', &bytes[i..]) {
            let at = i + off;
            let rest = &bytes[at..];
            if rest.len() >= 2 + name.len()
                && rest[1] == b'/'
                && rest[2..2 + name.len()].eq_ignore_ascii_case(name.as_bytes())
            {
                self.pos = at;
                return;
            }
            i = at + 1;
        }
        self.pos = self.src.len();
    }

    fn find_from(&self, from: usize, pat: &str) -> Option<usize> {
        self.src.get(from..)?.find(pat).map(|p| from + p)
    }
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b':' || b >= 0x80
}

fn is_name_char(b: u8) -> bool {
    !(b.is_ascii_whitespace() || b == b'/' || b == b'>' || b == b'<' || b == b'=')
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let src = self.src;
        let bytes = src.as_bytes();
        loop {
            if self.pos >= bytes.len() {
                return None;
            }
            let start = self.pos;
            if bytes[start] != b'<' {
                let end = memchr(b'<', &bytes[start..]).map_or(bytes.len(), |o| start + o);
                self.pos = end;
                return Some(Token::Text(&src[start..end]));
            }
            let rest = &src[start..];
            if rest.starts_with("<!--") {
                self.pos = self
                    .find_from(start + 4, "-->")
                    .map_or(bytes.len(), |p| p + 3);
                continue;
            }
            if rest.starts_with("<![CDATA[") {
                let body = start + 9;
                let end = self.find_from(body, "]]>").unwrap_or(bytes.len());
                self.pos = (end + 3).min(bytes.len());
                return Some(Token::CData(&src[body..end]));
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                self.pos = memchr(b'>', &bytes[start..]).map_or(bytes.len(), |o| start + o + 1);
                continue;
            }
            let closing = rest.starts_with("</");
            let name_start = start + if closing { 2 } else { 1 };
            if name_start >= bytes.len() || !is_name_start(bytes[name_start]) {
                // A literal '<' (or "</" followed by junk): emit it as text.
                self.pos = start + 1;
                return Some(Token::Text(&src[start..start + 1]));
            }
            let mut name_end = name_start;
            while name_end < bytes.len() && is_name_char(bytes[name_end]) {
                name_end += 1;
            }
            // Find the closing '>' outside quotes.
            let mut i = name_end;
            let mut quote = 0u8;
            while i < bytes.len() {
                let b = bytes[i];
                if quote != 0 {
                    if b == quote {
                        quote = 0;
                    }
                } else if b == b'"' || b == b'\'' {
                    quote = b;
                } else if b == b'>' {
                    break;
                }
                i += 1;
            }
            let tag_end = i; // index of '>' or len
            self.pos = (tag_end + 1).min(bytes.len());
            let name = &src[name_start..name_end];
            if closing {
                return Some(Token::End { name });
            }
            let mut attrs = &src[name_end..tag_end];
            let self_closing = attrs.ends_with('/');
            if self_closing {
                attrs = &attrs[..attrs.len() - 1];
            }
            return Some(Token::Start {
                name,
                attrs,
                self_closing,
            });
        }
    }
}

/// The local part of a qualified name: `w:p` → `p`.
pub(crate) fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The raw value of attribute `key` (ASCII case-insensitive, compared with the
/// local part when `key` has no prefix), references not decoded.
pub(crate) fn attr<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let b = attrs.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let name = &attrs[ns..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = memchr(q, &b[vs..]).map_or(b.len(), |o| vs + o);
                value = &attrs[vs..ve];
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = &attrs[vs..i];
            }
        }
        if name.is_empty() {
            // A stray '=' and its value: already consumed.
            continue;
        }
        let matches = if key.contains(':') {
            name.eq_ignore_ascii_case(key)
        } else {
            local_name(name).eq_ignore_ascii_case(key)
        };
        if matches {
            return Some(value);
        }
    }
    None
}

/// Append `s` to `out` with character references decoded; unknown or malformed
/// references are kept literally.
pub(crate) fn decode_refs_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.bytes().take(34).position(|b| b == b';');
        let decoded = semi.and_then(|semi| decode_ref(&after[..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                if let Some(c) = c {
                    out.push(c);
                }
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// Decode one reference body (between `&` and `;`). `Some(None)` is a reference that
/// stands for nothing (soft hyphen, zero-width joiners).
fn decode_ref(body: &str) -> Option<Option<char>> {
    if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        let c = match code {
            0 => '\u{FFFD}',
            // Windows-1252 bytes written as numeric references (a common mistake).
            // HTML reads these references as Windows-1252 (the five undefined bytes: nothing).
            0x80..=0x9F => {
                Some(tomtat_text::cp1252_char(code as u8)).filter(|c| !c.is_control())?
            }
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        return Some(if c == '\u{AD}' { None } else { Some(c) });
    }
    let c = named_entity(body)?;
    Some(if c == '\u{AD}' || c == '\u{200C}' || c == '\u{200D}' {
        None
    } else {
        Some(c)
    })
}

/// Named character references for punctuation, Latin-1 and the Latin letters of Vietnamese.
fn named_entity(name: &str) -> Option<char> {
    // Latin-1 letters follow a regular pattern: base letter + accent name.
    if let Some(c) = accented_letter(name) {
        return Some(c);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "shy" => '\u{AD}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "ndash" => '–',
        "mdash" => '—',
        "hyphen" | "dash" => '‐',
        "minus" => '−',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "prime" => '′',
        "Prime" => '″',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "sect" => '§',
        "para" => '¶',
        "euro" => '€',
        "cent" => '¢',
        "pound" => '£',
        "yen" => '¥',
        "curren" => '¤',
        "iexcl" => '¡',
        "iquest" => '¿',
        "brvbar" => '¦',
        "not" => '¬',
        "macr" => '¯',
        "acute" => '´',
        "cedil" => '¸',
        "uml" => '¨',
        "micro" => 'µ',
        "ordf" => 'ª',
        "ordm" => 'º',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "asymp" => '≈',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "AElig" => 'Æ',
        "aelig" => 'æ',
        "ETH" => 'Ð',
        "eth" => 'ð',
        "THORN" => 'Þ',
        "thorn" => 'þ',
        "szlig" => 'ß',
        "Oslash" => 'Ø',
        "oslash" => 'ø',
        "Dstrok" => 'Đ',
        "dstrok" => 'đ',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "grave" => '`',
        "circ" => 'ˆ',
        "tilde" => '˜',
        "num" => '#',
        "excl" => '!',
        "percnt" => '%',
        "lpar" => '(',
        "rpar" => ')',
        "comma" => ',',
        "period" => '.',
        "colon" => ':',
        "semi" => ';',
        "sol" => '/',
        "bsol" => '\\',
        "ast" => '*',
        "plus" => '+',
        "equals" => '=',
        "quest" => '?',
        "commat" => '@',
        "lsqb" | "lbrack" => '[',
        "rsqb" | "rbrack" => ']',
        "lcub" | "lbrace" => '{',
        "rcub" | "rbrace" => '}',
        "verbar" | "vert" => '|',
        "lowbar" => '_',
        "dollar" => '$',
        "Tab" => '\t',
        "NewLine" => '\n',
        _ => return None,
    })
}

/// `Agrave`, `ecirc`, `Abreve`, `utilde`, ... → the letter.
fn accented_letter(name: &str) -> Option<char> {
    let mut chars = name.chars();
    let base = chars.next()?;
    let accent = chars.as_str();
    let upper = base.is_ascii_uppercase();
    let b = base.to_ascii_lowercase();
    let lower: char = match (b, accent) {
        ('a', "grave") => 'à',
        ('a', "acute") => 'á',
        ('a', "circ") => 'â',
        ('a', "tilde") => 'ã',
        ('a', "uml") => 'ä',
        ('a', "ring") => 'å',
        ('a', "breve") => 'ă',
        ('c', "cedil") => 'ç',
        ('e', "grave") => 'è',
        ('e', "acute") => 'é',
        ('e', "circ") => 'ê',
        ('e', "uml") => 'ë',
        ('i', "grave") => 'ì',
        ('i', "acute") => 'í',
        ('i', "circ") => 'î',
        ('i', "uml") => 'ï',
        ('i', "tilde") => 'ĩ',
        ('n', "tilde") => 'ñ',
        ('o', "grave") => 'ò',
        ('o', "acute") => 'ó',
        ('o', "circ") => 'ô',
        ('o', "tilde") => 'õ',
        ('o', "uml") => 'ö',
        ('u', "grave") => 'ù',
        ('u', "acute") => 'ú',
        ('u', "circ") => 'û',
        ('u', "uml") => 'ü',
        ('u', "tilde") => 'ũ',
        ('u', "breve") => 'ŭ',
        ('y', "acute") => 'ý',
        ('y', "uml") => 'ÿ',
        _ => return None,
    };
    if upper {
        lower.to_uppercase().next()
    } else {
        Some(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> String {
        let mut out = String::new();
        decode_refs_into(s, &mut out);
        out
    }

    #[test]
    fn references() {
        assert_eq!(
            decode("H&agrave; N&#7897;i &amp; &#x110;&agrave;"),
            "Hà Nội & Đà"
        );
        assert_eq!(decode("&Abreve;n &utilde; &dstrok;"), "Ăn ũ đ");
        assert_eq!(decode("a&nbsp;b"), "a\u{A0}b");
        assert_eq!(
            decode("R&D &unknown; &#xZZ; 5 & 6"),
            "R&D &unknown; &#xZZ; 5 & 6"
        );
        assert_eq!(decode("co&shy;de &#150;"), "code –");
        assert_eq!(decode("&#1114112;"), "\u{FFFD}");
    }

    #[test]
    fn scanner_tokens() {
        let toks: Vec<_> =
            Scanner::new("a<b x='1>2'>c<!-- <p> --></b><br/>< d<![CDATA[<x>]]><?pi?>").collect();
        assert_eq!(
            toks,
            vec![
                Token::Text("a"),
                Token::Start {
                    name: "b",
                    attrs: " x='1>2'",
                    self_closing: false
                },
                Token::Text("c"),
                Token::End { name: "b" },
                Token::Start {
                    name: "br",
                    attrs: "",
                    self_closing: true
                },
                Token::Text("<"),
                Token::Text(" d"),
                Token::CData("<x>"),
            ]
        );
    }

    #[test]
    fn attributes() {
        let a = r#" w:ascii=".VnTime" w:hAnsi='VNI-Times' checked data-x=1"#;
        assert_eq!(attr(a, "ascii"), Some(".VnTime"));
        assert_eq!(attr(a, "w:hAnsi"), Some("VNI-Times"));
        assert_eq!(attr(a, "checked"), Some(""));
        assert_eq!(attr(a, "data-x"), Some("1"));
        assert_eq!(attr(a, "eastAsia"), None);
        // A value with no name, ending before a multi-byte letter.
        assert_eq!(attr("='𑌸Ⱥ' =𑌸 b=2", "b"), Some("2"));
    }

    #[test]
    fn raw_text_skip() {
        let mut s = Scanner::new("<script>if (a<b) x='</p>';</SCRIPT>after");
        assert!(matches!(
            s.next(),
            Some(Token::Start { name: "script", .. })
        ));
        s.skip_raw_text("script");
        assert_eq!(s.next(), Some(Token::End { name: "SCRIPT" }));
        assert_eq!(s.next(), Some(Token::Text("after")));
    }
}

/// The open elements of a walk by local name, and whether the walk is inside an element
/// whose content is skipped (shared by the .docx and .odt readers).
///
/// Linear time on any input: an end tag whose element is not open is refused in O(1) by the
/// count of open elements of each name (a stack search would make 10^6 unmatched end tags under
/// a deep stack quadratic), and an end tag that is open pops what it searches over.
#[derive(Debug, Default)]
pub(crate) struct ElementStack<'a> {
    names: Vec<&'a str>,
    /// How many elements of each name are open.
    open: std::collections::HashMap<&'a str, usize>,
    /// Depth at which the skipped element opened.
    skip_at: Option<usize>,
}

impl<'a> ElementStack<'a> {
    /// Inside skipped content.
    pub(crate) fn skipping(&self) -> bool {
        self.skip_at.is_some()
    }

    /// The innermost open element, and `n` levels out from it.
    pub(crate) fn outer(&self, n: usize) -> Option<&'a str> {
        self.names.iter().rev().nth(n).copied()
    }

    /// An element opened (self-closing ones are not kept); `skip` skips its content.
    pub(crate) fn open(&mut self, local: &'a str, self_closing: bool, skip: bool) {
        if !self_closing {
            self.names.push(local);
            *self.open.entry(local).or_default() += 1;
            if skip && self.skip_at.is_none() {
                self.skip_at = Some(self.names.len());
            }
        }
    }

    /// The innermost open `local` closed (and what it left open); true when its end tag
    /// is to be handled: it was open and is outside skipped content.
    pub(crate) fn close(&mut self, local: &str) -> bool {
        if self.open.get(local).is_none_or(|&n| n == 0) {
            return false;
        }
        let Some(pos) = self.names.iter().rposition(|&n| n == local) else {
            return false;
        };
        let closes_skip = self.skip_at.is_some_and(|d| pos < d);
        for name in self.names.drain(pos..) {
            if let Some(n) = self.open.get_mut(name) {
                *n -= 1;
            }
        }
        if closes_skip {
            self.skip_at = None;
            return false;
        }
        self.skip_at.is_none()
    }
}

#[cfg(test)]
mod element_stack_tests {
    use super::ElementStack;

    #[test]
    fn skipped_content_and_unbalanced_tags() {
        let mut s = ElementStack::default();
        s.open("body", false, false);
        s.open("del", false, true);
        assert!(s.skipping());
        s.open("p", false, false);
        assert!(!s.close("p"), "inside skipped content");
        assert!(!s.close("del"), "the skipped element's own end");
        assert!(!s.skipping());
        assert!(!s.close("nothere"), "an end tag never opened");
        s.open("br", true, false);
        assert_eq!(s.outer(0), Some("body"));
        assert!(s.close("body"));
        assert!(!s.close("body"), "closed once");
    }

    #[test]
    fn unmatched_end_tags_under_a_deep_stack_take_linear_time() {
        let mut s = ElementStack::default();
        for _ in 0..100_000 {
            s.open("p", false, false);
        }
        let t = std::time::Instant::now();
        for _ in 0..1_000_000 {
            assert!(!s.close("r"));
        }
        assert!(s.close("p"));
        assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
    }
}

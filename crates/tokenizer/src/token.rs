//! Typed tokens.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A Vietnamese syllable (`Ban`, `chấp`).
    Syllable,
    /// A word that is not a Vietnamese syllable (foreign words, mixed letters).
    Foreign,
    /// `832.270.966.973`, `3.807,927`, `07`.
    Number,
    /// `104,11%`.
    Percent,
    /// `419/419`.
    Ratio,
    /// `30/6/2024`, `quý I/2025`.
    Date,
    /// `2020-2025`.
    Period,
    /// `43-NQ/TW`.
    Code,
    /// `XIII`.
    Roman,
    /// `UBND`, `TP.`.
    Abbreviation,
    Url,
    Email,
    Punct,
    Symbol,
}

impl TokenKind {
    /// Lower-case name used in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            TokenKind::Syllable => "syllable",
            TokenKind::Foreign => "foreign",
            TokenKind::Number => "number",
            TokenKind::Percent => "percent",
            TokenKind::Ratio => "ratio",
            TokenKind::Date => "date",
            TokenKind::Period => "period",
            TokenKind::Code => "code",
            TokenKind::Roman => "roman",
            TokenKind::Abbreviation => "abbreviation",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
        }
    }
}

/// A token: its kind and byte range in the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Cut `text` into typed tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

/// Cut `text` into typed tokens, appending to `out` (reuse the buffer across calls).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    // Placeholder: whitespace and punctuation split.
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || c == '/' || c == '.' && start.is_some() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(word(text, s, i));
        }
        if !c.is_whitespace() {
            out.push(Token {
                kind: TokenKind::Punct,
                start: i,
                end: i + c.len_utf8(),
            });
        }
    }
    if let Some(s) = start {
        out.push(word(text, s, text.len()));
    }
}

fn word(text: &str, start: usize, end: usize) -> Token {
    let t = &text[start..end];
    let kind = if t.contains('/') {
        TokenKind::Date
    } else if t.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Syllable
    };
    Token { kind, start, end }
}

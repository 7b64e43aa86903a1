//! Values of numbers written the Vietnamese way.

/// The value of a number written with Vietnamese conventions: `.` groups
/// thousands and `,` marks the decimals.
///
/// - `832.270.966.973` → 832270966973, `3.807,927` → 3807.927,
///   `104,11` → 104.11, `07` → 7.
/// - One dot followed by exactly 3 digits, after 1 to 3 digits, is a
///   thousands dot (`1.087` → 1087); any other single dot is an English
///   decimal point (`5.1` → 5.1, `12.25` → 12.25, `2024.5` → 2024.5).
/// - Several commas each followed by exactly 3 digits are English thousands
///   (`1,234,567` → 1234567, optionally followed by one `.` and decimals).
/// - Anything else (letters, signs, section numbers like `1.2.3`, misplaced
///   groups like `1.23.456`) is `None`.
///
/// ```
/// use tomtat_tokenizer::token::parse_number;
/// assert_eq!(parse_number("832.270.966.973"), Some(832270966973.0));
/// assert_eq!(parse_number("3.807,927"), Some(3807.927));
/// assert_eq!(parse_number("5.1"), Some(5.1));
/// assert_eq!(parse_number("1.2.3"), None);
/// ```
pub fn parse_number(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || !b[b.len() - 1].is_ascii_digit() {
        return None;
    }
    // Groups of digits and the separator before each.
    let mut commas = 0;
    let mut dots = 0;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => {}
            b'.' | b',' => {
                if !b[i + 1].is_ascii_digit() {
                    return None;
                }
                if c == b'.' {
                    dots += 1;
                } else {
                    commas += 1;
                }
            }
            _ => return None,
        }
    }
    let groups = || s.split(['.', ',']).map(str::len);
    let first = groups().next().unwrap_or(0);
    // Which byte is the decimal mark, if any; the other separators are dropped.
    let decimal: Option<u8> = if commas == 0 && dots == 0 {
        None
    } else if commas == 0 && dots == 1 {
        let after = groups().nth(1).unwrap_or(0);
        if after == 3 && first <= 3 {
            None
        } else {
            Some(b'.')
        }
    } else if commas == 0 {
        // Several dots: thousands groups only.
        if first > 3 || groups().skip(1).any(|g| g != 3) {
            return None;
        }
        None
    } else if commas == 1 {
        // Dots before the comma are thousands; nothing after it but digits.
        let comma = s.find(',').unwrap_or(0);
        if s[comma..].contains('.') {
            // `1,234.5`: English.
            if dots != 1 || first > 3 || s[comma + 1..].split('.').next().map(str::len) != Some(3) {
                return None;
            }
            Some(b'.')
        } else {
            if dots > 0 && (first > 3 || s[..comma].split('.').skip(1).any(|g| g.len() != 3)) {
                return None;
            }
            Some(b',')
        }
    } else {
        // Several commas: English thousands, then maybe one decimal dot.
        let last_comma = s.rfind(',').unwrap_or(0);
        let int_end = s.find('.').unwrap_or(s.len());
        if dots > 1
            || int_end < last_comma
            || first > 3
            || s[..int_end].split(',').skip(1).any(|g| g.len() != 3)
        {
            return None;
        }
        if dots == 1 {
            Some(b'.')
        } else {
            None
        }
    };
    let mut buf = [0u8; 64];
    let mut len = 0;
    for &c in b {
        let out = match c {
            b'0'..=b'9' => c,
            _ if Some(c) == decimal => b'.',
            _ => continue,
        };
        if len == buf.len() {
            // Very long digit strings: let the float parser see them whole.
            return s
                .bytes()
                .filter(|c| c.is_ascii_digit() || Some(*c) == decimal)
                .map(|c| if c.is_ascii_digit() { c as char } else { '.' })
                .collect::<String>()
                .parse()
                .ok();
        }
        buf[len] = out;
        len += 1;
    }
    std::str::from_utf8(&buf[..len]).ok()?.parse().ok()
}

/// The value of a percent token (`104,11%`, `5,1 %`), in percent units
/// (`104,11%` → 104.11).
///
/// ```
/// use tomtat_tokenizer::token::parse_percent;
/// assert_eq!(parse_percent("104,11%"), Some(104.11));
/// ```
pub fn parse_percent(s: &str) -> Option<f64> {
    parse_number(s.strip_suffix('%')?.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_conventions() {
        assert_eq!(parse_number("832.270.966.973"), Some(832_270_966_973.0));
        assert_eq!(parse_number("3.807,927"), Some(3807.927));
        assert_eq!(parse_number("104,11"), Some(104.11));
        assert_eq!(parse_number("07"), Some(7.0));
        assert_eq!(parse_number("1.087"), Some(1087.0));
        assert_eq!(parse_number("170.000"), Some(170_000.0));
        assert_eq!(parse_number("1038,5"), Some(1038.5));
        assert_eq!(parse_number("45.799"), Some(45799.0));
    }

    #[test]
    fn english_style() {
        assert_eq!(parse_number("5.1"), Some(5.1));
        assert_eq!(parse_number("12.25"), Some(12.25));
        assert_eq!(parse_number("2024.5"), Some(2024.5));
        assert_eq!(parse_number("1234.567"), Some(1234.567));
        assert_eq!(parse_number("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_number("1,234,567.5"), Some(1_234_567.5));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
    }

    #[test]
    fn rejects() {
        for s in [
            "",
            "1.2.3",
            "1.23.456",
            "1234.567.890",
            "12a",
            "-5",
            "5.",
            ",5",
            "1..2",
            "1,2,3",
            "1.234,5,6",
            "1,23.4",
        ] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    #[test]
    fn percent() {
        assert_eq!(parse_percent("104,11%"), Some(104.11));
        assert_eq!(parse_percent("5,1 %"), Some(5.1));
        assert_eq!(parse_percent("100%"), Some(100.0));
        assert_eq!(parse_percent("100"), None);
    }

    #[test]
    fn long_digit_strings() {
        let s = "1".repeat(100);
        assert!(parse_number(&s).unwrap() > 1e99);
    }
}

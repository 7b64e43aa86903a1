//! MHTML (web archive, `.mht`): the first `text/html` part of a MIME multipart
//! message, with its quoted-printable or base64 transfer encoding undone. Word's
//! "Single File Web Page" and DOCX alternative-format chunks from HTML converters
//! are written this way.

/// Does this look like a MIME message (an .mht file)?
pub(crate) fn looks_like_mime(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.get(..13)
        .is_some_and(|h| h.eq_ignore_ascii_case(b"mime-version:"))
        || (find_ignore_case(head, b"content-type: multipart/related")
            && find_ignore_case(head, b"boundary"))
}

/// Whether `hay` holds `needle` (lower case) in any case, without a lowered copy of `hay`:
/// looked for at each `/` of `hay` when `needle` has one (a byte rarer than its letters).
fn find_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    let at = |i: usize| {
        hay.get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    };
    match needle.iter().position(|&b| b == b'/') {
        Some(k) => memchr::memchr_iter(b'/', hay).any(|i| i >= k && at(i - k)),
        None => {
            let first = needle[0];
            memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).any(at)
        }
    }
}

/// The HTML part's bytes, decoded from its transfer encoding.
pub(crate) fn html_part(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = String::from_utf8_lossy(bytes);
    let lower = text.to_ascii_lowercase();
    let b_at = lower.find("boundary=")? + "boundary=".len();
    let rest = &text[b_at..];
    let boundary: String = if let Some(q) = rest.strip_prefix('"') {
        q.chars().take_while(|&c| c != '"').collect()
    } else {
        rest.chars()
            .take_while(|c| !c.is_whitespace() && *c != ';')
            .collect()
    };
    if boundary.is_empty() {
        return None;
    }
    let delimiter = format!("--{boundary}");
    for part in text.split(delimiter.as_str()).skip(1) {
        let part = part.trim_start_matches(['\r', '\n']);
        let split = part
            .find("\r\n\r\n")
            .map(|p| (p, 4))
            .or_else(|| part.find("\n\n").map(|p| (p, 2)))?;
        let headers = part[..split.0].to_ascii_lowercase();
        if !headers.contains("content-type: text/html") {
            continue;
        }
        let body = &part[split.0 + split.1..];
        return Some(
            if headers.contains("content-transfer-encoding: quoted-printable") {
                quoted_printable(body.as_bytes())
            } else if headers.contains("content-transfer-encoding: base64") {
                base64(body.as_bytes())
            } else {
                body.as_bytes().to_vec()
            },
        );
    }
    None
}

/// Quoted-printable body (`=C3=A1`, soft line breaks `=\r\n`). The `quoted_printable` crate's
/// robust mode keeps a malformed escape as it is, as mail readers do.
fn quoted_printable(s: &[u8]) -> Vec<u8> {
    quoted_printable::decode(s, quoted_printable::ParseMode::Robust).unwrap_or_else(|_| s.to_vec())
}

/// Base64 body, wrapped in lines, perhaps with its padding lost: the `base64` crate after the
/// line breaks and anything outside the alphabet are dropped (as browsers do with web archives).
fn base64(s: &[u8]) -> Vec<u8> {
    use base64::engine::{general_purpose, DecodePaddingMode, Engine, GeneralPurpose};
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        general_purpose::GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    let mut clean: Vec<u8> = s
        .iter()
        .copied()
        .take_while(|&c| c != b'=')
        .filter(|&c| c.is_ascii_alphanumeric() || c == b'+' || c == b'/')
        .collect();
    if clean.len() % 4 == 1 {
        // A lone last character holds no whole byte.
        clean.pop();
    }
    LENIENT.decode(&clean).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_part_of_a_web_archive() {
        let mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n\
------=_NextPart_01\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
<p>B=C3=A1o c=C3=A1o =\r\nt=E1=BB=95ng k=E1=BA=BFt</p>\r\n------=_NextPart_01\r\nContent-Type: image/png\r\n\r\nxx\r\n------=_NextPart_01--";
        assert!(looks_like_mime(mht.as_bytes()));
        let html = html_part(mht.as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8(html).unwrap(),
            "<p>Báo cáo tổng kết</p>\r\n"
        );
    }

    #[test]
    fn base64_decoding() {
        assert_eq!(base64(b"SOG6sW5n\r\nIGjDoA=="), "Hằng hà".as_bytes());
        assert_eq!(
            base64(b"SOG6sW5n\r\nIGjDoA"),
            "Hằng hà".as_bytes(),
            "padding lost"
        );
        assert_eq!(base64(b"SOG6 sW5n!\nIGjDoA==junk"), "Hằng hà".as_bytes());
        assert_eq!(quoted_printable(b"a=3D=\r\nb=ZZ"), b"a=b=ZZ");
    }
}

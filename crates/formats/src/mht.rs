//! MHTML (web archive, `.mht`): the first `text/html` part of a MIME multipart
//! message, with its quoted-printable or base64 transfer encoding undone. Word's
//! "Single File Web Page" and DOCX alternative-format chunks from HTML converters
//! are written this way.

/// Does this look like a MIME message (an .mht file)?
pub(crate) fn looks_like_mime(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    lower.starts_with(b"mime-version:")
        || (find(&lower, b"content-type: multipart/related").is_some()
            && find(&lower, b"boundary").is_some())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
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

fn quoted_printable(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'=' {
            if s.get(i + 1..i + 3) == Some(b"\r\n") {
                i += 3;
                continue;
            }
            if s.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

fn base64(s: &[u8]) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for &c in s {
        if c == b'=' {
            break;
        }
        let Some(v) = value(c) else { continue };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
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
    }
}

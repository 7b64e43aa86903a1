//! Properties of the writers: CSV fields read back as written, HTML and XML escaping leave no
//! markup and lose no text.

use proptest::prelude::*;
use tomtat::{csv, docx, html, render};

fn unescape_html(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

proptest! {
    #[test]
    fn csv_rows_read_back(cells in proptest::collection::vec("[a-zà-ỹ ,\"\r\n;|0-9=@]{0,12}", 1..6)) {
        let line: Vec<String> = cells.iter().map(|c| render::csv_cell(c)).collect();
        let text = format!("{}{}\r\n", csv::BOM, line.join(","));
        let rows = csv::parse(&text);
        // A cell a spreadsheet would run as a formula reads back with its neutralising quote.
        let expected: Vec<String> = cells
            .iter()
            .map(|c| if c.starts_with(['=', '@', '\t', '\r']) { format!("'{c}") } else { c.clone() })
            .collect();
        prop_assert_eq!(rows, vec![expected]);
    }

    #[test]
    fn html_escape_leaves_no_markup(s in "\\PC{0,40}") {
        let e = html::escape(&s);
        prop_assert!(!e.contains('<') && !e.contains('>') && !e.contains('"') && !e.contains('\''));
        prop_assert_eq!(unescape_html(&e), s);
    }

    #[test]
    fn xml_escape_is_well_formed(s in "\\PC{0,40}|[\\x00-\\x1f<>&\"]{0,10}") {
        let e = docx::xml_escape(&s);
        prop_assert!(!e.contains('<') && !e.contains('>'));
        prop_assert!(e.chars().all(|c| c >= ' '));
        for (k, _) in e.match_indices('&') {
            let rest = &e[k..];
            prop_assert!(["&amp;", "&lt;", "&gt;", "&quot;"].iter().any(|x| rest.starts_with(x)));
        }
    }
}

//! Word's automatic numbering (`word/numbering.xml`): the labels ("I.", "1.2.", "a)",
//! "-") that Word draws before numbered paragraphs but does not store in the text.
//! Report headings such as "II. NHIỆM VỤ, GIẢI PHÁP" are often numbered this way,
//! and the label tells the splitter and scorer that the line is a heading or an item.

use std::collections::HashMap;

use crate::markup::{attr, decode_refs_into, local_name, Scanner, Token};

#[derive(Clone, Debug, Default)]
struct Level {
    start: i64,
    format: String,
    text: String,
}

/// Numbering definitions and the running counters of one document.
#[derive(Default, Debug)]
pub(crate) struct Numbering {
    /// abstractNumId → levels 0..=8.
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides per level).
    nums: HashMap<String, (String, HashMap<usize, i64>)>,
    /// numId → current value per level (`None`: not used since the last restart).
    counters: HashMap<String, [Option<i64>; 9]>,
}

impl Numbering {
    pub(crate) fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<usize> = None;
        let mut override_level: Option<usize> = None;
        for tok in Scanner::new(xml) {
            match tok {
                Token::Start { name, attrs, .. } => {
                    let val = attr(attrs, "val");
                    match local_name(name) {
                        "abstractNum" => {
                            let id = attr(attrs, "abstractNumId").unwrap_or("").to_string();
                            n.abstracts.entry(id.clone()).or_insert_with(|| {
                                // Word always writes <w:start>; without one, count from 1.
                                vec![
                                    Level {
                                        start: 1,
                                        ..Level::default()
                                    };
                                    9
                                ]
                            });
                            abstract_id = Some(id);
                        }
                        "num" => num_id = attr(attrs, "numId").map(str::to_string),
                        "lvl" => {
                            level = attr(attrs, "ilvl")
                                .and_then(|v| v.parse::<usize>().ok())
                                .filter(|&l| l < 9);
                        }
                        "lvlOverride" => {
                            override_level = attr(attrs, "ilvl")
                                .and_then(|v| v.parse::<usize>().ok())
                                .filter(|&l| l < 9);
                        }
                        "abstractNumId" => {
                            if let (Some(id), Some(v)) = (&num_id, val) {
                                n.nums.entry(id.clone()).or_default().0 = v.to_string();
                            }
                        }
                        "startOverride" => {
                            if let (Some(id), Some(l), Some(v)) = (
                                &num_id,
                                override_level,
                                val.and_then(|v| v.parse::<i64>().ok()),
                            ) {
                                n.nums.entry(id.clone()).or_default().1.insert(l, v);
                            }
                        }
                        local @ ("start" | "numFmt" | "lvlText") => {
                            if num_id.is_some() {
                                continue; // level overrides inside <w:num>: rare, ignored
                            }
                            let (Some(a), Some(l), Some(v)) = (&abstract_id, level, val) else {
                                continue;
                            };
                            if let Some(lv) = n.abstracts.get_mut(a).and_then(|v| v.get_mut(l)) {
                                match local {
                                    "start" => lv.start = v.parse().unwrap_or(0),
                                    "numFmt" => lv.format = v.to_string(),
                                    _ => {
                                        lv.text.clear();
                                        decode_refs_into(v, &mut lv.text);
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Token::End { name } => match local_name(name) {
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    "lvl" => level = None,
                    "lvlOverride" => override_level = None,
                    _ => {}
                },
                _ => {}
            }
        }
        n
    }

    /// Count one paragraph of list `num_id` at level `ilvl` and give its label.
    pub(crate) fn label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let ilvl = ilvl.min(8);
        let (abstract_id, overrides) = self.nums.get(num_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let counters = self.counters.entry(num_id.to_string()).or_default();
        let start = |l: usize| {
            overrides
                .get(&l)
                .copied()
                .unwrap_or_else(|| levels.get(l).map_or(1, |lv| lv.start))
        };
        counters[ilvl] = Some(counters[ilvl].map_or(start(ilvl), |v| v + 1));
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        let level = levels.get(ilvl)?;
        if level.format == "none" {
            return None;
        }
        if level.format == "bullet" {
            let c = level.text.chars().next()?;
            // Symbol-font bullets are private-use characters: show a plain dash.
            let shown = if ('\u{E000}'..='\u{F8FF}').contains(&c) || c.is_control() {
                '-'
            } else {
                c
            };
            return Some(shown.to_string());
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let l = (d as usize).saturating_sub(1).min(8);
                    let value = counters[l].unwrap_or_else(|| start(l));
                    let format = levels.get(l).map_or("decimal", |lv| lv.format.as_str());
                    out.push_str(&format_number(value, format));
                    continue;
                }
            }
            out.push(c);
        }
        let out = out.trim().to_string();
        (!out.is_empty()).then_some(out)
    }
}

/// A counter in a Word number format.
fn format_number(n: i64, format: &str) -> String {
    match format {
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperLetter" => letter(n).to_uppercase(),
        "lowerLetter" => letter(n),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        _ => n.to_string(),
    }
}

fn roman(mut n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    let mut s = String::new();
    for (v, r) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Word's letters: a..z, then aa..zz, aaa..
fn letter(n: i64) -> String {
    if !(1..=780).contains(&n) {
        return n.to_string();
    }
    let c = (b'a' + ((n - 1) % 26) as u8) as char;
    std::iter::repeat_n(c, ((n - 1) / 26 + 1) as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61607;"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
</w:numbering>"#;

    #[test]
    fn labels_count_and_restart() {
        let mut n = Numbering::parse(XML);
        let mut l = |id: &str, lvl| n.label(id, lvl);
        assert_eq!(l("1", 0).as_deref(), Some("I."));
        assert_eq!(l("1", 1).as_deref(), Some("I.1."));
        assert_eq!(l("1", 2).as_deref(), Some("a)"));
        assert_eq!(l("1", 2).as_deref(), Some("b)"));
        assert_eq!(l("1", 1).as_deref(), Some("I.2."));
        assert_eq!(l("1", 2).as_deref(), Some("a)"));
        assert_eq!(l("1", 0).as_deref(), Some("II."));
        assert_eq!(l("1", 1).as_deref(), Some("II.1."));
        assert_eq!(l("2", 0).as_deref(), Some("-"));
        assert_eq!(l("3", 0).as_deref(), Some("III."));
        assert_eq!(l("9", 0), None);
    }

    #[test]
    fn number_formats() {
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(letter(28), "bb");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(7, "decimalZero"), "07");
        assert_eq!(format_number(5, "vietnameseCounting"), "5");
    }
}

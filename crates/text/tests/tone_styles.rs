//! Tone styles against the two hunspell-vi syllable lists (new style `vi-DauMoi.dic`,
//! old style `vi-DauCu.dic`; GPL, read from the shared data at test time only).

use std::collections::BTreeSet;
use tomtat_text::{match_key, Options, Text, ToneStyle};

/// The words of a hunspell list, or `None` (test skipped) without the shared data.
fn read_dic(name: &str) -> Option<Vec<String>> {
    let path = tomtat_testdata::shared("hunspell-vi")?.join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let count: usize = lines.next().unwrap().trim().parse().unwrap();
    let words: Vec<String> = lines
        .map(|l| l.split('/').next().unwrap().trim().to_string())
        .filter(|w| !w.is_empty())
        .collect();
    assert_eq!(words.len(), count, "{name}");
    Some(words)
}

fn convert(words: &[String], style: ToneStyle) -> BTreeSet<String> {
    let opts = Options {
        encoding: None,
        tone_style: style,
    };
    words
        .iter()
        .map(|w| Text::from_str_with(w, &opts).into_string().to_lowercase())
        .collect()
}

fn set(words: &[String]) -> BTreeSet<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

fn diff(a: &BTreeSet<String>, b: &BTreeSet<String>) -> String {
    let extra: Vec<_> = a.difference(b).take(20).collect();
    let missing: Vec<_> = b.difference(a).take(20).collect();
    format!("extra {extra:?}\nmissing {missing:?}")
}

#[test]
fn each_list_converts_to_the_other() {
    let (Some(new), Some(old)) = (read_dic("vi-DauMoi.dic"), read_dic("vi-DauCu.dic")) else {
        return;
    };
    assert_eq!(new.len(), 6642);
    let (new_set, old_set) = (set(&new), set(&old));
    assert_ne!(new_set, old_set);

    let to_old = convert(&new, ToneStyle::Old);
    assert!(
        to_old == old_set,
        "new -> old:\n{}",
        diff(&to_old, &old_set)
    );
    let to_new = convert(&old, ToneStyle::New);
    assert!(
        to_new == new_set,
        "old -> new:\n{}",
        diff(&to_new, &new_set)
    );
    // Each style is a fixed point of itself, and Keep keeps.
    assert_eq!(convert(&new, ToneStyle::New), new_set);
    assert_eq!(convert(&old, ToneStyle::Old), old_set);
    assert_eq!(convert(&old, ToneStyle::Keep), old_set);
}

#[test]
fn match_key_ignores_style_and_case() {
    let (Some(new), Some(old)) = (read_dic("vi-DauMoi.dic"), read_dic("vi-DauCu.dic")) else {
        return;
    };
    let keys_new: BTreeSet<String> = new.iter().map(|w| match_key(w)).collect();
    let keys_old: BTreeSet<String> = old.iter().map(|w| match_key(w)).collect();
    assert_eq!(keys_new, keys_old);
    for w in &new {
        assert_eq!(match_key(w), match_key(&w.to_uppercase()), "{w}");
    }
}

#[test]
fn case_is_kept_when_restyling() {
    let old = Options {
        encoding: None,
        tone_style: ToneStyle::Old,
    };
    let new = Options {
        encoding: None,
        tone_style: ToneStyle::New,
    };
    assert_eq!(
        Text::from_str_with("HOÀ BÌNH Hoà Thuỷ", &old).as_str(),
        "HÒA BÌNH Hòa Thủy"
    );
    assert_eq!(
        Text::from_str_with("HÒA KHỎE QUÝ", &new).as_str(),
        "HOÀ KHOẺ QUÝ"
    );
}

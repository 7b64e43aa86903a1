//! Dump of the tokens of the corpus that contain a digit or capitals, for
//! reading by eye: `cargo test -p tomtat-tokenizer --test tokens_dump -- --ignored --nocapture`.
use std::collections::BTreeMap;
use tomtat_tokenizer::tokenize;

#[test]
#[ignore]
fn dump() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut seen: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        for t in tokenize(&text) {
            let s = t.text(&text);
            let interesting = !matches!(t.kind.name(), "syllable" | "punct");
            if interesting {
                *seen.entry((s.to_string(), t.kind.name())).or_default() += 1;
            }
        }
    }
    for ((s, k), n) in seen {
        println!("{k}\t{n}\t{s}");
    }
}

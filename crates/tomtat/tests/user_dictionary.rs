//! `summarize --dict`: a user dictionary reaches the scorer and changes the briefing.

use std::path::Path;
use tomtat::{render, Pipeline, PipelineOptions};
use tomtat_tokenizer::Segmenter;

/// A dictionary gluing every run of four syllables of `text` into one word (the
/// longest user word wins), so that the words the scorer compares differ throughout.
fn glue_dictionary(text: &str) -> String {
    let syllables: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|s| !s.is_empty())
        .collect();
    syllables
        .windows(4)
        .step_by(2)
        .map(|w| w.join(" ") + "\n")
        .collect()
}

/// The full view (`--reasons`): every pick with its score, so a change in the words the
/// scorer compares shows even when the same units win.
fn markdown(pipeline: &Pipeline, id: &str, bytes: &[u8]) -> String {
    let record = pipeline.summarize_bytes(id, &format!("corpus/{id}.txt"), bytes);
    assert!(!record.is_error(), "{id}: {record:?}");
    render::markdown_with(&record, &render::MdOptions { reasons: true })
}

#[test]
fn a_user_dictionary_changes_the_briefing() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let plain = Pipeline::new(PipelineOptions::default());
    let mut changed = Vec::new();
    for id in ["000", "012", "037"] {
        let bytes = std::fs::read(corpus.join(format!("{id}.txt"))).expect("corpus document");
        let text = String::from_utf8_lossy(&bytes);
        let mut segmenter = Segmenter::new();
        assert!(segmenter.add_user_words(&glue_dictionary(&text)) > 0);
        let with_dict = Pipeline::with_user_dictionary(PipelineOptions::default(), segmenter);
        // Same words as the bundled segmenter: an empty dictionary only switches the scorer
        // to segmented words, a real one changes which units are found alike.
        let empty = Pipeline::with_user_dictionary(PipelineOptions::default(), Segmenter::new());
        let a = markdown(&empty, id, &bytes);
        let b = markdown(&with_dict, id, &bytes);
        let c = markdown(&plain, id, &bytes);
        eprintln!(
            "{id}: dict changes {} ; segmented-vs-syllable changes {}",
            a != b,
            a != c
        );
        if a != b {
            changed.push(id);
        }
    }
    assert!(
        !changed.is_empty(),
        "no briefing changed with a user dictionary"
    );
}

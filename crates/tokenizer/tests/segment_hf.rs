//! The segmenter inside a Hugging Face `tokenizers` pipeline (feature `hf`):
//! a BPE trained here on UD-VTB train (words `_`-joined) encodes raw text.
#![cfg(feature = "hf")]

use std::path::PathBuf;
use tokenizers::models::bpe::{BpeTrainerBuilder, BPE};
use tokenizers::pre_tokenizers::whitespace::WhitespaceSplit;
use tokenizers::{
    AddedToken, DecoderWrapper, NormalizerWrapper, PostProcessorWrapper, PreTokenizerWrapper,
    Tokenizer, TokenizerImpl,
};
use tomtat_tokenizer::segment::hf::{pre_tokenize_str, with_segmenter, VietnamesePreTokenizer};
use tomtat_tokenizer::Segmenter;

fn vtb_train() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ud-vi-vtb/vi_vtb-ud-train.words.txt");
    p.exists().then_some(p)
}

#[test]
fn pre_tokenizer_joins_words_and_keeps_offsets() {
    let pre = VietnamesePreTokenizer::new(Segmenter::new());
    let text = "Ban Chấp hành  Đảng bộ huyện, ngày 30/6/2024.";
    let splits = pre_tokenize_str(&pre, text).unwrap();
    let forms: Vec<&str> = splits.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        forms,
        [
            "Ban_Chấp_hành",
            "Đảng_bộ",
            "huyện",
            ",",
            "ngày",
            "30/6/2024",
            "."
        ]
    );
    for (form, (s, e)) in &splits {
        let orig = &text[*s..*e];
        let joined: String = orig.split_whitespace().collect::<Vec<_>>().join("_");
        assert_eq!(&joined, form);
    }
}

#[test]
fn bpe_over_segmented_words_encodes_raw_text() {
    let Some(train) = vtb_train() else {
        eprintln!("skipped: UD-VTB train not found");
        return;
    };
    let mut trainer = BpeTrainerBuilder::new()
        .vocab_size(4000)
        .min_frequency(2)
        .show_progress(false)
        .special_tokens(vec![AddedToken::from("<unk>", true)])
        .build();
    let mut bpe_tok: TokenizerImpl<
        BPE,
        NormalizerWrapper,
        PreTokenizerWrapper,
        PostProcessorWrapper,
        DecoderWrapper,
    > = TokenizerImpl::new(BPE::builder().unk_token("<unk>".into()).build().unwrap());
    bpe_tok.with_pre_tokenizer(Some(WhitespaceSplit));
    bpe_tok
        .train_from_files(&mut trainer, vec![train.to_string_lossy().into_owned()])
        .unwrap();
    let tokenizer = Tokenizer::new(bpe_tok.get_model().clone());
    let tok = with_segmenter(tokenizer, Segmenter::new());

    let text = "Ban Chấp hành Đảng bộ huyện đã lãnh đạo thực hiện thắng lợi các chỉ tiêu kinh tế.";
    let enc = tok.encode(text, false).unwrap();
    assert!(!enc.get_tokens().is_empty());
    let mut saw_joined = false;
    for (t, &(s, e)) in enc.get_tokens().iter().zip(enc.get_offsets()) {
        assert!(s < e && e <= text.len(), "{t} {s}..{e}");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        if t != "<unk>" {
            // the token is the original text with the spaces inside a word as `_`
            assert_eq!(&text[s..e].replace(' ', "_"), t);
        }
        saw_joined |= t.contains('_');
    }
    assert!(saw_joined, "{:?}", enc.get_tokens());
    // the words of the encoding are the segmenter's words
    let words: std::collections::BTreeSet<u32> =
        enc.get_word_ids().iter().flatten().copied().collect();
    assert_eq!(words.len(), Segmenter::new().segment_str(text).len());
}

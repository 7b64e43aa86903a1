//! Word segmentation: golden report phrases, typed tokens, user words, model file.

use proptest::prelude::*;
use std::collections::HashSet;
use tomtat_tokenizer::segment::{Model, BUNDLED_MODEL};
use tomtat_tokenizer::{join_words, tokenize, Scratch, Segmenter, TokenKind, Word};

fn words(seg: &Segmenter, text: &str) -> Vec<Word> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    seg.segment(text, &tokens, &mut out);
    out
}

/// Word spans in characters, spaces and `_` left out (as `seg_score.py` counts).
fn spans(line: &str) -> HashSet<(usize, usize)> {
    let mut out = HashSet::new();
    let mut pos = 0;
    for w in line.split_whitespace() {
        let n = w.chars().filter(|&c| c != '_').count();
        out.insert((pos, pos + n));
        pos += n;
    }
    out
}

/// Phrases of party-committee reports (corpus/) with their segmentation in the
/// UD-VTB convention.
const GOLDEN: &[&str] = &[
    "Ban_Chấp_hành Đảng_bộ huyện",
    "Ủy_ban nhân_dân tỉnh",
    "góp_phần giữ_vững ổn_định tình_hình an_ninh chính_trị",
    "Việc chỉ_đạo công_tác luân_chuyển cán_bộ chưa thật_sự bài_bản",
    "Triển_khai xây_dựng , nâng_cấp 19 phòng_học , thư_viện",
    "đổi_mới phương_thức lãnh_đạo , nâng_cao sức chiến_đấu của các cấp_ủy đảng",
    "Đẩy_mạnh việc học_tập và làm theo tấm_gương đạo_đức Hồ_Chí_Minh",
    "báo_cáo công_tác cải_cách hành_chính",
    "triển_khai nhiệm_vụ trọng_tâm năm 2018",
    "Tình_hình sản_xuất nông , lâm_nghiệp , thuỷ_sản phát_triển ổn_định",
    "quyết_tâm phấn_đấu hoàn_thành mục_tiêu , các chỉ_tiêu , nhiệm_vụ của năm 2024",
    "Hoàn_thiện hồ_sơ tặng , truy_tặng huy_hiệu cho 78 đảng_viên",
    "Tổng chi ngân_sách nhà_nước",
    "Trong đó có cả một_số trường_hợp phải tổ_chức cưỡng_chế",
    "những cách làm sáng_tạo , phù_hợp với đặc_điểm đơn_vị",
    "kinh_tế tư_nhân đóng_góp 63%",
    "Đảng_ủy , HĐND , UBND xã",
    "dự_kiến kết_thúc đợt kiểm_tra trước ngày 30/6",
    "lãnh_đạo các cơ_quan chuyên_trách tham_mưu , giúp_việc Tỉnh_ủy",
    "Thực_hiện Nghị_quyết số 43-NQ/TW của Bộ_Chính_trị",
    "tổng thu ngân_sách nhà_nước đạt 832.270.966.973 đồng",
    "tăng_cường công_tác kiểm_tra , giám_sát và thi_hành kỷ_luật đảng",
];

#[test]
fn golden_report_phrases() {
    let seg = Segmenter::new();
    let (mut tp, mut n_gold, mut n_sys) = (0, 0, 0);
    let mut wrong = Vec::new();
    for gold in GOLDEN {
        let raw = gold.replace('_', " ");
        let got = join_words(&raw, &words(&seg, &raw));
        let (g, s) = (spans(gold), spans(&got));
        tp += g.intersection(&s).count();
        n_gold += g.len();
        n_sys += s.len();
        if g != s {
            wrong.push(format!("gold {gold}\n got {got}"));
        }
    }
    let p = tp as f64 / n_sys as f64;
    let r = tp as f64 / n_gold as f64;
    let f1 = 2.0 * p * r / (p + r);
    println!("report phrases: word F1 {f1:.3}\n{}", wrong.join("\n"));
    assert!(
        f1 >= 0.90,
        "word F1 {f1:.3} on report phrases; wrong:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn readme_examples() {
    let seg = Segmenter::new();
    assert_eq!(
        seg.segment_str("Ban Chấp hành Đảng bộ huyện"),
        ["Ban_Chấp_hành", "Đảng_bộ", "huyện"]
    );
    assert_eq!(
        seg.segment_line("Ủy ban nhân dân tỉnh"),
        "Ủy_ban nhân_dân tỉnh"
    );
}

#[test]
fn typed_tokens_stay_whole_and_alone() {
    let seg = Segmenter::new();
    let text = "Ngày 30/6/2024 tổng thu đạt 832.270.966.973 đồng (đạt 104,11% dự toán) \
                theo Nghị quyết 43-NQ/TW, xem https://example.vn/bao-cao và quý I/2025.";
    let tokens = tokenize(text);
    let mut out = Vec::new();
    seg.segment(text, &tokens, &mut out);
    for w in &out {
        let (a, b) = (w.tokens.0 as usize, w.tokens.1 as usize);
        let kinds: Vec<TokenKind> = tokens[a..b].iter().map(|t| t.kind).collect();
        if kinds.len() > 1 {
            assert!(
                kinds
                    .iter()
                    .all(|k| matches!(k, TokenKind::Syllable | TokenKind::Foreign)),
                "typed token glued into {:?}: {kinds:?}",
                w.text(text)
            );
        }
    }
    // every typed token is one word with the same range
    for (i, t) in tokens.iter().enumerate() {
        if !matches!(t.kind, TokenKind::Syllable | TokenKind::Foreign) {
            assert!(out
                .iter()
                .any(|w| w.tokens == (i as u32, i as u32 + 1)
                    && (w.start, w.end) == (t.start, t.end)));
        }
    }
    let line = join_words(text, &out);
    assert!(line.contains(" 30/6/2024 "), "{line}");
    assert!(line.contains(" 832.270.966.973 "), "{line}");
}

#[test]
fn user_words_are_obeyed() {
    let mut seg = Segmenter::new();
    let text = "Huyện đẩy mạnh phát triển kinh tế tập thể và nông thôn mới";
    let before = join_words(text, &words(&seg, text));
    assert!(!before.contains("kinh_tế_tập_thể"), "{before}");
    let added = seg.add_user_words("# comment\nkinh tế tập thể\nnông_thôn_mới\n\nx\n");
    assert_eq!(added, 2);
    let after = join_words(text, &words(&seg, text));
    assert!(after.contains(" kinh_tế_tập_thể "), "{after}");
    assert!(after.ends_with(" nông_thôn_mới"), "{after}");
    // a user word also forces the boundaries around it, against the model
    let mut seg2 = Segmenter::new();
    seg2.add_user_words("triển kinh");
    let t = "phát triển kinh tế";
    assert_eq!(join_words(t, &words(&seg2, t)), "phát triển_kinh tế");
    // case and tone style of the user word do not matter
    let mut seg = Segmenter::new();
    seg.add_user_words("THUỶ LỢI NỘI ĐỒNG");
    let t = "công trình thủy lợi nội đồng";
    assert!(join_words(t, &words(&seg, t)).ends_with(" thủy_lợi_nội_đồng"));
}

#[test]
fn tone_style_does_not_change_segmentation() {
    let seg = Segmenter::new();
    let old = "giữ vững hòa bình, phát triển thủy lợi và chăm sóc sức khỏe nhân dân";
    let new = "giữ vững hoà bình, phát triển thuỷ lợi và chăm sóc sức khoẻ nhân dân";
    let a: Vec<_> = words(&seg, old).iter().map(|w| (w.start, w.end)).collect();
    let b: Vec<_> = words(&seg, new).iter().map(|w| (w.start, w.end)).collect();
    assert_eq!(a, b);
}

#[test]
fn i_y_spelling_does_not_change_segmentation() {
    let seg = Segmenter::new();
    for (a, b) in [
        (
            "quản lý kỹ thuật và bác sỹ ở Mỹ, kỷ luật",
            "quản lí kĩ thuật và bác sĩ ở Mĩ, kỉ luật",
        ),
        ("hy sinh vì lý tưởng", "hi sinh vì lí tưởng"),
        ("CÔNG TY LÝ LỊCH", "CÔNG TI LÍ LỊCH"),
    ] {
        // the spellings differ in byte length (`ỹ` 3 bytes, `ĩ` 2): compare tokens per word
        let wa: Vec<_> = words(&seg, a).iter().map(|w| w.tokens).collect();
        let wb: Vec<_> = words(&seg, b).iter().map(|w| w.tokens).collect();
        assert_eq!(wa, wb, "{a} / {b}");
    }
    assert_eq!(seg.segment_str("quản lí kĩ thuật"), ["quản_lí", "kĩ_thuật"]);
    // a user word in one spelling finds the other
    let mut seg = Segmenter::new();
    seg.add_user_words("cơ sở lý luận\n");
    assert_eq!(seg.segment_str("cơ sở lí luận"), ["cơ_sở_lí_luận"]);
}

#[test]
fn hoa_derivations_join() {
    let seg = Segmenter::new();
    for (text, want) in [
        (
            "công nghiệp hoá, hiện đại hoá đất nước",
            "công_nghiệp_hoá , hiện_đại_hoá đất_nước",
        ),
        ("đẩy mạnh cơ giới hóa", "đẩy_mạnh cơ_giới_hóa"),
        ("quá trình đô thị hoá nhanh", "quá_trình đô_thị_hoá nhanh"),
        ("xã hội hoá giáo dục", "xã_hội_hoá giáo_dục"),
        // `hoá` starting a word of its own stays apart
        ("ngành hoá chất", "ngành hoá_chất"),
    ] {
        assert_eq!(seg.segment_line(text), want, "{text}");
    }
}

#[test]
fn bundled_model_loads() {
    let t = std::time::Instant::now();
    let model = Model::from_bytes(BUNDLED_MODEL).expect("valid model");
    // not a timing assertion: the load time is printed for the record (`--nocapture`)
    println!(
        "segmenter model: {} bytes, loaded in {:?}",
        BUNDLED_MODEL.len(),
        t.elapsed()
    );
    assert!(model.dict.len() > 10_000);
    assert!(model.weights.len() > 1_000);
    // round trip
    assert_eq!(model.to_bytes(), BUNDLED_MODEL);
}

#[test]
fn bad_model_files_are_rejected() {
    assert!(Model::from_bytes(b"").is_err());
    assert!(Model::from_bytes(b"NOTAMODEL\0\0\0\0\0\0\0").is_err());
    let mut bytes = BUNDLED_MODEL.to_vec();
    bytes[8] = 99; // version
    assert!(Model::from_bytes(&bytes)
        .unwrap_err()
        .to_string()
        .contains("version"));
    assert!(Model::from_bytes(&BUNDLED_MODEL[..BUNDLED_MODEL.len() - 3]).is_err());
}

#[test]
fn scratch_reuse_matches_fresh_segmentation() {
    let seg = Segmenter::new();
    let mut scratch = Scratch::new();
    for text in [
        "Ban Chấp hành Đảng bộ huyện khóa XIII",
        "a",
        "",
        "Ủy ban nhân dân tỉnh Gia Lai",
    ] {
        let tokens = tokenize(text);
        let mut a = Vec::new();
        let mut b = Vec::new();
        seg.segment(text, &tokens, &mut a);
        seg.segment_with(&mut scratch, text, &tokens, &mut b);
        assert_eq!(a, b);
    }
}

/// One scratch used with two models in turn (its memos are per model) gives what a
/// fresh scratch gives with each.
#[test]
fn scratch_shared_by_two_models() {
    let bundled = Segmenter::new();
    let m = Model::from_bytes(BUNDLED_MODEL).unwrap();
    // another model: every weight negated (joins become splits)
    let mut weights = m.weights.clone();
    for (k, w) in m.weights.sorted() {
        *weights.entry(k) = -w;
    }
    let other = Segmenter::with_model(std::sync::Arc::new(Model::new(
        m.dict.clone(),
        m.assoc.clone(),
        weights,
    )));
    let text = "Ban Chấp hành Đảng bộ huyện khóa XIII. Ủy ban nhân dân tỉnh Gia Lai";
    let tokens = tokenize(text);
    let fresh = |seg: &Segmenter| {
        let mut out = Vec::new();
        seg.segment_with(&mut Scratch::new(), text, &tokens, &mut out);
        out
    };
    let (want_bundled, want_other) = (fresh(&bundled), fresh(&other));
    assert_ne!(want_bundled, want_other);
    let mut scratch = Scratch::new();
    for seg in [&bundled, &other, &bundled, &other] {
        let mut out = Vec::new();
        seg.segment_with(&mut scratch, text, &tokens, &mut out);
        let want = if std::ptr::eq(seg, &bundled) {
            &want_bundled
        } else {
            &want_other
        };
        assert_eq!(&out, want);
    }
}

proptest! {
    #[test]
    fn any_text_segments_without_panic(text in "\\PC{0,60}", user in "[a-zđ ]{0,20}") {
        let mut seg = Segmenter::new();
        seg.add_user_words(&user);
        let tokens = tokenize(&text);
        let mut out = Vec::new();
        seg.segment(&text, &tokens, &mut out);
        let covered: u32 = out.iter().map(|w| w.tokens.1 - w.tokens.0).sum();
        prop_assert_eq!(covered as usize, tokens.len());
        for w in &out {
            prop_assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
            let _ = w.joined(&text);
        }
    }

    #[test]
    fn words_tile_the_tokens(text in "[a-zA-Zàáảãạăắằâấầđèéêếìíòóôốơớùúưứýỳỷỹỵ0-9 ,./%()\n-]{0,80}") {
        let seg = Segmenter::new();
        let tokens = tokenize(&text);
        let mut out = Vec::new();
        seg.segment(&text, &tokens, &mut out);
        let mut next = 0u32;
        for w in &out {
            prop_assert_eq!(w.tokens.0, next);
            prop_assert!(w.tokens.1 > w.tokens.0);
            next = w.tokens.1;
            prop_assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
            prop_assert!(w.start < w.end && w.end <= text.len());
            prop_assert_eq!(w.start, tokens[w.tokens.0 as usize].start);
            prop_assert_eq!(w.end, tokens[w.tokens.1 as usize - 1].end);
        }
        prop_assert_eq!(next as usize, tokens.len());
        // deterministic
        let mut again = Vec::new();
        seg.segment(&text, &tokens, &mut again);
        prop_assert_eq!(out, again);
    }
}

/// Word F1 on the UD-VTB test split (the final measure; never used for tuning).
/// Run with `cargo test --release -p tomtat-tokenizer --test segment -- --ignored`.
#[test]
#[ignore]
fn ud_vtb_test_f1() {
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud-vi-vtb");
    let (Ok(raw), Ok(gold)) = (
        std::fs::read_to_string(dir.join("vi_vtb-ud-test.raw.txt")),
        std::fs::read_to_string(dir.join("vi_vtb-ud-test.words.txt")),
    ) else {
        eprintln!("skipped: UD-VTB test not found");
        return;
    };
    let seg = Segmenter::new();
    let (mut tp, mut n_gold, mut n_sys) = (0, 0, 0);
    for (r, g) in raw.lines().zip(gold.lines()) {
        let (gs, ss) = (spans(g), spans(&seg.segment_line(r)));
        tp += gs.intersection(&ss).count();
        n_gold += gs.len();
        n_sys += ss.len();
    }
    let (p, r) = (tp as f64 / n_sys as f64, tp as f64 / n_gold as f64);
    let f1 = 2.0 * p * r / (p + r);
    println!("UD-VTB test: precision {p:.4} recall {r:.4} F1 {f1:.4}");
    assert!(f1 >= 0.95, "F1 {f1:.4}");
}

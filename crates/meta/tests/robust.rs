//! Any text: no panic, and every range lies inside the text on character boundaries.
use proptest::prelude::*;

fn check(text: &str) {
    let m = tomtat_meta::extract(text);
    for (field, [s, e]) in &m.ranges {
        assert!(
            s <= e && *e <= text.len(),
            "{field}: {s}..{e} of {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(*s) && text.is_char_boundary(*e),
            "{field}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn report_like_text(parts in proptest::collection::vec(prop_oneof![
        Just("Ngày 9/7, "), Just("Sáng 12."), Just("huyện Chư Prông"), Just("tỉnh "), Just("Tỉnh ủy"),
        Just("Số: 12/"), Just("TB-VPCP"), Just("6 tháng đầu năm 20"), Just("24"), Just("ngày 1 tháng 13 năm 2024"),
        Just("xã "), Just("Phường 1"), Just("TP.HCM"), Just("Huế"), Just("\n"), Just("NGHỊ QUYẾT"), Just("ộ"),
        Just(" "), Just("."), Just("nhiệm kỳ 2020 - 2025"), Just("quý IV/2024"), Just("Bộ Chính trị"),
    ], 0..40)) {
        check(&parts.concat());
    }
}

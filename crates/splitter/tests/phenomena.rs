//! One test per phenomenon of real report text.

use tomtat_splitter::{Splitter, UnitKind};

fn units(text: &str) -> Vec<(&'static str, String)> {
    Splitter::new()
        .split(text)
        .iter()
        .map(|u| (u.kind.name(), u.text(text).to_string()))
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    units(text).into_iter().map(|(_, t)| t).collect()
}

#[test]
fn numbers_dates_and_codes_do_not_end_sentences() {
    let t = "Tổng thu đạt 832.270.966.973 đồng, diện tích 4.435m. Ngày 22.12.2024 và ngày 22.4 \
             thực hiện Nghị quyết 43-NQ/TW, Nghị quyết 01/NQ-CP đến 30/6/2024. Tăng 104,11%.";
    assert_eq!(
        texts(t),
        [
            "Tổng thu đạt 832.270.966.973 đồng, diện tích 4.435m.",
            "Ngày 22.12.2024 và ngày 22.4 thực hiện Nghị quyết 43-NQ/TW, Nghị quyết 01/NQ-CP đến 30/6/2024.",
            "Tăng 104,11%."
        ]
    );
}

#[test]
fn abbreviations_continue_or_end_by_what_follows() {
    assert_eq!(
        texts("Đoàn làm việc tại TP. Hồ Chí Minh với TS. Nguyễn Văn A và PGS.TS Lê Văn Bình. Đ/c Trần C phát biểu."),
        [
            "Đoàn làm việc tại TP. Hồ Chí Minh với TS. Nguyễn Văn A và PGS.TS Lê Văn Bình.",
            "Đ/c Trần C phát biểu."
        ]
    );
    assert_eq!(
        texts("Hội nghị được tổ chức tại TP. Trên cơ sở đó, các đơn vị triển khai."),
        [
            "Hội nghị được tổ chức tại TP.",
            "Trên cơ sở đó, các đơn vị triển khai."
        ]
    );
    assert_eq!(
        texts("Theo Nghị quyết T.Ư 4 khóa XII, ông N. C nêu rõ."),
        ["Theo Nghị quyết T.Ư 4 khóa XII, ông N. C nêu rõ."]
    );
}

#[test]
fn ellipses_end_a_sentence_only_before_a_capital_outside_quotes() {
    assert_eq!(
        texts("Đẩy mạnh cải cách hành chính... qua đó hoàn thành chỉ tiêu. Xây dựng 19 nhà văn hóa… Huy động vốn đạt 440 tỷ."),
        [
            "Đẩy mạnh cải cách hành chính... qua đó hoàn thành chỉ tiêu.",
            "Xây dựng 19 nhà văn hóa…",
            "Huy động vốn đạt 440 tỷ."
        ]
    );
    assert_eq!(
        texts("Ông nói: “Kinh tế tích cực… Vấn đề là hành động”, Thủ tướng nhấn mạnh."),
        ["Ông nói: “Kinh tế tích cực… Vấn đề là hành động”, Thủ tướng nhấn mạnh."]
    );
}

#[test]
fn end_mark_stays_with_its_sentence() {
    assert_eq!(
        texts("Giữ vững an ninh trên địa bàn./. Thu Phương (TTXVN)"),
        ["Giữ vững an ninh trên địa bàn./.", "Thu Phương (TTXVN)"]
    );
    let u = units("Giữ vững an ninh trên địa bàn./.\n\nCTV: Khánh Linh – Dương Hoan (Chư Prông)");
    assert_eq!(u[1].0, "byline");
}

#[test]
fn headings_on_their_own_lines() {
    let t = "I. KẾT QUẢ ĐẠT ĐƯỢC\nThu ngân sách đạt 25,5 tỉ đồng.\nI - TÌNH HÌNH VÀ NGUYÊN NHÂN\n\
             2- Hạn chế, yếu kém\nCòn chậm.\nII- QUAN ĐIỂM, MỤC TIÊU\nMục tiêu tổng quát\nPhấn đấu đạt 7%.";
    let u = units(t);
    let kinds: Vec<&str> = u.iter().map(|x| x.0).collect();
    assert_eq!(
        kinds,
        [
            "heading", "sentence", "heading", "heading", "sentence", "heading", "heading",
            "sentence"
        ]
    );
}

#[test]
fn headings_glued_to_the_text() {
    assert_eq!(
        units("II. NHIỆM VỤ TRỌNG TÂM Trong 6 tháng cuối năm, tập trung chỉ đạo."),
        [
            ("heading", "II. NHIỆM VỤ TRỌNG TÂM".to_string()),
            (
                "sentence",
                "Trong 6 tháng cuối năm, tập trung chỉ đạo.".to_string()
            )
        ]
    );
    assert_eq!(
        texts("Hội nghị đã bế mạc. Phát huy vai trò kinh tế tư nhân Phát biểu chỉ đạo, Bí thư nêu rõ."),
        [
            "Hội nghị đã bế mạc.",
            "Phát huy vai trò kinh tế tư nhân",
            "Phát biểu chỉ đạo, Bí thư nêu rõ."
        ]
    );
    assert_eq!(
        texts(
            "Năm 2012 có điểm mới: I. Đối tượng tham gia Trong HTX kiểu cũ, thành viên là cá nhân."
        ),
        [
            "Năm 2012 có điểm mới:",
            "I. Đối tượng tham gia",
            "Trong HTX kiểu cũ, thành viên là cá nhân."
        ]
    );
}

#[test]
fn captions_inline_and_on_lines() {
    let t = "Đồng chí Bí thư phát biểu kết luận. (Ảnh: Trọng Toàn) Về kết quả thi hành án, toàn ngành \
             đạt 16%. Quang cảnh buổi làm việc. Ảnh: Thanh Lê Về văn hóa công sở, cần nâng cao đạo đức.";
    assert_eq!(
        units(t),
        [
            (
                "sentence",
                "Đồng chí Bí thư phát biểu kết luận.".to_string()
            ),
            ("caption", "(Ảnh: Trọng Toàn)".to_string()),
            (
                "sentence",
                "Về kết quả thi hành án, toàn ngành đạt 16%.".to_string()
            ),
            ("caption", "Quang cảnh buổi làm việc.".to_string()),
            ("caption", "Ảnh: Thanh Lê".to_string()),
            (
                "sentence",
                "Về văn hóa công sở, cần nâng cao đạo đức.".to_string()
            ),
        ]
    );
    let t = "Bí thư Tỉnh ủy Quảng Bình. Ảnh: Phạm Kiên/TTXVN Phát biểu tại hội nghị, ông nêu rõ.";
    assert_eq!(
        texts(t),
        [
            "Bí thư Tỉnh ủy Quảng Bình.",
            "Ảnh: Phạm Kiên/TTXVN",
            "Phát biểu tại hội nghị, ông nêu rõ."
        ]
    );
    let u = units("Câu hỏi?\n[img]\nTS Nguyễn Hữu Hà - ảnh 1\n- Trả lời.");
    assert_eq!(u[1], ("caption", "[img]".to_string()));
}

#[test]
fn caption_glued_without_punctuation() {
    assert_eq!(
        texts("Không phải nhà hay không. Ông Vương Đình Huệ phát biểu tại buổi làm việc Ông Vương Đình Huệ nêu rõ, đây là kiểm tra định kỳ."),
        [
            "Không phải nhà hay không.",
            "Ông Vương Đình Huệ phát biểu tại buổi làm việc",
            "Ông Vương Đình Huệ nêu rõ, đây là kiểm tra định kỳ."
        ]
    );
    let u =
        units("A đạt. Ông Vương Đình Huệ phát biểu tại buổi làm việc Ông Vương Đình Huệ nêu rõ.");
    assert_eq!(u[1].0, "caption");
}

#[test]
fn list_items() {
    let t = "Nhiệm vụ trọng tâm:\n- Tăng cường lãnh đạo;\n+ Đẩy mạnh cải cách.\na) Về kinh tế: tăng 7%.\n\
             1. Hoàn thành chỉ tiêu thu ngân sách năm 2024.\n(1) Tiếp tục đổi mới.";
    let kinds: Vec<&str> = units(t).iter().map(|x| x.0).collect();
    assert_eq!(
        kinds,
        [
            "heading",
            "list_item",
            "list_item",
            "list_item",
            "list_item",
            "list_item"
        ]
    );
    // `1.` at the start of a line is a marker, not a sentence.
    assert_eq!(texts("1. Tăng thu. 2. Giảm chi.").len(), 2);
}

#[test]
fn salutations() {
    assert_eq!(
        texts("Thưa các đồng chí đại biểu, Thưa toàn thể Hội nghị, Sau một buổi làm việc, Hội nghị đã hoàn thành."),
        [
            "Thưa các đồng chí đại biểu,",
            "Thưa toàn thể Hội nghị,",
            "Sau một buổi làm việc, Hội nghị đã hoàn thành."
        ]
    );
}

#[test]
fn line_breaks_end_units_and_wrapped_lines_join() {
    assert_eq!(
        texts("Các đại biểu tham dự hội nghị\n\nTrong 6 tháng đầu năm kinh tế phát triển."),
        [
            "Các đại biểu tham dự hội nghị",
            "Trong 6 tháng đầu năm kinh tế phát triển."
        ]
    );
    assert_eq!(
        texts("Đảng bộ tiếp tục lãnh đạo các cấp\nủy thực hiện tốt nhiệm vụ."),
        ["Đảng bộ tiếp tục lãnh đạo các cấp\nủy thực hiện tốt nhiệm vụ."]
    );
}

#[test]
fn semicolons_do_not_end_sentences_and_make_clauses() {
    let t =
        "Đồng chí yêu cầu: tập trung chỉ đạo thu ngân sách; đẩy mạnh giải ngân vốn đầu tư công; \
             nâng cao chất lượng giáo dục (đạt 95%; vượt 2%).";
    let s = Splitter::new();
    let u = s.split(t);
    assert_eq!(u.len(), 1);
    let c: Vec<&str> = u[0].clauses.iter().map(|c| c.text(t)).collect();
    assert_eq!(
        c,
        [
            "tập trung chỉ đạo thu ngân sách",
            "đẩy mạnh giải ngân vốn đầu tư công",
            "nâng cao chất lượng giáo dục (đạt 95%; vượt 2%)."
        ]
    );
    let t = "Thu đạt 50%; chi đạt 40%.";
    let c: Vec<&str> = s.split(t)[0].clauses.iter().map(|c| c.text(t)).collect();
    assert_eq!(c, ["Thu đạt 50%", "chi đạt 40%."]);
    assert!(s.split("Thu đạt 50%.")[0].clauses.is_empty());
}

#[test]
fn cut_off_text_keeps_its_fragment() {
    assert_eq!(
        texts("Kinh tế tăng trưởng 7%. Các đại biểu đã tham gia thảo luận làm rõ những gi"),
        [
            "Kinh tế tăng trưởng 7%.",
            "Các đại biểu đã tham gia thảo luận làm rõ những gi"
        ]
    );
}

#[test]
fn bylines_and_datelines() {
    let t = "Tiêu đề bài viết\n21:27 27/06/2020\nNội dung chính đã đạt. Phạm Hòa";
    let u = units(t);
    assert_eq!(u[0].0, "heading");
    assert_eq!(u[1].0, "byline");
    assert_eq!(u.last().map(|x| x.0), Some("byline"));
    assert_eq!(u.last().map(|x| x.1.as_str()), Some("Phạm Hòa"));
}

#[test]
fn lost_break_after_a_glued_period() {
    assert_eq!(
        texts("Cạnh tranh với sản phẩm ngoại nhập.Các đơn vị gặp khó. Trang HCM.Egov chạy tốt."),
        [
            "Cạnh tranh với sản phẩm ngoại nhập.",
            "Các đơn vị gặp khó.",
            "Trang HCM.Egov chạy tốt."
        ]
    );
}

#[test]
fn question_and_exclamation_marks() {
    assert_eq!(
        texts("Đâu là cơ sở cho mục tiêu này? - Qua đánh giá thực tiễn, tỉnh đạt nhiều kết quả. Xin cảm ơn ông!"),
        [
            "Đâu là cơ sở cho mục tiêu này?",
            "- Qua đánh giá thực tiễn, tỉnh đạt nhiều kết quả.",
            "Xin cảm ơn ông!"
        ]
    );
}

#[test]
fn unit_kind_names() {
    assert_eq!(UnitKind::ListItem.name(), "list_item");
    assert_eq!(UnitKind::Byline.name(), "byline");
}

#[test]
fn numbered_labels_and_place_abbreviations() {
    assert_eq!(
        texts("Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc. Điều 2. Quyết định có hiệu lực."),
        [
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.",
            "Điều 2. Quyết định có hiệu lực."
        ]
    );
    assert_eq!(
        texts("Thực hiện theo quy định tại Điều 5. Trên cơ sở đó, các đơn vị triển khai."),
        [
            "Thực hiện theo quy định tại Điều 5.",
            "Trên cơ sở đó, các đơn vị triển khai."
        ]
    );
    assert_eq!(
        texts("Trụ sở tại Q. 1 và Q. Ba Đình, tp.Hồ Chí Minh đã hoàn thành (xem Tr. 5)."),
        ["Trụ sở tại Q. 1 và Q. Ba Đình, tp.Hồ Chí Minh đã hoàn thành (xem Tr. 5)."]
    );
}

#[test]
fn letter_items_are_not_joined_to_the_line_before() {
    assert_eq!(
        texts("Các nhiệm vụ trọng tâm\na) tăng cường lãnh đạo\nb) đẩy mạnh cải cách"),
        [
            "Các nhiệm vụ trọng tâm",
            "a) tăng cường lãnh đạo",
            "b) đẩy mạnh cải cách"
        ]
    );
}

#[test]
fn bare_photo_credits_end_before_the_next_sentence() {
    assert_eq!(
        texts("Toàn cảnh hội nghị. Ảnh: Internet Các đơn vị đã hoàn thành kế hoạch."),
        [
            "Toàn cảnh hội nghị.",
            "Ảnh: Internet",
            "Các đơn vị đã hoàn thành kế hoạch."
        ]
    );
    assert_eq!(
        texts("Toàn cảnh hội nghị. Ảnh: Ban Kinh tế Trung ương Năm 2017 là năm bản lề."),
        [
            "Toàn cảnh hội nghị.",
            "Ảnh: Ban Kinh tế Trung ương",
            "Năm 2017 là năm bản lề."
        ]
    );
    assert_eq!(
        texts("Toàn cảnh hội nghị. Ảnh: Thu Giang Sáng 3/7, Thủ tướng chủ trì phiên họp."),
        [
            "Toàn cảnh hội nghị.",
            "Ảnh: Thu Giang",
            "Sáng 3/7, Thủ tướng chủ trì phiên họp."
        ]
    );
}

#[test]
fn captions_in_brackets_with_other_markers() {
    assert_eq!(
        units("Hội nghị đã bế mạc. (Trong ảnh: Đồng chí Lê Văn A phát biểu) Các đại biểu thống nhất cao."),
        [
            ("sentence", "Hội nghị đã bế mạc.".to_string()),
            ("caption", "(Trong ảnh: Đồng chí Lê Văn A phát biểu)".to_string()),
            ("sentence", "Các đại biểu thống nhất cao.".to_string()),
        ]
    );
}

#[test]
fn lone_capitals_end_sentences_only_after_common_words() {
    assert_eq!(
        texts("Đây là công trình loại A. Trong đó, vốn ngân sách chiếm 40%. Ông N. C phát biểu."),
        [
            "Đây là công trình loại A.",
            "Trong đó, vốn ngân sách chiếm 40%.",
            "Ông N. C phát biểu."
        ]
    );
}

#[test]
fn hard_wrapped_lines_are_joined() {
    let line = "Thực hiện Quyết định số 145/QĐ-BNV ngày 03/3/2025 của Bộ trưởng Bộ";
    let text = format!(
        "{line}\nNội vụ ban hành Kế hoạch sơ kết 05 năm thực hiện Chương trình tổng thể\n\
         cải cách hành chính nhà nước giai đoạn 2021 - 2030, đề xuất nhiệm vụ trọng tâm\n\
         đẩy mạnh cải cách hành chính nhà nước giai đoạn 2026 - 2030 trên cơ sở báo cáo\n\
         Kết quả thực hiện của các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ đã đạt.\n\
         Nơi nhận:\n- Như trên;\n- Lưu: VT, CCHC.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn Hồi"
    );
    let t = texts(&text);
    assert_eq!(t.len(), 7, "{t:?}");
    assert!(t[0].starts_with(line) && t[0].ends_with("đã đạt."));
}

#[test]
fn inline_markers_open_units_before_the_marker() {
    // a heading run into its first numbered item (issue 10): the cut falls before `1.`
    assert_eq!(
        texts("II. NHIỆM VỤ, GIẢI PHÁP 1. Tiếp tục đổi mới phương thức lãnh đạo."),
        [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Tiếp tục đổi mới phương thức lãnh đạo."
        ]
    );
    assert_eq!(
        texts("III. Công tác xây dựng văn bản 1 - Tiếp tục rà soát các văn bản."),
        [
            "III. Công tác xây dựng văn bản",
            "1 - Tiếp tục rà soát các văn bản."
        ]
    );
    // after a sentence end, a lettered item opens a unit
    assert_eq!(
        texts("Sở Tư pháp thẩm định dự thảo. b) Việc lấy ý kiến được công khai."),
        [
            "Sở Tư pháp thẩm định dự thảo.",
            "b) Việc lấy ý kiến được công khai."
        ]
    );
    // `Điều 2.` after a figure without punctuation
    assert_eq!(
        texts("Dự phòng: 11.500 triệu đồng Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện."),
        [
            "Dự phòng: 11.500 triệu đồng",
            "Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện."
        ]
    );
}

#[test]
fn numbers_after_counting_words_end_sentences_as_before() {
    assert_eq!(
        texts("Đại hội lần thứ 2. Các đại biểu biểu quyết. Quy định tại Điều 5. Trên cơ sở đó, tỉnh triển khai."),
        [
            "Đại hội lần thứ 2.",
            "Các đại biểu biểu quyết.",
            "Quy định tại Điều 5.",
            "Trên cơ sở đó, tỉnh triển khai."
        ]
    );
    assert_eq!(
        texts("Đồng chí Phan Văn Đức - Ủy viên Thường vụ Thị ủy – Chỉ huy trưởng Ban chỉ huy Quân sự phát biểu."),
        ["Đồng chí Phan Văn Đức - Ủy viên Thường vụ Thị ủy – Chỉ huy trưởng Ban chỉ huy Quân sự phát biểu."]
    );
}

#[test]
fn a_list_inside_a_news_sentence_stays_one_sentence() {
    let t = "Tăng trưởng của các khu vực như sau: - Khu vực nông nghiệp tăng 3,0%; - Khu vực \
             dịch vụ tăng 7,19%. Một số kết quả nổi bật là: (1) Bộ máy được sắp xếp; (2) Cải cách \
             hành chính có chuyển biến.";
    assert_eq!(
        texts(t),
        [
            "Tăng trưởng của các khu vực như sau: - Khu vực nông nghiệp tăng 3,0%; - Khu vực dịch vụ tăng 7,19%.",
            "Một số kết quả nổi bật là: (1) Bộ máy được sắp xếp; (2) Cải cách hành chính có chuyển biến."
        ]
    );
}

#[test]
fn a_flattened_resolution_comes_apart_at_its_structure() {
    let t = "HỘI ĐỒNG NHÂN DÂN TỈNH Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003; Căn cứ \
             Quyết định số 1676/QĐ-TTg ngày 19/11/2008; Xét đề nghị của Ủy ban nhân dân tỉnh, \
             Quyết nghị: Điều 1. Thông qua kế hoạch năm 2009 như sau: 1. Tổng vốn: 776.880 triệu \
             đồng Bao gồm: 1.1. Vốn cân đối: 643.780 triệu đồng a. Vốn tập trung: 343.780 triệu \
             đồng b. Vốn thu sử dụng đất: 300.000 triệu đồng 1.2. Vốn Trung ương hỗ trợ: 133.100 \
             triệu đồng - Vốn chương trình mục tiêu: 38.100 triệu đồng - Vốn ODA: 20.000 triệu \
             đồng 2. Phương án phân bổ: a) Mục tiêu: Đến năm 2015 hoàn thành việc giao rừng. \
             b) Yêu cầu: - Rà soát các trường hợp tranh chấp; - Công khai cho người dân.";
    assert_eq!(
        texts(t),
        [
            "HỘI ĐỒNG NHÂN DÂN TỈNH",
            "Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;",
            "Căn cứ Quyết định số 1676/QĐ-TTg ngày 19/11/2008;",
            "Xét đề nghị của Ủy ban nhân dân tỉnh,",
            "Quyết nghị:",
            "Điều 1. Thông qua kế hoạch năm 2009 như sau:",
            "1. Tổng vốn: 776.880 triệu đồng Bao gồm:",
            "1.1. Vốn cân đối: 643.780 triệu đồng",
            "a. Vốn tập trung: 343.780 triệu đồng",
            "b. Vốn thu sử dụng đất: 300.000 triệu đồng",
            "1.2. Vốn Trung ương hỗ trợ: 133.100 triệu đồng",
            "- Vốn chương trình mục tiêu: 38.100 triệu đồng",
            "- Vốn ODA: 20.000 triệu đồng",
            "2. Phương án phân bổ:",
            "a) Mục tiêu:",
            "Đến năm 2015 hoàn thành việc giao rừng.",
            "b) Yêu cầu:",
            "- Rà soát các trường hợp tranh chấp;",
            "- Công khai cho người dân."
        ]
    );
}

#[test]
fn a_letter_and_a_number_make_one_marker() {
    assert_eq!(
        texts("b. 1. Nguồn vốn Trung ương hỗ trợ: Thực hiện theo hướng dẫn.\nb. 2. Vốn cân đối."),
        [
            "b. 1. Nguồn vốn Trung ương hỗ trợ: Thực hiện theo hướng dẫn.",
            "b. 2. Vốn cân đối."
        ]
    );
}

#[test]
fn numbers_in_names_and_notes_are_not_markers() {
    // found on clean encyclopedia text, where such cuts would be wrong
    for (t, n) in [
        ("Việc giành quyền tham dự cũng hoàn thành chỉ sau 2 mùa giải ở Ligue 1. Như vậy, mục tiêu đã đạt.", 2),
        ("Người kế nhiệm ông là Paerisades II. Những hoàng tử kế vị lặp lại tên trong gia đình.", 2),
        ("Selenua chì (II) (PbSe) là một hợp chất.", 1),
        ("Cừu mang thai 146 ngày; căn cứ vào ngày phối giống để chuẩn bị đỡ đẻ.", 1),
        ("Galaxy Note 10.1 Phiên bản 2014 được giới thiệu vào tháng 9.", 1),
    ] {
        let got = texts(t);
        assert_eq!(got.len(), n, "{t}: {got:?}");
    }
}

#[test]
fn an_item_number_after_a_heading_opens_the_item_not_ends_the_heading() {
    // issue 10: the cut falls before the marker, `... pháp luật | 1. Lập`, not after it
    assert_eq!(
        texts("I. Về công tác xây dựng văn bản quy phạm pháp luật 1. Lập và thực hiện Chương trình. 2. Tổ chức lấy ý kiến."),
        [
            "I. Về công tác xây dựng văn bản quy phạm pháp luật",
            "1. Lập và thực hiện Chương trình.",
            "2. Tổ chức lấy ý kiến."
        ]
    );
    assert_eq!(
        texts("Tổng số: 776.880 triệu đồng a. Vốn phân bổ cho cấp huyện: 239.140 triệu đồng."),
        [
            "Tổng số: 776.880 triệu đồng",
            "a. Vốn phân bổ cho cấp huyện: 239.140 triệu đồng."
        ]
    );
    // after an ellipsis, the next numbered item opens its unit too
    assert_eq!(
        texts(
            "4. Hỗ trợ hộ gia đình. Các hộ như già cô đơn, tàn tật... 5. Đề nghị UBMTTQ phối hợp."
        ),
        [
            "4. Hỗ trợ hộ gia đình.",
            "Các hộ như già cô đơn, tàn tật...",
            "5. Đề nghị UBMTTQ phối hợp."
        ]
    );
}

#[test]
fn a_number_that_is_not_the_next_item_still_ends_its_sentence() {
    // `mức độ 4.` is no item (no `3.` before it): the dot ends the sentence after it
    assert_eq!(
        texts("Thành phố có 1.413 dịch vụ công trực tuyến mức độ 4. Tuy nhiên, báo cáo cũng chỉ rõ hạn chế."),
        [
            "Thành phố có 1.413 dịch vụ công trực tuyến mức độ 4.",
            "Tuy nhiên, báo cáo cũng chỉ rõ hạn chế."
        ]
    );
    assert_eq!(
        texts("Đội đứng thứ 1. Năm nay đội thi đấu tốt."),
        ["Đội đứng thứ 1.", "Năm nay đội thi đấu tốt."]
    );
}

#[test]
fn sentences_that_open_with_an_ellipsis() {
    for t in [
        "Hội nghị đã thành công tốt đẹp. …Trong thời gian tới, cần tập trung.",
        "Hội nghị đã thành công tốt đẹp. … Trong thời gian tới, cần tập trung.",
        "Hội nghị đã thành công tốt đẹp! ...Trong thời gian tới, cần tập trung.",
    ] {
        let u = texts(t);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[0].ends_with(['.', '!']), "{u:?}");
        assert!(u[1].starts_with(['…', '.']), "{u:?}");
    }
    // after a question or an exclamation a lone ellipsis ends it
    assert_eq!(
        texts("Làm cách nào tạo nên một kỳ quan như thế ? ... Lúc sau ông hỏi lại."),
        [
            "Làm cách nào tạo nên một kỳ quan như thế ? ...",
            "Lúc sau ông hỏi lại."
        ]
    );
    // an ellipsis that ends a sentence stays with it
    assert_eq!(
        texts("Hạ tầng phát triển, vị trí thuận lợi… Riêng nông nghiệp đã đạt kết quả."),
        [
            "Hạ tầng phát triển, vị trí thuận lợi…",
            "Riêng nông nghiệp đã đạt kết quả."
        ]
    );
}

#[test]
fn a_spaced_dash_inside_a_name_or_an_upper_case_title_is_no_bullet() {
    let t = "Giao các Tập đoàn: Công nghiệp - Năng lượng Quốc gia Việt Nam, Công nghiệp - Viễn \
             thông Quân đội tổ chức triển khai; - Rà soát các dự án.";
    assert_eq!(texts(t).len(), 1, "{:?}", texts(t));
    let t = "KẾT LUẬN CỦA THỦ TƯỚNG PHẠM MINH CHÍNH - TRƯỞNG BAN CHỈ ĐẠO Ngày 15/11, Thủ tướng chủ trì.";
    assert_eq!(
        texts(t),
        [
            "KẾT LUẬN CỦA THỦ TƯỚNG PHẠM MINH CHÍNH - TRƯỞNG BAN CHỈ ĐẠO",
            "Ngày 15/11, Thủ tướng chủ trì."
        ]
    );
}

#[test]
fn a_flattened_letterhead_comes_apart_line_by_line() {
    let t = "VĂN PHÒNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc \
             Số: 634/TB-VPCP Hà Nội, ngày 22 tháng 11 năm 2025 THÔNG BÁO KẾT LUẬN CỦA THỦ TƯỚNG \
             Từ ngày 08 đến ngày 09 tháng 11 năm 2025, Thủ tướng làm việc tại Thanh Hóa.";
    assert_eq!(
        texts(t),
        [
            "VĂN PHÒNG CHÍNH PHỦ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 634/TB-VPCP",
            "Hà Nội, ngày 22 tháng 11 năm 2025",
            "THÔNG BÁO KẾT LUẬN CỦA THỦ TƯỚNG",
            "Từ ngày 08 đến ngày 09 tháng 11 năm 2025, Thủ tướng làm việc tại Thanh Hóa."
        ]
    );
    let t = "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM Số 71-NQ/TW Hà Nội, ngày 22 tháng 8 năm 2025";
    assert_eq!(
        texts(t),
        [
            "BAN CHẤP HÀNH TRUNG ƯƠNG",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Số 71-NQ/TW",
            "Hà Nội, ngày 22 tháng 8 năm 2025"
        ]
    );
    // inside a title after a connector the party's name goes on
    assert_eq!(
        texts(
            "VĂN KIỆN ĐẠI HỘI CỦA ĐẢNG CỘNG SẢN VIỆT NAM Trong nhiệm kỳ qua, Đảng bộ đã lãnh đạo."
        )
        .len(),
        2
    );
    // a date in running text is not a dateline
    assert_eq!(
        texts("Sáng nay, tại Hà Nội, ngày 22 tháng 11 năm 2025 Thủ tướng đã chủ trì hội nghị.")
            .len(),
        1
    );
}

#[test]
fn a_preamble_and_a_signature_block_run_into_a_line() {
    let t =
        "Quyết định về việc phê duyệt đề án giao rừng Ủy ban nhân dân tỉnh Căn cứ Luật Tổ chức \
             Hội đồng nhân dân ngày 26/11/2003; Căn cứ Quyết định số 2740/QĐ-BNN ngày 20/9/2007;";
    let u = texts(t);
    assert_eq!(u.len(), 3, "{u:?}");
    assert!(u[1].starts_with("Căn cứ Luật"), "{u:?}");
    let t = "Khóa XIV, kỳ họp thứ 13 - Căn cứ Luật Tổ chức HĐND và UBND năm 2003;";
    assert_eq!(
        texts(t),
        [
            "Khóa XIV, kỳ họp thứ 13",
            "- Căn cứ Luật Tổ chức HĐND và UBND năm 2003;"
        ]
    );
    let t = "Nơi nhận: - Như trên; - Lưu: VT, CN (2). KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Sỹ Hiệp";
    let u = texts(t);
    assert!(u.iter().any(|x| x.starts_with("KT. BỘ TRƯỞNG")), "{u:?}");
    assert_eq!(
        u.last().map(String::as_str),
        Some("Nguyễn Sỹ Hiệp"),
        "{u:?}"
    );
}

#[test]
fn a_bullet_after_a_numbered_heading_that_ran_on_opens_the_first_item() {
    let t = "II- MỤC TIÊU 1. Mục tiêu đến năm 2030 - Mở rộng tiếp cận công bằng, nâng cao chất \
             lượng giáo dục. - Hình thành mạng lưới trường đạt chuẩn.";
    assert_eq!(
        texts(t),
        [
            "II- MỤC TIÊU",
            "1. Mục tiêu đến năm 2030",
            "- Mở rộng tiếp cận công bằng, nâng cao chất lượng giáo dục.",
            "- Hình thành mạng lưới trường đạt chuẩn."
        ]
    );
    // not after a code or an acronym, where the dash joins two names
    for t in [
        "1. Vốn phân bổ theo Quyết định số 210/2006/QĐ - TTg ngày 12/9/2006 của Thủ tướng.",
        "2. Thực hiện theo hướng dẫn của liên sở LĐTBXH - Tài chính số 895/HD ngày 10/6/2009.",
    ] {
        assert_eq!(texts(t).len(), 1, "{:?}", texts(t));
    }
    // `chỉ tiêu 5.` counts, `MỤC TIÊU 1.` is a heading and its first item
    assert_eq!(
        texts("Đạt chỉ tiêu 5. Các chỉ tiêu khác đều vượt."),
        ["Đạt chỉ tiêu 5.", "Các chỉ tiêu khác đều vượt."]
    );
}

#[test]
fn a_cross_head_runs_into_a_sentence_that_opens_with_an_opener_word() {
    // `[opener]` words (models/sentence-openers.txt) open sentences and do not start names
    assert_eq!(
        texts("Pháp luật về an toàn thực phẩm chưa đáp ứng yêu cầu Những tồn tại trong công tác thực hiện đã được chỉ ra."),
        [
            "Pháp luật về an toàn thực phẩm chưa đáp ứng yêu cầu",
            "Những tồn tại trong công tác thực hiện đã được chỉ ra."
        ]
    );
    // not inside a sentence that already has its punctuation, nor after a capitalized word
    for t in [
        "Theo báo cáo, kết quả năm nay Các đơn vị đều đạt.",
        "Đoàn đến huyện Ba Vì đẩy mạnh chỉnh trang đường làng.",
        "Ông làm việc tại Tổ chức Khí tượng Thế giới nhiều năm.",
    ] {
        assert_eq!(texts(t).len(), 1, "{:?}", texts(t));
    }
}

#[test]
fn a_title_that_ends_in_a_name_runs_into_a_dated_lead() {
    assert_eq!(
        texts("Kiểm tra công tác bổ nhiệm cán bộ tại Cà Mau Ngày 9/7, Đoàn công tác của Bộ Chính trị làm việc."),
        [
            "Kiểm tra công tác bổ nhiệm cán bộ tại Cà Mau",
            "Ngày 9/7, Đoàn công tác của Bộ Chính trị làm việc."
        ]
    );
    // a date after a name inside a sentence goes on when no capital opens it
    assert_eq!(
        texts("Hội nghị tổ chức tại Cà Mau ngày 9/7 đã thành công.").len(),
        1
    );
}

#[test]
fn a_run_on_title_ends_before_a_leader_who_speaks() {
    // `[leader]` + name or office + `[leader_verb]` after a run without punctuation
    assert_eq!(
        texts(
            "Xử lý nghiêm tiêu cực trong lĩnh vực BHYT Thủ tướng đề nghị các bộ, ngành vào cuộc."
        ),
        [
            "Xử lý nghiêm tiêu cực trong lĩnh vực BHYT",
            "Thủ tướng đề nghị các bộ, ngành vào cuộc."
        ]
    );
    // an office goes on (`Phó Thủ tướng Thường trực`), and so does a sentence with punctuation
    for t in [
        "Tại hội nghị, Phó Thủ tướng Thường trực Chính phủ yêu cầu các bộ hoàn thành.",
        "Hoàn thành tốt nhiệm vụ được giao. Phó Thủ tướng Thường trực Chính phủ yêu cầu tiếp tục.",
        "Theo kế hoạch, EVN đã đề nghị Tổ công tác báo cáo Chính phủ.",
    ] {
        let u = texts(t);
        assert!(
            u.iter()
                .all(|x| !x.starts_with("Thường") && !x.starts_with("Tổ")),
            "{u:?}"
        );
    }
}

#[test]
fn a_web_page_date_line_run_into_the_text_is_a_byline() {
    for (t, date) in [
        (
            "Đại hội thành công tốt đẹp Thứ Tư, 08/04/2015, 08:11 [GMT+7] (QBĐT) - Phát biểu kết luận.",
            "Thứ Tư, 08/04/2015, 08:11 [GMT+7]",
        ),
        (
            "Triển khai nhiệm vụ 6 tháng cuối năm 2020 21:27 27/06/2020 Sáng ngày 26 tháng 6, Đảng bộ họp.",
            "21:27 27/06/2020",
        ),
    ] {
        let u = units(t);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1], ("byline", date.to_string()), "{u:?}");
    }
    // a labelled date line stays whole, a date inside a sentence goes on
    assert_eq!(
        texts("Ngày đăng 19/01/2018 | 10:45 | View count: 396").len(),
        1
    );
    assert_eq!(
        texts("Hội nghị khai mạc lúc 08:00 ngày 27/06/2020 tại hội trường.").len(),
        1
    );
}

#[test]
fn a_lone_guillemet_after_a_sentence_opens_a_related_link() {
    assert_eq!(
        texts("Phát triển công nghiệp bền vững. » Đồng chí Bí thư: Cần chỉ rõ đơn vị chậm. » Xem thêm: Tin khác"),
        [
            "Phát triển công nghiệp bền vững.",
            "» Đồng chí Bí thư: Cần chỉ rõ đơn vị chậm.",
            "» Xem thêm: Tin khác"
        ]
    );
    // a closing guillemet glued to its quotation stays with it
    assert_eq!(
        texts("Ông nói «Tôi đồng ý.» Sau đó hội nghị bế mạc."),
        ["Ông nói «Tôi đồng ý.»", "Sau đó hội nghị bế mạc."]
    );
}

#[test]
fn an_ellipsis_glued_to_the_next_sentence_ends_it() {
    for t in [
        "Thực hiện tốt việc tiếp công dân theo quy định,..Bên cạnh kết quả đạt được, vẫn còn hạn chế.",
        "Thực hiện tốt việc tiếp công dân theo quy định...Bên cạnh kết quả đạt được, vẫn còn hạn chế.",
    ] {
        let u = texts(t);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[1].starts_with("Bên cạnh"), "{u:?}");
    }
    // `v.v..` and a dotted code are not glued sentences
    assert_eq!(
        texts("Các loại phí, lệ phí v.v..Bên cạnh đó còn thuế.").len(),
        1
    );
    assert_eq!(
        texts("Theo văn bản số 12/QĐ-UBND..HCM đã ban hành.").len(),
        1
    );
}

#[test]
fn a_letters_recipients_open_a_unit_of_their_own() {
    // a PDF ran the subject, the date line and `Kính gửi` into one line; the recipients
    // either follow on that line or on the next one
    let t = "V/v thành lập Mạng lưới quan trắc Hà Nội, ngày 18 tháng 11 năm 2025 Kính gửi: Bộ \
             trưởng Bộ Khoa học và Công nghệ.\nXét Tờ trình số 226/TTr-BKHCN của Bộ.";
    assert_eq!(
        units(t),
        [
            ("heading", "V/v thành lập Mạng lưới quan trắc".to_string()),
            ("sentence", "Hà Nội, ngày 18 tháng 11 năm 2025".to_string()),
            (
                "sentence",
                "Kính gửi: Bộ trưởng Bộ Khoa học và Công nghệ.".to_string()
            ),
            (
                "sentence",
                "Xét Tờ trình số 226/TTr-BKHCN của Bộ.".to_string()
            ),
        ]
    );
    let t = "V/v cung ứng vật liệu xây dựng Hà Nội, ngày 27 tháng 11 năm 2025 Kính gửi:\n\
             Chủ tịch Ủy ban nhân dân các tỉnh: Hưng Yên, Ninh Bình.";
    assert_eq!(
        texts(t),
        [
            "V/v cung ứng vật liệu xây dựng",
            "Hà Nội, ngày 27 tháng 11 năm 2025",
            "Kính gửi:",
            "Chủ tịch Ủy ban nhân dân các tỉnh: Hưng Yên, Ninh Bình."
        ]
    );
    // `kính gửi` inside a sentence opens nothing
    assert_eq!(
        texts("Đơn được kính gửi tới Ủy ban nhân dân tỉnh.").len(),
        1
    );
}

#[test]
fn a_sentence_that_opens_with_its_time_goes_on_past_its_line_end() {
    let t = "THÔNG BÁO\n\
             Ngày 20 tháng 11 năm 2025, Phó Thủ tướng Chính phủ\n\
             Bùi Thanh Sơn đã đi khảo sát thực tế tại Dự án Nhà máy điện Hiệp Phước.\n\
             Chiều 5/12, tại Hà Nội, đồng chí\n\
             Nguyễn Văn An chủ trì hội nghị.";
    assert_eq!(
        texts(t),
        [
            "THÔNG BÁO",
            "Ngày 20 tháng 11 năm 2025, Phó Thủ tướng Chính phủ\nBùi Thanh Sơn đã đi khảo sát thực tế tại Dự án Nhà máy điện Hiệp Phước.",
            "Chiều 5/12, tại Hà Nội, đồng chí\nNguyễn Văn An chủ trì hội nghị."
        ]
    );
    // a dateline opens with a place; a time line ended by its colon is a label
    let t = "Hà Nội, ngày 28 tháng 11 năm 2025\nTHÔNG BÁO\nNgày 5 tháng 12 năm 2025, thời gian:\nSáng 8 giờ.";
    assert_eq!(texts(t).len(), 4, "{:?}", texts(t));
}

#[test]
fn a_heading_broken_inside_a_name_the_text_names_whole_is_joined() {
    let t = "1. Về Dự án Nhà máy điện Nhơn\n\
             Trạch 3 và Nhơn Trạch 4\n\
             a) Chủ đầu tư hoàn thành nghiệm thu Nhà máy điện Nhơn Trạch 4 trong tháng 11.\n\
             2. Về Dự án Nhà máy điện Long\n\
             Sơn phải bảo đảm tiến độ.";
    let got = texts(t);
    assert_eq!(
        got[0], "1. Về Dự án Nhà máy điện Nhơn\nTrạch 3 và Nhơn Trạch 4",
        "{got:?}"
    );
    // `Long Sơn` is nowhere else in the text: the lines stay apart
    assert_eq!(got.len(), 4, "{got:?}");
}

#[test]
fn a_letters_dateline_run_into_its_subject_line_opens_a_unit() {
    let t = "Số: 11299/VPCP-KGVX\n\
             V/v thành lập Mạng lưới quan trắc và cảnh báo phóng xạ môi trường Hà Nội, ngày 18 tháng 11 năm 2025 Kính gửi: Bộ trưởng Bộ Khoa học và Công nghệ.\n\
             V/v hỗ trợ Thành phố Hồ Chí Minh, ngày 3 tháng 12 năm 2025";
    let got = texts(t);
    assert!(
        got.contains(
            &"V/v thành lập Mạng lưới quan trắc và cảnh báo phóng xạ môi trường".to_string()
        ),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|u| u.starts_with("Hà Nội, ngày 18 tháng 11 năm 2025")),
        "{got:?}"
    );
    assert!(got.iter().any(|u| u.starts_with("Kính gửi:")), "{got:?}");
    assert!(got.contains(&"V/v hỗ trợ".to_string()), "{got:?}");
    let t = "Chỉ thị của Thủ tướng Chính phủ về việc đẩy mạnh sử dụng nhiên liệu sinh học trong cả nước Hà Nội, ngày 25 tháng 11 năm 2025";
    assert_eq!(texts(t).len(), 2, "{:?}", texts(t));
    // two names side by side: where the place starts is not known, no cut
    let t = "Chỉ thị về việc đẩy mạnh sử dụng nhiên liệu sinh học tại Việt Nam Hà Nội, ngày 25 tháng 11 năm 2025";
    assert_eq!(texts(t).len(), 1, "{:?}", texts(t));
    // a sentence that names a place and a date goes on
    let t = "Hội nghị được tổ chức tại Hà Nội, ngày 18 tháng 11 năm 2025 với sự tham dự của lãnh đạo các bộ.";
    assert_eq!(texts(t).len(), 1);
}

//! A synthetic archive built from `corpus/` documents with known recurring content, a known
//! indicator series and a body reporting on two periods; the synthesis is checked exactly.

use std::path::Path;
use tomtat::text::{Options as TextOptions, Text};
use tomtat::{Pipeline, PipelineOptions};
use tomtat_synthesis::{By, DocInput, Options, Synthesis, Synthesizer};

const SHORTCOMING: &str = "Tuy nhiên, công tác giải phóng mặt bằng một số dự án trọng điểm còn chậm, chưa đáp ứng yêu cầu.";
const BASES: [&str; 4] = ["013.txt", "014.txt", "023.txt", "036.txt"];
/// (wording, value in tỷ đồng) of the budget revenue line added to each document.
const REVENUE: [(&str, f64); 4] = [
    ("Tổng thu ngân sách nhà nước", 120.5),
    ("Thu ngân sách nhà nước", 98.0),
    ("Tổng thu ngân sách nhà nước", 143.25),
    ("Thu ngân sách nhà nước", 77.0),
];

fn corpus(name: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    std::fs::read_to_string(root.join(name)).expect("corpus document")
}

fn number(v: f64) -> String {
    format!("{v}").replace('.', ",")
}

fn archive() -> Vec<(String, String)> {
    let mut docs = Vec::new();
    for (k, base) in BASES.iter().enumerate() {
        let (name, value) = REVENUE[k];
        let text = format!(
            "{}\n{name} đạt {} tỷ đồng.\n{SHORTCOMING}\n",
            corpus(base).trim_end(),
            number(value)
        );
        docs.push((format!("synthetic-{k}.txt"), text));
    }
    // One district committee, two periods: a directive, then the result answering it.
    docs.push((
        "chu-prong-h1.txt".into(),
        "Hội nghị Ban Chấp hành Đảng bộ huyện Chư Prông sơ kết 6 tháng đầu năm 2024\n\
         Ban Chấp hành Đảng bộ huyện Chư Prông đánh giá kết quả 6 tháng đầu năm 2024. \
         Thu ngân sách đạt 25,5 tỷ đồng.\n\
         Hội nghị yêu cầu các cấp ủy tập trung chỉ đạo hoàn thành việc kiên cố hóa kênh mương nội đồng trước mùa mưa.\n"
            .into(),
    ));
    docs.push((
        "chu-prong-h2.txt".into(),
        "Hội nghị Ban Chấp hành Đảng bộ huyện Chư Prông tổng kết 6 tháng cuối năm 2024\n\
         Ban Chấp hành Đảng bộ huyện Chư Prông đánh giá kết quả 6 tháng cuối năm 2024. \
         Huyện đã hoàn thành kiên cố hóa 12 km kênh mương nội đồng trước mùa mưa, đạt 100% kế hoạch.\n"
            .into(),
    ));
    docs
}

fn synthesize(docs: &[(String, String)]) -> (Synthesis, Vec<tomtat::Summary>) {
    let pipeline = Pipeline::new(PipelineOptions::default());
    let options = Options::default();
    let mut synth = Synthesizer::new(options);
    let mut summaries = Vec::new();
    for (id, text) in docs {
        let t = Text::from_str_with(text, &TextOptions::default());
        let (input, summary) = DocInput::from_text(&pipeline, id, id, &t, &options);
        synth.add(input);
        summaries.push(summary);
    }
    (synth.finish(By::Province), summaries)
}

#[test]
fn recurring_shortcoming_is_one_cluster_of_the_four_documents() {
    let docs = archive();
    let (s, _) = synthesize(&docs);
    let c = s
        .clusters
        .iter()
        .find(|c| c.members.iter().any(|m| m.text == SHORTCOMING))
        .expect("a cluster holds the recurring shortcoming");
    assert_eq!(c.part, "shortcoming");
    assert_eq!(c.documents, 4);
    assert_eq!(c.representative, SHORTCOMING);
    let mut got: Vec<(&str, &str)> = c
        .members
        .iter()
        .map(|m| (m.id.as_str(), m.text.as_str()))
        .collect();
    got.sort();
    let want: Vec<(String, &str)> = (0..4)
        .map(|k| (format!("synthetic-{k}.txt"), SHORTCOMING))
        .collect();
    assert_eq!(
        got,
        want.iter()
            .map(|(a, b)| (a.as_str(), *b))
            .collect::<Vec<_>>()
    );
    // Every member points at its unit: the range holds the text.
    for m in &c.members {
        let text = &docs.iter().find(|d| d.0 == m.id).unwrap().1;
        assert_eq!(&text[m.start..m.end], m.text);
    }
}

#[test]
fn every_cluster_spans_documents_and_points_at_real_units() {
    let docs = archive();
    let (s, summaries) = synthesize(&docs);
    assert!(!s.clusters.is_empty());
    for c in &s.clusters {
        let mut ids: Vec<&str> = c.members.iter().map(|m| m.id.as_str()).collect();
        ids.dedup();
        assert!(c.documents >= 2 && ids.len() >= 2, "{c:?}");
        for m in &c.members {
            let sum = summaries
                .iter()
                .find(|x| x.id == m.id)
                .expect("member of a batch document");
            assert!(m.unit < sum.units, "unit {} of {}", m.unit, m.id);
        }
    }
}

#[test]
fn revenue_series_meets_across_wordings() {
    let (s, _) = synthesize(&archive());
    let series = s
        .indicators
        .iter()
        .find(|i| i.name == "thu ngân sách nhà nước")
        .unwrap_or_else(|| panic!("no revenue series in {:#?}", s.indicators));
    let mut got: Vec<(String, f64)> = series
        .rows
        .iter()
        .map(|r| (r.id.clone(), r.value))
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    let want: Vec<(String, f64)> = REVENUE
        .iter()
        .enumerate()
        .map(|(k, (_, v))| (format!("synthetic-{k}.txt"), *v))
        .collect();
    assert_eq!(got, want, "unit {}", series.unit);
}

/// A count whose name is only the counted noun (`có 478 nhiệm vụ đã hoàn thành`) says
/// nothing that two documents share: it lines up with nothing.
#[test]
fn bare_counts_join_no_series() {
    let docs: Vec<(String, String)> = [("a", 478), ("b", 14)]
        .iter()
        .map(|(id, n)| {
            let text = format!(
                "Ủy ban nhân dân tỉnh đã giao nhiều nhiệm vụ. Đến nay có {n} nhiệm vụ đã hoàn thành.\n"
            );
            (format!("{id}.txt"), text)
        })
        .collect();
    let (s, summaries) = synthesize(&docs);
    let counted = summaries
        .iter()
        .flat_map(|x| &x.indicators)
        .filter(|i| i.unit == "nhiệm vụ")
        .count();
    assert_eq!(counted, 2, "both counts are indicators of their briefings");
    assert!(s.indicators.is_empty(), "{:#?}", s.indicators);
}

#[test]
fn follow_up_links_directive_to_next_period_result() {
    let (s, _) = synthesize(&archive());
    let f = s
        .follow_up
        .iter()
        .find(|f| f.earlier.id == "chu-prong-h1.txt")
        .unwrap_or_else(|| panic!("no follow-up in {:#?}", s.follow_up));
    assert_eq!(f.later.id, "chu-prong-h2.txt");
    assert_eq!(f.earlier.period, "6 tháng đầu năm 2024");
    assert_eq!(f.later.period, "6 tháng cuối năm 2024");
    let item = f
        .items
        .iter()
        .find(|i| i.directive.text.contains("kênh mương"))
        .expect("the directive");
    assert_eq!(item.status, "reported");
    assert!(item.answers[0]
        .text
        .starts_with("Huyện đã hoàn thành kiên cố hóa 12 km"));
}

#[test]
fn empty_and_tiny_batches() {
    let s = Synthesizer::new(Options::default()).finish(By::Issuer);
    assert!(s.documents.is_empty() && s.clusters.is_empty() && s.indicators.is_empty());
    let (s, _) = synthesize(&[
        ("a.txt".into(), String::new()),
        ("b.txt".into(), "Tốt.".into()),
    ]);
    assert_eq!(s.documents.len(), 2);
    assert!(s.clusters.is_empty());
    assert_eq!(s.groups.len(), 1);
    assert_eq!(s.groups[0].key, "(không rõ)");
}

#[test]
fn indicator_csv_neutralises_formulas_in_file_names() {
    // A hostile archive: a file named like a spreadsheet formula.
    let mut docs = archive();
    docs[0].0 = "=HYPERLINK(\"http://x\",\"y\").txt".into();
    docs[1].0 = "@SUM(A1).txt".into();
    let (s, _) = synthesize(&docs);
    let csv = tomtat_synthesis::indicators_csv(&s);
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(csv.contains("'@SUM(A1).txt"), "{csv}");
    for line in csv.lines() {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '@']),
                "formula cell {cell:?} in {line}"
            );
        }
    }
}

//! Document metadata of Vietnamese party and state reports: the issuing or meeting body, its
//! level (`national`, `province`, `district`, `commune`), its province (also when only a district
//! or commune is named, through the embedded [`gazetteer`] of both the 2024 and the 2025
//! administrative systems), the document kind, code, date and the period it covers, each with
//! the byte range of the text it came from.
//!
//! ```
//! let text = "Huyện ủy Chư Prông tổ chức Hội nghị Ban Chấp hành lần thứ 21\n\
//!             Ngày 10/6/2020, Huyện ủy sơ kết 6 tháng đầu năm 2020.";
//! let meta = tomtat_meta::extract(text);
//! assert_eq!(meta.level.as_deref(), Some("district"));
//! assert_eq!(meta.province.as_deref(), Some("Gia Lai"));
//! assert_eq!(meta.period.as_deref(), Some("6 tháng đầu năm 2020"));
//! assert_eq!(meta.date.as_deref(), Some("2020-06-10"));
//! ```
#![forbid(unsafe_code)]

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub mod gazetteer;
mod letterhead;
mod matchers;
mod places;
mod rules;
mod words;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use gazetteer::{fold, Gazetteer};
pub use rules::extract;

/// A byte range `[start, end)` of the text a field was read from.
pub type Span = [usize; 2];

/// The metadata of one document. Every field is absent when the text does not say.
/// `ranges` maps a field name to the byte range it was read from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Issuing or meeting body, as written (`Ban Chấp hành Đảng bộ huyện`, `UBND tỉnh Bình Phước`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// `national`, `province`, `district` or `commune`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Province name (bare, `TP Hồ Chí Minh` for the city), in the system the text uses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// The province it belongs to since 1 July 2025 (after the merger of provinces).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province_2025: Option<String>,
    /// District or commune named as the subject, with its type (`huyện Chư Prông`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// `news-report`, `report`, `resolution`, `directive`, `plan`, `notice` or `speech`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Document code (`43-NQ/TW`, `634/TB-VPCP`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Date of the event or of issue: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The period covered, as written (`6 tháng đầu năm 2024`, `nhiệm kỳ 2020 - 2025`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// A sortable key of the period: `2024-H1`, `2024-Q3`, `2023`, `2020-2025`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_key: Option<String>,
    /// Field name to the byte range of the text it was read from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ranges: BTreeMap<String, Span>,
}

impl Meta {
    /// Map every range through `f` (for example from normalized text back to source bytes).
    pub fn map_ranges(&mut self, mut f: impl FnMut(Span) -> Span) {
        for r in self.ranges.values_mut() {
            *r = f(*r);
        }
    }

    /// One line for people: `cơ quan … · cấp … · tỉnh … · loại … · số … · ngày … · kỳ …`,
    /// empty when nothing was found.
    pub fn line(&self) -> String {
        let fields = [
            ("cơ quan", &self.body),
            ("cấp", &self.level),
            ("tỉnh/TP", &self.province),
            ("địa bàn", &self.locality),
            ("loại", &self.kind),
            ("số", &self.code),
            ("ngày", &self.date),
            ("kỳ", &self.period),
        ];
        fields
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}: {v}")))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        *self == Meta::default()
    }
}

//! The tomtat pipeline: report bytes to a briefing of results, shortcomings and
//! directives, with indicators and tasks, every line traceable to the source.
//!
//! ```
//! use tomtat::{Pipeline, PipelineOptions};
//! let pipeline = Pipeline::new(PipelineOptions::default());
//! let record = pipeline.summarize_bytes("demo", "demo.txt", "Thu ngân sách đạt 25,5 tỉ đồng.".as_bytes());
//! let json = serde_json::to_string(&record).unwrap();
//! assert!(json.contains("\"id\":\"demo\""));
//! ```
//!
//! Stages live in their own crates (re-exported here): [`text`] decodes and
//! normalizes, [`tokenizer`] cuts tokens and words, [`splitter`] finds units,
//! [`scorer`] labels parts and picks key units. [`batch`] runs many documents in
//! parallel with output in input order; [`render`] writes Markdown, [`html`] HTML pages,
//! [`docx`] Word briefings and [`csv`] spreadsheet tables.

#![forbid(unsafe_code)]

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub mod batch;
pub mod brief;
pub mod csv;
pub mod docx;
pub mod html;
pub mod output;
pub mod render;

pub use output::{ErrorRecord, IndicatorOut, LeadOut, PickOut, Record, Summary, TaskOut};
pub use tomtat_formats as formats;
pub use tomtat_meta as meta;
pub use tomtat_scorer as scorer;
pub use tomtat_splitter as splitter;
pub use tomtat_text as text;
pub use tomtat_tokenizer as tokenizer;

use std::path::Path;
use tomtat_scorer::{Scorer, SummaryOptions};
use tomtat_splitter::Splitter;
use tomtat_text::Text;
use tomtat_tokenizer::Segmenter;

/// How the pipeline reads and summarizes.
#[derive(Debug, Clone, Copy, Default)]
pub struct PipelineOptions {
    pub text: tomtat_text::Options,
    pub summary: SummaryOptions,
    /// Files larger than this are refused with an error record (default 256 MiB).
    pub max_file_bytes: Option<u64>,
}

/// Default cap on input file size (the one of [`formats`]).
pub const DEFAULT_MAX_FILE_BYTES: u64 = tomtat_formats::DEFAULT_MAX_FILE_BYTES;

/// The loaded models of every stage, built once and shared read-only across threads.
#[derive(Debug)]
pub struct Pipeline {
    pub options: PipelineOptions,
    pub segmenter: Segmenter,
    pub splitter: Splitter,
    pub scorer: Scorer,
}

impl Pipeline {
    /// Load every stage's bundled model.
    pub fn new(options: PipelineOptions) -> Pipeline {
        Pipeline::with_segmenter(options, Segmenter::new())
    }

    /// Use a given segmenter (for example one with a user dictionary).
    pub fn with_segmenter(options: PipelineOptions, segmenter: Segmenter) -> Pipeline {
        Pipeline {
            options,
            segmenter,
            splitter: Splitter::new(),
            scorer: Scorer::new(),
        }
    }

    /// Use a segmenter with a user dictionary: the scorer then compares units by the
    /// segmenter's words (user words included) instead of syllables, so the dictionary
    /// changes which units are found alike and thus the briefing.
    pub fn with_user_dictionary(options: PipelineOptions, segmenter: Segmenter) -> Pipeline {
        Pipeline {
            scorer: Scorer::new().with_segmenter_words(true),
            ..Pipeline::with_segmenter(options, segmenter)
        }
    }

    /// Summarize a file read from disk; errors become an error record.
    pub fn summarize_file(&self, id: &str, path: &Path) -> Record {
        let source = path.display().to_string();
        match self.read_file(path) {
            Ok(text) => Record::Summary(Box::new(self.summarize_text(
                id,
                &source,
                &for_reading(text),
            ))),
            Err(error) => Record::Error(ErrorRecord {
                id: id.into(),
                source,
                error: error.to_string(),
            }),
        }
    }

    /// Summarize bytes whose format is taken from `source`'s extension.
    pub fn summarize_bytes(&self, id: &str, source: &str, bytes: &[u8]) -> Record {
        match tomtat_formats::extract(Path::new(source), bytes, &self.options.text) {
            Ok(text) => Record::Summary(Box::new(self.summarize_text(
                id,
                source,
                &for_reading(text),
            ))),
            Err(e) => Record::Error(ErrorRecord {
                id: id.into(),
                source: source.into(),
                error: e.to_string(),
            }),
        }
    }

    /// Read and decode a file with this pipeline's options (see [`read_file`]).
    pub fn read_file(&self, path: &Path) -> Result<Text, tomtat_formats::FormatError> {
        read_file(path, &self.options.text, self.options.max_file_bytes)
    }

    /// Summarize a text read by [`read_file`] or [`formats::extract`] (legacy-font capitals
    /// restored first, as [`Pipeline::summarize_file`] does).
    pub fn summarize_read(&self, id: &str, source: &str, text: &mut Text) -> Summary {
        if text.encoding() == tomtat_text::Encoding::Tcvn3 {
            text.restore_capitals();
        }
        self.summarize_text(id, source, text)
    }

    /// Summarize normalized text; ranges in the output point at the source bytes.
    pub fn summarize_text(&self, id: &str, source: &str, text: &Text) -> Summary {
        let s = text.as_str();
        let units = self.splitter.split(s);
        let briefing = self
            .scorer
            .summarize(s, &units, &self.segmenter, &self.options.summary);
        Summary::build(id, source, text, &units, &briefing)
    }
}

/// Read and decode a file (any supported format) into normalized text; files over `max_bytes`
/// (default [`DEFAULT_MAX_FILE_BYTES`]) and anything but a regular file are refused before they
/// are read. The one read path of the project: [`formats::extract_file_with_limit`], whose typed
/// [`formats::FormatError`] tells "encrypted" from "too large". Needs no model, so commands that
/// only read text do not load any.
pub fn read_file(
    path: &Path,
    options: &tomtat_text::Options,
    max_bytes: Option<u64>,
) -> Result<Text, tomtat_formats::FormatError> {
    tomtat_formats::extract_file_with_limit(
        path,
        options,
        max_bytes.unwrap_or(DEFAULT_MAX_FILE_BYTES),
    )
}

/// TCVN3 stores most toned capitals with the lower-case byte (`BáO CáO`): bring them back in
/// capital headings and at sentence starts, so headings are recognized (offsets do not move).
fn for_reading(mut text: Text) -> Text {
    if text.encoding() == tomtat_text::Encoding::Tcvn3 {
        text.restore_capitals();
    }
    text
}

/// A short reason for an I/O error, in the words a user acts on.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "not found".into(),
        PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

//! The `tomtat` Python package: Vietnamese decoding, sentence splitting, word segmentation and
//! report briefings from the Rust crates, for Python (PyO3, abi3 for CPython >= 3.9).
//!
//! Built by maturin (`pip install ./crates/python`); the native module is `tomtat._tomtat` and
//! `python/tomtat/__init__.py` re-exports it, with type hints in `__init__.pyi`. Records are the
//! CLI's JSON (`serde_json` of [`tomtat::Record`], read with Python's `json.loads`), so every
//! field the CLI writes appears in Python unchanged. Tests: `tests/` (pytest), run by
//! `.ci/steps/60-python.sh`.

#![forbid(unsafe_code)]

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyIterator, PyList, PyString};
use rayon::prelude::*;
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use tomtat::scorer::{Method, SummaryOptions};
use tomtat::splitter::Splitter;
use tomtat::text::{Encoding, Options, Text, ToneStyle};
use tomtat::tokenizer::{tokenize_into, Scratch, Segmenter, Token, Word};
use tomtat::{ErrorRecord, Pipeline, PipelineOptions, Record};

pyo3::create_exception!(
    tomtat,
    TomtatError,
    PyValueError,
    "An input tomtat could not read or summarize. `str(e)` is `source: reason`; the attributes \
     `id`, `source` and `reason` are the fields of the CLI's error record."
);

// ---- options -------------------------------------------------------------------------------

fn tone_style(s: &str) -> PyResult<ToneStyle> {
    s.parse().map_err(PyValueError::new_err)
}

fn encoding(s: &str) -> PyResult<Option<Encoding>> {
    if s.eq_ignore_ascii_case("auto") {
        Ok(None)
    } else {
        s.parse().map(Some).map_err(PyValueError::new_err)
    }
}

fn text_options(enc: &str, tone: &str) -> PyResult<Options> {
    Ok(Options {
        encoding: encoding(enc)?,
        tone_style: tone_style(tone)?,
    })
}

fn splitter() -> &'static Splitter {
    static SPLITTER: OnceLock<Splitter> = OnceLock::new();
    SPLITTER.get_or_init(Splitter::new)
}

/// The segmenter with the user words of `fixed_words` and of the file `dict` (one word a line).
fn user_segmenter(fixed_words: Option<Vec<String>>, dict: Option<PathBuf>) -> PyResult<Segmenter> {
    let mut segmenter = Segmenter::new();
    if let Some(path) = dict {
        let words = std::fs::read_to_string(&path).map_err(|e| {
            TomtatError::new_err(format!(
                "{}: cannot read the user dictionary: {}",
                path.display(),
                tomtat::io_reason(&e)
            ))
        })?;
        segmenter.add_user_words(&words);
    }
    if let Some(words) = fixed_words {
        segmenter.add_user_words(&words.join("\n"));
    }
    Ok(segmenter)
}

/// An error record as a `TomtatError` with the record's fields as attributes.
fn error_of(py: Python<'_>, e: &ErrorRecord) -> PyErr {
    let err = TomtatError::new_err(format!("{}: {}", e.source, e.error));
    let value = err.value(py);
    let _ = value.setattr("id", &e.id);
    let _ = value.setattr("source", &e.source);
    let _ = value.setattr("reason", &e.error);
    err
}

/// Python's `json.loads`, for records serialized by serde_json (so floats read exactly as the
/// CLI's JSON does).
fn json_loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((json,))
}

// ---- text ----------------------------------------------------------------------------------

/// Normalize Vietnamese text: NFC, `Ð` to `Đ`, invisible characters dropped, odd spaces to
/// ASCII spaces, CRLF to LF, and tone marks on oa/oe/uy in one style: `"new"` (hoà, thuỷ),
/// `"old"` (hòa, thủy) or `"keep"`.
#[pyfunction]
#[pyo3(signature = (text, tone_style="new"))]
fn text_normalize(py: Python<'_>, text: String, tone_style: &str) -> PyResult<String> {
    let options = text_options("auto", tone_style)?;
    Ok(py.detach(|| Text::from_str_with(&text, &options).into_string()))
}

/// Decode bytes in any encoding found in Vietnamese archives (UTF-8 with or without BOM,
/// UTF-16, Windows-1258, TCVN3/ABC, VNI, VIQR; `encoding="auto"` detects it) and normalize
/// them, as `tomtat normalize` does. Raises `TomtatError` when the bytes are not text.
#[pyfunction]
#[pyo3(signature = (data, encoding="auto", tone_style="keep"))]
fn decode(py: Python<'_>, data: Vec<u8>, encoding: &str, tone_style: &str) -> PyResult<String> {
    let options = text_options(encoding, tone_style)?;
    if data.is_empty() {
        return Ok(String::new());
    }
    py.detach(|| tomtat::formats::extract(Path::new("stdin.txt"), &data, &options))
        .map(Text::into_string)
        .map_err(|e| TomtatError::new_err(e.to_string()))
}

/// The text of a file in any supported format (.txt/.md, .docx/.odt, .doc/.rtf, .html/.mht,
/// .pdf), decoded and normalized, as `tomtat text PATH` prints it. Raises `TomtatError` with
/// the CLI's reason (`not found`, `file too large ...`, ...).
#[pyfunction]
#[pyo3(signature = (path, encoding="auto", tone_style="keep"))]
fn read_file(py: Python<'_>, path: PathBuf, encoding: &str, tone_style: &str) -> PyResult<String> {
    let options = text_options(encoding, tone_style)?;
    py.detach(|| tomtat::read_file(&path, &options, None))
        .map(Text::into_string)
        .map_err(|reason| {
            error_of(
                py,
                &ErrorRecord {
                    id: file_id(&path),
                    source: path.display().to_string(),
                    error: reason.to_string(),
                },
            )
        })
}

// ---- sentences -----------------------------------------------------------------------------

/// Converts increasing UTF-8 byte offsets of `s` to character offsets (Python indices).
struct CharIndex<'a> {
    s: &'a str,
    byte: usize,
    chars: usize,
}

impl CharIndex<'_> {
    fn of(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.s.len());
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let mut b = byte;
        while !self.s.is_char_boundary(b) {
            b -= 1;
        }
        self.chars += self.s[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

/// The sentences of `text` (headings, list items, captions and bylines are units too), one
/// string each with line breaks inside a unit turned into spaces: the lines of
/// `tomtat split --format text`.
#[pyfunction]
fn sent_tokenize(py: Python<'_>, text: String) -> Vec<String> {
    py.detach(|| {
        let t = Text::from_str_with(&text, &Options::default());
        let s = t.as_str();
        splitter()
            .split(s)
            .iter()
            .map(|u| u.text(s).replace('\n', " "))
            .collect()
    })
}

/// The units of `text` with their kind (`sentence`, `heading`, `list_item`, `caption`,
/// `byline`), offsets and clauses: `[{"text", "kind", "start", "end", "clauses": [{"text",
/// "start", "end"}]}]`. `start`/`end` are character offsets into `text` (`text[start:end]`),
/// where `tomtat split --format jsonl` gives UTF-8 byte offsets; `"text"` is normalized.
#[pyfunction]
fn split<'py>(py: Python<'py>, text: String) -> PyResult<Bound<'py, PyList>> {
    struct UnitOut {
        text: String,
        kind: &'static str,
        range: (usize, usize),
        clauses: Vec<(String, (usize, usize))>,
    }
    let units: Vec<UnitOut> = py.detach(|| {
        let t = Text::from_str_with(&text, &Options::default());
        let s = t.as_str();
        let mut index = CharIndex {
            s: &text,
            byte: 0,
            chars: 0,
        };
        let mut chars = |r: std::ops::Range<usize>| {
            let r = t.source_range(r);
            (index.of(r.start), index.of(r.end))
        };
        splitter()
            .split(s)
            .iter()
            .map(|u| UnitOut {
                text: u.text(s).to_string(),
                kind: u.kind.name(),
                range: chars(u.start..u.end),
                clauses: u
                    .clauses
                    .iter()
                    .map(|c| (c.text(s).to_string(), chars(c.start..c.end)))
                    .collect(),
            })
            .collect()
    });
    let out = PyList::empty(py);
    for u in units {
        let d = PyDict::new(py);
        d.set_item("text", u.text)?;
        d.set_item("kind", u.kind)?;
        d.set_item("start", u.range.0)?;
        d.set_item("end", u.range.1)?;
        let clauses = PyList::empty(py);
        for (text, (start, end)) in u.clauses {
            let c = PyDict::new(py);
            c.set_item("text", text)?;
            c.set_item("start", start)?;
            c.set_item("end", end)?;
            clauses.append(c)?;
        }
        d.set_item("clauses", clauses)?;
        out.append(d)?;
    }
    Ok(out)
}

// ---- words ---------------------------------------------------------------------------------

/// The words of `text`, segmented sentence by sentence as `tomtat tokenize` does: `_`-joined
/// words separated by one space in `line`, and each word's byte range in `line`.
fn segment_words(text: &str, segmenter: &Segmenter) -> (String, Vec<(u32, u32)>) {
    let t = Text::from_str_with(text, &Options::default());
    let s = t.as_str();
    let mut line = String::with_capacity(s.len() + s.len() / 8);
    let mut ranges = Vec::with_capacity(s.len() / 4);
    let (mut tokens, mut words) = (Vec::<Token>::new(), Vec::<Word>::new());
    let mut scratch = Scratch::new();
    for unit in splitter().split(s) {
        let u = unit.text(s);
        tokens.clear();
        words.clear();
        tokenize_into(u, &mut tokens);
        segmenter.segment_with(&mut scratch, u, &tokens, &mut words);
        for w in &words {
            if !line.is_empty() {
                line.push(' ');
            }
            let start = line.len();
            w.push_joined(u, &mut line);
            ranges.push((start as u32, line.len() as u32));
        }
    }
    (line, ranges)
}

/// Segment `text` into words, syllables of a word joined by `_` (`Ban_Chấp_hành`), as
/// underthesea and pyvi write them and PhoBERT reads them. Returns the list of words, or with
/// `format="text"` one string of words separated by spaces (the words of `tomtat tokenize`).
/// User words (always kept whole): `fixed_words` (a list, as in underthesea) and/or `dict`, a
/// file with one word a line (`tomtat tokenize --dict`).
#[pyfunction]
#[pyo3(signature = (text, format=None, fixed_words=None, dict=None))]
fn word_tokenize(
    py: Python<'_>,
    text: String,
    format: Option<&str>,
    fixed_words: Option<Vec<String>>,
    dict: Option<PathBuf>,
) -> PyResult<Py<PyAny>> {
    let as_text = match format {
        None => false,
        Some("text") => true,
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "unknown format `{other}` (None or \"text\")"
            )))
        }
    };
    let user = fixed_words.is_some() || dict.is_some();
    let custom;
    let segmenter = if user {
        custom = user_segmenter(fixed_words, dict)?;
        &custom
    } else {
        static DEFAULT: OnceLock<Segmenter> = OnceLock::new();
        DEFAULT.get_or_init(Segmenter::new)
    };
    let (line, ranges) = py.detach(|| segment_words(&text, segmenter));
    if as_text {
        return Ok(PyString::new(py, &line).into_any().unbind());
    }
    // One Python string per distinct word: a report repeats its words, and a new reference
    // to a string is much cheaper than decoding it again.
    let mut seen: HashMap<&str, Bound<'_, PyString>> = HashMap::new();
    let words = PyList::new(
        py,
        ranges.iter().map(|&(a, b)| {
            let w = &line[a as usize..b as usize];
            seen.entry(w)
                .or_insert_with(|| PyString::new(py, w))
                .clone()
        }),
    )?;
    Ok(words.into_any().unbind())
}

// ---- summaries -----------------------------------------------------------------------------

/// One document to summarize, read from Python while holding the GIL.
enum Input {
    Text {
        id: String,
        source: String,
        text: String,
    },
    Bytes {
        id: String,
        source: String,
        bytes: Vec<u8>,
    },
    File {
        id: String,
        path: PathBuf,
    },
}

/// The id the CLI gives a file named on its command line.
fn file_id(path: &Path) -> String {
    match (std::fs::metadata(path), path.file_name()) {
        (Ok(_), Some(name)) => name.to_string_lossy().into_owned(),
        _ => path.display().to_string(),
    }
}

/// A `str` is read as a path when it is one line naming an existing file with a supported
/// extension; any other `str` is the text itself.
fn names_a_file(s: &str) -> bool {
    if s.len() > 4096 || s.contains('\n') {
        return false;
    }
    let p = Path::new(s);
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        tomtat::batch::SUPPORTED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
    }) && p.is_file()
}

impl Input {
    /// `str` (text, or a path to a file), `os.PathLike`, `bytes`, or a dict
    /// `{"id", "text" | "bytes" | "path"}` (the CLI's `--jsonl` lines). `id` overrides the id;
    /// without it a file gets its name (as in the CLI) and a text or bytes `text_id`.
    fn from_py(obj: &Bound<'_, PyAny>, id: Option<String>, text_id: &str) -> PyResult<Input> {
        let file = |id: Option<String>, path: PathBuf| Input::File {
            id: id.unwrap_or_else(|| file_id(&path)),
            path,
        };
        let text = |id: Option<String>, source: Option<String>, text: String| Input::Text {
            id: id.unwrap_or_else(|| text_id.into()),
            source: source.unwrap_or_else(|| "-".into()),
            text,
        };
        let bytes = |id: Option<String>, source: Option<String>, bytes: Vec<u8>| Input::Bytes {
            id: id.unwrap_or_else(|| text_id.into()),
            source: source.unwrap_or_else(|| "-".into()),
            bytes,
        };
        if let Ok(s) = obj.cast::<PyString>() {
            let s = s.to_cow()?;
            if names_a_file(&s) {
                return Ok(file(id, PathBuf::from(s.as_ref())));
            }
            return Ok(text(id, None, s.into_owned()));
        }
        if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
            return Ok(bytes(id, None, obj.extract()?));
        }
        if let Ok(d) = obj.cast::<PyDict>() {
            let id: Option<String> = match d.get_item("id")? {
                Some(v) if !v.is_none() => Some(match v.cast::<PyString>() {
                    Ok(s) => s.to_cow()?.into_owned(),
                    Err(_) => v.str()?.to_cow()?.into_owned(),
                }),
                _ => id,
            };
            let source: Option<String> = d
                .get_item("source")?
                .map(|s| s.extract::<String>())
                .transpose()?;
            if let Some(t) = d.get_item("text")? {
                let t: String = t.extract().map_err(|_| {
                    PyTypeError::new_err("\"text\" of a document dict must be a str")
                })?;
                return Ok(text(id, source, t));
            }
            if let Some(b) = d.get_item("bytes")? {
                return Ok(bytes(id, source, b.extract()?));
            }
            if let Some(path) = d.get_item("path")? {
                return Ok(file(id, path.extract()?));
            }
            return Err(PyValueError::new_err(
                "a document dict needs \"text\", \"bytes\" or \"path\"",
            ));
        }
        if obj.hasattr("__fspath__")? {
            return Ok(file(id, obj.extract()?));
        }
        Err(PyTypeError::new_err(format!(
            "cannot summarize a {}: give a str (text or file path), os.PathLike, bytes or a dict {{\"id\", \"text\"}}",
            obj.get_type().name()?
        )))
    }

    fn id(&self) -> &str {
        match self {
            Input::Text { id, .. } | Input::Bytes { id, .. } | Input::File { id, .. } => id,
        }
    }

    fn source(&self) -> String {
        match self {
            Input::Text { source, .. } | Input::Bytes { source, .. } => source.clone(),
            Input::File { path, .. } => path.display().to_string(),
        }
    }

    /// The record, as `tomtat summarize` makes it (a panic becomes the CLI's error record).
    fn summarize(&self, pipeline: &Pipeline) -> Record {
        let run = || match self {
            Input::Text { id, source, text } => {
                let t = Text::from_str_with(text, &pipeline.options.text);
                Record::Summary(Box::new(pipeline.summarize_text(id, source, &t)))
            }
            Input::Bytes { id, source, bytes } => pipeline.summarize_bytes(id, source, bytes),
            Input::File { id, path } => pipeline.summarize_file(id, path),
        };
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|panic| {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Record::Error(ErrorRecord {
                id: self.id().into(),
                source: self.source(),
                error: format!("internal error, please report it: {msg}"),
            })
        })
    }
}

/// A finished record: its JSON, or the error.
enum Done {
    Json(String),
    Error(ErrorRecord),
}

fn done(record: Record) -> Done {
    match record {
        Record::Error(e) => Done::Error(e),
        record => Done::Json(serde_json::to_string(&record).expect("records serialize")),
    }
}

/// A pipeline for these options. Those without user words are built once and kept (loading
/// the scorer's lexicon costs more than summarizing a short document).
#[allow(clippy::too_many_arguments)]
fn pipeline(
    method: &str,
    max_per_part: Option<usize>,
    encoding: &str,
    tone_style: &str,
    fixed_words: Option<Vec<String>>,
    dict: Option<PathBuf>,
    max_file_mb: u64,
) -> PyResult<Arc<Pipeline>> {
    type Key = (bool, Option<usize>, String, String, u64);
    static CACHE: OnceLock<Mutex<HashMap<Key, Arc<Pipeline>>>> = OnceLock::new();
    let lexrank = match method {
        "default" => false,
        "lexrank" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown method `{other}` (\"default\" or \"lexrank\")"
            )))
        }
    };
    let options = PipelineOptions {
        text: text_options(encoding, tone_style)?,
        summary: SummaryOptions {
            method: if lexrank {
                Method::LexRank
            } else {
                Method::Default
            },
            max_per_part,
        },
        max_file_bytes: Some(max_file_mb << 20),
    };
    if fixed_words.is_some() || dict.is_some() {
        let segmenter = user_segmenter(fixed_words, dict)?;
        return Ok(Arc::new(Pipeline::with_segmenter(options, segmenter)));
    }
    let key = (
        lexrank,
        max_per_part,
        encoding.to_string(),
        tone_style.to_string(),
        max_file_mb,
    );
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() > 64 {
        cache.clear();
    }
    Ok(Arc::clone(
        cache
            .entry(key)
            .or_insert_with(|| Arc::new(Pipeline::new(options))),
    ))
}

/// The briefing of one document: the record `tomtat summarize` writes, as a dict with `id`,
/// `source`, `encoding`, `units`, `part_sizes`, `results`, `shortcomings`, `directives`,
/// `indicators` and `tasks` (offsets are UTF-8 byte offsets of the source, as in the CLI).
///
/// `source` is the text (`str`), a path (`os.PathLike`, or a one-line `str` naming an existing
/// file with a supported extension: .txt, .docx, .pdf, ...), raw `bytes` in any encoding or
/// format, or a dict `{"id", "text"}`. Raises `TomtatError` with the reason of the CLI's error
/// record when the input cannot be read.
#[pyfunction]
#[pyo3(signature = (source, *, id=None, method="default", max_per_part=None, encoding="auto", tone_style="keep", fixed_words=None, dict=None, max_file_mb=256))]
#[allow(clippy::too_many_arguments)]
fn summarize<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    id: Option<String>,
    method: &str,
    max_per_part: Option<usize>,
    encoding: &str,
    tone_style: &str,
    fixed_words: Option<Vec<String>>,
    dict: Option<PathBuf>,
    max_file_mb: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let pipeline = pipeline(
        method,
        max_per_part,
        encoding,
        tone_style,
        fixed_words,
        dict,
        max_file_mb,
    )?;
    let input = Input::from_py(source, id, "-")?;
    match py.detach(|| done(input.summarize(&pipeline))) {
        Done::Json(json) => json_loads(py, &json),
        Done::Error(e) => Err(error_of(py, &e)),
    }
}

/// The iterator returned by `summarize_many`.
#[pyclass(module = "tomtat")]
struct Summaries {
    items: Option<Py<PyIterator>>,
    pipeline: Arc<Pipeline>,
    pool: rayon::ThreadPool,
    chunk: usize,
    raise_errors: bool,
    next_index: usize,
    ready: VecDeque<Done>,
}

#[pymethods]
impl Summaries {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(
        mut slf: PyRefMut<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        if slf.ready.is_empty() {
            slf.fill(py)?;
        }
        match slf.ready.pop_front() {
            None => Ok(None),
            Some(Done::Json(json)) => json_loads(py, &json).map(Some),
            Some(Done::Error(e)) if slf.raise_errors => Err(error_of(py, &e)),
            Some(Done::Error(e)) => {
                let d = PyDict::new(py);
                d.set_item("id", e.id)?;
                d.set_item("source", e.source)?;
                d.set_item("error", e.error)?;
                Ok(Some(d.into_any()))
            }
        }
    }
}

impl Summaries {
    /// Read the next chunk of inputs from Python, then summarize them on the thread pool with
    /// the GIL released; records stay in input order.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        let Some(items) = &self.items else {
            return Ok(());
        };
        let mut items = items.bind(py).clone();
        let mut inputs = Vec::with_capacity(self.chunk);
        while inputs.len() < self.chunk {
            let Some(item) = items.next() else {
                self.items = None;
                break;
            };
            let index = self.next_index;
            self.next_index += 1;
            // A wrong type is the caller's bug: raised now, before the chunk runs.
            inputs.push(Input::from_py(&item?, None, &index.to_string())?);
        }
        let (pool, pipeline) = (&self.pool, &self.pipeline);
        let records: Vec<Done> = py.detach(|| {
            pool.install(|| {
                inputs
                    .par_iter()
                    .map(|input| done(input.summarize(pipeline)))
                    .collect()
            })
        });
        self.ready.extend(records);
        Ok(())
    }
}

/// Summarize many documents on a Rust thread pool of `jobs` threads (default: all cores), with
/// the GIL released while they run; yields one record per input, in input order, as
/// `tomtat summarize` writes them. Items are what `summarize` takes (a str without a file
/// behind it gets its index as id: "0", "1", ...). Inputs are read from the iterable a chunk at a
/// time, so a generator of millions of documents runs in bounded memory.
///
/// `errors="raise"` (default) raises `TomtatError` for an input that cannot be read (the
/// iterator goes on with the next input if called again); `errors="record"` yields the CLI's
/// error record `{"id", "source", "error"}` instead.
#[pyfunction]
#[pyo3(signature = (items, jobs=None, *, errors="raise", method="default", max_per_part=None, encoding="auto", tone_style="keep", fixed_words=None, dict=None, max_file_mb=256))]
#[allow(clippy::too_many_arguments)]
fn summarize_many(
    items: &Bound<'_, PyAny>,
    jobs: Option<usize>,
    errors: &str,
    method: &str,
    max_per_part: Option<usize>,
    encoding: &str,
    tone_style: &str,
    fixed_words: Option<Vec<String>>,
    dict: Option<PathBuf>,
    max_file_mb: u64,
) -> PyResult<Summaries> {
    let raise_errors = match errors {
        "raise" => true,
        "record" => false,
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown errors `{other}` (\"raise\" or \"record\")"
            )))
        }
    };
    if jobs == Some(0) {
        return Err(PyValueError::new_err("jobs must be at least 1"));
    }
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pipeline = pipeline(
        method,
        max_per_part,
        encoding,
        tone_style,
        fixed_words,
        dict,
        max_file_mb,
    )?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("tomtat-py-{i}"))
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start {jobs} threads: {e}")))?;
    Ok(Summaries {
        items: Some(items.try_iter()?.unbind()),
        pipeline,
        pool,
        chunk: (jobs * 8).max(16),
        raise_errors,
        next_index: 0,
        ready: VecDeque::new(),
    })
}

/// Vietnamese text, sentences, words and report briefings (tomtat's Rust core).
#[pymodule]
fn _tomtat(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("TomtatError", m.py().get_type::<TomtatError>())?;
    m.add_function(wrap_pyfunction!(text_normalize, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_function(wrap_pyfunction!(sent_tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    m.add_function(wrap_pyfunction!(word_tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_many, m)?)?;
    m.add_class::<Summaries>()?;
    Ok(())
}

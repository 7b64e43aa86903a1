//! `tomtat summarize`: a batch of documents to briefings, streamed in input order.
//!
//! Every input is accounted for: a record, or an error record naming it and the reason. PDF,
//! `.doc` and RTF files are parsed in worker processes under memory and time limits
//! ([`crate::worker`]); memory is bounded by caps on the file, the document text and the
//! JSON line, and the documents with a large text are summarized one at a time.

use crate::io::parse_jsonl_doc;
use crate::outdir::{self, Namer};
use crate::progress::Progress;
use crate::worker::{isolated_kind, Limits, Pool};
use crate::TextArgs;
use anyhow::{Context, Result};
use clap::ValueEnum;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tomtat::batch::{discover_excluding, run_ordered, Glob, Input};
use tomtat::formats::{self, Format as FileFormat};
use tomtat::scorer::{Method, SummaryOptions};
use tomtat::text::Text;
use tomtat::{render, ErrorRecord, Pipeline, PipelineOptions, Record};

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object a document.
    Jsonl,
    /// One JSON array of all documents.
    Json,
    /// A Markdown briefing per document (a leader's page; `--reasons` for every pick).
    Md,
    /// A self-contained HTML page per document (with --out: `<id>.html` and `index.html`).
    Html,
    /// A Word briefing per document (with --out: `<id>.docx`; or one document to `-o FILE`).
    Docx,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum MethodArg {
    /// Part labels from headings and cues, centrality, figures, MMR.
    Default,
    /// Plain LexRank over the whole document (baseline).
    Lexrank,
}

const AFTER_HELP: &str = "\
Examples:
  tomtat summarize corpus --format md > briefings.md
  tomtat summarize /srv/archive --out /srv/briefings --skip-existing -q > all.jsonl
  printf 'Thu ngân sách đạt 25,5 tỷ đồng.' | tomtat summarize --format md
  tomtat summarize --jsonl docs.jsonl > briefings.jsonl

Exit codes: 0 every document summarized (or kept by --skip-existing); 1 some input failed
(each one is an error record in the output and a line `PATH: reason` on stderr; the others are
complete); 2 usage error or nothing to do (no input, an empty folder, a --glob that matches
nothing, empty stdin); 3 the run could not go on (an output cannot be written, the --jsonl
input cannot be read), the reason on stderr.";

#[derive(clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// Files and folders; `-` (or nothing, with stdin not a terminal) reads one document from
    /// stdin. Folders are walked recursively and give the document formats (.txt .docx .docm
    /// .dotx .odt .html .htm .xhtml .mht .mhtml .pdf .doc .dot .rtf); other files, such as
    /// README.md or SOURCES.md, are taken only when named or matched by --glob.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Key units per part (default: adaptive to the part's size).
    #[arg(long)]
    max_per_part: Option<usize>,
    #[arg(long, value_enum, default_value = "default")]
    method: MethodArg,
    /// Worker threads (default: all cores).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Also write one .json and one .md per document under DIR (mirroring the input tree; with
    /// --format html or docx also its .html or .docx), plus index.jsonl, digest.md,
    /// indicators.csv, tasks.csv (and index.html with --format html); each file is written
    /// atomically.
    #[arg(long)]
    out: Option<PathBuf>,
    /// With --out: keep documents whose files are complete from an earlier run of the same
    /// source (resume an interrupted run); the others are summarized again.
    #[arg(long, requires = "out")]
    skip_existing: bool,
    /// Only files matching this pattern when walking folders (repeatable), e.g. `*.docx`,
    /// `2024/**/*.pdf`, `*.md`.
    #[arg(long)]
    glob: Vec<String>,
    /// Read {"id","text"} JSON lines from this file (`-` for stdin) instead of paths.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    jsonl: Option<PathBuf>,
    /// User dictionary for word segmentation: one word a line.
    #[arg(long)]
    dict: Option<PathBuf>,
    /// Refuse files larger than this many MB.
    #[arg(long, default_value_t = 256, value_name = "MB")]
    max_file_mb: u64,
    /// Refuse a document whose text is larger than this many MB (memory grows with it).
    #[arg(long, default_value_t = 16, value_name = "MB")]
    max_text_mb: u64,
    /// Refuse a --jsonl line longer than this many MB (an error record for that line).
    #[arg(long, default_value_t = 64, value_name = "MB")]
    max_line_mb: u64,
    /// Time limit for parsing one PDF, .doc or RTF file (in a separate process), seconds.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    parse_timeout: u64,
    /// Memory limit of the process that parses PDF, .doc and RTF files, in MB.
    #[arg(long, default_value_t = 1024, value_name = "MB")]
    parse_memory_mb: u64,
    /// Write the output to FILE instead of stdout (a `.docx` needs exactly one document); the
    /// file appears, complete, when the run ends.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Markdown: every pick with its place, score and reasons, all indicators and tasks.
    #[arg(long)]
    reasons: bool,
    /// With --out: CSV tables without the UTF-8 BOM (for tools that dislike it).
    #[arg(long)]
    csv_plain: bool,
    /// No progress line.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    text: TextArgs,
}

/// A text above this size is summarized while holding [`Ctx::large`], one at a time, so that
/// the memory of a batch is bounded by one large document and the small ones beside it.
const LARGE_TEXT: usize = 2 << 20;

/// One finished document.
struct Done {
    record: Record,
    line: String,
    bytes: u64,
    /// Kept from an earlier run (--skip-existing).
    kept: bool,
    /// The document rendered as HTML or Word, when that is the format (not for kept ones).
    rendered: Option<Vec<u8>>,
}

/// What every job shares.
struct Ctx {
    pipeline: Pipeline,
    pool: Pool,
    view: View,
    out: Option<PathBuf>,
    skip_existing: bool,
    max_file: u64,
    max_text: usize,
    large: Mutex<()>,
    /// The document read from stdin (`-`), taken by its job.
    stdin: Mutex<Option<Vec<u8>>>,
}

/// One input with its unique id and, with --out, its name under DIR.
struct Job<T> {
    item: T,
    id: String,
    stem: Option<PathBuf>,
}

/// Run a batch. A run that cannot go on (stdout or an output file cannot be written, the
/// `--jsonl` input cannot be read) exits 3, so that a wrapper that accepts 1 ("some documents
/// failed, their error records are in the output") never takes a broken run for a good one.
pub fn run(args: Args) -> Result<i32> {
    match run_batch_command(args) {
        Ok(code) => Ok(code),
        Err(e) if crate::is_broken_pipe(&e) => Ok(0),
        Err(e) => {
            eprintln!("tomtat: error: {e:#} (the run stopped)");
            Ok(3)
        }
    }
}

fn run_batch_command(args: Args) -> Result<i32> {
    let options = pipeline_options(&args);
    let limits = Limits {
        memory_mb: args.parse_memory_mb,
        time_secs: args.parse_timeout,
    };
    let pool = Pool::new(options.text, limits).context("cannot find this program's path")?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if args.format == Format::Docx && args.out.is_none() && args.output.is_none() {
        eprintln!("tomtat: error: --format docx writes files: give --out DIR or -o FILE.docx");
        return Ok(2);
    }
    let view = View {
        format: args.format,
        md: render::MdOptions {
            reasons: args.reasons,
        },
        csv_plain: args.csv_plain,
    };

    // Decide what there is to do before anything is written.
    let (inputs, skipped) = if args.jsonl.is_none() {
        match discover_inputs(&args) {
            Ok(found) => found,
            Err(code) => return Ok(code),
        }
    } else {
        (Vec::new(), 0)
    };
    // A document on stdin is read first: empty stdin is nothing to do.
    let mut stdin = None;
    if inputs.iter().any(|i| i.path == Path::new("-")) {
        match read_stdin(args.max_file_mb << 20) {
            Ok(bytes) if bytes.is_empty() => {
                eprintln!("tomtat: error: nothing to do: stdin is empty");
                return Ok(2);
            }
            Ok(bytes) => stdin = Some(bytes),
            Err(e) => {
                eprintln!("tomtat: error: stdin: {e}");
                return Ok(3);
            }
        }
    }
    let segmenter = crate::io::segmenter(args.dict.as_deref())?;
    let pipeline = if args.dict.is_some() {
        Pipeline::with_user_dictionary(options, segmenter)
    } else {
        Pipeline::with_segmenter(options, segmenter)
    };
    let ctx = Ctx {
        pipeline,
        pool,
        view,
        out: args.out.clone(),
        skip_existing: args.skip_existing,
        max_file: args.max_file_mb << 20,
        max_text: (args.max_text_mb << 20) as usize,
        large: Mutex::new(()),
        stdin: Mutex::new(stdin),
    };
    let mut emitter = Emitter::new(view, args.out.as_deref(), args.output.as_deref())?;
    let mut namer = args.out.as_ref().map(|_| Namer::default());
    if let Some(source) = &args.jsonl {
        return run_jsonl(&args, source, &ctx, jobs, emitter, &mut namer);
    }

    let jobs_list: Vec<Job<Input>> = inputs
        .into_iter()
        .map(|input| {
            let (id, stem) = assign(&mut namer, input.id.clone());
            Job {
                item: input,
                id,
                stem,
            }
        })
        .collect();
    let mut progress = Progress::new(jobs_list.len(), args.quiet);
    run_batch(&jobs_list, jobs, &mut emitter, &mut progress, |job| {
        summarize_input(&ctx, job)
    })?;
    emitter.finish()?;
    progress.finish(skipped);
    Ok(if progress.errors > 0 { 1 } else { 0 })
}

fn pipeline_options(args: &Args) -> PipelineOptions {
    PipelineOptions {
        text: args.text.options(),
        summary: SummaryOptions {
            method: match args.method {
                MethodArg::Default => Method::Default,
                MethodArg::Lexrank => Method::LexRank,
            },
            max_per_part: args.max_per_part,
        },
        max_file_bytes: Some(args.max_file_mb << 20),
    }
}

/// The output id and, with `--out`, the file stem of a document: unique in the output folder.
fn assign(namer: &mut Option<Namer>, id: String) -> (String, Option<PathBuf>) {
    match namer.as_mut() {
        Some(n) => {
            let (id, stem) = n.assign(&id);
            (id, Some(stem))
        }
        None => (id, None),
    }
}

/// The documents named by the paths (stdin for none or `-`) and how many files of other types
/// were left out; `Err(2)` when there is nothing to do, after saying why.
fn discover_inputs(args: &Args) -> Result<(Vec<Input>, usize), i32> {
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            eprintln!("tomtat: error: no input: give files or folders, `-` for stdin, or --jsonl FILE for {{\"id\",\"text\"}} lines");
            return Err(2);
        }
        paths.push("-".into());
    }
    let globs: Vec<Glob> = match args.glob.iter().map(|g| Glob::new(g)).collect() {
        Ok(globs) => globs,
        Err(e) => {
            eprintln!("tomtat: error: {e}");
            return Err(2);
        }
    };
    let mut inputs = Vec::new();
    let mut skipped = 0;
    for path in &paths {
        if path == Path::new("-") {
            inputs.push(Input {
                id: "stdin".into(),
                path: path.clone(),
                problem: None,
            });
            continue;
        }
        let found = discover_excluding(std::slice::from_ref(path), &globs, args.out.as_deref());
        skipped += found.skipped;
        inputs.extend(found.inputs);
    }
    if inputs.is_empty() {
        let place = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let files = plural(skipped, "file");
        if args.glob.is_empty() {
            eprintln!("tomtat: error: nothing to do: no document under {place} ({files} of other types; --glob PATTERN takes them)");
        } else {
            eprintln!("tomtat: error: nothing to do: --glob {} matched no file under {place} ({files} left out)", args.glob.join(", --glob "));
        }
        return Err(2);
    }
    Ok((inputs, skipped))
}

/// `--jsonl FILE`: `{"id", "text"}` lines summarized in chunks of at most 1024 lines and 64 MB,
/// so memory does not grow with the input.
fn run_jsonl(
    args: &Args,
    source: &Path,
    ctx: &Ctx,
    jobs: usize,
    mut emitter: Emitter,
    namer: &mut Option<Namer>,
) -> Result<i32> {
    let reader: Box<dyn BufRead> = if source == Path::new("-") {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        let file =
            File::open(source).with_context(|| format!("{}: cannot open", source.display()))?;
        Box::new(BufReader::new(file))
    };
    let name = if source == Path::new("-") {
        "stdin".to_string()
    } else {
        source.display().to_string()
    };
    let mut progress = Progress::new(0, args.quiet);
    let max_line = (args.max_line_mb << 20) as usize;
    let mut lines = LineReader::new(reader, max_line);
    loop {
        let mut chunk = Vec::new();
        let mut chunk_bytes = 0;
        while chunk.len() < 1024 && chunk_bytes < 64 << 20 {
            let Some((n, line)) = lines.next_line().context("reading JSON lines")? else {
                break;
            };
            let Some(item) = jsonl_item(n, line, &name) else {
                continue;
            };
            chunk_bytes += item.bytes;
            let (id, stem) = assign(namer, item.id.clone());
            chunk.push(Job { item, id, stem });
        }
        if chunk.is_empty() {
            break;
        }
        run_batch(&chunk, jobs, &mut emitter, &mut progress, |job| {
            summarize_line(ctx, job)
        })?;
    }
    emitter.finish()?;
    if progress.done == 0 {
        eprintln!("tomtat: error: nothing to do: no JSON line in {name}");
        return Ok(2);
    }
    progress.finish(0);
    Ok(if progress.errors > 0 { 1 } else { 0 })
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Summarize `items` on `jobs` threads, emitting each result in input order.
fn run_batch<I: Sync>(
    items: &[I],
    jobs: usize,
    emitter: &mut Emitter,
    progress: &mut Progress,
    work: impl Fn(&I) -> Done + Sync,
) -> Result<()> {
    let mut failure = None;
    run_ordered(
        items,
        jobs,
        jobs * 8,
        || (),
        |_, item| work(item),
        |_, done| {
            progress.tick(done.bytes, &done.record, done.kept);
            if failure.is_none() {
                failure = emitter.emit(&done).err();
            }
        },
    );
    failure.map_or(Ok(()), Err)
}

/// One JSON line, read and parsed by the reader thread.
struct LineItem {
    /// The document's id, or `line-N`.
    id: String,
    source: String,
    text: Result<String, String>,
    bytes: u64,
}

fn jsonl_item(n: usize, line: Result<Vec<u8>, String>, name: &str) -> Option<LineItem> {
    let source = format!("{name}:{n}");
    let fallback = format!("line-{n}");
    let (id, text, bytes) = match line {
        Err(error) => (fallback, Err(error), 0),
        Ok(bytes) => {
            let len = bytes.len() as u64;
            match String::from_utf8(bytes) {
                Err(e) => (
                    fallback,
                    Err(format!(
                        "line {n} is not UTF-8 (byte {} of the line)",
                        e.utf8_error().valid_up_to()
                    )),
                    len,
                ),
                Ok(line) if line.trim().is_empty() => return None,
                Ok(line) => {
                    let (id, text) = parse_jsonl_doc(&line);
                    let text = text.map_err(|e| format!("{e:#}")).and_then(|t| {
                        if t.is_empty() {
                            Err("empty text".to_string())
                        } else if t.trim().is_empty() {
                            Err("no text found in this text".to_string())
                        } else {
                            Ok(t)
                        }
                    });
                    (id.unwrap_or(fallback), text, len)
                }
            }
        }
    };
    Some(LineItem {
        id,
        source,
        text,
        bytes,
    })
}

fn summarize_line(ctx: &Ctx, job: &Job<LineItem>) -> Done {
    let item = &job.item;
    let error = |error: String| {
        let record = Record::Error(ErrorRecord {
            id: job.id.clone(),
            source: item.source.clone(),
            error,
        });
        finish(record, item.bytes, false)
    };
    let text = match &item.text {
        Ok(t) => t,
        Err(e) => return error(e.clone()),
    };
    if text.len() > ctx.max_text {
        return error(text_too_large(text.len(), ctx.max_text));
    }
    let digest = crate::digest::source_digest(text.as_bytes());
    if let Some(done) = ctx.saved(job, &digest, item.bytes) {
        return done;
    }
    let t = Text::from_str_with(text, &ctx.pipeline.options.text);
    ctx.summarize(job, &item.source, t, &digest, item.bytes)
}

fn summarize_input(ctx: &Ctx, job: &Job<Input>) -> Done {
    let input = &job.item;
    let stdin = input.path == Path::new("-");
    let source = if stdin {
        "stdin".to_string()
    } else {
        input.path.display().to_string()
    };
    let error = |error: String, bytes: u64| {
        let record = Record::Error(ErrorRecord {
            id: job.id.clone(),
            source: source.clone(),
            error,
        });
        finish(record, bytes, false)
    };
    if let Some(problem) = &input.problem {
        return error(problem.clone(), 0);
    }
    let bytes = if stdin {
        // A second `-` finds stdin already read.
        Ok(ctx.stdin.lock().unwrap().take().unwrap_or_default())
    } else {
        formats::read_bytes(&input.path, ctx.max_file)
    };
    let bytes = match bytes {
        Ok(b) if b.is_empty() => return error(formats::FormatError::Empty.to_string(), 0),
        Ok(b) => b,
        Err(e) => return error(e.to_string(), 0),
    };
    let len = bytes.len() as u64;
    let digest = crate::digest::source_digest(&bytes);
    if let Some(done) = ctx.saved(job, &digest, len) {
        return done;
    }
    let name = if stdin {
        Path::new("stdin.txt")
    } else {
        input.path.as_path()
    };
    match ctx.extract(name, bytes) {
        Ok(text) => ctx.summarize(job, &source, text, &digest, len),
        Err(e) => error(e, len),
    }
}

/// Stdin as one document, no more than `max` bytes.
fn read_stdin(max: u64) -> Result<Vec<u8>, formats::FormatError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| formats::FormatError::Io(format!("cannot read stdin: {e}")))?;
    if bytes.len() as u64 > max {
        return Err(formats::FormatError::TooLarge(format!(
            "stdin over the {} MB limit (--max-file-mb)",
            max >> 20
        )));
    }
    Ok(bytes)
}

fn text_too_large(len: usize, max: usize) -> String {
    format!(
        "document text too large: {} MB (limit {} MB for one document): split it or raise --max-text-mb",
        len.div_ceil(1 << 20),
        max >> 20
    )
}

impl Ctx {
    /// With --skip-existing, the complete result saved by an earlier run of the same source.
    fn saved(&self, job: &Job<impl Sync>, digest: &str, bytes: u64) -> Option<Done> {
        let dir = self.out.as_deref().filter(|_| self.skip_existing)?;
        let artifacts = self.view.artifacts();
        let stem = job.stem.as_deref()?;
        let record = outdir::saved(dir, stem, &job.id, digest, &artifacts)?;
        let mut done = finish(record, bytes, true);
        // The page or Word file of a kept document is the one saved (complete, checked above).
        done.rendered = match artifacts.rendered {
            Some(ext) => Some(std::fs::read(outdir::file_of(dir, stem, ext)).ok()?),
            None => None,
        };
        Some(done)
    }

    /// The text of a file's bytes: in a worker process for the parsers that can crash, in
    /// this process for the others; plain text over the text limit is refused undecoded.
    fn extract(&self, name: &Path, bytes: Vec<u8>) -> Result<Text, String> {
        if let Some(kind) = isolated_kind(&bytes) {
            return self.pool.extract(name, &bytes, kind);
        }
        let raw_cap = match FileFormat::sniff(&bytes) {
            None => Some(self.max_text),
            // Markup: the text is a fraction of the bytes.
            Some(FileFormat::Html) => Some(self.max_text.saturating_mul(4)),
            Some(_) => None,
        };
        if raw_cap.is_some_and(|cap| bytes.len() > cap) {
            return Err(text_too_large(bytes.len(), self.max_text));
        }
        let text = guarded(|| formats::extract(name, &bytes, &self.pipeline.options.text))
            .map_err(|panic| format!("internal error, please report it: {panic}"))?;
        text.map_err(|e| e.to_string())
    }

    /// Summarize a read text and, with --out, write its files.
    fn summarize(
        &self,
        job: &Job<impl Sync>,
        source: &str,
        mut text: Text,
        digest: &str,
        bytes: u64,
    ) -> Done {
        let error = |error: String| {
            let record = Record::Error(ErrorRecord {
                id: job.id.clone(),
                source: source.into(),
                error,
            });
            finish(record, bytes, false)
        };
        let len = text.as_str().len();
        if len > self.max_text {
            return error(text_too_large(len, self.max_text));
        }
        let record = {
            let _one_at_a_time = (len > LARGE_TEXT).then(|| self.large.lock());
            guarded(|| {
                let summary = self.pipeline.summarize_read(&job.id, source, &mut text);
                Record::Summary(Box::new(summary))
            })
        };
        let record = match record {
            Ok(r) => r,
            Err(panic) => return error(format!("internal error, please report it: {panic}")),
        };
        // The page or Word file is made here, in the worker, while the text is at hand.
        let rendered = self.view.render(&record, Some(text.as_str()));
        if let (Some(dir), Some(stem)) = (self.out.as_deref(), job.stem.as_deref()) {
            let artifacts = self.view.artifacts();
            let written =
                outdir::write_document(dir, stem, &record, &artifacts, rendered.as_deref(), digest);
            if let Err(e) = written {
                return error(format!("cannot write output: {e:#}"));
            }
        }
        let mut done = finish(record, bytes, false);
        done.rendered = rendered;
        done
    }
}

/// How documents are shown to people.
#[derive(Clone, Copy)]
struct View {
    format: Format,
    md: render::MdOptions,
    csv_plain: bool,
}

impl View {
    /// The HTML page or Word file of a record, when that is the format.
    fn render(&self, record: &Record, text: Option<&str>) -> Option<Vec<u8>> {
        match self.format {
            Format::Html => Some(tomtat::html::page(record, text).into_bytes()),
            Format::Docx => Some(tomtat::docx::docx(record)),
            Format::Jsonl | Format::Json | Format::Md => None,
        }
    }

    /// The files written for each document under --out besides its `.json`.
    fn artifacts(&self) -> outdir::Artifacts {
        outdir::Artifacts {
            md: self.md,
            rendered: match self.format {
                Format::Html => Some("html"),
                Format::Docx => Some("docx"),
                Format::Jsonl | Format::Json | Format::Md => None,
            },
        }
    }
}

/// Run `f`, turning a panic into its message so one bad document never stops the batch.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

fn finish(record: Record, bytes: u64, kept: bool) -> Done {
    let mut line = serde_json::to_string(&record).expect("records serialize");
    line.push('\n');
    Done {
        record,
        line,
        bytes,
        kept,
        rendered: None,
    }
}

/// Lines of a JSON-lines input, each at most `max` bytes: a longer line is skipped to its end
/// and given as an error, never held whole.
pub struct LineReader<R> {
    reader: R,
    max: usize,
    number: usize,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(reader: R, max: usize) -> Self {
        LineReader {
            reader,
            max,
            number: 0,
        }
    }

    /// The next line (number from 1, without its newline), `Err(reason)` for one over the
    /// limit, `None` at the end.
    #[allow(clippy::type_complexity)]
    pub fn next_line(&mut self) -> std::io::Result<Option<(usize, Result<Vec<u8>, String>)>> {
        let mut line = Vec::new();
        let mut over = false;
        let mut any = false;
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            any = true;
            let (chunk, newline) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (&buf[..i], Some(i)),
                None => (buf, None),
            };
            if !over {
                if line.len() + chunk.len() > self.max {
                    over = true;
                    line = Vec::new();
                } else {
                    line.extend_from_slice(chunk);
                }
            }
            let used = newline.map_or(chunk.len(), |i| i + 1);
            self.reader.consume(used);
            if newline.is_some() {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.number += 1;
        if over {
            return Ok(Some((
                self.number,
                Err(format!(
                    "line {} over the {} MB limit (--max-line-mb)",
                    self.number,
                    self.max >> 20
                )),
            )));
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(Some((self.number, Ok(line))))
    }
}

/// Writes records to stdout (or `-o FILE`) and, with --out, to the batch files; every file is
/// written to a temporary name and renamed when complete.
struct Emitter {
    view: View,
    stdout: BufWriter<Box<dyn Write>>,
    /// `-o FILE` (not .docx): written to its temporary name, renamed at the end.
    output: Option<PathBuf>,
    count: usize,
    batch: Option<BatchFiles>,
    /// With --format docx -o FILE: the one document's file, written at the end.
    docx: Option<(PathBuf, Option<Vec<u8>>)>,
}

struct BatchFiles {
    dir: PathBuf,
    index: BufWriter<File>,
    digest: BufWriter<File>,
    digest_rows: BufWriter<File>,
    csv: BufWriter<File>,
    tasks: BufWriter<File>,
    /// The documents of `index.html` (with --format html).
    pages: Vec<tomtat::html::IndexEntry>,
}

const BATCH_FILES: [&str; 4] = ["index.jsonl", "digest.md", "indicators.csv", "tasks.csv"];
const DIGEST_ROWS: &str = ".digest-indicators.tmp";

impl Emitter {
    fn new(view: View, out: Option<&Path>, output: Option<&Path>) -> Result<Emitter> {
        let format = view.format;
        let create = |path: PathBuf| -> Result<BufWriter<File>> {
            Ok(BufWriter::new(
                File::create(&path).with_context(|| format!("{}", path.display()))?,
            ))
        };
        let batch = match out {
            None => None,
            Some(dir) => {
                std::fs::create_dir_all(dir).with_context(|| {
                    format!("{}: cannot create the output folder", dir.display())
                })?;
                let temp = |name: &str| outdir::temp_of(&dir.join(name));
                let mut digest = create(temp("digest.md"))?;
                digest.write_all(
                    render::digest_header("Tóm tắt theo lô (batch digest)").as_bytes(),
                )?;
                let mut csv = create(temp("indicators.csv"))?;
                csv.write_all(tomtat::csv::indicator_header(view.csv_plain).as_bytes())?;
                let mut tasks = create(temp("tasks.csv"))?;
                tasks.write_all(tomtat::csv::task_header(view.csv_plain).as_bytes())?;
                Some(BatchFiles {
                    dir: dir.to_path_buf(),
                    index: create(temp("index.jsonl"))?,
                    digest,
                    digest_rows: create(dir.join(DIGEST_ROWS))?,
                    csv,
                    tasks,
                    pages: Vec::new(),
                })
            }
        };
        let (sink, output, docx): (Box<dyn Write>, _, _) = match output {
            Some(path) if format == Format::Docx => (
                Box::new(std::io::sink()),
                None,
                Some((path.to_path_buf(), None)),
            ),
            Some(path) => (
                Box::new(create(outdir::temp_of(path))?),
                Some(path.to_path_buf()),
                None,
            ),
            None if format == Format::Docx => (Box::new(std::io::sink()), None, None),
            None => (Box::new(std::io::stdout()), None, None),
        };
        let mut stdout = BufWriter::new(sink);
        match format {
            Format::Json => stdout.write_all(b"[\n")?,
            Format::Md => {
                stdout.write_all(render::digest_header("Tóm tắt (briefings)").as_bytes())?
            }
            Format::Jsonl | Format::Html | Format::Docx => {}
        }
        Ok(Emitter {
            view,
            stdout,
            output,
            count: 0,
            batch,
            docx,
        })
    }

    fn emit(&mut self, done: &Done) -> Result<()> {
        match self.view.format {
            // One write a record, newline included, so that processes appending to one
            // file (xargs -P) do not interleave inside a record.
            Format::Jsonl => self.stdout.write_all(done.line.as_bytes())?,
            Format::Json => {
                if self.count > 0 {
                    self.stdout.write_all(b",")?;
                }
                self.stdout.write_all(done.line.as_bytes())?;
            }
            Format::Md => self
                .stdout
                .write_all(render::markdown_with(&done.record, &self.view.md).as_bytes())?,
            Format::Html => match &done.rendered {
                Some(page) => self.stdout.write_all(page)?,
                None => self
                    .stdout
                    .write_all(tomtat::html::page(&done.record, None).as_bytes())?,
            },
            Format::Docx => {
                if let Some((path, file)) = &mut self.docx {
                    if self.count > 0 {
                        anyhow::bail!(
                            "{}: -o takes one .docx document; use --out DIR for several",
                            path.display()
                        );
                    }
                    *file = Some(
                        done.rendered
                            .clone()
                            .unwrap_or_else(|| tomtat::docx::docx(&done.record)),
                    );
                }
            }
        }
        self.count += 1;
        if let Some(b) = &mut self.batch {
            b.index.write_all(done.line.as_bytes())?;
            b.digest
                .write_all(render::digest_entry(&done.record).as_bytes())?;
            b.digest_rows
                .write_all(render::digest_indicator_rows(&done.record).as_bytes())?;
            b.csv
                .write_all(tomtat::csv::indicator_rows(&done.record).as_bytes())?;
            b.tasks
                .write_all(tomtat::csv::task_rows(&done.record).as_bytes())?;
            if self.view.format == Format::Html {
                // The page's name: the stem the Namer gave this (unique) id.
                let stem = outdir::stem_of(done.record.id());
                let rel: Vec<String> = outdir::file_of(Path::new(""), &stem, "html")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                b.pages.push(tomtat::html::IndexEntry::new(
                    &done.record,
                    tomtat::html::href(&rel.join("/")),
                ));
            }
        }
        if self.view.format != Format::Json {
            // Stream: a consumer (a pipe, Spark) sees each document as soon as it is done.
            self.stdout.flush()?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if self.view.format == Format::Json {
            self.stdout.write_all(b"]\n")?;
        }
        self.stdout.flush()?;
        drop(self.stdout);
        if let Some(path) = &self.output {
            std::fs::rename(outdir::temp_of(path), path)
                .with_context(|| path.display().to_string())?;
        }
        if let Some(mut b) = self.batch.take() {
            b.digest_rows.flush()?;
            drop(b.digest_rows);
            b.digest
                .write_all(render::DIGEST_INDICATOR_HEADER.as_bytes())?;
            let rows_path = b.dir.join(DIGEST_ROWS);
            let mut rows = File::open(&rows_path)?;
            std::io::copy(&mut rows, &mut b.digest)?;
            std::fs::remove_file(&rows_path)?;
            for w in [&mut b.digest, &mut b.index, &mut b.csv, &mut b.tasks] {
                w.flush()?;
            }
            drop((b.digest, b.index, b.csv, b.tasks));
            for name in BATCH_FILES {
                let path = b.dir.join(name);
                std::fs::rename(outdir::temp_of(&path), &path)
                    .with_context(|| path.display().to_string())?;
            }
            if self.view.format == Format::Html {
                let index = tomtat::html::index("Tóm tắt theo lô", &b.pages);
                outdir::write_atomic(&b.dir.join("index.html"), index.as_bytes())?;
            }
        }
        if let Some((path, file)) = self.docx.take() {
            let bytes = file.context("no document to write")?;
            outdir::write_atomic(&path, &bytes)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<(usize, Result<Vec<u8>, String>)> {
        let mut r = LineReader::new(input, max);
        let mut out = Vec::new();
        while let Some(l) = r.next_line().unwrap() {
            out.push(l);
        }
        out
    }

    #[test]
    fn long_lines_are_refused_and_the_rest_go_on() {
        let got = lines(b"ab\r\n0123456789\nxy", 5);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], (1, Ok(b"ab".to_vec())));
        assert!(got[1].1.as_ref().unwrap_err().contains("line 2 over"));
        assert_eq!(got[2], (3, Ok(b"xy".to_vec())));
        assert!(lines(b"", 5).is_empty());
    }

    #[test]
    fn undecodable_and_empty_lines_become_error_records() {
        let bad = jsonl_item(501, Ok(b"{\"id\":\"a\",\"text\":\"\xff\"}".to_vec()), "f").unwrap();
        assert_eq!(bad.id, "line-501");
        assert!(bad.text.unwrap_err().contains("not UTF-8"));
        let empty = jsonl_item(2, Ok(br#"{"id":"c","text":""}"#.to_vec()), "f").unwrap();
        assert_eq!(empty.id, "c");
        assert_eq!(empty.text.unwrap_err(), "empty text");
        let no_id = jsonl_item(3, Ok(br#"{"text":"x"}"#.to_vec()), "f").unwrap();
        assert_eq!(no_id.id, "line-3");
        assert!(no_id.text.is_ok());
        assert!(jsonl_item(4, Ok(b"  ".to_vec()), "f").is_none());
    }
}

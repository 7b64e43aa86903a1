//! `tomtat summarize`: a batch of documents to briefings, streamed in input order.

use crate::io::parse_jsonl_doc;
use crate::progress::Progress;
use crate::TextArgs;
use anyhow::{Context, Result};
use clap::ValueEnum;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Component, Path, PathBuf};
use tomtat::batch::{discover, run_ordered, Glob, Input};
use tomtat::scorer::{Method, SummaryOptions};
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

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders (folders are walked recursively).
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
    /// Also write one .json and one .md per document under DIR (mirroring the input tree),
    /// plus index.jsonl, digest.md and indicators.csv.
    #[arg(long)]
    out: Option<PathBuf>,
    /// With --out: keep documents whose .json already exists (resume an interrupted run).
    #[arg(long, requires = "out")]
    skip_existing: bool,
    /// Only files matching this pattern when walking folders (repeatable), e.g. `*.docx`, `2024/**/*.pdf`.
    #[arg(long)]
    glob: Vec<String>,
    /// Read {"id","text"} JSON lines from this file (`-` for stdin) instead of paths.
    #[arg(long, value_name = "FILE")]
    jsonl: Option<PathBuf>,
    /// User dictionary for word segmentation: one word a line.
    #[arg(long)]
    dict: Option<PathBuf>,
    /// Refuse files larger than this many MB.
    #[arg(long, default_value_t = 256)]
    max_file_mb: u64,
    /// Write the output to FILE instead of stdout (a `.docx` needs exactly one document).
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

/// One finished document.
struct Done {
    record: Record,
    line: String,
    bytes: u64,
    /// The document rendered as HTML or Word, when that is the format.
    rendered: Option<Vec<u8>>,
}

pub fn run(args: Args) -> Result<i32> {
    let options = PipelineOptions {
        text: args.text.options(),
        summary: SummaryOptions {
            method: match args.method {
                MethodArg::Default => Method::Default,
                MethodArg::Lexrank => Method::LexRank,
            },
            max_per_part: args.max_per_part,
        },
        max_file_bytes: Some(args.max_file_mb << 20),
    };
    let pipeline = Pipeline::with_segmenter(options, crate::io::segmenter(args.dict.as_deref())?);
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
    let mut emitter = Emitter::new(view, args.out.as_deref(), args.output.as_deref())?;
    let out = OutOptions {
        view,
        dir: args.out.clone(),
        skip_existing: args.skip_existing,
        jsonl_source: match &args.jsonl {
            Some(p) if p != Path::new("-") => p.display().to_string(),
            _ => "stdin".into(),
        },
    };

    if let Some(source) = &args.jsonl {
        let reader: Box<dyn BufRead> = if source == Path::new("-") {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            Box::new(BufReader::new(
                File::open(source).with_context(|| format!("{}: cannot open", source.display()))?,
            ))
        };
        let mut progress = Progress::new(0, args.quiet);
        let mut chunk: Vec<(usize, String)> = Vec::new();
        let mut lines = reader.lines().enumerate();
        loop {
            chunk.clear();
            for (n, line) in lines.by_ref() {
                let line = line.context("reading JSON lines")?;
                if !line.trim().is_empty() {
                    chunk.push((n + 1, line));
                }
                if chunk.len() == 1024 {
                    break;
                }
            }
            if chunk.is_empty() {
                break;
            }
            run_batch(&chunk, jobs, &mut emitter, &mut progress, |(n, line)| {
                summarize_line(&pipeline, *n, line, &out)
            })?;
        }
        emitter.finish()?;
        progress.finish(0);
        return Ok(if progress.errors > 0 { 1 } else { 0 });
    }

    if args.paths.is_empty() {
        eprintln!("tomtat: error: no input: give files or folders, or --jsonl - to read {{\"id\",\"text\"}} lines from stdin");
        return Ok(2);
    }
    let globs: Vec<Glob> = args.glob.iter().map(|g| Glob::new(g)).collect();
    let found = discover(&args.paths, &globs);
    let mut progress = Progress::new(found.inputs.len(), args.quiet);
    run_batch(&found.inputs, jobs, &mut emitter, &mut progress, |input| {
        summarize_input(&pipeline, input, &out)
    })?;
    emitter.finish()?;
    progress.finish(found.skipped);
    Ok(if progress.errors > 0 { 1 } else { 0 })
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
            progress.tick(done.bytes, done.record.is_error());
            if failure.is_none() {
                failure = emitter.emit(&done).err();
            }
        },
    );
    failure.map_or(Ok(()), Err)
}

fn summarize_line(pipeline: &Pipeline, n: usize, line: &str, out: &OutOptions) -> Done {
    let (id, text) = parse_jsonl_doc(line);
    let id = id.unwrap_or_else(|| format!("line-{n}"));
    let source = format!("{}:{n}", out.jsonl_source);
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            let error = format!("{e:#}");
            return finish(
                Record::Error(ErrorRecord { id, source, error }),
                line.len() as u64,
            );
        }
    };
    if let Some(done) = out.saved(&id, text.len() as u64) {
        return done;
    }
    let mut shown = None;
    let record = guarded(&id, &source, || {
        let t = tomtat::text::Text::from_str_with(&text, &pipeline.options.text);
        let record = Record::Summary(Box::new(pipeline.summarize_text(&id, &source, &t)));
        shown = Some(t);
        record
    });
    let mut done = finish(record, text.len() as u64);
    done.rendered = out
        .view
        .render(&done.record, shown.as_ref().map(|t| t.as_str()));
    out.write(done)
}

fn summarize_input(pipeline: &Pipeline, input: &Input, out: &OutOptions) -> Done {
    let source = input.path.display().to_string();
    let bytes = std::fs::metadata(&input.path).map(|m| m.len()).unwrap_or(0);
    if let Some(problem) = &input.problem {
        let record = Record::Error(ErrorRecord {
            id: input.id.clone(),
            source,
            error: problem.clone(),
        });
        return finish(record, 0);
    }
    if let Some(done) = out.saved(&input.id, bytes) {
        return done;
    }
    let mut shown = None;
    let record = guarded(&input.id, &source, || {
        if out.view.format == Format::Html {
            let (record, text) = pipeline.summarize_file_with_text(&input.id, &input.path);
            shown = text;
            record
        } else {
            pipeline.summarize_file(&input.id, &input.path)
        }
    });
    let mut done = finish(record, bytes);
    done.rendered = out
        .view
        .render(&done.record, shown.as_ref().map(|t| t.as_str()));
    out.write(done)
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
            _ => None,
        }
    }

    /// The extension of the rendered file.
    fn ext(&self) -> &'static str {
        if self.format == Format::Docx {
            "docx"
        } else {
            "html"
        }
    }
}

/// Where per-document results go, and where JSON lines come from.
struct OutOptions {
    view: View,
    /// `--out DIR`.
    dir: Option<PathBuf>,
    skip_existing: bool,
    /// Name of the `--jsonl` source in error records: `stdin` or the file.
    jsonl_source: String,
}

impl OutOptions {
    /// With --skip-existing, the result saved by an earlier run.
    fn saved(&self, id: &str, bytes: u64) -> Option<Done> {
        let dir = self.dir.as_deref().filter(|_| self.skip_existing)?;
        let saved = std::fs::read_to_string(output_path(dir, id, "json")).ok()?;
        let record = serde_json::from_str::<Record>(&saved).ok()?;
        Some(finish(record, bytes))
    }

    /// With --out, write a summarized document's .json and .md (failed ones are only in the
    /// index, so `--skip-existing` tries them again); a failure to write becomes the error record.
    fn write(&self, done: Done) -> Done {
        let (Some(dir), Record::Summary(summary)) = (self.dir.as_deref(), &done.record) else {
            return done;
        };
        match write_document_files(dir, &done, &self.view) {
            Ok(()) => done,
            Err(e) => {
                let error = format!("cannot write output: {e:#}");
                let record = Record::Error(ErrorRecord {
                    id: summary.id.clone(),
                    source: summary.source.clone(),
                    error,
                });
                finish(record, done.bytes)
            }
        }
    }
}

/// Run `f`, turning a panic into an error record so one bad document never stops the batch.
fn guarded(id: &str, source: &str, f: impl FnOnce() -> Record) -> Record {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let msg = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Record::Error(ErrorRecord {
            id: id.into(),
            source: source.into(),
            error: format!("internal error, please report it: {msg}"),
        })
    })
}

fn finish(record: Record, bytes: u64) -> Done {
    let mut line = serde_json::to_string(&record).expect("records serialize");
    line.push('\n');
    Done {
        record,
        line,
        bytes,
        rendered: None,
    }
}

/// `DIR/<id>.<ext>`, with `..` and root components of the id left out.
fn output_path(dir: &Path, id: &str, ext: &str) -> PathBuf {
    let mut path = dir.to_path_buf();
    for c in Path::new(id).components() {
        if let Component::Normal(part) = c {
            path.push(part);
        }
    }
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "document".into());
    name.push(".");
    name.push(ext);
    path.set_file_name(name);
    path
}

fn write_document_files(dir: &Path, done: &Done, view: &View) -> Result<()> {
    let record = &done.record;
    let json_path = output_path(dir, record.id(), "json");
    if let Some(parent) = json_path.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("{}", parent.display()))?;
    }
    std::fs::write(&json_path, serde_json::to_string_pretty(record)?)
        .with_context(|| format!("{}", json_path.display()))?;
    let md_path = output_path(dir, record.id(), "md");
    std::fs::write(&md_path, render::markdown_with(record, &view.md))
        .with_context(|| format!("{}", md_path.display()))?;
    if let Some(bytes) = &done.rendered {
        let path = output_path(dir, record.id(), view.ext());
        std::fs::write(&path, bytes).with_context(|| format!("{}", path.display()))?;
    }
    Ok(())
}

/// Writes records to stdout and, with --out, to the batch files.
struct Emitter {
    format: Format,
    view: View,
    stdout: BufWriter<Box<dyn Write>>,
    count: usize,
    batch: Option<BatchFiles>,
    /// With --format docx -o FILE: the one document's file, written at the end.
    docx: Option<(PathBuf, Option<Vec<u8>>)>,
}

struct BatchFiles {
    index: BufWriter<File>,
    digest: BufWriter<File>,
    digest_rows_path: PathBuf,
    digest_rows: BufWriter<File>,
    csv: BufWriter<File>,
    tasks: BufWriter<File>,
    /// The documents of `index.html` (with --format html).
    pages: Vec<tomtat::html::IndexEntry>,
    dir: PathBuf,
}

impl Emitter {
    fn new(view: View, out: Option<&Path>, output: Option<&Path>) -> Result<Emitter> {
        let format = view.format;
        let batch = match out {
            None => None,
            Some(dir) => {
                std::fs::create_dir_all(dir).with_context(|| {
                    format!("{}: cannot create the output folder", dir.display())
                })?;
                let create = |name: &str| -> Result<BufWriter<File>> {
                    let p = dir.join(name);
                    Ok(BufWriter::new(
                        File::create(&p).with_context(|| format!("{}", p.display()))?,
                    ))
                };
                let mut digest = create("digest.md")?;
                digest.write_all(
                    render::digest_header("Tóm tắt theo lô (batch digest)").as_bytes(),
                )?;
                let mut csv = create("indicators.csv")?;
                csv.write_all(tomtat::csv::indicator_header(view.csv_plain).as_bytes())?;
                let mut tasks = create("tasks.csv")?;
                tasks.write_all(tomtat::csv::task_header(view.csv_plain).as_bytes())?;
                Some(BatchFiles {
                    index: create("index.jsonl")?,
                    digest,
                    digest_rows_path: dir.join(".digest-indicators.tmp"),
                    digest_rows: create(".digest-indicators.tmp")?,
                    csv,
                    tasks,
                    pages: Vec::new(),
                    dir: dir.to_path_buf(),
                })
            }
        };
        let (sink, docx): (Box<dyn Write>, _) = match output {
            Some(path) if format == Format::Docx => {
                (Box::new(std::io::sink()), Some((path.to_path_buf(), None)))
            }
            Some(path) => (
                Box::new(File::create(path).with_context(|| format!("{}", path.display()))?),
                None,
            ),
            None if format == Format::Docx => (Box::new(std::io::sink()), None),
            None => (Box::new(std::io::stdout()), None),
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
            format,
            view,
            stdout,
            count: 0,
            batch,
            docx,
        })
    }

    fn emit(&mut self, done: &Done) -> Result<()> {
        match self.format {
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
            if self.format == Format::Html {
                let page = output_path(&b.dir, done.record.id(), "html");
                let rel = page.strip_prefix(&b.dir).unwrap_or(&page);
                let rel: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                b.pages.push(tomtat::html::IndexEntry::new(
                    &done.record,
                    tomtat::html::href(&rel.join("/")),
                ));
            }
        }
        if self.format != Format::Json {
            // Stream: a consumer (a pipe, Spark) sees each document as soon as it is done.
            self.stdout.flush()?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if self.format == Format::Json {
            self.stdout.write_all(b"]\n")?;
        }
        self.stdout.flush()?;
        if let Some(mut b) = self.batch.take() {
            b.digest_rows.flush()?;
            drop(b.digest_rows);
            b.digest
                .write_all(render::DIGEST_INDICATOR_HEADER.as_bytes())?;
            let mut rows = File::open(&b.digest_rows_path)?;
            std::io::copy(&mut rows, &mut b.digest)?;
            std::fs::remove_file(&b.digest_rows_path)?;
            b.digest.flush()?;
            b.index.flush()?;
            b.csv.flush()?;
            b.tasks.flush()?;
            if self.format == Format::Html {
                let index = tomtat::html::index("Tóm tắt theo lô", &b.pages);
                let path = b.dir.join("index.html");
                std::fs::write(&path, index).with_context(|| format!("{}", path.display()))?;
            }
        }
        if let Some((path, file)) = self.docx.take() {
            let bytes = file.context("no document to write")?;
            std::fs::write(&path, bytes).with_context(|| format!("{}", path.display()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_stay_inside_the_output_folder() {
        let dir = Path::new("/out");
        assert_eq!(
            output_path(dir, "2024/a.docx", "json"),
            Path::new("/out/2024/a.docx.json")
        );
        assert_eq!(
            output_path(dir, "../../etc/passwd", "md"),
            Path::new("/out/etc/passwd.md")
        );
        assert_eq!(
            output_path(dir, "/abs/x.txt", "json"),
            Path::new("/out/abs/x.txt.json")
        );
    }
}

//! `tomtat`: extractive briefings of Vietnamese party-committee reports.
//!
//! A thin layer over the `tomtat` pipeline crates: argument parsing, files in and out.
//! Exit codes: 0 success, 1 some input failed (each failure is also a record in the output),
//! 2 usage error.

mod bench;
mod digest;
mod io;
mod outdir;
mod progress;
mod summarize;
mod worker;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use tomtat::text::{Encoding, Options, ToneStyle};

#[derive(Parser)]
#[command(
    name = "tomtat",
    version,
    about = "Tóm tắt: extractive briefings (results, shortcomings, directives, indicators, tasks) of Vietnamese reports, offline"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Decoding options shared by the commands that read raw text.
#[derive(clap::Args, Clone, Copy)]
struct TextArgs {
    /// Source encoding; `auto` detects it.
    #[arg(long, default_value = "auto", value_parser = parse_encoding)]
    encoding: EncodingChoice,
    /// Tone-mark placement: `new` (hoà, thuỷ), `old` (hòa, thủy) or `keep`.
    #[arg(long, default_value = "keep", value_parser = parse_tone)]
    tone_style: ToneStyle,
}

impl TextArgs {
    fn options(&self) -> Options {
        Options {
            encoding: self.encoding.0,
            tone_style: self.tone_style,
        }
    }
}

/// `auto` (None) or a named encoding.
#[derive(Clone, Copy)]
struct EncodingChoice(Option<Encoding>);

fn parse_encoding(s: &str) -> Result<EncodingChoice, String> {
    if s == "auto" {
        Ok(EncodingChoice(None))
    } else {
        s.parse().map(|e| EncodingChoice(Some(e)))
    }
}

fn parse_tone(s: &str) -> Result<ToneStyle, String> {
    s.parse()
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum SplitFormat {
    Text,
    Jsonl,
}

#[derive(Subcommand)]
enum Command {
    /// Decode and normalize text (NFC, one tone style) and write UTF-8 to stdout.
    Normalize {
        /// Input file; stdin when absent or `-`.
        file: Option<PathBuf>,
        #[command(flatten)]
        text: TextArgs,
    },
    /// Write one JSON object per typed token: text, kind, start, end (source byte range).
    Tokens {
        file: Option<PathBuf>,
        #[command(flatten)]
        text: TextArgs,
    },
    /// Segment into words (syllables joined by `_`), one sentence a line.
    Tokenize {
        file: Option<PathBuf>,
        /// Keep one output line per input line instead of one sentence a line.
        #[arg(long)]
        lines: bool,
        /// User dictionary: one word a line, syllables separated by spaces.
        #[arg(long)]
        dict: Option<PathBuf>,
        #[command(flatten)]
        text: TextArgs,
    },
    /// Split into units (sentences, headings, list items, captions, bylines) with clauses.
    Split {
        file: Option<PathBuf>,
        /// `text`: one unit a line; `jsonl`: {"id","sentences":[{"text","kind","start","end","clauses"}]}.
        #[arg(long, value_enum, default_value = "text")]
        format: SplitFormat,
        /// Read {"id","text"} JSON lines from stdin, one document a line.
        #[arg(long)]
        jsonl: bool,
        #[command(flatten)]
        text: TextArgs,
    },
    /// Print the text extracted from any supported input (.txt/.md, .docx/.odt, .doc/.rtf, .html/.mht, .pdf), decoded and normalized.
    Text {
        path: Option<PathBuf>,
        #[command(flatten)]
        text: TextArgs,
    },
    /// Summarize documents: key results, shortcomings, directives, indicators and tasks.
    Summarize(summarize::Args),
    /// Measure throughput of each stage and of the whole pipeline, on 1 thread and on all cores.
    Bench(bench::Args),
    /// Write a synthetic archive of N documents built from the corpus, for scale tests.
    MakeArchive {
        /// Output folder.
        out: PathBuf,
        /// Number of documents.
        #[arg(long, default_value_t = 10_000)]
        docs: usize,
        /// Corpus folder to draw from.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
    },
}

fn main() {
    // A parser worker (see `worker.rs`): this binary re-executed by a batch, never by a user.
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if raw.get(1).is_some_and(|a| a == worker::WORKER_COMMAND) {
        let rest: Vec<String> = raw[2..]
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        std::process::exit(worker::worker_main(&rest));
    }
    let cli = Cli::parse();
    let code = match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                0
            } else {
                eprintln!("tomtat: error: {e:#}");
                1
            }
        }
    };
    std::process::exit(code);
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<i32> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match cli.command {
        Command::Normalize { file, text } | Command::Text { path: file, text } => {
            let doc = io::read_text(file.as_deref(), &text.options())?;
            out.write_all(doc.text.as_str().as_bytes())?;
        }
        Command::Tokens { file, text } => {
            let doc = io::read_text(file.as_deref(), &text.options())?;
            io::write_tokens(&doc.text, &mut out)?;
        }
        Command::Tokenize {
            file,
            lines,
            dict,
            text,
        } => {
            let segmenter = io::segmenter(dict.as_deref())?;
            let doc = io::read_text(file.as_deref(), &text.options())?;
            io::write_words(&doc.text, &segmenter, lines, &mut out)?;
        }
        Command::Split {
            file,
            format,
            jsonl,
            text,
        } => {
            let splitter = tomtat::splitter::Splitter::new();
            if jsonl {
                io::split_jsonl_stdin(&splitter, &text.options(), format, &mut out)?;
            } else {
                let doc = io::read_text(file.as_deref(), &text.options())?;
                io::write_units(&doc.name, &doc.text, &splitter, format, &mut out)?;
            }
        }
        Command::Summarize(args) => {
            drop(out);
            return summarize::run(args);
        }
        Command::Bench(args) => {
            drop(out);
            bench::run(args)?;
        }
        Command::MakeArchive {
            out: dir,
            docs,
            corpus,
        } => {
            drop(out);
            bench::make_archive(&corpus, &dir, docs)?;
        }
    }
    Ok(0)
}

//! `tomtat`: extractive briefings of Vietnamese party-committee reports.
//!
//! A thin layer over the `tomtat` pipeline crates: argument parsing, files in and out.
//! Exit codes: 0 success, 1 some input failed (each failure is also a record in the output),
//! 2 usage error or nothing to do, 3 (`summarize`) the run could not go on.

mod bench;
mod digest;
mod io;
mod outdir;
mod progress;
mod summarize;
mod synthesize;
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
    long_version = long_version(),
    about = "Tóm tắt: extractive briefings (results, shortcomings, directives, indicators, tasks) of Vietnamese reports, offline",
    after_help = "Every command reads stdin when FILE is absent or `-`.\n\nExit codes: 0 success; 1 some input failed (each failure is named on stderr, and by summarize also in an error record); 2 usage error or nothing to do."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The version with the versions of the bundled models (a digest of each model file).
fn long_version() -> &'static str {
    let model = |bytes: &[u8]| format!("{:08x}", digest::fnv1a(bytes) as u32);
    let text = format!(
        "{}\nsegmenter model: format {}, digest {}",
        env!("CARGO_PKG_VERSION"),
        tomtat::tokenizer::segment::model::VERSION,
        model(tomtat::tokenizer::segment::BUNDLED_MODEL),
    );
    Box::leak(text.into_boxed_str())
}

/// Decoding options shared by the commands that read raw text.
#[derive(clap::Args, Clone, Copy)]
struct TextArgs {
    /// Source encoding: auto (detect), utf8, utf16 (little endian), utf16be, cp1258
    /// (Windows-1258), tcvn3 (ABC), vni, viqr.
    #[arg(long, default_value = "auto", value_parser = parse_encoding, value_name = "ENCODING")]
    encoding: EncodingChoice,
    /// Tone-mark placement: `new` (hoà, thuỷ), `old` (hòa, thủy) or `keep`.
    #[arg(long, default_value = "keep", value_parser = parse_tone, value_name = "new|old|keep")]
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
    #[command(after_help = concat!(
        "Examples:\n  tomtat normalize bao-cao.txt --tone-style new\n  tomtat normalize old.txt --encoding tcvn3 > new.txt\n  echo 'Hoà bình' | tomtat normalize --tone-style old\n\n",
        "Exit codes: 0 success; 1 the input could not be read (the reason on stderr); 2 usage error."
    ))]
    Normalize {
        /// Input file (a plain text file, or any format `tomtat text` reads); stdin when absent or `-`.
        file: Option<PathBuf>,
        #[command(flatten)]
        text: TextArgs,
    },
    /// Write one JSON object per typed token: text, kind, start, end (source byte range).
    #[command(after_help = concat!(
        "Examples:\n  tomtat tokens bao-cao.txt | head\n  echo 'Tăng 5,1% so với cùng kỳ' | tomtat tokens\n\n",
        "Exit codes: 0 success; 1 the input could not be read (the reason on stderr); 2 usage error."
    ))]
    Tokens {
        /// Input file in any supported format; stdin when absent or `-`.
        file: Option<PathBuf>,
        #[command(flatten)]
        text: TextArgs,
    },
    /// Segment into words (syllables joined by `_`), one sentence a line.
    #[command(after_help = concat!(
        "Examples:\n  echo 'Ban Chấp hành Đảng bộ huyện' | tomtat tokenize\n  tomtat tokenize --lines corpus.txt > words.txt\n  tomtat tokenize bao-cao.docx --dict my-words.txt\n\n",
        "Exit codes: 0 success; 1 the input or the dictionary could not be read (the reason on stderr); 2 usage error."
    ))]
    Tokenize {
        /// Input file in any supported format; stdin when absent or `-`.
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
    #[command(after_help = concat!(
        "Examples:\n  tomtat split bao-cao.txt\n  tomtat split bao-cao.pdf --format jsonl\n  tomtat split --jsonl --format jsonl < docs.jsonl\n\n",
        "Exit codes: 0 success; 1 the input could not be read (the reason on stderr); 2 usage error."
    ))]
    Split {
        /// Input file in any supported format; stdin when absent or `-`.
        file: Option<PathBuf>,
        /// `text`: one unit a line; `jsonl`: {"id","sentences":[{"text","kind","start","end","clauses"}]}.
        #[arg(long, value_enum, default_value = "text")]
        format: SplitFormat,
        /// Read {"id","text"} JSON lines from stdin, one document a line (a line without an id is `line-N`).
        #[arg(long)]
        jsonl: bool,
        #[command(flatten)]
        text: TextArgs,
    },
    /// Print the text extracted from any supported input (.txt/.md, .docx/.odt, .doc/.rtf, .html/.mht, .pdf), decoded and normalized.
    #[command(after_help = concat!(
        "Examples:\n  tomtat text bao-cao.docx\n  tomtat text scan.pdf   # exit 1: no text layer, run OCR first\n  curl -s URL | tomtat text\n\n",
        "Exit codes: 0 success; 1 the input could not be read (the reason on stderr); 2 usage error."
    ))]
    Text {
        /// Input file in any supported format; stdin when absent or `-`.
        path: Option<PathBuf>,
        #[command(flatten)]
        text: TextArgs,
    },
    /// Summarize documents: key results, shortcomings, directives, indicators and tasks.
    Summarize(summarize::Args),
    /// One synthesis of many documents: recurring content, indicators side by side, follow-up.
    Synthesize(synthesize::Args),
    /// Measure throughput of each stage and of the whole pipeline, on 1 thread and on all cores.
    #[command(after_help = concat!(
        "Examples:\n  tomtat bench\n  tomtat bench --json --runs 9 > bench.json\n  tomtat bench /srv/sample --threads 4\n\n",
        "Progress goes to stderr; a warning says when the machine is busy (the figures then read low).\n",
        "Exit codes: 0 success; 1 the corpus could not be read; 2 usage error."
    ))]
    Bench(bench::Args),
    /// Write a synthetic archive of N documents built from the corpus, for scale tests.
    #[command(after_help = concat!(
        "Examples:\n  tomtat make-archive /tmp/archive --docs 10000\n  tomtat make-archive /tmp/a --docs 50 --corpus my-reports\n\n",
        "Exit codes: 0 success; 1 the corpus cannot be read or the archive cannot be written; 2 usage error."
    ))]
    MakeArchive {
        /// Output folder.
        out: PathBuf,
        /// Number of documents.
        #[arg(long, default_value_t = 10_000)]
        docs: usize,
        /// Corpus folder of .txt reports to draw from (default: the bundled corpus/).
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
    /// Print a shell completion script: `tomtat completions bash > /etc/bash_completion.d/tomtat`.
    #[command(after_help = concat!(
        "Examples:\n  tomtat completions bash > ~/.local/share/bash-completion/completions/tomtat\n  tomtat completions zsh > ~/.zfunc/_tomtat\n  tomtat completions fish > ~/.config/fish/completions/tomtat.fish\n\n",
        "Exit codes: 0 success; 2 usage error."
    ))]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `tomtat man > tomtat.1; man ./tomtat.1`.
    Man,
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
        Command::Synthesize(args) => {
            drop(out);
            return synthesize::run(args);
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
            bench::make_archive(corpus.as_deref(), &dir, docs)?;
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "tomtat", &mut out);
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(&mut out)?;
        }
    }
    Ok(0)
}

//! `tomtat synthesize`: one synthesis (tổng hợp) of many documents: the documents grouped by
//! province, body or period, recurring content across documents, indicators side by side and
//! the follow-up of directives. See `docs/synthesis.md`.
//!
//! PATHs are documents or folders (read and summarized here, as `tomtat summarize` does, ids
//! being the same) or `.jsonl` files of `tomtat summarize --format jsonl` records (their picks
//! are the key units; `-` reads such records from stdin, for Spark's `pipe`). Documents are reduced to key units and word vectors in parallel chunks,
//! so memory holds the key units, never the texts.

use anyhow::{Context, Result};
use clap::ValueEnum;
use rayon::prelude::*;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use tomtat::batch::{discover, Glob};
use tomtat::{Pipeline, PipelineOptions, Record};
use tomtat_synthesis::{By, DocInput, Options, Synthesizer};

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Json,
    Html,
}

#[derive(clap::Args)]
pub struct Args {
    /// Documents, folders (walked recursively), or `.jsonl` files of `summarize` records
    /// (`-`: records on stdin).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output on stdout (ignored with `--out`, which writes all three).
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    /// Group the documents by `issuer`, `province` or `period`.
    #[arg(long, default_value = "province", value_parser = parse_by)]
    by: By,
    /// Write `synthesis.md`, `synthesis.json`, `synthesis.html` and `synthesis-indicators.csv` here.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Only files matching this pattern in folders (repeatable), as in `summarize`.
    #[arg(long)]
    glob: Vec<String>,
    /// Key units kept per part and document.
    #[arg(long, default_value_t = 12)]
    units_per_part: usize,
    /// Cosine similarity (TF-IDF) at which two units join a cluster.
    #[arg(long, default_value_t = 0.3)]
    threshold: f32,
}

fn parse_by(s: &str) -> Result<By, String> {
    s.parse()
}

/// Documents reduced in parallel per chunk, then added in input order.
const CHUNK: usize = 256;

pub fn run(args: Args) -> Result<i32> {
    let options = Options {
        units_per_part: args.units_per_part,
        threshold: args.threshold,
        ..Options::default()
    };
    let (jsonl, others): (Vec<PathBuf>, Vec<PathBuf>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| p.as_os_str() == "-" || p.extension().is_some_and(|e| e == "jsonl"));
    let pipeline = Pipeline::new(PipelineOptions::default());
    let mut synth = Synthesizer::new(options);
    let mut failed = 0usize;
    let globs: Vec<Glob> = args
        .glob
        .iter()
        .map(|g| Glob::new(g))
        .collect::<Result<_, String>>()
        .map_err(anyhow::Error::msg)?;
    let found = discover(&others, &globs);
    for chunk in found.inputs.chunks(CHUNK) {
        let docs: Vec<Result<DocInput, String>> = chunk
            .par_iter()
            .map(|input| {
                if let Some(p) = &input.problem {
                    return Err(format!("{}: {p}", input.id));
                }
                let text = pipeline
                    .read_file(&input.path)
                    .map_err(|e| format!("{}: {e}", input.id))?;
                let source = input.path.display().to_string();
                Ok(DocInput::from_text(&pipeline, &input.id, &source, &text, &options).0)
            })
            .collect();
        for d in docs {
            match d {
                Ok(d) => synth.add(d),
                Err(e) => {
                    failed += 1;
                    eprintln!("tomtat: {e}");
                }
            }
        }
    }
    for path in &jsonl {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            let file = std::fs::File::open(path).with_context(|| path.display().to_string())?;
            Box::new(std::io::BufReader::new(file))
        };
        let mut lines = reader.lines();
        loop {
            let chunk: Vec<String> = lines.by_ref().take(CHUNK).collect::<Result<_, _>>()?;
            if chunk.is_empty() {
                break;
            }
            let docs: Vec<Option<DocInput>> = chunk
                .par_iter()
                .filter(|l| !l.trim().is_empty())
                .map(|l| match serde_json::from_str::<Record>(l) {
                    Ok(Record::Summary(s)) => {
                        Some(DocInput::from_summary(&s, &pipeline.segmenter, &options))
                    }
                    _ => None,
                })
                .collect();
            for d in docs {
                match d {
                    Some(d) => synth.add(d),
                    None => failed += 1,
                }
            }
        }
    }
    let n = synth.len();
    let synthesis = synth.finish(args.by);
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
        std::fs::write(
            dir.join("synthesis.md"),
            tomtat_synthesis::markdown(&synthesis),
        )?;
        std::fs::write(
            dir.join("synthesis.json"),
            serde_json::to_string_pretty(&synthesis)?,
        )?;
        std::fs::write(
            dir.join("synthesis.html"),
            tomtat_synthesis::html(&synthesis),
        )?;
        std::fs::write(
            dir.join("synthesis-indicators.csv"),
            tomtat_synthesis::indicators_csv(&synthesis),
        )?;
        eprintln!(
            "tomtat: synthesis of {n} documents ({} clusters) written to {}",
            synthesis.clusters.len(),
            dir.display()
        );
    } else {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        match args.format {
            Format::Md => out.write_all(tomtat_synthesis::markdown(&synthesis).as_bytes())?,
            Format::Html => out.write_all(tomtat_synthesis::html(&synthesis).as_bytes())?,
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &synthesis)?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()?;
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

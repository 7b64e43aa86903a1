//! `tomtat bench`: throughput of each stage and of the whole pipeline, on one thread
//! and on all cores, as the median of several runs.

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tomtat::text::{Options, Text};
use tomtat::tokenizer::{tokenize_into, Scratch};
use tomtat::{Pipeline, PipelineOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Folder of .txt reports (default: the bundled corpus/).
    path: Option<PathBuf>,
    /// Repeat the corpus until it holds at least this many MB.
    #[arg(long, default_value_t = 20.0)]
    min_mb: f64,
    /// Runs per measurement; the median is reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Threads for the parallel column (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Write the figures as JSON.
    #[arg(long)]
    json: bool,
}

fn default_corpus() -> PathBuf {
    let here = PathBuf::from("corpus");
    if here.is_dir() {
        here
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
    }
}

fn read_corpus(dir: &Path) -> Result<Vec<Vec<u8>>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read the corpus folder", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("{}: no .txt files to measure", dir.display());
    }
    files
        .iter()
        .map(|p| std::fs::read(p).with_context(|| format!("{}", p.display())))
        .collect()
}

struct Row {
    stage: &'static str,
    threads: usize,
    median_s: f64,
}

/// The measured input: the documents as bytes, decoded, and split into units.
struct Inputs {
    docs: Vec<Vec<u8>>,
    texts: Vec<Text>,
    units: Vec<Vec<tomtat::splitter::Unit>>,
    total: usize,
}

impl Inputs {
    /// The corpus in `dir`, repeated until it holds at least `min_mb` MB; the second value
    /// is the number of files in one copy and the number of copies.
    fn load(dir: &Path, min_mb: f64, pipeline: &Pipeline) -> Result<(Inputs, usize, usize)> {
        let base = read_corpus(dir)?;
        let base_bytes: usize = base.iter().map(Vec::len).sum();
        let copies = ((min_mb * 1e6) / base_bytes as f64).ceil().max(1.0) as usize;
        let docs: Vec<Vec<u8>> = (0..copies).flat_map(|_| base.iter().cloned()).collect();
        let total = docs.iter().map(Vec::len).sum();
        let options = Options::default();
        let texts: Vec<Text> = docs
            .iter()
            .map(|d| Text::from_bytes(d, &options))
            .collect::<Result<_, _>>()?;
        let units = texts
            .iter()
            .map(|t| pipeline.splitter.split(t.as_str()))
            .collect();
        let inputs = Inputs {
            docs,
            texts,
            units,
            total,
        };
        Ok((inputs, base.len(), copies))
    }
}

pub fn run(args: Args) -> Result<()> {
    let dir = args.path.clone().unwrap_or_else(default_corpus);
    let pipeline = Pipeline::new(PipelineOptions::default());
    let (inputs, files, copies) = Inputs::load(&dir, args.min_mb, &pipeline)?;
    let cores = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let runs = args.runs.max(1);
    if !args.json {
        eprintln!(
            "tomtat bench: {} documents ({files} files × {copies}) = {:.1} MB from {}, median of {runs} runs",
            inputs.docs.len(),
            inputs.total as f64 / 1e6,
            dir.display()
        );
    }

    // Other work on the machine slows both columns and flattens the speed-up: say so.
    let busy = load_average().filter(|&l| l >= 0.5 * cores as f64);
    if let Some(load) = busy {
        eprintln!(
            "tomtat bench: warning: the machine is busy (load average {load:.1} on {cores} cores)"
        );
    }
    let mut rows = Vec::new();
    let thread_counts: Vec<usize> = if cores > 1 { vec![1, cores] } else { vec![1] };
    for &threads in &thread_counts {
        rows.extend(measure(&inputs, &pipeline, threads, runs)?);
    }

    eprint!("\r{:70}\r", "");
    if let Some(load) = busy {
        eprintln!("tomtat bench: warning: the machine was busy (load average {load:.1} on {cores} cores): figures and speed-ups read low; run again on an idle machine");
    }
    if args.json {
        print_json(&rows, &inputs, runs, cores);
    } else {
        print_table(&rows, &inputs, cores);
    }
    Ok(())
}

/// The median time of `runs` runs of each stage on `threads` threads.
fn measure(inputs: &Inputs, pipeline: &Pipeline, threads: usize, runs: usize) -> Result<Vec<Row>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let time = |stage: &'static str, f: &(dyn Fn() + Sync)| -> Row {
        let mut t: Vec<f64> = (0..runs)
            .map(|run| {
                eprint!(
                    "\rtomtat bench: {stage}, {threads} thread(s), run {}/{runs}   ",
                    run + 1
                );
                let start = Instant::now();
                pool.install(f);
                start.elapsed().as_secs_f64()
            })
            .collect();
        t.sort_by(f64::total_cmp);
        Row {
            stage,
            threads,
            median_s: t[t.len() / 2],
        }
    };
    let Inputs {
        docs, texts, units, ..
    } = inputs;
    let options = Options::default();
    Ok(vec![
        time("decode+normalize", &|| {
            docs.par_iter().for_each(|d| {
                std::hint::black_box(Text::from_bytes(d, &options).ok());
            })
        }),
        time("split", &|| {
            texts.par_iter().for_each(|t| {
                std::hint::black_box(pipeline.splitter.split(t.as_str()));
            })
        }),
        time("tokens+segment", &|| {
            texts.par_iter().for_each_init(
                || (Vec::new(), Vec::new(), Scratch::new()),
                |(tokens, words, scratch), t| {
                    tokens.clear();
                    words.clear();
                    tokenize_into(t.as_str(), tokens);
                    pipeline
                        .segmenter
                        .segment_with(scratch, t.as_str(), tokens, words);
                    std::hint::black_box(words.len());
                },
            )
        }),
        time("score", &|| {
            texts.par_iter().zip(units).for_each(|(t, u)| {
                std::hint::black_box(pipeline.scorer.summarize(
                    t.as_str(),
                    u,
                    &pipeline.segmenter,
                    &pipeline.options.summary,
                ));
            })
        }),
        time("metadata", &|| {
            texts.par_iter().for_each(|t| {
                std::hint::black_box(tomtat::meta::extract(t.as_str()));
            })
        }),
        time("whole pipeline", &|| {
            docs.par_iter().for_each(|d| {
                let record = pipeline.summarize_bytes("bench", "bench.txt", d);
                std::hint::black_box(serde_json::to_string(&record).ok());
            })
        }),
    ])
}

fn mb_per_s(r: &Row, inputs: &Inputs) -> f64 {
    inputs.total as f64 / 1e6 / r.median_s
}

fn docs_per_s(r: &Row, inputs: &Inputs) -> f64 {
    inputs.docs.len() as f64 / r.median_s
}

fn print_json(rows: &[Row], inputs: &Inputs, runs: usize, cores: usize) {
    let stages: Vec<_> = rows
        .iter()
        .map(|r| json!({"stage": r.stage, "threads": r.threads, "median_s": r.median_s, "mb_per_s": mb_per_s(r, inputs), "docs_per_s": docs_per_s(r, inputs)}))
        .collect();
    println!(
        "{}",
        json!({"bytes": inputs.total, "documents": inputs.docs.len(), "runs": runs, "cores": cores, "load_average": load_average(), "stages": stages})
    );
}

/// One line per stage: one thread, `cores` threads and the speed-up.
fn print_table(rows: &[Row], inputs: &Inputs, cores: usize) {
    println!(
        "{:<18}{:>12}{:>10}{:>14}{:>10}{:>10}",
        "stage",
        "1 thr MB/s",
        "docs/s",
        format!("{cores} thr MB/s"),
        "docs/s",
        "speed-up"
    );
    let (mbs, dps) = (|r| mb_per_s(r, inputs), |r| docs_per_s(r, inputs));
    for r1 in rows.iter().filter(|r| r.threads == 1) {
        let rn = rows
            .iter()
            .find(|r| r.stage == r1.stage && r.threads == cores && cores > 1);
        match rn {
            Some(rn) => println!(
                "{:<18}{:>12.1}{:>10.0}{:>14.1}{:>10.0}{:>9.2}×",
                r1.stage,
                mbs(r1),
                dps(r1),
                mbs(rn),
                dps(rn),
                r1.median_s / rn.median_s
            ),
            None => println!("{:<18}{:>12.1}{:>10.0}", r1.stage, mbs(r1), dps(r1)),
        }
    }
}

/// The 1-minute load average (Linux), to tell a busy machine.
fn load_average() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/loadavg").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Write `docs` documents drawn in turn from the corpus into `out/NNN/NNNNNN.txt`
/// (1000 a folder), each with a line naming its copy number so no two are identical.
/// `corpus`: the folder to draw from (an error when it is not one), or the bundled `corpus/`.
pub fn make_archive(corpus: Option<&Path>, out: &Path, docs: usize) -> Result<()> {
    let dir = match corpus {
        Some(c) if c.is_dir() => c.to_path_buf(),
        Some(c) => bail!("{}: no such corpus folder", c.display()),
        None => default_corpus(),
    };
    let base = read_corpus(&dir)?;
    for i in 0..docs {
        let folder = out.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&folder).with_context(|| format!("{}", folder.display()))?;
        }
        let mut bytes = base[i % base.len()].clone();
        bytes.extend_from_slice(format!("\nBản sao số {i}.\n").as_bytes());
        std::fs::write(folder.join(format!("{i:06}.txt")), bytes)?;
    }
    eprintln!("tomtat: wrote {docs} documents under {}", out.display());
    Ok(())
}

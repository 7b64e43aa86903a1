//! Reading one input (a file or stdin) and writing the per-stage outputs.

use crate::SplitFormat;
use anyhow::{Context, Result};
use serde_json::json;
use std::io::{BufRead, Read, Write};
use std::path::Path;
use tomtat::splitter::Splitter;
use tomtat::text::{Options, Text};
use tomtat::tokenizer::{tokenize_into, Scratch, Segmenter, Token, Word};

/// A decoded input and the name to show for it.
pub struct Doc {
    pub name: String,
    pub text: Text,
}

/// Read FILE (any supported format) or stdin when absent or `-`.
pub fn read_text(file: Option<&Path>, options: &Options) -> Result<Doc> {
    match file {
        Some(path) if path != Path::new("-") => {
            let name = path.display().to_string();
            let fail = |reason: String| anyhow::anyhow!("{name}: {reason}");
            let bytes = tomtat::formats::read_bytes(path, tomtat::DEFAULT_MAX_FILE_BYTES)
                .map_err(|e| fail(e.to_string()))?;
            // The parsers that can crash run in a worker process, as in `summarize`.
            let text = match crate::worker::isolated_kind(&bytes) {
                Some(kind) => crate::worker::Pool::new(*options, Default::default())?
                    .extract(path, &bytes, kind)
                    .map_err(fail)?,
                None => tomtat::formats::extract(path, &bytes, options)
                    .map_err(|e| fail(e.to_string()))?,
            };
            Ok(Doc { name, text })
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("reading stdin")?;
            if bytes.is_empty() {
                return Ok(Doc {
                    name: "-".into(),
                    text: Text::from_str_with("", options),
                });
            }
            let text = tomtat::formats::extract(Path::new("stdin.txt"), &bytes, options)
                .map_err(|e| anyhow::anyhow!("stdin: {e}"))?;
            Ok(Doc {
                name: "-".into(),
                text,
            })
        }
    }
}

/// The segmenter, with a user dictionary when given.
pub fn segmenter(dict: Option<&Path>) -> Result<Segmenter> {
    #[allow(unused_mut)]
    let mut segmenter = Segmenter::new();
    if let Some(path) = dict {
        let words = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the user dictionary", path.display()))?;
        segmenter.add_user_words(&words);
    }
    Ok(segmenter)
}

/// One JSON object per token, ranges in source bytes.
pub fn write_tokens(text: &Text, out: &mut impl Write) -> Result<()> {
    let s = text.as_str();
    let mut tokens = Vec::new();
    tokenize_into(s, &mut tokens);
    for t in &tokens {
        let r = text.source_range(t.start..t.end);
        serde_json::to_writer(
            &mut *out,
            &json!({"text": &s[t.start..t.end], "kind": t.kind.name(), "start": r.start, "end": r.end}),
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Words joined by `_`, separated by spaces: one sentence a line, or one input line a line.
pub fn write_words(
    text: &Text,
    segmenter: &Segmenter,
    lines: bool,
    out: &mut impl Write,
) -> Result<()> {
    let s = text.as_str();
    let mut scratch = WordScratch::default();
    if lines {
        for line in s.lines() {
            scratch.write_line(line, segmenter, out)?;
        }
    } else {
        for unit in Splitter::new().split(s) {
            scratch.write_line(unit.text(s), segmenter, out)?;
        }
    }
    Ok(())
}

/// Buffers reused from line to line.
#[derive(Default)]
struct WordScratch {
    tokens: Vec<Token>,
    words: Vec<Word>,
    segment: Scratch,
    line: String,
}

impl WordScratch {
    fn write_line(&mut self, s: &str, segmenter: &Segmenter, out: &mut impl Write) -> Result<()> {
        self.tokens.clear();
        self.words.clear();
        self.line.clear();
        tokenize_into(s, &mut self.tokens);
        segmenter.segment_with(&mut self.segment, s, &self.tokens, &mut self.words);
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                self.line.push(' ');
            }
            w.push_joined(s, &mut self.line);
        }
        self.line.push('\n');
        out.write_all(self.line.as_bytes())?;
        Ok(())
    }
}

/// Units of one document, as text lines or one JSON line.
pub fn write_units(
    id: &str,
    text: &Text,
    splitter: &Splitter,
    format: SplitFormat,
    out: &mut impl Write,
) -> Result<()> {
    let s = text.as_str();
    let units = splitter.split(s);
    match format {
        SplitFormat::Text => {
            for u in &units {
                writeln!(out, "{}", u.text(s).replace('\n', " "))?;
            }
        }
        SplitFormat::Jsonl => {
            let sentences: Vec<_> = units
                .iter()
                .map(|u| {
                    let r = text.source_range(u.start..u.end);
                    let clauses: Vec<_> = u
                        .clauses
                        .iter()
                        .map(|c| {
                            let cr = text.source_range(c.start..c.end);
                            json!({"text": &s[c.start..c.end], "start": cr.start, "end": cr.end})
                        })
                        .collect();
                    json!({"text": u.text(s), "kind": u.kind.name(), "start": r.start, "end": r.end, "clauses": clauses})
                })
                .collect();
            serde_json::to_writer(&mut *out, &json!({"id": id, "sentences": sentences}))?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// `{"id","text"}` JSON lines from stdin, split one by one.
pub fn split_jsonl_stdin(
    splitter: &Splitter,
    options: &Options,
    format: SplitFormat,
    out: &mut impl Write,
) -> Result<()> {
    let stdin = std::io::stdin();
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.context("reading stdin")?;
        if line.trim().is_empty() {
            continue;
        }
        let (id, text) = parse_jsonl_doc(&line);
        let text = text.with_context(|| format!("stdin line {}", n + 1))?;
        let id = id.unwrap_or_else(|| format!("line-{}", n + 1));
        let text = Text::from_str_with(&text, options);
        write_units(&id, &text, splitter, format, out)?;
        if format == SplitFormat::Text {
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Parse one `{"id","text"}` line: its id when it has one (a line without one is named
/// `line-N` by the caller), and its text or why there is none.
pub fn parse_jsonl_doc(line: &str) -> (Option<String>, Result<String>) {
    let v: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return (None, Err(anyhow::anyhow!("not a JSON object: {e}"))),
    };
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(other) if !other.is_null() => Some(other.to_string()),
        _ => None,
    };
    // A line without an id is still read; the caller names it `line-N`.
    let text = match v.get("text").and_then(|t| t.as_str()) {
        None => Err(anyhow::anyhow!("missing \"text\" string")),
        Some(text) => Ok(text.to_string()),
    };
    (id, text)
}

//! Segment standard input line by line, as `tomtat tokenize --lines` does: one
//! output line per input line, words `_`-joined and separated by spaces.
//!
//! ```text
//! cargo run --release -p tomtat-tokenizer --example segment_lines < in.txt > out.txt
//! ```

use std::io::{BufRead, Write};
use tomtat_tokenizer::{join_words, tokenize_into, Scratch, Segmenter};

fn main() {
    let seg = Segmenter::new();
    let mut scratch = Scratch::new();
    let (mut tokens, mut words) = (Vec::new(), Vec::new());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("UTF-8 input");
        tokens.clear();
        words.clear();
        tokenize_into(&line, &mut tokens);
        seg.segment_with(&mut scratch, &line, &tokens, &mut words);
        writeln!(out, "{}", join_words(&line, &words)).expect("write");
    }
}

//! A progress line on stderr when it is a terminal.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Counts of a batch run and the progress line drawn from them.
pub struct Progress {
    enabled: bool,
    total: usize,
    start: Instant,
    last_draw: Option<Instant>,
    pub done: usize,
    pub errors: usize,
    /// Kept from an earlier run by --skip-existing.
    pub kept: usize,
    pub bytes: u64,
}

/// Failed inputs named one a line on stderr, up to this many; the rest are counted.
const FAILURE_LINES: usize = 20;

impl Progress {
    /// Draws only when stderr is a terminal and `quiet` is off.
    pub fn new(total: usize, quiet: bool) -> Progress {
        Progress {
            enabled: !quiet && std::io::stderr().is_terminal(),
            total,
            start: Instant::now(),
            last_draw: None,
            done: 0,
            errors: 0,
            kept: 0,
            bytes: 0,
        }
    }

    /// Count one finished document; a failure is named on stderr (`SOURCE: reason`).
    pub fn tick(&mut self, bytes: u64, record: &tomtat::Record, kept: bool) {
        self.done += 1;
        self.bytes += bytes;
        self.kept += kept as usize;
        if let tomtat::Record::Error(e) = record {
            self.errors += 1;
            if self.errors <= FAILURE_LINES {
                let clear = if self.enabled { "\r\x1b[K" } else { "" };
                let line = format!("{clear}tomtat: {}: {}\n", e.source, e.error);
                let _ = std::io::stderr().write_all(line.as_bytes());
            }
        }
        if self.enabled
            && self
                .last_draw
                .is_none_or(|t| t.elapsed() >= Duration::from_millis(100))
        {
            self.draw();
            self.last_draw = Some(Instant::now());
        }
    }

    fn draw(&self) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let width = 24;
        let filled = (self.done * width)
            .checked_div(self.total)
            .unwrap_or(width)
            .min(width);
        let line = format!(
            "\r[{}{}] {}/{} files · {:.1} MB · {:.0} docs/s · {} errors ",
            "=".repeat(filled),
            " ".repeat(width - filled),
            self.done,
            self.total,
            self.bytes as f64 / 1e6,
            self.done as f64 / secs,
            self.errors
        );
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(line.as_bytes());
        let _ = err.flush();
    }

    /// Clear the line and print the final counts (always, even when quiet).
    pub fn finish(&self, skipped: usize) {
        if self.enabled {
            self.draw();
            eprintln!();
        }
        let secs = self.start.elapsed().as_secs_f64();
        let skipped = if skipped > 0 {
            format!(
                "; {} of other types skipped (use --glob to include them)",
                crate::summarize::plural(skipped, "file")
            )
        } else {
            String::new()
        };
        let more = if self.errors > FAILURE_LINES {
            format!(
                "tomtat: ... and {} more failures (each is an error record in the output)\n",
                self.errors - FAILURE_LINES
            )
        } else {
            String::new()
        };
        let kept = if self.kept > 0 {
            format!(", {} kept from an earlier run", self.kept)
        } else {
            String::new()
        };
        // One write, so that lines of processes sharing stderr (xargs -P) do not mix.
        let line = format!(
            "{more}tomtat: {}: {} summarized{kept}, {} failed ({:.1} MB in {:.2} s){skipped}\n",
            crate::summarize::plural(self.done, "document"),
            self.done - self.errors - self.kept,
            self.errors,
            self.bytes as f64 / 1e6,
            secs
        );
        let _ = std::io::stderr().write_all(line.as_bytes());
    }
}
